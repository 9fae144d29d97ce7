"""The main window's size and the layout of its three panes, on a small screen and a large one.

The window opens within the screen's available area (the desktop less its task bars and docks),
at the size it had when it last closed (`window.ini`, `gui/windowstate.py`) or at DEFAULT_SIZE,
each cut to what the screen has room for, so the status bar and the review are never off-screen.

The default layout gives the preview PREVIEW_WIDTH and the editor EDITOR_WIDTH (or its own
minimum, if more), and the library what is left, at most LIBRARY_WIDTH. When the three do not fit
side by side with the preview at least PREVIEW_LEAST wide (a 1024 x 768 screen), the library
shares the right-hand side with the preview as a tab, the preview in front: the preview and review
keep a readable width (a preview squeezed to 180 pixels broke table text inside words) and the
library is one click away (its tab, View, Library or Ctrl+1, or Edit, Find in library).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QPoint, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QStyle, QWidget

if TYPE_CHECKING:
    from roledesigner.gui.mainwindow import MainWindow

#: The window's size on a first start, when the screen has room for it.
DEFAULT_SIZE = QSize(1280, 800)
#: The default layout's widths in pixels: the preview wide enough to read a page of the document,
#: the editor wide enough for its forms (never less than its own minimum, its tabs in full), and
#: the library what is left, at most LIBRARY_WIDTH (a wider window widens the editor).
PREVIEW_WIDTH = 460
EDITOR_WIDTH = 560
LIBRARY_WIDTH = 340
#: The narrowest the preview and review are laid out beside the editor and the library; with less
#: room the library joins the preview as a tab.
PREVIEW_LEAST = 380
#: Room kept for the window manager's frame (borders and title bar) before the window is shown
#: and its real frame is known.
FRAME_ROOM = QSize(16, 40)


def available_area(widget: QWidget) -> QRect:
    """The screen area a window may take: the screen the widget is on, less task bars and docks."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(QPoint(0, 0), DEFAULT_SIZE)


def place(window: MainWindow, saved: QByteArray | None) -> None:
    """Give the window its saved size and place (or the default size, centred), within the screen."""
    area = available_area(window)
    if saved is None or not window.restoreGeometry(saved):
        window.resize(DEFAULT_SIZE)
        fit(window, area, centre=True)
    else:
        fit(window, area, centre=False)


def fit(window: QWidget, area: QRect, *, centre: bool) -> None:
    """Cut the window to `area` with room for its frame, and move it inside; `centre` centres it."""
    frame = window.frameGeometry()
    extra = (
        QSize(frame.width() - window.width(), frame.height() - window.height()) if window.isVisible() else FRAME_ROOM
    )
    room = QSize(max(1, area.width() - extra.width()), max(1, area.height() - extra.height()))
    size = window.size().boundedTo(room)
    if size != window.size():
        window.resize(size)
    outer = QSize(size.width() + extra.width(), size.height() + extra.height())
    if centre:
        left = area.left() + (area.width() - outer.width()) // 2
        top = area.top() + (area.height() - outer.height()) // 2
    else:
        left = min(max(frame.left(), area.left()), area.right() + 1 - outer.width())
        top = min(max(frame.top(), area.top()), area.bottom() + 1 - outer.height())
    window.move(max(left, area.left()), max(top, area.top()))


def least_editor_width(window: MainWindow) -> int:
    """The least width of what stands in the editor's place: the editor, or the start page (which keeps it)."""
    central = window.centralWidget()
    return 0 if central is None else max(central.minimumSizeHint().width(), central.minimumWidth())


def side_by_side_widths(window: MainWindow) -> tuple[int, int] | None:
    """The library's and the preview's widths for the default layout at the window's width, or None
    when the three panes do not fit side by side with the preview at least PREVIEW_LEAST wide.

    Asking for fixed widths does not work: when the two docks and the editor's minimum do not
    fit, the main window takes the difference from the preview. So the preview gets
    PREVIEW_WIDTH and the editor EDITOR_WIDTH (or its minimum, if more) first, and the library
    what is left, no more than LIBRARY_WIDTH and no less than its own minimum.
    """
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, window)
    room = window.width() - 2 * separator
    least_editor = least_editor_width(window)
    editor = max(EDITOR_WIDTH, least_editor)
    least_library = window.library_dock.minimumSizeHint().width()
    if room - least_library - least_editor < PREVIEW_LEAST:
        return None
    library = min(LIBRARY_WIDTH, room - editor - PREVIEW_WIDTH)
    return max(library, least_library), PREVIEW_WIDTH


def tabbed_preview_width(window: MainWindow) -> int:
    """The right-hand side's width when the library shares it with the preview: what the editor
    spares at its default width, never less than PREVIEW_LEAST."""
    separator = window.style().pixelMetric(QStyle.PixelMetric.PM_DockWidgetSeparatorExtent, None, window)
    editor = max(EDITOR_WIDTH, least_editor_width(window))
    return max(PREVIEW_LEAST, window.width() - separator - editor)


def reset(window: MainWindow) -> None:
    """Show every area in its place, at the default widths for the window's width (the start page
    keeps the library and the preview hidden until it gives way to the editor: `gui/startpage.py`)."""
    library, preview = window.library_dock, window.preview_dock
    central = window.centralWidget()
    show = central is None or central.objectName() != "StartPage"
    for dock in (library, preview):
        dock.setFloating(False)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, preview)
    widths = side_by_side_widths(window)
    if widths is not None:
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, library)
        for dock in (library, preview):
            dock.setVisible(show)
        window.resizeDocks([library, preview], list(widths), Qt.Orientation.Horizontal)
        return
    window.tabifyDockWidget(preview, library)
    for dock in (library, preview):
        dock.setVisible(show)
    preview.raise_()
    window.resizeDocks([preview], [tabbed_preview_width(window)], Qt.Orientation.Horizontal)


def squeezed(window: MainWindow) -> bool:
    """Whether the preview shows beside the editor narrower than PREVIEW_LEAST (a layout saved on a
    larger screen, or a window made smaller than the layout it had)."""
    preview = window.preview_dock
    if not preview.isVisible() or preview.isFloating():
        return False
    return preview.width() < PREVIEW_LEAST - 1


def too_wide(window: QWidget) -> bool:
    """Whether the window is wider than the screen has room for (its panes' least widths grew it)."""
    return window.isVisible() and window.frameGeometry().width() > available_area(window).width()
