"""The theme setting (system, light, dark): its palettes keep their contrast, it is applied at
start-up and when the settings change, and "system" gives back what the app started with."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QLabel,
    QStyle,
    QStyleOptionButton,
    QStyleOptionViewItem,
    QWidget,
)
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.files.designfile import save_design
from roledesigner.files.settings import Settings, load_settings, settings_path
from roledesigner.gui import theme
from roledesigner.gui.app import create_window, start_window
from roledesigner.gui.dialogs.settings import SettingsDialog
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.theme import apply_theme, dark_palette, light_palette
from roledesigner.gui.widgets.colours import MESSAGE_CONTRAST, NOTE_CONTRAST, NoteLabel, contrast, message_colour
from roledesigner.library.catalogue import Library

Role = QPalette.ColorRole
Group = QPalette.ColorGroup
#: Text and the background it is read on, in every theme.
READ_PAIRS = [
    (Role.WindowText, Role.Window),
    (Role.Text, Role.Base),
    (Role.Text, Role.AlternateBase),
    (Role.ButtonText, Role.Button),
    (Role.HighlightedText, Role.Highlight),
    (Role.ToolTipText, Role.ToolTipBase),
    (Role.Link, Role.Base),
    (Role.LinkVisited, Role.Base),
    (Role.PlaceholderText, Role.Base),
]
#: Greyed-out text need not reach AA (WCAG 1.4.3 exempts inactive controls), but must still be legible.
DISABLED_CONTRAST = 3.0


@pytest.fixture(autouse=True)
def system_theme_after() -> Iterator[None]:
    """Every test leaves the app as it started."""
    yield
    apply_theme("system")


@pytest.mark.parametrize("palette", [light_palette(), dark_palette()], ids=["light", "dark"])
def test_every_text_colour_reads_on_its_background(palette: QPalette) -> None:
    for text, background in READ_PAIRS:
        ratio = contrast(palette.color(Group.Active, text), palette.color(Group.Active, background))
        assert ratio >= MESSAGE_CONTRAST, (text, background, ratio)
    for text, background in ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button)):
        ratio = contrast(palette.color(Group.Disabled, text), palette.color(Group.Disabled, background))
        assert ratio >= DISABLED_CONTRAST, (text, ratio)
    assert contrast(message_colour(palette), palette.color(Role.Window)) >= MESSAGE_CONTRAST, "problem messages"


def test_dark_is_dark_and_light_is_light() -> None:
    assert dark_palette().color(Role.Window).lightness() < 80
    assert dark_palette().color(Role.Base).lightness() < 60
    assert light_palette().color(Role.Window).lightness() > 200
    assert light_palette().color(Role.Base) == QColor("white")


def test_applying_a_theme_changes_the_app_and_system_gives_back_what_it_started_with(qtbot: QtBot) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    started = QPalette(app.palette())
    started_style = app.style().name()
    widget = QLabel("Text")
    qtbot.addWidget(widget)
    apply_theme("dark")
    assert app.palette().color(Role.Window) == dark_palette().color(Role.Window)
    qtbot.waitUntil(lambda: is_dark(widget))  # open windows follow
    style = app.style()
    assert isinstance(style, theme.ThemeStyle) and style.baseStyle().name().lower() == "fusion"
    apply_theme("light")
    assert app.palette().color(Role.Window) == light_palette().color(Role.Window)
    apply_theme("system")
    assert app.palette().color(Role.Window) == started.color(Role.Window)
    assert app.palette().color(Role.Text) == started.color(Role.Text)
    assert app.style().name() == started_style


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(Role.Window) == dark_palette().color(Role.Window)


def labels_hard_to_read(window: QWidget) -> list[str]:
    """Every shown label whose text, as drawn, has less than AA contrast with what is behind it."""
    found = []
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        label.ensurePolished()
        text = label.palette().color(label.foregroundRole())
        own_background = "background" in label.styleSheet() or label.autoFillBackground()
        holder: QWidget = label if own_background else (label.parentWidget() or label)
        background = holder.palette().color(holder.backgroundRole())
        if contrast(text, background) < MESSAGE_CONTRAST:
            found.append(f"{label.text()[:40]!r} ({text.name()} on {background.name()})")
    return found


def every_tab_hard_to_read(window: MainWindow, qtbot: QtBot) -> list[str]:
    found: list[str] = []
    for index in range(window.editor.count()):
        window.editor.setCurrentIndex(index)
        qtbot.wait(10)
        found += [f"{window.editor.tabText(index)}: {label}" for label in labels_hard_to_read(window)]
    return sorted(set(found))


@pytest.mark.parametrize("name", ["light", "dark"])
def test_every_label_of_the_main_window_reads_in_the_theme(
    name: str, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    design = tmp_path / "Joint mental health lead.roledesign"
    save_design(sample_design(window.controller.library), design)  # every note and joint field shows
    assert window.open_file(design)
    apply_theme(name)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: is_dark(window) == (name == "dark"))
    assert every_tab_hard_to_read(window, qtbot) == []


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_settings_dialog_and_the_preview_read_in_the_theme(
    name: str, window: MainWindow, qtbot: QtBot, library: Library
) -> None:
    apply_theme(name)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: is_dark(window) == (name == "dark"))
    assert labels_hard_to_read(window) == []
    dialog = SettingsDialog(Settings(), library, window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours_edit.setText("abc")  # a problem message in red
    dialog.file_name_edit.setText("{name}")  # and another, under the example name
    qtbot.wait(20)
    assert dialog.problems()
    assert labels_hard_to_read(dialog) == []
    preview = window.preview.browser.palette()
    assert preview.color(Role.Base) == QColor("#FFFFFF"), "the preview stays a white page"


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_note_label_keeps_its_contrast_and_follows_a_change_of_theme(name: str, qtbot: QtBot) -> None:
    holder = QWidget()
    qtbot.addWidget(holder)
    note = NoteLabel("A joint post is graded on its host partner's terms.")
    note.setParent(holder)
    holder.show()
    apply_theme(name)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: is_dark(holder) == (name == "dark"))
    qtbot.waitUntil(lambda: labels_hard_to_read(holder) == [])
    text = note.palette().color(note.foregroundRole())
    assert text != holder.palette().color(Role.WindowText), "a note is lighter than the text"
    assert contrast(text, holder.palette().color(Role.Window)) >= NOTE_CONTRAST


def write_settings(**values: Any) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(values), encoding="utf-8")


def test_the_settings_theme_is_applied_when_the_window_is_filled_and_kept_for_the_next_frame(qtbot: QtBot) -> None:
    write_settings(theme="dark")
    window = create_window()
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: is_dark(window))
    window.controller.undo_stack.setClean()
    window.close()
    apply_theme("system")
    # The next start's frame is dark before the settings (and pydantic) are read.
    frame = start_window()
    qtbot.addWidget(frame)
    assert is_dark(frame)


def test_choosing_dark_in_settings_applies_it_at_once_and_saves_it(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def choose_dark(dialog: SettingsDialog) -> int:
        dialog.show()
        combo = dialog.theme_combo
        combo.setFocus()
        qtbot.keyClick(combo, Qt.Key.Key_End)  # type: ignore[no-untyped-call]  # the last: Dark
        assert combo.currentText() == "Dark"
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]
        return int(dialog.result())

    monkeypatch.setattr(SettingsDialog, "exec", choose_dark)
    window.settings_action.trigger()
    assert window.controller.settings.theme == "dark"
    qtbot.waitUntil(lambda: is_dark(window))
    assert load_settings().theme == "dark"


def test_a_theme_the_app_does_not_know_is_a_warning_and_the_defaults(tmp_path: Path) -> None:
    write_settings(theme="purple", organisation_name="North Shire")
    warnings: list[str] = []
    assert load_settings(warnings).theme == "system"
    assert len(warnings) == 1 and "theme" in warnings[0]
    assert theme.THEME_LABELS["system"] == "Same as the system"


#: WCAG 2.1 1.4.11: the parts of a control a person must see, against what is next to them.
CONTROL_CONTRAST = 3.0


def _strongest_contrast(image: QImage, area: QRect, background: QColor) -> float:
    return max(
        contrast(image.pixelColor(x, y), background)
        for x in range(area.left(), area.right() + 1)
        for y in range(area.top(), area.bottom() + 1)
    )


@pytest.mark.parametrize("name", ["light", "dark"])
def test_an_unticked_box_shows_its_border_in_a_form_and_in_a_table(name: Any, qtbot: QtBot) -> None:
    """Fusion drew an unticked box a shade off the dark background: the partners' Host column looked empty."""
    apply_theme(name)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    box = QCheckBox("Host")
    qtbot.addWidget(box)
    box.show()
    qtbot.waitExposed(box)
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    shot = box.grab().toImage()
    base = box.palette().color(Role.Base)
    assert _strongest_contrast(shot, indicator, base) >= CONTROL_CONTRAST
    # A table cell's tick box, drawn as a table draws it, on the cell's own background.
    cell = QImage(40, 40, QImage.Format.Format_ARGB32)
    cell.fill(base)
    item = QStyleOptionViewItem()
    item.rect = QRect(10, 10, 16, 16)
    item.palette = app.palette()
    item.state = QStyle.StateFlag.State_Enabled | QStyle.StateFlag.State_Off
    painter = QPainter(cell)
    app.style().drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck, item, painter)
    painter.end()
    assert _strongest_contrast(cell, item.rect, base) >= CONTROL_CONTRAST
