"""The table widget the editor shows each list of the design in.

The widget only shows: its model (tables.py) follows the design, writes through the
controller, says why an edit was refused and takes drops (rows dragged to a new place, and
capabilities dragged from the library onto the role's capabilities).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QComboBox, QHeaderView, QTableView, QWidget

from roledesigner.gui.editor.binding import error_label
from roledesigner.gui.editor.tables import ChoiceDelegate, ListTableModel, WholeWords


class ListTable(QTableView):
    """A table over one list of the design, and `message`: the label beneath it saying why an
    edit was refused (place it in the page's layout).

    Short columns fit their contents; the columns that carry text share the rest of the width
    by their `stretch` and wrap, and every row is as tall as its contents, so nothing is cut.
    Rows may be dragged to a new place; the model moves them, as one undoable step.

    The keyboard: Tab and Shift+Tab leave the table (to the next or previous widget), the arrow
    keys move between cells, and typing, F2 or Enter edit one. While a cell is being edited, Tab
    commits it and opens the next cell that can be edited (Shift+Tab the previous one), leaving
    the table after the last; Enter on a drop-down commits the choice and moves on to the next
    cell that can be edited, so the keys typed next go to that cell, never lost.
    """

    def __init__(self, model: ListTableModel, name: str) -> None:
        super().__init__()
        self.setModel(model)
        self.list_model = model
        self.setAccessibleName(name)
        self.message = error_label()
        model.problemChanged.connect(self.show_message)
        # Another design resets the model: keep the user's place through it. (An edit tells the
        # rows it changed, and the view keeps its place itself.)
        self._kept: tuple[int, int] | None = None
        model.modelAboutToBeReset.connect(self._keep_current)
        model.modelReset.connect(self._restore_current)
        self.setTabKeyNavigation(False)  # Tab leaves the table: a keyboard user is never trapped in it
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 10)  # room to click
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        self.setItemDelegate(WholeWords(self))  # wraps between words, never inside one
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        for index, column in enumerate(model.columns):
            if column.choices is not None:
                self.setItemDelegateForColumn(index, ChoiceDelegate(column.choices, self))
            mode = QHeaderView.ResizeMode.Fixed if column.stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(index, mode)
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        model.modelReset.connect(self.fit_columns)
        # The viewport narrows when a vertical scroll bar appears (rows added): share its width again.
        self.viewport().installEventFilter(self)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        # Dropped rows are inserted between rows, never written over a cell.
        self.setDragDropOverwriteMode(False)

    # --- the keyboard while a cell is edited ------------------------------------------------------

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        moving = hint in (Hint.EditNextItem, Hint.EditPreviousItem)
        chose = hint == Hint.SubmitModelCache and isinstance(editor, QComboBox)
        if not (moving or chose):
            super().closeEditor(editor, hint)
            return
        forward = hint != Hint.EditPreviousItem
        current = self.currentIndex()
        super().closeEditor(editor, Hint.NoHint)  # the value was committed before: this only closes
        target = self._editable_after(current, forward)
        if target is None:
            if moving:
                self.focusNextPrevChild(forward)  # past the last cell: on to the next widget
            return
        self.setCurrentIndex(target)
        if moving:
            self.edit(target)

    def _editable_after(self, index: QModelIndex, forward: bool) -> QModelIndex | None:
        """The next (or previous) cell in reading order that can be edited by typing, or None."""
        model = self.list_model
        columns = model.columnCount()
        if not index.isValid() or not columns:
            return None
        position = index.row() * columns + index.column()
        step = 1 if forward else -1
        position += step
        while 0 <= position < model.rowCount() * columns:
            candidate = model.index(position // columns, position % columns)
            if model.flags(candidate) & Qt.ItemFlag.ItemIsEditable and not self.isColumnHidden(candidate.column()):
                return candidate
            position += step
        return None

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.setAccessibleDescription(message)

    def _keep_current(self) -> None:
        index = self.currentIndex()
        self._kept = (index.row(), index.column()) if index.isValid() else None

    def _restore_current(self) -> None:
        kept, self._kept = self._kept, None
        rows = self.list_model.rowCount()
        if kept is None or rows == 0:
            return
        index = self.list_model.index(min(kept[0], rows - 1), kept[1])
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def fit_columns(self) -> None:
        """Share the width the fitted columns leave among the stretching ones, by their stretch.
        A stretching column is never narrower than its heading: one whose share would be gets its
        heading's width, and the others share what is left (the table scrolls sideways only when
        even the headings do not fit)."""
        columns = self.list_model.columns
        header = self.horizontalHeader()
        stretching = [i for i, c in enumerate(columns) if c.stretch]
        if self._fitting or not stretching:
            return
        spare = self.viewport().width() - sum(header.sectionSize(i) for i, c in enumerate(columns) if not c.stretch)
        least = {i: header.sectionSizeFromContents(i).width() for i in stretching}
        widths: dict[int, int] = {}
        sharing = list(stretching)
        while sharing:
            weights = sum(columns[i].stretch for i in sharing)
            narrow = [i for i in sharing if spare * columns[i].stretch // weights < least[i]]
            if not narrow:
                break
            for i in narrow:
                widths[i] = least[i]
                spare -= least[i]
                sharing.remove(i)
        weights = sum(columns[i].stretch for i in sharing)
        for n, i in enumerate(sharing, start=1):
            widths[i] = spare if n == len(sharing) else spare * columns[i].stretch // weights
            spare -= widths[i]
            weights -= columns[i].stretch
        self._fitting = True
        try:
            for i, width in widths.items():
                header.resizeSection(i, width)
        finally:
            self._fitting = False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if not self.list_model.columns[index].stretch:
            self.fit_columns()  # a fitted column followed its contents

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, attr: str = "") -> None:
        column = next((i for i, c in enumerate(self.list_model.columns) if c.attr == attr), 0)
        index = self.list_model.index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        self.setFocus()
