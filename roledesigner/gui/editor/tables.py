"""Table models over the design's lists (responsibilities, capabilities, criteria, partners…).

A model reads rows from the controller's design and writes each edited cell back through
`set_field`, so a table edit is an undoable step like any other. A value the design refuses
changes nothing; the model says why in one sentence naming the cell (`problemChanged`), for
the table's message beneath it, until the next accepted edit.

A model shows a copy of the list as it last told its views about it, and follows each edit by
comparing: changed rows are `dataChanged`, added, removed and moved rows are inserts, removes
and moves, and only another design (`designReplaced`) resets it. A keystroke elsewhere in the
design leaves the tables alone, and a table keeps its current cell through its own edits.
Drops are the model's too: a capability dragged from the library, or a row dragged to a new
place in its own table.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from roledesigner.domain.edits import get_value
from roledesigner.domain.vocabulary import label
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.shortcuts import EDITING_KEYS, window_shortcut
from roledesigner.gui.widgets.mime import CAPABILITY_MIME, ROW_MIME

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


@dataclass(frozen=True)
class Change:
    """How a list became another: rows changed in place, then rows inserted, removed or moved."""

    changed: list[int]
    inserted: tuple[int, int] | None = None  # first and last row, in the new list
    removed: tuple[int, int] | None = None  # first and last row, in the old list
    moved: tuple[int, int] | None = None  # the old row, and the row it goes before (old numbering)


def compare(old: Sequence[Any], new: Sequence[Any]) -> Change:
    """The smallest change of these kinds that turns `old` into `new`: the two lists' common
    start and end are left alone; between them, one row moved to the other end is a move, and
    otherwise the rows both lists have there changed in place and the rest were inserted (or
    removed) after them. Every edit the app makes (a cell, an insert, a remove, a move) comes out
    as the one change it was."""
    first = 0
    limit = min(len(old), len(new))
    while first < limit and old[first] == new[first]:
        first += 1
    old_end, new_end = len(old), len(new)
    while old_end > first and new_end > first and old[old_end - 1] == new[new_end - 1]:
        old_end -= 1
        new_end -= 1
    was, now = old[first:old_end], new[first:new_end]
    if len(was) == len(now) > 1:
        if was[1:] == now[:-1] and was[0] == now[-1]:
            return Change([], moved=(first, old_end))
        if was[:-1] == now[1:] and was[-1] == now[0]:
            return Change([], moved=(old_end - 1, first))
    common = min(len(was), len(now))
    changed = [first + i for i in range(common) if was[i] != now[i]]
    if len(now) > common:
        return Change(changed, inserted=(first + common, new_end - 1))
    if len(was) > common:
        return Change(changed, removed=(first + common, old_end - 1))
    return Change(changed)


class ListTableModel(QAbstractTableModel):
    #: The sentence saying why the last edited cell was refused, or "" once that no longer holds.
    problemChanged = Signal(str)

    def __init__(
        self,
        controller: DocumentController,
        path: str,
        columns: list[Column],
        noun: str = "row",
        *,
        takes_capabilities: bool = False,
    ) -> None:
        super().__init__(controller)
        self.controller = controller
        self.path = path
        self.columns = columns
        #: What one row is, for sentences such as "Sector for partner 2 ...".
        self.noun = noun
        #: Capabilities dragged from the library may be dropped here (the role's capabilities).
        self.takes_capabilities = takes_capabilities
        #: The core's phrase for the last refused edit ("must be between 0 and 100"), None if accepted.
        self.last_problem: str | None = None
        #: The whole sentence shown to the user for it, "" when there is nothing to say.
        self.problem = ""
        #: The list as the views were last told it: what rowCount and data answer from.
        self.shown: list[Any] = self.items()
        controller.designReplaced.connect(self._renew)
        controller.designChanged.connect(self._follow)
        controller.libraryChanged.connect(self._library_changed)

    def items(self) -> list[Any]:
        """The list in the controller's design now."""
        try:
            return list(get_value(self.controller.design, self.path) or [])
        except AttributeError:
            return []  # the list's parent (a joint arrangement) is not there

    # --- following the design --------------------------------------------------------------------

    def _renew(self) -> None:
        """Another design: the list is replaced wholesale, so the views start afresh."""
        self.beginResetModel()
        self.shown = self.items()
        self.endResetModel()

    def _follow(self) -> None:
        """An edit, undo or redo: tell the views what changed in this list, and only that."""
        self.say("")  # an accepted edit, undo or another design: the refusal no longer holds
        new = self.items()
        if new == self.shown:
            return
        change = compare(self.shown, new)
        if change.moved is not None:
            source, before = change.moved
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), before)
            self.shown = new
            self.endMoveRows()
            return
        for row in change.changed:
            self.shown[row] = new[row]
            self._changed(row, row)
        if change.inserted is not None:
            self.beginInsertRows(QModelIndex(), *change.inserted)
            self.shown = new
            self.endInsertRows()
        elif change.removed is not None:
            self.beginRemoveRows(QModelIndex(), *change.removed)
            self.shown = new
            self.endRemoveRows()
        self.shown = new

    def _library_changed(self) -> None:
        """Names and domains shown from the library may have changed: every computed cell."""
        computed = [i for i, column in enumerate(self.columns) if column.show is not None]
        if computed and self.shown:
            self._changed(0, len(self.shown) - 1, min(computed), max(computed))

    def _changed(self, first: int, last: int, left: int = 0, right: int = -1) -> None:
        right = len(self.columns) - 1 if right < 0 else right
        self.dataChanged.emit(self.index(first, left), self.index(last, right))

    # --- messages ------------------------------------------------------------------------------

    def say(self, problem: str) -> None:
        """Show (or, with "", clear) the sentence under the table: the one way it is set, so the
        next accepted edit always clears it."""
        if problem != self.problem:
            self.problem = problem
            self.problemChanged.emit(problem)

    def sentence(self, row: int, column: Column, phrase: str) -> str:
        """The core's phrase as a sentence naming the cell: "Funding for Westtown Council must be
        between 0 and 100 per cent." """
        item = self.shown[row] if 0 <= row < len(self.shown) else None
        subject = column.subject or "{header} for {noun} {number}"
        named = subject.format(header=column.name, noun=self.noun, number=row + 1, item=item)
        phrase = phrase.strip().rstrip(".")
        return f"{named[:1].upper()}{named[1:]} {phrase}."

    # --- the model ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.shown)

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
        if not 0 <= index.row() < len(self.shown) or not 0 <= index.column() < len(self.columns):
            return None
        item = self.shown[index.row()]
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
            return Qt.ItemFlag.ItemIsDropEnabled  # dropped below the rows: added at the end
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
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

    def removeRows(self, row: int, count: int, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        """Never: rows go only through the controller's undoable steps (a view that has moved a
        dragged row would otherwise clear the row it came from)."""
        return False

    # --- dragging and dropping -----------------------------------------------------------------

    def _row_tag(self) -> str:
        return f"{os.getpid()} {id(self)} "

    def mimeTypes(self) -> list[str]:
        return [ROW_MIME, CAPABILITY_MIME] if self.takes_capabilities else [ROW_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({index.row() for index in indexes if index.isValid()})
        data = QMimeData()
        if rows:
            data.setData(ROW_MIME, QByteArray(f"{self._row_tag()}{rows[0]}".encode("ascii")))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction | Qt.DropAction.MoveAction

    def _dragged_row(self, data: QMimeData) -> int | None:
        """The row of this model that `data` carries, or None (another table's, or not a row)."""
        if not data.hasFormat(ROW_MIME):
            return None
        text = bytes(data.data(ROW_MIME).data()).decode("ascii", errors="replace")
        tag, _, row = text.rpartition(" ")
        if f"{tag} " != self._row_tag() or not row.isdigit() or int(row) >= len(self.shown):
            return None
        return int(row)

    def _dragged_capability(self, data: QMimeData) -> str | None:
        if not self.takes_capabilities or not data.hasFormat(CAPABILITY_MIME):
            return None
        return bytes(data.data(CAPABILITY_MIME).data()).decode("utf-8", errors="replace")

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        return self._dragged_row(data) is not None or self._dragged_capability(data) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        """A dragged row goes before the row it is dropped on (or above); a capability from the
        library is added there through the controller, or refused with its sentence."""
        before = row if row >= 0 else (parent.row() if parent.isValid() else len(self.shown))
        source = self._dragged_row(data)
        if source is not None:
            target = before - 1 if before > source else before
            if target == source:
                return False
            self.controller.move(self.path, source, target, f"Move {self.noun}")
            return True
        capability_id = self._dragged_capability(data)
        if capability_id is None:
            return False
        problem = self.controller.add_capability(capability_id, before)
        if problem:
            self.say(problem)
        return problem is None


class WholeWords(QStyledItemDelegate):
    """Cells wrap only between words: Qt's own wrapping breaks a word too long for its column
    ("Contr act"), so a cell with such a word is shown on one line, shortened with "…" (its
    tooltip holds it all), and every other cell wraps as before.

    A cell being edited is written to the design before a window shortcut runs (Save, Export),
    so what was just typed is saved or exported, not left in the open cell."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and isinstance(watched, QWidget)
            and event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
            and not any(event.matches(key) for key in EDITING_KEYS)  # the cell's own editing keys
            and window_shortcut(watched, QKeySequence(event.keyCombination()))
        ):
            self.commitData.emit(watched)
        return super().eventFilter(watched, event)

    def initStyleOption(self, option: QStyleOptionViewItem, index: Index) -> None:
        super().initStyleOption(option, index)
        features = QStyleOptionViewItem.ViewItemFeature.WrapText
        if option.features & features and option.text and not self.words_fit(option):
            option.features &= ~features

    @staticmethod
    def words_fit(option: QStyleOptionViewItem) -> bool:
        """Whether every word of the cell's text fits the width its text is given."""
        style = option.widget.style() if option.widget is not None else QApplication.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, option, option.widget) + 1
        room = option.rect.width() - 2 * margin
        metrics = option.fontMetrics
        return all(metrics.horizontalAdvance(word) <= room for word in option.text.split())


class ChoiceDelegate(WholeWords):
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
