"""The role editor: every part of a design, in tabs, bound to the controller.

Widgets only show and pass on; the controller and the core decide. `focus_field()` takes a
finding's field path and shows that field, so a double-click in the review jumps there.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from roledesigner.documents.weekchart import week_chart
from roledesigner.documents.wording import split_totals_sentence, time_sentences
from roledesigner.domain.edits import parse_path, set_value
from roledesigner.domain.joint import splits_complete
from roledesigner.domain.models import (
    Criterion,
    JointArrangement,
    Partner,
    Relationship,
    Responsibility,
)
from roledesigner.domain.vocabulary import (
    AllocationUnit,
    Assessment,
    Contract,
    CriterionCategory,
    Footprint,
    Function,
    LegalBasis,
    Requirement,
    ResponsibilityKind,
    Sector,
    Status,
    Terms,
    Weekday,
    label,
)
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.binding import ERROR_STYLE, Binder, Binding, OnFocusOut, error_label, with_message
from roledesigner.gui.editor.tables import ChoiceDelegate, Column, ListTableModel
from roledesigner.gui.widgets.mime import CAPABILITY_MIME

#: The tabs' titles, short enough for all seven to show in the editor's width at 1280 x 800 with
#: both docks open, and each tab's full description, shown as its tooltip.
TABS = ["Overview", "Purpose", "Responsibilities", "Capabilities", "Time", "Joint post", "Support"]
TAB_TIPS = [
    "Overview: job title, footprint, grade, contract and reporting lines",
    "Job purpose and system context",
    "Responsibilities: system and organisational",
    "Capabilities and the person specification",
    "Protected time: contracted hours, system work, protected days and learning time",
    "Joint post: partners, host employer, funding and time shares",
    "Support and development, job stability and working relationships",
]


def _assessed(item: object, _controller: object) -> str:
    methods = getattr(item, "assessed_by", [])
    return ", ".join(label(m) for m in methods) if methods else "Not yet set"


def _capability_name(item: object, controller: DocumentController) -> str:
    return controller.capability_name(getattr(item, "id", ""))


def _capability_domain(item: object, controller: DocumentController) -> str:
    capability = controller.library.capabilities.get(getattr(item, "id", ""))
    return controller.library.domain_name(capability.domain) if capability else "Not in the library"


class ListTable(QTableView):
    """A table over one list of the design, with its buttons' common moves, and `message`: the
    label beneath it saying why an edit was refused (place it in the page's layout).

    Short columns fit their contents; the columns that carry text share the rest of the width
    by their `stretch` and wrap, and every row is as tall as its contents, so nothing is cut.
    """

    def __init__(self, model: ListTableModel, name: str) -> None:
        super().__init__()
        self.setModel(model)
        self.list_model = model
        self.setAccessibleName(name)
        self.message = error_label()
        model.problemChanged.connect(self.show_message)
        # Every edit resets the model (it reads the new design): keep the user's place through it.
        self._kept: tuple[int, int] | None = None
        model.modelAboutToBeReset.connect(self._keep_current)
        model.modelReset.connect(self._restore_current)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setMinimumSectionSize(self.fontMetrics().height() + 10)  # room to click
        header = self.horizontalHeader()
        header.setStretchLastSection(False)
        for index, column in enumerate(model.columns):
            if column.choices is not None:
                self.setItemDelegateForColumn(index, ChoiceDelegate(column.choices, self))
            mode = QHeaderView.ResizeMode.Fixed if column.stretch else QHeaderView.ResizeMode.ResizeToContents
            header.setSectionResizeMode(index, mode)
        self._fitting = False
        header.sectionResized.connect(self._section_resized)
        model.modelReset.connect(self.fit_columns)
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )

    def show_message(self, message: str) -> None:
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.setAccessibleDescription(message)

    def _keep_current(self) -> None:
        index = self.currentIndex()
        self._kept = (index.row(), index.column()) if index.isValid() else None

    def _restore_current(self) -> None:
        kept, self._kept = self._kept, None
        rows = self.list_model.rowCount()
        if kept is None or rows == 0:
            return
        index = self.list_model.index(min(kept[0], rows - 1), kept[1])
        self.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )

    def fit_columns(self) -> None:
        """Share the width the fitted columns leave among the stretching ones, by their stretch.
        A stretching column is never narrower than its heading: one whose share would be gets its
        heading's width, and the others share what is left (the table scrolls sideways only when
        even the headings do not fit)."""
        columns = self.list_model.columns
        header = self.horizontalHeader()
        stretching = [i for i, c in enumerate(columns) if c.stretch]
        if self._fitting or not stretching:
            return
        spare = self.viewport().width() - sum(header.sectionSize(i) for i, c in enumerate(columns) if not c.stretch)
        least = {i: header.sectionSizeFromContents(i).width() for i in stretching}
        widths: dict[int, int] = {}
        sharing = list(stretching)
        while sharing:
            weights = sum(columns[i].stretch for i in sharing)
            narrow = [i for i in sharing if spare * columns[i].stretch // weights < least[i]]
            if not narrow:
                break
            for i in narrow:
                widths[i] = least[i]
                spare -= least[i]
                sharing.remove(i)
        weights = sum(columns[i].stretch for i in sharing)
        for n, i in enumerate(sharing, start=1):
            widths[i] = spare if n == len(sharing) else spare * columns[i].stretch // weights
            spare -= widths[i]
            weights -= columns[i].stretch
        self._fitting = True
        try:
            for i, width in widths.items():
                header.resizeSection(i, width)
        finally:
            self._fitting = False

    def _section_resized(self, index: int, _old: int, _new: int) -> None:
        if not self.list_model.columns[index].stretch:
            self.fit_columns()  # a fitted column followed its contents

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int, attr: str = "") -> None:
        column = next((i for i, c in enumerate(self.list_model.columns) if c.attr == attr), 0)
        index = self.list_model.index(row, column)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        self.setFocus()


class CapabilityTable(ListTable):
    """The role's capabilities; capabilities dragged from the library drop here."""

    dropRefused = Signal(str)

    def __init__(self, model: ListTableModel, controller: DocumentController) -> None:
        super().__init__(model, "Capabilities in this role")
        self.controller = controller
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(CAPABILITY_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(CAPABILITY_MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        if not event.mimeData().hasFormat(CAPABILITY_MIME):
            event.ignore()
            return
        capability_id = bytes(event.mimeData().data(CAPABILITY_MIME).data()).decode("utf-8")
        row = self.indexAt(event.position().toPoint()).row()
        problem = self.controller.add_capability(capability_id, None if row < 0 else row)
        if problem:
            self.dropRefused.emit(problem)
        event.acceptProposedAction()


def _buttons(*buttons: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    for button in buttons:
        row.addWidget(button)
    row.addStretch(1)
    return row


def _button(text: str, tip: str) -> QPushButton:
    button = QPushButton(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    return button


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setWidget(widget)
    return area


class RoleEditor(QTabWidget):
    """Every section of the role, one tab each."""

    def __init__(self, controller: DocumentController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.binder = Binder(controller)
        self.tables: dict[str, ListTable] = {}
        #: Each form field's caption, by the field's widget.
        self.captions: dict[QWidget, QLabel] = {}
        self.setDocumentMode(True)
        # Every tab always shows in full: the editor is never narrower than its tab bar.
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideNone)
        self.setAccessibleName("Role editor")
        for title, tip, page in zip(
            TABS,
            TAB_TIPS,
            [
                self._overview(),
                self._purpose(),
                self._responsibilities(),
                self._capabilities(),
                self._time(),
                self._joint(),
                self._development(),
            ],
            strict=True,
        ):
            self.setTabToolTip(self.addTab(page, title), tip)
        # The picture of the week takes a few milliseconds to paint: redraw a moment after typing.
        self.picture_timer = QTimer(self)
        self.picture_timer.setSingleShot(True)
        self.picture_timer.setInterval(150)
        self.picture_timer.timeout.connect(self._update_picture)
        controller.designChanged.connect(self._refresh_extras)
        self._refresh_extras()

    # --- helpers -----------------------------------------------------------------------------

    def _form(self, rows: list[tuple[str, Binding | QWidget, str]]) -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for text, item, tip in rows:
            widget = with_message(item) if isinstance(item, Binding) else item
            target = item.widget if isinstance(item, Binding) else item
            target.setToolTip(tip)
            target.setAccessibleName(text.replace("&", ""))
            caption = QLabel(text)
            caption.setBuddy(target)
            self.captions[target] = caption
            form.addRow(caption, widget)
        return form

    def _table(self, path: str, columns: list[Column], name: str, noun: str) -> ListTable:
        table = ListTable(ListTableModel(self.controller, path, columns, noun), name)
        self.tables[path] = table
        return table

    # --- pages -------------------------------------------------------------------------------

    def _overview(self) -> QWidget:
        b = self.binder
        page = QWidget()
        form = self._form(
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
        return _scroll(page)

    def _purpose(self) -> QWidget:
        b = self.binder
        page = QWidget()
        form = self._form(
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

    def _responsibilities(self) -> QWidget:
        table = self._table(
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
        add_system = self._add_button(
            table,
            "responsibilities",
            "Add &system responsibility",
            "Add a responsibility for work across organisations",
            lambda: Responsibility(text="New responsibility", kind=ResponsibilityKind.SYSTEM),
            "text",
        )
        add_org = self._add_button(
            table,
            "responsibilities",
            "Add &organisational responsibility",
            "Add a responsibility for the employing organisation",
            lambda: Responsibility(text="New responsibility", kind=ResponsibilityKind.ORGANISATIONAL),
            "text",
        )
        remove, up, down = self._list_controls(table, "responsibilities", "responsibility")
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel("Write what the post does and decides. Mark work across organisations as system work."))
        layout.addWidget(table)
        layout.addWidget(table.message)
        layout.addLayout(_buttons(add_system, add_org))
        layout.addLayout(_buttons(remove, up, down))
        return page

    def _list_controls(self, table: ListTable, path: str, noun: str) -> tuple[QPushButton, QPushButton, QPushButton]:
        """Remove, Move up and Move down buttons for one list of the design."""
        remove = _button(f"Remove {noun}", f"Remove the selected {noun}")
        up = _button("Move up", f"Move the selected {noun} up")
        down = _button("Move down", f"Move the selected {noun} down")

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

    def _add_button(
        self, table: ListTable, path: str, text: str, tip: str, make: Callable[[], Any], edit_attr: str
    ) -> QPushButton:
        """A button that appends a new item to the list at `path` and starts editing it."""
        button = _button(text, tip)

        def add() -> None:
            count = table.list_model.rowCount()
            if self.controller.insert(path, count, make(), text.replace("&", "")) is None:
                table.select_row(count, edit_attr)
                table.edit(table.currentIndex())

        button.clicked.connect(add)
        return button

    def _assessment_box(self, table: ListTable, path: str) -> QGroupBox:
        box = QGroupBox("How the selected row is assessed")
        box.setObjectName(f"{path}_assessment")
        row = QHBoxLayout(box)
        checks: dict[Assessment, QCheckBox] = {}
        for method in Assessment:
            check = QCheckBox(label(method))
            check.setAccessibleName(f"Assessed by {label(method).lower()}")
            checks[method] = check
            row.addWidget(check)
        row.addStretch(1)

        def show() -> None:
            index = table.current_row()
            items = table.list_model.items()
            box.setEnabled(0 <= index < len(items))
            chosen = set(items[index].assessed_by) if 0 <= index < len(items) else set()
            for method, check in checks.items():
                check.blockSignals(True)
                check.setChecked(method in chosen)
                check.blockSignals(False)

        def changed() -> None:
            index = table.current_row()
            if index >= 0:
                methods = [m.value for m, c in checks.items() if c.isChecked()]
                self.controller.set_field(f"{path}[{index}].assessed_by", methods)

        for check in checks.values():
            check.toggled.connect(changed)
        table.selectionModel().currentChanged.connect(lambda *_: show())
        self.controller.designChanged.connect(show)
        show()
        return box

    def _capabilities(self) -> QWidget:
        model = ListTableModel(
            self.controller,
            "capabilities",
            [
                Column("Capability", "", editable=False, show=_capability_name, stretch=3),
                Column("Framework domain", "", editable=False, show=_capability_domain, stretch=2),
                Column("Essential or\ndesirable", "requirement", Requirement),
                Column("How assessed", "", editable=False, show=_assessed, stretch=2),
            ],
            "capability",
        )
        capabilities = CapabilityTable(model, self.controller)
        self.tables["capabilities"] = capabilities
        self.capability_message = capabilities.message  # a refused edit or a refused drop
        capabilities.dropRefused.connect(self.show_capability_message)
        remove, up, down = self._list_controls(capabilities, "capabilities", "capability")

        criteria = self._table(
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
        add = self._add_button(
            criteria,
            "criteria",
            "Add criterion",
            "Add a person-specification criterion not tied to a capability",
            lambda: Criterion(text="New criterion"),
            "text",
        )
        remove_criterion, up_c, down_c = self._list_controls(criteria, "criteria", "criterion")

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(
            QLabel("Add capabilities from the library: double-click one, drag it here, or use its Add to role button.")
        )
        layout.addWidget(capabilities, 3)
        layout.addWidget(self.capability_message)
        layout.addLayout(_buttons(remove, up, down))
        layout.addWidget(self._assessment_box(capabilities, "capabilities"))
        layout.addWidget(QLabel("Other criteria: qualifications, experience, knowledge and other requirements."))
        layout.addWidget(criteria, 2)
        layout.addWidget(criteria.message)
        layout.addLayout(_buttons(add, remove_criterion))
        layout.addLayout(_buttons(up_c, down_c))
        layout.addWidget(self._assessment_box(criteria, "criteria"))
        return page

    def show_capability_message(self, message: str) -> None:
        self.tables["capabilities"].list_model.say(message)

    def _time(self) -> QWidget:
        b = self.binder
        page = QWidget()
        layout = QVBoxLayout(page)
        self.pa_basis = QCheckBox("Counted in programmed activities (4 hours each)")
        self.pa_basis.setAccessibleName("Job plan in programmed activities")
        self.pa_basis.toggled.connect(self._pa_basis_changed)
        self.pa_binding = b.line("time.contracted_programmed_activities", number=True)
        # Emptied while typed in, the job plan goes (no programmed activities): the field stays
        # open for a new figure until the user moves on.
        OnFocusOut(self.pa_binding.widget, self._enable_pa_field)
        self.hours_binding = b.line("time.contracted_hours_per_week", number=True)
        days = QWidget()
        day_row = QHBoxLayout(days)
        day_row.setContentsMargins(0, 0, 0, 0)
        self.day_checks: dict[Weekday, QCheckBox] = {}
        for day in Weekday:
            check = QCheckBox(label(day)[:3])
            check.setAccessibleName(f"Protect {label(day)}")
            check.setToolTip(f"Keep {label(day)}s free of organisational commitments")
            check.toggled.connect(self._days_changed)
            self.day_checks[day] = check
            day_row.addWidget(check)
        day_row.addStretch(1)
        form = self._form(
            [
                (
                    "Contracted &hours a week",
                    self.hours_binding,
                    "Full time is usually 37.5 hours. A job plan in programmed activities sets the hours itself "
                    "(4 hours each), so this field is then greyed out.",
                ),
                (
                    "&Working days a week",
                    b.line("time.working_days_per_week", number=True),
                    "Used to turn hours into days.",
                ),
                (
                    "Job plan",
                    self.pa_basis,
                    "For consultants: 10 programmed activities is a full-time week of 40 hours.",
                ),
                (
                    "Programmed &activities a week",
                    self.pa_binding,
                    "Only for a job plan in programmed activities: tick Job plan first.",
                ),
                (
                    "System work &unit",
                    b.choice(
                        "time.system_work.unit",
                        AllocationUnit,
                        setter=lambda value: self.controller.change_unit(AllocationUnit(value)),
                    ),
                    "Give system time in the unit you think in; the others follow.",
                ),
                (
                    "System work a&mount",
                    b.line("time.system_work.amount", number=True),
                    "For example 50 per cent, 2.5 days, or 2 programmed activities.",
                ),
                ("Protected &days", days, "Weekdays kept free of organisational commitments."),
                (
                    "&Learning hours a month",
                    b.line("development.learning_hours_per_month", number=True),
                    "Protected time for learning and development.",
                ),
            ]
        )
        layout.addLayout(form)
        self.time_sentence = QLabel()
        self.time_sentence.setWordWrap(True)
        self.time_sentence.setAccessibleName("Protected time, as the job description will say it")
        self.week_picture = QLabel()
        self.week_picture.setMinimumHeight(120)
        self.week_picture.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.time_sentence)
        layout.addWidget(self.week_picture)
        layout.addStretch(1)
        return _scroll(page)

    def _pa_basis_changed(self, checked: bool) -> None:
        """Ticked: a full-time job plan of 10 programmed activities to start from; unticked: none.
        Each is an undo step of its own, never merged with typing in the field."""
        design = self.controller.design
        current = design.time.contracted_programmed_activities
        path = "time.contracted_programmed_activities"
        if checked and current is None:
            self.controller.apply("Count the job plan in programmed activities", set_value(design, path, Decimal(10)))
        elif not checked and current is not None:
            self.controller.apply("Stop counting in programmed activities", set_value(design, path, None))

    def _enable_pa_field(self) -> None:
        """Programmed activities open only for a job plan counted in them; the contracted hours,
        which such a plan sets (core: timeplan.basis_hours), only when it is not."""
        field = self.pa_binding.widget
        counted = self.controller.design.time.contracted_programmed_activities is not None
        enabled = counted or field.hasFocus()
        field.setEnabled(enabled)
        self.captions[field].setEnabled(enabled)
        hours = self.hours_binding.widget
        hours.setEnabled(not counted)
        self.captions[hours].setEnabled(not counted)

    def _days_changed(self) -> None:
        days = [day.value for day, check in self.day_checks.items() if check.isChecked()]
        self.controller.set_field("time.protected_days", days)

    def _joint(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.joint_check = QCheckBox("This is a joint post between partner organisations")
        self.joint_check.setAccessibleName("Joint post")
        self.joint_check.toggled.connect(self._joint_toggled)
        layout.addWidget(self.joint_check)
        partners = self._table(
            "joint.partners",
            [
                Column("Organisation", "organisation", subject="The organisation of partner {number}", stretch=3),
                Column("Sector", "sector", Sector, stretch=2),
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
                    tooltip="This partner's share of the postholder's time, in per cent.",
                    subject="Time for {item.organisation}",
                ),
            ],
            "Partners",
            "partner",
        )
        self.partner_message = partners.message
        add = self._add_button(
            partners,
            "joint.partners",
            "Add partner",
            "Add a partner organisation",
            lambda: Partner(
                organisation="New partner",
                sector=Sector.OTHER,
                host=partners.list_model.rowCount() == 0,
                funding_percent=Decimal(0),
                time_percent=Decimal(0),
            ),
            "organisation",
        )
        remove, up, down = self._list_controls(partners, "joint.partners", "partner")
        self.joint_totals = QLabel()
        self.joint_totals.setAccessibleName("Running totals of the funding and time shares")
        self.joint_totals.setWordWrap(True)
        self.joint_area = QWidget()
        inner = QVBoxLayout(self.joint_area)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(partners)
        inner.addWidget(self.partner_message)
        inner.addLayout(_buttons(add, remove, up, down))
        inner.addWidget(self.joint_totals)
        inner.addWidget(self._partner_box(partners))
        b = self.binder
        inner.addLayout(
            self._form(
                [
                    (
                        "A&greement",
                        b.choice("joint.agreement", LegalBasis, "Not stated"),
                        "The legal basis of the joint arrangement.",
                    ),
                    (
                        "Governance &notes",
                        b.text("joint.governance_notes"),
                        "How decisions are reported to both partners' boards or members.",
                    ),
                ]
            )
        )
        layout.addWidget(self.joint_area, 1)
        return page

    def _partner_box(self, table: ListTable) -> QGroupBox:
        """The line manager, terms and honorary contract of the partner selected in the table (the
        table keeps to the figures that must add up, so it fits the editor without scrolling)."""
        box = QGroupBox()
        box.setObjectName("joint.partners_details")
        manager = QLineEdit()
        terms = QComboBox()
        for member in Terms:
            terms.addItem(label(member), member.value)
        honorary = QCheckBox("The postholder holds an honorary contract with this partner")
        #: The selected partner's fields by name, for `focus_field`.
        self.partner_fields: dict[str, QWidget] = {
            "line_manager": manager,
            "terms": terms,
            "honorary_contract": honorary,
        }
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for caption, widget, tip in (
            ("Line &manager", manager, "Who manages the postholder's work for this partner."),
            ("&Terms and conditions", terms, "The terms and conditions this partner employs on."),
            ("Honorary contract", honorary, "An honorary contract lets the postholder act for this partner."),
        ):
            widget.setToolTip(tip)
            widget.setAccessibleName(f"{caption.replace('&', '')} of the selected partner")
            text = QLabel(caption)
            text.setBuddy(widget)
            form.addRow(text, widget)

        def selected() -> tuple[int, Partner | None]:
            row = table.current_row()
            items = table.list_model.items()
            return (row, items[row]) if 0 <= row < len(items) else (row, None)

        def show() -> None:
            _row, partner = selected()
            box.setEnabled(partner is not None)
            if partner is None:
                box.setTitle("Line manager and terms: choose a partner in the table")
            else:
                box.setTitle(f"Line manager and terms at {partner.organisation}")
            for widget in (manager, terms, honorary):
                widget.blockSignals(True)
            if manager.text() != (partner.line_manager if partner else ""):
                manager.setText(partner.line_manager if partner else "")
            terms.setCurrentIndex(max(0, terms.findData(partner.terms.value if partner else Terms.OTHER.value)))
            honorary.setChecked(bool(partner and partner.honorary_contract))
            for widget in (manager, terms, honorary):
                widget.blockSignals(False)

        def changed(attr: str, value: object) -> None:
            row, partner = selected()
            if partner is not None:
                problem = self.controller.set_field(f"joint.partners[{row}].{attr}", value)
                if problem:
                    table.list_model.say(f"The {attr.replace('_', ' ')} for {partner.organisation} {problem}.")

        manager.textEdited.connect(lambda text: changed("line_manager", text))
        terms.currentIndexChanged.connect(lambda _index: changed("terms", terms.currentData()))
        honorary.toggled.connect(lambda checked: changed("honorary_contract", checked))
        table.selectionModel().currentChanged.connect(lambda *_: show())
        self.controller.designChanged.connect(show)
        show()
        return box

    def _joint_toggled(self, checked: bool) -> None:
        joint = self.controller.design.joint
        if checked and joint is None:
            self.controller.set_field("joint", JointArrangement())
        elif not checked and joint is not None:
            self.controller.set_field("joint", None)

    def _development(self) -> QWidget:
        b = self.binder
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addLayout(
            self._form(
                [
                    ("Coaching", b.check("development.coaching", "Coaching is offered"), "Offered to the postholder."),
                    (
                        "Mentoring",
                        b.check("development.mentoring", "Mentoring is offered"),
                        "Offered to the postholder.",
                    ),
                    (
                        "Peer network",
                        b.check("development.peer_network", "A peer network of system leaders"),
                        "Safe spaces to meet peers.",
                    ),
                    ("&Programmes", b.lines("development.programmes"), "Development programmes, one a line."),
                    (
                        "Job &stability",
                        b.text("stability"),
                        "How secure the post is, and what happens if structures change.",
                    ),
                ]
            )
        )
        relationships = self._table(
            "relationships",
            [
                Column("Works with", "name", subject="The name of working relationship {number}", stretch=2),
                Column("Sector", "sector", Sector, stretch=1),
            ],
            "Working relationships",
            "working relationship",
        )
        add = self._add_button(
            relationships,
            "relationships",
            "Add relationship",
            "Add a working relationship",
            lambda: Relationship(name="New contact"),
            "name",
        )
        remove, up, down = self._list_controls(relationships, "relationships", "working relationship")
        layout.addWidget(QLabel("Working relationships"))
        layout.addWidget(relationships)
        layout.addWidget(relationships.message)
        layout.addLayout(_buttons(add, remove, up, down))
        return page

    # --- what follows the design ---------------------------------------------------------------

    def _refresh_extras(self) -> None:
        design = self.controller.design
        self.time_sentence.setText(" ".join(time_sentences(design.time)))
        self.pa_basis.blockSignals(True)
        self.pa_basis.setChecked(design.time.contracted_programmed_activities is not None)
        self.pa_basis.blockSignals(False)
        self._enable_pa_field()
        for day, check in self.day_checks.items():
            check.blockSignals(True)
            check.setChecked(day in design.time.protected_days)
            check.blockSignals(False)
        self.joint_check.blockSignals(True)
        self.joint_check.setChecked(design.joint is not None)
        self.joint_check.blockSignals(False)
        self.joint_area.setEnabled(design.joint is not None)
        self.joint_totals.setText(split_totals_sentence(design.joint))
        self.joint_totals.setStyleSheet("" if splits_complete(design.joint) else ERROR_STYLE)
        self.picture_timer.start()

    def _update_picture(self) -> None:
        from roledesigner.documents.weekpicture import render_png

        chart = week_chart(self.controller.design)
        pixmap = QPixmap()
        pixmap.loadFromData(render_png(chart, width=900))
        self.week_picture.setPixmap(pixmap.scaledToWidth(520, Qt.TransformationMode.SmoothTransformation))
        self.week_picture.setAccessibleName(chart.alt_text)
        self.week_picture.setToolTip(chart.alt_text)

    # --- jumping to a field --------------------------------------------------------------------

    def focus_field(self, path: str) -> bool:
        """Show the tab and the widget (or table row and column) for a finding's field; False if
        no widget shows it. The tab is the one whose page holds the widget, so it cannot drift."""
        if not path:
            return False
        binding = self.binder.find(path)
        if binding is not None:
            return self._focus(binding.widget)
        for list_path, table in self.tables.items():
            if path == list_path or path.startswith((f"{list_path}[", f"{list_path}.")):
                parts = parse_path(path[len(list_path) :].replace("[*]", "[0]")) if path != list_path else []
                row = parts[0] if parts and isinstance(parts[0], int) else 0
                attr = next((str(part) for part in parts if isinstance(part, str)), "")
                self._show_page_of(table)
                if not table.list_model.rowCount():
                    return self._focus(table)
                table.select_row(row, attr)
                if list_path == "joint.partners" and attr in self.partner_fields:
                    self.partner_fields[attr].setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        if path == "time.protected_days":
            return self._focus(self.day_checks[Weekday.MONDAY])
        # A part of the design with no widget of its own ("joint", "development"): its first field.
        inner = [b.widget for b in self.binder.bindings if b.path.startswith(f"{path}.")]
        inner += [table for list_path, table in self.tables.items() if list_path.startswith(f"{path}.")]
        return self._focus(inner[0]) if inner else False

    def _show_page_of(self, widget: QWidget) -> None:
        """Show the tab whose page holds `widget`, found by walking up from the widget."""
        page: QWidget | None = widget
        while page is not None and self.indexOf(page) < 0:
            page = page.parentWidget()
        if page is not None:
            self.setCurrentWidget(page)

    def _focus(self, widget: QWidget) -> bool:
        self._show_page_of(widget)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return True
