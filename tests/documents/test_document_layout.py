"""How the Word file and the PDF are laid out on the page, looked at as a reader would.

Word files are laid out by LibreOffice (skipped when it is not installed) and the PDF by Qt;
both are read back page by page with poppler's pdftotext.
"""

from __future__ import annotations

import io
import itertools
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path
from typing import Any

import pytest
from docx.oxml.ns import qn
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QFont, QFontMetricsF, QTextDocument, QTextTable

from roledesigner.documents import pdf as pdf_module
from roledesigner.documents.html import render_html
from roledesigner.documents.pagegeometry import page_of
from roledesigner.documents.pdf import render_pdf
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.weekpicture import _ensure_gui, render_png
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import Criterion, Responsibility, RoleDesign
from roledesigner.domain.vocabulary import Assessment, CriterionCategory, Requirement, label
from roledesigner.library.catalogue import Library
from tests.support.designs import full_design
from tests.support.docxread import open_docx

LEAD_IN = "What good looks like:"
#: Fonts a reader's machine may lay the text out in: Arial where it is installed, and the wider
#: DejaVu Sans that LibreOffice and Qt fall back to on Linux.
FONTS = ["Arial", "DejaVu Sans"]


def designs(library: Library, shifts: range = range(0, 8)) -> list[RoleDesign]:
    """The full joint design with every kind of criterion, its text shifted down by a line at a
    time, so that page breaks fall at many different places in the capabilities and tables."""
    base = full_design(library)
    criteria = [
        Criterion(category=category, text=f"A {label(category).lower()} criterion the post needs.")
        for category in CriterionCategory
    ]
    criteria.append(
        Criterion(
            category=CriterionCategory.OTHER,
            text="Able to travel across the footprint.",
            requirement=Requirement.DESIRABLE,
            assessed_by=[Assessment.PRESENTATION, Assessment.TEST],
        )
    )
    varied = []
    for shift in shifts:
        extra = [Responsibility(text=f"Extra responsibility {i} for the place.") for i in range(shift)]
        varied.append(
            base.model_copy(
                update={
                    "criteria": criteria,
                    "responsibilities": [*base.responsibilities, *extra],
                }
            )
        )
    return varied


def view_of(design: RoleDesign, library: Library, organisation: str = "") -> JobSpecification:
    return build_view(design, library, organisation)


def week_png(view: JobSpecification) -> bytes | None:
    return render_png(view.chart) if view.chart is not None and view.week_alt_text else None


