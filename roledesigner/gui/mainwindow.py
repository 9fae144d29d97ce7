"""The main window: library on the left, the role editor in the middle, preview and review on the right.

It is built in two steps so that it shows as early as it can. The frame (menus, toolbar, the two
docks, the status bar and the saved layout) needs neither pydantic nor the library, and is shown
first; `fill()` then builds the editor, the library panel, the preview and the file session around
a controller, from the event loop just after the first paint (`gui/app.py`). Every action works
from the start: one used before the window is filled fills it first.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QToolBar,
    QWidget,
)

from roledesigner.gui import windowlayout
from roledesigner.gui.windowlayout import EDITOR_WIDTH, LIBRARY_WIDTH, PREVIEW_WIDTH
from roledesigner.gui.windowstate import window_settings

if TYPE_CHECKING:
    from roledesigner.documents.jobs import ExportResult, Format
    from roledesigner.documents.packs.packexport import PackResult
    from roledesigner.files.recovery import RecoveryStore
    from roledesigner.gui.controller import DocumentController
    from roledesigner.gui.editor.editor import RoleEditor
    from roledesigner.gui.exporting import Exporter
    from roledesigner.gui.library.editing import LibraryEditing
    from roledesigner.gui.library.panel import LibraryPanel
    from roledesigner.gui.preview import PreviewPanel
    from roledesigner.gui.session import Session

APP_NAME = "Role Designer"
__all__ = ["APP_NAME", "EDITOR_WIDTH", "LIBRARY_WIDTH", "PREVIEW_WIDTH", "MainWindow"]


def _waiting(text: str) -> QLabel:
    """What an area shows for the moment between the first paint and the window being filled."""
    label = QLabel(text)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setWordWrap(True)
    label.setAccessibleName(text or "Loading")
    return label


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: What the app cannot do on this machine, found at start-up (unwritable folders).
        self.start_up_warnings: list[str] = []
        #: Builds what the frame waits for (`gui.app.fill_window`); called at most once.
        self.filler: Callable[[], None] | None = None
        self.filled = False
        self.qsettings = window_settings(self)
        self.setObjectName("MainWindow")
        self.setCentralWidget(_waiting("Opening Role Designer…"))
        self.library_dock = self._dock(
            "Library", "LibraryDock", _waiting("Reading the library…"), Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.preview_dock = self._dock(
            "Preview and review", "PreviewDock", _waiting(""), Qt.DockWidgetArea.RightDockWidgetArea
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
        self.setWindowTitle(f"{APP_NAME}")
        self._default_layout_pending = False
        #: The default layout was given to the frame, before the editor's minimum width was known.
        self._default_layout_refit = False
        self._restore_layout()

    # --- building the frame --------------------------------------------------------------------

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

        def triggered(_checked: bool = False) -> None:
            self.ensure_filled()
            slot()

        action.triggered.connect(triggered)
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
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence(keys.Quit))
        self.quit_action.setStatusTip("Quit Role Designer")
        self.quit_action.triggered.connect(self.close)
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
        from roledesigner.gui.documentmenus import DocumentMenus  # Qt only: no pydantic before the frame shows

        self.document_menus = DocumentMenus(self, self._action)
        self.document_menus.add_to(file_menu, self.recent_menu.menuAction(), self.settings_action)

        self.edit_menu = self.menuBar().addMenu("&Edit")  # Undo and Redo join it when the window is filled
        self._edit_separator = self.edit_menu.addSeparator()
        self.edit_menu.addAction(self._action("&Find in library", self._find, keys.Find, "Search the library"))

        view_menu = self.menuBar().addMenu("&View")
        library_toggle = self.library_dock.toggleViewAction()
        library_toggle.setShortcut(QKeySequence("Ctrl+1"))
        preview_toggle = self.preview_dock.toggleViewAction()
        preview_toggle.setShortcut(QKeySequence("Ctrl+2"))
        view_menu.addActions([library_toggle, preview_toggle])
        view_menu.addAction(self._action("Reset &layout", self.reset_layout, None, "Show every area in its place"))

        self.library_menu = self.menuBar().addMenu("&Library")  # the entry actions come with the panel
        self.library_menu.aboutToShow.connect(self.ensure_filled)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction(self._action("Library &problems…", self.show_library_problems, None, "Entries skipped"))
        help_menu.addAction(self._action("&About Role Designer", self.about, None, "Version and research"))

        self.toolbar = QToolBar("Main toolbar", self)
        self.toolbar.setObjectName("MainToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.toolbar.addActions([self.new_action, self.open_action, self.save_action])
        self._toolbar_separator = self.toolbar.addSeparator()
        self.toolbar.addActions([self.export_word_action, self.export_pdf_action])
        self.addToolBar(self.toolbar)

    # --- filling -------------------------------------------------------------------------------

    def ensure_filled(self) -> None:
        """Fill the window now if it is not yet (an action used in the first moment after the start)."""
        if not self.filled and self.filler is not None:
            self.filler()

    def fill(self, controller: DocumentController) -> None:
        """Build everything that shows or changes the design, around `controller`."""
        from roledesigner.gui.editor.editor import RoleEditor
        from roledesigner.gui.exporting import Exporter
        from roledesigner.gui.library.editing import LibraryEditing
        from roledesigner.gui.library.panel import LibraryPanel
        from roledesigner.gui.preview import PreviewPanel
        from roledesigner.gui.session import Session

        self.controller = controller
        self.session: Session = Session(self, controller, self.qsettings)
        self.exporter: Exporter = Exporter(self)
        self.editor: RoleEditor = RoleEditor(controller)
        self.setCentralWidget(self.editor)
        self.library_panel: LibraryPanel = LibraryPanel(controller.library)
        self.library_panel.follow(controller)
        self.library_panel.capabilityChosen.connect(self.add_capability)
        self.library_dock.setWidget(self.library_panel)
        self.preview: PreviewPanel = PreviewPanel(controller)
        self.preview.fieldActivated.connect(self.editor.focus_field)
        self.preview.refreshed.connect(self._update_status)
        self.preview_dock.setWidget(self.preview)

        self.undo_action = controller.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = controller.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Redo))
        # The menu and the tooltip name the step ("Undo Edit job title"); the toolbar's button keeps
        # a short, fixed label, so the buttons after it never move.
        self.undo_action.setIconText("Undo")
        self.redo_action.setIconText("Redo")
        self.edit_menu.insertActions(self._edit_separator, [self.undo_action, self.redo_action])
        self.toolbar.insertActions(self._toolbar_separator, [self.undo_action, self.redo_action])

        self.library_editing: LibraryEditing = LibraryEditing(
            self.library_panel, self._user_library, lambda: self.controller.library, self
        )
        self.library_editing.libraryChanged.connect(self.reload_library)
        self.library_menu.addActions(self.library_editing.actions())

        controller.stateChanged.connect(self._update_title)
        controller.designChanged.connect(self._update_title)
        controller.libraryChanged.connect(self._say_library_problems)
        if self._saved_state is not None:
            QTimer.singleShot(0, self._restore_saved_state)  # once the panes are laid out
        else:  # the default layout for the panes' least widths, before they would widen the window
            windowlayout.reset(self)
        self.document_menus.window_filled()
        self.filled = True
        self._update_title()
        self._update_status()
        self._say_library_problems()
        if self.isVisible():
            self._shown_and_filled()

    def _shown_and_filled(self) -> None:
        if self._default_layout_pending or self._default_layout_refit:
            self._default_layout_refit = False  # the editor's own minimum is known now
            QTimer.singleShot(0, self.reset_layout)  # once the window is laid out at its size
        self.preview.schedule_first_refresh()  # even with the preview hidden: the status bar needs the review

    def _user_library(self) -> Path:
        from roledesigner.files.settings import user_library_dir

        return user_library_dir(self.controller.settings)

    # --- state shown ---------------------------------------------------------------------------

    def _update_title(self) -> None:
        from roledesigner.domain.vocabulary import label

        design = self.controller.design
        state = f"version {design.version.strip() or '1'}, {label(design.status).lower()}"
        self.setWindowTitle(f"{self.controller.display_name}[*] ({state}) — {APP_NAME}")
        self.setWindowModified(self.controller.is_modified)

    def _update_status(self) -> None:
        from roledesigner.domain.findings import counted

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
        self.library_dock.raise_()  # in front of the preview when they share a side (a small screen)
        self.library_panel.focus_search()

    def add_capability(self, capability_id: str) -> None:
        problem = self.controller.add_capability(capability_id)
        self.editor.show_capability_message(problem or "")
        if problem:
            self.statusBar().showMessage(problem, 6000)
        else:
            self.statusBar().showMessage(f"Added '{self.controller.capability_name(capability_id)}'.", 4000)

    # --- the design as a file (gui/session.py) ---------------------------------------------------

    @property
    def recovery(self) -> RecoveryStore:
        return self.session.recovery

    def maybe_save(self) -> bool:
        return self.session.maybe_save()

    def new_design(self) -> None:
        if self.session.new_design():
            self.editor.setCurrentIndex(0)

    def open_dialog(self) -> None:
        self.session.open_dialog()

    def open_file(self, path: Path) -> bool:
        self.ensure_filled()
        return self.session.open_file(path)

    def save(self) -> bool:
        self.keep_typing()
        return self.session.save()

    def save_as(self) -> bool:
        self.keep_typing()
        return self.session.save_as()

    def keep_typing(self) -> None:
        """A table cell still being typed in keeps its text before a save or an export (Ctrl+S or
        Ctrl+E straight from the cell), as the focus leaving it would."""
        focus = QApplication.focusWidget()
        view = focus.parentWidget() if focus is not None else None
        while view is not None and not isinstance(view, QAbstractItemView):
            view = view.parentWidget()
        if view is not None and self.isAncestorOf(view) and view.state() == QAbstractItemView.State.EditingState:
            view.setFocus()  # the cell's editor loses the focus: its delegate commits and closes it

    def close_design(self) -> None:
        self.session.close_design()

    def autosave(self) -> None:
        self.session.autosave()

    def offer_recovery(self) -> None:
        self.ensure_filled()
        self.session.offer_recovery()

    def recent_files(self) -> list[str]:
        return self.session.recent_files()

    def _fill_recent(self) -> None:
        self.ensure_filled()
        self.session.fill_recent(self.recent_menu)

    # --- export --------------------------------------------------------------------------------

    def export(self, fmt: Format) -> None:
        """Review, ask about errors (Cancel goes to the first), choose the file, export (gui/exporting.py)."""
        self.keep_typing()
        self.exporter.export_from(self, fmt, self.editor.focus_field)

    def batch_export(self) -> None:
        from roledesigner.gui.dialogs.batch import BatchExportDialog

        dialog = BatchExportDialog(self.controller.settings, self)
        path = self.controller.path
        if path is not None and path.is_file():  # the open design, as saved, and its folder to start with
            dialog.add_open_design(path, unsaved_changes=self.controller.is_modified)
        dialog.exec()

    def exported(self, result: ExportResult | PackResult) -> None:
        """Say what came of an export (a job specification or a pack document), with Open and Show in folder."""
        from roledesigner.documents.jobs import ExportStatus
        from roledesigner.gui.exporting import clicked_button, set_working

        set_working(self, False)
        if result.status is not ExportStatus.EXPORTED:
            QMessageBox.warning(self, APP_NAME, result.message)
            return
        notes = "\n".join(result.warnings)
        box = QMessageBox(QMessageBox.Icon.Information, APP_NAME, f"{result.message}.\n{notes}".strip(), parent=self)
        open_button = box.addButton("Open", QMessageBox.ButtonRole.AcceptRole)
        folder_button = box.addButton("Show in folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        clicked = clicked_button(box)
        if clicked is open_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.job.target)))
        elif clicked is folder_button:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(result.job.target.parent)))

    # --- settings and library ------------------------------------------------------------------

    def about(self) -> None:
        from roledesigner.gui.dialogs.about import show_about

        show_about(self)

    def edit_settings(self) -> None:
        from roledesigner.files.settings import save_settings
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
        from roledesigner.library.loader import default_folders, load_library

        self.controller.set_library(load_library(default_folders(self.controller.settings)))

    def show_library_problems(self) -> None:
        problems = self.controller.library.problems
        text = "\n\n".join(str(p) for p in problems) if problems else "Every library entry loaded."
        box = QMessageBox(QMessageBox.Icon.Information, "Library problems", text, parent=self)
        box.exec()

    # --- layout --------------------------------------------------------------------------------

    def _restore_layout(self) -> None:
        windowlayout.place(self, self.qsettings.value("geometry"))  # within the screen, as last closed
        state = self.qsettings.value("windowState")
        #: The saved layout, given again once the panes replace the frame's placeholders (whose
        #: smaller minimum widths it was first fitted to).
        self._saved_state = state
        if state is None or not self.restoreState(state):
            self._saved_state = None
            self.reset_layout()  # the frame's first paint has the default widths already
            self._default_layout_pending = True  # and again once the window is shown at its size

    def _restore_saved_state(self) -> None:
        self.restoreState(self._saved_state)
        QTimer.singleShot(0, self._unsqueeze)

    def _unsqueeze(self) -> None:
        """A layout saved on a larger screen that leaves the preview too narrow here, or makes the window
        wider than the screen, gives way to the default."""
        layout = self.layout()
        if layout is not None:
            layout.activate()  # the restored layout's least widths applied: the window at its size
        if windowlayout.squeezed(self) or windowlayout.too_wide(self):
            self.reset_layout()
            QTimer.singleShot(0, lambda: windowlayout.fit(self, windowlayout.available_area(self), centre=False))

    def reset_layout(self) -> None:
        """Every area in its place, at the default widths for the window's width (gui/windowlayout.py)."""
        self._default_layout_pending = False
        windowlayout.reset(self)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.filled:
            self._shown_and_filled()
        elif self._default_layout_pending:
            QTimer.singleShot(0, self.reset_layout)  # the frame at its shown size; again once filled
            self._default_layout_refit = True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.filled and not self.maybe_save():
            event.ignore()
            return
        self.qsettings.setValue("geometry", self.saveGeometry())
        self.qsettings.setValue("windowState", self.saveState())
        if self.filled:
            self.session.recovery.clear()  # saved or discarded: nothing left to recover
        event.accept()
