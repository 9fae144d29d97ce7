"""The batch export dialog: several designs (or a folder of them) to Word or PDF in one go.

Thin widgets over `roledesigner.documents.export`: the batch runs on a `BatchThread` that calls
`export_many`, which exports on this process and on spawned ones; the dialog shows progress and
one row per design, and Cancel asks the batch to start no further file. A failure never stops
the rest, and two designs with the same name are written as "role.docx" and "role (2).docx".
Files already in the folder are replaced only if the user says so; otherwise new ones are numbered.

The thread hands progress over through a thread-safe queue that the dialog reads on a timer,
not through a signal: in PySide6 6.12.0 on Python 3.11 every `Signal.emit()` from Python drops a
reference to `True` (a few thousand emits end the process with "deallocating True or False"),
so this dialog emits nothing itself, however many designs a batch holds.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import QDir, Qt, QThread, QTimer, Slot
from PySide6.QtGui import QCloseEvent, QIcon, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QStyle,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roledesigner.documents.jobs import ExportJob, ExportResult, ExportStatus, Format
from roledesigner.files.designfile import SUFFIX
from roledesigner.files.settings import Settings
from roledesigner.gui.widgets.colours import MessageLabel

DESIGN_FILTER = f"Role designs (*{SUFFIX})"
#: How often the dialog reads the batch's progress, in milliseconds.
POLL_MS = 100
#: Columns of the results table.
OUTCOME, DESIGN, DETAILS = range(3)


def designs_in(folder: Path) -> list[Path]:
    """Every design file directly in `folder` (not in its subfolders), sorted by name."""
    try:
        found = [path for path in folder.glob(f"*{SUFFIX}") if path.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda path: path.name.casefold())


def batch_jobs(
    sources: Sequence[Path], folder: Path, fmt: Format, settings: Settings, *, keep_existing: bool = False
) -> list[ExportJob]:
    """One job per design into `folder`, named after the design, never two with one name (nor,
    with `keep_existing`, the name of a file already there)."""
    from roledesigner.documents.export import unique_targets  # Word and PDF code loads on first use

    jobs = [
        ExportJob(
            source,
            folder / f"{source.stem}.{fmt}",
            fmt,
            settings.word_template,
            settings.organisation_name,
            settings.organisation_logo,
        )
        for source in sources
    ]
    return unique_targets(jobs, keep_existing=keep_existing)


def result_text(result: ExportResult, *, full: bool = False) -> str:
    """The sentence for one design: where it went (and any warning), or why not.

    The table names the folders once (above it), so a row gives file names; `full` keeps every
    path whole, for the row's tooltip.
    """
    if result.ok:
        target = result.job.target if full else result.job.target.name
        return " ".join([f"Exported to {target}.", *result.warnings])
    return result.message if full else result.message.replace(str(result.job.source), result.job.source.name)


KEEP_BOTH = "Keep both"
REPLACE = "Replace"

Progress = tuple[int, int, ExportResult]  # done, total, the result just made


class BatchThread(QThread):
    """Runs one batch: each `progress` call lands in `updates`; `results` or `fault` is set before
    the thread finishes, so once `isFinished()` is true, `updates` holds everything there is."""

    def __init__(self, jobs: Sequence[ExportJob], workers: int | None, stop: threading.Event, parent: QWidget) -> None:
        super().__init__(parent)
        self.jobs = list(jobs)
        self.workers = workers
        self.stop = stop
        self.updates: queue.SimpleQueue[Progress] = queue.SimpleQueue()
        self.results: list[ExportResult] = []
        self.fault: str | None = None

    def run(self) -> None:
        from roledesigner.documents.export import export_many

        try:
            self.results = export_many(self.jobs, self.workers, self._progress, should_stop=self.stop.is_set)
        except Exception as error:  # noqa: BLE001 - shown to the user as a sentence, never a crash
            self.fault = f"The export stopped because of an internal fault ({error})."

    def _progress(self, done: int, total: int, result: ExportResult) -> None:
        self.updates.put((done, total, result))


class BatchExportDialog(QDialog):
    """Choose designs, a format and a folder; export them all, with progress, Cancel and results."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        #: Processes to export on (None: every core). Tests set 1 to keep everything here.
        self.workers: int | None = None
        self.results: list[ExportResult] = []
        self._stop = threading.Event()
        self._thread: BatchThread | None = None
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(POLL_MS)
        self._poll_timer.timeout.connect(self._poll)
        self._rows: dict[ExportJob, int] = {}
        self._last_folder = QDir.homePath()
        self._designs_message = ""
        self.setWindowTitle("Export several designs")
        self.setAccessibleName("Export several designs")
        self.resize(760, 640)

        layout = QVBoxLayout(self)
        intro = QLabel(
            "Choose role designs, a format and a folder. Each design becomes one document named after "
            "its file; a design that cannot be exported is listed with the reason, and the rest carry on."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self._designs_box())
        layout.addWidget(self._format_box())
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

    def _format_box(self) -> QGroupBox:
        box = QGroupBox("Format")
        row = QHBoxLayout(box)
        self.word_radio = QRadioButton("Word (.docx)")
        self.word_radio.setAccessibleName("Word")
        self.word_radio.setToolTip("Word documents, laid out by the Word template in Settings, that HR can edit.")
        self.word_radio.setChecked(True)
        self.pdf_radio = QRadioButton("PDF (.pdf)")
        self.pdf_radio.setAccessibleName("PDF")
        self.pdf_radio.setToolTip("PDF files, ready to publish or send to candidates.")
        self.format_group = QButtonGroup(self)
        for radio in (self.word_radio, self.pdf_radio):
            self.format_group.addButton(radio)
            row.addWidget(radio)
        row.addStretch(1)
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

        self.results_table = QTableWidget(0, 3)
        self.results_table.setAccessibleName("Results, one row per design")
        self.results_table.setToolTip("What happened to each design. Hover over a row to read all of it.")
        self.results_table.setHorizontalHeaderLabels(["Result", "Design", "Details"])
        self.results_table.verticalHeader().setVisible(False)
        self.results_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results_table.setWordWrap(True)
        header = self.results_table.horizontalHeader()
        header.setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESIGN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)
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
                f"Added {_count(added, 'design')} from {folder}; {_count(already, 'was', 'were')} on the list already."
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
        return self._thread is not None

    @property
    def chosen_format(self) -> Format:
        return "pdf" if self.pdf_radio.isChecked() else "docx"

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
            f"Export {_count(count, 'design')}." if reason is None else f"Not available: {reason}"
        )
        for widget in (
            self.add_files_button,
            self.add_folder_button,
            self.word_radio,
            self.pdf_radio,
            self.destination_edit,
            self.choose_destination_button,
        ):
            widget.setEnabled(not running)
        self.remove_button.setEnabled(not running and bool(self.design_list.selectedItems()))
        self.design_list.setEnabled(not running)
        self.cancel_button.setEnabled(running and not self._stop.is_set())
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
        jobs = batch_jobs(self.designs(), folder, self.chosen_format, self.settings)
        from roledesigner.documents.export import existing_targets

        existing = existing_targets(jobs)
        if existing:
            choice = self.ask_about_existing(existing)
            if choice is None:
                return
            if choice == KEEP_BOTH:
                jobs = batch_jobs(self.designs(), folder, self.chosen_format, self.settings, keep_existing=True)
        self.results = []
        self._stop = threading.Event()
        self._rows = {job: row for row, job in enumerate(jobs)}
        self.results_table.setRowCount(0)
        self.results_table.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            self._show_row(row, job, "Waiting", None, "Not exported yet.", "Not exported yet.")
        self.progress_bar.setRange(0, len(jobs))
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.status_label.setText(f"Exporting {_count(len(jobs), 'design')} to {folder}…")
        self._thread = BatchThread(jobs, self.workers, self._stop, self)
        self._update()
        self._thread.start()
        self._poll_timer.start()

    def ask_about_existing(self, existing: Sequence[Path]) -> str | None:
        """Replace, keep both (the new files numbered), or stop: never replace earlier work unasked."""
        names = ", ".join(path.name for path in existing[:3]) + (", …" if len(existing) > 3 else "")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Files already there")
        box.setText(
            f"{_count(len(existing), 'file')} in {existing[0].parent} already "
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
        if not self.running or self._stop.is_set():
            return
        self._stop.set()
        self.status_label.setText("Cancelling: the documents being written now are finished first…")
        self._update()

    @Slot()
    def _poll(self) -> None:
        """Show what the batch has done since the last look; finish once its thread has ended."""
        thread = self._thread
        if thread is None:
            self._poll_timer.stop()
            return
        ended = thread.isFinished()  # asked first: then every update made is already queued
        latest: Progress | None = None
        while True:
            try:
                latest = thread.updates.get_nowait()
            except queue.Empty:
                break
            result = latest[2]
            row = self._rows.get(result.job)
            if row is not None:
                self._show_result(row, result)
        if latest is not None:
            done, total, _result = latest
            self.progress_bar.setValue(done)
            if not self._stop.is_set():
                self.status_label.setText(f"Exporting: {done} of {total} done…")
        if ended:
            self._finish(thread)

    def _finish(self, thread: BatchThread) -> None:
        self._poll_timer.stop()
        thread.wait()
        self._thread = None
        thread.deleteLater()
        self.results = thread.results
        for row, result in enumerate(self.results):
            self._show_result(row, result)
        self.results_table.resizeRowsToContents()
        self.results_table.setCurrentCell(-1, -1)
        self.status_label.setText(thread.fault or summary(self.results))
        self._update()

    def _show_result(self, row: int, result: ExportResult) -> None:
        if result.ok:
            outcome, icon = "Exported", QStyle.StandardPixmap.SP_DialogApplyButton
        elif result.status is ExportStatus.CANCELLED:
            outcome, icon = "Cancelled", QStyle.StandardPixmap.SP_MessageBoxInformation
        else:
            outcome, icon = "Not exported", QStyle.StandardPixmap.SP_MessageBoxCritical
        icon_image = self.style().standardIcon(icon)
        self._show_row(row, result.job, outcome, icon_image, result_text(result), result_text(result, full=True))

    def _show_row(self, row: int, job: ExportJob, outcome: str, icon: QIcon | None, details: str, full: str) -> None:
        cells = [QTableWidgetItem(outcome), QTableWidgetItem(job.source.name), QTableWidgetItem(details)]
        if icon is not None:
            cells[OUTCOME].setIcon(icon)
        cells[DESIGN].setToolTip(str(job.source))
        cells[DETAILS].setToolTip(full)
        for column, cell in enumerate(cells):
            cell.setData(Qt.ItemDataRole.AccessibleTextRole, f"{job.source.name}: {outcome}. {full}")
            self.results_table.setItem(row, column, cell)

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


def summary(results: Sequence[ExportResult]) -> str:
    """One line for the end of a batch: "Finished: 48 exported, 2 could not be exported." """
    exported = sum(1 for result in results if result.ok)
    cancelled = sum(1 for result in results if result.status is ExportStatus.CANCELLED)
    failed = len(results) - exported - cancelled
    parts = [f"{exported} exported"]
    if failed:
        parts.append(f"{failed} could not be exported (the reasons are below)")
    if cancelled:
        parts.append(f"{cancelled} not started")
    return f"{'Cancelled' if cancelled else 'Finished'}: {', '.join(parts)}."


def _count(number: int, singular: str, plural: str | None = None) -> str:
    return f"{number} {singular if number == 1 else plural or singular + 's'}"
