"""The File menu's entries for a post's paperwork beyond its specification: importing an existing
job description (and auditing a folder of them), the recruitment pack (interview pack,
shortlisting matrix, criteria to paste) and the document's record (versions, compare).

Kept apart from the main window so that it stays a frame of menus and panes; each entry's work
lives in the core (`documents.packs`, `domain.versions`) and in the dialogs.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from roledesigner.gui.background import BackgroundRunner

if TYPE_CHECKING:
    from roledesigner.documents.packs.packexport import PackResult
    from roledesigner.domain.models import RoleDesign
    from roledesigner.gui.dialogs.audit import AuditDialog
    from roledesigner.gui.dialogs.versions import VersionsDialog
    from roledesigner.gui.mainwindow import MainWindow
    from roledesigner.library.catalogue import Library

#: What each pack entry exports: (document, format, menu text, file kind shown in the save dialog).
PACKS = (
    ("interview", "docx", "Export &interview pack (Word)…", "Word files (*.docx)"),
    ("shortlisting", "xlsx", "Export shortlisting &matrix (Excel)…", "Excel files (*.xlsx)"),
    ("shortlisting", "docx", "Export shortlisting &forms (Word)…", "Word files (*.docx)"),
)


class DocumentMenus(QObject):
    """Adds the pack and version entries to the window's File menu and runs them."""

    def __init__(self, window: MainWindow, action: Callable[..., QAction]) -> None:
        super().__init__(window)
        self.window = window
        self._runner = BackgroundRunner(self)
        self.pack_actions = [
            action(
                text, lambda d=document, f=fmt, k=kind: self.export_pack(d, f, k), None, f"Export the {document} pack"
            )
            for document, fmt, text, kind in PACKS
        ]
        self.copy_criteria_action = action(
            "Copy &criteria for NHS Jobs or Trac",
            self.copy_criteria,
            None,
            "The person specification as plain text, grouped as the recruitment systems ask",
        )
        self.record_version_action = action(
            "&Record version…", self.record_version, None, "Record the content as it is now as a version in the file"
        )
        self.versions_action = action(
            "&Versions and changes…", self.show_versions, None, "Recorded versions; compare with a version or a file"
        )
        self.import_action = action(
            "&Import job description…",
            self.import_description,
            "Ctrl+I",
            "Import a Word or PDF job description as a new design",
        )
        self.audit_action = action(
            "A&udit a folder…", self.audit_folder, None, "Review every design and job description in a folder"
        )
        self.versions_dialog: VersionsDialog | None = None
        self.audit_dialog: AuditDialog | None = None

    def window_filled(self) -> None:
        """Accept a Word or PDF file dropped on the window (the import's code loads only now)."""
        from roledesigner.gui.dialogs.importreview import ImportDrop

        ImportDrop(self.window, self.import_description)

    def add_to(self, file_menu: QMenu, beside_open: QAction, before: QAction) -> None:
        """Import beside Open (`beside_open` is the entry it goes before); the rest before `before`."""
        file_menu.insertAction(beside_open, self.import_action)
        pack_menu = QMenu("Recruitment &pack", file_menu)
        pack_menu.addActions([*self.pack_actions, self.copy_criteria_action])
        file_menu.insertMenu(before, pack_menu)
        file_menu.insertAction(before, self.audit_action)
        file_menu.insertSeparator(before)
        file_menu.insertActions(before, [self.record_version_action, self.versions_action])
        file_menu.insertSeparator(before)

    # --- recruitment pack ----------------------------------------------------------------------

    def export_pack(self, document: str, fmt: str, kind: str) -> None:
        """A pack entry: the design reviewed first, as Export Word is (gui/exporting.py); Export anyway
        marks the pack "Draft: not yet reviewed", Cancel goes to the first error."""
        window = self.window
        window.keep_typing()

        def chosen(design: RoleDesign, library: Library, unreviewed: bool) -> None:
            self._choose_and_export_pack(design, library, document, fmt, kind, unreviewed=unreviewed)

        window.exporter.review_first(window, window.editor.focus_field, chosen)

    def _choose_and_export_pack(
        self, design: RoleDesign, library: Library, document: str, fmt: str, kind: str, *, unreviewed: bool
    ) -> None:
        from roledesigner.documents.filenames import DOCUMENT_ENDINGS
        from roledesigner.documents.jobs import ExportStatus
        from roledesigner.documents.packs.packexport import PackJob, PackResult, export_pack
        from roledesigner.gui.exporting import set_working, suggested_name

        window, controller = self.window, self.window.controller
        name = suggested_name(design, controller.settings, fmt, DOCUMENT_ENDINGS[document])
        path, _ = QFileDialog.getSaveFileName(window, "Export", str(Path(window.session.folder()) / name), kind)
        if not path:
            set_working(window, False)
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(f".{fmt}")
        settings = controller.settings
        job = PackJob(
            controller.path or target,
            target,
            document,
            fmt,
            organisation=settings.organisation_name,
            logo=settings.organisation_logo,
            unreviewed=unreviewed,
        )

        def work(_report: Callable[[None], None], _stop: threading.Event) -> PackResult:
            return export_pack(design, job, library)

        def fault(error: Exception) -> None:  # export_pack answers every fault itself; this is the last net
            message = f"Could not export {job.source}: an internal fault ({error})."
            window.exported(PackResult(job, ExportStatus.FAILED, message))

        window.statusBar().showMessage(f"Exporting {target.name}…")
        self._runner.start(work, window.exported, fault=fault)

    def copy_criteria(self) -> None:
        from roledesigner.documents.packs.criteriatext import criteria_text

        controller = self.window.controller
        QGuiApplication.clipboard().setText(criteria_text(controller.design, controller.library))
        self.window.statusBar().showMessage("The criteria are on the clipboard, ready to paste.", 5000)

    # --- import and audit ----------------------------------------------------------------------

    def import_description(self, path: Path | None = None) -> None:
        from roledesigner.gui.dialogs.importreview import import_job_description

        import_job_description(self.window, path)

    def audit_folder(self) -> None:
        from roledesigner.gui.dialogs.audit import AuditDialog

        if self.audit_dialog is None:
            self.audit_dialog = AuditDialog(self.window)
        self.audit_dialog.show()
        self.audit_dialog.raise_()

    # --- versions ------------------------------------------------------------------------------

    def record_version(self) -> None:
        from roledesigner.gui.dialogs.versions import record_version_dialog

        record_version_dialog(self.window.controller, self.window)

    def show_versions(self) -> None:
        from roledesigner.gui.dialogs.versions import VersionsDialog

        self.versions_dialog = VersionsDialog(self.window.controller, self.window)
        self.versions_dialog.show()
