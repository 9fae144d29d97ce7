"""Start the desktop app."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from roledesigner import __version__
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.mainwindow import APP_NAME, MainWindow
from roledesigner.library.loader import default_folders, load_library
from roledesigner.settings import load_settings
from roledesigner.writable import start_up_problems

#: Set to 1 to quit as soon as the window is shown: how benchmarks and CI time a real start.
QUIT_WHEN_SHOWN = "ROLEDESIGNER_QUIT_WHEN_SHOWN"


def create_window(path: Path | None = None) -> MainWindow:
    """Everything but the event loop: used by `run` and by tests and benchmarks."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName("RoleDesigner")
    app.setApplicationVersion(__version__)
    warnings: list[str] = []
    settings = load_settings(warnings)
    library = load_library(default_folders(settings))
    window = MainWindow(DocumentController(library, settings))
    warnings += start_up_problems()
    if warnings:
        window.statusBar().showMessage(" ".join(warnings), 30000)
    window.start_up_warnings = warnings
    if path is not None:
        window.open_file(path)
    return window


def run(path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(path)
    for warning in window.start_up_warnings:
        print(warning, file=sys.stderr)  # for whoever started it from a terminal or a script
    window.show()
    if os.environ.get(QUIT_WHEN_SHOWN) == "1":
        QTimer.singleShot(0, app.quit)
    else:
        QTimer.singleShot(300, window.offer_recovery)  # once the window is up
    return int(app.exec())
