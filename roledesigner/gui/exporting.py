"""Export off the GUI thread, so the window keeps answering while a document is written.

One export runs in the app's one background model (`gui/background.py`), as a batch does: on
Qt's pool, its result read from a queue on the GUI thread.

Export knows the review: before the save dialog the design is reviewed whole (off the GUI thread
too: a very large design takes seconds), and if the review has errors the user is asked. Export
anyway writes the document with "Draft: not yet reviewed" in its header; Cancel goes to the
first error. The recruitment pack's entries (gui/documentmenus.py) take the same step,
`Exporter.review_first`, and are marked the same way. The save dialog suggests a name made by
the settings' pattern (`file_name`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportJob, ExportResult, ExportStatus, Format
from roledesigner.gui.background import BackgroundRunner

if TYPE_CHECKING:
    from roledesigner.domain.findings import Finding
    from roledesigner.domain.models import RoleDesign
    from roledesigner.files.settings import Settings
    from roledesigner.gui.mainwindow import MainWindow
    from roledesigner.library.catalogue import Library

#: The question's title and its answers, as the user sees them.
QUESTION_TITLE = "Export with errors?"
EXPORT_ANYWAY = "Export anyway"
KINDS = {"docx": "Word", "pdf": "PDF"}


def suggested_name(design: RoleDesign, settings: Settings, suffix: str, ending: str = "") -> str:
    """The name a save dialog offers: the settings' pattern filled from the design."""
    from roledesigner.documents.filenames import export_file_name

    return export_file_name(design, suffix, settings.organisation_name, settings.file_name, ending)


def ask_about_errors(parent: QWidget | None, errors: list[Finding]) -> bool:
    """Export anyway (True), or Cancel (False), for a design whose review has errors."""
    count = len(errors)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QUESTION_TITLE)
    box.setTextFormat(Qt.TextFormat.PlainText)  # a finding may quote the design's own text
    first = errors[0].message
    box.setText(
        f"The review found {'an error' if count == 1 else f'{count} errors'} in this design"
        f"{'' if count == 1 else ', the first'}: {first}"
    )
    box.setInformativeText(
        f"Export anyway to make the document now, marked “{UNREVIEWED_MARK}” in its header, "
        f"or Cancel to go to the {'error' if count == 1 else 'first error'} and fix it."
    )
    anyway = box.addButton("&Export anyway", QMessageBox.ButtonRole.AcceptRole)
    anyway.setAccessibleName(EXPORT_ANYWAY)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return clicked_button(box) is anyway


def clicked_button(box: QMessageBox) -> object | None:
    """Show `box` and return the button clicked, caught as it is clicked: a box shown from a
    background task's end may be gone when `exec` returns (its window closed meanwhile)."""
    clicked: list[object] = []
    box.buttonClicked.connect(clicked.append)
    box.exec()
    return clicked[-1] if clicked else None


class Exporter(QObject):
    """Exports one design at a time as it was when the user asked (a snapshot, not the live design)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._runner = BackgroundRunner(self)

    @property
    def busy(self) -> bool:
        return self._runner.busy

    def start(self, design: RoleDesign, job: ExportJob, library: Library, done: Callable[[ExportResult], None]) -> None:
        def work(_report: Callable[[None], None], _stop: threading.Event) -> ExportResult:
            from roledesigner.documents.export import export_design  # Word and PDF code loads on first use

            return export_design(design, job, library)

        def fault(error: Exception) -> None:  # export_design answers every fault itself; this is the last net
            done(ExportResult(job, ExportStatus.FAILED, f"Could not export {job.source}: an internal fault ({error})."))

        self._runner.start(work, done, fault=fault)

    def export_from(self, window: MainWindow, fmt: Format, go_to: Callable[[str], object]) -> None:
        """File, Export Word or PDF: review, ask if it has errors, choose the file, export.

        `go_to(field)` shows a finding's field (the main window's jump to a finding), for Cancel.
        The window's export actions stay disabled from the review to the export's end, when the
        window's `exported` enables them again.
        """

        def chosen(design: RoleDesign, library: Library, unreviewed: bool) -> None:
            self._choose_and_export(window, fmt, design, library, unreviewed=unreviewed)

        self.review_first(window, go_to, chosen)

    def review_first(
        self, window: MainWindow, go_to: Callable[[str], object], then: Callable[[RoleDesign, Library, bool], None]
    ) -> None:
        """The one reviewed-export step, for the job specification and the pack entries alike.

        The design as it is now is reviewed off the GUI thread; if the review has errors the user is
        asked. Cancel goes to the first error (`go_to(field)`); Export anyway, or no errors, calls
        `then(design, library, unreviewed)` with the design reviewed, `unreviewed` True when it has
        errors. Nothing starts while an export is under way; the window's export entries stay off
        until `then`'s export ends (the window's `exported`) or `set_working(window, False)`.
        """
        if self.busy:
            return
        controller = window.controller
        design, library = controller.design, controller.library  # as they are now, not as they become
        set_working(window, True, "Checking the review before exporting…")

        def work(_report: Callable[[None], None], _stop: threading.Event) -> list[Finding]:
            from roledesigner.documents.export import review_errors
            from roledesigner.review import review

            return review_errors(design, library, review)

        def reviewed(errors: list[Finding]) -> None:
            if errors and not ask_about_errors(window, errors):
                set_working(window, False)
                go_to(errors[0].field)
                return
            then(design, library, bool(errors))

        def fault(error: Exception) -> None:  # the review never fails on a valid design; this is the last net
            set_working(window, False)
            QMessageBox.warning(window, "Export", f"The design could not be reviewed before exporting ({error}).")

        self._runner.start(work, reviewed, fault=fault)

    def _choose_and_export(
        self, window: MainWindow, fmt: Format, design: RoleDesign, library: Library, *, unreviewed: bool
    ) -> None:
        controller = window.controller
        settings = controller.settings
        kind = KINDS[fmt]
        suggested = str(Path(window.session.folder()) / suggested_name(design, settings, fmt))
        path, _ = QFileDialog.getSaveFileName(window, f"Export {kind}", suggested, f"{kind} files (*.{fmt})")
        if not path:
            set_working(window, False)
            return
        target = Path(path) if Path(path).suffix else Path(path).with_suffix(f".{fmt}")
        job = ExportJob(
            controller.path or target,
            target,
            fmt,
            settings.word_template,
            settings.organisation_name,
            settings.organisation_logo,
            show_draft=settings.show_draft_mark,
            unreviewed=unreviewed,
        )
        window.statusBar().showMessage(f"Exporting {target.name}…")
        self.start(design, job, library, window.exported)


def set_working(window: MainWindow, working: bool, message: str = "") -> None:
    """The window while an export is under way: busy shown, every export entry off, the recruitment
    pack's too (`exported` ends it), so a second export cannot start beside the first."""
    window.busy.setVisible(working)
    menus = getattr(window, "document_menus", None)  # there once the window is filled
    for action in [window.export_word_action, window.export_pdf_action, *(menus.pack_actions if menus else [])]:
        action.setEnabled(not working)
    if message:
        window.statusBar().showMessage(message)
    elif not working:
        window.statusBar().clearMessage()
