"""The Sign-off tab: who agreed the post, for each organisation, and on which version.

A joint post is approved by each partner's board or committee, so the tab suggests a row for
every partner not yet listed. Recording a decision (approved or returned) fills in today's date
and the version being worked on, in the same undoable step, when they are not given already, and an
approval keeps a digest of the content (`review.signoffs.decided`): the review can then say when
the content changed after it, and which version the approval belongs to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QVBoxLayout, QWidget

from roledesigner.domain.models import SignOff
from roledesigner.domain.versions import long_date
from roledesigner.domain.vocabulary import Decision
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.forms import EditorParts, button, buttons, said_under, selected_field
from roledesigner.gui.editor.tables import Column, ListTableModel
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.review.signoffs import decided

Index = QModelIndex | QPersistentModelIndex
PATH = "signoffs"


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def missing_partners(controller: DocumentController) -> list[str]:
    """The joint post's partners with no sign-off row yet, in the partners' order."""
    design = controller.design
    if design.joint is None:
        return []
    listed = [signoff.organisation for signoff in design.signoffs]
    return [
        partner.organisation
        for partner in design.joint.partners
        if not any(_same(partner.organisation, name) for name in listed)
    ]


class SignOffModel(ListTableModel):
    """The sign-offs; a blank date clears it, and a decision given fills in the date and version."""

    def __init__(self, controller: DocumentController, columns: list[Column]) -> None:
        super().__init__(controller, PATH, columns, "sign-off")
        #: Today, for a decision's date (a test may fix it).
        self.today: Callable[[], dt.date] = dt.date.today

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return super().setData(index, value, role)
        column = self.columns[index.column()]
        row = index.row()
        if column.attr == "date" and isinstance(value, str) and not value.strip():
            value = None
        if column.attr == "decision" and 0 <= row < len(self.shown):
            return self._decide(row, column, Decision(value))
        return super().setData(index, value, role)

    def _decide(self, row: int, column: Column, decision: Decision) -> bool:
        current = self.shown[row]
        if decision is current.decision:
            return True
        signoff = decided(self.controller.design, current, decision, self.today())
        label = "Record a decision" if decision is not Decision.PENDING else "Mark a sign-off pending"
        self.last_problem = self.controller.set_field(f"{PATH}[{row}]", signoff, label=label, merge=False)
        self.say("" if self.last_problem is None else self.sentence(row, column, self.last_problem))
        return self.last_problem is None


class SignOffTab(QWidget):
    def __init__(self, parts: EditorParts) -> None:
        super().__init__()
        self.controller = controller = parts.controller
        columns = [
            Column("Organisation", "organisation", subject="The organisation of sign-off {number}", stretch=3),
            Column("Name", "name", tooltip="Who signed off (or will).", stretch=2),
            Column("Decision", "decision", Decision, tooltip="Pending, approved, or returned for changes."),
            Column(
                "Date",
                "date",
                show=lambda item, _controller: long_date(item.date) if item.date else "",
                tooltip="The date of the decision, written as YYYY-MM-DD (for example 2026-05-03).",
                subject="The date for {item.organisation}",
            ),
        ]
        self.model = SignOffModel(controller, columns)
        self.table = ListTable(self.model, "Sign-offs")
        parts.tables[PATH] = self.table
        add = parts.add_button(
            self.table,
            "&Add sign-off",
            "Add an organisation whose agreement is recorded",
            lambda: SignOff(organisation="New organisation"),
            "organisation",
        )
        self.suggest = button("A&dd the partners", "Add a row for each partner of the joint post not yet listed")
        self.suggest.clicked.connect(self.add_partners)
        remove, up, down = parts.list_controls(self.table, "sign-off", "Re&move sign-off")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Sign-off suggestion")
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Record who agreed the post for each organisation. A joint post is approved by each partner's board or "
            "committee; an approval belongs to the version it was given on."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.table.message)
        layout.addWidget(self.hint)
        layout.addLayout(buttons(add, self.suggest))
        layout.addLayout(buttons(remove, up, down))
        layout.addWidget(self._details(parts))
        controller.designChanged.connect(self.refresh)
        self.refresh()

    def _details(self, parts: EditorParts) -> QGroupBox:
        """The role, version and comment of the sign-off selected in the table."""
        box = QGroupBox()
        b = parts.binder

        def said(attr: str) -> Column:
            return Column(attr, attr, subject=f"The {attr} for {{item.organisation}}")

        role = b.line(selected_field(self.table, "role"), say=said_under(self.table, said("role")))
        version = b.line(selected_field(self.table, "version"), say=said_under(self.table, said("version")))
        comment = b.line(selected_field(self.table, "comment"), say=said_under(self.table, said("comment")))
        #: The selected sign-off's fields by name.
        self.fields: dict[str, QWidget] = {"role": role.widget, "version": version.widget, "comment": comment.widget}
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, binding, tip in (
            (
                "&Role",
                role,
                "Their role, or the board or committee that decided (for example Health and wellbeing board).",
            ),
            ("Vers&ion", version, "The version of the design the decision was given on."),
            ("Comme&nt", comment, "What they asked for, or any condition of the approval."),
        ):
            binding.widget.setToolTip(tip)
            binding.widget.setAccessibleName(f"{caption.replace('&', '')} of the selected sign-off")
            text = QLabel(caption)
            text.setBuddy(binding.widget)
            form.addRow(text, binding.widget)

        def show() -> None:
            row = self.table.current_row()
            shown = self.model.shown
            signoff = shown[row] if 0 <= row < len(shown) else None
            box.setEnabled(signoff is not None)
            box.setTitle("Choose a sign-off in the table" if signoff is None else f"Sign-off by {signoff.organisation}")
            for binding in (role, version, comment):
                binding.refresh()

        parts.follow_selection(self.table, show)
        return box

    def add_partners(self) -> None:
        """A pending row for every partner not yet listed, as one undoable step."""
        names = missing_partners(self.controller)
        if not names:
            return
        design = self.controller.design
        rows = [SignOff(organisation=name) for name in names]
        self.controller.apply(
            "Add the partners' sign-offs", design.model_copy(update={"signoffs": [*design.signoffs, *rows]})
        )
        self.table.select_row(len(design.signoffs), "name")

    def refresh(self) -> None:
        names = missing_partners(self.controller)
        self.suggest.setEnabled(bool(names))
        self.suggest.setText(f"A&dd the partners ({len(names)})" if names else "A&dd the partners")
        text = f"Not yet listed: {', '.join(names)}." if names else ""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))
