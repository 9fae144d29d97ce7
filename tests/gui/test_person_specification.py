# mypy: disable-error-code="no-untyped-call"
"""The person specification on the Capabilities tab: the values category and the presentation and
references methods are offered wherever categories and methods are chosen, and fit at 1280 x 800."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QCheckBox, QComboBox, QGroupBox
from pytestqt.qtbot import QtBot

from roledesigner.domain.vocabulary import Assessment, CriterionCategory, label
from roledesigner.gui.editor.editor import TABS, RoleEditor
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import column, sample

__all__ = ["sample"]


def boxes(editor: RoleEditor, path: str) -> dict[str, QCheckBox]:
    box = editor.findChild(QGroupBox, f"{path}_assessment")
    assert box is not None
    return {check.text(): check for check in box.findChildren(QCheckBox)}


def test_a_criterion_is_put_under_values_from_its_area_list(sample: MainWindow, qtbot: QtBot) -> None:
    editor, controller = sample.editor, sample.controller
    editor.setCurrentIndex(TABS.index("Capabilities"))
    table = editor.tables["criteria"]
    index = table.list_model.index(0, column(table, "category"))
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    area = table.indexWidget(index)
    assert isinstance(area, QComboBox), "the area opens as a list"
    offered = [area.itemText(i) for i in range(area.count())]
    assert offered == [label(category) for category in CriterionCategory] and "Values" in offered
    while area.currentData() != CriterionCategory.VALUES.value:
        qtbot.keyClick(area, Qt.Key.Key_Down)
    qtbot.keyClick(area, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert controller.design.criteria[0].category is CriterionCategory.VALUES
    assert table.list_model.index(0, column(table, "category")).data() == "Values"
    assert controller.undo_stack.undoText() == "Edit criterion"


def test_every_assessment_method_can_be_ticked_and_the_row_fits(sample: MainWindow, qtbot: QtBot) -> None:
    editor, controller = sample.editor, sample.controller
    editor.setCurrentIndex(TABS.index("Capabilities"))
    for path in ("capabilities", "criteria"):
        table = editor.tables[path]
        table.setCurrentIndex(table.list_model.index(0, 0))
        QApplication.processEvents()
        checks = boxes(editor, path)
        assert list(checks) == [label(method) for method in Assessment]
        assert {"Presentation", "References"} <= set(checks)
        page = editor.currentWidget()
        assert page is not None
        for check in checks.values():
            assert check.isVisible(), check.text()
            right = check.mapTo(page, check.rect().topRight()).x()
            assert right < page.width(), f"{check.text()} is cut off at 1280 x 800"
        for method in (Assessment.PRESENTATION, Assessment.REFERENCES):
            before = getattr(controller.design, path)[0].assessed_by
            qtbot.mouseClick(checks[label(method)], Qt.MouseButton.LeftButton)
            after = getattr(controller.design, path)[0].assessed_by
            assert (method in after) is not (method in before), f"{path}: {method}"
        shown = table.list_model.index(0, len(table.list_model.columns) - 1).data()
        assert shown == ", ".join(label(m) for m in getattr(controller.design, path)[0].assessed_by)
