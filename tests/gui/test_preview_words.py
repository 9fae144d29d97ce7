"""The preview at 1024 x 768 (issue 18): no word of the document breaks across two lines, as
"Qualificat/ions" or "Wednesd/ay" did when its tables were squeezed into the narrow panel."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from roledesigner.documents.sample import sample_design
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.library.compose import new_design
from tests.gui.test_window_size import SMALL, opened, screen

__all__ = ["opened", "screen"]  # the fixtures, shared with the window-size tests


def words_broken(document: QTextDocument) -> list[str]:
    """Each place a line of the laid-out document starts inside a word, with the letters around it."""
    broken = []
    document.size()  # lays the document out
    for number in range(document.blockCount()):
        block = document.findBlockByNumber(number)
        document.documentLayout().blockBoundingRect(block)
        text, layout = block.text(), block.layout()
        for line in range(1, layout.lineCount()):
            start = layout.lineAt(line).textStart()
            if 0 < start < len(text) and text[start - 1].isalpha() and text[start].isalpha():
                broken.append(f"{text[max(0, start - 10) : start]}|{text[start : start + 10]}")
    return broken


@pytest.mark.parametrize("role", ["sample", "joint_mental_health_lead", "independent_chair"])
def test_no_word_breaks_in_the_preview_on_a_small_screen(
    screen: Callable[[QRect], None], opened: Callable[[], MainWindow], role: str
) -> None:
    screen(SMALL)
    window = opened()
    library = window.controller.library
    window.controller.replace(sample_design(library) if role == "sample" else new_design(library, role))
    window.preview.refresh_now()
    QApplication.processEvents()
    browser = window.preview.browser
    assert browser.viewport().width() < 500, "the preview is as narrow as on a 1024 x 768 screen"
    assert words_broken(browser.document()) == []
    assert browser.horizontalScrollBar().maximum() == 0, "and it does not scroll sideways"
