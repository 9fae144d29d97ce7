"""The job specification, or any HTML such as a pack's, as PDF: laid out by Qt on A4, painted page by page.

One of the two Qt modules of documents/. QTextDocument.print_() cannot add a footer, so each
page is painted here with "Page X of Y" and the version. Qt's rich text has no "keep with
next" or "keep row together", so both are done here after layout. Works with no display.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextOption,
    QTextTable,
    QTextTableCell,
)

from roledesigner.documents.html import render_html
from roledesigner.documents.pagegeometry import PAGE_EDGE, lines_on_page, page_of, page_starts, row_extent
from roledesigner.documents.pdffit import fit_for_pdf
from roledesigner.documents.pdfmarks import PdfHeading, laid_out_headings, mark_pdf
from roledesigner.documents.viewmodel import JobSpecification
from roledesigner.documents.weekpicture import _ensure_gui

#: Dots per inch of the PDF's coordinate space: fine enough that text positions are exact.
RESOLUTION = 600
#: Qt's rich text measures CSS pixels at 96 to the inch.
CSS_DPI = 96
MARGIN_MM = 20.0
FOOTER_FROM_BODY_MM = 8.0
FOOTER_POINTS = 9.0  # as the Word template's footer (templatebuild.FOOTER_POINTS)
FOOTER_FONTS = ["Arial", "Helvetica", "Liberation Sans", "DejaVu Sans"]
FOOTER_COLOUR = "#4C6272"
RULE_COLOUR = "#AEB7BD"
CREATOR = "Role Designer"
#: The block state (`-qt-user-state` in the HTML's style sheet) of a line kept with the next one.
KEEP_WITH_NEXT = 1


def _mm(value: float) -> float:
    """Millimetres in the writer's device pixels."""
    return value / 25.4 * RESOLUTION


def footer_text(view: JobSpecification, page: int, pages: int) -> str:
    return f"Page {page} of {pages} · Version {view.version}, {view.date}"


def _image(png: bytes) -> QImage:
    image = QImage()
    image.loadFromData(png, "PNG")
    return image


def _relayout_from(document: QTextDocument, position: int) -> None:
    """Lay out everything from `position` again.

    After a format change Qt re-lays out lazily and can leave a later block with no lines at
    all (a heading then vanishes from the page); marking the rest dirty makes it whole again.
    """
    document.markContentsDirty(position, document.characterCount() - position)


def _break_before(document: QTextDocument, block: QTextBlock) -> None:
    change = QTextBlockFormat()
    change.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    QTextCursor(block).mergeBlockFormat(change)
    _relayout_from(document, block.position())


def _first_line_top(document: QTextDocument, block: QTextBlock) -> float:
    """Where the block's first line of text starts."""
    top = document.documentLayout().blockBoundingRect(block).top()
    text_layout = block.layout()
    if text_layout is not None and text_layout.lineCount() > 0:
        return top + text_layout.lineAt(0).y()
    return top


def _sizes_as_written(document: QTextDocument) -> None:
    """Give headings the point sizes the style sheet sets.

    Qt's HTML import also gives h1 to h6 a relative size step, which wins over a size in points
    and scales the platform's default font instead (9 pt offscreen, 13 pt on macOS).
    """
    stepped = []
    block = document.begin()
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            fragment = fragments.fragment()
            char_format = fragment.charFormat()
            if char_format.hasProperty(QTextFormat.Property.FontPointSize) and char_format.hasProperty(
                QTextFormat.Property.FontSizeAdjustment
            ):
                char_format.clearProperty(QTextFormat.Property.FontSizeAdjustment)
                stepped.append((fragment.position(), fragment.length(), char_format))
            fragments += 1
        block = block.next()
    cursor = QTextCursor(document)
    for position, length, char_format in stepped:  # changed after reading: a change can merge fragments
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char_format)


def _keeps_with_next(block: QTextBlock) -> bool:
    """A heading, or a line the HTML marks as introducing what follows (a capability's name)."""
    return block.blockFormat().headingLevel() > 0 or block.userState() == KEEP_WITH_NEXT


def _keep_headings_with_next(document: QTextDocument, page_height: float) -> None:
    """Move a heading left alone at the foot of a page to the next page, with what follows it.

    A heading or lead-in line (or a run of them) whose next text starts on a later page gets a
    page break before it.
    """
    block = document.begin()
    while block.isValid():
        if _keeps_with_next(block):
            following = block.next()
            while following.isValid() and _keeps_with_next(following):
                following = following.next()
            if not following.isValid():
                break
            top = _first_line_top(document, block)
            page = page_of(top, page_height)
            at_page_top = top - page * page_height < page_height / 20  # a break would leave a blank page
            if not at_page_top and page < page_of(_first_line_top(document, following), page_height):
                _break_before(document, block)
            block = following  # the headings before it are settled with it
            continue
        block = block.next()


