"""The job specification, or any HTML such as a pack's, as PDF: laid out by Qt on A4, painted page by page.

One of the two Qt modules of documents/. QTextDocument.print_() cannot add a footer, so each
page is painted here with "Page X of Y" and the version. Qt's rich text has no "keep with
next" or "keep row together", so both are done here after layout. Works with no display.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
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
from roledesigner.documents.pagegeometry import (
    PAGE_EDGE,
    first_line_top,
    lines_on_page,
    page_of,
    page_starts,
    row_extent,
    straddling_row,
)
from roledesigner.documents.pagegeometry import running_on as page_running_on
from roledesigner.documents.pagegeometry import running_over as page_running_over
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
#: A running header (a pack's "Draft: not yet reviewed"), bold and red as the Word template's mark.
HEADER_COLOUR = "#DA291C"
HEADER_ABOVE_BODY_MM = 10.0
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


def _lay_out_lazily(document: QTextDocument) -> None:
    """Start the layout again from the top, done only as far down as it is asked for.

    A page size set anew makes Qt lay out lazily, a step at a time as positions are asked for;
    a fix made then is laid out only as far as the layout has got, not on to the end. A pass
    that fixes the document from the top down thus lays it out once, however many fixes it
    makes: laid out to the end after each fix, the independent chair's pack took seconds.
    """
    document.setPageSize(document.pageSize())


@contextmanager
def _one_change(document: QTextDocument, position: int) -> Iterator[None]:
    """The changes made inside, laid out once, from `position` on.

    Marked dirty inside the edit block, the rest is laid out there, once; the block's end then
    has nothing left to lay out. Marked after it, Qt laid the change out twice.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        yield
        _relayout_from(document, position)
    finally:
        cursor.endEditBlock()


