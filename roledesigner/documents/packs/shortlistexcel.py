"""The shortlisting matrix as an Excel workbook (openpyxl): a sheet per shortlister, and a summary.

Each shortlister's sheet lists the criteria (area, criterion, essential or desirable) down the
side and a column per candidate. Formulas total each candidate and say whether every essential
criterion is met (under Disability Confident, a disabled applicant who meets them is guaranteed
an interview); the summary sets the shortlisters side by side. Every sheet is protected so the
formulas cannot be overwritten by accident: only the cells meant for typing (names, dates,
scores, candidate references, decisions, notes) are unlocked, with no password, so a trust can
still change the workbook. Header rows are frozen and printed on every A4 landscape page.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from roledesigner.documents.packs.shortlisting import ESSENTIAL, Shortlisting
from roledesigner.documents.templatebuild import HEADER_FILL, RED
from roledesigner.documents.viewmodel import clean

SUMMARY = "Summary"
ABOUT = "About"
#: The header row of the criteria and summary tables; criteria start on the row below.
HEADER_ROW = 5
FIRST_ROW = HEADER_ROW + 1
#: Columns before the candidates on a shortlister's sheet: area, criterion, essential or desirable.
FIXED_COLUMNS = 3
YES, NO, NOT_SCORED = "Yes", "No", "Not fully scored"
DIFFER = "Shortlisters differ: agree the scores"
NO_ESSENTIALS = "No essential criteria"
DECISIONS = ("Invite to interview", "Do not invite", "Reserve")
MAX_CELL = 32_000  # Excel holds at most 32,767 characters in a cell
LINE_POINTS = 15  # a line of 11 pt text
MARK_COLOUR = f"FF{RED}"
_BOLD = Font(name="Calibri", size=11, bold=True)  # the workbook's own font, in bold
_TITLE = Font(name="Calibri", size=14, bold=True)
_MARK = Font(name="Calibri", size=12, bold=True, color=MARK_COLOUR)
#: The row of a sheet's "Draft: not yet reviewed" note: the free row above every sheet's table,
#: frozen and printed on every page with the title rows (row 1 is the title, and the formulas
#: reference fixed rows, so no row is inserted above it).
MARK_ROW = HEADER_ROW - 1
_FILL = PatternFill("solid", fgColor=HEADER_FILL)
_EDGE = Side(style="thin", color="808080")
_BOX = Border(left=_EDGE, right=_EDGE, top=_EDGE, bottom=_EDGE)
_WRAP = Alignment(wrap_text=True, vertical="top")
_OPEN = Protection(locked=False)


def shortlister_sheet(number: int) -> str:
    return f"Shortlister {number}"


def _text(cell: Any, value: str) -> None:
    """Text as text, never a formula: a criterion typed as "=HYPERLINK(...)" stays words."""
    cell.value = clean(value)[:MAX_CELL]
    cell.data_type = "s"


def _header_footer_text(value: str) -> str:
    """Excel's header codes start with '&': an ampersand in a title is written twice."""
    return clean(value).replace("\n", " ").replace("&", "&&")[:200]


def _fit_height(sheet: Worksheet, row: int, texts: Sequence[str]) -> None:
    """A row tall enough for its wrapped text: neither Excel nor LibreOffice grows one on opening."""
    lines = 1
    for column, text in enumerate(texts, start=1):
        width = sheet.column_dimensions[get_column_letter(column)].width or 10
        per_line = max(1, int(width * 1.2))
        lines = max(lines, sum(math.ceil(max(len(part), 1) / per_line) for part in text.split("\n")))
    sheet.row_dimensions[row].height = LINE_POINTS * lines + 3


def _table_header(sheet: Worksheet, row: int, headers: list[str]) -> None:
    """A bold, shaded header row; set the columns' widths first, so that its height fits."""
    for column, text in enumerate(headers, start=1):
        cell = sheet.cell(row, column)
        _text(cell, text)
        cell.font, cell.fill, cell.border, cell.alignment = _BOLD, _FILL, _BOX, _WRAP
    _fit_height(sheet, row, headers)


