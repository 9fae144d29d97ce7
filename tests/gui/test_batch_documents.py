"""The batch dialog's document, format and naming choices, and what it says about the review.

Issue 15: a recruitment pack document for each of several designs; issue 16: names by the
settings' pattern; issue 18: a job specification whose review has errors is exported marked
"Draft: not yet reviewed" and the results say which.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QTableWidgetItem
from pytestqt.qtbot import QtBot

from roledesigner.documents.jobs import UNREVIEWED_MARK
from roledesigner.documents.sample import sample_design
from roledesigner.domain.findings import Severity
from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import load_design, save_design
from roledesigner.files.settings import Settings
from roledesigner.gui.dialogs.batch import BatchExportDialog
from roledesigner.gui.widgets.results import DESIGN, DETAILS
from roledesigner.library.catalogue import Library
from roledesigner.review import review
from tests.support.docxread import independent_text, open_docx

DONE_MS = 120_000


def click(qtbot: QtBot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def dialog_for(qtbot: QtBot, designs: list[Path], out: Path) -> BatchExportDialog:
    dialog = BatchExportDialog(Settings(organisation_name="Westtown Council"))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.workers = 1
    dialog.add_designs(designs)
    dialog.destination_edit.setText(str(out))
    return dialog


def run(qtbot: QtBot, dialog: BatchExportDialog) -> None:
    click(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)


def choose_document(qtbot: QtBot, dialog: BatchExportDialog, steps: int) -> None:
    """Move down the Document list with the arrow key, as a keyboard user would."""
    combo = dialog.choice.document_combo
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)  # type: ignore[no-untyped-call]


def details(dialog: BatchExportDialog) -> dict[str, str]:
    table = dialog.results_table

    def cell(row: int, column: int) -> QTableWidgetItem:
        item = table.item(row, column)
        assert item is not None
        return item

    return {cell(row, DESIGN).text(): cell(row, DETAILS).text() for row in range(table.rowCount())}


def designs(library: Library, folder: Path) -> list[Path]:
    """Two designs with titles of their own; the second, a joint post left with one partner, has review errors."""
    folder.mkdir()
    clean = sample_design(library).model_copy(update={"title": "Place director"})
    faulty = sample_design(library).model_copy(update={"title": "Joint lead"})
    assert faulty.joint is not None
    faulty = faulty.model_copy(
        update={"joint": faulty.joint.model_copy(update={"partners": faulty.joint.partners[:1]})}
    )
    paths = [folder / "place.roledesign", folder / "joint.roledesign"]
    save_design(clean, paths[0])
    save_design(faulty, paths[1])
    return paths


def header(path: Path) -> str:
    document = open_docx(path.read_bytes())
    return " ".join(p.text for section in document.sections for p in section.header.paragraphs)


def test_documents_are_named_by_the_pattern_and_the_review_s_errors_are_listed(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = dialog_for(qtbot, designs(library, tmp_path / "designs"), out)
    assert dialog.naming.by_pattern, "the settings' pattern is the default"
    assert "{organisation} {title} v{version}" in dialog.naming.pattern_radio.text()
    run(qtbot, dialog)
    place, joint = out / "Westtown Council Place director v1.docx", out / "Westtown Council Joint lead v1.docx"
    assert sorted(out.iterdir()) == sorted([place, joint])
    assert UNREVIEWED_MARK in header(joint) and UNREVIEWED_MARK not in header(place)
    said = details(dialog)
    assert said["place.roledesign"] == f"Exported to {place.name}."
    found = review(load_design(tmp_path / "designs" / "joint.roledesign"), library)
    errors = [f.message for f in found if f.severity is Severity.ERROR]
    assert len(errors) > 1
    assert said["joint.roledesign"] == (
        f"Exported to {joint.name}. Its review has {len(errors)} errors, so it is marked “{UNREVIEWED_MARK}”: "
        f"{errors[0]} …"
    )
    assert "joint.roledesign" in dialog.status_label.text() and "errors in the review" in dialog.status_label.text()
    assert "place.roledesign" not in dialog.status_label.text()


def test_an_interview_pack_and_a_shortlisting_matrix_for_each_design(
    qtbot: QtBot, library: Library, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    sources = designs(library, tmp_path / "designs")
    dialog = dialog_for(qtbot, sources, out)
    radios = dialog.choice.format_radios
    assert [r.isEnabled() for r in radios.values()] == [True, True, False], "Word, PDF; no Excel specification"

    choose_document(qtbot, dialog, 1)
    assert dialog.choice.document == "interview"
    assert radios["docx"].isChecked() and not radios["xlsx"].isEnabled()
    run(qtbot, dialog)
    packs = sorted(out.glob("* interview pack.docx"))
    assert [p.name for p in packs] == [
        "Westtown Council Joint lead v1 interview pack.docx",
        "Westtown Council Place director v1 interview pack.docx",
    ]
    assert "Interview" in independent_text(packs[0].read_bytes())
    # The joint post's review has errors: its pack is marked and its row and the summary say so, as a
    # job specification's do (the pack's result had none to list).
    assert dialog.status_label.text() == (
        f"Finished: 2 exported; 1 design has errors in the review, marked “{UNREVIEWED_MARK}” (joint.roledesign)."
    )
    errors = [f.message for f in review(load_design(sources[1]), library) if f.severity is Severity.ERROR]
    assert sources[1].name == "joint.roledesign" and len(errors) > 1
    said = details(dialog)
    assert said["joint.roledesign"] == (
        f"Exported to {packs[0].name}. Its review has {len(errors)} errors, so it is marked “{UNREVIEWED_MARK}”: "
        f"{errors[0]} …"
    )
    assert said["place.roledesign"] == f"Exported to {packs[1].name}."
    assert UNREVIEWED_MARK in header(packs[0]) and UNREVIEWED_MARK not in header(packs[1])

    click(qtbot, radios["pdf"])
    click(qtbot, dialog.naming.file_radio)
    run(qtbot, dialog)
    assert (out / "place-interview-pack.pdf").read_bytes().startswith(b"%PDF")

    choose_document(qtbot, dialog, 1)
    assert dialog.choice.document == "shortlisting"
    assert radios["xlsx"].isChecked(), "the matrix's default: Excel"
    assert not radios["pdf"].isEnabled()
    run(qtbot, dialog)
    matrix = load_workbook(out / "joint-shortlisting.xlsx")
    assert matrix.sheetnames
    assert details(dialog)["joint.roledesign"].startswith("Exported to joint-shortlisting.xlsx. Its review has ")
    assert details(dialog)["place.roledesign"] == "Exported to place-shortlisting.xlsx."


def test_choices_are_fixed_while_a_batch_runs(qtbot: QtBot, library: Library, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    dialog = dialog_for(qtbot, designs(library, tmp_path / "designs"), out)
    click(qtbot, dialog.export_button)
    assert dialog.running
    assert not dialog.choice.document_combo.isEnabled()
    assert not any(radio.isEnabled() for radio in dialog.choice.format_radios.values())
    assert not dialog.naming.pattern_radio.isEnabled()
    qtbot.waitUntil(lambda: not dialog.running, timeout=DONE_MS)
    assert dialog.choice.document_combo.isEnabled() and dialog.naming.file_radio.isEnabled()
    assert not dialog.choice.format_radios["xlsx"].isEnabled()


def test_an_unreadable_design_keeps_its_file_name_in_the_results(qtbot: QtBot, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    good = tmp_path / "good.roledesign"
    save_design(RoleDesign(title="Place lead"), good)
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    dialog = dialog_for(qtbot, [broken, good], out)
    run(qtbot, dialog)
    assert [p.name for p in out.iterdir()] == ["Westtown Council Place lead v1.docx"]
    assert details(dialog)["broken.roledesign"].startswith("broken.roledesign is not valid JSON")


def test_a_design_whose_review_fails_is_one_failed_row_and_the_rest_are_exported(
    tmp_path: Path, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roledesigner.documents.export import review_errors as real
    from roledesigner.documents.jobs import ExportStatus
    from roledesigner.documents.packs.packexport import PackJob
    from roledesigner.gui.dialogs import batchpacks

    for name in ("faulty", "fine"):
        save_design(sample_design(library).model_copy(update={"title": name}), tmp_path / f"{name}.roledesign")

    def review_errors(design: RoleDesign, *args: object) -> object:
        if design.title == "faulty":
            raise ValueError("a review fault")
        return real(design, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(batchpacks, "review_errors", review_errors)
    jobs = [
        PackJob(tmp_path / f"{name}.roledesign", tmp_path / f"{name}.docx", "interview", "docx")
        for name in ("faulty", "fine")
    ]
    faulty, fine = batchpacks.export_reviewed_packs(jobs, library=library)
    assert faulty.status is ExportStatus.FAILED and "Could not review" in faulty.message
    assert "a review fault" in faulty.message and not (tmp_path / "faulty.docx").exists()
    assert fine.ok and (tmp_path / "fine.docx").exists()
