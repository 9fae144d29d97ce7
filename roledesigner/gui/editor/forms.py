"""What every tab of the role editor builds with: captioned form rows, tables over the
design's lists and their Add, Remove and Move buttons.

`EditorParts` is shared by the tabs and keeps what the editor finds fields by: the binder, the
tables by list path and each form field's caption.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QScrollArea, QWidget

from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.binding import Binder, Binding, with_message
from roledesigner.gui.editor.tables import Column, ListTableModel
from roledesigner.gui.editor.tableviews import ListTable

#: A form row: the caption (with its & shortcut), the field, and the field's tooltip.
Row = tuple[str, Binding | QWidget, str]


def buttons(*items: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in items:
        row.addWidget(button)
    row.addStretch(1)
    return row


def button(text: str, tip: str) -> QPushButton:
    made = QPushButton(text)
    made.setToolTip(tip)
    made.setAccessibleName(tip)
    return made


def scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


def selected_field(table: ListTable, attr: str) -> Callable[[], str]:
    """The path of a field of the row selected in `table` ("" with none), for a binding that
    follows the selection."""

    def path() -> str:
        row = table.current_row()
        return f"{table.list_model.path}[{row}].{attr}" if 0 <= row < table.list_model.rowCount() else ""

    return path


def said_under(table: ListTable, column: Column) -> Callable[[str], None]:
    """Says a refused value of the selected row's field under the table, naming the row as the
    table's own cells are named ("The line manager for Westtown Council must ...")."""
    model = table.list_model
    return lambda phrase: model.say(model.sentence(table.current_row(), column, phrase))


class EditorParts:
    def __init__(self, controller: DocumentController) -> None:
        self.controller = controller
        self.binder = Binder(controller)
        self.tables: dict[str, ListTable] = {}
        #: Each form field's caption, by the field's widget.
        self.captions: dict[QWidget, QLabel] = {}

    def form(self, rows: list[Row]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, item, tip in rows:
            widget = with_message(item) if isinstance(item, Binding) else item
            target = item.widget if isinstance(item, Binding) else item
            target.setToolTip(tip)
            target.setAccessibleName(text.replace("&", ""))
            caption = QLabel(text)
            caption.setBuddy(target)
            self.captions[target] = caption
            form.addRow(caption, widget)
        return form

    def table(
        self, path: str, columns: list[Column], name: str, noun: str, *, takes_capabilities: bool = False
    ) -> ListTable:
        model = ListTableModel(self.controller, path, columns, noun, takes_capabilities=takes_capabilities)
        table = ListTable(model, name)
        self.tables[path] = table
        return table

    def list_controls(self, table: ListTable, noun: str) -> tuple[QPushButton, QPushButton, QPushButton]:
        """Remove, Move up and Move down buttons for one table's list."""
        path = table.list_model.path
        remove = button(f"Remove {noun}", f"Remove the selected {noun}")
        up = button("Move up", f"Move the selected {noun} up")
        down = button("Move down", f"Move the selected {noun} down")

        def removed() -> None:
            row = table.current_row()
            if row >= 0:
                self.controller.remove(path, row, f"Remove {noun}")
                table.select_row(min(row, table.list_model.rowCount() - 1))

        def moved(step: int) -> None:
            row = table.current_row()
            target = row + step
            if row >= 0 and 0 <= target < table.list_model.rowCount():
                self.controller.move(path, row, target, f"Move {noun}")
                table.select_row(target)

        remove.clicked.connect(removed)
        up.clicked.connect(lambda: moved(-1))
        down.clicked.connect(lambda: moved(1))
        return remove, up, down

    def follow_selection(self, table: ListTable, show: Callable[[], None]) -> None:
        """Call `show` whenever the table's selected row, or what is in it, may have changed: a
        box of the selected row's fields follows it. Connected after the table's model, so the
        model has followed the design first."""
        table.selectionModel().currentChanged.connect(lambda *_: show())
        self.controller.designChanged.connect(show)
        show()

    def add_button(self, table: ListTable, text: str, tip: str, make: Callable[[], Any], edit_attr: str) -> QPushButton:
        """A button that appends a new item to the table's list and starts editing it."""
        made = button(text, tip)
        path = table.list_model.path

        def add() -> None:
            count = table.list_model.rowCount()
            if self.controller.insert(path, count, make(), text.replace("&", "")) is None:
                table.select_row(count, edit_attr)
                table.edit(table.currentIndex())

        made.clicked.connect(add)
        return made