def _boxed(cell: Any, *, editable: bool = False, bold: bool = False) -> None:
    cell.border, cell.alignment = _BOX, _WRAP
    if editable:
        cell.protection = _OPEN
    if bold:
        cell.font = _BOLD


def _page_set_up(sheet: Worksheet, matrix: Shortlisting, title_rows: str) -> None:
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = title_rows
    if matrix.organisation:  # an empty part is written as a bare "&R", which readers cannot parse
        sheet.oddHeader.right.text = _header_footer_text(matrix.organisation)
    sheet.oddFooter.left.text = "Page &P of &N"
    sheet.oddFooter.right.text = _header_footer_text(f"{matrix.document_title}, version {matrix.version}")
    # Formatting rows and columns (widths, heights) stays allowed; everything locked stays put.
    sheet.protection.sheet = True
    sheet.protection.formatRows = False
    sheet.protection.formatColumns = False


def _title(sheet: Worksheet, text: str, lines: list[str]) -> None:
    _text(sheet.cell(1, 1), text)
    sheet.cell(1, 1).font = _TITLE
    for offset, line in enumerate(lines, start=2):
        _text(sheet.cell(offset, 1), line)


def _about(workbook: Workbook, matrix: Shortlisting) -> None:
    sheet = workbook.active
    sheet.title = ABOUT
    sheet.column_dimensions["A"].width = 14
    sheet.column_dimensions["B"].width = 22
    sheet.column_dimensions["C"].width = 80
    version = f"Version {matrix.version} ({matrix.status.lower()}), {matrix.date}."
    _title(sheet, matrix.document_title, [line for line in (matrix.organisation, version) if line])
    if matrix.empty:
        _text(sheet.cell(HEADER_ROW, 1), matrix.empty)
        _page_set_up(sheet, matrix, "1:1")
        return
    references = f"Type each applicant's reference (not their name) in column A of the {SUMMARY} sheet."
    lines = [references, *matrix.guidance()]
    for offset, line in enumerate(lines):
        _text(sheet.cell(HEADER_ROW + offset, 1), line)
    row = HEADER_ROW + len(lines) + 1
    _text(sheet.cell(row, 1), f"{matrix.key.name}, from {matrix.key_origin}.")
    sheet.cell(row, 1).font = _BOLD
    _table_header(sheet, row + 1, ["Score", "Meaning", "What it means"])
    for offset, level in enumerate(matrix.key.levels, start=2):
        sheet.cell(row + offset, 1).value = level.score
        _text(sheet.cell(row + offset, 2), level.label)
        _text(sheet.cell(row + offset, 3), " ".join(level.description.split()))
        for column in (1, 2, 3):
            _boxed(sheet.cell(row + offset, column))
        _fit_height(sheet, row + offset, ["", level.label, level.description])
    _page_set_up(sheet, matrix, f"{row + 1}:{row + 1}")


def _scores(first: int, last: int, column: str) -> str:
    return f"{column}{first}:{column}{last}"


