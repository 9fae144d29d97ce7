# mypy: disable-error-code="no-untyped-call"
"""How the dialogs and the main window look and read: message colours in light and dark
palettes, layouts that make room for messages, the toolbar, the status bar and the About box."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QToolBar, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.domain.findings import Finding, Severity
from roledesigner.files.designfile import save_design
from roledesigner.files.settings import Settings
from roledesigner.gui.dialogs.about import RESEARCH, about_text
from roledesigner.gui.dialogs.batch import BatchExportDialog
from roledesigner.gui.dialogs.settings import SettingsDialog
from roledesigner.gui.mainwindow import EDITOR_WIDTH, LIBRARY_WIDTH, PREVIEW_WIDTH, MainWindow
from roledesigner.gui.widgets.colours import MESSAGE_CONTRAST, contrast, message_colour
from roledesigner.library.catalogue import Library


def dark_palette() -> QPalette:
    """A dark palette such as a desktop's dark mode gives (the Fusion style's colours, darkened)."""
    palette = QPalette()
    window, base, text = QColor(45, 45, 45), QColor(30, 30, 30), QColor(230, 230, 230)
    for role, colour in (
        (QPalette.ColorRole.Window, window),
        (QPalette.ColorRole.WindowText, text),
        (QPalette.ColorRole.Base, base),
        (QPalette.ColorRole.AlternateBase, window),
        (QPalette.ColorRole.Text, text),
        (QPalette.ColorRole.Button, window),
        (QPalette.ColorRole.ButtonText, text),
        (QPalette.ColorRole.Highlight, QColor(42, 130, 218)),
        (QPalette.ColorRole.HighlightedText, QColor("black")),
    ):
        palette.setColor(role, colour)
    return palette


def light_palette() -> QPalette:
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(239, 239, 239))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("black"))
    return palette


@pytest.fixture
def dark_app() -> Iterator[QApplication]:
    """The whole application in a dark palette for one test, then back as it was."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    app.setPalette(dark_palette())
    try:
        yield app
    finally:
        app.setPalette(before)


def text_contrast(label: QLabel, window: QWidget) -> float:
    """The contrast of a label's text with the window behind it, as drawn (style sheet applied)."""
    label.ensurePolished()
    text = label.palette().color(QPalette.ColorRole.WindowText)
    return contrast(text, window.palette().color(QPalette.ColorRole.Window))


def settings_with_problems(qtbot: QtBot, library: Library) -> SettingsDialog:
    dialog = SettingsDialog(Settings(), library)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.hours_edit.setText("abc")
    return dialog


def settings_messages(dialog: SettingsDialog) -> list[QLabel]:
    shown = [entry.message for entry in dialog._fields.values() if entry.message.isVisible()]
    assert shown
    return shown


def batch_with_problem(qtbot: QtBot) -> BatchExportDialog:
    dialog = BatchExportDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.destination_edit.setText("/no/such/folder/at/all")
    assert dialog.destination_note.isVisible()
    return dialog


# --- message colours -------------------------------------------------------------------------


def test_settings_messages_read_on_a_light_and_on_a_dark_palette(qtbot: QtBot, library: Library) -> None:
    dialog = settings_with_problems(qtbot, library)
    for palette in (light_palette(), dark_palette(), light_palette()):
        dialog.setPalette(palette)
        for message in settings_messages(dialog):
            assert text_contrast(message, dialog) >= MESSAGE_CONTRAST


def test_settings_messages_read_when_opened_in_a_dark_palette(
    qtbot: QtBot, library: Library, dark_app: QApplication
) -> None:
    dialog = settings_with_problems(qtbot, library)
    for message in settings_messages(dialog):
        assert text_contrast(message, dialog) >= MESSAGE_CONTRAST


def test_batch_folder_message_reads_on_a_light_and_on_a_dark_palette(qtbot: QtBot) -> None:
    dialog = batch_with_problem(qtbot)
    for palette in (light_palette(), dark_palette(), light_palette()):
        dialog.setPalette(palette)
        assert text_contrast(dialog.destination_note, dialog) >= MESSAGE_CONTRAST


def test_batch_folder_message_reads_when_opened_in_a_dark_palette(qtbot: QtBot, dark_app: QApplication) -> None:
    dialog = batch_with_problem(qtbot)
    assert text_contrast(dialog.destination_note, dialog) >= MESSAGE_CONTRAST


@pytest.mark.parametrize("grey", [0, 30, 45, 80, 110, 119, 120, 136, 160, 200, 239, 255])
def test_the_message_red_keeps_its_contrast_on_any_grey_window(grey: int) -> None:
    palette = QPalette()
    window = QColor(grey, grey, grey)
    palette.setColor(QPalette.ColorRole.Window, window)
    colour = message_colour(palette)
    assert contrast(colour, window) >= MESSAGE_CONTRAST
    assert colour.red() > colour.green() or colour in (QColor("black"), QColor("white"))  # still a red


# --- the settings dialog makes room for its messages -----------------------------------------


