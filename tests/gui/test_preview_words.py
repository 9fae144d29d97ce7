"""The preview at 1024 x 768 (issue 18): no word of the document breaks across two lines, as
"Qualificat/ions" or "Wednesd/ay" did when its tables were squeezed into the narrow panel."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication

from roledesigner.documents.sample import sample_design
from roledesigner.library.compose import new_design


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
def test_no_word_breaks_in_the_preview_on_a_small_screen(window: Any, role: str) -> None:
    library = window.controller.library
    design = sample_design(library) if role == "sample" else new_design(library, role)
    window.resize(1024, 768)
    window.controller.replace(design)
    QApplication.processEvents()
    window.preview.refresh_now()
    QApplication.processEvents()
    browser = window.preview.browser
    assert browser.viewport().width() < 500, "the preview is as narrow as on a 1024 x 768 screen"
    assert words_broken(browser.document()) == []
