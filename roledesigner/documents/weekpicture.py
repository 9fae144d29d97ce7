"""Paint the picture of the week to PNG with Qt, offscreen: one of the two Qt modules of documents/."""

from __future__ import annotations

import os
from fractions import Fraction

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

from roledesigner.documents.weekchart import COLOURS, NAMES, WeekChart, segment_label

_APP: QGuiApplication | None = None


def _ensure_gui() -> None:
    """Fonts need a GUI application; with no display, start one on the offscreen platform."""
    global _APP
    if QGuiApplication.instance() is None:
        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QGuiApplication(["roledesigner"])


def render_png(chart: WeekChart, width: int = 1200) -> bytes:
    """A PNG of the chart, `width` pixels wide (printed at about 16 cm, so sharp at 190 dpi)."""
    _ensure_gui()
    margin, label_width, bar_height, gap = 24, 330, 54, 26
    legend_height = 50
    height = margin * 2 + 40 + len(chart.bars) * (bar_height + gap) + legend_height
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont("DejaVu Sans")
    font.setPixelSize(22)
    painter.setFont(font)
    title_font = QFont(font)
    title_font.setBold(True)
    title_font.setPixelSize(26)
    painter.setFont(title_font)
    painter.setPen(QColor("#212B32"))
    painter.drawText(QRectF(margin, margin, width - 2 * margin, 36), Qt.AlignmentFlag.AlignLeft, chart.title)
    painter.setFont(font)
    plot_left = margin + label_width
    plot_width = width - plot_left - margin
    scale = chart.scale_hours or Fraction(1)
    y = margin + 50
    for bar in chart.bars:
        painter.setPen(QColor("#212B32"))
        painter.drawText(
            QRectF(margin, y, label_width - 12, bar_height),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap,
            bar.label,
        )
        x = float(plot_left)
        for segment in bar.segments:
            span = float(segment.hours / scale) * plot_width
            rect = QRectF(x, y, span, bar_height)
            painter.fillRect(rect, QColor(COLOURS[segment.kind]))
            text = segment_label(segment.hours)
            if painter.fontMetrics().horizontalAdvance(text) + 12 >= span:
                text = segment_label(segment.hours, short=True)
            if painter.fontMetrics().horizontalAdvance(text) + 12 < span:
                painter.setPen(QColor("white"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
            x += span
        y += bar_height + gap
    x = float(margin)
    for kind, name in NAMES.items():
        text_width = painter.fontMetrics().horizontalAdvance(name)
        painter.fillRect(QRectF(x, y + 8, 26, 26), QColor(COLOURS[kind]))
        painter.setPen(QColor("#212B32"))
        painter.drawText(QRectF(x + 34, y, text_width + 8, 42), Qt.AlignmentFlag.AlignVCenter, name)
        x += 34 + text_width + 40
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stubs say bytes; the runtime takes str
    buffer.close()
    return bytes(data.data())
