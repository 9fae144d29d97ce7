"""Reading a job description: what the Word reader sees, and one sentence for each file it refuses."""

from __future__ import annotations

import io
import os
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from roledesigner.importing import docxreader
from roledesigner.importing.blocks import Paragraph, Table
from roledesigner.importing.reading import read_source
from roledesigner.importing.refusals import ImportRefused
from tests.importing import samples
from tests.importing.badfiles import BAD_INPUTS, bad_file


@pytest.mark.parametrize(("name", "data", "words"), BAD_INPUTS, ids=[case[0] for case in BAD_INPUTS])
def test_each_bad_input_is_refused_with_one_sentence_naming_the_file(
    tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]
) -> None:
    path = bad_file(tmp_path, name, data)
    with pytest.raises(ImportRefused) as refused:
        read_source(path)
    message = str(refused.value)
    assert message.startswith(str(path))
    assert "\n" not in message
    assert re.search(r"[.!?]\s+[A-Z]", message) is None, "one sentence"
    assert re.search(r"[A-Z][a-z]+(?:Error|Exception)\b", message) is None, "no class names"
    if name.endswith(".pdf"):
        assert "Word or LibreOffice" not in message  # advice that fits a PDF
    for word in words:
        assert word in message


def test_a_zip_bomb_is_refused_before_anything_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = bad_file(tmp_path, "bomb.docx", b"")

    def never(*_args: object) -> bytes:
        raise AssertionError("a part was unpacked")

    monkeypatch.setattr(zipfile.ZipFile, "read", never)
    with pytest.raises(ImportRefused, match="would unpack to more than"):
        read_source(path)


def test_a_file_that_is_not_there_or_is_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="does not exist"):
        read_source(tmp_path / "gone.docx")
    folder = tmp_path / "folder.docx"
    folder.mkdir()
    with pytest.raises(ImportRefused, match="it is a folder"):
        read_source(folder)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind this user")
def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    path = tmp_path / "private.docx"
    path.write_bytes(samples.heading_styles())
    path.chmod(0)
    try:
        with pytest.raises(ImportRefused, match="permission denied"):
            read_source(path)
    finally:
        path.chmod(0o600)


def test_a_pdf_named_docx_is_read_as_the_pdf_it_is(tmp_path: Path) -> None:
    path = bad_file(tmp_path, "scan.pdf", b"").rename(tmp_path / "scan.docx")
    with pytest.raises(ImportRefused, match="looks like a scan"):
        read_source(path)


# --- what the Word reader sees ---------------------------------------------------------------------


def _saved(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_merged_cells_are_resolved_across_and_down() -> None:
    document = Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Band across"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "Merged down"
    for row in (1, 2):
        for column in (1, 2):
            table.cell(row, column).text = f"r{row}c{column}"
    block = docxreader.read_docx(Path("t.docx"), _saved(document)).body[0]
    assert isinstance(block, Table)
    shape = [[(c.column, c.span, c.continued, c.line) for c in row] for row in block.rows]
    assert shape == [
        [(0, 3, False, "Band across")],
        [(0, 1, False, "Merged down"), (1, 1, False, "r1c1"), (2, 1, False, "r1c2")],
        [(0, 1, True, "Merged down"), (1, 1, False, "r2c1"), (2, 1, False, "r2c2")],
    ]
    assert block.where(2, block.rows[2][2]) == "table 1, row 3, column 3"


def test_numbering_from_a_style_it_inherits_bold_and_capitals_from_styles_and_typed_markers() -> None:
    document = Document()
    styles = document.styles
    numbered = styles.add_style("Numbered duty", 1)
    numbered.base_style = styles["List Number"]  # numbering comes two styles up the chain
    loud = styles.add_style("Shouting", 1)
    loud.font.bold = True
    caps = OxmlElement("w:caps")
    loud.element.get_or_add_rPr().append(caps)
    document.add_paragraph("Lead the partnership board.", style="Numbered duty")
    document.add_paragraph("Key responsibilities", style="Shouting")
    document.add_paragraph("2.1\tAgree the plan with partners.")
    document.add_paragraph("•  Chair the group.")
    blocks = docxreader.read_docx(Path("t.docx"), _saved(document)).body
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    look = [(p.text, p.list_kind, p.marker, p.bold, p.caps) for p in paragraphs]
    assert look == [
        ("Lead the partnership board.", "number", "", False, False),
        ("Key responsibilities", None, "", True, True),
        ("Agree the plan with partners.", "number", "2.1", False, False),
        ("Chair the group.", "bullet", "•", False, False),
    ]


def test_content_controls_are_read_in_order_and_once() -> None:
    document = Document()
    document.add_paragraph("Before")
    body = document.element.body
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    inner = document.add_paragraph("Inside a content control")._p
    content.append(inner)
    sdt.append(content)
    sectpr = body.find(qn("w:sectPr"))
    sectpr.addprevious(sdt)
    document.add_paragraph("After")
    texts = [b.line for b in docxreader.read_docx(Path("t.docx"), _saved(document)).body if isinstance(b, Paragraph)]
    assert texts == ["Before", "Inside a content control", "After"]


def test_deleted_text_in_tracked_changes_is_left_out() -> None:
    document = Document()
    paragraph = document.add_paragraph("Kept ")
    deleted = OxmlElement("w:del")
    run = OxmlElement("w:r")
    text = OxmlElement("w:delText")
    text.text = "removed"
    run.append(text)
    deleted.append(run)
    paragraph._p.append(deleted)
    paragraph.add_run("text")
    texts = [b.line for b in docxreader.read_docx(Path("t.docx"), _saved(document)).body if isinstance(b, Paragraph)]
    assert texts == ["Kept text"]
