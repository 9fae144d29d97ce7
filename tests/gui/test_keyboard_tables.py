"""The editor's tables with the keyboard alone (issue 18): Tab and Shift+Tab leave every table,
arrow keys move between cells, typing or F2 edits a cell, Ctrl+Tab still changes tab, and a choice
made in a table's drop-down is kept, with the keys typed next going to the table."""

# pytest-qt's QtBot key helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit, QTableView, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.domain.models import SignOff, UnmappedBlock
from roledesigner.domain.vocabulary import Sector
from roledesigner.gui.editor.editor import TABS, RoleEditor
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import column, sample

__all__ = ["sample"]

#: Every table of the editor, by its list's path.
TABLES = ["responsibilities", "capabilities", "criteria", "joint.partners", "relationships", "signoffs", "unmapped"]


def _with_every_list(window: MainWindow) -> None:
    """The sample design, with imported text kept so the Purpose tab's table shows too."""
    kept = [UnmappedBlock(text="The post covers the whole of Westtown.", heading="Scope")]
    signoffs = [SignOff(organisation="North Shire ICB", name="Board")]
    window.controller.replace(window.controller.design.model_copy(update={"unmapped": kept, "signoffs": signoffs}))
    QApplication.processEvents()


def _show(editor: RoleEditor, table: QWidget) -> None:
    page: QWidget | None = table
    while page is not None and editor.indexOf(page) < 0:
        page = page.parentWidget()
    assert page is not None
    editor.setCurrentWidget(page)
    QApplication.processEvents()


def _focus_in(widget: QWidget) -> bool:
    focused = QApplication.focusWidget()
    return focused is not None and (focused is widget or widget.isAncestorOf(focused))


def test_the_editor_has_no_table_the_tests_do_not_know(sample: MainWindow) -> None:
    views = sample.editor.findChildren(QTableView)
    assert sorted(sample.editor.tables) == sorted(TABLES)
    assert {id(view) for view in views} == {id(table) for table in sample.editor.tables.values()}


@pytest.mark.parametrize("path", TABLES)
def test_tab_leaves_the_table_from_its_last_cell(sample: MainWindow, qtbot: QtBot, path: str) -> None:
    _with_every_list(sample)
    table = sample.editor.tables[path]
    _show(sample.editor, table)
    model = table.list_model
    assert model.rowCount() > 0, f"the sample fills {path}"
    table.setCurrentIndex(model.index(model.rowCount() - 1, model.columnCount() - 1))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not _focus_in(table), f"Tab left the {path} table"
    assert _focus_in(table.window()), "the focus moved on inside the window"


@pytest.mark.parametrize("path", TABLES)
def test_shift_tab_leaves_the_table_from_its_first_cell(sample: MainWindow, qtbot: QtBot, path: str) -> None:
    _with_every_list(sample)
    table = sample.editor.tables[path]
    _show(sample.editor, table)
    table.setCurrentIndex(table.list_model.index(0, 0))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert not _focus_in(table), f"Shift+Tab left the {path} table"


@pytest.mark.parametrize("path", TABLES)
def test_tab_leaves_the_table_from_any_cell(sample: MainWindow, qtbot: QtBot, path: str) -> None:
    _with_every_list(sample)
    table = sample.editor.tables[path]
    _show(sample.editor, table)
    table.setCurrentIndex(table.list_model.index(0, 0))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not _focus_in(table)


def test_arrow_keys_move_between_cells_and_typing_edits_one(sample: MainWindow, qtbot: QtBot) -> None:
    table = sample.editor.tables["responsibilities"]
    _show(sample.editor, table)
    text = column(table, "text")
    table.setCurrentIndex(table.list_model.index(0, text))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == text + 1
    qtbot.keyClick(table, Qt.Key.Key_Left)
    assert table.currentIndex() == table.list_model.index(1, text)
    qtbot.keyClick(table, "L")  # typing starts editing the cell, with the key typed
    assert table.state() == QAbstractItemView.State.EditingState
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "ead the place board")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert sample.controller.design.responsibilities[1].text == "Lead the place board"
    assert table.hasFocus(), "Return gives the keys back to the table"


def test_f2_edits_the_current_cell(sample: MainWindow, qtbot: QtBot) -> None:
    table = sample.editor.tables["relationships"]
    _show(sample.editor, table)
    table.setCurrentIndex(table.list_model.index(0, column(table, "name")))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Healthwatch Westtown")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert sample.controller.design.relationships[0].name == "Healthwatch Westtown"


