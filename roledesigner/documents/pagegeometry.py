"""Where a laid-out document's lines and table rows fall on pages: arithmetic, with no Qt import.

The objects passed in are Qt's (`QTextDocument`, `QTextTable`, `QTextBlock`), laid out by
`pdf.py`, the module that imports Qt; here only their methods are called, so the page
arithmetic stays out of the one module allowed Qt and is read on its own.
"""

from __future__ import annotations

from typing import Any

#: Device pixels by which Qt may place a line moved to the next page above that page's top edge:
#: its layout rounds to 1/64 pixel, so the line can start a hair before the boundary.
PAGE_EDGE = 1.0


def page_of(y: float, page_height: float) -> int:
    """The page a position is on; a position a hair above a page's top edge is on that page."""
    return int((y + PAGE_EDGE) // page_height)


def row_cells(table: Any, row: int) -> list[Any]:
    cells = [table.cellAt(row, column) for column in range(table.columns())]
    return [cell for cell in cells if cell.isValid()]


def _cell_bottom(document: Any, cell: Any) -> float:
    bottom: float = document.documentLayout().blockBoundingRect(cell.lastCursorPosition().block()).bottom()
    return bottom


def row_extent(document: Any, table: Any, row: int) -> tuple[float, float]:
    """The top of a row's first text and the bottom of its last, in document coordinates."""
    layout = document.documentLayout()
    cells = row_cells(table, row)
    top = min(layout.blockBoundingRect(cell.firstCursorPosition().block()).top() for cell in cells)
    return top, max(_cell_bottom(document, cell) for cell in cells)


def row_height(table: Any, row: int) -> float:
    """The height of a row's text, from its lines: a row Qt has broken over a page counts no gap."""
    heights = []
    for cell in row_cells(table, row):
        block, last, height = cell.firstCursorPosition().block(), cell.lastCursorPosition().block(), 0.0
        while block.isValid():
            lines = block.layout()
            height += sum(lines.lineAt(index).height() for index in range(lines.lineCount()))
            if block == last:
                break
            block = block.next()
        heights.append(height)
    return max(heights, default=0.0)


def page_starts(document: Any, table: Any, page_height: float) -> list[int]:
    """The rows of a table that starts a page where, by the rows' heights, later pages would start.

    Each page of a long table moved one at a time costs a layout of the rest of the document,
    which made a table of 500 rows take minutes. Here the pages are foreseen from the heights
    of the rows' text, so the whole table is cut in one change; `pdf._keep_pages` then checks
    the result, and any row foreseen wrongly is moved as before.
    """
    header = table.format().headerRowCount()
    if table.rows() - header < 2:
        return []
    first_top = row_extent(document, table, header)[0]
    page = page_of(first_top, page_height)
    offset = first_top - page * page_height  # where a page's first row starts, under the header
    gap = row_extent(document, table, header + 1)[0] - first_top - row_height(table, header)  # padding, borders
    starts, top = [], first_top
    for row in range(header, table.rows()):
        height = row_height(table, row)
        if row > header and height < page_height / 2 and page_of(top + height + gap, page_height) != page:
            page += 1
            top = page * page_height + offset
            starts.append(row)
        top += height + gap
        page = page_of(top - gap, page_height)
    return starts


def lines_on_page(text_layout: Any, top: float, page: int, page_height: float) -> range:
    """The lines of a block's layout (which starts at `top`) that fall on `page`, found by halving.

    A paragraph running over many pages is drawn a page at a time; looking at all its lines for
    each page took time that grew with the square of its length (a 10 MB paragraph: minutes).
    """
    count = text_layout.lineCount()

    def first_at(wanted: int) -> int:
        low, high = 0, count
        while low < high:
            middle = (low + high) // 2
            if page_of(top + text_layout.lineAt(middle).y(), page_height) < wanted:
                low = middle + 1
            else:
                high = middle
        return low

    return range(first_at(page), first_at(page + 1))


def first_line_top(document: Any, block: Any) -> float:
    """Where the block's first line of text starts."""
    top: float = document.documentLayout().blockBoundingRect(block).top()
    text_layout = block.layout()
    if text_layout is not None and text_layout.lineCount() > 0:
        top += text_layout.lineAt(0).y()
    return top


def straddling_row(document: Any, table: Any, page_height: float, moved: bool) -> int | None:
    """The first row of a table that would leave it running on to another page, and is worth moving.

    That is a row that starts on one page and ends on the next, or one that Qt has moved to the
    next page itself because its first line could not fit (Qt then stretches the row above down
    to the foot of the page). A row taller than half a page is left to break. So is the first
    row under the header of a table that already starts at the top of a page, or that has been
    `moved` there by a page break: moving it would leave that page empty.
    """
    header_rows = table.format().headerRowCount()
    above = row_extent(document, table, header_rows - 1)[1] if header_rows else None
    for row in range(header_rows, table.rows()):
        top, bottom = row_extent(document, table, row)
        page = page_of(top, page_height)
        moved_by_qt = above is not None and page_of(above - 1, page_height) < page
        above = bottom
        if bottom - top >= page_height / 2 or (page == page_of(bottom - 1, page_height) and not moved_by_qt):
            continue
        if row == header_rows:
            table_top = row_extent(document, table, 0)[0]
            if moved or table_top - page * page_height <= page_height / 10:
                continue
        return row
    return None


def running_over(document: Any, page_height: float) -> dict[int, list[Any]]:
    """By page, the blocks that begin on an earlier page and go on to it (a paragraph split)."""
    found: dict[int, list[Any]] = {}
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        text_layout = block.layout()
        if text_layout is not None and text_layout.lineCount() > 1:
            top = layout.blockBoundingRect(block).top()  # where the layout's lines are measured from
            first = page_of(top + text_layout.lineAt(0).y(), page_height)
            last = page_of(top + text_layout.lineAt(text_layout.lineCount() - 1).y(), page_height)
            for page in range(first + 1, last + 1):
                found.setdefault(page, []).append(block)
        block = block.next()
    return found


def running_on(document: Any, tables: list[Any], page_height: float) -> dict[int, list[Any]]:
    """By page, the tables that go on from it to the next: found once, not once for every page."""
    layout = document.documentLayout()
    found: dict[int, list[Any]] = {}
    for table in tables:
        first = layout.blockBoundingRect(table.cellAt(0, 0).firstCursorPosition().block())
        last_cell = table.cellAt(table.rows() - 1, table.columns() - 1)
        last = layout.blockBoundingRect(last_cell.lastCursorPosition().block())
        for page in range(page_of(first.top(), page_height), page_of(last.bottom(), page_height)):
            found.setdefault(page, []).append(table)
    return found