def _break_before(document: QTextDocument, block: QTextBlock) -> None:
    change = QTextBlockFormat()
    change.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
    with _one_change(document, block.position()):
        QTextCursor(block).mergeBlockFormat(change)


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
    cursor.beginEditBlock()  # laid out once, at the end, not after each change
    for position, length, char_format in stepped:  # changed after reading: a change can merge fragments
        cursor.setPosition(position)
        cursor.setPosition(position + length, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(char_format)
    cursor.endEditBlock()


def _keeps_with_next(block: QTextBlock) -> bool:
    """A heading, or a line the HTML marks as introducing what follows (a capability's name)."""
    return block.blockFormat().headingLevel() > 0 or block.userState() == KEEP_WITH_NEXT


def _at_page_top(document: QTextDocument, block: QTextBlock, page_height: float) -> bool:
    """Whether the block starts at the top of a page, where a break before it would leave a blank page."""
    top = first_line_top(document, block)
    return top - page_of(top, page_height) * page_height < page_height / 20


def _stranded(document: QTextDocument, run: QTextBlock, following: QTextBlock, page_height: float) -> bool:
    """Whether headings from `run` are left at the foot of a page: what follows them starts on a later one."""
    return not _at_page_top(document, run, page_height) and page_of(
        first_line_top(document, run), page_height
    ) < page_of(first_line_top(document, following), page_height)


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

    The caller holds the edit block (`_one_change`).
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


def _continue_on_next_page(document: QTextDocument, table: QTextTable, row: int, page_height: float) -> None:
    """End the table above `row` and carry the rest, under a copy of its header, to the next page.

    Word does this with a row that may not break across pages. Padding the row above down to
    the foot of the page (the other way) would stretch that row's borders to the page's foot.
    The rest, once at the top of a page, is cut at every page it will fill (`page_starts`) in
    one more change: each page moved one at a time took a layout of the rest of the document.
    """
    pieces = _cut(document, table, [row])
    starts = page_starts(document, pieces[0], page_height)
    if starts:
        pieces += _cut(document, pieces[0], starts)
    # Where the empty block Qt keeps after a table falls on the next page by itself, a piece that
    # also breaks the page would leave that page blank: such pieces lose their break again.
    tables = [table, *pieces]
    blank = [
        piece
        for before, piece in zip(tables, pieces, strict=False)
        if page_of(row_extent(document, piece, 0)[0], page_height)
        - page_of(row_extent(document, before, before.rows() - 1)[1] - 1, page_height)
        > 1
    ]
    if blank:
        with _one_change(document, table.firstPosition()):
            for piece in blank:
                _set_break_before(piece, False)


def _cut(document: QTextDocument, table: QTextTable, starts: list[int]) -> list[QTextTable]:
    """Cut the table above each row of `starts`, each piece under a copy of its header from the top of a page."""
    pieces: list[QTextTable] = []
    with _one_change(document, table.firstPosition()):
        end = table.rows()
        for start in reversed(starts):  # from the last: each piece is copied once, and lands after the table
            pieces.insert(0, _carry_rows(document, table, start, end))
            end = start
        for piece in pieces:
            _set_break_before(piece, True)
    return pieces


def _set_break_before(table: QTextTable, on: bool) -> None:
    table_format = table.format()
    policy = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore if on else QTextFormat.PageBreakFlag.PageBreak_Auto
    table_format.setPageBreakPolicy(policy)
    table.setFormat(table_format)


def _keep_pages(document: QTextDocument, page_height: float) -> None:
    """Keep each heading with what follows it, and each table row whole on a page, in one pass down.

    A heading or lead-in line (or a run of them) whose next text starts on a later page gets a
    page break before it. A table row that would straddle two pages goes to the next: when it is
    the first under the header the whole table moves, with the headings just above it; otherwise
    the table ends above the row and goes on at the top of the next page under a copy of its
    header. A fix moves only what follows it, so the pass goes on down from it, the layout done
    lazily (`_lay_out_lazily`) as far as it has got: the document is laid out about once.
    """
    _lay_out_lazily(document)
    run: QTextBlock | None = None  # a heading, and any after it, waiting for what follows
    position = 0
    tables, index = _tables(document), 0  # the tables in order, and the first not yet passed
    while position < document.characterCount():
        while index < len(tables) and tables[index].lastPosition() < position:
            index += 1
        table = tables[index] if index < len(tables) and tables[index].firstPosition() <= position else None
        if table is None:
            block = document.findBlock(position)
            if not block.isValid():
                break
            if not _keeps_with_next(block):
                if run is not None and _stranded(document, run, block, page_height):
                    _break_before(document, run)
                run = None
            elif run is None:
                run = block
            position = block.position() + block.length()
            continue
        if run is not None and _stranded(document, run, table.cellAt(0, 0).firstCursorPosition().block(), page_height):
            _break_before(document, run)
            run = None
        table_format = table.format()
        moved = bool(table_format.pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        row = straddling_row(document, table, page_height, moved)
        if row is None:
            position = table.lastPosition() + 1
        elif row > table_format.headerRowCount():
            _continue_on_next_page(document, table, row, page_height)
            position = table.lastPosition() + 1  # the pieces carried on are looked at in turn
            tables, index = _tables(document), 0
        elif run is not None and not _at_page_top(document, run, page_height):
            _break_before(document, run)  # the headings go with the table; it is looked at again
        else:
            with _one_change(document, max(table.firstPosition() - 1, 0)):
                _set_break_before(table, True)
        run = None


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
    _keep_pages(document, body.height())
    return document


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
    html: str,
    title: str,
    author: str,
    footer: Callable[[int, int], str],
    images: dict[str, bytes],
    header: str = "",
) -> tuple[bytes, list[PdfHeading]]:
    """A4 PDF bytes of the HTML, with the footer (and `header`) on every page, and the headings with their pages."""
    _ensure_gui()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, title, author)
    body = _body(writer)
    document = _document(html, writer, body, images)
    pages = document.pageCount()
    scale = writer.logicalDpiY() / CSS_DPI
    running_over = page_running_over(document, body.height())
    running_on = page_running_on(document, _tables(document), body.height())

    footer_font = _without_ligatures(QFont(FOOTER_FONTS))
    footer_font.setPointSizeF(FOOTER_POINTS)
    footer_rule = body.bottom() + _mm(FOOTER_FROM_BODY_MM)
    header_font = QFont(footer_font)
    header_font.setBold(True)
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
            if header:  # the pen and font are set again for the next page's footer
                painter.setPen(QColor(HEADER_COLOUR))
                painter.setFont(header_font)
                top = body.top() - _mm(HEADER_ABOVE_BODY_MM)
                painter.drawText(QRectF(body.left(), top, body.width(), _mm(6)), Qt.AlignmentFlag.AlignRight, header)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data()), laid_out_headings(document, body.height())


def render_pdf(view: JobSpecification, *, week_png: bytes | None, logo_png: bytes | None = None) -> bytes:
    """The specification as A4 PDF bytes: the footer, and the Draft mark as Word has it, on every page."""
    images = {name: png for name, png in (("week.png", week_png), ("logo.png", logo_png)) if png is not None}
    fitted, notes = fit_for_pdf(view)  # a length Qt can lay out; the notes say what is left out
    body = replace(fitted, draft_mark="")  # the mark goes in the running header instead
    html = render_html(body, week_picture=week_png is not None, logo=logo_png is not None, notes=notes)
    return _render(html, view.document_title, view.author, partial(footer_text, view), images, view.draft_mark)[0]


def render_html_pdf(
    html: str,
    *,
    title: str,
    author: str,
    footer: Callable[[int, int], str],
    images: Mapping[str, bytes] | None = None,
    language: str = "en-GB",
    header: str = "",
) -> bytes:
    """Any HTML in Qt's subset as an A4 PDF laid out as the job specification's: its fonts, margins, rule and footer.

    `footer(page, pages)` is each page's footer line; `images` are the PNGs the HTML names (`<img
    src="logo.png">`). The caller bounds the HTML's length, as `fit_for_pdf` does for the job
    specification: Qt fails past about 5,500 pages. It also has a language, and bookmarks (`pdfmarks`).
    `header`, when given, is said at the top right of every page.
    """
    data, headings = _render(html, title, author, footer, dict(images or {}), header)
    return mark_pdf(data, headings, language)