def _tables(document: QTextDocument) -> list[QTextTable]:
    return [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]


def _copy_cell(document: QTextDocument, source: QTextTableCell, target: QTextTableCell) -> None:
    """The text (with its character formats) and the cell format (its shading) of one cell."""
    selection = QTextCursor(document)
    selection.setPosition(source.firstPosition())
    selection.setPosition(source.lastPosition(), QTextCursor.MoveMode.KeepAnchor)
    target.setFormat(source.format())
    target.firstCursorPosition().insertFragment(selection.selection())


def _carry_rows(document: QTextDocument, table: QTextTable, start: int, end: int) -> QTextTable:
    """Move rows `start` to `end` into a new table just after `table`, under a copy of its header.

    The caller holds the edit block and lays out again afterwards.
    """
    table_format = table.format()
    carried = [*range(table_format.headerRowCount()), *range(start, end)]
    columns = table.columns()
    cursor = QTextCursor(document)
    cursor.setPosition(table.lastPosition() + 1)  # the empty block Qt keeps after every table
    rest = cursor.insertTable(len(carried), columns, table_format)
    for new_row, old_row in enumerate(carried):
        for column in range(columns):
            _copy_cell(document, table.cellAt(old_row, column), rest.cellAt(new_row, column))
    table.removeRows(start, end - start)
    return rest


def _continue_on_next_page(document: QTextDocument, table: QTextTable, row: int, page_height: float) -> QTextTable:
    """End the table above `row` and carry the rest, under a copy of its header, to the next page.

    Word does this with a row that may not break across pages. Padding the row above down to
    the foot of the page (the other way) would stretch that row's borders to the page's foot.
    """
    page = page_of(row_extent(document, table, row - 1)[1] - 1, page_height)  # where the table now ends
    cursor = QTextCursor(document)
    cursor.beginEditBlock()  # one layout pass for the whole change, not one per cell
    rest = _carry_rows(document, table, row, table.rows())
    cursor.endEditBlock()
    _relayout_from(document, table.firstPosition())
    if page_of(row_extent(document, rest, 0)[0], page_height) <= page:  # room left under the shorter table
        rest_format = rest.format()
        rest_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        rest.setFormat(rest_format)
        _relayout_from(document, max(rest.firstPosition() - 1, 0))
    return rest


def _cut_into_pages(document: QTextDocument, table: QTextTable, page_height: float) -> None:
    """Cut a table at every foreseen page start, each piece from the top of a page, in one change.

    Where the empty block Qt keeps after a table falls on the next page by itself, a piece that
    also breaks the page would leave that page blank: such pieces lose their break again.
    """
    starts = page_starts(document, table, page_height)
    if not starts:
        return
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    pieces: list[QTextTable] = []
    end = table.rows()
    for start in reversed(starts):  # from the last: each piece is copied once, and lands after the table
        pieces.insert(0, _carry_rows(document, table, start, end))
        end = start
    for piece in pieces:
        _set_break_before(piece, True)
    cursor.endEditBlock()
    _relayout_from(document, table.firstPosition())
    blank = [
        piece
        for before, piece in zip([table, *pieces], pieces, strict=False)
        if page_of(row_extent(document, piece, 0)[0], page_height)
        - page_of(row_extent(document, before, before.rows() - 1)[1] - 1, page_height)
        > 1
    ]
    if blank:
        cursor.beginEditBlock()
        for piece in blank:
            _set_break_before(piece, False)
        cursor.endEditBlock()
        _relayout_from(document, table.firstPosition())


def _set_break_before(table: QTextTable, on: bool) -> None:
    table_format = table.format()
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if on else QTextFormat.PageBreakFlag.PageBreak_Auto
    table_format.setPageBreakPolicy(policy)
    table.setFormat(table_format)


def _straddling_row(document: QTextDocument, page_height: float) -> tuple[QTextTable, int] | None:
    """The first table row that would leave its table running on to another page, and is worth moving.

    That is a row that starts on one page and ends on the next, or one that Qt has moved to the
    next page itself because its first line could not fit (Qt then stretches the row above down
    to the foot of the page). A row taller than half a page is left to break. So is the first
    row under the header of a table that already starts at the top of a page: moving it would
    leave that page empty.
    """
    for table in _tables(document):
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
                moved = table.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore
                table_top = row_extent(document, table, 0)[0]
                if moved or table_top - page * page_height <= page_height / 10:
                    continue
            return table, row
    return None


