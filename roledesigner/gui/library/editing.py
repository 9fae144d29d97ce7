"""New, duplicate, edit and delete the user's own library entries, from the library panel's context menu.

The rules live in `roledesigner.library.userentries`; this wires them to actions. After a save or a
delete it emits `libraryChanged`; whoever owns the library reads it again and hands it to the
controller (`set_library`), whose own `libraryChanged` every view follows; the entry just saved is
then selected in the panel.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu, QMessageBox

from roledesigner.gui.library.panel import LibraryPanel

if TYPE_CHECKING:
    from types import ModuleType

    from roledesigner.gui.library.entrydialog import EntryDialog
    from roledesigner.library.catalogue import Library


def _entries() -> ModuleType:
    """The entry rules, loaded on first use: the forms open rarely, and start-up should not wait."""
    from roledesigner.library import userentries

    return userentries


EntryKind = Literal["capability", "role"]
_WORDS = {"capability": "capability", "role": "emerging role"}


class LibraryEditing(QObject):
    """The actions that change the user's own entries, installed as the panel's context menu."""

    #: The user's entries changed on disk: the owner reloads the library.
    libraryChanged = Signal()

    def __init__(
        self,
        panel: LibraryPanel,
        folder_for: Callable[[], Path],
        library_for: Callable[[], Library],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else panel)
        self._panel = panel
        self._folder_for = folder_for
        self._library_for = library_for
        #: The entry dialog while it is open (it is window-modal, opened with open()).
        self.dialog: EntryDialog | None = None

        self.new_capability_action = self._action(
            "New capability…", "Create a capability of your own in your library folder", self.new_capability
        )
        self.new_role_action = self._action(
            "New emerging role…", "Create an emerging role of your own in your library folder", self.new_role
        )
        self.duplicate_action = self._action(
            "Duplicate and adapt…",
            "Copy the selected role or capability into a new entry of your own and change it",
            self.duplicate_current,
        )
        self.edit_action = self._action(
            "Edit my entry…", "Change the selected entry, which is one of your own", self.edit_current
        )
        self.delete_action = self._action(
            "Delete my entry…",
            "Delete the selected entry, which is one of your own, from your library folder",
            self.delete_current,
        )

        tree = panel.tree
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._show_menu)
        tree.selectionModel().currentChanged.connect(lambda *_args: self.update_actions())
        self.update_actions()

    # public

    def actions(self) -> list[QAction]:
        return [
            self.new_capability_action,
            self.new_role_action,
            self.duplicate_action,
            self.edit_action,
            self.delete_action,
        ]

    def update_actions(self) -> None:
        """Duplicate needs a selected entry; edit and delete need one of the user's own."""
        chosen = self._chosen()
        self.duplicate_action.setEnabled(chosen is not None)
        own = (
            chosen is not None
            and _entries().own_file(chosen[0], chosen[1], self._library_for(), self._folder_for()) is not None
        )
        self.edit_action.setEnabled(own)
        self.delete_action.setEnabled(own)

    def new_capability(self) -> None:
        self._open("capability", None, None)

    def new_role(self) -> None:
        self._open("role", None, None)

    def duplicate_current(self) -> None:
        chosen = self._chosen()
        if chosen is None:
            return
        try:
            data = _entries().duplicate_data(chosen[0], chosen[1], self._library_for())
        except _entries().EntryError as error:
            QMessageBox.warning(self._panel.window(), "Cannot duplicate", str(error))
            return
        self._open(chosen[0], data, None)

    def edit_current(self) -> None:
        chosen = self._own_chosen()
        if chosen is None:
            return
        try:
            data = _entries().entry_data(chosen[0], chosen[1], self._library_for())
        except _entries().EntryError as error:
            QMessageBox.warning(self._panel.window(), "Cannot edit", str(error))
            return
        self._open(chosen[0], data, chosen[1])

    def delete_current(self) -> None:
        chosen = self._own_chosen()
        if chosen is None:
            return
        kind, entry_id = chosen
        library = self._library_for()
        entry: Any = (library.capabilities if kind == "capability" else library.roles)[entry_id]
        replaced = _entries().overrides(kind, entry_id, library)
        after = (
            f"The entry it overrides ({replaced.name}) will be used again."
            if replaced is not None
            else "This cannot be undone."
        )
        answer = QMessageBox.question(
            self._panel.window(),
            "Delete your entry",
            f"Delete your {_WORDS[kind]} '{entry.name}' from your library folder? {after}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            _entries().delete_entry(kind, entry_id, self._folder_for())
        except _entries().EntryError as error:
            QMessageBox.warning(self._panel.window(), "Could not delete", str(error))
            return
        self.libraryChanged.emit()
        self.update_actions()

    # helpers

    def _action(self, text: str, tip: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _chosen(self) -> tuple[EntryKind, str] | None:
        current = self._panel.current_entry()
        if current is None or current[0] not in ("capability", "role"):
            return None
        kind: EntryKind = "capability" if current[0] == "capability" else "role"
        return kind, current[1]

    def _own_chosen(self) -> tuple[EntryKind, str] | None:
        chosen = self._chosen()
        if chosen is None or _entries().own_file(chosen[0], chosen[1], self._library_for(), self._folder_for()) is None:
            return None
        return chosen

    def _show_menu(self, position: QPoint) -> None:
        self.update_actions()
        menu = QMenu(self._panel.tree)
        menu.setAccessibleName("Your library entries")
        menu.addActions(self.actions()[:2])
        menu.addSeparator()
        menu.addActions(self.actions()[2:])
        menu.exec(self._panel.tree.viewport().mapToGlobal(position))

    def _open(self, kind: EntryKind, data: dict[str, Any] | None, editing: str | None) -> None:
        if self.dialog is not None:
            self.dialog.raise_()
            self.dialog.activateWindow()
            return
        from roledesigner.gui.library.entrydialog import EntryDialog

        dialog = EntryDialog(kind, self._library_for(), self._folder_for(), data, editing, self._panel.window())
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._closed(dialog, kind, result))
        self.dialog = dialog
        dialog.open()

    def _closed(self, dialog: EntryDialog, kind: EntryKind, result: int) -> None:
        self.dialog = None
        saved = dialog.saved_path()
        if result != QDialog.DialogCode.Accepted.value or saved is None:
            return
        self.libraryChanged.emit()
        self._select(kind, saved.stem)
        self.update_actions()

    def _select(self, kind: EntryKind, entry_id: str) -> None:
        """Show the entry just saved, if the panel's search and filters let it appear."""
        index = self._panel.model.index_of(kind, entry_id)
        if index.isValid():
            self._panel.tree.setCurrentIndex(index)
            self._panel.tree.scrollTo(index)
