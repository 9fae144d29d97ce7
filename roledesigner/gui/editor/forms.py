"""What every tab of the role editor builds with: captioned form rows, tables over the
design's lists and their Add, Remove and Move buttons.

`EditorParts` is shared by the tabs and keeps what the editor finds fields by: the binder, the
tables by list path and each form field's caption.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.binding import Binder, Binding, with_message
from roledesigner.gui.editor.tables import Column, ListTableModel
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.gui.widgets.colours import NoteLabel

#: A form row: the caption (with its & shortcut), the field, the field's tooltip, and optionally a
#: plain note shown beneath the field (what a choice means, or why a field is greyed out).
Row = tuple[str, Binding | QWidget, str] | tuple[str, Binding | QWidget, str, str]


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


def note_label(text: str = "") -> QLabel:
    """A plain note beneath a field, in a grey that reads on the window in the light and the dark
    theme alike; hidden while it has nothing to say."""
    note = NoteLabel(text)
    note.setVisible(bool(text))
    return note


def with_note(widget: QWidget, note: QLabel) -> QWidget:
    """A widget that is not a binding (a check box standing for a value) with a note beneath it."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(widget)
    layout.addWidget(note)
    holder.setFocusProxy(widget)
    return holder


def captioned(text: str, field: QWidget, shown: QWidget) -> tuple[QLabel, QWidget]:
    """A field's caption, and what the form shows for the field (`shown`: the field, or a holder of
    it with its note and message). The caption's Alt letter moves the focus to the field and does
    nothing more: Qt would tick a check box given as a buddy, and a row of boxes takes no focus
    itself, so either is reached through a holder that hands the focus on."""
    caption = QLabel(text)
    if not isinstance(field, QAbstractButton) and field.focusProxy() is None:
        caption.setBuddy(field)
        return caption, shown
    if shown is field:
        shown = QWidget()
        layout = QVBoxLayout(shown)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(field)
        shown.setFocusProxy(field)
    shown.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # never a stop of its own on the way through with Tab
    caption.setBuddy(shown)
    return caption, shown


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
        #: Each form field's caption, and the note beneath it (for the fields given one), by the field's widget.
        self.captions: dict[QWidget, QLabel] = {}
        self.notes: dict[QWidget, QLabel] = {}
        self._forms: dict[QWidget, QFormLayout] = {}

    def form(self, rows: list[Row]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for row in rows:
            text, item, tip = row[0], row[1], row[2]
            target = item.widget if isinstance(item, Binding) else item
            note = None
            if len(row) > 3:
                note = self.notes[target] = note_label(row[3])
            if isinstance(item, Binding):
                widget = with_message(item, note)
            else:
                widget = item if note is None else with_note(item, note)
            target.setToolTip(tip)
            target.setAccessibleName(text.replace("&", ""))
            caption, widget = captioned(text, target, widget)
            self.captions[target] = caption
            self._forms[target] = form
            form.addRow(caption, widget)
        return form

    def show_row(self, field: QWidget, visible: bool) -> None:
        """Show or hide a form field with its caption (a field that does not apply to the post)."""
        self._forms[field].setRowVisible(self.captions[field], visible)

    def say_note(self, field: QWidget, text: str) -> None:
        """Set (or, with "", hide) the note beneath a field made with one."""
        note = self.notes[field]
        if note.text() != text:
            note.setText(text)
        note.setVisible(bool(text))

    def table(
        self, path: str, columns: list[Column], name: str, noun: str, *, takes_capabilities: bool = False
    ) -> ListTable:
        model = ListTableModel(self.controller, path, columns, noun, takes_capabilities=takes_capabilities)
        table = ListTable(model, name)
        self.tables[path] = table
        return table

    def list_controls(
        self, table: ListTable, noun: str, remove_text: str = ""
    ) -> tuple[QPushButton, QPushButton, QPushButton]:
        """Remove, Move up and Move down buttons for one table's list; `remove_text` is the Remove
        button's text with its & mnemonic (unique on its page: see tests/gui/test_mnemonics.py)."""
        path = table.list_model.path
        remove = button(remove_text or f"Remove {noun}", f"Remove the selected {noun}")
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