def test_ctrl_tab_still_changes_the_editor_tab_from_a_table(sample: MainWindow, qtbot: QtBot) -> None:
    table = sample.editor.tables["responsibilities"]
    _show(sample.editor, table)
    table.setCurrentIndex(table.list_model.index(0, 0))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    before = sample.editor.currentIndex()
    assert before == TABS.index("Responsibilities")
    qtbot.keyClick(table, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert sample.editor.currentIndex() == before + 1


# --- a drop-down inside a table ------------------------------------------------------------------


def _open_sector(table: ListTable, qtbot: QtBot, row: int) -> QComboBox:
    table.setCurrentIndex(table.list_model.index(row, column(table, "sector")))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox), "the Sector cell opens a drop-down"
    return combo


def _choose(combo: QComboBox, qtbot: QtBot, sector: Sector) -> None:
    """Walk the closed drop-down to `sector` with the arrow keys, as a keyboard user does."""
    target = combo.findData(sector.value)
    assert target >= 0
    while combo.currentIndex() != target:
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < target else Qt.Key.Key_Up)


def test_tab_after_a_drop_down_keeps_the_choice_and_the_next_figure_typed(sample: MainWindow, qtbot: QtBot) -> None:
    table = sample.editor.tables["joint.partners"]
    _show(sample.editor, table)
    partner = sample.controller.design.joint.partners[1]  # type: ignore[union-attr]
    new = Sector.VCSE if partner.sector is not Sector.VCSE else Sector.OTHER
    combo = _open_sector(table, qtbot, 1)
    _choose(combo, qtbot, new)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() == QAbstractItemView.State.EditingState)
    assert sample.controller.design.joint.partners[1].sector is new  # type: ignore[union-attr]
    # The keys typed next go to the next cell a figure can be typed in: the funding share.
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "the next editable cell is open for typing"
    assert table.currentIndex() == table.list_model.index(1, column(table, "funding_percent"))
    editor.selectAll()
    qtbot.keyClicks(editor, "40")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert sample.controller.design.joint.partners[1].funding_percent == Decimal(40)  # type: ignore[union-attr]
    assert table.hasFocus()


def test_enter_after_a_drop_down_keeps_the_choice_and_the_focus(sample: MainWindow, qtbot: QtBot) -> None:
    table = sample.editor.tables["joint.partners"]
    _show(sample.editor, table)
    partner = sample.controller.design.joint.partners[0]  # type: ignore[union-attr]
    new = Sector.VCSE if partner.sector is not Sector.VCSE else Sector.OTHER
    combo = _open_sector(table, qtbot, 0)
    _choose(combo, qtbot, new)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert sample.controller.design.joint.partners[0].sector is new  # type: ignore[union-attr]
    assert table.hasFocus(), "Enter gives the keys back to the table"
    # On to the next cell a figure can be typed in (past the Host tick): the digits typed go there.
    assert table.currentIndex() == table.list_model.index(0, column(table, "funding_percent"))
    qtbot.keyClick(table, "5")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit), "typing opened the funding cell"
    qtbot.keyClicks(editor, "5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert sample.controller.design.joint.partners[0].funding_percent == Decimal(55)  # type: ignore[union-attr]


def test_tab_in_the_last_cell_being_edited_leaves_the_table(sample: MainWindow, qtbot: QtBot) -> None:
    table = sample.editor.tables["joint.partners"]
    _show(sample.editor, table)
    last = table.list_model.rowCount() - 1
    index = table.list_model.index(last, column(table, "time_percent"))
    table.setCurrentIndex(index)
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    assert not _focus_in(table), "Tab in the last cell moves on, out of the table"


def test_a_window_shortcut_sees_the_figure_still_being_typed_in_a_cell(
    sample: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl+E (or Ctrl+S) pressed with a cell still open exports (or saves) what was typed in it."""
    exported: list[Decimal] = []

    def export(_format: str) -> None:
        joint = sample.controller.design.joint
        assert joint is not None
        exported.append(joint.partners[1].time_percent)

    monkeypatch.setattr(sample, "export", export)
    sample.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is sample)
    table = sample.editor.tables["joint.partners"]
    _show(sample.editor, table)
    table.setCurrentIndex(table.list_model.index(1, column(table, "time_percent")))
    table.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(table, "3")
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    qtbot.keyClicks(editor, "5")
    assert table.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(editor, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exported == [Decimal(35)]
    assert editor.text() == "35", "the cell is still open to go on typing"
