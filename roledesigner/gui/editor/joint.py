"""The Joint post tab: the partners, the host employer, funding and time shares (with their
running totals), each partner's line manager and terms, and the two legal steps (the partnership
arrangement and the staffing route), each with a line saying what it is."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from roledesigner.documents.wording import split_totals_sentence
from roledesigner.domain.joint import splits_complete
from roledesigner.domain.models import JointArrangement, Partner
from roledesigner.domain.partnerentry import NEW_PARTNER
from roledesigner.domain.vocabulary import PartnershipArrangement, Sector, StaffingRoute, Terms
from roledesigner.gui.editor.binding import ERROR_STYLE
from roledesigner.gui.editor.forms import EditorParts, buttons, captioned, note_label, said_under, selected_field
from roledesigner.gui.editor.managers import partner_note
from roledesigner.gui.editor.tables import Column
from roledesigner.gui.editor.tableviews import ListTable

#: What each legal step is, in one plain line beside its choice.
PARTNERSHIP_NOTE = "Shares the partners' functions and money. Employs nobody."
STAFFING_NOTE = "How the postholder comes to work for both partners."


class JointTab(QWidget):
    def __init__(self, parts: EditorParts) -> None:
        super().__init__()
        self.controller = controller = parts.controller
        layout = QVBoxLayout(self)
        joint = parts.binder.check(
            "joint",
            "This is a joint post bet&ween partner organisations",
            to_design=self._arrangement,
            from_design=lambda arrangement: arrangement is not None,
        )
        assert isinstance(joint.widget, QCheckBox)
        self.joint_check: QCheckBox = joint.widget
        self.joint_check.setAccessibleName("Joint post")
        layout.addWidget(self.joint_check)
        partners = parts.table(
            "joint.partners",
            [
                Column("Organisation", "organisation", subject="The organisation of partner {number}", stretch=3),
                Column(
                    "Sector",
                    "sector",
                    Sector,
                    stretch=2,
                    tooltip="The kind of organisation. Naming a new partner fills it in when the name says it, "
                    "as 'ICB' (integrated care board), 'NHS' or 'Council' do: change it if it is wrong.",
                ),
                Column(
                    "Host", "host", check=True, tooltip="The host employer employs the postholder and grades the post."
                ),
                Column(
                    "Funding %",
                    "funding_percent",
                    tooltip="This partner's share of the cost, in per cent.",
                    subject="Funding for {item.organisation}",
                ),
                Column(
                    "Time %",
                    "time_percent",
                    tooltip="This partner's share of the postholder's time, in per cent. A new partner's first "
                    "funding share is put here too: change it if the time is shared differently.",
                    subject="Time for {item.organisation}",
                ),
            ],
            "Partners",
            "partner",
        )
        self.partner_message = partners.message
        add = parts.add_button(
            partners,
            "&Add partner",
            "Add a partner organisation",
            lambda: Partner(
                organisation=NEW_PARTNER,  # the name the review knows for a row never filled in
                sector=Sector.OTHER,
                host=partners.list_model.rowCount() == 0,
                funding_percent=Decimal(0),
                time_percent=Decimal(0),
            ),
            "organisation",
        )
        remove, up, down = parts.list_controls(partners, "partner", "Re&move partner")
        self.joint_totals = QLabel()
        self.joint_totals.setAccessibleName("Running totals of the funding and time shares")
        self.joint_totals.setWordWrap(True)
        self.joint_area = QWidget()
        inner = QVBoxLayout(self.joint_area)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(partners)
        inner.addWidget(self.partner_message)
        inner.addLayout(buttons(add, remove, up, down))
        inner.addWidget(self.joint_totals)
        inner.addWidget(self._partner_box(parts, partners))
        inner.addLayout(self._legal_steps(parts))
        layout.addWidget(self.joint_area, 1)
        self._totals: tuple[str, bool] | None = None
        controller.designChanged.connect(self.refresh)
        self.refresh()

    def _legal_steps(self, parts: EditorParts) -> QFormLayout:
        """The two legal steps as two choices, each with its plain explanation beneath it, and the
        governance notes."""
        b = parts.binder
        arrangement = b.choice("joint.agreement", PartnershipArrangement, "Not stated")
        route = b.choice("joint.staffing_route", StaffingRoute, "Not stated")
        for combo in (arrangement.widget, route.widget):
            # The longest statute's name must not set the editor's least width: the list opens wider.
            assert isinstance(combo, QComboBox)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(24)
        return parts.form(
            [
                (
                    "Partnership arra&ngement",
                    arrangement,
                    "Step 1: how the partners share functions and money, such as a section 75 agreement.",
                    PARTNERSHIP_NOTE,
                ),
                (
                    "Staffing &route",
                    route,
                    "Step 2: how the postholder comes to work for both partners, such as a section 113 agreement.",
                    STAFFING_NOTE,
                ),
                (
                    "&Governance notes",
                    b.text("joint.governance_notes"),
                    "How decisions are reported to both partners' boards or members.",
                ),
            ]
        )

    def _arrangement(self, checked: bool) -> JointArrangement | None:
        """Ticked: the joint arrangement there is, or a new one; unticked: none."""
        current = self.controller.design.joint
        if not checked:
            return None
        return JointArrangement() if current is None else current

    def _partner_box(self, parts: EditorParts, table: ListTable) -> QGroupBox:
        """The line manager, terms and honorary contract of the partner selected in the table (the
        table keeps to the figures that must add up, so it fits the editor without scrolling)."""
        box = QGroupBox()
        box.setObjectName("joint.partners_details")
        b = parts.binder

        def said(attr: str) -> Column:
            return Column(attr, attr, subject=f"The {attr.replace('_', ' ')} for {{item.organisation}}")

        manager = b.line(selected_field(table, "line_manager"), say=said_under(table, said("line_manager")))
        terms = b.choice(
            selected_field(table, "terms"),
            Terms,
            say=said_under(table, said("terms")),
            from_design=lambda chosen: (chosen or Terms.OTHER).value,  # no partner chosen: Other
        )
        honorary = b.check(
            selected_field(table, "honorary_contract"),
            "The postholder holds an honorary contract with this partner",
            say=said_under(table, said("honorary_contract")),
        )
        #: The selected partner's fields by name, for `focus_field`.
        self.partner_fields: dict[str, QWidget] = {
            "line_manager": manager.widget,
            "terms": terms.widget,
            "honorary_contract": honorary.widget,
        }
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        #: How a partner's line manager relates to the reporting line and the appraisal lead.
        self.manager_note = note_label()
        self.manager_note.setObjectName("partner_manager_note")
        self.manager_note.setAccessibleName("How the partners' line managers fit together")
        form.addRow(self.manager_note)
        for caption, binding, tip in (
            ("L&ine manager", manager, "Who manages the postholder's work for this partner."),
            ("Terms an&d conditions", terms, "The terms and conditions this partner employs on."),
            ("Honorar&y contract", honorary, "An honorary contract lets the postholder act for this partner."),
        ):
            binding.widget.setToolTip(tip)
            binding.widget.setAccessibleName(f"{caption.replace('&', '')} of the selected partner")
            text, shown = captioned(caption, binding.widget, binding.widget)
            form.addRow(text, shown)

        def show() -> None:
            row = table.current_row()
            shown = table.list_model.shown
            partner = shown[row] if 0 <= row < len(shown) else None
            box.setEnabled(partner is not None)
            if partner is None:
                box.setTitle("Line manager and terms: choose a partner in the table")
            else:
                box.setTitle(f"Line manager and terms at {partner.organisation}")
            for binding in (manager, terms, honorary):
                binding.refresh()
            note = partner_note(self.controller.design)
            if note != self.manager_note.text():
                self.manager_note.setText(note)
            self.manager_note.setVisible(True)

        parts.follow_selection(table, show)
        return box

    def refresh(self) -> None:
        joint = self.controller.design.joint
        self.joint_area.setEnabled(joint is not None)
        totals = (split_totals_sentence(joint), splits_complete(joint))
        if totals != self._totals:  # restyling a label costs more than a keystroke should
            self._totals = totals
            self.joint_totals.setText(totals[0])
            self.joint_totals.setStyleSheet("" if totals[1] else ERROR_STYLE)
