"""Draw Role Designer's application icon and write it for Windows, macOS and Linux.

The icon is drawn here with QPainter rather than kept as a picture from elsewhere, so that it can
be remade offline, carries no third-party licence and stays sharp at every size: the small sizes
are drawn at their own size with fewer details, not shrunk from the large one.

The mark: a rounded square in NHS blue holding a white job specification (a page with a folded
corner and lines of text) and a clock with a green slice reserved, for protected time.

It writes packaging/icons/: roledesigner.png (256 pixels, for Linux), roledesigner.ico (16 to 256
pixels, for Windows) and roledesigner.icns (for macOS). The spec file reads them; run this again
only when the design changes, and commit what it writes:

    .venv/bin/python packaging/make_icon.py
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGuiApplication,
    QImage,
    QImageWriter,
    QLinearGradient,
    QPainter,
    QPainterPath,
    QPen,
)

ICONS = Path(__file__).resolve().parent / "icons"

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

ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entries, all PNG: type code and pixel size (ic11 to ic14 are the @2x versions of 16 to 256).
ICNS_ENTRIES = (
    (b"ic11", 32),
    (b"ic12", 64),
    (b"ic07", 128),
    (b"ic13", 256),
    (b"ic08", 256),
    (b"ic14", 512),
    (b"ic09", 512),
    (b"ic10", 1024),
)


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


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise RuntimeError(f"Qt could not encode a PNG ({writer.errorString()})")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: list[QImage]) -> bytes:
    """A Windows ICO holding each image as a PNG entry (read by Windows Vista and later)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    directory, payload = b"", b""
    for image in images:
        png = png_bytes(image)
        side = image.width() % 256  # 0 means 256
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(payload))
        payload += png
    return header + directory + payload


def icns_bytes(entries: list[tuple[bytes, QImage]]) -> bytes:
    """A macOS ICNS: 'icns' and the total length, then per entry its type, length and PNG data."""
    body = b""
    for kind, image in entries:
        png = png_bytes(image)
        body += kind + struct.pack(">I", 8 + len(png)) + png
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # Qt's image plugins want one
    ICONS.mkdir(parents=True, exist_ok=True)
    flat = {size: draw_icon(size) for size in {*ICO_SIZES, 256}}
    (ICONS / "roledesigner.png").write_bytes(png_bytes(flat[256]))
    (ICONS / "roledesigner.ico").write_bytes(ico_bytes([flat[size] for size in ICO_SIZES]))
    mac = {size: draw_icon(size, margin=100 / 1024) for size in {size for _, size in ICNS_ENTRIES}}
    (ICONS / "roledesigner.icns").write_bytes(icns_bytes([(kind, mac[size]) for kind, size in ICNS_ENTRIES]))
    for name in ("roledesigner.png", "roledesigner.ico", "roledesigner.icns"):
        print(f"Wrote {ICONS / name} ({(ICONS / name).stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
