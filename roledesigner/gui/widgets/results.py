"""The batch export's results: one row per design, what became of it, and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QStyle, QTableWidget, QTableWidgetItem, QWidget

from roledesigner.documents.jobs import ExportJob, ExportResult, ExportStatus

#: Columns of the results table.
OUTCOME, DESIGN, DETAILS = range(3)

_OUTCOMES = {
    ExportStatus.EXPORTED: ("Exported", QStyle.StandardPixmap.SP_DialogApplyButton),
    ExportStatus.CANCELLED: ("Cancelled", QStyle.StandardPixmap.SP_MessageBoxInformation),
    ExportStatus.FAILED: ("Not exported", QStyle.StandardPixmap.SP_MessageBoxCritical),
}


class ResultsTable(QTableWidget):
    """Rows are set in full each time (waiting, then the result), never edited by the user."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 3, parent)
        self.setAccessibleName("Results, one row per design")
        self.setToolTip("What happened to each design. Hover over a row to read all of it.")
        self.setHorizontalHeaderLabels(["Result", "Design", "Details"])
        self.verticalHeader().setVisible(False)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setWordWrap(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(OUTCOME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DESIGN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DETAILS, QHeaderView.ResizeMode.Stretch)

    def show_waiting(self, jobs: list[ExportJob]) -> None:
        self.setRowCount(0)
        self.setRowCount(len(jobs))
        for row, job in enumerate(jobs):
            self.show_row(row, job, "Waiting", None, "Not exported yet.", "Not exported yet.")

    def show_result(self, row: int, result: ExportResult, details: str, full: str) -> None:
        outcome, icon = _OUTCOMES[result.status]
        self.show_row(row, result.job, outcome, self.style().standardIcon(icon), details, full)

    def show_row(self, row: int, job: ExportJob, outcome: str, icon: QIcon | None, details: str, full: str) -> None:
        cells = [QTableWidgetItem(outcome), QTableWidgetItem(job.source.name), QTableWidgetItem(details)]
        if icon is not None:
            cells[OUTCOME].setIcon(icon)
        cells[DESIGN].setToolTip(str(job.source))
        cells[DETAILS].setToolTip(full)
        for column, cell in enumerate(cells):
            cell.setData(Qt.ItemDataRole.AccessibleTextRole, f"{job.source.name}: {outcome}. {full}")
            self.setItem(row, column, cell)
