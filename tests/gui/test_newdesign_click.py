"""The "New role design" dialog with the mouse and the keyboard alone: one click on a role shows it
and makes it the one to start from; the first role is chosen when the dialog opens (issue 18)."""

# pytest-qt's QtBot key and mouse helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from roledesigner.gui.dialogs.newdesign import NewDesignDialog
from roledesigner.library.catalogue import Library


@pytest.fixture
def dialog(qtbot: QtBot, library: Library) -> NewDesignDialog:
    widget = NewDesignDialog(library)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row_of(dialog: NewDesignDialog, role_id: str) -> int:
    ids = [dialog.role_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(dialog.role_list.count())]
    return ids.index(role_id)


def _words(text: str) -> str:
    return " ".join(text.split())


def test_one_click_on_a_role_shows_it_and_lets_the_user_start_from_it(
    dialog: NewDesignDialog, qtbot: QtBot, library: Library
) -> None:
    row = _row_of(dialog, "place_chief_executive")
    assert row != 0, "a role that is not chosen when the dialog opens"
    item = dialog.role_list.item(row)
    dialog.role_list.scrollToItem(item)
    rect = dialog.role_list.visualItemRect(item)
    qtbot.mouseClick(dialog.role_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    summary = _words(library.roles["place_chief_executive"].summary)
    assert summary in _words(dialog.details.toPlainText())
    assert dialog.start_button.isEnabled()
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert dialog.chosen_role() == "place_chief_executive"


def test_a_click_after_typing_shows_the_role_clicked(dialog: NewDesignDialog, qtbot: QtBot, library: Library) -> None:
    qtbot.keyClicks(dialog.search_box, "finance")
    row = _row_of(dialog, "system_finance_lead")
    rect = dialog.role_list.visualItemRect(dialog.role_list.item(row))
    qtbot.mouseClick(dialog.role_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _words(library.roles["system_finance_lead"].summary) in _words(dialog.details.toPlainText())
    assert dialog.start_button.isEnabled()


def test_the_first_role_is_chosen_when_the_dialog_opens(dialog: NewDesignDialog, library: Library) -> None:
    first = dialog.role_list.item(0)
    assert dialog.role_list.currentItem() is first and first.isSelected()
    role_id = str(first.data(Qt.ItemDataRole.UserRole))
    assert dialog.current_role() == role_id
    assert _words(library.roles[role_id].summary) in _words(dialog.details.toPlainText())
    assert dialog.start_button.isEnabled()
    assert dialog.search_box.hasFocus(), "typing still searches at once"


def test_keyboard_only_enter_starts_from_the_first_hit(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.search_box, "finance")
    first = str(dialog.role_list.item(0).data(Qt.ItemDataRole.UserRole))
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Down)
    assert dialog.role_list.hasFocus()
    assert dialog.current_role() == first
    qtbot.keyClick(dialog.role_list, Qt.Key.Key_Down)
    second = str(dialog.role_list.item(1).data(Qt.ItemDataRole.UserRole))
    assert dialog.current_role() == second
    with qtbot.waitSignal(dialog.finished) as finished:
        qtbot.keyClick(dialog.role_list, Qt.Key.Key_Return)
    assert finished.args == [QDialog.DialogCode.Accepted.value]
    assert dialog.chosen_role() == second


def test_a_search_that_finds_nothing_chooses_nothing(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.search_box, "zzzzqqqq")
    assert dialog.role_list.count() == 0
    assert not dialog.start_button.isEnabled()
