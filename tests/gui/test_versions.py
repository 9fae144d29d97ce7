# mypy: disable-error-code="no-untyped-call"
"""The versions dialog, driven by clicks and keys: record a version (and undo it), open one
read-only, restore one as one undoable step, compare with a version or a file and save the
tracked changes; damaged history said, not hidden."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.domain.vocabulary import Status
from roledesigner.files.designfile import dumps, save_design
from roledesigner.files.settings import Settings
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.dialogs.versions import VersionsDialog, record_version_dialog
from roledesigner.library.catalogue import Library

FIRST_PURPOSE = "Leads joint planning of mental health services for Westtown."
LATER_PURPOSE = "Leads joint commissioning of mental health and wellbeing services for Westtown."


@pytest.fixture
def controller(library: Library) -> DocumentController:
    controller = DocumentController(library, Settings())
    controller.replace(sample_design(library).model_copy(update={"purpose": FIRST_PURPOSE}))
    return controller


@pytest.fixture
def dialog(controller: DocumentController, qtbot: QtBot) -> Iterator[VersionsDialog]:
    made = VersionsDialog(controller)
    qtbot.addWidget(made)
    made.show()
    yield made
    controller.undo_stack.setClean()


def record(dialog: VersionsDialog, qtbot: QtBot, note: str, status: str | None = None) -> None:
    """Click Record version, type the note, choose a status, click the dialog's Record button."""
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    recording = dialog.record_dialog
    assert recording is not None and recording.isVisible()
    qtbot.keyClicks(recording.note, note)
    if status is not None:
        recording.status.setFocus()
        while recording.status.currentData() != status:
            qtbot.keyClick(recording.status, Qt.Key.Key_Down)
    qtbot.mouseClick(recording.record_button, Qt.MouseButton.LeftButton)
    assert not recording.isVisible()


def rows(dialog: VersionsDialog) -> list[list[str]]:
    model = dialog.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_recording_a_version_lists_it_and_undo_takes_it_out(
    dialog: VersionsDialog, controller: DocumentController, qtbot: QtBot
) -> None:
    assert rows(dialog) == [] and "No version recorded yet" in dialog.now.text()
    assert not dialog.open_button.isEnabled(), "nothing to open until a version is chosen"
    record(dialog, qtbot, "Sent to the panel", Status.SUBMITTED_FOR_EVALUATION.value)
    today = dt.date.today()
    assert rows(dialog) == [
        ["1", f"{today.day} {today:%B %Y}", "Submitted for job evaluation", "Role Designer", "Sent to the panel"]
    ]
    assert controller.design.version == "2" and controller.design.status is Status.SUBMITTED_FOR_EVALUATION
    assert controller.undo_stack.undoText() == "Record version 1"
    assert dialog.now.text() == "Now: version 2 (submitted for job evaluation), not yet recorded. 1 recorded version."
    controller.undo_stack.undo()
    assert rows(dialog) == [] and controller.design.version == "1"


def test_versions_are_listed_newest_first(dialog: VersionsDialog, controller: DocumentController, qtbot: QtBot) -> None:
    record(dialog, qtbot, "first")
    record(dialog, qtbot, "second")
    assert [row[0] for row in rows(dialog)] == ["2", "1"]


def test_a_version_opens_read_only_as_its_job_specification(
    dialog: VersionsDialog, controller: DocumentController, qtbot: QtBot
) -> None:
    record(dialog, qtbot, "first")
    controller.set_field("purpose", LATER_PURPOSE)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    viewer = dialog.viewer
    assert viewer is not None and viewer.isVisible()
    text = viewer.browser.toPlainText()
    assert FIRST_PURPOSE in text and LATER_PURPOSE not in text
    assert viewer.browser.isReadOnly()
    assert viewer.windowTitle().startswith("Version 1, recorded ")


def test_double_clicking_a_version_opens_it(dialog: VersionsDialog, qtbot: QtBot) -> None:
    record(dialog, qtbot, "first")
    where = dialog.table.visualRect(dialog.model.index(0, 0)).center()
    # A double click as the system sends it: a press and release, then the second press.
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    qtbot.mouseDClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    assert dialog.viewer is not None and dialog.viewer.isVisible()


