# mypy: disable-error-code="no-untyped-call"
"""The role editor, driven through its real widgets (pytest-qt, offscreen; dialogs patched)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QGroupBox,
    QLineEdit,
    QMessageBox,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.gui.app import create_window
from roledesigner.gui.binding import ERROR_STYLE
from roledesigner.gui.editor import ListTable
from roledesigner.gui.mainwindow import MainWindow


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MainWindow]:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))
    monkeypatch.setattr(QMessageBox, "warning", lambda *args, **kwargs: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    win = create_window()
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.controller.undo_stack.setClean()  # nothing to ask about when the test ends


@pytest.fixture
def sample(window: MainWindow, qtbot: QtBot) -> MainWindow:
    """The window with the full sample design open (a joint post with two partners), laid out as
    the user first sees it: the default docks at 1280 x 800."""
    window.controller.replace(sample_design(window.controller.library))
    window.reset_layout()  # the default dock sizes, as the first start applies them once shown
    QApplication.processEvents()
    assert window.width() == 1280 and window.height() == 800
    return window


def column(table: ListTable, attr: str) -> int:
    return next(i for i, c in enumerate(table.list_model.columns) if c.attr == attr)


def type_into_cell(qtbot: QtBot, table: ListTable, row: int, attr: str, text: str) -> None:
    """Edit a cell as a user does: open its editor, replace the text, press Return."""
    index = table.list_model.index(row, column(table, attr))
    table.setCurrentIndex(index)
    table.edit(index)
    editor = table.findChild(QLineEdit)
    assert editor is not None, "the cell opened an editor"
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)  # Return commits queued


# --- refused cells say why ------------------------------------------------------------------------


def test_a_refused_funding_share_says_why_until_the_next_accepted_edit(sample: MainWindow, qtbot: QtBot) -> None:
    editor = sample.editor
    editor.setCurrentIndex(5)
    partners = editor.tables["joint.partners"]
    before = sample.controller.design
    type_into_cell(qtbot, partners, 1, "funding_percent", "abc")
    assert sample.controller.design == before, "a refused value changes nothing"
    assert editor.partner_message.isVisible()
    assert editor.partner_message.text() == "Funding for Westtown Council must be a number."
    type_into_cell(qtbot, partners, 1, "funding_percent", "150")
    assert editor.partner_message.text() == "Funding for Westtown Council must be between 0 and 100 per cent."
    assert partners.accessibleDescription() == editor.partner_message.text()
    type_into_cell(qtbot, partners, 1, "time_percent", "45")
    assert not editor.partner_message.isVisible(), "an accepted edit clears the message"
    assert partners.accessibleDescription() == ""


def test_every_editable_table_shows_its_refused_cells(sample: MainWindow) -> None:
    editor = sample.editor
    cases = {
        "responsibilities": ("text", "   ", "Responsibility 1 must not be empty."),
        "criteria": ("text", "", "Criterion 1 must not be empty."),
        "relationships": ("name", " ", "The name of working relationship 1 must not be empty."),
        "joint.partners": ("organisation", "", "The organisation of partner 1 must not be empty."),
    }
    for path, (attr, value, sentence) in cases.items():
        table = editor.tables[path]
        model = table.list_model
        assert not model.setData(model.index(0, column(table, attr)), value)
        assert not table.message.isHidden(), path
        assert table.message.text() == sentence
        assert table.message.styleSheet() == ERROR_STYLE
    # The capabilities' message is the one a refused drop uses, beneath the same table.
    capabilities = editor.tables["capabilities"]
    assert editor.capability_message is capabilities.message


def test_the_running_totals_look_like_an_error_only_when_they_do_not_add_up(sample: MainWindow) -> None:
    editor = sample.editor
    editor.setCurrentIndex(5)
    assert (
        editor.joint_totals.text()
        == "Funding adds up to 100 per cent (complete). Time adds up to 100 per cent (complete)."
    )
    assert editor.joint_totals.styleSheet() == ""
    model = editor.tables["joint.partners"].list_model
    assert model.setData(model.index(1, column(editor.tables["joint.partners"], "funding_percent")), "70")
    assert "Funding adds up to 130 per cent (30 per cent too much)." in editor.joint_totals.text()
    assert editor.joint_totals.styleSheet() == ERROR_STYLE
    sample.undo_action.trigger()
    assert editor.joint_totals.styleSheet() == ""


# --- the tabs fit ------------------------------------------------------------------------------------


def test_all_seven_tabs_show_in_full_at_1280_by_800_with_both_docks(sample: MainWindow) -> None:
    editor = sample.editor
    bar = editor.tabBar()
    assert sample.library_dock.isVisible() and sample.preview_dock.isVisible()
    assert editor.count() == 7
    for index in range(editor.count()):
        rect = bar.tabRect(index)
        assert rect.left() >= 0 and rect.right() < bar.width() <= editor.width(), bar.tabText(index)
        assert rect.width() >= bar.tabSizeHint(index).width(), f"{bar.tabText(index)} is not cut short"
    assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()], "no scroll arrows"
    assert all(editor.tabToolTip(index) for index in range(7)), "each tab's full name is its tooltip"
    assert editor.tabToolTip(6) == "Support and development, job stability and working relationships"


# --- tables keep the user's place ------------------------------------------------------------------


def test_ticking_assessment_methods_keeps_the_row_selected(sample: MainWindow, qtbot: QtBot) -> None:
    editor = sample.editor
    editor.setCurrentIndex(3)
    table = editor.tables["capabilities"]
    table.setCurrentIndex(table.list_model.index(1, 0))
    box = editor.findChild(QGroupBox, "capabilities_assessment")
    assert box is not None
    checks = {c.accessibleName(): c for c in box.findChildren(QCheckBox)}
    qtbot.mouseClick(checks["Assessed by application"], Qt.MouseButton.LeftButton)
    assert box.isEnabled() and table.current_row() == 1, "the edit keeps the row and its box"
    qtbot.mouseClick(checks["Assessed by presentation"], Qt.MouseButton.LeftButton)
    methods = [m.value for m in sample.controller.design.capabilities[1].assessed_by]
    assert methods == ["application", "interview", "presentation"]
    model = editor.tables["joint.partners"].list_model
    partners = editor.tables["joint.partners"]
    partners.setCurrentIndex(model.index(1, 3))
    assert model.setData(model.index(1, 3), "45")
    assert partners.currentIndex() == model.index(1, 3), "a typed cell stays current, for the keyboard"