def _keep_rows_whole(document: QTextDocument, page_height: float) -> None:
    """Move each table row that would straddle two pages to the next page, so no row is cut.

    When the first row under the header straddles, the whole table moves; otherwise the table
    ends above the row and goes on at the top of the next page with its header repeated.
    """
    while (found := _straddling_row(document, page_height)) is not None:
        table, row = found
        if row == table.format().headerRowCount():
            table_format = table.format()
            table_format.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            table.setFormat(table_format)
            _relayout_from(document, max(table.firstPosition() - 1, 0))
        else:
            _cut_into_pages(document, _continue_on_next_page(document, table, row, page_height), page_height)


def _running_on(document: QTextDocument, page_height: float) -> dict[int, list[QTextTable]]:
    """By page, the tables that go on from it to the next: found once, not once for every page."""
    layout = document.documentLayout()
    found: dict[int, list[QTextTable]] = {}
    for table in _tables(document):
        first = layout.blockBoundingRect(table.cellAt(0, 0).firstCursorPosition().block())
        last_cell = table.cellAt(table.rows() - 1, table.columns() - 1)
        last = layout.blockBoundingRect(last_cell.lastCursorPosition().block())
        for page in range(page_of(first.top(), page_height), page_of(last.bottom(), page_height)):
            found.setdefault(page, []).append(table)
    return found


def _close_tables(
    painter: QPainter, document: QTextDocument, tables: list[QTextTable], page: int, page_height: float, scale: float
) -> None:
    """Draw the bottom border of each table that runs on to the next page: Qt leaves it open.

    Qt stops the cells short of the page end by the table's top margin and two borders (its
    table layout's page bottom); the line goes there, from the first column to the last.
    """
    layout = document.documentLayout()
    page_end = (page + 1) * page_height
    for table in tables:
        first = layout.blockBoundingRect(table.cellAt(0, 0).firstCursorPosition().block())
        last_cell = table.cellAt(table.rows() - 1, table.columns() - 1)
        last = layout.blockBoundingRect(last_cell.lastCursorPosition().block())
        table_format = table.format()
        border = max(table_format.border(), 1.0) * scale
        inset = table_format.cellPadding() * scale + border
        y = page_end - (table_format.topMargin() * scale + 2 * border) - border / 2
        pen = QPen(table_format.borderBrush().color(), border)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        painter.drawLine(QLineF(first.left() - inset, y, last.right() + inset, y))


def _writer(buffer: QBuffer, title: str, author: str) -> QPdfWriter:
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    # The whole sheet is the painting area: margins and footer are placed by hand.
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator(CREATOR)
    set_author = getattr(writer, "setAuthor", None)  # Qt 6.8 and later
    if set_author is not None:
        set_author(author)
    return writer


def _without_ligatures(font: QFont) -> QFont:
    """The font with ligatures off, so the PDF's text reads "specification", not "speciﬁcation".

    Poppler, Acrobat and screen readers give a ligature glyph back as its own character (ﬁ, ﬃ),
    which a search for the plain letters misses. Scripts that need joined letters, such as
    Arabic, are shaped by their own required features and are not affected. Qt 6.7 and later.
    """
    set_feature = getattr(font, "setFeature", None)
    if set_feature is not None:
        for tag in ("liga", "clig"):
            set_feature(QFont.Tag(tag), 0)
    return font


def _body(writer: QPdfWriter) -> QRectF:
    """The area inside the margins, in the writer's device pixels."""
    sheet = writer.pageLayout().fullRectPixels(RESOLUTION)
    margin = _mm(MARGIN_MM)
    return QRectF(margin, margin, sheet.width() - 2 * margin, sheet.height() - 2 * margin)


def _document(html: str, writer: QPdfWriter, body: QRectF, images: dict[str, bytes]) -> QTextDocument:
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # points and CSS pixels sized for the PDF
    document.setDocumentMargin(0)
    document.setDefaultFont(_without_ligatures(QFont(document.defaultFont())))  # every block inherits it
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)  # a 20,000-letter word still fits
    document.setDefaultTextOption(option)
    for name, png in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), _image(png))
    document.setHtml(html)
    _sizes_as_written(document)
    document.setPageSize(QSizeF(body.width(), body.height()))
    # Headings first (moving one shifts every row after it), rows next, then headings again in
    # case a moved row left a heading behind.
    _keep_headings_with_next(document, body.height())
    _keep_rows_whole(document, body.height())
    _keep_headings_with_next(document, body.height())
    return document