def layout_problems(dialog: SettingsDialog) -> list[str]:
    """What a user would see wrong: a message cut short or over its field, OK or Cancel out of view."""
    found = []
    for entry in dialog._fields.values():
        message = entry.message
        if not message.isVisible():
            continue
        if message.height() < message.heightForWidth(message.width()):
            found.append(
                f"{entry.key}: message cut short ({message.height()} of {message.heightForWidth(message.width())} px)"
            )
        message_top = message.mapTo(dialog, QPoint(0, 0)).y()
        edit_bottom = entry.edit.mapTo(dialog, QPoint(0, entry.edit.height())).y()
        if message_top < edit_bottom:
            found.append(f"{entry.key}: message over its field")
    boxes = dialog.button_box.geometry()
    if not dialog.rect().contains(boxes):
        found.append(f"OK and Cancel out of view ({boxes} in {dialog.rect()})")
    return found


def long_path(tmp_path: Path, name: str) -> Path:
    return tmp_path.joinpath(*["a-rather-long-folder-name-on-a-shared-drive"] * 6, name)


def test_settings_dialog_grows_for_two_messages_with_long_paths(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    dialog = SettingsDialog(Settings(), library)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    height = dialog.height()
    dialog.logo_edit.setText(str(long_path(tmp_path, "logo.png")))
    dialog.template_edit.setText(str(long_path(tmp_path, "house style.docx")))
    dialog.hours_edit.setText("abc")
    qtbot.waitUntil(lambda: len(dialog.problems()) == 3)
    assert dialog.logo_edit.text() in dialog.problems()["organisation_logo"]
    qtbot.waitUntil(lambda: not layout_problems(dialog), timeout=2000)
    assert dialog.height() > height
    assert dialog.ok_button.isVisible()
    # Put right, the messages go and everything still fits.
    dialog.hours_edit.setText("37.5")
    dialog.logo_edit.setText("")
    qtbot.waitUntil(lambda: set(dialog.problems()) == {"word_template"})
    qtbot.wait(50)
    assert layout_problems(dialog) == []


def test_settings_dialog_cannot_be_made_too_short_for_its_messages(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    dialog = SettingsDialog(Settings(), library)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.logo_edit.setText(str(long_path(tmp_path, "logo.png")))
    qtbot.waitUntil(lambda: "organisation_logo" in dialog.problems())
    qtbot.waitUntil(lambda: not layout_problems(dialog), timeout=2000)
    dialog.resize(dialog.width(), 100)
    qtbot.wait(50)
    assert layout_problems(dialog) == []


# --- the main window -------------------------------------------------------------------------


@pytest.fixture
def window(new_window: MainWindow) -> MainWindow:
    """Not shown yet: these tests show it themselves, to see the first layout (see conftest)."""
    return new_window


def pane_widths(win: MainWindow) -> tuple[int, int, int]:
    return win.library_dock.width(), win.editor.width(), win.preview_dock.width()


def test_the_default_layout_gives_the_preview_its_width_before_the_library_more_than_its_least(
    window: MainWindow, qtbot: QtBot
) -> None:
    # A library panel that can be narrower than it is today (its filters set its least width).
    window.library_panel.setMinimumWidth(200)
    QApplication.processEvents()  # before the window is shown: the default layout waits for it
    window.show()
    qtbot.waitUntil(lambda: window.preview_dock.width() == PREVIEW_WIDTH, timeout=2000)
    library, editor, _preview = pane_widths(window)
    assert editor >= max(EDITOR_WIDTH, window.editor.minimumSizeHint().width())
    assert 200 <= library <= LIBRARY_WIDTH
    # A wider window widens the editor, not the library or the preview.
    window.resize(1600, 900)
    window.reset_layout()
    qtbot.waitUntil(lambda: pane_widths(window)[0] == LIBRARY_WIDTH, timeout=2000)
    assert window.preview_dock.width() == PREVIEW_WIDTH
    assert window.editor.width() > editor


def test_the_default_layout_never_squeezes_the_editor_or_the_library_below_their_least(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.show()
    qtbot.waitUntil(lambda: not window._default_layout_pending, timeout=2000)
    QApplication.processEvents()  # the docks take their new widths
    library, editor, preview = pane_widths(window)
    least_library = window.library_dock.minimumSizeHint().width()
    least_editor = max(EDITOR_WIDTH, window.editor.minimumSizeHint().width())
    assert library >= least_library
    assert editor >= least_editor
    assert preview <= PREVIEW_WIDTH
    if preview < PREVIEW_WIDTH:  # short of room: the preview has everything the other two can spare
        assert library == least_library
        assert editor <= max(least_editor, window.editor.minimumSizeHint().width())


# --- the status bar --------------------------------------------------------------------------


def finding(severity: Severity) -> Finding:
    return Finding(f"test.{severity.value}", severity, "Something to look at.", "title")


@pytest.mark.parametrize(
    ("severities", "expected"),
    [
        ([], "Review: nothing to fix"),
        ([Severity.WARNING] * 2 + [Severity.INFO] * 13, "Review: 2 warnings, 13 for information"),
        ([Severity.ERROR, Severity.WARNING, Severity.INFO], "Review: 1 error, 1 warning, 1 for information"),
        ([Severity.ERROR] * 3, "Review: 3 errors"),
    ],
)
def test_the_status_bar_counts_findings_in_plain_words(
    window: MainWindow, severities: list[Severity], expected: str
) -> None:
    window.preview.findings.set_findings([finding(severity) for severity in severities])
    window._update_status()
    assert window.findings_label.text() == expected
    assert "infos" not in window.findings_label.text()


# --- the toolbar -----------------------------------------------------------------------------


def test_the_toolbar_keeps_still_while_undo_and_redo_name_the_step(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    toolbar = window.findChild(QToolBar, "MainToolbar")
    assert isinstance(toolbar, QToolBar)
    undo = toolbar.widgetForAction(window.undo_action)
    redo = toolbar.widgetForAction(window.redo_action)
    export_word = toolbar.widgetForAction(window.export_word_action)
    assert isinstance(undo, QToolButton) and isinstance(redo, QToolButton)
    place = export_word.geometry()

    assert window.controller.set_field("grade", "Very senior manager") is None
    assert window.controller.set_field("title", "Integrated care system executive lead") is None
    QApplication.processEvents()
    assert window.undo_action.text().startswith("&Undo ") and len(window.undo_action.text()) > len("&Undo ")
    step = window.undo_action.text().removeprefix("&Undo ")
    assert (undo.text(), redo.text()) == ("Undo", "Redo")
    assert step in undo.toolTip()
    assert export_word.geometry() == place

    window.undo_action.trigger()
    QApplication.processEvents()
    assert step in window.redo_action.text() and step in redo.toolTip()
    assert (undo.text(), redo.text()) == ("Undo", "Redo")
    assert export_word.geometry() == place


# --- the batch export dialog starts from the open design ---------------------------------------


def open_batch(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> BatchExportDialog:
    """Export several designs from the File menu; the dialog as it opens (not run modally)."""
    opened: list[BatchExportDialog] = []

    def exec_(self: BatchExportDialog) -> int:
        opened.append(self)
        return 0

    monkeypatch.setattr(BatchExportDialog, "exec", exec_)
    window.batch_action.trigger()
    assert len(opened) == 1
    return opened[0]


def test_export_several_starts_with_the_open_design_and_its_folder(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "designs" / "lead.roledesign"
    path.parent.mkdir()
    save_design(sample_design(window.controller.library), path)
    assert window.open_file(path)
    dialog = open_batch(window, monkeypatch)
    assert dialog.designs() == [path]
    assert dialog.destination() == path.parent
    assert dialog.export_button.isEnabled()
    assert "not saved" not in dialog.designs_note.text()


def test_export_several_says_when_the_open_design_has_unsaved_changes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "lead.roledesign"
    save_design(sample_design(window.controller.library), path)
    assert window.open_file(path)
    assert window.controller.set_field("grade", "Very senior manager") is None
    dialog = open_batch(window, monkeypatch)
    assert dialog.designs() == [path]
    assert dialog.designs_note.text() == (
        "lead.roledesign has changes that are not saved yet: its document is made from the file as last saved. "
        "Save it first to include them."
    )


def test_export_several_starts_empty_with_a_design_never_saved(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert window.controller.path is None
    dialog = open_batch(window, monkeypatch)
    assert dialog.designs() == []
    assert dialog.destination() is None
    assert not dialog.export_button.isEnabled()


# --- the About box ---------------------------------------------------------------------------


def about_words() -> str:
    """The About box's text as read: tags gone, entities decoded, spaces collapsed."""
    text = html.unescape(re.sub(r"<[^>]+>", " ", about_text()))
    return re.sub(r"\s+([,.;:?!])", r"\1", " ".join(text.split()))


def test_the_about_text_has_no_doubled_or_clashing_punctuation() -> None:
    words = about_words()
    assert "?:" not in words, "a question mark followed by a colon"
    assert not re.search(r"[?!.:;,][.:;,]", words), re.search(r".{30}[?!.:;,][.:;,].{10}", words)
    assert "systems? –" in words  # the title that ends in a question mark is followed by a dash


def test_the_about_text_says_what_the_app_does_today() -> None:
    words = about_words()
    assert "Word or PDF files" in words
    assert "the skills that system leaders need" in words
    for author, title, _publisher, gives in RESEARCH:
        assert f"{author}, {title}" in words
        assert f"{gives}." in words


def test_library_entry_messages_are_readable_in_a_dark_theme(
    dark_app: QApplication, qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    from roledesigner.gui.library.entrydialog import EntryDialog

    dialog = EntryDialog("capability", library, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    name = dialog.inputs["name"]
    assert isinstance(name, QLineEdit)
    qtbot.keyClicks(name, "x")
    qtbot.keyClick(name, Qt.Key.Key_Backspace)
    assert dialog.message("name") == "Name is required."
    assert text_contrast(dialog.messages["name"], dialog) >= MESSAGE_CONTRAST
    assert text_contrast(dialog.status, dialog) >= MESSAGE_CONTRAST