def pages_of(pdf_path: Path) -> list[list[str]]:
    """Each page's lines of text, without blank lines and without the footer."""
    info = subprocess.run(["pdfinfo", str(pdf_path)], capture_output=True, text=True, check=True).stdout
    count = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    pages = []
    for page in range(1, count + 1):
        text = subprocess.run(
            ["pdftotext", "-f", str(page), "-l", str(page), str(pdf_path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        lines = [" ".join(line.split()) for line in text.splitlines()]
        pages.append([line for line in lines if line and "· Version" not in line and line != "Page"])
    return pages


def needs_poppler() -> None:
    if shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None:
        pytest.skip("poppler-utils is not installed")


def with_libreoffice(tmp_path: Path, files: dict[str, bytes]) -> dict[str, Path]:
    """Each Word file converted to PDF by LibreOffice, as a reader without Word would see it."""
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice is not installed")
    needs_poppler()
    for name, data in files.items():
        (tmp_path / f"{name}.docx").write_bytes(data)
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to", "pdf",
         "--outdir", str(tmp_path / "pdf"), *(str(tmp_path / f"{name}.docx") for name in files)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    return {name: tmp_path / "pdf" / f"{name}.pdf" for name in files}


def left_at_the_foot(view: JobSpecification, pages: list[list[str]]) -> list[str]:
    """Headings and lead-in lines that end a page, away from what they introduce."""
    headings = {section.heading for section in view.sections}
    headings |= {group.heading for group in view.responsibilities}
    headings |= {domain.name for domain in view.capability_domains}
    capabilities = {
        f"{cap.name} ({cap.requirement.lower()})" for d in view.capability_domains for cap in d.capabilities
    }
    found = []
    for number, lines in enumerate(pages[:-1], start=1):
        last = lines[-1] if lines else ""
        if last == LEAD_IN or last in headings or last in capabilities:
            found.append(f"page {number} ends with '{last}'")
    return found


# --- keeping headings and lead-in lines with what follows ---------------------------------------


def _keeps_with_next(paragraph: Any) -> bool:
    if paragraph.paragraph_format.keep_with_next is not None:
        return bool(paragraph.paragraph_format.keep_with_next)
    style = paragraph.style
    while style is not None:
        if style.paragraph_format.keep_with_next is not None:
            return bool(style.paragraph_format.keep_with_next)
        style = style.base_style
    return False


def test_word_headings_and_lead_ins_keep_with_next(library: Library) -> None:
    view = view_of(designs(library, range(1))[0], library)
    document = open_docx(render_docx(view))
    introducing = [p for p in document.paragraphs if p.style.name.startswith("Heading ") or p.text == LEAD_IN]
    assert sum(p.text == LEAD_IN for p in introducing) == sum(
        bool(cap.indicators) for domain in view.capability_domains for cap in domain.capabilities
    )
    assert [p.text for p in introducing if not _keeps_with_next(p)] == []


def test_no_page_of_the_word_file_ends_with_a_heading_or_lead_in(library: Library, tmp_path: Path) -> None:
    views = {f"shift{index}": view_of(design, library) for index, design in enumerate(designs(library))}
    files = {name: render_docx(view, week_png=week_png(view)) for name, view in views.items()}
    converted = with_libreoffice(tmp_path, files)
    problems = [f"{name}: {problem}" for name, view in views.items()
                for problem in left_at_the_foot(view, pages_of(converted[name]))]  # fmt: skip
    assert problems == []


def test_no_page_of_the_pdf_ends_with_a_heading_or_lead_in(library: Library, tmp_path: Path) -> None:
    needs_poppler()
    problems = []
    for index, design in enumerate(designs(library)):
        view = view_of(design, library)
        path = tmp_path / f"shift{index}.pdf"
        path.write_bytes(render_pdf(view, week_png=week_png(view)))
        problems += [f"shift{index}: {problem}" for problem in left_at_the_foot(view, pages_of(path))]
    assert problems == []


# --- table columns wide enough for their words -----------------------------------------------

#: The words each person specification column must hold unbroken.
PERSON_SPEC_WORDS = [
    [label(category) for category in CriterionCategory],
    [],
    [label(requirement) for requirement in Requirement],
    [f"{label(method)}," for method in Assessment],
]


def _widest(words: list[str], points: float, bold: bool = False) -> float:
    """The widest word in any of FONTS, in twentieths of a point (Word's unit)."""
    widest = 0.0
    for family in FONTS:
        font = QFont(family)
        font.setPointSizeF(points)
        font.setBold(bold)
        metrics = QFontMetricsF(font)
        scale = 72 / QFontMetricsF(font).fontDpi() * 20
        widest = max([widest, *(metrics.horizontalAdvance(word) * scale for text in words for word in text.split())])
    return widest


def _cell_margins(document: Any) -> int:
    """Left plus right cell margins of the Table Grid style, in twentieths of a point."""
    style = document.styles["Table Grid"].element
    margins = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}")
    total = 0
    for side in ("w:left", "w:right"):
        found = margins.find(qn(side)) if margins is not None else None
        total += int(found.get(qn("w:w"))) if found is not None else 108  # Word's default, 0.19 cm
    return total


def test_word_person_specification_columns_hold_their_words(library: Library) -> None:
    view = view_of(designs(library, range(1))[0], library)
    document = open_docx(render_docx(view))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Area")
    grid = [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]
    size = document.styles["Normal"].font.size.pt
    room = [width - _cell_margins(document) for width in grid]
    needed = [_widest(words, size) for words in PERSON_SPEC_WORDS]
    assert all(need <= space for need, space in zip(needed, room, strict=True)), (needed, room)
    headers = [_widest([cell.text], size, bold=True) for cell in table.rows[0].cells]
    assert all(need <= space for need, space in zip(headers, room, strict=True)), (headers, room)


def _unbroken(text: str, words: list[str]) -> list[str]:
    flat = unicodedata.normalize("NFKC", text)
    return [word for word in words if not re.search(rf"(^|\s){re.escape(word)}(?=[\s,.;]|$)", flat)]


def test_the_area_and_method_words_are_never_split(library: Library, tmp_path: Path) -> None:
    needs_poppler()
    view = view_of(designs(library, range(1))[0], library)
    words = [label(category) for category in CriterionCategory if " " not in label(category)]
    words += ["Presentation", "Interview", "Essential", "Desirable"]
    qt_pdf = tmp_path / "qt.pdf"
    qt_pdf.write_bytes(render_pdf(view, week_png=None))
    assert _unbroken("\n".join("\n".join(page) for page in pages_of(qt_pdf)), words) == []
    if shutil.which("soffice") is not None:
        converted = with_libreoffice(tmp_path, {"word": render_docx(view)})
        assert _unbroken("\n".join("\n".join(page) for page in pages_of(converted["word"])), words) == []


# --- the footer ---------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _footer_run_sizes(data: bytes) -> list[tuple[str, float | None]]:
    """Every run of the footer (field results included) with its size in points, from the XML."""
    from xml.etree import ElementTree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        footers = [name for name in archive.namelist() if re.fullmatch(r"word/footer\d*\.xml", name)]
        assert footers
        runs = []
        for name in footers:
            for run in ElementTree.fromstring(archive.read(name)).iter(f"{W}r"):
                size = run.find(f"{W}rPr/{W}sz")
                text = "".join(t.text or "" for t in run.iter(f"{W}t"))
                runs.append((text, int(size.get(f"{W}val", "0")) / 2 if size is not None else None))
    return runs


def test_the_page_numbers_are_the_size_of_the_words_around_them(library: Library) -> None:
    runs = _footer_run_sizes(render_docx(view_of(designs(library, range(1))[0], library)))
    assert any(text.strip() == "Page" for text, _ in runs)
    assert {size for _, size in runs} == {pdf_module.FOOTER_POINTS}, runs


# --- PDF table rows ------------------------------------------------------------------------------


def _laid_out(view: JobSpecification) -> tuple[Any, QTextDocument, float, float]:
    """The PDF's document as render_pdf lays it out, its page height and device pixels per CSS pixel."""
    _ensure_gui()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = pdf_module._writer(buffer, view.document_title, view.author)
    body = pdf_module._body(writer)
    png = week_png(view)
    html = render_html(view, week_picture=png is not None)
    document = pdf_module._document(html, writer, body, {"week.png": png} if png else {})
    return writer, document, body.height(), writer.logicalDpiY() / pdf_module.CSS_DPI


def test_pdf_table_rows_are_whole_and_only_as_tall_as_their_text(library: Library) -> None:
    problems = []
    pages_with_criteria: set[int] = set()
    for index, design in enumerate(designs(library)):
        view = view_of(design, library)
        _writer, document, page_height, scale = _laid_out(view)
        layout = document.documentLayout()
        for table in [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]:
            table_format = table.format()
            gap = (2 * table_format.cellPadding() + table_format.border()) * scale
            extents = []
            for row in range(table.rows()):
                cells = [table.cellAt(row, column) for column in range(table.columns())]
                top = min(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells)
                bottom = max(layout.blockBoundingRect(cell.lastCursorPosition().block()).bottom() for cell in cells)
                extents.append((top, bottom))
                # A row moved to the next page must not pull the row above down to the foot of the page.
                padding = max(cell.format().toTableCellFormat().bottomPadding() for cell in cells)
                if padding > table_format.cellPadding():
                    problems.append(f"shift{index}: a row is stretched {round(padding)} px to the foot of a page")
                if cells[0].firstCursorPosition().block().text() in {label(c) for c in CriterionCategory}:
                    pages_with_criteria.add(index * 100 + int(top // page_height))
                if bottom - top < page_height / 2 and int(top // page_height) != int((bottom - 1) // page_height):
                    problems.append(
                        f"shift{index}: a row starting '{cells[1].firstCursorPosition().block().text()}' is cut"
                    )
            for (_, bottom), (top, _) in itertools.pairwise(extents):
                if page_of(bottom - 1, page_height) != page_of(top, page_height):
                    # Qt itself moves a row whose first line cannot fit, and stretches the row above.
                    problems.append(f"shift{index}: a table runs on to the next page and a row is stretched")
                elif top - bottom > gap + scale:
                    problems.append(
                        f"shift{index}: {round((top - bottom - gap) / scale)} px of blank space under a row"
                    )
    assert problems == []
    assert len(pages_with_criteria) > len(designs(library)), "the criteria never ran on to a second page"
