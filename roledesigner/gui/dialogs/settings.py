"""The settings dialog: thin widgets over the checks in `roledesigner.files.settingscheck`.

Each field shows its check's sentence underneath as the user types or chooses, and OK stays
disabled while any field the user can change has a problem. A field that an environment
variable overrides shows the variable's value, read-only. Saving is the caller's job.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from roledesigner.documents.templatecheck import check_template_file
from roledesigner.files.settings import (
    ENV_SHARED_LIBRARY,
    ENV_TEMPLATE,
    ENV_USER_LIBRARY,
    Settings,
    user_library_dir,
)
from roledesigner.files.settingscheck import (
    check_file_name,
    check_hours,
    check_library_folder,
    check_logo,
    path_from_text,
)
from roledesigner.gui.dialogs.settingsrows import (
    FILE_NAME_HELP,
    chosen_theme,
    draft_check,
    example_label,
    file_name_example,
    look_read_only,
    settings_file_row,
    start_folder,
    text_of,
    theme_combo,
)
from roledesigner.gui.widgets.colours import MessageLabel
from roledesigner.library.catalogue import Library

#: Path checks touch the disk (perhaps a slow network drive), so they wait for a pause in typing.
CHECK_DELAY_MS = 300
PATH_WIDTH = 380

#: Fields an environment variable can override, and the variable that wins.
OVERRIDES: dict[str, str] = {
    "word_template": ENV_TEMPLATE,
    "user_library": ENV_USER_LIBRARY,
    "shared_library": ENV_SHARED_LIBRARY,
}


@dataclass
class _Field:
    """One setting's widgets: its line edit, its buttons and the message shown under it."""

    key: str
    name: str
    help: str
    edit: QLineEdit
    message: QLabel
    check: Callable[[str], str | None]
    buttons: list[QPushButton] = field(default_factory=list)
    overridden_by: str | None = None
    problem: str | None = None


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Settings")
        self.setAccessibleName("Settings")
        self._settings = settings
        self._library = library
        self._hours: Decimal | None = settings.default_contracted_hours
        self._fields: dict[str, _Field] = {}
        self._pending: set[str] = set()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MS)
        self._timer.timeout.connect(self._check_pending)

        intro = QLabel("These settings are used for every design you write on this computer.")
        intro.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self._form.setVerticalSpacing(10)

        self.name_edit = self._add_field(
            "organisation_name",
            "&Organisation name",
            "Organisation name",
            "The employing organisation's name, shown on every job specification.",
            settings.organisation_name,
            lambda _text: None,
        )
        self.name_edit.setPlaceholderText("For example, North Shire Integrated Care Board")

        self.logo_edit = self._add_field(
            "organisation_logo",
            "Organisation &logo",
            "Organisation logo file",
            "A PNG or JPEG picture of at most 5 MB, shown at the top of every Word file. Leave empty for no logo.",
            text_of(settings.organisation_logo),
            lambda text: check_logo(path_from_text(text)),
            buttons=[
                ("Choose…", "Choose a logo file", "Choose a PNG or JPEG picture for the logo.", self._choose_logo),
                ("Clear", "Clear the logo", "Use no logo.", lambda: self._set_text("organisation_logo", "")),
            ],
        )
        self.logo_edit.setPlaceholderText("No logo")

        self.hours_edit = self._add_field(
            "default_contracted_hours",
            "Default contracted &hours a week",
            "Default contracted hours a week",
            "The contracted hours a week a new design starts with, such as 37.5. More than 0 and at most 168.",
            format(settings.default_contracted_hours, "f"),
            self._check_hours,
            width=120,
        )
        self.hours_edit.setPlaceholderText("37.5")

        self.template_edit = self._add_field(
            "word_template",
            "Word &template",
            "Word template file",
            "The Word (.docx) file job specifications are filled into. Leave empty for the built-in template.",
            text_of(settings.word_template),
            lambda text: check_template_file(path_from_text(text), self._library),
            buttons=[
                ("Choose…", "Choose a Word template", "Choose a Word (.docx) template.", self._choose_template),
                (
                    "Use the built-in template",
                    "Use the built-in template",
                    "Use the Word template that comes with Role Designer.",
                    lambda: self._set_text("word_template", ""),
                ),
            ],
        )
        self.template_edit.setPlaceholderText("The built-in template")

        default_user_library = user_library_dir(settings.model_copy(update={"user_library": None}))
        self.user_library_edit = self._add_field(
            "user_library",
            "&Personal library folder",
            "Personal library folder",
            "Your own folder of roles and capabilities, read after the shared one so your entries win. "
            f"Leave empty for {default_user_library}.",
            text_of(settings.user_library),
            lambda text: check_library_folder(path_from_text(text), "personal library"),
            buttons=[
                (
                    "Choose…",
                    "Choose your personal library folder",
                    "Choose the folder that holds your own roles and capabilities.",
                    lambda: self._choose_folder("user_library", "Choose your personal library folder"),
                ),
                (
                    "Use the default",
                    "Use the default personal library folder",
                    f"Use {default_user_library}.",
                    lambda: self._set_text("user_library", ""),
                ),
            ],
        )
        self.user_library_edit.setPlaceholderText(str(default_user_library))

        self.shared_library_edit = self._add_field(
            "shared_library",
            "&Shared library folder",
            "Shared library folder",
            "Your team's shared folder of roles and capabilities, often on a network drive. May be left empty.",
            text_of(settings.shared_library),
            lambda text: check_library_folder(path_from_text(text), "shared library"),
            buttons=[
                (
                    "Choose…",
                    "Choose the shared library folder",
                    "Choose your team's shared library folder.",
                    lambda: self._choose_folder("shared_library", "Choose the shared library folder"),
                ),
                (
                    "Clear",
                    "Clear the shared library folder",
                    "Use no shared library.",
                    lambda: self._set_text("shared_library", ""),
                ),
            ],
        )
        self.shared_library_edit.setPlaceholderText("None")

        self.file_name_example = example_label()
        self.file_name_edit = self._add_field(
            "file_name",
            "Export file &names",
            "Export file name pattern",
            FILE_NAME_HELP,
            settings.file_name,
            check_file_name,
            note=self.file_name_example,
        )
        self.name_edit.textChanged.connect(self._show_example)
        self.draft_check = draft_check(settings)
        self._form.addRow("", self.draft_check)
        self.theme_combo = theme_combo(settings)
        theme_label = QLabel("&Appearance")
        theme_label.setBuddy(self.theme_combo)
        self._form.addRow(theme_label, self.theme_combo)

        self.settings_file_edit = settings_file_row(self._form, PATH_WIDTH)

        self.button_box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.button_box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setToolTip("Keep these settings.")
        self.ok_button.setAccessibleName("OK")
        cancel = self.button_box.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setToolTip("Close without changing any setting.")
        cancel.setAccessibleName("Cancel")
        self.button_box.accepted.connect(self.accept)
        self.button_box.rejected.connect(self.reject)

        layout = self._layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(self._form)
        layout.addStretch(1)
        layout.addSpacing(8)
        layout.addWidget(self.button_box)

        self._align_buttons()
        self._set_tab_order()
        for key in self._fields:
            self._check(key)
        self._show_example()
        self._update_ok()

    # --- building ------------------------------------------------------------------------------

    def _add_field(
        self,
        key: str,
        label_text: str,
        name: str,
        help_text: str,
        text: str,
        check: Callable[[str], str | None],
        *,
        buttons: list[tuple[str, str, str, Callable[[], None]]] | None = None,
        width: int | None = None,
        note: QLabel | None = None,
    ) -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setToolTip(help_text)
        message = MessageLabel()
        message.setAccessibleName(f"Problem with the {name[0].lower()}{name[1:]}")
        message.setVisible(False)
        entry = _Field(key, name, help_text, edit, message, check)

        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(edit, 1 if width is None else 0)
        if width is None:
            edit.setMinimumWidth(PATH_WIDTH)
        else:
            edit.setFixedWidth(width)
        for button_text, button_name, button_tip, slot in buttons or []:
            button = QPushButton(button_text)
            button.setAccessibleName(button_name)
            button.setToolTip(button_tip)
            button.setAutoDefault(False)
            button.clicked.connect(slot)
            row.addWidget(button)
            entry.buttons.append(button)
        if width is not None:
            row.addStretch(1)

        container = QWidget()
        column = QVBoxLayout(container)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(row)
        if note is not None:
            column.addWidget(note)
        column.addWidget(message)

        variable = OVERRIDES.get(key)
        value = os.environ.get(variable) if variable else None
        if variable and value:
            text = value
            entry.overridden_by = variable
            edit.setReadOnly(True)
            edit.setToolTip(
                f"Set by the environment variable {variable}, which wins over this setting. "
                "Ask your IT (information technology) team to change it."
            )
            for button in entry.buttons:
                button.setEnabled(False)
                button.setToolTip(f"Not available: the environment variable {variable} sets this field.")
            note = QLabel(f"Set for this computer by the environment variable {variable}; it cannot be changed here.")
            note.setWordWrap(True)
            note.setAccessibleName(f"{name}: set by {variable}")
            look_read_only(edit)
            column.addWidget(note)

        edit.setText(text)
        edit.setCursorPosition(0)
        edit.textChanged.connect(lambda _text, key=key: self._text_changed(key))

        label = QLabel(label_text)
        label.setBuddy(edit)
        label.setToolTip(help_text)
        self._form.addRow(label, container)
        self._fields[key] = entry
        return edit

    def _align_buttons(self) -> None:
        """Buttons in the same place on each row share a width, so the path fields line up."""
        columns: dict[int, list[QPushButton]] = {}
        for entry in self._fields.values():
            for index, button in enumerate(entry.buttons):
                columns.setdefault(index, []).append(button)
        for buttons in columns.values():
            width = max(button.sizeHint().width() for button in buttons)
            for button in buttons:
                button.setFixedWidth(width)

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = []
        for entry in self._fields.values():
            chain.append(entry.edit)
            chain.extend(entry.buttons)
        chain += [self.draft_check, self.theme_combo, self.settings_file_edit, self.button_box]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- checking ------------------------------------------------------------------------------

    def _check_hours(self, text: str) -> str | None:
        self._hours, problem = check_hours(text)
        return problem

    def _show_example(self) -> None:
        self.file_name_example.setText(file_name_example(self.file_name_edit.text(), self.name_edit.text()))

    def _text_changed(self, key: str) -> None:
        if key == "file_name":
            self._show_example()
        if key in ("organisation_name", "default_contracted_hours", "file_name"):
            self._check(key)
        else:
            self._pending.add(key)
            self._timer.start()
        self._update_ok()

    def _check_pending(self) -> None:
        pending, self._pending = self._pending, set()
        for key in sorted(pending):
            self._check(key)
        self._update_ok()

    def _check(self, key: str) -> None:
        entry = self._fields[key]
        self._pending.discard(key)
        entry.problem = entry.check(entry.edit.text())
        entry.message.setText(entry.problem or "")
        entry.message.setAccessibleDescription(entry.problem or "")
        entry.message.setVisible(entry.problem is not None)
        entry.edit.setAccessibleDescription(entry.problem or entry.help)

    def _blocking(self) -> list[_Field]:
        """Fields with a problem the user can fix here; an overridden field's problem is only shown."""
        return [entry for entry in self._fields.values() if entry.problem and not entry.overridden_by]

    def _update_ok(self) -> None:
        blocking = self._blocking()
        self.ok_button.setEnabled(not blocking)
        self.ok_button.setToolTip(
            "Keep these settings." if not blocking else "Put right the problems shown in red before keeping these."
        )

    def problems(self) -> dict[str, str]:
        """Every field's current problem sentence, by setting name (for tests and callers)."""
        return {key: entry.problem for key, entry in self._fields.items() if entry.problem}

    def _make_room(self) -> None:
        """Keep every message whole at the dialog's width, and OK and Cancel in view.

        A window's layout sets its least size without asking how many lines a word-wrapped
        message needs at the width it has (a long path takes two or three), so the messages
        would overlap the fields; the least height is set here from that width instead, each
        time the layout is brought up to date.
        """
        if not self.isVisible():
            return  # the width is not known yet: showEvent makes room
        needed = self._layout.totalMinimumHeightForWidth(self.width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:
            self._make_room()  # a message appeared, went or changed: the layout is up to date now
        return handled

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._make_room()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._make_room()  # narrower: the messages may need more lines

    # --- choosing ------------------------------------------------------------------------------

    def _set_text(self, key: str, text: str) -> None:
        entry = self._fields[key]
        entry.edit.setText(text)
        entry.edit.setCursorPosition(0)
        self._check(key)
        self._update_ok()
        entry.edit.setFocus()

    def _start_folder(self, key: str) -> str:
        return start_folder(self._fields[key].edit.text())

    def _choose_logo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose a logo", self._start_folder("organisation_logo"), "Pictures (*.png *.jpg *.jpeg)"
        )
        if chosen:
            self._set_text("organisation_logo", chosen)

    def _choose_template(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, "Choose a Word template", self._start_folder("word_template"), "Word documents (*.docx)"
        )
        if chosen:
            self._set_text("word_template", chosen)

    def _choose_folder(self, key: str, caption: str) -> None:
        chosen = QFileDialog.getExistingDirectory(self, caption, self._start_folder(key))
        if chosen:
            self._set_text(key, chosen)

    # --- result --------------------------------------------------------------------------------

    def accept(self) -> None:
        """Check anything still waiting for a pause in typing; keep the dialog open on a problem."""
        self._timer.stop()
        self._check_pending()
        blocking = self._blocking()
        if blocking:
            blocking[0].edit.setFocus()
            return
        super().accept()

    def chosen_settings(self) -> Settings:
        """The settings as chosen; a field an environment variable overrides keeps its incoming value."""
        chosen: dict[str, object] = {
            "organisation_name": self.name_edit.text().strip(),
            "organisation_logo": path_from_text(self.logo_edit.text()),
            "word_template": path_from_text(self.template_edit.text()),
            "user_library": path_from_text(self.user_library_edit.text()),
            "shared_library": path_from_text(self.shared_library_edit.text()),
            "file_name": self.file_name_edit.text().strip(),
            "show_draft_mark": self.draft_check.isChecked(),
            "theme": chosen_theme(self.theme_combo),
        }
        if self._hours is not None:
            chosen["default_contracted_hours"] = self._hours
        for key, entry in self._fields.items():
            if entry.overridden_by:
                chosen.pop(key, None)
        return Settings.model_validate({**self._settings.model_dump(), **chosen})
