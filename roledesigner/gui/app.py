"""Start the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from roledesigner import __version__
from roledesigner.files.settings import load_settings
from roledesigner.files.writable import start_up_problems
from roledesigner.gui.appicon import app_icon
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.mainwindow import APP_NAME, MainWindow
from roledesigner.library.loader import default_folders, load_library

#: How benchmarks and CI time a real start: "1" quits as soon as the window is shown,
#: "preview" once the first preview and review are in (the app at work, for peak memory).
QUIT_WHEN_SHOWN = "ROLEDESIGNER_QUIT_WHEN_SHOWN"


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


def create_window(path: Path | None = None) -> MainWindow:
    """Everything but the event loop: used by `run` and by tests and benchmarks."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RoleDesigner")
    app.setApplicationVersion(__version__)
    QApplication.setWindowIcon(app_icon())  # every window and dialog; the bundle's own icon is for files
    warnings: list[str] = []
    settings = load_settings(warnings)
    library = load_library(default_folders(settings))
    window = MainWindow(DocumentController(library, settings))
    warnings += start_up_problems(settings)
    if warnings:
        window.statusBar().showMessage(" ".join(warnings), 30000)
    window.start_up_warnings = warnings
    if path is not None:
        window.open_file(path)
    return window


def run(path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(path)
    if sys.platform == "darwin":  # only macOS sends files as events; a filter sees every event
        app.installEventFilter(FileOpenHandler(window))
    for warning in window.start_up_warnings:
        print(warning, file=sys.stderr)  # for whoever started it from a terminal or a script
    window.show()
    quit_when = os.environ.get(QUIT_WHEN_SHOWN)
    if quit_when == "1":
        QTimer.singleShot(0, app.quit)
    elif quit_when == "preview":
        window.preview.refreshed.connect(app.quit)
    else:
        QTimer.singleShot(300, window.offer_recovery)  # once the window is up
    return int(app.exec())
