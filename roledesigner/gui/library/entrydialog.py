"""The form for one of the user's own library entries: a capability or an emerging role.

A thin view over `roledesigner.library.userentries`: every change turns the fields into a plain dict,
asks the core to check it, and shows each field's problem right under that field. Save stays disabled
while anything is wrong, and writes the entry to the user's library folder.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.vocabulary import AllocationUnit, CriterionCategory, Footprint, Function, Sector, label
from roledesigner.gui.library.entryform import EntryKind, fill_form, form_data, kept_fields, kept_sentence
from roledesigner.gui.widgets.colours import MessageLabel
from roledesigner.gui.widgets.formfields import combo_box, line_edit, set_text, text_box, text_of
from roledesigner.library.catalogue import Library
from roledesigner.library.userentries import (
    FIELD_LABELS,
    SUBFOLDERS,
    EntryError,
    form_messages,
    override_note,
    save_entry,
    suggest_id,
    validate_entry,
)

_HINT_STYLE = "color: #505050;"
_NOTE_STYLE = "background-color: #fff4ce; color: #3b2f00; padding: 4px;"

_WORDS = {"capability": "capability", "role": "emerging role"}


class EntryDialog(QDialog):
    """Create, adapt or edit one of the user's own capabilities or emerging roles."""

    def __init__(
        self,
        kind: EntryKind,
        library: Library,
        folder: Path,
        data: dict[str, Any] | None = None,
        editing: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._kind: EntryKind = kind
        self._library = library
        self._folder = folder
        self._editing = editing
        self._saved: Path | None = None
        self._loading = True
        #: Fields the user has changed (or that came filled in): only their problems are shown.
        self._touched: set[str] = set()
        #: For a new entry, the identifier follows the name until the user types one.
        self._id_follows_name = data is None
        self.inputs: dict[str, QWidget] = {}
        self.messages: dict[str, QLabel] = {}
        self.sector_boxes: dict[str, QCheckBox] = {}

        word = _WORDS[kind]
        if editing is not None:
            title = f"Edit your {word}"
        elif data is not None:
            title = f"Adapt a copy: new {word}"
        else:
            title = f"New {word}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.resize(780, 760 if kind == "capability" else 860)

        intro = QLabel(
            f"Your {word} is saved in your own library folder, {folder}, and appears in the library as soon as "
            "you save it. Lists take one item a line."
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro.setAccessibleName("About this form")

        # Captions above the fields: long labels and wrapped messages lay out reliably at any width.
        self.form = QVBoxLayout()
        self.form.setSpacing(12)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet(_NOTE_STYLE)
        self.note.setAccessibleName("Override note")
        self.note.setToolTip("Your entry has the same identifier as one in another library, and will be used instead")
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note.hide()
        #: Says which of the entry's fields the form keeps unchanged (a role's criteria, say).
        self.kept_note = QLabel()
        self.kept_note.setWordWrap(True)
        self.kept_note.setStyleSheet(_HINT_STYLE)
        self.kept_note.setAccessibleName("Fields kept as they are")
        self.kept_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kept_note.hide()
        #: The entry's fields the form has no input for, saved as they came.
        self._kept: dict[str, Any] = {}
        if kind == "capability":
            self._build_capability()
        else:
            self._build_role()

        self.form.addStretch(1)
        body = QWidget()
        body.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        # Always there, so the width the wrapped hints and messages were measured at never changes.
        scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)

        self.status = MessageLabel(bold=True)
        self.status.alarm(False)  # red only once something stops the save
        self.status.setAccessibleName("What is needed to save")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.save_button = QPushButton("Save to my library")
        self.save_button.setAccessibleName("Save to my library")
        self.save_button.setToolTip(
            f"Save this {word} to your own library folder. It is available only when every field is in order."
        )
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setToolTip("Close without saving")
        self.cancel_button.setAutoDefault(False)
        buttons = QDialogButtonBox()
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.save_button.clicked.connect(self._save)
        self.cancel_button.clicked.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.kept_note)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

        self._fill(data or {})
        if data is not None:
            self._touched = set(self.messages)
        self._loading = False
        self._validate()
        self.inputs["name" if data is None else "id"].setFocus(Qt.FocusReason.OtherFocusReason)

    # public

    def saved_path(self) -> Path | None:
        """After the dialog is accepted: the file the entry was saved to."""
        return self._saved

    def message(self, key: str) -> str:
        """The problem shown under a field ("" when none is shown)."""
        label_widget = self.messages.get(key)
        return label_widget.text() if label_widget is not None and not label_widget.isHidden() else ""

    def data(self) -> dict[str, Any]:
        """The fields as a plain dict in the shape of a library file, with those the form keeps."""
        return {**self._kept, **form_data(self._kind, self.inputs, self.sector_boxes)}

    # building the form

    def _build_capability(self) -> None:
        self._id_row()
        self._add_row("name", line_edit(), "The capability's name as a person specification shows it")
        domains = [(domain.name, key) for key, domain in self._library.capability_domains.items()]
        self._add_row(
            "domain",
            combo_box([("Choose a domain", None), *domains]),
            "The domain of the Systems Leadership Framework the capability is filed under",
        )
        self._add_row(
            "description",
            text_box(5),
            "What the capability is and why system leadership needs it. Leave a blank line between paragraphs.",
        )
        self._add_row(
            "indicators",
            text_box(5),
            "What good looks like: one behaviour a line",
            "One behaviour a line.",
        )
        self._add_row(
            "criterion",
            text_box(2),
            "The criterion the person specification lists for this capability",
        )
        self._add_row(
            "category",
            combo_box([(label(item), item.value) for item in CriterionCategory]),
            "The group of the person specification the criterion belongs in",
        )
        self._add_row(
            "interview_questions",
            text_box(4),
            "Questions an interview panel can ask about this capability: one a line",
            "One question a line.",
        )
        self._sources_row()

    def _build_role(self) -> None:
        self._id_row()
        self._add_row("name", line_edit(), "The emerging role's name")
        self._add_row(
            "summary",
            text_box(4),
            "What the role is and why it is emerging, for people designing posts",
        )
        self._add_row(
            "purpose",
            text_box(3),
            "The job purpose as a candidate reads it: one or two sentences, no citations (optional)",
        )
        footprints = [(label(item), item.value) for item in Footprint]
        self._add_row(
            "footprint",
            combo_box([("Choose a footprint", None), *footprints]),
            "The footprint the role works across",
        )
        functions = [(label(item), item.value) for item in Function]
        self._add_row(
            "function",
            combo_box([("Choose a function", None), *functions]),
            "The side of the leadership triangle the role sits on: executive, clinical or lay",
        )
        self._add_row("sectors", self._sector_boxes(), "The sectors that employ or share this role")
        self._add_row(
            "responsibilities",
            text_box(6),
            'One responsibility a line, starting with "system:" for work across organisations or '
            '"organisational:" for work for the employing organisation',
            'One a line, starting with "system:" or "organisational:". '
            "For example: system: Lead the place partnership.",
        )
        known = ", ".join(sorted(self._library.capabilities)) or "none are loaded"
        self._add_row(
            "capabilities",
            text_box(5),
            f'Capability identifiers, one a line; add ": desirable" after one that is desirable. Known: {known}',
            'One capability identifier a line, essential unless followed by ": desirable". '
            "For example: empathy: desirable",
        )
        amount = line_edit()
        amount.setMaximumWidth(120)
        units = combo_box([(label(item), item.value) for item in AllocationUnit])
        for key, widget in (("suggested_system_time.amount", amount), ("suggested_system_time.unit", units)):
            self._prepare(key, widget, "The protected system-work time the research suggests for the role")
        time_row = QWidget()
        time_layout = QHBoxLayout(time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.addWidget(amount)
        time_layout.addWidget(units, 1)
        self._place("suggested_system_time.amount", time_row, extra_messages=["suggested_system_time.unit"])
        self._add_row(
            "suggested_system_time.reason",
            text_box(3),
            "Why the research suggests this much time",
        )
        self._add_row(
            "considerations",
            text_box(4),
            "Things to decide or watch when designing the post: one a line (optional)",
            "One a line (optional).",
        )
        self._sources_row()

    def _id_row(self) -> None:
        self._add_row(
            "id",
            line_edit(),
            "A short identifier for files and the command line: lower-case letters, digits and underscores. "
            "Use the identifier of a bundled entry to override it with yours.",
            "Lower-case letters, digits and underscores, such as place_partnership_lead.",
            after=[self.note],
        )

    def _sources_row(self) -> None:
        known = ", ".join(sorted(self._library.sources)) or "none are loaded"
        self._add_row(
            "sources",
            text_box(3),
            f"The research this entry draws on: one source identifier a line, optionally followed by a colon "
            f"and where in the source. Known sources: {known}",
            "One source a line, such as: scie2021: Capabilities, skills and behaviours",
        )

    def _sector_boxes(self) -> QWidget:
        holder = QWidget()
        grid = QGridLayout(holder)
        grid.setContentsMargins(0, 0, 0, 0)
        for position, sector in enumerate(Sector):
            box = QCheckBox(label(sector))
            box.setAccessibleName(f"Sector: {label(sector)}")
            box.setToolTip(f"Tick if the role is found in this sector: {label(sector)}")
            box.toggled.connect(lambda _checked: self._changed("sectors"))
            self.sector_boxes[sector.value] = box
            grid.addWidget(box, position // 2, position % 2)
        return holder

    def _prepare(self, key: str, widget: QWidget, tooltip: str) -> None:
        """Name the input, give it a tooltip and a message label, and watch it for changes."""
        name = FIELD_LABELS[key]
        widget.setAccessibleName(name)
        widget.setToolTip(tooltip)
        self.inputs[key] = widget
        message = MessageLabel(bold=True)
        message.setAccessibleName(f"Problem with {name}")
        message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        message.hide()
        self.messages[key] = message
        changed: Callable[..., None] = lambda *_args: self._changed(key)  # noqa: E731
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            widget.textChanged.connect(changed)
        elif isinstance(widget, QComboBox):
            widget.currentIndexChanged.connect(changed)

    def _add_row(
        self, key: str, widget: QWidget, tooltip: str, hint: str = "", after: list[QWidget] | None = None
    ) -> None:
        self._prepare(key, widget, tooltip)
        self._place(key, widget, hint, after=after)

    def _place(
        self,
        key: str,
        widget: QWidget,
        hint: str = "",
        extra_messages: list[str] | None = None,
        after: list[QWidget] | None = None,
    ) -> None:
        caption = QLabel(f"{FIELD_LABELS[key]}:")
        caption.setBuddy(self.inputs[key])
        caption.setStyleSheet("font-weight: 600;")
        column = QVBoxLayout()
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(3)
        column.addWidget(caption)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet(_HINT_STYLE)
            column.addWidget(hint_label)
        for message_key in [key, *(extra_messages or [])]:
            column.addWidget(self.messages[message_key])
        for extra in after or []:
            column.addWidget(extra)
        self.form.addLayout(column)

    # filling and reading

    def _fill(self, data: dict[str, Any]) -> None:
        fill_form(self._kind, self.inputs, self.sector_boxes, data)
        self._kept = kept_fields(data, form_data(self._kind, self.inputs, self.sector_boxes))
        sentence = kept_sentence(self._kept)
        self.kept_note.setText(sentence)
        self.kept_note.setVisible(bool(sentence))

    def _set_line(self, key: str, value: Any) -> None:
        set_text(self.inputs[key], value)

    def _line(self, key: str) -> str:
        return text_of(self.inputs[key])

    # checking as you type

    def _changed(self, key: str) -> None:
        if self._loading:
            return
        self._touched.add(key)
        if key == "id":
            self._id_follows_name = False
        elif key == "name" and self._id_follows_name:
            self._loading = True
            try:
                self._set_line("id", suggest_id(self._line("name")))
            finally:
                self._loading = False
            if self._line("id"):
                self._touched.add("id")
        self._validate()

    def _validate(self) -> None:
        entry, problems = validate_entry(
            self._kind, self.data(), self._library, editing=self._editing, folder=self._folder
        )
        messages = form_messages(problems)
        shown: list[str] = []
        for key, message_label in self.messages.items():
            text = messages.get(key, "") if key in self._touched else ""
            message_label.setText(text)
            message_label.setVisible(bool(text))
            self.inputs[key].setAccessibleDescription(text)
            if text:
                shown.append(FIELD_LABELS.get(key, key))
        strays = [text for key, text in messages.items() if key not in self.messages]
        note = override_note(self._kind, self._line("id"), self._library) if "id" not in messages else ""
        self.note.setText(note)
        self.note.setVisible(bool(note))
        self.save_button.setEnabled(entry is not None)
        if entry is not None:
            target = self._folder / SUBFOLDERS[self._kind] / f"{entry.id}.yaml"
            self.status.setText(f"Ready to save to {target}.")
            self.status.setStyleSheet("")
            return
        waiting = [FIELD_LABELS.get(key, key) for key in messages if key in self.messages and key not in self._touched]
        parts = []
        if shown:
            parts.append(f"To save, put right the fields marked in red: {', '.join(dict.fromkeys(shown))}.")
        if waiting:
            parts.append(f"Still to fill in: {', '.join(waiting)}.")
        parts.extend(strays)
        self.status.setText(" ".join(parts))
        self.status.alarm(bool(shown or strays))

    # saving

    def _save(self) -> None:
        entry, _problems = validate_entry(
            self._kind, self.data(), self._library, editing=self._editing, folder=self._folder
        )
        if entry is None:
            self._touched = set(self.messages)
            self._validate()
            return
        try:
            self._saved = save_entry(entry, self._folder, replacing=self._editing)
        except EntryError as error:
            QMessageBox.warning(self, "Could not save", str(error))
            return
        self.accept()
