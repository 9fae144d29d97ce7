"""A design far larger than any real one (a pasted list of thousands of lines) is previewed and
reviewed from a copy cut to the preview's size, which the preview says."""

from __future__ import annotations

from roledesigner.domain.models import Responsibility
from roledesigner.gui.mainwindow import MainWindow
from tests.support.window import preview_text


def test_a_huge_design_is_previewed_and_reviewed_from_the_preview_copy(window: MainWindow) -> None:
    window.ensure_filled()
    duties = [Responsibility(text=f"Duty {i}: a dominant, competitive chairman decides.") for i in range(5000)]
    design = window.controller.design.model_copy(update={"title": "Huge", "responsibilities": duties})
    window.controller.replace(design)
    text = preview_text(window)
    assert "The preview shows the first 50 of 5,000 responsibilities" in text
    assert "The review here covers what the preview shows" in text
    fields = [f.field for f in window.preview.findings.findings if f.field.startswith("responsibilities[")]
    assert fields, "the shown responsibilities are reviewed"
    assert all(int(field.split("[")[1].split("]")[0]) < 50 for field in fields)
    assert len(window.controller.design.responsibilities) == 5000, "the design itself is whole"
