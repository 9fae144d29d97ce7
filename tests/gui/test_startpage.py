"""The first-run page (issue 18, item 8): on a first start with no recent files, three ways in
instead of an empty editor, each a real click on the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.files.designfile import save_design
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.startpage import StartPage, first_start, show_start_page
from tests.support.window import choose_role


@pytest.fixture
def page(window: MainWindow, qtbot: QtBot) -> StartPage:
    assert first_start(window), "a new settings folder: nothing opened before"
    shown = show_start_page(window)
    qtbot.waitExposed(shown)
    return shown


def click(qtbot: QtBot, page: StartPage, index: int) -> None:
    qtbot.mouseClick(page.buttons[index], Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def test_the_page_stands_in_the_editors_place_with_three_ways_in(window: MainWindow, page: StartPage) -> None:
    assert window.centralWidget() is page
    assert not window.editor.isVisible()
    for waiting in (window.library_dock, window.preview_dock, window.findings_label):
        assert waiting.isHidden(), "no empty design's preview and review yet"
    assert [button.text() for button in page.buttons] == [
        "&New from an emerging role…",
        "&Import a job description…",
        "&Open a role design…",
    ]
    assert page.buttons[0].hasFocus()
    for button in page.buttons:
        assert button.isVisible() and button.accessibleName() and button.toolTip()
    assert "Ctrl+N" in page.buttons[0].toolTip() and "Ctrl+I" in page.buttons[1].toolTip()


def test_new_from_an_emerging_role_starts_the_design_in_the_editor(
    window: MainWindow, page: StartPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    click(qtbot, page, 0)
    assert window.centralWidget() is window.editor
    assert window.editor.isVisible()
    for back in (window.library_dock, window.preview_dock, window.findings_label):
        assert back.isVisible()
    qtbot.waitUntil(lambda: not window.preview_dock.visibleRegion().isEmpty())  # the preview in front
    assert window.controller.design.title == window.controller.library.roles["system_finance_lead"].name


def test_a_cancelled_new_dialog_keeps_the_page(
    window: MainWindow, page: StartPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("roledesigner.gui.dialogs.newdesign.NewDesignDialog.exec", lambda _self: 0)
    click(qtbot, page, 0)
    assert window.centralWidget() is page


def test_import_asks_for_a_job_description_and_a_cancel_keeps_the_page(
    window: MainWindow, page: StartPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def no_file(_parent: Any, caption: str, *_args: Any) -> tuple[str, str]:
        asked.append(caption)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file)
    click(qtbot, page, 1)
    assert asked == ["Import job description"]
    assert window.centralWidget() is page


def test_open_shows_the_chosen_design_in_the_editor(
    window: MainWindow, page: StartPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    design = tmp_path / "Joint mental health lead.roledesign"
    save_design(sample_design(window.controller.library), design)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(design), ""))
    click(qtbot, page, 2)
    assert window.centralWidget() is window.editor
    assert window.controller.path == design
    assert not first_start(window), "the next start opens with the editor"


def test_the_page_keeps_the_editors_least_size_so_the_layout_does_not_jump(window: MainWindow, page: StartPage) -> None:
    assert page.minimumSize() == window.editor.minimumSizeHint()


def test_each_way_in_has_its_own_alt_letter(
    window: MainWindow, page: StartPage, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    design = tmp_path / "Joint mental health lead.roledesign"
    save_design(sample_design(window.controller.library), design)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_args: (str(design), ""))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_O, Qt.KeyboardModifier.AltModifier)  # type: ignore[no-untyped-call]
    qtbot.waitUntil(lambda: window.centralWidget() is window.editor)  # the button lets go a moment later
    assert window.controller.path == design


def test_closing_from_the_start_page_saves_the_layout_with_its_panes(window: MainWindow, page: StartPage) -> None:
    window.close()
    assert not window.library_dock.isHidden() and not window.preview_dock.isHidden()
    assert not window.findings_label.isHidden()
