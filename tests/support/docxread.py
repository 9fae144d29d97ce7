"""Read exported Word files back, with python-docx and with an independent reader."""

from __future__ import annotations

import io
from typing import Any

from docx import Document
from docx.oxml.ns import qn
from docx2python import docx2python

DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


def open_docx(data: bytes) -> Any:
    return Document(io.BytesIO(data))


def independent_text(data: bytes) -> str:
    """All text as docx2python sees it (it parses the XML itself, not through python-docx)."""
    with docx2python(io.BytesIO(data)) as extracted:
        return str(extracted.text)


def heading_levels(document: Any) -> list[tuple[int, str]]:
    levels = []
    for paragraph in document.paragraphs:
        name = paragraph.style.name
        if name == "Title":
            levels.append((0, paragraph.text))
        elif name.startswith("Heading "):
            levels.append((int(name.split()[1]), paragraph.text))
    return levels


def language(document: Any) -> str | None:
    rpr = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    return None if lang is None else lang.get(qn("w:val"))


def repeats_header(table: Any) -> bool:
    trpr = table.rows[0]._tr.trPr
    return trpr is not None and trpr.find(qn("w:tblHeader")) is not None


def merged_cells(document: Any) -> int:
    body = document.element.body
    return len(body.findall(".//" + qn("w:gridSpan"))) + len(body.findall(".//" + qn("w:vMerge")))


def picture_alt_texts(document: Any) -> list[str]:
    found = [p.get("descr", "") for p in document.element.body.iter(DOCPR)]
    for section in document.sections:
        found += [p.get("descr", "") for p in section.header._element.iter(DOCPR)]
    return found
