"""File, Audit a folder, offscreen with pytest-qt: progress, Cancel, a table sorted by clicking its
headers, and a row opened from the table."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from roledesigner.files.designfile import save_design
from roledesigner.gui.dialogs.audit import COLUMNS, AuditDialog
from roledesigner.gui.dialogs.importreview import ImportReviewDialog
from roledesigner.importing.audit import CANCELLED
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import new_design
from tests.importing import samples

DONE_MS = 120_000
COLUMN = {heading: number for number, (heading, _value) in enumerate(COLUMNS)}


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


@pytest.fixture
def estate(tmp_path: Path, library: Library) -> Path:
    folder = tmp_path / "descriptions"
    (folder / "council").mkdir(parents=True)
    (folder / "partnerships.docx").write_bytes(samples.heading_styles())
    (folder / "council" / "place.docx").write_bytes(samples.bold_capitals())
    (folder / "workforce.docx").write_bytes(samples.numbered_sections())
    (folder / "broken.docx").write_bytes(b"not a zip")
    save_design(new_design(library, "ics_executive_lead"), folder / "lead.roledesign")
    return folder


def make_dialog(window: Any, qtbot: QtBot, folder: Path) -> AuditDialog:
    dialog = AuditDialog(window)
    qtbot.addWidget(dialog)
    dialog.workers = 1
    dialog.show()
    dialog.add_folder(folder)
    return dialog


def column(dialog: AuditDialog, heading: str) -> list[str]:
    table = dialog.table
    return [table.item(row, COLUMN[heading]).text() for row in range(table.rowCount())]  # type: ignore[union-attr]


def test_audit_fills_a_table_the_user_sorts_by_clicking_a_header(window: Any, qtbot: QtBot, estate: Path) -> None:
    dialog = make_dialog(window, qtbot, estate)
    click(qtbot, dialog.start_button)
    assert dialog.running and not dialog.close_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)
    assert sorted(column(dialog, "File")) == [
        "broken.docx",
        "lead.roledesign",
        "partnerships.docx",
        "place.docx",
        "workforce.docx",
    ]
    assert dialog.progress_bar.value() == 5
    assert "5 files: 4 read, 1 not read" in dialog.status_label.text()
    header = dialog.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(COLUMN["System duties"]) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)  # type: ignore[no-untyped-call]
    first = [int(v) for v in column(dialog, "System duties") if v]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)  # type: ignore[no-untyped-call]
    second = [int(v) for v in column(dialog, "System duties") if v]
    assert len(set(first)) > 1  # as numbers, in order one way, then the other
    assert sorted([first, second]) == [sorted(first), sorted(first, reverse=True)]
    reason = dict(zip(column(dialog, "File"), column(dialog, "Why not read"), strict=True))["broken.docx"]
    assert "is named as a Word document but is not one inside" in reason


def test_a_row_opens_a_design_as_it_is_and_a_description_through_the_review(
    window: Any, qtbot: QtBot, estate: Path
) -> None:
    dialog = make_dialog(window, qtbot, estate)
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)
    files = column(dialog, "File")
    design_row = files.index("lead.roledesign")
    dialog.table.cellDoubleClicked.emit(design_row, 0)
    assert window.controller.path == estate / "lead.roledesign"
    dialog.table.selectRow(files.index("workforce.docx"))
    click(qtbot, dialog.open_button)
    reviews = [d for d in window.findChildren(ImportReviewDialog) if d.isVisible()]
    assert len(reviews) == 1 and reviews[0].imported.design.title == "System Workforce Lead"


def test_cancel_starts_no_further_file(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for number in range(8):
        (folder / f"post{number}.docx").write_bytes(samples.heading_styles())
    dialog = make_dialog(window, qtbot, folder)
    click(qtbot, dialog.start_button)
    click(qtbot, dialog.cancel_button)
    assert not dialog.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)
    reasons = [row.reason for row in dialog.rows]
    assert len(reasons) == 8 and CANCELLED in reasons


def test_the_report_is_saved_as_csv_for_excel(
    window: Any, qtbot: QtBot, estate: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = make_dialog(window, qtbot, estate)
    assert not dialog.save_button.isEnabled()
    click(qtbot, dialog.start_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)
    target = tmp_path / "audit"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV for Excel (*.csv)"))
    click(qtbot, dialog.save_button)
    saved = (tmp_path / "audit.csv").read_bytes()
    assert saved.startswith(b"\xef\xbb\xbf") and b"System Workforce Lead" in saved
