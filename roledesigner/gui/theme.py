"""The app's colour theme: the system's own, or Role Designer's light or dark palette.

The light and dark themes use Qt's Fusion style, which draws every control from the palette, so
the two palettes below are the whole of each theme; every pair of colours a person reads (text on
its background) keeps at least WCAG 2.1 AA contrast, as tests/gui/test_theme.py checks. "system"
gives back the style and palette the app started with. The document preview stays a white page
in any theme (`gui/preview.py`), as Word shows one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

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
        app.setStyle(STYLE)
    app.setPalette(palette)
