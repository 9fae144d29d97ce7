"""Guard against a Qt binding that leaks references to True or None (PySide6 6.12.0 on Python 3.11
did: every signal emitted and every void call lost one, and the app aborted after a few thousand)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Sender(QObject):
    changed = Signal()


def test_emitting_signals_and_void_calls_keep_true_and_none_alive() -> None:
    sender = _Sender()
    sender.changed.connect(lambda: None)
    label = QLabel()
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(2000):
        sender.changed.emit()
        label.setEnabled(True)
    # A few references may come and go with other objects; a leak loses one per call.
    assert sys.getrefcount(True) > true_before - 500
    assert sys.getrefcount(None) > none_before - 500
