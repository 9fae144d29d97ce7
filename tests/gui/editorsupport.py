# mypy: disable-error-code="no-untyped-call"
"""What the role editor's tests share: the sample design open in the window, and helpers that find
a table's column and type into a cell as a user does."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.gui.editor.editor import RoleEditor
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.gui.mainwindow import MainWindow

__all__ = ["column", "pages", "sample", "type_into_cell"]


@pytest.fixture
def sample(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window with the full sample design open (a joint post with two partners), laid out as
    the user first sees it: the default docks at 1280 x 800. Its one piece of imported text not
    yet placed (the sample fills every section a document has) is left out: a design made in the
    app has none, and the tests of that box add their own."""
    window.controller.replace(sample_design(window.controller.library).model_copy(update={"unmapped": []}))
    window.reset_layout()  # the default dock sizes, as the first start applies them once shown
    QApplication.processEvents()
    assert window.width() == 1280 and window.height() == 800
    return window


def pages(editor: RoleEditor) -> list[QWidget]:
    found = [editor.widget(i) for i in range(editor.count())]
    return [page for page in found if page is not None]


def column(table: ListTable, attr: str) -> int:
    return next(i for i, c in enumerate(table.list_model.columns) if c.attr == attr)


def type_into_cell(qtbot: QtBot, table: ListTable, row: int, attr: str, text: str) -> None:
    """Edit a cell as a user does: open its editor, replace the text, press Return."""
    index = table.list_model.index(row, column(table, attr))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.indexWidget(index)  # this cell's editor (an earlier one may linger until deleted)
    assert isinstance(editor, QLineEdit), "the cell opened an editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Return commits queued
