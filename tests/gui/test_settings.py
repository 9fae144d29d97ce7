"""The settings dialog and the About box, offscreen with pytest-qt."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.files.settings import Settings, settings_path
from roledesigner.gui.dialogs.settings import SettingsDialog
from roledesigner.library.catalogue import Library

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def make_dialog(qtbot: QtBot, library: Library, settings: Settings | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), library)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def message_of(dialog: SettingsDialog, edit: QLineEdit) -> QLabel:
    """The message label under a field."""
    for entry in dialog._fields.values():
        if entry.edit is edit:
            return entry.message
    raise AssertionError("no such field")


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # type: ignore[no-untyped-call]
    qtbot.keyClicks(edit, text)  # type: ignore[no-untyped-call]


def click(qtbot: QtBot, button: QPushButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def test_opens_with_the_settings_and_ok_enabled(qtbot: QtBot, library: Library) -> None:
    settings = Settings(organisation_name="Westtown Council", default_contracted_hours=Decimal("36"))
    dialog = make_dialog(qtbot, library, settings)
    assert dialog.windowTitle() == "Settings"
    assert dialog.name_edit.text() == "Westtown Council"
    assert dialog.hours_edit.text() == "36"
    assert dialog.ok_button.isEnabled()
    assert dialog.problems() == {}
    assert dialog.settings_file_edit.text() == str(settings_path())
    assert dialog.settings_file_edit.isReadOnly()


def test_typing_bad_hours_disables_ok_and_good_hours_enable_it(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library)
    message = message_of(dialog, dialog.hours_edit)
    retype(qtbot, dialog.hours_edit, "abc")
    assert message.isVisible()
    assert message.text() == "The default contracted hours a week must be a number, such as 37.5."
    assert dialog.hours_edit.accessibleDescription() == message.text()
    assert not dialog.ok_button.isEnabled()
    retype(qtbot, dialog.hours_edit, "36")
    assert not message.isVisible()
    assert dialog.ok_button.isEnabled()


def test_typed_missing_logo_shows_its_sentence(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, library)
    missing = tmp_path / "logo.png"
    retype(qtbot, dialog.logo_edit, str(missing))
    message = message_of(dialog, dialog.logo_edit)
    qtbot.waitUntil(message.isVisible)
    assert message.text() == f"The logo file {missing} does not exist."
    assert not dialog.ok_button.isEnabled()


def test_chosen_logo_is_checked_at_once(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot, library)
    text_file = tmp_path / "logo.png"
    text_file.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(text_file), ""))
    choose = next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Choose a logo file")
    click(qtbot, choose)
    assert dialog.logo_edit.text() == str(text_file)
    assert message_of(dialog, dialog.logo_edit).text() == f"The logo file {text_file} is not a PNG or JPEG picture."
    assert not dialog.ok_button.isEnabled()
    text_file.write_bytes(PNG_MAGIC + b"picture")
    click(qtbot, choose)
    assert not message_of(dialog, dialog.logo_edit).isVisible()
    assert dialog.ok_button.isEnabled()


def test_broken_template_shows_the_template_sentence(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = tmp_path / "x.docx"
    broken.write_text("not a Word file", encoding="utf-8")
    dialog = make_dialog(qtbot, library)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(broken), ""))
    choose = next(b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Choose a Word template")
    click(qtbot, choose)
    message = message_of(dialog, dialog.template_edit)
    assert message.isVisible()
    assert message.text() == f"The Word template {broken} is not a Word (.docx) file."
    assert not dialog.ok_button.isEnabled()
    builtin = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Use the built-in template")
    click(qtbot, builtin)
    assert dialog.template_edit.text() == ""
    assert not message.isVisible()
    assert dialog.ok_button.isEnabled()


def test_missing_shared_folder_typed_then_ok_pressed_is_refused(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    """OK before the pause-in-typing check has run still checks, and keeps the dialog open."""
    dialog = make_dialog(qtbot, library)
    missing = tmp_path / "S-drive"
    dialog.shared_library_edit.setText(str(missing))
    dialog.accept()
    assert dialog.result() != SettingsDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert message_of(dialog, dialog.shared_library_edit).text() == (
        f"The shared library folder {missing} does not exist (a network drive may be disconnected)."
    )
    assert not dialog.ok_button.isEnabled()


def test_accepted_dialog_carries_the_typed_values(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    logo = tmp_path / "logo.jpg"
    logo.write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    shared = tmp_path / "shared"
    shared.mkdir()
    mine = tmp_path / "mine"
    mine.mkdir()
    dialog = make_dialog(qtbot, library)
    retype(qtbot, dialog.name_edit, "  North Shire Integrated Care Board ")
    retype(qtbot, dialog.logo_edit, str(logo))
    retype(qtbot, dialog.hours_edit, "36")
    retype(qtbot, dialog.user_library_edit, str(mine))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(shared))
    choose = next(
        b for b in dialog.findChildren(QPushButton) if b.accessibleName() == "Choose the shared library folder"
    )
    click(qtbot, choose)
    click(qtbot, dialog.ok_button)
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    chosen = dialog.chosen_settings()
    assert chosen == Settings(
        organisation_name="North Shire Integrated Care Board",
        organisation_logo=logo,
        default_contracted_hours=Decimal(36),
        word_template=None,
        user_library=mine,
        shared_library=shared,
    )


def test_environment_override_makes_the_field_read_only(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(tmp_path))
    from_file = tmp_path / "elsewhere"
    dialog = make_dialog(qtbot, library, Settings(shared_library=from_file))
    edit = dialog.shared_library_edit
    assert edit.text() == str(tmp_path)
    assert edit.isReadOnly()
    assert "ROLEDESIGNER_SHARED_LIBRARY" in edit.toolTip()
    assert any("ROLEDESIGNER_SHARED_LIBRARY" in label.text() for label in dialog.findChildren(QLabel))
    buttons = dialog._fields["shared_library"].buttons
    assert buttons and not any(button.isEnabled() for button in buttons)
    assert not dialog.template_edit.isReadOnly()
    assert dialog.ok_button.isEnabled()
    dialog.accept()
    # The variable wins while it is set; the dialog does not write it over the incoming value.
    assert dialog.chosen_settings().shared_library == from_file


def test_missing_overridden_folder_is_shown_but_does_not_block_ok(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "gone"
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(missing))
    dialog = make_dialog(qtbot, library)
    assert message_of(dialog, dialog.shared_library_edit).isVisible()
    assert dialog.ok_button.isEnabled()


def test_every_control_is_named_and_explained(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library)
    for control in dialog.findChildren(QLineEdit) + dialog.findChildren(QPushButton):
        assert control.accessibleName(), control
        assert control.toolTip(), control.accessibleName()
    buddies = {label.buddy() for label in dialog.findChildren(QLabel) if label.buddy() is not None}
    assert set(dialog.findChildren(QLineEdit)) <= buddies
    assert all("&" in label.text() for label in dialog.findChildren(QLabel) if label.buddy() is not None)


def test_tab_order_follows_the_form(qtbot: QtBot, library: Library) -> None:
    dialog = make_dialog(qtbot, library)
    order: list[QWidget] = []
    widget: QWidget | None = dialog.name_edit
    for _ in range(100):
        assert widget is not None
        if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget not in order:
            order.append(widget)
        widget = widget.nextInFocusChain()
    edits = [dialog.name_edit, dialog.logo_edit, dialog.hours_edit, dialog.template_edit]
    edits += [dialog.user_library_edit, dialog.shared_library_edit, dialog.settings_file_edit]
    positions = [order.index(edit) for edit in edits]
    assert positions == sorted(positions)
    # Each field's buttons come straight after it.
    logo_buttons = dialog._fields["organisation_logo"].buttons
    start = order.index(dialog.logo_edit)
    assert order[start + 1 : start + 3] == logo_buttons
    assert order[start + 3] is dialog.hours_edit
