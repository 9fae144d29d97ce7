"""The window's one design as a file: new, open, save, the recent files, recovery copies while there
are unsaved changes, and the check for a colleague's save on a shared drive.

The controller holds the design and writes it; this asks the user (save, discard, overwrite,
restore) and remembers where files are, so the main window only builds and lays out.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu, QMessageBox

from roledesigner.files.designfile import SUFFIX, DesignFileError
from roledesigner.files.recovery import RecoveryStore, RecoveryUnavailable
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.mainwindow import APP_NAME
from roledesigner.library.compose import blank_design, design_from_role

#: Seconds between recovery copies while there are unsaved changes (tests shorten it).
AUTOSAVE_SECONDS = float(os.environ.get("ROLEDESIGNER_AUTOSAVE_SECONDS", "30"))
FILE_FILTER = f"Role designs (*{SUFFIX});;All files (*)"
MAX_RECENT = 8


class Session(QObject):
    """Everything between the window's design and its file; message boxes are the window's."""

    def __init__(self, window: QMainWindow, controller: DocumentController, qsettings: QSettings) -> None:
        super().__init__(window)
        self.window = window
        self.controller = controller
        self.qsettings = qsettings
        self.recovery = RecoveryStore()
        self._autosave_warned = False
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setInterval(int(AUTOSAVE_SECONDS * 1000))
        self.autosave_timer.timeout.connect(self.autosave)
        self.autosave_timer.start()
        controller.stateChanged.connect(self._clean_recovery)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._application_state)

    # --- autosave and recovery -----------------------------------------------------------------

    def autosave(self) -> None:
        """Write a recovery copy while there are unsaved changes; say once if that cannot be done."""
        if not self.controller.is_modified:
            return
        try:
            self.recovery.write(self.controller.design, self.controller.path)
        except RecoveryUnavailable as error:
            if not self._autosave_warned:
                self._autosave_warned = True
                QMessageBox.information(self.window, APP_NAME, f"{error} Save your work often.")

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.autosave()

    def _clean_recovery(self) -> None:
        if not self.controller.is_modified:
            self.recovery.clear()

    def offer_recovery(self) -> None:
        """After a crash: offer each design left behind, Restore (as unsaved) or Discard."""
        problems = []
        for copy in self.recovery.left_behind():
            if copy.design is None:
                problems.append(copy.problem)  # kept aside by the recovery folder, never deleted
                continue
            when = copy.saved_at.strftime("%d %B %Y at %H:%M") if copy.saved_at else "an unknown time"
            where = f" ({copy.original})" if copy.original else ""
            box = QMessageBox(
                QMessageBox.Icon.Question,
                APP_NAME,
                f"Role Designer closed before {copy.name}{where} was saved. A recovery copy from {when} was "
                "found. Restore it? It opens as unsaved; your file is not changed until you save.",
                parent=self.window,
            )
            restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
            box.exec()
            if box.clickedButton() is restore and self.maybe_save():
                self.controller.replace(copy.design, copy.original, unsaved=True)
                self.autosave()
            self.recovery.discard(copy)
        if problems:
            QMessageBox.information(self.window, APP_NAME, "\n\n".join(problems))

    # --- files ---------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save, Discard or Cancel when there are unsaved changes; True to go on."""
        if not self.controller.is_modified:
            return True
        answer = QMessageBox.question(
            self.window,
            APP_NAME,
            f"Save the changes to '{self.controller.display_name}' before closing it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_design(self) -> bool:
        """Start from an emerging role or blank; True if a new design is shown."""
        if not self.maybe_save():
            return False
        from roledesigner.gui.dialogs.newdesign import NewDesignDialog  # dialogs load when first opened

        dialog = NewDesignDialog(self.controller.library, self.window)
        if not dialog.exec():
            return False
        role_id = dialog.chosen_role()
        hours = self.controller.settings.default_contracted_hours
        role = self.controller.library.roles.get(role_id or "")
        self.controller.replace(design_from_role(role, hours) if role else blank_design(hours))
        return True

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.window, "Open role design", self.folder(), FILE_FILTER)
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            self.controller.open(path)
        except DesignFileError as error:
            QMessageBox.warning(self.window, APP_NAME, str(error))
            return False
        self.remember(path)
        from roledesigner.domain.versions import unreadable_history

        skipped = unreadable_history(self.controller.design)
        if skipped:
            QMessageBox.warning(
                self.window,
                APP_NAME,
                f"{path.name} opened, but not every recorded version could be read: {' '.join(skipped)}",
            )
        return True

    def save(self) -> bool:
        if self.controller.path is None:
            return self.save_as()
        return self._save_to(self.controller.path)

    def save_as(self) -> bool:
        suggested = str(Path(self.folder()) / f"{self.controller.display_name}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.window, "Save role design", suggested, FILE_FILTER)
        if not path:
            return False
        target = Path(path)
        if not target.suffix:
            target = target.with_suffix(SUFFIX)
        return self._save_to(target)

    def _save_to(self, path: Path) -> bool:
        if path == self.controller.path and self.controller.changed_on_disk():
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                APP_NAME,
                f"{path.name} has changed on disk since you opened it: someone else may have saved it. "
                "Save your version under a new name, overwrite theirs, or cancel?",
                parent=self.window,
            )
            save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
            overwrite = box.addButton("Overwrite", QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            if box.clickedButton() is save_as:
                return self.save_as()
            if box.clickedButton() is not overwrite:
                return False
        try:
            self.controller.save(path)
        except DesignFileError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning, APP_NAME, f"{error} Save it under another name?", parent=self.window
            )
            save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            return box.clickedButton() is save_as and self.save_as()
        self.remember(path)
        self.window.statusBar().showMessage(f"Saved {path}.", 4000)
        return True

    def close_design(self) -> None:
        if self.maybe_save():
            self.controller.replace(blank_design(self.controller.settings.default_contracted_hours))

    def folder(self) -> str:
        if self.controller.path is not None:
            return str(self.controller.path.parent)
        return str(self.qsettings.value("lastFolder", str(Path.home())))

    def recent_files(self) -> list[str]:
        value = self.qsettings.value("recentFiles", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def remember(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry, *(p for p in self.recent_files() if p != entry)][:MAX_RECENT]
        self.qsettings.setValue("recentFiles", recent)
        self.qsettings.setValue("lastFolder", str(path.parent))

    def fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        recent = self.recent_files()
        if not recent:
            menu.addAction("No recent files").setEnabled(False)
        for number, entry in enumerate(recent, start=1):
            action = menu.addAction(f"&{number} {Path(entry).name}")
            action.setToolTip(entry)
            action.triggered.connect(lambda _checked=False, p=entry: self.open_file(Path(p)))
