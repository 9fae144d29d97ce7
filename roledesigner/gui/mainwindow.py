"""The main window: library on the left, the role editor in the middle, preview and review on the right."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStyle,
    QToolBar,
    QWidget,
)

from roledesigner.documents.jobs import ExportJob, ExportResult, ExportStatus, Format
from roledesigner.domain.findings import counted
from roledesigner.files.designfile import SUFFIX, DesignFileError
from roledesigner.files.recovery import RecoveryStore, RecoveryUnavailable
from roledesigner.files.settings import save_settings, user_library_dir
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.editor import RoleEditor
from roledesigner.gui.exporting import Exporter
from roledesigner.gui.library.editing import LibraryEditing
from roledesigner.gui.library.panel import LibraryPanel
from roledesigner.gui.preview import PreviewPanel
from roledesigner.gui.windowstate import window_settings
from roledesigner.library.compose import blank_design, design_from_role
from roledesigner.library.loader import default_folders, load_library

APP_NAME = "Role Designer"
#: Seconds between recovery copies while there are unsaved changes (tests shorten it).
AUTOSAVE_SECONDS = float(os.environ.get("ROLEDESIGNER_AUTOSAVE_SECONDS", "30"))
FILE_FILTER = f"Role designs (*{SUFFIX});;All files (*)"
MAX_RECENT = 8
#: The default layout's widths in pixels: the preview wide enough to read a page of the document,
#: the editor wide enough for its forms (never less than its own minimum, its tabs in full), and
#: the library what is left, at most LIBRARY_WIDTH (a wider window widens the editor).
PREVIEW_WIDTH = 460
EDITOR_WIDTH = 560
LIBRARY_WIDTH = 340


class MainWindow(QMainWindow):
    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        #: What the app cannot do on this machine, found at start-up (unwritable folders).
        self.start_up_warnings: list[str] = []
        self.qsettings = window_settings(self)
        self.setObjectName("MainWindow")
        self.exporter = Exporter(self)
        self.editor = RoleEditor(controller)
        self.setCentralWidget(self.editor)
        self.library_panel = LibraryPanel(controller.library)
        self.library_panel.follow(controller)
        self.library_panel.capabilityChosen.connect(self.add_capability)
        self.preview = PreviewPanel(controller)
        self.preview.fieldActivated.connect(self.editor.focus_field)
        self.preview.refreshed.connect(self._update_status)
        self.library_dock = self._dock(
            "Library", "LibraryDock", self.library_panel, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.preview_dock = self._dock(
            "Preview and review", "PreviewDock", self.preview, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.findings_label = QLabel()
        self.findings_label.setAccessibleName("Review summary")
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(140)
        self.busy.setVisible(False)
        self.busy.setAccessibleName("Exporting")
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.findings_label)
        self._actions()
        controller.stateChanged.connect(self._update_title)
        controller.designChanged.connect(self._update_title)
        self._update_title()
        self._update_status()
        self.resize(1280, 800)
        self._default_layout_pending = False
        self._restore_layout()
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
        controller.libraryChanged.connect(self._say_library_problems)
        if controller.library.problems:
            QTimer.singleShot(0, self._say_library_problems)

    # --- building ------------------------------------------------------------------------------

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        self.addDockWidget(area, dock)
        return dock

    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _actions(self) -> None:
        keys = QKeySequence.StandardKey
        self.new_action = self._action("&New from emerging role…", self.new_design, keys.New, "Start a new role design")
        self.open_action = self._action("&Open…", self.open_dialog, keys.Open, "Open a role design")
        self.save_action = self._action("&Save", self.save, keys.Save, "Save the role design")
        self.save_as_action = self._action("Save &As…", self.save_as, keys.SaveAs, "Save under a new name")
        self.close_action = self._action("&Close", self.close_design, keys.Close, "Close this role design")
        self.export_word_action = self._action(
            "Export &Word…", lambda: self.export("docx"), "Ctrl+E", "Export a Word job specification"
        )
        self.batch_action = self._action(
            "Export &several designs…", self.batch_export, "Ctrl+Shift+B", "Export a batch of designs to Word or PDF"
        )
        self.export_pdf_action = self._action(
            "Export &PDF…", lambda: self.export("pdf"), "Ctrl+Shift+E", "Export a PDF"
        )
        self.settings_action = self._action(
            "Se&ttings…", self.edit_settings, keys.Preferences, "Organisation, template, libraries"
        )
        self.quit_action = self._action("&Quit", self.close, keys.Quit, "Quit Role Designer")
        self.recent_menu_title = "Open &Recent"
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addActions([self.new_action, self.open_action])
        self.recent_menu = file_menu.addMenu(self.recent_menu_title)
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addActions([self.save_action, self.save_as_action, self.close_action])
        file_menu.addSeparator()
        file_menu.addActions([self.export_word_action, self.export_pdf_action, self.batch_action])
        file_menu.addSeparator()
        file_menu.addActions([self.settings_action, self.quit_action])

        self.undo_action = self.controller.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(keys.Undo))
        self.redo_action = self.controller.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(keys.Redo))
        # The menu and the tooltip name the step ("Undo Edit job title"); the toolbar's button keeps
        # a short, fixed label, so the buttons after it never move.
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        find = self._action("&Find in library", self._find, keys.Find, "Search the library")
        edit_menu.addAction(find)

        view_menu = self.menuBar().addMenu("&View")
        library_toggle = self.library_dock.toggleViewAction()
        library_toggle.setShortcut(QKeySequence("Ctrl+1"))
        preview_toggle = self.preview_dock.toggleViewAction()
        preview_toggle.setShortcut(QKeySequence("Ctrl+2"))
        view_menu.addActions([library_toggle, preview_toggle])
        view_menu.addAction(self._action("Reset &layout", self.reset_layout, None, "Show every area in its place"))

        self.library_editing = LibraryEditing(
            self.library_panel,
            lambda: user_library_dir(self.controller.settings),
            lambda: self.controller.library,
            self,
        )
        self.library_editing.libraryChanged.connect(self.reload_library)
        library_menu = self.menuBar().addMenu("&Library")
        library_menu.addActions(self.library_editing.actions())

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("Library &problems…", self.show_library_problems, None, "Entries skipped"))
        help_menu.addAction(self._action("&About Role Designer", self.about, None, "Version and research"))

        toolbar = QToolBar("Main toolbar", self)
        toolbar.setObjectName("MainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([self.new_action, self.open_action, self.save_action, self.undo_action, self.redo_action])
        toolbar.addSeparator()
        toolbar.addActions([self.export_word_action, self.export_pdf_action])
        self.addToolBar(toolbar)

    # --- state shown ---------------------------------------------------------------------------

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.controller.display_name}[*] — {APP_NAME}")
        self.setWindowModified(self.controller.is_modified)

    def _update_status(self) -> None:
        self.findings_label.setText("Review: " + (counted(self.preview.findings.findings) or "nothing to fix"))

    def _say_library_problems(self) -> None:
        count = len(self.controller.library.problems)
        if count:
            self.statusBar().showMessage(
                f"{count} library entr{'ies were' if count != 1 else 'y was'} skipped: see Help, Library problems.",
                15000,
            )

    def _find(self) -> None:
        self.library_dock.show()
        self.library_panel.focus_search()

    def add_capability(self, capability_id: str) -> None:
        problem = self.controller.add_capability(capability_id)
        self.editor.show_capability_message(problem or "")
        if problem:
            self.statusBar().showMessage(problem, 6000)
        else:
            self.statusBar().showMessage(f"Added '{self.controller.capability_name(capability_id)}'.", 4000)

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
                QMessageBox.information(self, APP_NAME, f"{error} Save your work often.")

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
                problems.append(f"{copy.problem} It was discarded.")
                self.recovery.discard(copy)
                continue
            when = copy.saved_at.strftime("%d %B %Y at %H:%M") if copy.saved_at else "an unknown time"
            where = f" ({copy.original})" if copy.original else ""
            box = QMessageBox(
                QMessageBox.Icon.Question,
                APP_NAME,
                f"Role Designer closed before {copy.name}{where} was saved. A recovery copy from {when} was "
                "found. Restore it? It opens as unsaved; your file is not changed until you save.",
                parent=self,
            )
            restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
            box.exec()
            if box.clickedButton() is restore and self.maybe_save():
                self.controller.replace(copy.design, copy.original, unsaved=True)
                self.autosave()
            self.recovery.discard(copy)
        if problems:
            QMessageBox.information(self, APP_NAME, "\n\n".join(problems))

    # --- files ---------------------------------------------------------------------------------

    def maybe_save(self) -> bool:
        """Ask Save, Discard or Cancel when there are unsaved changes; True to go on."""
        if not self.controller.is_modified:
            return True
        answer = QMessageBox.question(
            self,
            APP_NAME,
            f"Save the changes to '{self.controller.display_name}' before closing it?",
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def new_design(self) -> None:
        if not self.maybe_save():
            return
        from roledesigner.gui.dialogs.newdesign import NewDesignDialog  # dialogs load when first opened

        dialog = NewDesignDialog(self.controller.library, self)
        if not dialog.exec():
            return
        role_id = dialog.chosen_role()
        hours = self.controller.settings.default_contracted_hours
        role = self.controller.library.roles.get(role_id or "")
        self.controller.replace(design_from_role(role, hours) if role else blank_design(hours))
        self.editor.setCurrentIndex(0)

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Open role design", self._folder(), FILE_FILTER)
        if path:
            self.open_file(Path(path))

    def open_file(self, path: Path) -> bool:
        if not self.maybe_save():
            return False
        try:
            self.controller.open(path)
        except DesignFileError as error:
            QMessageBox.warning(self, APP_NAME, str(error))
            return False
        self._remember(path)
        return True

    def save(self) -> bool:
        if self.controller.path is None:
            return self.save_as()
        return self._save_to(self.controller.path)

    def save_as(self) -> bool:
        suggested = str(Path(self._folder()) / f"{self.controller.display_name}{SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self, "Save role design", suggested, FILE_FILTER)
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
                parent=self,
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
            box = QMessageBox(QMessageBox.Icon.Warning, APP_NAME, f"{error} Save it under another name?", parent=self)
            save_as = box.addButton("Save As…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Cancel)
            box.exec()
            return box.clickedButton() is save_as and self.save_as()
        self._remember(path)
        self.statusBar().showMessage(f"Saved {path}.", 4000)
        return True

    def close_design(self) -> None:
        if self.maybe_save():
            self.controller.replace(blank_design(self.controller.settings.default_contracted_hours))

    def _folder(self) -> str:
        if self.controller.path is not None:
            return str(self.controller.path.parent)
        return str(self.qsettings.value("lastFolder", str(Path.home())))

    def recent_files(self) -> list[str]:
        value = self.qsettings.value("recentFiles", [])
        if isinstance(value, str):
            return [value]
        return [str(item) for item in value] if isinstance(value, list) else []

    def _remember(self, path: Path) -> None:
        entry = str(path.resolve())
        recent = [entry, *(p for p in self.recent_files() if p != entry)][:MAX_RECENT]
        self.qsettings.setValue("recentFiles", recent)
        self.qsettings.setValue("lastFolder", str(path.parent))

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.recent_files()
        if not recent:
            self.recent_menu.addAction("No recent files").setEnabled(False)
        for number, entry in enumerate(recent, start=1):
            action = self.recent_menu.addAction(f"&{number} {Path(entry).name}")
            action.setToolTip(entry)
            action.triggered.connect(lambda _checked=False, p=entry: self.open_file(Path(p)))

    # --- export --------------------------------------------------------------------------------

    def export(self, fmt: Format) -> None:
        kind = "Word" if fmt == "docx" else "PDF"
        suggested = str(Path(self._folder()) / f"{self.controller.display_name}.{fmt}")
        path, _ = QFileDialog.getSaveFileName(self, f"Export {kind}", suggested, f"{kind} files (*.{fmt})")
        if not path:
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(f".{fmt}")
        settings = self.controller.settings
        job = ExportJob(
            self.controller.path or target,
            target,
            fmt,
            settings.word_template,
            settings.organisation_name,
            settings.organisation_logo,
        )
        self.exporter.start(self.controller.design, job, self.controller.library, self._exported)
        self.busy.setVisible(True)
        self.statusBar().showMessage(f"Exporting {target.name}…")
        self.export_word_action.setEnabled(False)
        self.export_pdf_action.setEnabled(False)

    def batch_export(self) -> None:
        from roledesigner.gui.dialogs.batch import BatchExportDialog

        dialog = BatchExportDialog(self.controller.settings, self)
        path = self.controller.path
        if path is not None and path.is_file():  # the open design, as saved, and its folder to start with
            dialog.add_open_design(path, unsaved_changes=self.controller.is_modified)
        dialog.exec()

    def _exported(self, result: ExportResult) -> None:
        self.busy.setVisible(False)
        self.export_word_action.setEnabled(True)
        self.export_pdf_action.setEnabled(True)
        self.statusBar().clearMessage()
        if result.status is not ExportStatus.EXPORTED:
            QMessageBox.warning(self, APP_NAME, result.message)
            return
        notes = "\n".join(result.warnings)
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, f"{result.message}.\n{notes}".strip(), parent=self)
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if box.clickedButton() is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.job.target)))
        elif box.clickedButton() is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.job.target.parent)))

    # --- settings and library ------------------------------------------------------------------

    def about(self) -> None:
        from roledesigner.gui.dialogs.about import show_about

        show_about(self)

    def edit_settings(self) -> None:
        from roledesigner.gui.dialogs.settings import SettingsDialog  # loads the Word template checker

        dialog = SettingsDialog(self.controller.settings, self.controller.library, self)
        if not dialog.exec():
            return
        chosen = dialog.chosen_settings()
        try:
            save_settings(chosen)
        except OSError as error:
            QMessageBox.warning(self, APP_NAME, str(error))
        folders_changed = (chosen.user_library, chosen.shared_library) != (
            self.controller.settings.user_library,
            self.controller.settings.shared_library,
        )
        self.controller.set_settings(chosen)  # every view that shows a setting listens
        if folders_changed:
            self.reload_library()

    def reload_library(self) -> None:
        """The user's or the team's entries changed: read the library again; every view that shows
        library entries listens to the controller's `libraryChanged`."""
        self.controller.set_library(load_library(default_folders(self.controller.settings)))

    def show_library_problems(self) -> None:
        problems = self.controller.library.problems
        text = "\n\n".join(str(p) for p in problems) if problems else "Every library entry loaded."
        box = QMessageBox(QMessageBox.Icon.Information, "Library problems", text, parent=self)
        box.exec()

    # --- layout --------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        geometry = self.qsettings.value("geometry")
        state = self.qsettings.value("windowState")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is None or not self.restoreState(state):
            self._default_layout_pending = True  # applied once the window is shown at its size

    def reset_layout(self) -> None:
        self._default_layout_pending = False
        for dock, area in (
            (self.library_dock, Qt.DockWidgetArea.LeftDockWidgetArea),
            (self.preview_dock, Qt.DockWidgetArea.RightDockWidgetArea),
        ):
            dock.setFloating(False)
            self.addDockWidget(area, dock)
            dock.show()
        self.resizeDocks(
            [self.library_dock, self.preview_dock], list(self.default_dock_widths()), Qt.Orientation.Horizontal
        )

    def default_dock_widths(self) -> tuple[int, int]:
        """The library's and the preview's widths for the default layout at the window's width.

        Asking for fixed widths does not work: when the two docks and the editor's minimum do not
        fit, the main window takes the difference from the preview. So the preview gets
        PREVIEW_WIDTH and the editor EDITOR_WIDTH (or its minimum, if more) first, and the library
        what is left, no more than LIBRARY_WIDTH and no less than its own minimum.
        """
        separator = self.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, self)
        room = self.width() - 2 * separator
        editor = max(EDITOR_WIDTH, self.editor.minimumSizeHint().width())
        library = min(LIBRARY_WIDTH, room - editor - PREVIEW_WIDTH)
        return max(library, self.library_dock.minimumSizeHint().width()), PREVIEW_WIDTH

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._default_layout_pending:
            QTimer.singleShot(0, self.reset_layout)  # once the window is laid out at its size
        self.preview.schedule_first_refresh()  # even with the preview hidden: the status bar needs the review

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        self.qsettings.setValue("geometry", self.saveGeometry())
        self.qsettings.setValue("windowState", self.saveState())
        self.recovery.clear()  # saved or discarded: nothing left to recover
        event.accept()
