"""The Responsibilities tab: what the post does and decides, system or organisational."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from roledesigner.domain.models import Responsibility
from roledesigner.domain.vocabulary import ResponsibilityKind
from roledesigner.gui.editor.forms import EditorParts, buttons
from roledesigner.gui.editor.tables import Column


def responsibilities_tab(parts: EditorParts) -> QWidget:
    table = parts.table(
        "responsibilities",
        [
            Column(
                "Responsibility",
                "text",
                tooltip="What the post does or decides, starting with a verb.",
                subject="Responsibility {number}",
                stretch=1,
            ),
            Column("Kind", "kind", ResponsibilityKind, tooltip="System work is done across organisations."),
        ],
        "Responsibilities",
        "responsibility",
    )
    add_system = parts.add_button(
        table,
        "Add s&ystem responsibility",
        "Add a responsibility for work across organisations",
        lambda: Responsibility(text="New responsibility", kind=ResponsibilityKind.SYSTEM),
        "text",
    )
    add_org = parts.add_button(
        table,
        "Add or&ganisational responsibility",
        "Add a responsibility for the employing organisation",
        lambda: Responsibility(text="New responsibility", kind=ResponsibilityKind.ORGANISATIONAL),
        "text",
    )
    remove, up, down = parts.list_controls(table, "responsibility", "&Remove responsibility")
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addWidget(QLabel("Write what the post does and decides. Mark work across organisations as system work."))
    layout.addWidget(table)
    layout.addWidget(table.message)
    layout.addLayout(buttons(add_system, add_org))
    layout.addLayout(buttons(remove, up, down))
    return page
