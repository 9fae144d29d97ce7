"""The window's shortcuts reach it from a one-line text field (issue 18): on Linux a line edit
takes Ctrl+E (and Ctrl+F) for its own Emacs-style keys, so Export Word did nothing while typing.

Offscreen, Qt's platform theme uses the Windows key bindings, where a line edit leaves Ctrl+E
alone; the tests give the field the Linux desktop's behaviour (`LinuxLineEdit`: it accepts the
ShortcutOverride for Ctrl+E and Ctrl+F, as Qt's line edit does under the X11, GNOME and KDE key
bindings), so they fail without the filter as the app did on Linux.
"""

# pytest-qt's QtBot key helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from roledesigner.gui import shortcuts
from roledesigner.gui.mainwindow import MainWindow


@pytest.fixture
def exports(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The formats the window was asked to export, instead of the export's file dialog."""
    asked: list[str] = []
    monkeypatch.setattr(window, "export", asked.append)
    window.ensure_filled()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return asked


class LinuxLineEdit(QObject):
    """What Qt's line edit does with Ctrl+E and Ctrl+F under a Linux desktop's key bindings: it
    claims them (end of line, next letter), so the window's shortcut never runs."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        claimed = (Qt.Key.Key_E, Qt.Key.Key_F)
        if event.type() != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier and event.key() in claimed:
            event.accept()
        return False


def _title_field(window: MainWindow) -> QLineEdit:
    binding = window.editor.binder.find("title")
    assert binding is not None and isinstance(binding.widget, QLineEdit)
    linux = LinuxLineEdit(binding.widget)
    binding.widget.installEventFilter(linux)
    window.editor.setCurrentIndex(0)
    binding.widget.setFocus(Qt.FocusReason.TabFocusReason)
    QApplication.processEvents()
    assert binding.widget.hasFocus()
    return binding.widget


def test_ctrl_e_in_a_line_edit_exports_word(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    filter_ = shortcuts.install(window)
    try:
        field = _title_field(window)
        field.setText("Joint mental health lead")
        field.setCursorPosition(0)
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert exports == ["docx"]
        assert field.text() == "Joint mental health lead", "the field's text is left alone"
    finally:
        shortcuts.uninstall(filter_)


def test_ctrl_shift_e_in_a_line_edit_exports_a_pdf(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    filter_ = shortcuts.install(window)
    try:
        field = _title_field(window)
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        assert exports == ["pdf"]
    finally:
        shortcuts.uninstall(filter_)


def test_a_line_edit_keeps_its_own_editing_keys(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    """Select all, copy and paste stay the field's: only the window's other shortcuts pass."""
    filter_ = shortcuts.install(window)
    try:
        field = _title_field(window)
        field.setText("Lead")
        qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        assert field.selectedText() == "Lead"
        assert exports == []
    finally:
        shortcuts.uninstall(filter_)


def test_installing_twice_filters_once(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    first = shortcuts.install(window)
    second = shortcuts.install(window)
    try:
        assert first is second
        field = _title_field(window)
        qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert exports == ["docx"]
    finally:
        shortcuts.uninstall(first)


def test_without_the_filter_the_line_edit_takes_ctrl_e(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    """What the filter is for: a Linux line edit keeps Ctrl+E from the window."""
    shortcuts.uninstall(shortcuts.install(window))  # the app's start installed it
    field = _title_field(window)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exports == []


def test_ctrl_f_in_a_line_edit_finds_in_the_library(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    filter_ = shortcuts.install(QApplication.instance())  # type: ignore[arg-type]
    try:
        field = _title_field(window)
        qtbot.keyClick(field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert window.library_panel.search_box.hasFocus()
    finally:
        shortcuts.uninstall(filter_)


def test_a_field_of_another_window_is_left_alone(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    filter_ = shortcuts.install(window)
    other = QLineEdit()
    qtbot.addWidget(other)
    try:
        other.show()
        other.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is other)
        other.setFocus()
        other.installEventFilter(linux := LinuxLineEdit(other))
        other.setText("abc")
        other.setCursorPosition(0)
        qtbot.keyClick(other, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert exports == [] and linux is not None
    finally:
        shortcuts.uninstall(filter_)


def test_ctrl_e_in_a_table_cell_exports_what_was_typed_in_it(
    window: MainWindow, exports: list[str], qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roledesigner.documents.sample import sample_design

    window.controller.replace(sample_design(window.controller.library))
    seen: list[str] = []
    monkeypatch.setattr(
        window, "export", lambda _format: seen.append(window.controller.design.responsibilities[0].text)
    )
    filter_ = shortcuts.install(window)
    try:
        table = window.editor.tables["responsibilities"]
        window.editor.setCurrentIndex(2)
        table.setCurrentIndex(table.list_model.index(0, 0))
        table.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(table, Qt.Key.Key_F2)
        cell = QApplication.focusWidget()
        assert isinstance(cell, QLineEdit)
        cell.installEventFilter(LinuxLineEdit(cell))
        cell.selectAll()
        qtbot.keyClicks(cell, "Lead the place plan")
        qtbot.keyClick(cell, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        assert seen == ["Lead the place plan"]
    finally:
        shortcuts.uninstall(filter_)


def test_the_app_starts_its_window_with_the_filter(window: MainWindow, exports: list[str], qtbot: QtBot) -> None:
    """The window comes from the app's own start (`gui.app.start_window`), which installs the filter."""
    field = _title_field(window)
    qtbot.keyClick(field, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert exports == ["docx"]
