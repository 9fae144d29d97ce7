"""The post's managers asked for in one place (issue 18, item 5): reports to, the appraisal lead
and a joint post's partners' line managers, each with a plain explanation of how it relates to
the others, so that filling one never raises a surprise warning. Typed with real keys."""

# pytest-qt's QtBot key helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QLabel, QLineEdit, QPlainTextEdit
from pytestqt.qtbot import QtBot

from roledesigner.gui.editor.editor import TABS
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.review import review
from tests.gui.editorsupport import sample

__all__ = ["sample"]


def _words(text: str) -> str:
    return " ".join(text.split())


def _note(window: MainWindow) -> str:
    note = window.editor.findChild(QLabel, "managers_note")
    assert note is not None, "the Overview explains its managers"
    return _words(note.text())


def _managers_finding(window: MainWindow) -> str:
    found = [
        f.message for f in review(window.controller.design, window.controller.library) if f.code == "clarity.managers"
    ]
    return found[0] if found else ""


def _type_lines(qtbot: QtBot, box: QPlainTextEdit, lines: list[str]) -> None:
    box.setFocus(Qt.FocusReason.TabFocusReason)
    box.selectAll()
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    for n, line in enumerate(lines):
        if n:
            qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.keyClicks(box, line)


def test_the_three_managers_fields_sit_together_under_one_explanation(sample: MainWindow) -> None:
    editor = sample.editor
    box = editor.findChild(QGroupBox, "managers_box")
    assert box is not None
    for path in ("reports_to", "accountable_to", "appraisal_lead"):
        binding = editor.binder.find(path)
        assert binding is not None and box.isAncestorOf(binding.widget), path
    note = editor.findChild(QLabel, "managers_note")
    assert note is not None and box.isAncestorOf(note)


def test_a_single_employers_post_is_told_before_a_second_manager_needs_an_appraisal_lead(
    sample: MainWindow, qtbot: QtBot
) -> None:
    controller = sample.controller
    controller.replace(controller.design.model_copy(update={"joint": None, "appraisal_lead": "", "reports_to": []}))
    sample.editor.setCurrentIndex(TABS.index("Overview"))
    QApplication.processEvents()
    before = _note(sample)
    assert "more than one" in before and "appraisal" in before, "said before it matters"
    assert "Still to name: whom the post reports to." in before
    reports_to = sample.editor.binder.find("reports_to")
    assert reports_to is not None and isinstance(reports_to.widget, QPlainTextEdit)
    _type_lines(qtbot, reports_to.widget, ["Director of adult social services", "Place director"])
    assert controller.design.reports_to == ["Director of adult social services", "Place director"]
    assert "Still to name: who leads appraisal." in _note(sample)
    assert "lead appraisal" in _managers_finding(sample), "the review asks for just what the note said"
    lead = sample.editor.binder.find("appraisal_lead")
    assert lead is not None and isinstance(lead.widget, QLineEdit)
    lead.widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(lead.widget, "Place director")
    assert "Every manager the review asks for is named." in _note(sample)
    assert _managers_finding(sample) == ""


def test_a_joint_post_is_told_where_its_partners_name_their_line_managers(sample: MainWindow, qtbot: QtBot) -> None:
    controller = sample.controller
    joint = controller.design.joint
    assert joint is not None
    partners = [p.model_copy(update={"line_manager": ""}) for p in joint.partners]
    controller.replace(
        controller.design.model_copy(
            update={"joint": joint.model_copy(update={"partners": partners}), "appraisal_lead": "", "reports_to": []}
        )
    )
    QApplication.processEvents()
    note = _note(sample)
    assert "Joint post tab" in note and "host" in note and "Reports to may stay empty" in note
    names = [p.organisation for p in partners]
    assert f"the line manager at {names[0]} and {names[1]}" in note
    # On the Joint post tab, beside the selected partner's line manager: how it relates.
    editor = sample.editor
    editor.setCurrentIndex(TABS.index("Joint post"))
    table = editor.tables["joint.partners"]
    table.setCurrentIndex(table.list_model.index(0, 0))
    QApplication.processEvents()
    partner_note = editor.findChild(QLabel, "partner_manager_note")
    assert partner_note is not None and partner_note.isVisible()
    assert "reporting line" in partner_note.text() and "appraisal" in partner_note.text()
    assert "no one yet" in partner_note.text()
    manager = editor.partner_fields["line_manager"]
    assert isinstance(manager, QLineEdit)
    manager.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClicks(manager, "Place director")
    assert controller.design.joint is not None and controller.design.joint.partners[0].line_manager == "Place director"
    note = _note(sample)
    assert names[0] not in note.split("Still to name:")[1] and names[1] in note
    assert "who leads appraisal" in note, "the appraisal lead was asked for before any partner named one"
    finding = _managers_finding(sample)
    assert "lead appraisal" in finding and names[1] in finding, "the review says what the note said, no more"
