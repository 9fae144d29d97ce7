"""The batch export dialog: several designs (or a folder of them) to documents in one go.

Thin widgets over `roledesigner.documents.export`: the batch runs `export_many` (which exports on
this process and on spawned ones, reviewing each design) or, for a recruitment pack document,
`export_reviewed_packs` (gui/dialogs/batchpacks.py, reviewing each design too), through the
app's one background model (`gui/background.py`: the pool, a queue read on a timer, no signal
per file); the dialog shows progress and one row per design, and
Cancel asks the batch to start no further file. A failure never stops the rest; a document
(a job specification or a pack's) whose review has errors is exported marked "Draft: not yet
reviewed" and its row and the summary say so. Documents are named by the settings' pattern (or after their design
files), and two with the same name are written as "role.docx" and "role (2).docx". Files already
in the folder are replaced only if the user says so; otherwise new ones are numbered.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDir, Qt, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from roledesigner.documents.jobs import Format
from roledesigner.files.designfile import SUFFIX
from roledesigner.files.settings import Settings
from roledesigner.gui.background import BackgroundRunner, Task
from roledesigner.gui.dialogs.batchjobs import (
    Progress,
    amount,
    batch_jobs,
    designs_in,
    pack_jobs,
    result_text,
    summary,
)
from roledesigner.gui.dialogs.batchoptions import SPECIFICATION, DocumentChoice, NamingChoice
from roledesigner.gui.widgets.colours import MessageLabel
from roledesigner.gui.widgets.results import ResultsTable

if TYPE_CHECKING:
    from roledesigner.gui.dialogs.batchjobs import AnyJob, AnyResult

DESIGN_FILTER = f"Role designs (*{SUFFIX})"
KEEP_BOTH = "Keep both"
REPLACE = "Replace"


class BatchExportDialog(QDialog):
    """Choose designs, a format and a folder; export them all, with progress, Cancel and results."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        #: Processes to export on (None: every core). Tests set 1 to keep everything here.
        self.workers: int | None = None
        self.results: list[AnyResult] = []
        self._runner = BackgroundRunner(self)
        self._task: Task[Progress, list[AnyResult]] | None = None
        self._rows: dict[Path, int] = {}
        self._last_folder = QDir.homePath()
        self._designs_message = ""
        self.setWindowTitle("Export several designs")
        self.setAccessibleName("Export several designs")
        self.resize(760, 640)

        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose role designs, a document, a format and a folder. Each design becomes one document, named as "
            "Settings says or after its file; a design that cannot be exported is listed with the reason, and "
            "the rest carry on. A document whose review has errors is marked “Draft: not yet reviewed”."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._designs_box())
        self.choice = DocumentChoice()
        self.choice.changed.connect(self._update)
        self.word_radio, self.pdf_radio = self.choice.format_radios["docx"], self.choice.format_radios["pdf"]
        layout.addWidget(self.choice)
        self.naming = NamingChoice(settings.file_name)
        layout.addWidget(self._destination_box())
        layout.addWidget(self._progress_box(), stretch=1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setAccessibleName("Close")
        self.close_button.setToolTip("Close this window.")
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    # --- building ------------------------------------------------------------------------------

    def _button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        return button

    def _designs_box(self) -> QGroupBox:
        box = QGroupBox("Designs to export")
        row = QHBoxLayout(box)
        column = QVBoxLayout()
        self.design_list = QListWidget()
        self.design_list.setAccessibleName("Designs to export")
        self.design_list.setToolTip("The role design files to export. Select some and press Remove to leave them out.")
        self.design_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.design_list.itemSelectionChanged.connect(self._update)
        remove_key = QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.design_list)
        remove_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove_key.activated.connect(self.remove_selected)
        column.addWidget(self.design_list)
        self.designs_note = QLabel()
        self.designs_note.setWordWrap(True)
        self.designs_note.setAccessibleName("About the designs chosen")
        column.addWidget(self.designs_note)
        row.addLayout(column, stretch=1)

        buttons = QVBoxLayout()
        self.add_files_button = self._button(
            "Add designs…", "Add designs", "Choose one or more role design files to add to the list."
        )
        self.add_files_button.clicked.connect(self.choose_designs)
        self.add_folder_button = self._button(
            "Add a folder…",
            "Add a folder",
            "Add every role design file in a folder (not the folders inside it).",
        )
        self.add_folder_button.clicked.connect(self.choose_folder_of_designs)
        self.remove_button = self._button("Remove", "Remove", "Take the selected designs off the list (Delete).")
        self.remove_button.clicked.connect(self.remove_selected)
        for button in (self.add_files_button, self.add_folder_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row.addLayout(buttons)
        return box

    def _destination_box(self) -> QGroupBox:
        box = QGroupBox("Save the documents in")
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.destination_edit = QLineEdit()
        self.destination_edit.setAccessibleName("Folder to save the documents in")
        self.destination_edit.setToolTip(
            "The folder the documents are saved in. A document of the same name already there is replaced."
        )
        self.destination_edit.setPlaceholderText("Choose a folder")
        self.destination_edit.textChanged.connect(self._update)
        row.addWidget(self.destination_edit, stretch=1)
        self.choose_destination_button = self._button(
            "Choose…", "Choose the folder", "Choose the folder to save the documents in."
        )
        self.choose_destination_button.clicked.connect(self.choose_destination)
        row.addWidget(self.choose_destination_button)
        column.addLayout(row)
        column.addWidget(self.naming)
        self.destination_note = MessageLabel()
        self.destination_note.setAccessibleName("Problem with the folder")
        column.addWidget(self.destination_note)
        return box

    def _progress_box(self) -> QGroupBox:
        box = QGroupBox("Progress and results")
        column = QVBoxLayout(box)
        row = QHBoxLayout()
        self.export_button = self._button("Export", "Export", "Export every design on the list.")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        row.addWidget(self.export_button)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Export progress")
        self.progress_bar.setToolTip("How many of the designs have been dealt with.")
        self.progress_bar.setFormat("%v of %m")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(False)  # until there is a batch to count
        row.addWidget(self.progress_bar, stretch=1)
        self.cancel_button = self._button(
            "Cancel",
            "Cancel the export",
            "Start no further document; those being written now are finished, never left half-written.",
        )
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        column.addLayout(row)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setAccessibleName("Export status")
        column.addWidget(self.status_label)

        self.results_table = ResultsTable()
        column.addWidget(self.results_table, stretch=1)
        return box

    # --- the list of designs -------------------------------------------------------------------

    def designs(self) -> list[Path]:
        return [
            Path(self.design_list.item(row).data(Qt.ItemDataRole.UserRole)) for row in range(self.design_list.count())
        ]

    def add_designs(self, paths: Iterable[Path]) -> int:
        """Add designs not on the list yet; the first added suggests the folder if none is chosen."""
        self._designs_message = ""
        present = {path.resolve() for path in self.designs()}
        added = 0
        for path in paths:
            if path.resolve() in present:
                continue
            present.add(path.resolve())
            item = QListWidgetItem(f"{path.name}  ({path.parent})")
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
            self.design_list.addItem(item)
            added += 1
            if not self.destination_edit.text().strip():
                self.destination_edit.setText(str(path.parent))
        self._update()
        return added

    def add_open_design(self, path: Path, *, unsaved_changes: bool) -> None:
        """List the design open in the main window, suggesting its folder for the documents; say
        when it has changes not saved yet, which the export (made from the file) leaves out."""
        self.add_designs([path])
        if unsaved_changes:
            self._designs_message = (
                f"{path.name} has changes that are not saved yet: its document is made from the file as "
                "last saved. Save it first to include them."
            )
            self._update()

    def add_folder(self, folder: Path) -> int:
        found = designs_in(folder)
        added = self.add_designs(found)
        if not found:
            self._designs_message = f"There are no role designs ({SUFFIX} files) in {folder}."
        elif added < len(found):
            already = len(found) - added
            self._designs_message = (
                f"Added {amount(added, 'design')} from {folder}; {amount(already, 'was', 'were')} on the list already."
            )
        self._update()
        return added

    @Slot()
    def choose_designs(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileNames(self, "Add designs", self._last_folder, DESIGN_FILTER)
        if chosen:
            self._last_folder = str(Path(chosen[0]).parent)
            self.add_designs(Path(path) for path in chosen)

    @Slot()
    def choose_folder_of_designs(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Add a folder of designs", self._last_folder)
        if chosen:
            self._last_folder = chosen
            self.add_folder(Path(chosen))

    @Slot()
    def remove_selected(self) -> None:
        if self.running:
            return
        for item in self.design_list.selectedItems():
            self.design_list.takeItem(self.design_list.row(item))
        self._update()

    @Slot()
    def choose_destination(self) -> None:
        start = self.destination_edit.text().strip() or self._last_folder
        chosen = QFileDialog.getExistingDirectory(self, "Save the documents in", start)
        if chosen:
            self.destination_edit.setText(chosen)

    # --- state ---------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None

    @property
    def chosen_format(self) -> str:
        return self.choice.format

    def destination(self) -> Path | None:
        text = self.destination_edit.text().strip()
        return Path(text).expanduser() if text else None

    def destination_problem(self) -> str | None:
        folder = self.destination()
        if folder is None:
            return "Choose the folder to save the documents in."
        if not folder.is_dir():
            return f"The folder {folder} does not exist." if not folder.exists() else f"{folder} is not a folder."
        return None

    @Slot()
    def _update(self) -> None:
        running = self.running
        count = self.design_list.count()
        problem = self.destination_problem()
        # Only a folder typed or chosen has a problem worth showing in red; an empty one just waits.
        self.destination_note.setText(problem if problem and self.destination_edit.text().strip() else "")
        self.destination_note.setVisible(bool(self.destination_note.text()))
        self.destination_edit.setAccessibleDescription(problem or "")
        hint = "" if count else "No designs chosen yet: add some, or a folder of them."
        self.designs_note.setText(self._designs_message or hint)
        self.designs_note.setVisible(bool(self.designs_note.text()))
        reason = None if count else "Add at least one design to export."
        reason = reason or problem
        self.export_button.setEnabled(not running and reason is None)
        self.export_button.setToolTip(
            f"Export {amount(count, 'design')}." if reason is None else f"Not available: {reason}"
        )
        self.choice.set_running(running)
        self.naming.set_running(running)
        for widget in (
            self.add_files_button,
            self.add_folder_button,
            self.destination_edit,
            self.choose_destination_button,
        ):
            widget.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.design_list.selectedItems()))
        self.design_list.setEnabled(not running)
        self.cancel_button.setEnabled(self._task is not None and not self._task.cancelled)
        self.close_button.setEnabled(not running)
        self.close_button.setToolTip(
            "Close this window." if not running else "Not available while exporting: press Cancel first."
        )

    # --- running -------------------------------------------------------------------------------

    @Slot()
    def start(self) -> None:
        folder = self.destination()
        if self.running or folder is None or self.destination_problem() or not self.design_list.count():
            self._update()
            return
        jobs = self._jobs(folder, keep_existing=False)
        from roledesigner.documents.export import existing_targets

        existing = existing_targets(jobs)
        if existing:
            choice = self.ask_about_existing(existing)
            if choice is None:
                return
            if choice == KEEP_BOTH:
                jobs = self._jobs(folder, keep_existing=True)
        self.results = []
        self._rows = {job.target: row for row, job in enumerate(jobs)}  # a pack's job comes back marked
        self.results_table.show_waiting(cast(Any, jobs))  # a row reads a job's source only: either kind
        self.progress_bar.setRange(0, len(jobs))
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.status_label.setText(f"Exporting {amount(len(jobs), 'design')} to {folder}…")
        workers, document = self.workers, self.choice.document

        def work(report: Callable[[Progress], None], stop: threading.Event) -> list[AnyResult]:
            if document != SPECIFICATION:
                from roledesigner.documents.packs.packexport import PackJob
                from roledesigner.gui.dialogs.batchpacks import export_reviewed_packs

                packs = [job for job in jobs if isinstance(job, PackJob)]
                return list(export_reviewed_packs(packs, lambda *done: report(done), should_stop=stop.is_set))
            from roledesigner.documents.export import export_many
            from roledesigner.documents.jobs import ExportJob
            from roledesigner.review import review

            specifications = [job for job in jobs if isinstance(job, ExportJob)]
            results = export_many(
                specifications, workers, lambda *done: report(done), should_stop=stop.is_set, check=review
            )
            return list(results)

        self._task = self._runner.start(work, self._finish, fault=self._fault, progress=self._progress)
        self._update()

    def _jobs(self, folder: Path, *, keep_existing: bool) -> Sequence[AnyJob]:
        document, fmt, by_pattern = self.choice.document, self.chosen_format, self.naming.by_pattern
        if document == SPECIFICATION:
            fmt_ = cast(Format, fmt)
            return batch_jobs(
                self.designs(), folder, fmt_, self.settings, keep_existing=keep_existing, by_pattern=by_pattern
            )
        return pack_jobs(
            self.designs(), folder, document, fmt, self.settings, keep_existing=keep_existing, by_pattern=by_pattern
        )

    def ask_about_existing(self, existing: Sequence[Path]) -> str | None:
        """Replace, keep both (the new files numbered), or stop: never replace earlier work unasked."""
        names = ", ".join(path.name for path in existing[:3]) + (", …" if len(existing) > 3 else "")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Files already there")
        box.setText(
            f"{amount(len(existing), 'file')} in {existing[0].parent} already "
            f"{'has' if len(existing) == 1 else 'have'} the name{'' if len(existing) == 1 else 's'} "
            f"this export would use ({names})."
        )
        box.setInformativeText(
            f"Keep both to give the new files numbered names, such as “{existing[0].stem} (2)"
            f"{existing[0].suffix}”, or replace the files that are there."
        )
        keep = box.addButton(KEEP_BOTH, QMessageBox.ButtonRole.AcceptRole)
        replace_button = box.addButton(REPLACE, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(keep)
        box.exec()
        clicked = box.clickedButton()
        if clicked is keep:
            return KEEP_BOTH
        if clicked is replace_button:
            return REPLACE
        return None

    @Slot()
    def cancel(self) -> None:
        if self._task is None or self._task.cancelled:
            return
        self._task.cancel()
        self.status_label.setText("Cancelling: the documents being written now are finished first…")
        self._update()

    def _progress(self, progress: Progress) -> None:
        done, total, result = progress
        row = self._rows.get(result.job.target)
        if row is not None:
            self._show_result(row, result)
        self.progress_bar.setValue(done)
        if self._task is not None and not self._task.cancelled:
            self.status_label.setText(f"Exporting: {done} of {total} done…")

    def _finish(self, results: list[AnyResult]) -> None:
        self._task = None
        self.results = results
        for row, result in enumerate(results):
            self._show_result(row, result)
        self.results_table.resizeRowsToContents()
        self.results_table.setCurrentCell(-1, -1)
        self.status_label.setText(summary(results))
        self._update()

    def _fault(self, error: Exception) -> None:
        """A fault outside any one file (each file's own is its result): said, never a crash."""
        self._task = None
        self.status_label.setText(f"The export stopped because of an internal fault ({error}).")
        self._update()

    def _show_result(self, row: int, result: AnyResult) -> None:
        shown = cast(Any, result)  # a row reads a result's status and its job's source: either kind
        self.results_table.show_result(row, shown, result_text(result), result_text(result, full=True))

    # --- closing -------------------------------------------------------------------------------

    def reject(self) -> None:
        """Escape and Close do nothing while a batch runs: Cancel it first."""
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
