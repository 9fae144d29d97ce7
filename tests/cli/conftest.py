"""This folder renders documents with Qt: one QApplication for the run, made first."""

from tests.support.qt import qt_application

__all__ = ["qt_application"]
