"""The settings dialog's fields for the documents and the look: the draft mark, the export
file-name pattern (its names, a live example, a refusal of names it does not know) and the theme."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from roledesigner.files.settings import Settings
from roledesigner.gui.dialogs.settings import SettingsDialog
from roledesigner.library.catalogue import Library


def make_dialog(qtbot: QtBot, library: Library, settings: Settings | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), library)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def retype(qtbot: QtBot, dialog: SettingsDialog, text: str) -> None:
    edit = dialog.file_name_edit
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # type: ignore[no-untyped-call]
    qtbot.keyClicks(edit, text)  # type: ignore[no-untyped-call]


def test_the_draft_mark_shows_the_setting_and_is_kept(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library, Settings(show_draft_mark=True))
    box = dialog.draft_check
    assert box.isChecked() and box.text() == "Mark documents &Draft until approved"
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))  # type: ignore[no-untyped-call]
    assert dialog.chosen_settings().show_draft_mark is False
    assert make_dialog(qtbot, library, Settings(show_draft_mark=False)).draft_check.isChecked() is False


def test_the_file_name_pattern_shows_its_names_and_a_live_example(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library, Settings(organisation_name="North Shire ICB"))
    assert dialog.file_name_edit.text() == "{organisation} {title} v{version}"
    example = dialog.file_name_example
    assert example.isVisible()
    for name in ("{organisation}", "{title}", "{version}", "{reference}", "{status}"):
        assert name in example.text()
    assert example.text().endswith("For example: North Shire ICB Place director v2.docx")
    retype(qtbot, dialog, "{reference} {title}")
    assert example.text().endswith("For example: ICB-0423 Place director.docx")
    dialog.name_edit.setText("Westtown Council")
    retype(qtbot, dialog, "{organisation} - {title}")
    assert example.text().endswith("For example: Westtown Council - Place director.docx")
    assert dialog.chosen_settings().file_name == "{organisation} - {title}"


def test_a_pattern_with_a_name_it_does_not_know_is_refused_in_one_sentence(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library)
    retype(qtbot, dialog, "{organisation} {job title}")
    problem = dialog.problems()["file_name"]
    assert problem == (
        "The file name pattern uses {job title}, which is not one of "
        "{organisation}, {title}, {version}, {reference} and {status}."
    )
    assert not dialog.ok_button.isEnabled()
    assert "For example" not in dialog.file_name_example.text()
    retype(qtbot, dialog, "{organisation} {title}")
    assert "file_name" not in dialog.problems()
    assert dialog.ok_button.isEnabled()


def test_the_theme_is_chosen_from_three(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library, Settings(theme="light"))
    combo = dialog.theme_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["Same as the system", "Light", "Dark"]
    assert combo.currentText() == "Light"
    combo.setCurrentIndex(2)
    assert dialog.chosen_settings().theme == "dark"


def test_the_new_fields_have_mnemonics_and_come_in_the_tab_order(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library)
    order: list[QWidget] = []
    widget = dialog.name_edit.nextInFocusChain()
    while widget is not dialog.name_edit:
        assert widget is not None
        order.append(widget)
        widget = widget.nextInFocusChain()
    positions = [order.index(w) for w in (dialog.file_name_edit, dialog.draft_check, dialog.theme_combo)]
    assert positions == sorted(positions) and positions[-1] < order.index(dialog.settings_file_edit)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    for key, widget in ((Qt.Key.Key_A, dialog.theme_combo), (Qt.Key.Key_N, dialog.file_name_edit)):
        qtbot.keyClick(dialog, key, Qt.KeyboardModifier.AltModifier)  # type: ignore[no-untyped-call]
        assert dialog.focusWidget() is widget
    qtbot.keyClick(dialog, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: not dialog.draft_check.isChecked())  # Alt+D toggles the draft mark