def _running_over(document: QTextDocument, page_height: float) -> dict[int, list[QTextBlock]]:
    """By page, the blocks that begin on an earlier page and go on to it (a paragraph split)."""
    found: dict[int, list[QTextBlock]] = {}
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


def _draw_page(
    painter: QPainter, document: QTextDocument, page: int, body: QRectF, running_over: list[QTextBlock]
) -> None:
    """One page of the document, each line of text drawn on its own page only.

    Qt draws every line that touches the page's rectangle, and also the last line above it of a
    paragraph that goes on to the page (QTextLayout::draw starts one line early). Clipped, they
    cannot be seen, but they would be in the PDF's text twice, for searches and screen readers.
    So the rectangle stops short of the next page's first line, and a paragraph that goes on to
    this page from the last is hidden from Qt's drawing of this page; its lines here are drawn
    one by one.
    """
    layout = document.documentLayout()
    for block in running_over:  # first, so the text reads on from the foot of the last page
        text_layout = block.layout()
        origin = layout.blockBoundingRect(block).topLeft()  # the layout's position in the page
        for index in lines_on_page(text_layout, origin.y(), page, body.height()):
            text_layout.lineAt(index).draw(painter, origin)
        block.setVisible(False)  # for Qt's drawing below only: the layout is not redone
    try:
        top = page * body.height()
        document.drawContents(painter, QRectF(0, top + PAGE_EDGE, body.width(), body.height() - 2 * PAGE_EDGE))
    finally:
        for block in running_over:
            block.setVisible(True)


def _render(
    html: str, title: str, author: str, footer: Callable[[int, int], str], images: dict[str, bytes]
) -> tuple[bytes, list[PdfHeading]]:
    """A4 PDF bytes of the HTML, with the footer on every page, and the headings with their pages."""
    _ensure_gui()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, title, author)
    body = _body(writer)
    document = _document(html, writer, body, images)
    pages = document.pageCount()
    scale = writer.logicalDpiY() / CSS_DPI
    running_over = _running_over(document, body.height())
    running_on = _running_on(document, body.height())

    footer_font = _without_ligatures(QFont(FOOTER_FONTS))
    footer_font.setPointSizeF(FOOTER_POINTS)
    footer_rule = body.bottom() + _mm(FOOTER_FROM_BODY_MM)
    painter = QPainter(writer)
    try:
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(body.left(), body.top() - page * body.height())
            _draw_page(painter, document, page, body, running_over.get(page, []))
            _close_tables(painter, document, running_on.get(page, []), page, body.height(), scale)
            painter.restore()
            painter.setPen(QPen(QColor(RULE_COLOUR), _mm(0.2)))
            painter.drawLine(QLineF(body.left(), footer_rule, body.right(), footer_rule))
            painter.setPen(QColor(FOOTER_COLOUR))
            painter.setFont(footer_font)
            painter.drawText(
                QRectF(body.left(), footer_rule + _mm(1.5), body.width(), _mm(6)),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
                footer(page + 1, pages),
            )
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), laid_out_headings(document, body.height())


def render_pdf(view: JobSpecification, *, week_png: bytes | None, logo_png: bytes | None = None) -> bytes:
    """The specification as A4 PDF bytes, with a footer on every page and the title, author and creator set."""
    images = {name: png for name, png in (("week.png", week_png), ("logo.png", logo_png)) if png is not None}
    fitted, notes = fit_for_pdf(view)  # a length Qt can lay out; the notes say what is left out
    html = render_html(fitted, week_picture=week_png is not None, logo=logo_png is not None, notes=notes)
    return _render(html, view.document_title, view.author, partial(footer_text, view), images)[0]


def render_html_pdf(
    html: str,
    *,
    title: str,
    author: str,
    footer: Callable[[int, int], str],
    images: Mapping[str, bytes] | None = None,
    language: str = "en-GB",
) -> bytes:
    """Any HTML in Qt's subset as an A4 PDF laid out as the job specification's: its fonts, margins, rule and footer.

    `footer(page, pages)` is each page's footer line; `images` are the PNGs the HTML names (`<img
    src="logo.png">`). The caller bounds the HTML's length, as `fit_for_pdf` does for the job
    specification: Qt fails past about 5,500 pages. It also has a language, and bookmarks (`pdfmarks`).
    """
    data, headings = _render(html, title, author, footer, dict(images or {}))
    return mark_pdf(data, headings, language)
