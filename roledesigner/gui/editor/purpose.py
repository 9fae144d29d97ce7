"""The Purpose tab: the job's purpose and the system it works in."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from roledesigner.gui.editor.forms import EditorParts


def purpose_tab(parts: EditorParts) -> QWidget:
    b = parts.binder
    page = QWidget()
    form = parts.form(
        [
            (
                "Job &purpose",
                b.text("purpose"),
                "One or two sentences: what the post is for. Leave a blank line between paragraphs.",
            ),
            ("System &context", b.text("system_context"), "The system, place or partnership the post works in."),
        ]
    )
    page.setLayout(form)
    return page
