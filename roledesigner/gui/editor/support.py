"""The Support tab: support and development offered, job stability and working relationships."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from roledesigner.domain.models import Relationship
from roledesigner.domain.vocabulary import Sector
from roledesigner.gui.editor.forms import EditorParts, buttons
from roledesigner.gui.editor.tables import Column


def support_tab(parts: EditorParts) -> QWidget:
    b = parts.binder
    page = QWidget()
    layout = QVBoxLayout(page)
    layout.addLayout(
        parts.form(
            [
                ("Coach&ing", b.check("development.coaching", "Coaching is offered"), "Offered to the postholder."),
                (
                    "&Mentoring",
                    b.check("development.mentoring", "Mentoring is offered"),
                    "Offered to the postholder.",
                ),
                (
                    "Peer &network",
                    b.check("development.peer_network", "A peer network of system leaders"),
                    "Safe spaces to meet peers.",
                ),
                ("Pro&grammes", b.lines("development.programmes"), "Development programmes, one a line."),
                (
                    "Job stabilit&y",
                    b.text("stability"),
                    "How secure the post is, and what happens if structures change.",
                ),
            ]
        )
    )
    relationships = parts.table(
        "relationships",
        [
            Column("Works with", "name", subject="The name of working relationship {number}", stretch=2),
            Column("Sector", "sector", Sector, stretch=1),
        ],
        "Working relationships",
        "working relationship",
    )
    add = parts.add_button(
        relationships,
        "&Add relationship",
        "Add a working relationship",
        lambda: Relationship(name="New contact"),
        "name",
    )
    remove, up, down = parts.list_controls(relationships, "working relationship", "&Remove working relationship")
    layout.addWidget(QLabel("Working relationships"))
    layout.addWidget(relationships)
    layout.addWidget(relationships.message)
    layout.addLayout(buttons(add, remove, up, down))
    return page
