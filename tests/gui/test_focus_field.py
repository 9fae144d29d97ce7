# mypy: disable-error-code="no-untyped-call"
"""Jumping to a field: a finding's field path shows its tab and its widget, table row and column."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QApplication

from roledesigner.documents.sample import sample_design
from roledesigner.domain.edits import set_contract
from roledesigner.domain.vocabulary import Contract, Weekday
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.library.compose import blank_design, new_design
from roledesigner.review import review
from tests.gui.editorsupport import column, sample

__all__ = ["sample"]


def test_focus_field_shows_the_tab_that_holds_every_bound_field(sample: MainWindow) -> None:
    editor = sample.editor
    bindings = editor.binder.fields()
    assert len(bindings) > 20
    assert {"joint", "time.protected_days"} <= {b.path for b in bindings}, "the check boxes are fields too"
    checked = set()
    # With a job plan in programmed activities their field is open and the hours are greyed out;
    # without one, the other way round; an office holder's term, remuneration and days a month show
    # only for an appointment: between the three, every field is reached.
    controller = sample.controller
    for contract, activities in (
        (Contract.PERMANENT, Decimal(10)),
        (Contract.PERMANENT, None),
        (Contract.APPOINTMENT, None),
    ):
        assert controller.set_contract(contract) is None
        assert controller.set_field("time.contracted_programmed_activities", activities) is None
        for binding in bindings:
            if not binding.widget.isEnabled():
                continue
            editor.setCurrentIndex(0 if editor.currentIndex() else 1)  # start somewhere else
            assert editor.focus_field(binding.path), binding.path
            page = editor.currentWidget()
            assert page is not None and page.isAncestorOf(binding.widget), f"{binding.path} is not on its tab"
            if not binding.widget.isVisible():
                continue  # a row that does not apply to this post (an office holder's term, say)
            # A row of check boxes (the protected days) takes the focus at its first box.
            assert QApplication.focusWidget() is (binding.widget.focusProxy() or binding.widget), binding.path
            checked.add(binding.path)
    assert checked == {binding.path for binding in bindings}
    editor.focus_field("development.learning_hours_per_month")
    assert editor.tabText(editor.currentIndex()).replace("&", "") == "Time", "learning time is with the protected time"


def test_focus_field_finds_table_rows_columns_and_the_protected_days(sample: MainWindow) -> None:
    editor = sample.editor
    partners = editor.tables["joint.partners"]
    assert editor.focus_field("joint.partners[*].funding_percent")
    assert editor.currentWidget() is not None and editor.currentWidget().isAncestorOf(partners)
    assert partners.currentIndex() == partners.list_model.index(0, column(partners, "funding_percent"))
    assert editor.focus_field("criteria[0].requirement")
    criteria = editor.tables["criteria"]
    assert criteria.currentIndex() == criteria.list_model.index(0, column(criteria, "requirement"))
    assert QApplication.focusWidget() is criteria
    assert editor.focus_field("time.protected_days")
    assert QApplication.focusWidget() is editor.day_checks[Weekday.MONDAY]
    for path in ("relationships[1].name", "responsibilities[2].text", "capabilities[3].id", "joint"):
        editor.setCurrentIndex(0)
        assert editor.focus_field(path), path
        focused = QApplication.focusWidget()
        assert focused is not None and editor.currentWidget().isAncestorOf(focused), path
    assert not editor.focus_field("no_such_field")
    sample.preview.refresh_now()
    for finding in sample.preview.findings.findings:
        if finding.field:
            assert editor.focus_field(finding.field), finding.field


def test_every_finding_on_any_library_role_or_a_blank_appointment_goes_to_a_field_that_shows(
    sample: MainWindow,
) -> None:
    """The review's fields, for every role the library composes, a blank design, an appointment with
    nothing filled in (days a month, term, remuneration) and the sample joint post, as it is and with
    no staffing route: each is found and shown on its tab."""
    editor, controller = sample.editor, sample.controller
    library = controller.library
    designs = [new_design(library, role_id) for role_id in library.roles]
    blank = blank_design()
    sample_joint = sample_design(library)
    assert sample_joint.joint is not None
    no_route = sample_joint.model_copy(update={"joint": sample_joint.joint.model_copy(update={"staffing_route": None})})
    designs += [blank, set_contract(blank, Contract.APPOINTMENT), sample_joint, no_route]
    fields: set[str] = set()
    for design in designs:
        controller.replace(design)
        for finding in review(design, library):
            if not finding.field:
                continue
            fields.add(finding.field)
            editor.setCurrentIndex(0 if editor.currentIndex() else 1)
            assert editor.focus_field(finding.field), finding.field
            focused = QApplication.focusWidget()
            assert focused is not None and focused.isVisible(), finding.field
            assert editor.currentWidget() is not None and editor.currentWidget().isAncestorOf(focused), finding.field
    assert {"term_of_office", "remuneration", "time.contracted_days_per_month", "joint.staffing_route"} <= fields
