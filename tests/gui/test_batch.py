"""The batch export dialog, offscreen with pytest-qt: progress, Cancel, results and file names."""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from roledesigner.documents import export as export_module
from roledesigner.documents.export import CANCELLED
from roledesigner.documents.jobs import ExportJob, ExportResult, ExportStatus
from roledesigner.documents.sample import sample_design
from roledesigner.files.designfile import save_design
from roledesigner.files.settings import Settings
from roledesigner.gui.background import Task
from roledesigner.gui.dialogs.batch import KEEP_BOTH, REPLACE, BatchExportDialog
from roledesigner.gui.widgets.results import DESIGN, DETAILS, OUTCOME
from roledesigner.library.catalogue import Library
from tests.support.docxread import independent_text, open_docx

DONE_MS = 120_000


def make_dialog(qtbot: QtBot, *, by_file: bool = True) -> BatchExportDialog:
    """The dialog, shown; `by_file`: documents named after their design files (the default names
    come from the settings' pattern; these tests count and number files by their designs' names)."""
    dialog = BatchExportDialog(Settings(organisation_name="Westtown Council"))
    qtbot.addWidget(dialog)
    dialog.show()
    if by_file:
        click(qtbot, dialog.naming.file_radio)
    return dialog


def make_designs(library: Library, folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    text = None
    paths = []
    for number in range(count):
        path = folder / f"design{number:02}.roledesign"
        if text is None:
            save_design(sample_design(library), path)
            text = path.read_bytes()
        else:
            path.write_bytes(text)
        paths.append(path)
    return paths


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def run(qtbot: QtBot, dialog: BatchExportDialog) -> None:
    assert dialog.export_button.isEnabled()
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)


def rows(dialog: BatchExportDialog) -> list[tuple[str, str, str]]:
    table = dialog.results_table

    def text(row: int, column: int) -> str:
        item: QTableWidgetItem | None = table.item(row, column)
        assert item is not None
        return item.text()

    return [(text(row, OUTCOME), text(row, DESIGN), text(row, DETAILS)) for row in range(table.rowCount())]


