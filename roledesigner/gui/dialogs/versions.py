"""The design's recorded versions: list them, open one read-only, restore one, record a new one,
and compare with a version or another design file.

Recording and restoring change the design, so each is one undoable step through the controller
(`controller.apply`), like any edit: Undo takes a recorded version out again, or brings back the
content a restore replaced.
"""

from __future__ import annotations

import datetime as dt
import getpass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.models import HistoryEntry
from roledesigner.domain.versions import (
    VersionError,
    current_number,
    long_date,
    next_version,
    record_version,
    restore_version,
    unreadable_history,
    version_design,
)
from roledesigner.domain.vocabulary import Status, label
from roledesigner.files.designfile import DesignFileError, load_design
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.dialogs.comparing import CompareDialog, VersionView
from roledesigner.gui.editor.binding import error_label

Index = QModelIndex | QPersistentModelIndex
HEADERS = ["Version", "Date", "Status", "Recorded by", "Note"]


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return ""


class VersionsModel(QAbstractTableModel):
    """The recorded versions, newest first; follows the design (a record, a restore, an undo)."""

    def __init__(self, controller: DocumentController) -> None:
        super().__init__(controller)
        self.controller = controller
        self.entries: list[HistoryEntry] = self._entries()
        controller.designChanged.connect(self._follow)

    def _entries(self) -> list[HistoryEntry]:
        return list(reversed(self.controller.design.history))

    def _follow(self) -> None:
        entries = self._entries()
        if entries != self.entries:
            self.beginResetModel()
            self.entries = entries
            self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.entries[index.row()]
        return [entry.version, long_date(entry.date), label(entry.status), entry.author, entry.note][index.column()]


