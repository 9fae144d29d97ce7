"""Colours for messages in dialogs, readable on the window behind them in light and dark themes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor, QPalette, QShowEvent
from PySide6.QtWidgets import QLabel, QWidget

#: The reds a problem is written in: dark on a light window, light on a dark one (each above 7:1
#: on white or on a dark grey such as #2d2d2d); `message_colour` adjusts them if a palette needs it.
LIGHT_WINDOW_RED = QColor("#a4000f")
DARK_WINDOW_RED = QColor("#ff9a91")
#: The least contrast a message keeps with the window behind it (WCAG 2.1 AA for normal text).
MESSAGE_CONTRAST = 4.5
#: A note's grey keeps this much (WCAG 2.1 AAA): lighter than the text, never faint.
NOTE_CONTRAST = 7.0


def _luminance(colour: QColor) -> float:
    """Relative luminance, as WCAG 2.1 defines it (0 for black, 1 for white)."""

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, from 1 (the same) to 21 (black on white)."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def message_colour(palette: QPalette) -> QColor:
    """The red for problem messages on this palette's window: dark red on a light window, light red
    on a dark one, made darker or lighter until it keeps `MESSAGE_CONTRAST` with the window."""
    window = palette.color(QPalette.ColorRole.Window)
    light_window = contrast(window, QColor("black")) >= contrast(window, QColor("white"))
    colour = QColor(LIGHT_WINDOW_RED if light_window else DARK_WINDOW_RED)
    while contrast(colour, window) < MESSAGE_CONTRAST:
        lightness = colour.lightness()
        if lightness in (0, 255):
            break  # black or white: the most contrast there is
        step = max(0, lightness - 8) if light_window else min(255, lightness + 8)
        colour = QColor.fromHsl(colour.hslHue(), colour.hslSaturation(), step)
    return colour


def note_colour(palette: QPalette) -> QColor:
    """The grey for a note beside a field: the window's text colour moved towards the window's own,
    no further than keeps NOTE_CONTRAST with it, so it reads as secondary in a light or dark theme."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    best = text
    for step in range(1, 10):
        share = step / 10
        mixed = QColor.fromRgbF(
            text.redF() + (window.redF() - text.redF()) * share,
            text.greenF() + (window.greenF() - text.greenF()) * share,
            text.blueF() + (window.blueF() - text.blueF()) * share,
        )
        if contrast(mixed, window) < NOTE_CONTRAST:
            break
        best = mixed
    return best


def message_style(palette: QPalette) -> str:
    """The style sheet for a problem message shown on a window with this palette."""
    return f"color: {message_colour(palette).name()};"


class MessageLabel(QLabel):
    """A problem message in the red that reads on the window behind it, kept so when the theme
    changes while it is shown. `alarm(False)` shows plain text (a status with nothing wrong).

    The red is chosen from the parent's palette and follows the parent's palette changes: once a
    style sheet gives the label its colour, the label's own palette no longer follows its parent's.
    """

    def __init__(self, text: str = "", *, bold: bool = False) -> None:
        super().__init__(text)
        self.setWordWrap(True)
        self._bold = bold
        self._alarm = True
        self._watched: QWidget | None = None
        self._restyle()

    def alarm(self, on: bool) -> None:
        self._alarm = on
        self._restyle()

    def showEvent(self, event: QShowEvent) -> None:
        parent = self.parentWidget()
        if parent is not None and parent is not self._watched:
            if self._watched is not None:
                self._watched.removeEventFilter(self)
            parent.installEventFilter(self)
            self._watched = parent
        self._restyle()
        super().showEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._watched and event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        return False

    def _style(self, behind: QPalette) -> str:
        return message_style(behind)

    def _restyle(self) -> None:
        behind = (self.parentWidget() or self).palette()
        sheet = self._style(behind) + (" font-weight: 600;" if self._bold else "") if self._alarm else ""
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)


class NoteLabel(MessageLabel):
    """A note beside a field, in a grey that reads on the window behind it in any theme (a fixed
    grey such as #4a4a4a reads on a light window and vanishes on a dark one)."""

    def _style(self, behind: QPalette) -> str:
        return f"color: {note_colour(behind).name()};"
