"""Library and settings changes reach every view through the controller's signals, with nothing
fanned out by hand (pytest-qt, offscreen, the real main window)."""

# pytest-qt's QtBot key and mouse helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from roledesigner.gui.mainwindow import MainWindow

NEW_NAME = "Listening across the whole system"


def row_texts(model: Any) -> list[str]:
    """Every row of a table model as shown: its cells' display text joined."""
    return [
        " ".join(str(model.index(row, column).data() or "") for column in range(model.columnCount(QModelIndex())))
        for row in range(model.rowCount(QModelIndex()))
    ]


def save_override(window: MainWindow, qtbot: QtBot, entry_id: str, name: str) -> None:
    """Duplicate a bundled capability from the library panel, keep its id, rename it and save it."""
    panel = window.library_panel
    index = panel.model.index_of("capability", entry_id)
    assert index.isValid()
    panel.tree.setCurrentIndex(index)
    editing = window.library_editing
    editing.update_actions()
    editing.duplicate_action.trigger()
    dialog = editing.dialog
    assert dialog is not None
    for key, text in (("id", entry_id), ("name", name)):
        field = dialog.inputs[key]
        assert isinstance(field, QLineEdit)
        field.setText(text)
    assert dialog.save_button.isEnabled(), dialog.status.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_a_saved_override_renames_the_capability_in_the_open_design_with_no_further_edit(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.add_capability("active_listening")
    old_name = window.controller.capability_name("active_listening")
    table = window.editor.tables["capabilities"].model()
    assert any(old_name in text for text in row_texts(table))
    steps = window.controller.undo_stack.count()
    # A view repaints only what its model says has changed: reading the model proves nothing about
    # the screen, so the table must also be told (rows changed, or the whole list anew).
    told: list[str] = []
    table.dataChanged.connect(lambda first, last, *_roles: told.append(f"rows {first.row()}-{last.row()}"))
    table.modelReset.connect(lambda: told.append("reset"))

    save_override(window, qtbot, "active_listening", NEW_NAME)

    assert window.controller.library.capabilities["active_listening"].name == NEW_NAME
    assert window.controller.undo_stack.count() == steps  # no edit of the design made it show
    assert told, "the Capabilities table was not told that the library changed"
    assert any(NEW_NAME in text for text in row_texts(table)), row_texts(table)
    assert window.library_panel.current_entry() == ("capability", "active_listening")


def test_the_preview_follows_a_reloaded_library_on_its_own(window: MainWindow, qtbot: QtBot) -> None:
    window.add_capability("active_listening")
    window.preview.refresh_now()
    qtbot.waitUntil(lambda: window.preview.last_refresh_ms > 0)
    save_override(window, qtbot, "active_listening", NEW_NAME)
    assert NEW_NAME in window.preview.browser.toPlainText()


def test_new_settings_reach_the_preview_through_the_controller(window: MainWindow) -> None:
    window.preview.refresh_now()
    settings = window.controller.settings.model_copy(update={"organisation_name": "Westtown Borough Council"})
    window.controller.set_settings(settings)
    assert "Westtown Borough Council" in window.preview.browser.toPlainText()
