"""The Overview tab: job title, footprint, grade, contract, reporting lines and document status."""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from roledesigner.domain.vocabulary import Contract, Footprint, Function, Status
from roledesigner.gui.editor.forms import EditorParts, scroll


def overview_tab(parts: EditorParts) -> QScrollArea:
    b = parts.binder
    page = QWidget()
    form = parts.form(
        [
            (
                "Job &title",
                b.line("title"),
                "Say what the post is and how senior it is, in words people search for.",
            ),
            (
                "&Footprint",
                b.choice("footprint", Footprint, "Not set"),
                "Where the post works: system, place, neighbourhood or one organisation.",
            ),
            (
                "Footprint &name",
                b.line("footprint_name"),
                "For example North Shire integrated care system, or Westtown place.",
            ),
            (
                "Leadership f&unction",
                b.choice("function", Function, "Not set"),
                "Executive, clinical or lay: the three sides of system leadership.",
            ),
            (
                "&Grade",
                b.line("grade"),
                "For example Agenda for Change band 8d, very senior manager, or JNC chief officer.",
            ),
            ("&Location", b.line("location"), "Where the postholder is based."),
            ("&Contract", b.choice("contract", Contract), "Permanent, fixed term or secondment."),
            (
                "&Employer",
                b.line("employer"),
                "The employing organisation (a joint post names its partners on the Joint post tab).",
            ),
            (
                "&Directorate",
                b.line("directorate"),
                "The department or directorate the post sits in, as the employer names it.",
            ),
            ("&Job reference", b.line("job_reference"), "The employer's reference for this post, if it has one."),
            ("&Reports to", b.lines("reports_to"), "One line manager a line; several are allowed."),
            ("&Accountable to", b.lines("accountable_to"), "One name a line."),
            (
                "Appraisal led &by",
                b.line("appraisal_lead"),
                "Who leads appraisal when there are several line managers.",
            ),
            ("&Status", b.choice("status", Status), "Draft, in review or final."),
            ("&Version", b.line("version"), "For example 1, or 1.2."),
            ("Au&thor", b.line("author"), "Who wrote this description."),
        ]
    )
    layout = QVBoxLayout(page)
    layout.addLayout(form)
    layout.addStretch(1)
    return scroll(page)
