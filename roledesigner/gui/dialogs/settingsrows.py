"""The settings dialog's rows for the documents and the app's look: the export file-name pattern
with its names and a live example, the draft mark, and the theme; and two small helpers its
path rows share. Kept apart from `settings.py`, which builds and checks the path rows."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit

from roledesigner.documents.filenames import DEFAULT_PATTERN, export_file_name
from roledesigner.domain.models import RoleDesign
from roledesigner.files.locations import ENV_CONFIG_DIR
from roledesigner.files.settings import Settings, Theme, settings_path
from roledesigner.files.settingscheck import FILE_NAME_PLACEHOLDERS, check_file_name, path_from_text
from roledesigner.gui.theme import THEME_LABELS

#: The post the live example names: what each placeholder stands for, in a name a person knows.
EXAMPLE = RoleDesign(
    title="Place director",
    employer="North Shire Integrated Care Board",
    job_reference="ICB-0423",
    version="2",
)
FILE_NAME_HELP = (
    "How exported files are named. Write any text, with these names in braces filled in from the design: "
    + ", ".join(f"{{{name}}}" for name in FILE_NAME_PLACEHOLDERS)
    + f". The default is {DEFAULT_PATTERN}. Names are cut to the 90 characters NHS Jobs allows."
)


def file_name_example(pattern: str, organisation: str) -> str:
    """The names a pattern may use and, for a pattern that is fine, what it names the example post's Word file."""
    names = f"Names: {', '.join(f'{{{n}}}' for n in FILE_NAME_PLACEHOLDERS)}."
    if check_file_name(pattern) is not None:
        return names
    return f"{names} For example: {export_file_name(EXAMPLE, '.docx', organisation, pattern)}"


def example_label() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setAccessibleName("Example export file name")
    return label


def draft_check(settings: Settings) -> QCheckBox:
    box = QCheckBox("Mark documents &Draft until approved")
    box.setChecked(settings.show_draft_mark)
    box.setAccessibleName("Mark documents Draft until approved")
    box.setToolTip(
        "Every exported document says 'Draft' in red in its header until the post's status is approved "
        "or advertised. Turn off to leave the header plain."
    )
    return box


def theme_combo(settings: Settings) -> QComboBox:
    combo = QComboBox()
    for theme, text in THEME_LABELS.items():
        combo.addItem(text, theme)
    combo.setCurrentIndex(max(0, combo.findData(settings.theme)))
    combo.setAccessibleName("Appearance")
    combo.setToolTip("The app's colours: the same as your computer's, or always light, or always dark.")
    return combo


def chosen_theme(combo: QComboBox) -> Theme:
    theme = combo.currentData()
    return theme if theme in THEME_LABELS else "system"


def look_read_only(edit: QLineEdit) -> None:
    """A read-only field takes the window's background, so it does not look like one to type in."""
    palette = edit.palette()
    palette.setColor(QPalette.ColorRole.Base, palette.color(QPalette.ColorRole.Window))
    edit.setPalette(palette)


def text_of(path: Path | None) -> str:
    return "" if path is None else str(path)


def start_folder(text: str) -> str:
    """Where a file or folder chooser starts for a field holding `text`: the nearest folder that exists."""
    path = path_from_text(text)
    while path is not None and not path.is_dir() and path.parent != path:
        path = path.parent
    return str(path if path is not None and path.is_dir() else Path.home())


def settings_file_row(form: QFormLayout, width: int) -> QLineEdit:
    """The last row: where the settings are saved, read-only."""
    edit = QLineEdit(str(settings_path()))
    edit.setReadOnly(True)
    look_read_only(edit)
    edit.setCursorPosition(0)
    edit.setMinimumWidth(width)
    edit.setAccessibleName("Settings file location")
    tip = "Where these settings are saved. It cannot be changed here."
    if os.environ.get(ENV_CONFIG_DIR):
        tip += f" The environment variable {ENV_CONFIG_DIR} chose this folder."
    edit.setToolTip(tip)
    edit.setAccessibleDescription(tip)
    label = QLabel("Settings &file")
    label.setBuddy(edit)
    label.setToolTip(tip)
    form.addRow(label, edit)
    return edit
