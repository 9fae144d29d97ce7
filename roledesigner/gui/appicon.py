"""Role Designer's icon, drawn with QPainter: for the running app's windows and for the bundles.

Drawn rather than kept as a picture, so it needs no data file in a checkout, a wheel or a bundle,
carries no third-party licence and stays sharp at every size: the small sizes are drawn at their
own size with fewer details, not shrunk from the large one. `packaging/make_icon.py` writes the
same drawing out as the .png, .ico and .icns files that installers and file managers use.

The mark: a rounded square in NHS blue holding a white job specification (a page with a folded
corner and lines of text) and a clock with a green slice reserved, for protected time.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QIcon, QImage, QLinearGradient, QPainter, QPainterPath, QPen, QPixmap

#: The sizes drawn for the app's windows: the title bar, the task bar and the window switcher.
WINDOW_SIZES = (16, 24, 32, 48, 64, 128, 256)

NHS_BLUE = QColor("#005EB8")
NHS_BRIGHT_BLUE = QColor("#0072CE")
NHS_DARK_BLUE = QColor("#003087")
NHS_AQUA_GREEN = QColor("#00A499")
WHITE = QColor("#FFFFFF")
FOLD = QColor("#C6DBF0")
TEXT_LINE = QColor("#A9C6E6")
SMALL_TEXT_LINE = QColor("#7FA8D8")
#: Below this many pixels the simpler, pixel-aligned drawing is used.
SMALL = 40


def draw_icon(size: int, margin: float = 0.0) -> QImage:
    """The icon at `size` pixels square; `margin` is the empty border as a fraction of the size
    (macOS icons leave about a tenth; Windows and Linux icons use the whole square)."""
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    offset = round(size * margin)
    inner = size - 2 * offset
    painter.translate(offset, offset)
    if inner < SMALL:
        _draw_small(painter, _Grid(inner / 16))
    else:
        _draw_large(painter, _Grid(inner / 256))
    painter.end()
    return image


class _Grid:
    """Design units to pixels, with the edges of straight shapes put on whole pixels, so that
    they stay crisp when the icon is drawn small."""

    def __init__(self, unit: float) -> None:
        self.unit = unit

    def edge(self, value: float) -> float:
        return float(round(value * self.unit))

    def box(self, left: float, top: float, right: float, bottom: float) -> QRectF:
        x, y = self.edge(left), self.edge(top)
        return QRectF(x, y, self.edge(right) - x, self.edge(bottom) - y)

    def bar(self, left: float, top: float, width: float, thickness: float) -> QRectF:
        """A line of text: at least one pixel thick, and the same thickness wherever it is."""
        x, y = self.edge(left), self.edge(top)
        return QRectF(x, y, self.edge(left + width) - x, max(1.0, float(round(thickness * self.unit))))

    def point(self, x: float, y: float) -> QPointF:
        return QPointF(x * self.unit, y * self.unit)


def _background(painter: QPainter, grid: _Grid, extent: float, radius: float) -> None:
    """A rounded square in NHS blue, a little brighter at the top, like light from above."""
    side = grid.edge(extent)
    gradient = QLinearGradient(0, 0, 0, side)
    gradient.setColorAt(0, NHS_BRIGHT_BLUE)
    gradient.setColorAt(1, NHS_BLUE)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(gradient))
    painter.drawRoundedRect(QRectF(0, 0, side, side), radius * grid.unit, radius * grid.unit)


def _draw_large(painter: QPainter, grid: _Grid) -> None:
    """The full mark, on a 256-unit square: 40 pixels and up."""
    _background(painter, grid, extent=256, radius=56)
    page = grid.box(46, 34, 166, 218)
    fold = grid.edge(40)
    painter.setBrush(WHITE)
    painter.drawPath(_page_path(page, fold, corner=8 * grid.unit))
    painter.setBrush(FOLD)
    painter.drawPath(_fold_path(page, fold))
    heading = grid.bar(62, 56, 56, 12)
    painter.setBrush(NHS_BLUE)
    painter.drawRoundedRect(heading, heading.height() / 2, heading.height() / 2)
    painter.setBrush(TEXT_LINE)
    for index, width in enumerate((88, 88, 64, 40)):
        line = grid.bar(62, 90 + 22 * index, width, 9)
        painter.drawRoundedRect(line, line.height() / 2, line.height() / 2)

    centre, radius = grid.point(174, 176), 52 * grid.unit
    _clock_face(painter, centre, radius, ring=10 * grid.unit, face=43 * grid.unit)
    painter.setPen(QPen(NHS_DARK_BLUE, 9 * grid.unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    painter.drawLine(centre, centre + grid.point(0, -37))
    painter.drawLine(centre, centre + grid.point(-22, 12))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(NHS_DARK_BLUE)
    painter.drawEllipse(centre, 7 * grid.unit, 7 * grid.unit)


def _draw_small(painter: QPainter, grid: _Grid) -> None:
    """The mark for 16 to 39 pixels, on a 16-unit square: a bigger page and clock, text lines
    one unit thick, and hands on the clock only from 32 pixels."""
    _background(painter, grid, extent=16, radius=3)
    page = grid.box(3, 2, 11, 14)
    fold = grid.edge(3)
    painter.setBrush(WHITE)
    painter.drawPath(_page_path(page, fold, corner=0))
    painter.setBrush(FOLD)
    painter.drawPath(_fold_path(page, fold))
    painter.setBrush(SMALL_TEXT_LINE)
    left = 4.5 if grid.unit > 1 else 4
    for top, right in ((5, 8), (7, 9), (9, 9)):
        painter.drawRect(grid.box(left, top, right, top + 1))

    centre = QPointF(grid.edge(11), grid.edge(11))
    _clock_face(painter, centre, radius=4 * grid.unit, ring=grid.unit, face=3 * grid.unit)
    if grid.unit >= 2:
        painter.setPen(QPen(NHS_DARK_BLUE, grid.unit, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        painter.drawLine(centre, centre + grid.point(0, -2.5))
        painter.drawLine(centre, centre + grid.point(-1.7, 1))


def _page_path(rect: QRectF, fold: float, corner: float) -> QPainterPath:
    """A page whose top right corner is cut off where it folds over."""
    page = QPainterPath()
    page.moveTo(rect.left(), rect.top())
    page.lineTo(rect.right() - fold, rect.top())
    page.lineTo(rect.right(), rect.top() + fold)
    page.lineTo(rect.right(), rect.bottom())
    page.lineTo(rect.left(), rect.bottom())
    page.closeSubpath()
    if not corner:
        return page
    rounded = QPainterPath()
    rounded.addRoundedRect(rect, corner, corner)
    return page.intersected(rounded)


def _fold_path(rect: QRectF, fold: float) -> QPainterPath:
    corner = QPainterPath()
    corner.moveTo(rect.right() - fold, rect.top())
    corner.lineTo(rect.right() - fold, rect.top() + fold)
    corner.lineTo(rect.right(), rect.top() + fold)
    corner.closeSubpath()
    return corner


def _clock_face(painter: QPainter, centre: QPointF, radius: float, ring: float, face: float) -> None:
    """A white clock, set off from the page by a ring of the background blue, with a green slice
    from twelve to four o'clock: a share of the working week reserved, that is, protected time."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(NHS_BLUE)
    painter.drawEllipse(centre, radius + ring, radius + ring)
    painter.setBrush(WHITE)
    painter.drawEllipse(centre, radius, radius)
    painter.setBrush(NHS_AQUA_GREEN)
    painter.drawPie(QRectF(centre.x() - face, centre.y() - face, 2 * face, 2 * face), 90 * 16, -120 * 16)


def app_icon() -> QIcon:
    """The icon at every size a desktop asks windows for (about 2 ms)."""
    icon = QIcon()
    for size in WINDOW_SIZES:
        icon.addPixmap(QPixmap.fromImage(draw_icon(size)))
    return icon
