"""The app's colour theme: the system's own, or Role Designer's light or dark palette.

The light and dark themes use Qt's Fusion style, which draws every control from the palette, so
the two palettes below are nearly the whole of each theme (`ThemeStyle` only draws the borders of
tick boxes and radio buttons so they show); every pair of colours a person reads (text on its
background) keeps at least WCAG 2.1 AA contrast, as tests/gui/test_theme.py checks. "system"
gives back the style and palette the app started with. The document preview stays a white page
in any theme (`gui/preview.py`), as Word shows one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

if TYPE_CHECKING:
    from roledesigner.files.settings import Theme  # no pydantic before the frame shows

#: Each theme's name as the settings dialog shows it.
THEME_LABELS: dict[Theme, str] = {"system": "Same as the system", "light": "Light", "dark": "Dark"}
STYLE = "Fusion"

Role = QPalette.ColorRole
Group = QPalette.ColorGroup

#: Colours by role, then the roles whose disabled colour differs.
_LIGHT: dict[Role, str] = {
    Role.Window: "#efefef",
    Role.WindowText: "#000000",
    Role.Base: "#ffffff",
    Role.AlternateBase: "#f4f6f8",
    Role.ToolTipBase: "#ffffdc",
    Role.ToolTipText: "#000000",
    Role.PlaceholderText: "#5f5f5f",
    Role.Text: "#000000",
    Role.Button: "#e4e4e4",
    Role.ButtonText: "#000000",
    Role.BrightText: "#ffffff",
    Role.Light: "#ffffff",
    Role.Midlight: "#f2f2f2",
    Role.Mid: "#b8b8b8",
    Role.Dark: "#9f9f9f",
    Role.Shadow: "#767676",
    Role.Highlight: "#005eb8",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#005eb8",
    Role.LinkVisited: "#5c2d91",
    Role.Accent: "#005eb8",
}
_LIGHT_DISABLED: dict[Role, str] = {
    Role.WindowText: "#626262",
    Role.Text: "#626262",
    Role.ButtonText: "#626262",
    Role.Base: "#f4f4f4",
    Role.Highlight: "#9a9a9a",
}
_DARK: dict[Role, str] = {
    Role.Window: "#2d2d2d",
    Role.WindowText: "#ececec",
    Role.Base: "#1e1e1e",
    Role.AlternateBase: "#262a2e",
    Role.ToolTipBase: "#3c3c3c",
    Role.ToolTipText: "#f2f2f2",
    Role.PlaceholderText: "#a6a6a6",
    Role.Text: "#ececec",
    Role.Button: "#3a3a3a",
    Role.ButtonText: "#ececec",
    Role.BrightText: "#ffffff",
    Role.Light: "#505050",
    Role.Midlight: "#444444",
    Role.Mid: "#2a2a2a",
    Role.Dark: "#1a1a1a",
    Role.Shadow: "#000000",
    Role.Highlight: "#2f6eb5",
    Role.HighlightedText: "#ffffff",
    Role.Link: "#8ab4f8",
    Role.LinkVisited: "#c5a3f7",
    Role.Accent: "#2f6eb5",
}
_DARK_DISABLED: dict[Role, str] = {
    Role.WindowText: "#9a9a9a",
    Role.Text: "#9a9a9a",
    Role.ButtonText: "#9a9a9a",
    Role.Base: "#262626",
    Role.Highlight: "#4a4a4a",
}

#: The border of a tick box or radio button against the background it sits on: WCAG 2.1's 3:1
#: for the parts of a control a person must see (1.4.11).
OUTLINE_ROLE = Role.PlaceholderText


class ThemeStyle(QProxyStyle):
    """Fusion, with the tick boxes' and radio buttons' borders drawn in a colour that shows.

    Fusion draws them a shade darker than the window, which on the dark palette is a dark square
    on a dark cell: an unticked Host box in the partners table could not be seen."""

    def __init__(self) -> None:
        super().__init__(STYLE)

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawPrimitive(element, option, painter, widget)
        check = element is QStyle.PrimitiveElement.PE_IndicatorCheckBox
        if not (check or element is QStyle.PrimitiveElement.PE_IndicatorRadioButton):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, not check)
        painter.setBrush(QColor(0, 0, 0, 0))
        painter.setPen(QPen(option.palette.color(OUTLINE_ROLE), 1))
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -1.5, -1.5)
        if check:
            painter.drawRect(rect)
        else:
            painter.drawEllipse(rect)
        painter.restore()


#: The style and palette the app started with, kept at the first change of theme.
_system: tuple[str, QPalette] | None = None


def _palette(colours: dict[Role, str], disabled: dict[Role, str]) -> QPalette:
    palette = QPalette()
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    for role, colour in disabled.items():
        palette.setColor(Group.Disabled, role, QColor(colour))
    return palette


def light_palette() -> QPalette:
    return _palette(_LIGHT, _LIGHT_DISABLED)


def dark_palette() -> QPalette:
    return _palette(_DARK, _DARK_DISABLED)


def theme_palette(theme: Theme) -> QPalette | None:
    """The palette a theme sets, or None for the system's own."""
    return {"light": light_palette, "dark": dark_palette}.get(theme, lambda: None)()


def apply_theme(theme: Theme) -> None:
    """Give the whole app `theme`'s colours now; open windows follow at once."""
    global _system  # what the app started with, kept once for "system"
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    style = app.style()
    if _system is None:
        if theme == "system":
            return  # as started: nothing to change or to keep
        _system = (style.name() if style is not None else STYLE, QPalette(app.palette()))
    palette = theme_palette(theme)
    if palette is None:
        name, palette = _system
        app.setStyle(name)
    else:
        app.setStyle(ThemeStyle())  # the application takes the style over
    app.setPalette(palette)
