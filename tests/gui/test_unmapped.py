# mypy: disable-error-code="no-untyped-call"
"""Text kept from an imported job description, dealt with on the Purpose tab after the design is
opened: each piece moved to the responsibilities or the purpose, or deleted, as one undoable step."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QPlainTextEdit
from pytestqt.qtbot import QtBot

from roledesigner.domain.models import Responsibility, UnmappedBlock
from roledesigner.gui.editor.editor import TABS
from roledesigner.gui.editor.purpose import UNMAPPED_TITLE
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import sample

__all__ = ["sample"]

KEPT = [
    UnmappedBlock(text="Champion equality in every meeting the postholder chairs.", heading="Other duties"),
    UnmappedBlock(text="The post covers the whole of Westtown.", heading="Scope", source="table 2, row 3"),
    UnmappedBlock(text="This job description is not exhaustive.", source="paragraph 20"),
]


def with_kept_text(window: MainWindow) -> None:
    """The sample design as an import left it: with pieces no field took."""
    window.controller.replace(window.controller.design.model_copy(update={"unmapped": KEPT}))
    window.editor.setCurrentIndex(TABS.index("Purpose"))
    QApplication.processEvents()


def test_kept_text_shows_only_when_there_is_some_and_fits(sample: MainWindow) -> None:
    editor = sample.editor
    editor.setCurrentIndex(TABS.index("Purpose"))
    box = editor.findChild(QGroupBox, "unmapped_box")
    assert box is not None and box.title() == UNMAPPED_TITLE
    assert not box.isVisible(), "a design never imported has nothing to place"
    with_kept_text(sample)
    tab = editor.purpose_tab
    table = tab.unmapped_table
    assert box.isVisible() and table.list_model.rowCount() == 3
    assert [table.list_model.index(1, c).data() for c in range(3)] == [KEPT[1].text, "Scope", "table 2, row 3"]
    page = editor.currentWidget()
    assert page is not None
    for button in (tab.to_responsibilities, tab.to_purpose, tab.delete_button):
        assert button.isVisible() and button.mapTo(page, button.rect().topRight()).x() < page.width()
        assert not button.isEnabled(), "nothing chosen yet"
    assert box.mapTo(page, box.rect().bottomLeft()).y() <= page.height(), "no scrolling at 1280 x 800"


def test_each_piece_is_moved_or_deleted_as_one_undoable_step(sample: MainWindow, qtbot: QtBot) -> None:
    with_kept_text(sample)
    editor, controller = sample.editor, sample.controller
    tab, stack = editor.purpose_tab, controller.undo_stack
    table = tab.unmapped_table
    before = controller.design
    steps = stack.count()

    qtbot.mouseClick(
        table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(table.model().index(0, 0)).center()
    )
    assert table.current_row() == 0 and tab.to_responsibilities.isEnabled()
    qtbot.mouseClick(tab.to_responsibilities, Qt.MouseButton.LeftButton)
    design = controller.design
    assert design.responsibilities == [*before.responsibilities, Responsibility(text=KEPT[0].text)]
    assert design.unmapped == KEPT[1:]
    assert stack.count() == steps + 1 and stack.undoText() == "Move imported text to the responsibilities"
    assert table.current_row() == 0, "the next piece is chosen"

    qtbot.mouseClick(tab.to_purpose, Qt.MouseButton.LeftButton)
    assert controller.design.purpose == f"{before.purpose}\n\n{KEPT[1].text}"
    purpose = editor.binder.find("purpose")
    assert purpose is not None and isinstance(purpose.widget, QPlainTextEdit)
    assert purpose.widget.toPlainText().endswith(KEPT[1].text), "the purpose field shows it"
    assert stack.undoText() == "Move imported text to the job purpose"

    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    assert controller.design.unmapped == [] and stack.undoText() == "Delete imported text"
    assert not tab.unmapped_box.isVisible(), "all placed: the box goes"

    for _ in range(3):
        stack.undo()
    assert controller.design == before and tab.unmapped_box.isVisible()
    assert table.list_model.rowCount() == 3


def test_a_finding_on_kept_text_goes_to_its_row(sample: MainWindow) -> None:
    with_kept_text(sample)
    editor = sample.editor
    editor.setCurrentIndex(0)
    assert editor.focus_field("unmapped[2].text")
    assert editor.tabText(editor.currentIndex()).replace("&", "") == "Purpose"
    assert editor.purpose_tab.unmapped_table.current_row() == 2
    assert editor.purpose_tab.delete_button.isEnabled()