class RecordVersionDialog(QDialog):
    """Record the content as it is now, with a note and a status; one undoable step."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        design = controller.design
        number = current_number(design)
        self.setWindowTitle(f"Record version {number}")
        self.setAccessibleName(f"Record version {number}")
        about = QLabel(
            f"Keeps the content as it is now inside the file as version {number}, so it can be opened, compared "
            f"and restored later. The design then becomes version {next_version(number)}."
        )
        about.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setToolTip("Why this version is recorded, for example: sent to the job evaluation panel.")
        self.status = QComboBox()
        self.status.setAccessibleName("Status")
        for member in Status:
            self.status.addItem(label(member), member.value)
        self.status.setCurrentIndex(self.status.findData(design.status.value))
        self.problem = error_label()
        form = QFormLayout()
        for caption, widget in (("&Note", self.note), ("&Status", self.status)):
            text = QLabel(caption)
            text.setBuddy(widget)
            form.addRow(text, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.record_button = self.buttons.addButton(f"&Record version {number}", QDialogButtonBox.ButtonRole.AcceptRole)
        self.record_button.setDefault(True)
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)

    def record(self) -> None:
        design = self.controller.design
        try:
            recorded = record_version(
                design,
                when=dt.date.today(),
                author=design.author.strip() or _login_name(),
                note=self.note.text(),
                status=Status(self.status.currentData()),
            )
        except VersionError as error:
            self.problem.setText(str(error))
            self.problem.setVisible(True)
            return
        self.controller.apply(f"Record version {recorded.history[-1].version}", recorded)
        self.accept()


class VersionsDialog(QDialog):
    """The list of versions and what can be done with one; also where comparing starts."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        #: The windows this dialog opened last, kept so tests and users can reach them.
        self.record_dialog: RecordVersionDialog | None = None
        self.viewer: VersionView | None = None
        self.compare_dialog: CompareDialog | None = None
        self.setWindowTitle(f"Versions of {controller.display_name}")
        self.setAccessibleName("Versions")
        self.resize(760, 440)
        self.now = QLabel()
        self.now.setWordWrap(True)
        self.warnings = error_label()
        self.model = VersionsModel(controller)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Recorded versions")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        for column in range(len(HEADERS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _index: self.open_selected())
        self.open_button = self._button("&Open read-only", "Show the selected version as its job specification")
        self.compare_button = self._button("&Compare with now", "What changed since the selected version")
        self.restore_button = self._button("R&estore…", "Make the selected version's content the current content")
        self.record_button = self._button("&Record version…", "Record the content as it is now")
        self.file_button = self._button("Compare with a &file…", "What changed since another design file")
        self.open_button.clicked.connect(self.open_selected)
        self.compare_button.clicked.connect(self.compare_selected)
        self.restore_button.clicked.connect(self.restore_selected)
        self.record_button.clicked.connect(self.record)
        self.file_button.clicked.connect(self.compare_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for made in (self.open_button, self.compare_button, self.restore_button):
            buttons.addButton(made, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        more = QDialogButtonBox()
        for made in (self.record_button, self.file_button):
            more.addButton(made, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.now)
        layout.addWidget(self.warnings)
        layout.addWidget(self.table, 1)
        layout.addWidget(more)
        layout.addWidget(buttons)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.refresh())
        controller.designChanged.connect(self.refresh)
        self.refresh()
        if self.model.rowCount():
            self.table.selectRow(0)

    def _button(self, text: str, tip: str) -> QPushButton:
        made = QPushButton(text)
        made.setToolTip(tip)
        made.setAccessibleName(text.replace("&", "").rstrip("…"))
        made.setAutoDefault(False)
        return made

    def refresh(self) -> None:
        design = self.controller.design
        count = len(design.history)
        recorded = f"{count} recorded version{'' if count == 1 else 's'}" if count else "No version recorded yet"
        self.now.setText(
            f"Now: version {design.version.strip() or '1'} ({label(design.status).lower()}), not yet recorded. "
            f"{recorded}."
        )
        problems = unreadable_history(design)
        self.warnings.setText(" ".join(problems))
        self.warnings.setVisible(bool(problems))
        chosen = self.selected() is not None
        for made in (self.open_button, self.compare_button, self.restore_button):
            made.setEnabled(chosen)

    def selected(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.entries[rows[0].row()] if rows else None

    def _say(self, error: VersionError) -> None:
        QMessageBox.warning(self, "Version cannot be used", str(error))

    def open_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            design = version_design(entry)
        except VersionError as error:
            self._say(error)
            return
        self.viewer = VersionView(self.controller, entry, design, self)
        self.viewer.show()

    def compare_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        try:
            old = version_design(entry)
        except VersionError as error:
            self._say(error)
            return
        self._compare(old, f"version {entry.version}", "the design now")

    def _compare(self, old: Any, old_name: str, new_name: str) -> None:
        self.compare_dialog = CompareDialog(self.controller, old, old_name, self.controller.design, new_name, self)
        self.compare_dialog.show()

    def restore_selected(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        answer = QMessageBox.question(
            self,
            f"Restore version {entry.version}",
            f"Make version {entry.version}'s content the current content? The version number, status, sign-offs "
            "and recorded versions stay as they are, and Undo brings back the content as it is now.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            restored = restore_version(self.controller.design, entry.version)
        except VersionError as error:
            self._say(error)
            return
        self.controller.apply(f"Restore version {entry.version}", restored)

    def record(self) -> None:
        self.record_dialog = RecordVersionDialog(self.controller, self)
        self.record_dialog.open()

    def compare_file(self) -> None:
        folder = str(self.controller.path.parent) if self.controller.path is not None else ""
        chosen, _ = QFileDialog.getOpenFileName(
            self, "Compare with a design file", folder, "Role designs (*.roledesign)"
        )
        if not chosen:
            return
        path = Path(chosen)
        try:
            other = load_design(path)
        except DesignFileError as error:
            QMessageBox.warning(self, "Cannot compare", str(error))
            return
        self._compare(other, path.name, "the design now")


def record_version_dialog(controller: DocumentController, parent: QWidget | None = None) -> RecordVersionDialog:
    """File, Record version: the record dialog, opened (window-modal); it records when accepted."""
    dialog = RecordVersionDialog(controller, parent)
    dialog.open()
    return dialog