def _shortlister(workbook: Workbook, matrix: Shortlisting, number: int) -> int:
    """One shortlister's sheet; returns the row of its total (the flag is two rows below)."""
    sheet = workbook.create_sheet(shortlister_sheet(number))
    criteria = matrix.criteria
    last = FIRST_ROW + len(criteria) - 1
    _title(sheet, f"{shortlister_sheet(number)}: {matrix.title}", [])
    _text(sheet.cell(2, 1), "Shortlister's name")
    _text(sheet.cell(2, 3), "Date")
    for column in (2, 4):
        _boxed(sheet.cell(2, column), editable=True)
    _text(sheet.cell(3, 1), f"Key: {matrix.key_line()}")
    sheet.column_dimensions["A"].width = 16
    sheet.column_dimensions["B"].width = 60
    sheet.column_dimensions["C"].width = 12
    for offset in range(matrix.candidates):
        sheet.column_dimensions[get_column_letter(FIXED_COLUMNS + 1 + offset)].width = 11
    # The candidates' references are typed once, on the summary; a cleared one shows its number.
    candidates = [
        f'=IF({SUMMARY}!$A${FIRST_ROW + index}="","Candidate {index + 1}",{SUMMARY}!$A${FIRST_ROW + index})'
        for index in range(matrix.candidates)
    ]
    _table_header(sheet, HEADER_ROW, ["Area", "Criterion", "Essential or desirable", *([""] * matrix.candidates)])
    for offset, formula in enumerate(candidates):
        sheet.cell(HEADER_ROW, FIXED_COLUMNS + 1 + offset).value = formula
    allowed = ",".join(str(score) for score in matrix.key.scores)
    validation = DataValidation(type="list", formula1=f'"{allowed}"', allow_blank=True)
    validation.error = f"Use a score from the key: {', '.join(allowed.split(','))}."
    validation.errorTitle = "Not a score on the key"
    validation.showErrorMessage = True
    sheet.add_data_validation(validation)
    for row, criterion in enumerate(criteria, start=FIRST_ROW):
        for column, value in enumerate((criterion.area, criterion.text, criterion.requirement), start=1):
            _text(sheet.cell(row, column), value)
            _boxed(sheet.cell(row, column))
        for offset in range(matrix.candidates):
            cell = sheet.cell(row, FIXED_COLUMNS + 1 + offset)
            _boxed(cell, editable=True)
            validation.add(cell)
        _fit_height(sheet, row, [criterion.area, criterion.text, criterion.requirement])
    total = last + 1
    essentials = matrix.essentials
    requirement = f"$C${FIRST_ROW}:$C${last}"
    labels = ("Total score", "Essential criteria met", "Meets every essential criterion")
    for row, label in enumerate(labels, start=total):
        _text(sheet.cell(row, 2), label)
        _boxed(sheet.cell(row, 2), bold=True)
    for offset in range(matrix.candidates):
        letter = get_column_letter(FIXED_COLUMNS + 1 + offset)
        scores = _scores(FIRST_ROW, last, letter)
        met = f'SUMPRODUCT(--({requirement}="{ESSENTIAL}"),--({scores}>={matrix.key.meets_from}))'
        scored = f'SUMPRODUCT(--({requirement}="{ESSENTIAL}"),--ISNUMBER({scores}))'
        sheet.cell(total, FIXED_COLUMNS + 1 + offset).value = f"=SUM({scores})"
        sheet.cell(total + 1, FIXED_COLUMNS + 1 + offset).value = f"={met}"
        flag = sheet.cell(total + 2, FIXED_COLUMNS + 1 + offset)
        if essentials:
            flag.value = f'=IF({scored}<{essentials},"{NOT_SCORED}",IF({met}={essentials},"{YES}","{NO}"))'
        else:
            _text(flag, NO_ESSENTIALS)
        for row in (total, total + 1, total + 2):
            _boxed(sheet.cell(row, FIXED_COLUMNS + 1 + offset), bold=True)
    sheet.row_dimensions[total + 2].height = 2 * LINE_POINTS + 3  # "Not fully scored" takes two lines
    sheet.freeze_panes = sheet.cell(FIRST_ROW, FIXED_COLUMNS + 1).coordinate
    _page_set_up(sheet, matrix, f"1:{HEADER_ROW}")
    return total


