"""A design far larger than any real one (a pasted list of thousands of lines) is previewed and
reviewed from a copy cut to the preview's size, which the preview says."""

from __future__ import annotations

import datetime as dt

from roledesigner.domain.models import Responsibility, SignOff
from roledesigner.domain.vocabulary import Decision
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.review.signoffs import decided
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


def test_an_approval_of_a_large_design_is_judged_on_the_whole_design_not_the_cut_copy(window: MainWindow) -> None:
    window.ensure_filled()
    duties = [Responsibility(text=f"Leads system work stream {i} with partners.") for i in range(80)]
    design = window.controller.design.model_copy(update={"title": "Large", "responsibilities": duties})
    approval = decided(design, SignOff(organisation="North Shire ICB"), Decision.APPROVED, dt.date(2026, 12, 1))
    window.controller.replace(design.model_copy(update={"signoffs": [approval]}))
    preview_text(window)
    codes = {f.code for f in window.preview.findings.findings}
    assert "signoff.out_of_date" not in codes, "nothing has changed since the approval"
    changed = window.controller.design.responsibilities[70].model_copy(update={"text": "Leads a new stream."})
    duties_now = [*window.controller.design.responsibilities]
    duties_now[70] = changed
    window.controller.replace(window.controller.design.model_copy(update={"responsibilities": duties_now}))
    preview_text(window)
    assert "signoff.out_of_date" in {f.code for f in window.preview.findings.findings}, "a change past the cut shows"
