# mypy: disable-error-code="no-untyped-call"
"""The Joint post tab's two legal steps: the partnership arrangement and the staffing route, each a
labelled choice with its plain explanation beside it, chosen with keys as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from roledesigner.domain.vocabulary import PartnershipArrangement, StaffingRoute, label
from roledesigner.gui.editor.editor import TABS, RoleEditor
from roledesigner.gui.editor.joint import PARTNERSHIP_NOTE, STAFFING_NOTE
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import sample

__all__ = ["sample"]


def choice(editor: RoleEditor, path: str) -> QComboBox:
    binding = editor.binder.find(path)
    assert binding is not None, path
    assert isinstance(binding.widget, QComboBox)
    return binding.widget


def test_each_legal_step_is_a_labelled_choice_with_its_explanation_on_one_line(sample: MainWindow) -> None:
    editor = sample.editor
    editor.setCurrentIndex(TABS.index("Joint post"))
    QApplication.processEvents()
    arrangement, route = choice(editor, "joint.agreement"), choice(editor, "joint.staffing_route")
    assert arrangement.accessibleName() == "Partnership arrangement"
    assert route.accessibleName() == "Staffing route"
    assert editor.captions[arrangement].text() == "Partnership arra&ngement"
    assert editor.captions[route].text() == "Staffing &route"
    assert [arrangement.itemText(i) for i in range(arrangement.count())] == [
        "Not stated",
        *(label(value) for value in PartnershipArrangement),
    ]
    assert [route.itemText(i) for i in range(route.count())] == ["Not stated", *(label(v) for v in StaffingRoute)]
    for combo, text in ((arrangement, PARTNERSHIP_NOTE), (route, STAFFING_NOTE)):
        shown = editor.notes[combo]
        assert shown.isVisible()
        assert shown.text() == text
        assert shown.height() < 2 * shown.fontMetrics().lineSpacing(), f"one line at 1280 x 800: {text}"
        assert shown.geometry().right() <= editor.currentWidget().width()
    assert "employs nobody" in PARTNERSHIP_NOTE.lower() and "both partners" in STAFFING_NOTE


def test_the_staffing_route_is_chosen_with_keys_as_one_undoable_step(sample: MainWindow, qtbot: QtBot) -> None:
    editor, controller = sample.editor, sample.controller
    assert controller.design.joint is not None
    if controller.design.joint.staffing_route is not None:  # the sample states both steps: start from none
        assert controller.set_field("joint.staffing_route", None) is None
        controller.undo_stack.clear()
    assert controller.design.joint.staffing_route is None
    assert editor.focus_field("joint.staffing_route")
    route = choice(editor, "joint.staffing_route")
    assert (
        QApplication.focusWidget() is route and editor.tabText(editor.currentIndex()).replace("&", "") == "Joint post"
    )
    assert route.currentText() == "Not stated"
    qtbot.keyClick(route, Qt.Key.Key_Down)
    assert controller.design.joint.staffing_route is StaffingRoute.SECTION_113
    assert controller.design.joint.agreement is PartnershipArrangement.SECTION_75, "the other step is kept"
    assert controller.undo_stack.undoText() == "Edit staffing route"
    qtbot.keyClick(route, Qt.Key.Key_End)
    assert controller.design.joint.staffing_route is StaffingRoute.SINGLE_EMPLOYER
    assert route.currentText() == "Employed by the host alone"
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert controller.design.joint.staffing_route is None and route.currentText() == "Not stated"


def test_every_partnership_arrangement_shows_as_itself(sample: MainWindow, qtbot: QtBot) -> None:
    """Format 3's arrangements that format 2 had no word for (section 65Z5, say) are shown, never
    'Not stated'; and choosing one is an edit of the partnership arrangement."""
    editor, controller = sample.editor, sample.controller
    arrangement = choice(editor, "joint.agreement")
    for value in PartnershipArrangement:
        assert controller.set_field("joint.agreement", value) is None
        assert arrangement.currentData() == value.value and arrangement.currentText() == label(value)
    assert editor.focus_field("joint.agreement")
    qtbot.keyClick(arrangement, Qt.Key.Key_Home)
    assert controller.design.joint is not None and controller.design.joint.agreement is None
    assert controller.undo_stack.undoText() == "Edit partnership arrangement"
