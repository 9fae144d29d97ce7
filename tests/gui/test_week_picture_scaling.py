"""The picture of the week on the Time tab at 200 per cent scaling (issue 18): painted with the
screen's own pixels, not a picture half as wide stretched over them."""

# pytest-qt's QtBot mouse helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from roledesigner.domain.vocabulary import Weekday
from roledesigner.gui.editor.editor import TABS
from roledesigner.gui.editor.protectedtime import PICTURE_WIDTH, picture_pixmap
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import sample

__all__ = ["sample"]


@pytest.mark.parametrize("ratio", [1.0, 1.25, 2.0, 3.0])
def test_the_picture_is_painted_at_the_screens_resolution(sample: MainWindow, qtbot: QtBot, ratio: float) -> None:
    editor = sample.editor
    editor.setCurrentIndex(TABS.index("Time"))
    label = editor.week_picture
    label.devicePixelRatioF = lambda: ratio  # type: ignore[method-assign]  # a screen at this scaling
    box = editor.day_checks[Weekday.FRIDAY]
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)  # a change to the week redraws the picture
    assert editor.time_tab.picture_timer.isActive()
    qtbot.waitUntil(lambda: not editor.time_tab.picture_timer.isActive())
    pixmap = editor.time_tab.picture  # as handed to the label, which gives back a copy at its own screen's ratio
    assert pixmap.devicePixelRatio() == ratio
    assert pixmap.width() == round(PICTURE_WIDTH * ratio), "a device pixel for every pixel shown"
    assert round(pixmap.deviceIndependentSize().width()) == PICTURE_WIDTH, "the same size on screen"


def test_a_picture_for_a_screen_at_200_per_cent_is_never_stretched(qtbot: QtBot) -> None:
    asked: list[int] = []

    def png(width: int) -> bytes:
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtGui import QImage

        asked.append(width)
        image = QImage(width, width // 4, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.white)
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")  # type: ignore[call-overload]
        return bytes(buffer.data().data())

    pixmap = picture_pixmap(png, 2.0)
    assert asked == [2 * PICTURE_WIDTH], "painted with as many pixels as are shown, not more to shrink"
    assert (pixmap.width(), pixmap.devicePixelRatio()) == (2 * PICTURE_WIDTH, 2.0)
    QApplication.processEvents()