def _summary(workbook: Workbook, matrix: Shortlisting, total_row: int) -> None:
    sheet = workbook.create_sheet(SUMMARY, 1)
    count = matrix.shortlisters
    names = [shortlister_sheet(n) for n in range(1, count + 1)]
    _title(sheet, f"Summary: {matrix.title}", ["Type each applicant's reference in column A.", matrix.key_line()])
    headers = [
        "Candidate reference",
        *(f"{name} total" for name in names),
        "Combined total",
        *(f"{name}: meets every essential criterion" for name in names),
        "Meets every essential criterion (interview guaranteed under Disability Confident)",
        "Decision",
        "Notes",
    ]
    sheet.column_dimensions["A"].width = 18
    for column_number in range(2, 4 + 2 * count):
        sheet.column_dimensions[get_column_letter(column_number)].width = 14
    sheet.column_dimensions[get_column_letter(3 + 2 * count)].width = 24
    sheet.column_dimensions[get_column_letter(4 + 2 * count)].width = 20
    sheet.column_dimensions[get_column_letter(5 + 2 * count)].width = 40
    _table_header(sheet, HEADER_ROW, headers)
    decisions = DataValidation(type="list", formula1=f'"{",".join(DECISIONS)}"', allow_blank=True)
    sheet.add_data_validation(decisions)
    flags_from = get_column_letter(2 + count + 1)
    flags_to = get_column_letter(2 + 2 * count)
    for index in range(matrix.candidates):
        row = FIRST_ROW + index
        column = get_column_letter(FIXED_COLUMNS + 1 + index)
        _text(sheet.cell(row, 1), f"Candidate {index + 1}")
        _boxed(sheet.cell(row, 1), editable=True)
        for n, name in enumerate(names):
            sheet.cell(row, 2 + n).value = f"='{name}'!{column}{total_row}"
            sheet.cell(row, 3 + count + n).value = f"='{name}'!{column}{total_row + 2}"
        sheet.cell(row, 2 + count).value = f"=SUM(B{row}:{get_column_letter(1 + count)}{row})"
        flags = f"{flags_from}{row}:{flags_to}{row}"
        overall = sheet.cell(row, 3 + 2 * count)
        if matrix.essentials:
            overall.value = (
                f'=IF(COUNTIF({flags},"{NOT_SCORED}")>0,"{NOT_SCORED}",IF(COUNTIF({flags},"{YES}")={count},"{YES}",'
                f'IF(COUNTIF({flags},"{NO}")={count},"{NO}","{DIFFER}")))'
            )
        else:
            _text(overall, NO_ESSENTIALS)
        for column_number in range(2, 4 + 2 * count):
            _boxed(sheet.cell(row, column_number), bold=column_number == 3 + 2 * count)
        for column_number in (4 + 2 * count, 5 + 2 * count):
            _boxed(sheet.cell(row, column_number), editable=True)
        decisions.add(sheet.cell(row, 4 + 2 * count))
        sheet.row_dimensions[row].height = 2 * LINE_POINTS + 3  # room for "Not fully scored"
    sheet.freeze_panes = sheet.cell(FIRST_ROW, 2).coordinate
    _page_set_up(sheet, matrix, f"1:{HEADER_ROW}")


def _mark(sheet: Worksheet, mark: str) -> None:
    """`mark` in the centre of the printed header and, bold and red, in the row above the sheet's table."""
    sheet.oddHeader.center.text = _header_footer_text(mark)
    sheet.oddHeader.center.font = "Calibri,Bold"
    sheet.oddHeader.center.color = str(RED)
    _text(sheet.cell(MARK_ROW, 1), mark)
    sheet.cell(MARK_ROW, 1).font = _MARK


def render_shortlisting_xlsx(matrix: Shortlisting, *, mark: str = "") -> bytes:
    """The workbook; `mark` ("Draft: not yet reviewed"), when given, is on every sheet and its printed pages."""
    workbook = Workbook()
    _about(workbook, matrix)
    if not matrix.empty:
        total_row = 0
        for number in range(1, matrix.shortlisters + 1):
            total_row = _shortlister(workbook, matrix, number)
        _summary(workbook, matrix, total_row)
    if mark:
        for sheet in workbook.worksheets:
            _mark(sheet, mark)
    properties = workbook.properties
    properties.title = clean(matrix.document_title)
    properties.subject = "Shortlisting matrix"
    properties.creator = clean(matrix.author)
    properties.lastModifiedBy = clean(matrix.author)
    properties.keywords = clean(f"shortlisting, recruitment, {matrix.title}")
    properties.description = clean(f"Version {matrix.version} ({matrix.status.lower()}), {matrix.date}")
    properties.language = "en-GB"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
