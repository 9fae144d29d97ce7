"""Table models over the design's lists (responsibilities, capabilities, criteria, partners…).

A model reads rows from the controller's design and writes each edited cell back through
`set_field`, so a table edit is an undoable step like any other. A value the design refuses
changes nothing; the model says why in one sentence naming the cell (`problemChanged`), for
the table's message beneath it, until the next accepted edit.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from roledesigner.domain.edits import get_value
from roledesigner.domain.vocabulary import label
from roledesigner.gui.controller import DocumentController

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str  # a line break in it splits a long heading over a narrow column
    attr: str  # the field of each item ("text", "funding_percent"); "" for a computed column
    choices: type[StrEnum] | None = None
    check: bool = False
    editable: bool = True
    show: Callable[[Any, Any], str] | None = None  # (item, controller) -> text, for computed columns
    tooltip: str = ""
    #: How a refused value's sentence names the cell: "{number}" is the row's number (from 1),
    #: "{item.organisation}" a field of the row's item. Empty: "<header> for <noun> <number>".
    subject: str = ""
    #: The column's share of the width the other columns leave (its text wraps); 0 fits the
    #: column to its contents (figures, ticks, short choices).
    stretch: int = 0

    @property
    def name(self) -> str:
        """The heading on one line, for sentences and screen readers."""
        return " ".join(self.header.split())


def _text(value: Any) -> str:
    if isinstance(value, StrEnum):
        return label(value)
    if value is None:
        return ""
    return str(value)


class ListTableModel(QAbstractTableModel):
    #: The sentence saying why the last edited cell was refused, or "" once that no longer holds.
    problemChanged = Signal(str)

    def __init__(self, controller: DocumentController, path: str, columns: list[Column], noun: str = "row") -> None:
        super().__init__(controller)
        self.controller = controller
        self.path = path
        self.columns = columns
        #: What one row is, for sentences such as "Sector for partner 2 ...".
        self.noun = noun
        #: The core's phrase for the last refused edit ("must be between 0 and 100"), None if accepted.
        self.last_problem: str | None = None
        #: The whole sentence shown to the user for it, "" when there is nothing to say.
        self.problem = ""
        controller.designChanged.connect(self._reset)

    def items(self) -> list[Any]:
        try:
            return list(get_value(self.controller.design, self.path) or [])
        except AttributeError:
            return []  # the list's parent (a joint arrangement) is not there

    def _reset(self) -> None:
        self.beginResetModel()
        self.endResetModel()
        self.say("")  # an accepted edit, undo or another design: the refusal no longer holds

    def say(self, problem: str) -> None:
        """Show (or, with "", clear) the sentence under the table: the one way it is set, so the
        next accepted edit always clears it."""
        if problem != self.problem:
            self.problem = problem
            self.problemChanged.emit(problem)

    def sentence(self, row: int, column: Column, phrase: str) -> str:
        """The core's phrase as a sentence naming the cell: "Funding for Westtown Council must be
        between 0 and 100 per cent." """
        items = self.items()
        item = items[row] if 0 <= row < len(items) else None
        subject = column.subject or "{header} for {noun} {number}"
        named = subject.format(header=column.name, noun=self.noun, number=row + 1, item=item)
        phrase = phrase.strip().rstrip(".")
        return f"{named[:1].upper()}{named[1:]} {phrase}."

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items())

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].header
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return self.columns[section].name
            if role == Qt.ItemDataRole.ToolTipRole:
                return self.columns[section].tooltip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        items = self.items()
        if not 0 <= index.row() < len(items) or not 0 <= index.column() < len(self.columns):
            return None
        item = items[index.row()]
        column = self.columns[index.column()]
        value = getattr(item, column.attr) if column.attr else None
        if column.check:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.AccessibleTextRole:
                return "Yes" if value else "No"
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.show(item, self.controller) if column.show else _text(value)
        if role == Qt.ItemDataRole.EditRole:
            if isinstance(value, StrEnum):
                return value.value
            return "" if value is None else str(value)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns[index.column()]
        if column.editable and column.attr:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.check else Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        if column.check and role == Qt.ItemDataRole.CheckStateRole:
            value = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        self.last_problem = self.controller.set_field(f"{self.path}[{index.row()}].{column.attr}", value)
        self.say("" if self.last_problem is None else self.sentence(index.row(), column, self.last_problem))
        return self.last_problem is None


class ChoiceDelegate(QStyledItemDelegate):
    """A drop-down editor for columns whose values come from a closed list."""

    def __init__(self, choices: type[StrEnum], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choices = choices

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        for member in self.choices:
            combo.addItem(label(member), member.value)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
