"""The Purpose tab: the job's purpose and the system it works in, and beneath them any text kept
from an imported job description that no field took, until the user places or deletes it."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from roledesigner.domain.edits import UnmappedTarget
from roledesigner.gui.editor.forms import EditorParts, button, buttons
from roledesigner.gui.editor.tables import Column
from roledesigner.gui.editor.tableviews import ListTable

UNMAPPED_TITLE = "Text from the imported job description not yet placed"


class PurposeTab(QWidget):
    def __init__(self, parts: EditorParts) -> None:
        super().__init__()
        self.controller = parts.controller
        b = parts.binder
        layout = QVBoxLayout(self)
        layout.addLayout(
            parts.form(
                [
                    (
                        "Job pu&rpose",
                        b.text("purpose"),
                        "One or two sentences: what the post is for. Leave a blank line between paragraphs.",
                    ),
                    (
                        "S&ystem context",
                        b.text("system_context"),
                        "The system, place or partnership the post works in.",
                    ),
                ]
            ),
            2,
        )
        self.unmapped_box = self._unmapped(parts)
        layout.addWidget(self.unmapped_box, 1)
        self.controller.designChanged.connect(self.refresh)
        self.refresh()

    def _unmapped(self, parts: EditorParts) -> QGroupBox:
        """The kept text, one block a row, with Delete and Move buttons: each one undoable step."""
        table = self.unmapped_table = parts.table(
            "unmapped",
            [
                Column("Text", "text", editable=False, stretch=3),
                Column("Heading in the source", "heading", editable=False, stretch=1),
                Column("Where", "source", editable=False, stretch=1),
            ],
            UNMAPPED_TITLE,
            "piece of imported text",
        )
        self.delete_button = button("&Delete", "Delete the selected imported text")
        self.to_responsibilities = button(
            "Move to respo&nsibilities", "Move the selected imported text to the end of the responsibilities"
        )
        self.to_purpose = button("&Move to purpose", "Move the selected imported text to the end of the job purpose")
        self.delete_button.clicked.connect(self._delete)
        self.to_responsibilities.clicked.connect(lambda: self._move("responsibilities"))
        self.to_purpose.clicked.connect(lambda: self._move("purpose"))
        box = QGroupBox(UNMAPPED_TITLE)
        box.setObjectName("unmapped_box")
        inner = QVBoxLayout(box)
        explanation = QLabel(
            "The import kept these pieces because no field took them. Move each where it belongs, or delete it."
        )
        explanation.setWordWrap(True)
        inner.addWidget(explanation)
        inner.addWidget(table, 1)
        inner.addWidget(table.message)
        inner.addLayout(buttons(self.to_responsibilities, self.to_purpose, self.delete_button))
        table.selectionModel().currentChanged.connect(lambda *_: self._enable_buttons())
        return box

    def _selected(self, table: ListTable) -> int:
        row = table.current_row()
        return row if 0 <= row < table.list_model.rowCount() else -1

    def _delete(self) -> None:
        row = self._selected(self.unmapped_table)
        if row >= 0:
            self.controller.remove("unmapped", row, "Delete imported text")
            self._select_after(row)

    def _move(self, target: UnmappedTarget) -> None:
        row = self._selected(self.unmapped_table)
        if row >= 0:
            self.controller.place_unmapped(row, target)
            self._select_after(row)

    def _select_after(self, row: int) -> None:
        """The next piece is chosen, so several can be dealt with one after another."""
        left = self.unmapped_table.list_model.rowCount()
        if left:
            self.unmapped_table.select_row(min(row, left - 1))

    def _enable_buttons(self) -> None:
        chosen = self._selected(self.unmapped_table) >= 0
        for widget in (self.delete_button, self.to_responsibilities, self.to_purpose):
            widget.setEnabled(chosen)

    def refresh(self) -> None:
        """The kept text shows only while there is some: most designs were never imported."""
        self.unmapped_box.setVisible(bool(self.controller.design.unmapped))
        self._enable_buttons()
