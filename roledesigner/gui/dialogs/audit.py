"""File, Audit a folder: every design and job description in the folders chosen, one row each.

Thin over `roledesigner.importing.audit`: the audit runs `audit_many` (this process and spawned
ones) through the app's one background model (`gui/background.py`), the dialog shows progress and
Cancel, and fills a table the user can sort by any column. Double-click a row (or press Open) to
open it: a design opens as it is, a Word or PDF description goes through the import's review step.
The report can be saved as CSV (for Excel) or JSON. The dialog is modeless, so the table stays at
hand while the rows opened are read in the main window.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDir, Qt, Slot
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roledesigner.gui.background import BackgroundRunner, Task
from roledesigner.importing.audit import AuditRow

if TYPE_CHECKING:
    from roledesigner.gui.mainwindow import MainWindow

#: (heading, what the cell shows for a row): numbers are kept as numbers, so they sort as numbers.
COLUMNS: list[tuple[str, Callable[[AuditRow], object]]] = [
    ("File", lambda r: Path(r.file).name),
    ("Title", lambda r: r.title if r.readable else "Not read"),
    ("Footprint", lambda r: (r.footprint + (" (guessed)" if r.footprint_guessed else "")) if r.readable else ""),
    ("System duties", lambda r: r.system_responsibilities if r.readable else ""),
    ("Protected time", lambda r: r.protected_time or ("none" if r.readable else "")),
    ("Line manager", lambda r: r.line_manager or ("none" if r.readable else "")),
    ("Stability", lambda r: ("yes" if r.stability else "no") if r.readable else ""),
    ("Errors", lambda r: r.errors if r.readable else ""),
    ("Warnings", lambda r: r.warnings if r.readable else ""),
    ("Language", lambda r: len(r.language_findings) if r.readable else ""),
    ("Unmapped %", lambda r: round(r.unmapped_share * 100) if r.readable and r.kind != "design" else ""),
    ("Why not read", lambda r: r.reason),
]
_PATH = Qt.ItemDataRole.UserRole
Progress = tuple[int, int, AuditRow]


class AuditDialog(QDialog):
    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        super().__init__(parent or window)
        self.window_ = window
        #: Processes to audit on (None: every core). Tests set 1 to keep everything here.
        self.workers: int | None = None
        self.rows: list[AuditRow] = []
        self._runner = BackgroundRunner(self)
        self._task: Task[Progress, list[AuditRow]] | None = None
        self._last_folder = QDir.homePath()
        self.setWindowTitle("Audit a folder of job descriptions")
        self.setAccessibleName("Audit a folder of job descriptions")
        self.resize(1100, 640)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Every role design, Word and PDF job description in the folders (and the folders inside them) is "
            "imported, without changing any file, and reviewed: does it have system responsibilities, protected "
            "time, a named line manager, a word on job stability? A file that cannot be read is listed with why."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(self._folders_row())
        layout.addLayout(self._progress_row())
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setAccessibleName("Audit results, one row per file")
        self.table.setHorizontalHeaderLabels([heading for heading, _value in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setSortingEnabled(True)
        self.table.cellDoubleClicked.connect(lambda row, _column: self.open_row(row))
        self.table.itemSelectionChanged.connect(self._update)
        layout.addWidget(self.table, stretch=1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton("Open", QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setToolTip("Open the selected file: a design as it is, a Word or PDF file through the import.")
        self.open_button.clicked.connect(lambda: self.open_row(self.table.currentRow()))
        self.save_button = buttons.addButton("Save report…", QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.setToolTip("Save the rows as CSV (opens in Excel) or JSON.")
        self.save_button.clicked.connect(self.save_report)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._update()

    def _folders_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.folder_list = QListWidget()
        self.folder_list.setAccessibleName("Folders to audit")
        self.folder_list.setMaximumHeight(70)
        row.addWidget(self.folder_list, stretch=1)
        self.add_button = QPushButton("Add a folder…")
        self.add_button.setAccessibleName("Add a folder")
        self.add_button.clicked.connect(self.choose_folder)
        row.addWidget(self.add_button)
        return row

    def _progress_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.start_button = QPushButton("Audit")
        self.start_button.setAccessibleName("Audit")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        row.addWidget(self.start_button)
        self.progress_bar = QProgressBar()
        self.progress_bar.setAccessibleName("Audit progress")
        self.progress_bar.setFormat("%v of %m")
        self.progress_bar.setRange(0, 1)
        self.progress_bar.setValue(0)
        row.addWidget(self.progress_bar, stretch=1)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel the audit")
        self.cancel_button.setToolTip("Start no further file; those being read now are finished.")
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.cancel_button)
        self.status_label = QLabel()
        self.status_label.setAccessibleName("Audit status")
        self.status_label.setWordWrap(True)
        row.addWidget(self.status_label, stretch=1)
        return row

    # --- folders -----------------------------------------------------------------------------------

    def folders(self) -> list[Path]:
        return [Path(self.folder_list.item(i).text()) for i in range(self.folder_list.count())]

    def add_folder(self, folder: Path) -> None:
        if folder not in self.folders():
            self.folder_list.addItem(str(folder))
        self._update()

    @Slot()
    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Audit a folder", self._last_folder)
        if chosen:
            self._last_folder = chosen
            self.add_folder(Path(chosen))

    # --- running -----------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None

    @Slot()
    def _update(self) -> None:
        running = self.running
        self.start_button.setEnabled(not running and self.folder_list.count() > 0)
        self.add_button.setEnabled(not running)
        self.cancel_button.setEnabled(running and self._task is not None and not self._task.cancelled)
        self.close_button.setEnabled(not running)
        self.open_button.setEnabled(not running and self.table.currentRow() >= 0)
        self.save_button.setEnabled(not running and bool(self.rows))

    @Slot()
    def start(self) -> None:
        if self.running or not self.folder_list.count():
            return
        from roledesigner.importing.audit import collect

        files, problems = collect(self.folders())
        if not files and not problems:
            self.status_label.setText("There are no designs, Word or PDF files in these folders.")
            return
        self.rows = list(problems)
        self._show_rows()
        self.progress_bar.setRange(0, max(1, len(files)))
        self.progress_bar.setValue(0)
        self.status_label.setText(f"Auditing {len(files)} files…")
        workers = self.workers

        def work(report: Callable[[Progress], None], stop: threading.Event) -> list[AuditRow]:
            from roledesigner.importing.audit import audit_many

            return audit_many(files, workers, lambda *done: report(done), should_stop=stop.is_set)

        self._task = self._runner.start(work, self._finish, fault=self._fault, progress=self._progress)
        self._update()

    @Slot()
    def cancel(self) -> None:
        if self._task is not None and not self._task.cancelled:
            self._task.cancel()
            self.status_label.setText("Cancelling: the files being read now are finished first…")
            self._update()

    def _progress(self, progress: Progress) -> None:
        done, total, _row = progress
        self.progress_bar.setValue(done)
        if self._task is not None and not self._task.cancelled:
            self.status_label.setText(f"Audited {done} of {total}…")

    def _finish(self, rows: list[AuditRow]) -> None:
        from roledesigner.importing.audit import summary

        self._task = None
        self.rows += rows
        self._show_rows()
        total = summary(self.rows)
        self.status_label.setText(
            f"{total['files']} file{'' if total['files'] == 1 else 's'}: {total['read']} read, "
            f"{total['unreadable']} not read; "
            f"{total['with_system_responsibilities']} with system duties, {total['with_protected_time']} with "
            "protected time."
        )
        self._update()

    def _fault(self, error: Exception) -> None:
        self._task = None
        self.status_label.setText(f"The audit stopped because of an internal fault ({error}).")
        self._update()

    def _show_rows(self) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self.rows))
        for number, row in enumerate(self.rows):
            for column, (_heading, value_of) in enumerate(COLUMNS):
                value = value_of(row)
                cell = QTableWidgetItem()
                cell.setData(Qt.ItemDataRole.DisplayRole, value)
                cell.setData(_PATH, row.file)
                cell.setToolTip(row.reason or row.file)
                self.table.setItem(number, column, cell)
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()

    # --- rows --------------------------------------------------------------------------------------

    def path_at(self, row: int) -> Path | None:
        cell = self.table.item(row, 0) if row >= 0 else None
        return Path(str(cell.data(_PATH))) if cell is not None else None

    def open_row(self, row: int) -> None:
        path = self.path_at(row)
        if path is None:
            return
        found = next((r for r in self.rows if r.file == str(path)), None)
        if found is not None and not found.readable:
            QMessageBox.information(self, "Audit", found.reason)
            return
        if found is not None and found.kind == "design":
            self.window_.open_file(path)
        else:
            from roledesigner.gui.dialogs.importreview import import_job_description

            import_job_description(self.window_, path)

    @Slot()
    def save_report(self) -> None:
        from roledesigner.files.atomic import WriteError, write_atomically
        from roledesigner.importing.auditreport import as_csv, as_json

        start = str(Path(self._last_folder) / "audit.csv")
        chosen, chosen_filter = QFileDialog.getSaveFileName(
            self, "Save the audit", start, "CSV for Excel (*.csv);;JSON (*.json)"
        )
        if not chosen:
            return
        target = Path(chosen)
        as_json_file = target.suffix.lower() == ".json" or (not target.suffix and "JSON" in chosen_filter)
        if not target.suffix:
            target = target.with_suffix(".json" if as_json_file else ".csv")
        data = as_json(self.rows).encode("utf-8") if as_json_file else as_csv(self.rows).encode("utf-8-sig")
        try:
            write_atomically(target, data)
        except WriteError as error:
            QMessageBox.warning(self, "Audit", str(error))
            return
        self.status_label.setText(f"Saved the report to {target}.")

    # --- closing -----------------------------------------------------------------------------------

    def reject(self) -> None:
        if not self.running:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.running:
            event.ignore()
        else:
            super().closeEvent(event)
