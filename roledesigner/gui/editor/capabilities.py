"""The Capabilities tab: the role's capabilities from the library and the other
person-specification criteria, each with how it is assessed."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from roledesigner.domain.models import Criterion
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement, label
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.forms import EditorParts, buttons, said_under, selected_field
from roledesigner.gui.editor.tables import Column
from roledesigner.gui.editor.tableviews import ListTable


def _assessed(item: object, _controller: object) -> str:
    methods = getattr(item, "assessed_by", [])
    return ", ".join(label(m) for m in methods) if methods else "Not yet set"


def _capability_name(item: object, controller: DocumentController) -> str:
    return controller.capability_name(getattr(item, "id", ""))


def _capability_domain(item: object, controller: DocumentController) -> str:
    capability = controller.library.capabilities.get(getattr(item, "id", ""))
    return controller.library.domain_name(capability.domain) if capability else "Not in the library"


def assessment_box(parts: EditorParts, table: ListTable) -> QGroupBox:
    """How the row selected in `table` is assessed: one box for each method."""
    box = QGroupBox("How the selected row is assessed")
    box.setObjectName(f"{table.list_model.path}_assessment")
    binding = parts.binder.checks(
        selected_field(table, "assessed_by"),
        Assessment,
        text=label,
        name=lambda method: f"Assessed by {label(method).lower()}",
        say=said_under(table, Column("How assessed", "assessed_by")),
    )
    layout = QVBoxLayout(box)
    layout.addWidget(binding.widget)

    def show() -> None:
        box.setEnabled(bool(binding.path))
        binding.refresh()

    parts.follow_selection(table, show)
    return box


class CapabilitiesTab(QWidget):
    def __init__(self, parts: EditorParts) -> None:
        super().__init__()
        capabilities = parts.table(
            "capabilities",
            [
                Column("Capability", "", editable=False, show=_capability_name, stretch=3),
                Column("Framework domain", "", editable=False, show=_capability_domain, stretch=2),
                Column("Essential or\ndesirable", "requirement", Requirement),
                Column("How assessed", "", editable=False, show=_assessed, stretch=2),
            ],
            "Capabilities in this role",
            "capability",
            takes_capabilities=True,
        )
        #: Beneath the capabilities: a refused edit, or a refused drop or Add to role.
        self.capability_message = capabilities.message
        remove, up, down = parts.list_controls(capabilities, "capability", "Re&move capability")

        criteria = parts.table(
            "criteria",
            [
                Column("Area", "category", CriterionCategory),
                Column("Criterion", "text", subject="Criterion {number}", stretch=3),
                Column("Essential or\ndesirable", "requirement", Requirement),
                Column("How assessed", "", editable=False, show=_assessed, stretch=1),
            ],
            "Other person-specification criteria",
            "criterion",
        )
        add = parts.add_button(
            criteria,
            "&Add criterion",
            "Add a person-specification criterion not tied to a capability",
            lambda: Criterion(text="New criterion"),
            "text",
        )
        remove_criterion, up_c, down_c = parts.list_controls(criteria, "criterion", "&Remove criterion")

        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel("Add capabilities from the library: double-click one, drag it here, or use its Add to role button.")
        )
        layout.addWidget(capabilities, 3)
        layout.addWidget(self.capability_message)
        layout.addLayout(buttons(remove, up, down))
        layout.addWidget(assessment_box(parts, capabilities))
        layout.addWidget(
            QLabel("Other criteria: qualifications, experience, knowledge, values and other requirements.")
        )
        layout.addWidget(criteria, 2)
        layout.addWidget(criteria.message)
        layout.addLayout(buttons(add, remove_criterion))
        layout.addLayout(buttons(up_c, down_c))
        layout.addWidget(assessment_box(parts, criteria))
