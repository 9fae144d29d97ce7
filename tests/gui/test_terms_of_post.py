# mypy: disable-error-code="no-untyped-call"
"""Terms that fit the post, driven with real keys: an appointment's term, remuneration and days a
month instead of weekly hours, the pay framework, the job evaluation dimensions, GP sessions."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.documents.wording import time_sentences
from roledesigner.domain.vocabulary import AllocationUnit, Contract, Terms
from roledesigner.gui.editor.editor import TABS, RoleEditor
from roledesigner.gui.editor.overview import APPOINTMENT_NOTE, HOST_FRAMEWORK_NOTE, NO_FRAMEWORK_NOTE
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import sample

__all__ = ["sample"]


def field(editor: RoleEditor, path: str) -> QWidget:
    binding = editor.binder.find(path)
    assert binding is not None, path
    return binding.widget


def shown(editor: RoleEditor, path: str) -> bool:
    """Whether the field and its caption show on their tab (the tab made current to look)."""
    widget = field(editor, path)
    editor.focus_field(path)
    QApplication.processEvents()
    return widget.isVisible() and editor.captions[widget].isVisible()


def type_in(qtbot: QtBot, editor: RoleEditor, path: str, text: str) -> None:
    """Go to the field as the review does, select what is there and type, then move on."""
    assert editor.focus_field(path)
    widget = field(editor, path)
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_an_appointment_shows_its_term_remuneration_and_days_a_month_instead_of_weekly_hours(
    sample: MainWindow, qtbot: QtBot
) -> None:
    editor, controller = sample.editor, sample.controller
    stack = controller.undo_stack
    assert not shown(editor, "term_of_office") and not shown(editor, "remuneration")
    assert not shown(editor, "time.contracted_days_per_month")
    # A clinician's job plan first, ticked as a user ticks it.
    editor.setCurrentIndex(TABS.index("Time"))
    qtbot.mouseClick(editor.pa_basis, Qt.MouseButton.LeftButton)
    assert controller.design.time.contracted_programmed_activities == Decimal(10)
    steps = stack.count()

    contract = field(editor, "contract")
    assert isinstance(contract, QComboBox)
    assert editor.focus_field("contract")
    qtbot.keyClick(contract, Qt.Key.Key_End)
    design = controller.design
    assert design.contract is Contract.APPOINTMENT and contract.currentText() == "Appointment (office holder)"
    assert design.time.contracted_programmed_activities is None, "an office holder has no job plan"
    assert stack.count() == steps + 1 and stack.undoText() == "Edit contract"
    assert editor.notes[contract].isVisible() and editor.notes[contract].text() == APPOINTMENT_NOTE
    assert shown(editor, "term_of_office") and shown(editor, "remuneration")
    terms = field(editor, "terms")
    assert not terms.isEnabled() and editor.notes[terms].text() == NO_FRAMEWORK_NOTE

    type_in(qtbot, editor, "term_of_office", "Three years, renewable once")
    assert controller.design.term_of_office == "Three years, renewable once"
    assert stack.undoText() == "Edit term of office"
    type_in(qtbot, editor, "remuneration", "£21,000 a year")
    assert controller.design.remuneration == "£21,000 a year" and stack.undoText() == "Edit remuneration"

    # The Time tab: days a month instead of the weekly hours, which are greyed out with a note.
    assert shown(editor, "time.contracted_days_per_month")
    assert editor.tabText(editor.currentIndex()).replace("&", "") == "Time"
    hours = editor.hours_binding.widget
    assert not hours.isEnabled() and not editor.captions[hours].isEnabled()
    assert "days a month" in editor.notes[hours].text() and "7.5 hours" in editor.notes[hours].text()
    assert not editor.pa_basis.isVisible() and not editor.pa_binding.widget.isVisible(), "no job plan to tick"
    sentence = editor.time_sentence.text()
    type_in(qtbot, editor, "time.contracted_days_per_month", "3")
    assert controller.design.time.contracted_days_per_month == Decimal(3)
    assert stack.undoText() == "Edit days a month"
    assert editor.time_sentence.text() == " ".join(time_sentences(controller.design.time)) != sentence

    # Back to a permanent post: the days a month go with the appointment, the hours open again.
    assert editor.focus_field("contract")
    qtbot.keyClick(contract, Qt.Key.Key_Home)
    assert controller.design.contract is Contract.PERMANENT
    assert controller.design.time.contracted_days_per_month is None
    assert controller.design.term_of_office == "Three years, renewable once", "the text typed is kept"
    assert not shown(editor, "term_of_office") and not shown(editor, "time.contracted_days_per_month")
    assert hours.isEnabled() and editor.notes[hours].isHidden() and editor.pa_basis.isVisible()
    assert terms.isEnabled()

    # Undo walks back through each step: the days return with the appointment, the job plan before it.
    stack.undo()
    assert controller.design.contract is Contract.APPOINTMENT
    assert controller.design.time.contracted_days_per_month == Decimal(3)
    for _ in range(3):
        stack.undo()
    assert controller.design.contract is Contract.APPOINTMENT and controller.design.term_of_office == ""
    stack.undo()
    assert controller.design.contract is Contract.PERMANENT
    assert controller.design.time.contracted_programmed_activities == Decimal(10)
    assert isinstance(editor.pa_basis, QCheckBox) and editor.pa_basis.isChecked()


def test_the_pay_framework_is_a_choice_and_a_joint_post_says_its_hosts_decides(
    sample: MainWindow, qtbot: QtBot
) -> None:
    editor, controller = sample.editor, sample.controller
    terms = field(editor, "terms")
    assert isinstance(terms, QComboBox)
    assert terms.accessibleName() == "Pay framework" and terms.currentText() == "Not stated"
    assert editor.notes[terms].text() == HOST_FRAMEWORK_NOTE, "the sample is a joint post"
    assert editor.focus_field("terms")
    for _ in range(5):
        qtbot.keyClick(terms, Qt.Key.Key_Down)
    assert controller.design.terms is Terms.VSM and terms.currentText() == "Very senior manager"
    assert controller.undo_stack.undoText() == "Edit pay framework"
    editor.setCurrentIndex(TABS.index("Joint post"))
    qtbot.mouseClick(editor.joint_check, Qt.MouseButton.LeftButton)
    assert controller.design.joint is None
    assert editor.notes[terms].isHidden(), "a post with one employer is graded on its own framework"


def test_the_dimensions_for_job_evaluation_are_typed_on_the_overview_in_plain_words(
    sample: MainWindow, qtbot: QtBot
) -> None:
    editor, controller = sample.editor, sample.controller
    typed = {
        "dimensions.budget": ("Budget held", "£2.4 million pooled budget", "Edit budget"),
        "dimensions.staff_managed": ("Staff managed", "12, four directly", "Edit staff managed"),
        "dimensions.decisions": ("Decisions taken alone", "Commits the pooled budget.", "Edit decisions taken alone"),
    }
    for path, (name, text, undo) in typed.items():
        type_in(qtbot, editor, path, text)
        assert editor.tabText(editor.currentIndex()).replace("&", "") == "Overview"
        assert field(editor, path).accessibleName() == name
        assert controller.undo_stack.undoText() == undo
    assert controller.design.dimensions.model_dump() == {
        "budget": "£2.4 million pooled budget",
        "staff_managed": "12, four directly",
        "decisions": "Commits the pooled budget.",
    }
    assert editor.focus_field("dimensions"), "the review's finding on the dimensions finds them"
    assert QApplication.focusWidget() is field(editor, "dimensions.budget")


def test_system_work_can_be_given_in_gp_sessions(sample: MainWindow, qtbot: QtBot) -> None:
    editor, controller = sample.editor, sample.controller
    unit = field(editor, "time.system_work.unit")
    assert isinstance(unit, QComboBox)
    offered = [unit.itemData(i) for i in range(unit.count())]
    assert offered == [member.value for member in AllocationUnit] and "sessions" in offered
    assert controller.design.time.system_work.amount == Decimal(50)  # per cent of 37.5 hours
    assert editor.focus_field("time.system_work.unit")
    qtbot.keyClick(unit, Qt.Key.Key_End)
    assert unit.currentText() == "sessions a week"
    work = controller.design.time.system_work
    assert work.unit is AllocationUnit.SESSIONS and work.amount == Decimal("4.5"), "18.75 hours of 4 h 10 min"
    assert editor.time_sentence.text() == " ".join(time_sentences(controller.design.time))
    assert controller.undo_stack.undoText() == "Edit protected time"