def test_restoring_a_version_is_one_undoable_step(
    dialog: VersionsDialog, controller: DocumentController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(dialog, qtbot, "first")
    controller.set_field("purpose", LATER_PURPOSE)
    before = controller.design
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert controller.design.purpose == FIRST_PURPOSE
    assert controller.design.version == "2" and controller.design.history == before.history
    assert controller.undo_stack.undoText() == "Restore version 1"
    controller.undo_stack.undo()
    assert controller.design == before


def test_a_restore_not_confirmed_changes_nothing(
    dialog: VersionsDialog, controller: DocumentController, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    record(dialog, qtbot, "first")
    controller.set_field("purpose", LATER_PURPOSE)
    before = controller.design
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Cancel)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert controller.design == before


def test_comparing_with_a_version_lists_the_changes_and_saves_tracked_changes(
    dialog: VersionsDialog,
    controller: DocumentController,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    record(dialog, qtbot, "first")
    controller.set_field("purpose", LATER_PURPOSE)
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    compare = dialog.compare_dialog
    assert compare is not None and compare.isVisible()
    lines = [compare.changes.item(i).text() for i in range(compare.changes.count())]
    assert lines == [
        "Changed job purpose: “Leads joint planning of mental health services for Westtown.” became "
        "“Leads joint commissioning of mental health and wellbeing services for Westtown.”.",
        "Changed version: “1” became “2”.",
    ]
    assert compare.summary.text() == "From version 1 to the design now: 2 changes."
    target = tmp_path / "changes"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(compare.save_button, Qt.MouseButton.LeftButton)
    written = tmp_path / "changes.docx"
    assert compare.saved_to == written and f"Saved {written}" in compare.message.text()
    with zipfile.ZipFile(io.BytesIO(written.read_bytes())) as archive:
        document = archive.read("word/document.xml").decode("utf-8")
    assert "<w:del " in document and "<w:ins " in document and "commissioning" in document


def test_a_template_that_cannot_be_used_is_said_in_the_dialog(
    dialog: VersionsDialog, controller: DocumentController, qtbot: QtBot, tmp_path: Path
) -> None:
    record(dialog, qtbot, "first")
    controller.set_field("purpose", LATER_PURPOSE)
    bad = tmp_path / "house.docx"
    bad.write_text("not a Word file", encoding="utf-8")
    controller.set_settings(Settings(word_template=bad))
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    compare = dialog.compare_dialog
    assert compare is not None
    compare.write(tmp_path / "changes.docx")
    assert compare.problem.isVisible() and str(bad) in compare.problem.text()
    assert not (tmp_path / "changes.docx").exists()


def test_comparing_with_a_file_of_another_role_says_so(
    dialog: VersionsDialog,
    controller: DocumentController,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    other = tmp_path / "other.roledesign"
    save_design(
        controller.design.model_copy(update={"based_on": "place_director", "title": "Director of place"}), other
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(other), ""))
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    compare = dialog.compare_dialog
    assert compare is not None and compare.roles.isVisibleTo(compare)
    assert compare.roles.text().startswith("The two designs are of different roles")
    assert compare.summary.text() == "From other.roledesign to the design now: 2 changes."


def test_a_file_that_cannot_be_read_is_said_and_nothing_compared(
    dialog: VersionsDialog, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    said: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: said.append(text))
    qtbot.mouseClick(dialog.file_button, Qt.MouseButton.LeftButton)
    assert dialog.compare_dialog is None and said and said[0].startswith(f"{broken} is not valid JSON")


def test_a_damaged_history_is_said_in_the_dialog(controller: DocumentController, qtbot: QtBot, tmp_path: Path) -> None:
    dialog = VersionsDialog(controller)
    qtbot.addWidget(dialog)
    record(dialog, qtbot, "first")
    data = json.loads(dumps(controller.design))
    data["history"].insert(0, {"version": "0", "date": "soon", "design": {}})
    path = tmp_path / "damaged.roledesign"
    path.write_text(json.dumps(data), encoding="utf-8")
    controller.open(path)
    assert dialog.warnings.isVisibleTo(dialog)
    assert dialog.warnings.text().startswith("Recorded version 0 (the 1st in the history) could not be read")
    assert [row[0] for row in rows(dialog)] == ["1"]


def test_a_number_already_recorded_is_refused_in_the_record_dialog(
    controller: DocumentController, qtbot: QtBot
) -> None:
    first = record_version_dialog(controller)
    qtbot.addWidget(first)
    qtbot.mouseClick(first.record_button, Qt.MouseButton.LeftButton)
    controller.set_field("version", "1")
    again = record_version_dialog(controller)
    qtbot.addWidget(again)
    qtbot.mouseClick(again.record_button, Qt.MouseButton.LeftButton)
    assert again.isVisible() and again.problem.isVisibleTo(again)
    assert again.problem.text().startswith("Version 1 is already recorded")
    assert len(controller.design.history) == 1


def test_save_tracked_changes_proposes_a_name_by_the_settings_pattern(
    dialog: VersionsDialog,
    controller: DocumentController,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    record(dialog, qtbot, "first")
    controller.set_field("purpose", LATER_PURPOSE)
    controller.set_settings(
        Settings(organisation_name="North Shire ICB", file_name="{organisation} {title} v{version}")
    )
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.compare_button, Qt.MouseButton.LeftButton)
    compare = dialog.compare_dialog
    assert compare is not None
    offered: list[str] = []

    def answer(_parent: object, _title: str, path: str, _filter: str) -> tuple[str, str]:
        offered.append(path)
        return "", ""  # Cancel

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    qtbot.mouseClick(compare.save_button, Qt.MouseButton.LeftButton)
    title = controller.design.title
    assert offered == [str(Path.home() / f"North Shire ICB {title} v2 changes.docx")]
