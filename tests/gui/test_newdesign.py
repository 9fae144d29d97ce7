"""The "New role design" dialog (pytest-qt, offscreen)."""

# pytest-qt's QtBot key and mouse helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from roledesigner.files.paths import library_dir
from roledesigner.gui.dialogs.newdesign import NewDesignDialog
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from tests.support.libfixtures import make_folder


@pytest.fixture
def dialog(qtbot: QtBot, library: Library) -> NewDesignDialog:
    widget = NewDesignDialog(library)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def listed(dialog: NewDesignDialog) -> list[str]:
    return [dialog.role_list.item(row).data(Qt.ItemDataRole.UserRole) for row in range(dialog.role_list.count())]


def test_the_dialog_lists_every_emerging_role(dialog: NewDesignDialog, library: Library) -> None:
    assert dialog.windowTitle() == "New role design"
    assert len(library.roles) == 19
    assert sorted(listed(dialog)) == sorted(library.roles)
    item = dialog.role_list.item(listed(dialog).index("system_finance_lead"))
    assert item.text() == "System finance lead (system footprint)"
    assert dialog.start_button.isEnabled(), "the first role is chosen when the dialog opens"
    assert dialog.start_button.isDefault()


def test_typing_filters_the_roles_and_the_details_follow(
    dialog: NewDesignDialog, qtbot: QtBot, library: Library
) -> None:
    qtbot.keyClicks(dialog.search_box, "finance")
    shown = listed(dialog)
    assert "system_finance_lead" in shown
    assert len(shown) < len(library.roles)
    assert shown == [hit.id for hit in library.index.search("finance", kind="role")]
    dialog.role_list.setCurrentRow(shown.index("system_finance_lead"))
    text = " ".join(dialog.details.toPlainText().split())
    role = library.roles["system_finance_lead"]
    assert " ".join(role.summary.split()) in text
    assert "Integrated care board" in text  # sectors as labels
    assert "100 per cent of the post" in text
    assert " ".join(role.suggested_system_time.reason.split()) in text
    assert dialog.start_button.isEnabled()


def _finished(dialog: NewDesignDialog, qtbot: QtBot, act: Callable[[], None]) -> int:
    with qtbot.waitSignal(dialog.finished, timeout=1000) as blocker:
        act()
    return int(blocker.args[0])


def test_start_from_this_role(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.search_box, "finance")
    dialog.role_list.setCurrentRow(listed(dialog).index("system_finance_lead"))
    result = _finished(dialog, qtbot, lambda: qtbot.mouseClick(dialog.start_button, Qt.MouseButton.LeftButton))
    assert result == QDialog.DialogCode.Accepted
    assert dialog.chosen_role() == "system_finance_lead"


def test_enter_on_a_role_starts_from_it(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    qtbot.keyClicks(dialog.search_box, "finance")
    qtbot.keyClick(dialog.search_box, Qt.Key.Key_Down)
    assert dialog.role_list.hasFocus() or dialog.role_list.currentRow() == 0
    dialog.role_list.setCurrentRow(listed(dialog).index("system_finance_lead"))
    result = _finished(dialog, qtbot, lambda: qtbot.keyClick(dialog.role_list, Qt.Key.Key_Return))
    assert result == QDialog.DialogCode.Accepted
    assert dialog.chosen_role() == "system_finance_lead"


def test_double_click_on_a_role_starts_from_it(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    item = dialog.role_list.item(listed(dialog).index("place_chief_executive"))
    dialog.role_list.scrollToItem(item)
    rect = dialog.role_list.visualItemRect(item)
    qtbot.mouseClick(dialog.role_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current_role() == "place_chief_executive"
    result = _finished(
        dialog,
        qtbot,
        lambda: qtbot.mouseDClick(dialog.role_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center()),
    )
    assert result == QDialog.DialogCode.Accepted
    assert dialog.chosen_role() == "place_chief_executive"


def test_blank_design(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    dialog.role_list.setCurrentRow(0)
    result = _finished(dialog, qtbot, lambda: qtbot.mouseClick(dialog.blank_button, Qt.MouseButton.LeftButton))
    assert result == QDialog.DialogCode.Accepted
    assert dialog.chosen_role() is None


def test_cancel(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    dialog.role_list.setCurrentRow(0)
    result = _finished(dialog, qtbot, lambda: qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton))
    assert result == QDialog.DialogCode.Rejected
    assert dialog.chosen_role() is None


def test_escape_cancels(dialog: NewDesignDialog, qtbot: QtBot) -> None:
    result = _finished(dialog, qtbot, lambda: qtbot.keyClick(dialog.search_box, Qt.Key.Key_Escape))
    assert result == QDialog.DialogCode.Rejected
    assert dialog.chosen_role() is None


def test_source_text_in_a_role_is_escaped(tmp_path: Path, qtbot: QtBot) -> None:
    role_yaml = textwrap.dedent(
        """\
        id: sneaky
        name: "Lead <i>of</i> things"
        summary: "Summary with <script>x</script> in it."
        footprint: place
        function: executive
        sectors: [icb]
        responsibilities:
          - {text: Lead., kind: system}
        capabilities:
          - {id: active_listening}
        suggested_system_time: {unit: percent, amount: 50, reason: "Half & half."}
        sources: [scie2021]
        """
    )
    make_folder(tmp_path / "user", {"roles/sneaky.yaml": role_yaml})
    library = load_library([Folder(library_dir(), "bundled"), Folder(tmp_path / "user", "user")])
    widget = NewDesignDialog(library)
    qtbot.addWidget(widget)
    widget.role_list.setCurrentRow(listed(widget).index("sneaky"))
    text = widget.details.toPlainText()
    assert "Lead <i>of</i> things" in text
    assert "<script>x</script>" in text
    assert "Half & half." in text
