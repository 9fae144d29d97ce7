"""File, Export knows the review (issue 18) and suggests a name by the settings' pattern (issue 16).

Driven through the window's own Export entries; the question is answered by clicking its buttons.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportResult
from roledesigner.documents.packs.packexport import PackJob, PackResult
from roledesigner.files.settings import Settings
from roledesigner.gui.exporting import QUESTION_TITLE
from roledesigner.gui.mainwindow import APP_NAME, MainWindow
from tests.support.docxread import open_docx
from tests.support.window import choose_role

DONE_MS = 60_000


class Answers:
    """Clicks the named button of each message box that opens, by the box's title, and keeps
    (title, text) of every box it answered."""

    def __init__(self, qtbot: QtBot) -> None:
        self.buttons: dict[str, str] = {}
        self.opened: list[tuple[str, str]] = []
        self.qtbot = qtbot
        self.timer = QTimer()
        self.timer.timeout.connect(self.look)
        self.timer.start(20)

    def look(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.isVisible() and box.windowTitle() in self.buttons:
            wanted = self.buttons[box.windowTitle()]
            button = next(b for b in box.buttons() if b.text().replace("&", "") == wanted)
            self.opened.append((box.windowTitle(), f"{box.text()} {box.informativeText()}"))
            self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


@pytest.fixture
def answers(qtbot: QtBot) -> Iterator[Answers]:
    answering = Answers(qtbot)
    yield answering
    answering.timer.stop()


def header(path: Path) -> str:
    document = open_docx(path.read_bytes())
    return " ".join(p.text for section in document.sections for p in section.header.paragraphs)


def save_dialog(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> list[Any]:
    """The save dialog answers with `target` (None: it must not open); returns what it was asked."""
    asked: list[Any] = []

    def answer(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        assert target is not None, "the save dialog opened"
        asked.append(args)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return asked


def test_export_anyway_marks_the_document(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    choose_role(monkeypatch, "joint_workforce_lead")  # one partner: the review's error
    window.new_action.trigger()
    target = tmp_path / "post.docx"
    asked = save_dialog(monkeypatch, target)
    answers.buttons.update({QUESTION_TITLE: "Export anyway", APP_NAME: "Close"})
    window.export_word_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and window.export_word_action.isEnabled(), timeout=DONE_MS)
    assert UNREVIEWED_MARK in header(target)
    assert Path(asked[0][2]).name == "Joint NHS and council workforce lead v1.docx", "named by the settings' pattern"
    title, text = answers.opened[0]
    assert title == QUESTION_TITLE and "A joint post needs at least two partners" in text
    assert f"marked “{UNREVIEWED_MARK}” in its header" in text


def test_cancel_goes_to_the_first_error_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    choose_role(monkeypatch, "joint_workforce_lead")
    window.new_action.trigger()
    partners = window.editor.tables["joint.partners"]
    assert not partners.isVisible()
    save_dialog(monkeypatch, None)
    answers.buttons[QUESTION_TITLE] = "Cancel"
    window.export_word_action.trigger()
    assert not window.export_word_action.isEnabled(), "no second export while the review runs"
    qtbot.waitUntil(partners.isVisible, timeout=DONE_MS)
    assert window.export_word_action.isEnabled() and window.export_pdf_action.isEnabled()
    assert not window.busy.isVisible()
    assert not list(tmp_path.iterdir())


def test_a_design_with_no_errors_is_not_asked_about(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.controller.settings = Settings(organisation_name="North Shire ICB", file_name="{organisation} - {title}")
    target = tmp_path / "post.pdf"
    asked = save_dialog(monkeypatch, target)
    answers.buttons.update({QUESTION_TITLE: "Export anyway", APP_NAME: "Close"})
    window.export_pdf_action.trigger()
    qtbot.waitUntil(lambda: target.exists() and window.export_pdf_action.isEnabled(), timeout=DONE_MS)
    assert Path(asked[0][2]).name == "North Shire ICB - System finance lead.pdf"
    assert [title for title, _text in answers.opened] == [APP_NAME], "no question about the review"


def test_the_pack_entries_suggest_names_by_the_pattern(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.controller.settings = Settings(organisation_name="North Shire ICB")
    offered: list[str] = []

    def cancelled(*args: Any, **_kwargs: Any) -> tuple[str, str]:
        offered.append(Path(args[2]).name)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", cancelled)
    for count, action in enumerate(window.document_menus.pack_actions, start=1):

        def asked(wanted: int = count) -> bool:
            return len(offered) == wanted and window.export_word_action.isEnabled()

        action.trigger()  # reviewed first (no errors, so no question); the dialog is cancelled: nothing is written
        qtbot.waitUntil(asked, timeout=DONE_MS)
    assert offered == [
        "North Shire ICB System finance lead v1 interview pack.docx",
        "North Shire ICB System finance lead v1 shortlisting.xlsx",
        "North Shire ICB System finance lead v1 shortlisting.docx",
    ]


def exported_results(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[ExportResult | PackResult]:
    """Every result the window is told of, as it is told (its box still opens)."""
    results: list[ExportResult | PackResult] = []
    say = window.exported

    def exported(result: ExportResult | PackResult) -> None:
        results.append(result)
        say(result)

    monkeypatch.setattr(window, "exported", exported)
    return results


def test_a_pack_entry_asks_about_errors_and_export_anyway_marks_the_pack(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    choose_role(monkeypatch, "joint_workforce_lead")  # one partner: the review's error
    window.new_action.trigger()
    target = tmp_path / "pack.docx"
    save_dialog(monkeypatch, target)
    results = exported_results(window, monkeypatch)
    answers.buttons.update({QUESTION_TITLE: "Export anyway", APP_NAME: "Close"})
    window.document_menus.pack_actions[0].trigger()  # Export interview pack (Word)
    qtbot.waitUntil(lambda: bool(results) and window.export_word_action.isEnabled(), timeout=DONE_MS)
    assert target.exists() and results[0].ok
    job = results[0].job
    assert isinstance(job, PackJob) and job.document == "interview" and job.unreviewed
    assert UNREVIEWED_MARK in header(target)
    title, text = answers.opened[0]
    assert title == QUESTION_TITLE and "A joint post needs at least two partners" in text


def test_a_pack_entry_cancelled_goes_to_the_first_error_and_writes_nothing(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    choose_role(monkeypatch, "joint_workforce_lead")
    window.new_action.trigger()
    partners = window.editor.tables["joint.partners"]
    assert not partners.isVisible()
    save_dialog(monkeypatch, None)
    answers.buttons[QUESTION_TITLE] = "Cancel"
    window.document_menus.pack_actions[1].trigger()  # Export shortlisting matrix (Excel)
    assert not window.export_word_action.isEnabled(), "no other export while the review runs"
    assert not any(action.isEnabled() for action in window.document_menus.pack_actions), "no other pack either"
    qtbot.waitUntil(partners.isVisible, timeout=DONE_MS)
    assert all(action.isEnabled() for action in window.document_menus.pack_actions)
    assert [title for title, _text in answers.opened] == [QUESTION_TITLE]
    assert window.export_word_action.isEnabled() and not window.busy.isVisible()
    assert not list(tmp_path.iterdir())


def test_a_pack_of_a_design_with_no_errors_is_not_marked(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answers: Answers
) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    target = tmp_path / "matrix.xlsx"
    save_dialog(monkeypatch, target)
    results = exported_results(window, monkeypatch)
    answers.buttons.update({QUESTION_TITLE: "Export anyway", APP_NAME: "Close"})
    window.document_menus.pack_actions[1].trigger()
    qtbot.waitUntil(lambda: bool(results) and window.export_word_action.isEnabled(), timeout=DONE_MS)
    assert results[0].ok and not results[0].job.unreviewed
    assert [title for title, _text in answers.opened] == [APP_NAME], "no question about the review"
