"""The Overview tab: job title, footprint, grade and pay framework, the contract and the terms that
fit it (an office holder's term of office and remuneration), reporting lines, the dimensions a job
evaluation panel asks for, and document status."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QGroupBox, QScrollArea, QVBoxLayout, QWidget

from roledesigner.domain.vocabulary import Contract, Footprint, Function, Status, Terms
from roledesigner.gui.editor.forms import EditorParts, note_label
from roledesigner.gui.editor.managers import overview_note

#: Beneath the contract, for an office holder.
APPOINTMENT_NOTE = (
    "An office holder is appointed for a term and paid a remuneration: not employed and not graded. "
    "Give the time as days a month on the Time tab."
)
#: Beneath the pay framework, when another one decides (or none applies).
NO_FRAMEWORK_NOTE = "An office holder is not graded, so no pay framework applies."
HOST_FRAMEWORK_NOTE = (
    "A joint post is graded on its host partner's terms (Joint post tab); this one counts if the host names none."
)


class OverviewTab(QScrollArea):
    def __init__(self, parts: EditorParts) -> None:
        super().__init__()
        self.controller = controller = parts.controller
        self.parts = parts
        b = parts.binder
        contract = b.choice("contract", Contract, setter=lambda value: controller.set_contract(Contract(value)))
        terms = b.choice("terms", Terms, "Not stated")
        term_of_office = b.line("term_of_office")
        remuneration = b.line("remuneration")
        self.contract, self.terms = contract.widget, terms.widget
        self.term_of_office, self.remuneration = term_of_office.widget, remuneration.widget
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(
            parts.form(
                [
                    (
                        "Job t&itle",
                        b.line("title"),
                        "Say what the post is and how senior it is, in words people search for.",
                    ),
                    (
                        "Footpri&nt",
                        b.choice("footprint", Footprint, "Not set"),
                        "Where the post works: system, place, neighbourhood or one organisation.",
                    ),
                    (
                        "Footprint &name",
                        b.line("footprint_name"),
                        "For example North Shire integrated care system, or Westtown place.",
                    ),
                    (
                        "Lea&dership function",
                        b.choice("function", Function, "Not set"),
                        "Executive, clinical or lay: the three sides of system leadership.",
                    ),
                    (
                        "&Grade",
                        b.line("grade"),
                        "For example Agenda for Change band 8d, very senior manager, or JNC chief officer.",
                    ),
                    (
                        "Pay frame&work",
                        terms,
                        "The terms the post is employed and graded on: its job evaluation scheme. Do not guess a band.",
                        "",
                    ),
                    ("Loc&ation", b.line("location"), "Where the postholder is based."),
                    (
                        "Contr&act",
                        contract,
                        "Permanent, fixed term, secondment, or an appointment for an office holder such as a chair.",
                        "",
                    ),
                    (
                        "Ter&m of office",
                        term_of_office,
                        "For an office holder: how long the appointment lasts, and whether it can be renewed.",
                    ),
                    (
                        "&Remuneration",
                        remuneration,
                        "For an office holder: what the appointment pays, and which framework sets it.",
                    ),
                    (
                        "E&mployer",
                        b.line("employer"),
                        "The employing organisation (a joint post names its partners on the Joint post tab).",
                    ),
                    (
                        "&Directorate",
                        b.line("directorate"),
                        "The department or directorate the post sits in, as the employer names it.",
                    ),
                    (
                        "Job &reference",
                        b.line("job_reference"),
                        "The employer's reference for this post, if it has one.",
                    ),
                ]
            )
        )
        layout.addWidget(self._managers())
        layout.addWidget(self._dimensions())
        layout.addLayout(
            parts.form(
                [
                    (
                        "St&atus",
                        b.choice("status", Status),
                        "Where the description is: from draft, through agreement and job evaluation, to advertised.",
                    ),
                    ("Vers&ion", b.line("version"), "For example 1, or 1.2."),
                    ("Autho&r", b.line("author"), "Who wrote this description."),
                ]
            )
        )
        layout.addStretch(1)
        self.setWidgetResizable(True)
        self.setWidget(page)
        self._shown: tuple[Any, ...] | None = None
        self._managers_shown: tuple[Any, ...] | None = None
        controller.designChanged.connect(self.refresh)
        self.refresh()

    def _managers(self) -> QGroupBox:
        """Reports to, accountable to and the appraisal lead together, under one plain explanation of
        how they relate to each other and to a joint post's partners' line managers."""
        b = self.parts.binder
        box = QGroupBox("Managers")
        box.setObjectName("managers_box")
        box.setToolTip("Whom the post reports to and who leads appraisal; a joint post's partners name theirs too.")
        self.managers_note = note_label()
        self.managers_note.setObjectName("managers_note")
        self.managers_note.setAccessibleName("How the managers fit together")
        inner = QVBoxLayout(box)
        inner.addWidget(self.managers_note)
        inner.addLayout(
            self.parts.form(
                [
                    (
                        "&Reports to",
                        b.lines("reports_to"),
                        "The post's line manager, one a line. Name more than one and an appraisal lead is needed.",
                    ),
                    (
                        "&Accountable to",
                        b.lines("accountable_to"),
                        "Who the post answers to beyond its line manager, one a line.",
                    ),
                    (
                        "Appraisal led b&y",
                        b.line("appraisal_lead"),
                        "Who leads appraisal when there is more than one line manager (here, or at the partners of a "
                        "joint post).",
                    ),
                ]
            )
        )
        return box

    def _dimensions(self) -> QGroupBox:
        """The facts a job evaluation panel asks for, in the author's own words."""
        b = self.parts.binder
        box = QGroupBox("Dimensions, for job evaluation")
        box.setToolTip("The facts a job evaluation panel asks for. Leave out what does not apply.")
        # In the order shown, so a finding on the dimensions as a whole goes to the budget first.
        budget, staff = b.line("dimensions.budget"), b.line("dimensions.staff_managed")
        decisions = b.text("dimensions.decisions")
        decisions.widget.setMaximumHeight(70)
        box.setLayout(
            self.parts.form(
                [
                    (
                        "Bud&get held",
                        budget,
                        "The budget the post holds or controls, such as a £2 million pooled budget.",
                    ),
                    (
                        "Staff &managed",
                        staff,
                        "How many people the post manages, directly and through others.",
                    ),
                    (
                        "Decisions ta&ken alone",
                        decisions,
                        "The decisions the post makes alone, without referring them up.",
                    ),
                ]
            )
        )
        return box

    def refresh(self) -> None:
        """An office holder's term and remuneration show only for an appointment, which has no pay
        framework; a joint post's framework is its host's. An edit of anything else changes nothing."""
        design = self.controller.design
        self._refresh_managers()
        appointment = design.contract is Contract.APPOINTMENT
        shown = (appointment, design.joint is None)
        if shown == self._shown:
            return
        self._shown = shown
        self.parts.show_row(self.term_of_office, appointment)
        self.parts.show_row(self.remuneration, appointment)
        self.parts.say_note(self.contract, APPOINTMENT_NOTE if appointment else "")
        self.terms.setEnabled(not appointment)
        self.parts.captions[self.terms].setEnabled(not appointment)
        framework = NO_FRAMEWORK_NOTE if appointment else HOST_FRAMEWORK_NOTE if design.joint is not None else ""
        self.parts.say_note(self.terms, framework)

    def _refresh_managers(self) -> None:
        """The managers' explanation follows the managers (and whether the post is joint) only."""
        design = self.controller.design
        partners = tuple(p.line_manager for p in design.joint.partners) if design.joint else None
        now = (tuple(design.reports_to), design.appraisal_lead, partners)
        if now != self._managers_shown:
            self._managers_shown = now
            self.managers_note.setText(overview_note(design))
            self.managers_note.setVisible(True)
