"""Start the desktop app.

A start shows the window's frame first and fills it a moment later (`MainWindow.fill`): the frame
needs neither pydantic nor the library, which together cost more than a bare Qt window's whole
start. `run` fills the window from the event loop just after its first paint; `create_window`
(tests, benchmarks, the screenshot) fills it at once.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from roledesigner import __version__
from roledesigner.gui import shortcuts
from roledesigner.gui.appicon import app_icon
from roledesigner.gui.mainwindow import APP_NAME, MainWindow
from roledesigner.gui.theme import apply_theme
from roledesigner.gui.windowstate import window_settings

#: The theme last used, kept in window.ini so the frame has its colours before the settings are read.
THEME_KEY = "theme"

#: How benchmarks and CI time a real start: "1" quits once the window is shown and filled (usable),
#: "frame" at the frame's first paint, "preview" once the first preview and review are in (the app
#: at work, for peak memory).
QUIT_WHEN_SHOWN = "ROLEDESIGNER_QUIT_WHEN_SHOWN"
#: If the frame is never painted (a start minimised, a platform that paints nothing), it is filled anyway.
FILL_AT_LATEST_MS = 500


class FileOpenHandler(QObject):
    """macOS hands a double-clicked design to the running app as an event, not as an argument."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QFileOpenEvent) and event.file():
            self.window.open_file(Path(event.file()))
            return True
        return super().eventFilter(watched, event)


class FirstPaint(QObject):
    """Calls `then` once from the event loop after `watched` first paints, so the frame is on
    screen before the rest of the window is built."""

    def __init__(self, watched: QObject, then: Callable[[], object]) -> None:
        super().__init__(watched)
        self._then = then
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._then)
        return False


def start_window() -> MainWindow:
    """The application and the window's frame: nothing read from disk but the saved layout."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RoleDesigner")
    app.setApplicationVersion(__version__)
    QApplication.setWindowIcon(app_icon())  # every window and dialog; the bundle's own icon is for files
    last_theme = window_settings().value(THEME_KEY)
    if last_theme in ("light", "dark"):
        apply_theme(last_theme)
    window = MainWindow()
    shortcuts.install(window)  # Ctrl+E and Ctrl+F reach the window from a text field that would take them (Linux)
    return window


def follow_theme(window: MainWindow) -> None:
    """Give the app the settings' theme, and keep it for the next start's frame."""
    theme = window.controller.settings.theme
    apply_theme(theme)
    window.qsettings.setValue(THEME_KEY, theme)


def fill_window(window: MainWindow, path: Path | None = None, *, echo: bool = False) -> None:
    """Read the settings and the library, fill the window around a controller, open `path`."""
    if window.filled:
        return
    from roledesigner.files.settings import load_settings
    from roledesigner.files.writable import start_up_problems
    from roledesigner.gui.controller import DocumentController
    from roledesigner.library.loader import default_folders, load_library

    warnings: list[str] = []
    settings = load_settings(warnings)
    window.fill(DocumentController(load_library(default_folders(settings)), settings))
    follow_theme(window)
    window.controller.settingsChanged.connect(lambda: follow_theme(window))
    warnings += start_up_problems(settings)
    if warnings:
        window.statusBar().showMessage(" ".join(warnings), 30000)
    window.start_up_warnings = warnings
    if echo:
        for warning in warnings:
            print(warning, file=sys.stderr)  # for whoever started it from a terminal or a script
    if path is not None:
        window.open_file(path)


def create_window(path: Path | None = None) -> MainWindow:
    """The whole window, filled, not shown: used by tests, benchmarks and the screenshot."""
    window = start_window()
    fill_window(window, path)
    return window


def run(path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = start_window()
    quit_when = os.environ.get(QUIT_WHEN_SHOWN)
    #: A fault while filling the window ends the app as a fault at start-up always has (the command
    #: line says it in a sentence, exit 3), rather than leaving a frame that never fills.
    failed: list[Exception] = []

    def fill() -> None:
        if window.filled or failed:
            return
        try:
            fill_window(window, path, echo=True)
        except Exception as error:  # noqa: BLE001 - raised again once the event loop has stopped
            failed.append(error)
            app.exit(1)
            return
        if path is None and first_start(window):
            show_start_page(window)
        central = window.centralWidget()
        if quit_when == "1" and central is not None:
            FirstPaint(central, app.quit)  # once the filled window (the editor or the start page) is on screen
        elif quit_when == "preview":
            window.preview.refreshed.connect(app.quit)
        elif quit_when != "frame":
            QTimer.singleShot(300, window.offer_recovery)  # once the window is up

    from roledesigner.gui.startpage import first_start, show_start_page  # Qt only, as the frame

    window.filler = fill
    if sys.platform == "darwin":  # only macOS sends files as events; a filter sees every event
        app.installEventFilter(FileOpenHandler(window))
    FirstPaint(window, app.quit if quit_when == "frame" else fill)
    QTimer.singleShot(FILL_AT_LATEST_MS, window.ensure_filled)
    window.show()
    code = int(app.exec())
    if failed:
        window.hide()
        raise failed[0]
    return code
