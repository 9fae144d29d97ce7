"""Start the desktop app."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from roledesigner import __version__
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.mainwindow import APP_NAME, MainWindow
from roledesigner.library.loader import default_folders, load_library
from roledesigner.settings import load_settings


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
    for warning in warnings:
        window.statusBar().showMessage(warning, 15000)
    if path is not None:
        window.open_file(path)
    return window


def run(path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(path)
    window.show()
    QTimer.singleShot(300, window.offer_recovery)  # once the window is up
    return int(app.exec())