def test_fifty_designs_with_two_broken_give_48_documents_and_two_reasons(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    sources = tmp_path / "designs"
    make_designs(library, sources, 48)
    (sources / "not-json.roledesign").write_text("this is not JSON", encoding="utf-8")
    (sources / "no-title.roledesign").write_text('{"schema_version": 1}', encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot)
    assert dialog.windowTitle() == "Export several designs"
    assert dialog.add_folder(sources) == 50
    dialog.destination_edit.setText(str(out))
    run(qtbot, dialog)

    assert len(list(out.glob("*.docx"))) == 48
    assert sorted(p.name for p in out.iterdir()) == [f"design{n:02}.docx" for n in range(48)]
    assert "Westtown Council" in independent_text((out / "design00.docx").read_bytes())
    failures = [row for row in rows(dialog) if row[0] == "Not exported"]
    assert len(failures) == 2
    by_name = {design: details for _outcome, design, details in failures}
    assert by_name["not-json.roledesign"].startswith("not-json.roledesign is not valid JSON (")
    assert by_name["no-title.roledesign"].startswith("no-title.roledesign is not a valid role design: ")
    assert "title is required" in by_name["no-title.roledesign"]
    exported = [row for row in rows(dialog) if row[0] == "Exported"]
    assert len(exported) == 48
    assert exported[0][2] == "Exported to design00.docx."
    assert dialog.results_table.item(0, DETAILS).toolTip() == f"Exported to {out / 'design00.docx'}."  # type: ignore[union-attr]
    assert dialog.progress_bar.maximum() == 50
    assert dialog.progress_bar.value() == 50
    assert dialog.status_label.text() == "Finished: 48 exported, 2 could not be exported (the reasons are below)."
    assert dialog.close_button.isEnabled()
    assert not dialog.cancel_button.isEnabled()


def test_cancel_part_way_exports_fewer_and_leaves_only_whole_files(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The sixth export waits until Cancel has been pressed, so where it stops is certain."""
    reached, release = threading.Event(), threading.Event()
    calls: list[ExportJob] = []
    real_export_one = export_module.export_one

    def gated_export_one(job: ExportJob, check: Any = None) -> ExportResult:
        calls.append(job)
        if len(calls) == 6:
            reached.set()
            release.wait(timeout=60)
        return real_export_one(job, check)

    monkeypatch.setattr(export_module, "export_one", gated_export_one)
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot)
    dialog.workers = 1
    dialog.add_designs(make_designs(library, tmp_path / "designs", 50))
    dialog.destination_edit.setText(str(out))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(reached.is_set, timeout=DONE_MS)
    try:
        assert dialog.running
        assert not dialog.close_button.isEnabled(), "Close is disabled while running"
        assert not dialog.export_button.isEnabled()
        dialog.reject()  # Escape does nothing while running
        assert dialog.isVisible()
        click(qtbot, dialog.cancel_button)  # the dialog answers while an export is under way
        assert not dialog.cancel_button.isEnabled()
        assert dialog.status_label.text().startswith("Cancelling")
    finally:
        release.set()
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)

    assert len(calls) == 6, "no further export started after Cancel"
    outcomes = [row[0] for row in rows(dialog)]
    assert outcomes == ["Exported"] * 6 + ["Cancelled"] * 44
    assert all(row[2] == CANCELLED for row in rows(dialog)[6:])
    assert dialog.progress_bar.value() == 6
    assert dialog.status_label.text() == "Cancelled: 6 exported, 44 not started."
    written = sorted(out.iterdir())
    assert [p.name for p in written] == [f"design{n:02}.docx" for n in range(6)], "no partial or temporary file"
    for path in written:
        assert open_docx(path.read_bytes()).paragraphs
    assert dialog.close_button.isEnabled()


def test_cancel_with_worker_processes_leaves_only_whole_files(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot)
    dialog.workers = 2
    dialog.add_designs(make_designs(library, tmp_path / "designs", 50))
    dialog.destination_edit.setText(str(out))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() >= 1, timeout=DONE_MS)
    click(qtbot, dialog.cancel_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)

    exported = [r for r in dialog.results if r.ok]
    assert 1 <= len(exported) < 50
    assert all(r.status is ExportStatus.CANCELLED for r in dialog.results if not r.ok)
    written = sorted(out.iterdir())
    assert written == sorted(r.job.target for r in exported)
    for path in written:
        assert path.suffix == ".docx"
        assert open_docx(path.read_bytes()).paragraphs


def test_export_is_disabled_without_designs_or_without_an_existing_folder(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(qtbot)
    assert not dialog.export_button.isEnabled()
    assert dialog.export_button.toolTip() == "Not available: Add at least one design to export."
    assert not dialog.cancel_button.isEnabled()
    (design,) = make_designs(library, tmp_path / "designs", 1)

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *_a: ([str(design)], "Role designs (*.roledesign)"))
    click(qtbot, dialog.add_files_button)
    assert dialog.designs() == [design]
    assert dialog.destination_edit.text() == str(design.parent), "the first design's folder is suggested"
    assert dialog.export_button.isEnabled()

    missing = tmp_path / "missing"
    dialog.destination_edit.setText(str(missing))
    assert not dialog.export_button.isEnabled()
    assert dialog.destination_note.text() == f"The folder {missing} does not exist."
    dialog.destination_edit.setText("")
    assert not dialog.export_button.isEnabled()

    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *_a: str(tmp_path))
    click(qtbot, dialog.choose_destination_button)
    assert dialog.destination_edit.text() == str(tmp_path)
    assert dialog.export_button.isEnabled()
    assert not dialog.destination_note.isVisible()

    dialog.design_list.selectAll()
    click(qtbot, dialog.remove_button)
    assert dialog.designs() == []
    assert not dialog.export_button.isEnabled()


def test_adding_a_folder_takes_only_its_own_designs_once(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    folder = tmp_path / "designs"
    make_designs(library, folder, 3)
    make_designs(library, folder / "inner", 2)
    (folder / "notes.txt").write_text("not a design", encoding="utf-8")
    dialog = make_dialog(qtbot)
    assert dialog.add_folder(folder) == 3
    assert dialog.add_folder(folder) == 0
    assert dialog.design_list.count() == 3
    assert dialog.designs_note.text() == f"Added 0 designs from {folder}; 3 were on the list already."
    empty = tmp_path / "empty"
    empty.mkdir()
    assert dialog.add_folder(empty) == 0
    assert dialog.designs_note.text() == f"There are no role designs (.roledesign files) in {empty}."


def test_two_designs_with_one_name_do_not_overwrite_each_other(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    first = tmp_path / "adults" / "role.roledesign"
    second = tmp_path / "children" / "role.roledesign"
    for path in (first, second):
        path.parent.mkdir()
        design = sample_design(library)
        save_design(design.model_copy(update={"title": f"Director for {path.parent.name}"}), path)
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot)
    dialog.workers = 1
    dialog.add_designs([first, second])
    dialog.destination_edit.setText(str(out))
    run(qtbot, dialog)

    assert sorted(p.name for p in out.iterdir()) == ["role (2).docx", "role.docx"]
    assert "Director for adults" in independent_text((out / "role.docx").read_bytes())
    assert "Director for children" in independent_text((out / "role (2).docx").read_bytes())
    assert rows(dialog)[1] == ("Exported", "role.roledesign", "Exported to role (2).docx.")
    assert dialog.results_table.item(1, DESIGN).toolTip() == str(second)  # type: ignore[union-attr]


def test_pdf_is_chosen_with_its_radio_button(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot)
    dialog.workers = 1
    dialog.add_designs(make_designs(library, tmp_path / "designs", 2))
    dialog.destination_edit.setText(str(out))
    click(qtbot, dialog.pdf_radio)
    run(qtbot, dialog)
    assert sorted(p.name for p in out.iterdir()) == ["design00.pdf", "design01.pdf"]
    assert (out / "design00.pdf").read_bytes().startswith(b"%PDF")


def test_a_batch_emits_no_signal_per_file(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to True on every Signal.emit(), and the
    process dies once they run out; the dialog must not emit per file. Every `emit` called from
    Python is counted, on this thread and in the batch's own thread (counting references to True
    instead was flaky: objects freed during a run give theirs back)."""
    emits: list[str] = []

    def count(frame: object, event: str, argument: object) -> None:
        if event == "c_call" and getattr(argument, "__name__", "") == "emit":
            emits.append(threading.current_thread().name)

    original_run = Task.run

    def counted_run(task: Task[object, object]) -> None:  # on the pool's thread
        sys.setprofile(count)
        try:
            original_run(task)
        finally:
            sys.setprofile(None)

    monkeypatch.setattr(Task, "run", counted_run)
    out = tmp_path / "out"
    out.mkdir()
    dialog = make_dialog(qtbot)
    dialog.workers = 1
    dialog.add_designs(make_designs(library, tmp_path / "designs", 30))
    dialog.destination_edit.setText(str(out))
    sys.setprofile(count)
    try:
        run(qtbot, dialog)
    finally:
        sys.setprofile(None)
    assert len(list(out.iterdir())) == 30
    assert len(emits) < 5, f"{len(emits)} emits for 30 files means a signal per file"


def answer_existing(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Click `answer` in the question about files already there (the real box, never shown)."""
    asked: list[str] = []

    def click_answer(box: QMessageBox) -> int:
        asked.append(box.text())
        buttons = {button.text(): button for button in box.buttons()}
        buttons.get(answer, box.button(QMessageBox.StandardButton.Cancel)).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click_answer)
    return asked


@pytest.mark.parametrize("answer", [KEEP_BOTH, REPLACE, "Cancel"])
def test_files_already_in_the_folder_are_replaced_only_when_the_user_says(
    qtbot: QtBot, library: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, answer: str
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    earlier = out / "design01.docx"
    earlier.write_bytes(b"an earlier export")
    asked = answer_existing(monkeypatch, answer)
    dialog = make_dialog(qtbot)
    dialog.workers = 1
    dialog.add_designs(make_designs(library, tmp_path / "designs", 2))
    dialog.destination_edit.setText(str(out))
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)

    assert asked == [f"1 file in {out} already has the name this export would use (design01.docx)."]
    names = sorted(p.name for p in out.iterdir())
    if answer == KEEP_BOTH:
        assert names == ["design00.docx", "design01 (2).docx", "design01.docx"]
        assert earlier.read_bytes() == b"an earlier export"
        assert rows(dialog)[1] == ("Exported", "design01.roledesign", "Exported to design01 (2).docx.")
    elif answer == REPLACE:
        assert names == ["design00.docx", "design01.docx"]
        assert "Westtown Council" in independent_text(earlier.read_bytes())
    else:
        assert names == ["design01.docx"]
        assert earlier.read_bytes() == b"an earlier export"
        assert dialog.export_button.isEnabled()
