"""The default Word template's tables: data tables, the structure chart, the week and the partners.

Part of building `templates/job_specification.docx` (see `templatebuild`). Every table has a
header row that repeats on each page (`w:tblHeader`), no merged cells, and fixed widths. The
chart, the week and the partner table are native tables, so a house template restyles them and
a screen reader reads them cell by cell; columns that depend on the design (the days, the
partners) are repeated with docxtpl's `{%tc %}` tags and shaded with `{% cellbg %}`.
"""

from __future__ import annotations

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm
from docx.table import Table

HEADER_FILL = "E8EDEE"
#: The caption (a table's title, `w:tblCaption`) that marks each drawn table; word.py gives each
#: its description (alt text) from the view model after the template is filled in.
STRUCTURE_CAPTION = "Structure chart"
WEEK_CAPTION = "The working week"
#: The full width of the text on A4 with 2 cm margins.
TEXT_WIDTH_CM = 17.0


def shade(cell: object, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()  # type: ignore[attr-defined]
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    tcpr.append(shading)


def repeat_header(table: Table) -> None:
    """Mark the first row as a header row that repeats on every page (w:tblHeader)."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)
    for row in table.rows:
        cant_split = OxmlElement("w:cantSplit")
        row._tr.get_or_add_trPr().append(cant_split)


def set_widths(table: Table, widths: list[float]) -> None:
    """Fixed column widths in the grid (LibreOffice reads the grid) and in every cell (Word).

    The table's properties stay in the order Word's schema gives them: python-docx places the
    fixed layout, and the total width is set on the `w:tblW` python-docx's table already has.
    """
    table.autofit = False  # w:tblLayout w:type="fixed", in its place
    tblpr = table._tbl.tblPr
    total = tblpr.find(qn("w:tblW"))
    if total is None:
        total = OxmlElement("w:tblW")
        tblpr.insert(1, total)  # after w:tblStyle, before w:jc
    total.set(qn("w:type"), "dxa")
    total.set(qn("w:w"), str(sum(Cm(w).twips for w in widths)))
    for column, width in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(Cm(width).twips))
    for row in table.rows:
        for index, width in enumerate(widths):
            row.cells[index].width = Cm(width)


def keep_together(table: Table) -> None:
    """Every paragraph keeps with the next, so a short table (the chart, the week) is not split over two pages."""
    for row in table.rows:
        for cell in row.cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def caption(table: Table, text: str) -> None:
    """The table's title (`w:tblCaption`), which Word shows as its alt text title."""
    element = OxmlElement("w:tblCaption")
    element.set(qn("w:val"), text)
    table._tbl.tblPr.append(element)


def table_of(document: object, headers: list[str], rows: list[list[str]], widths: list[float]) -> Table:
    """A table: a bold, shaded header row that repeats, then `rows` of cell texts (tags included)."""
    table: Table = document.add_table(rows=1 + len(rows), cols=len(headers))  # type: ignore[attr-defined]
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for index, text in enumerate(headers):
        cell = table.rows[0].cells[index]
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
        shade(cell, HEADER_FILL)
    for row, texts in zip(table.rows[1:], rows, strict=True):
        for cell, text in zip(row.cells, texts, strict=True):
            lines = text.split("\n")
            cell.text = lines[0]
            for line in lines[1:]:
                cell.add_paragraph(line)
    set_widths(table, widths)
    repeat_header(table)
    return table


def data_table(document: object, headers: list[str], cells: list[str], widths: list[float], loop: str) -> None:
    """A table with a repeating header row and one row repeated by `{%tr for ... %}`."""
    blank = [""] * (len(headers) - 1)
    table_of(document, headers, [[f"{{%tr for {loop} %}}", *blank], cells, ["{%tr endfor %}", *blank]], widths)


def _repeated_columns(first: str, loop: str, cell: str) -> list[str]:
    """A row's cells: `first`, then `cell` once for each item of `loop` (docxtpl's column loop)."""
    return [first, f"{{%tc for {loop} %}}", cell, "{%tc endfor %}"]


def structure_table(document: object) -> None:
    """Tiers from "Accountable to" down to "Manages"; the post's own tier shaded."""
    table = table_of(
        document,
        ["Level", "Post or body"],
        [
            ["{%tr for tier in spec.structure %}", ""],
            ["{% cellbg tier.fill %}{{ tier.label }}", "{% cellbg tier.fill %}{{ tier.posts|join('; ') }}"],
            ["{%tr endfor %}", ""],
        ],
        [5, 12],
    )
    keep_together(table)
    caption(table, STRUCTURE_CAPTION)


def week_table(document: object) -> None:
    """The days as columns, each protected day marked in words and shaded."""
    # No label column: the days get the whole width, so "Wednesday" fits on one line.
    third = TEXT_WIDTH_CM / 3
    table = table_of(
        document,
        ["{%tc for day in spec.week_table.days %}", "{{ day }}", "{%tc endfor %}"],
        [
            ["{%tr for row in spec.week_table.rows %}", "", ""],
            ["{%tc for cell in row.cells %}", "{% cellbg cell.fill %}{{ cell.text }}", "{%tc endfor %}"],
            ["{%tr endfor %}", "", ""],
        ],
        [third, third, third],
    )
    keep_together(table)
    caption(table, WEEK_CAPTION)


def partner_tables(document: object, paragraph: object) -> None:
    """The partners side by side (a column each, a row per fact), or past four a row per fact in one table.

    `paragraph(document, text)` adds a paragraph: the `{%p %}` tags that choose the layout.
    """
    column = (TEXT_WIDTH_CM - 4) / 3
    paragraph(document, "{%p if spec.partner_rows %}")  # type: ignore[operator]
    table_of(
        document,
        _repeated_columns("Item", "p in spec.partners", "{{ p.organisation }}"),
        [
            ["{%tr for row in spec.partner_rows %}", "", "", ""],
            _repeated_columns("{{ row.label }}", "value in row.values", "{{ value }}"),
            ["{%tr endfor %}", "", "", ""],
        ],
        [4, column, column, column],
    )
    paragraph(document, "{%p elif spec.partners %}")  # type: ignore[operator]
    table_of(
        document,
        ["Organisation", "Item", "Detail"],
        [
            ["{%tr for p in spec.partners %}", "", ""],
            ["{%tr for fact in p.facts %}", "", ""],
            ["{{ p.organisation }}", "{{ fact.label }}", "{{ fact.value }}"],
            ["{%tr endfor %}", "", ""],
            ["{%tr endfor %}", "", ""],
        ],
        [5.5, 4, 7.5],
    )
    paragraph(document, "{%p endif %}")  # type: ignore[operator]
