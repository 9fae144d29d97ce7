# mypy: disable-error-code="no-untyped-call"
"""The review panel (issue 18): findings that keep their place while the user types, plain words
in every tooltip, and warnings accepted on purpose with a reason."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from roledesigner.domain.findings import Finding, Severity
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.preview import FindingsModel
from roledesigner.review.acknowledgements import Reviewed
from tests.review.test_order import INTERNAL_PATH
from tests.review.test_review import bad_design
from tests.support.window import bound, choose_role


def row_of(model: FindingsModel, code: str) -> int:
    return next(row for row, finding in enumerate(model.findings) if finding.code == code)


def refreshed(window: MainWindow, qtbot: QtBot) -> None:
    """Wait for the review that follows a pause in typing, as the user does."""
    with qtbot.waitSignal(window.preview.refreshed):
        pass


def double_click(qtbot: QtBot, window: MainWindow, row: int) -> str:
    """Double-click a row of the findings list with the mouse; the field the editor is asked to show."""
    view = window.preview.list
    index = window.preview.findings.index(row)
    view.scrollTo(index)
    with qtbot.waitSignal(window.preview.fieldActivated) as jumped:
        point = view.visualRect(index).center()
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
        qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    return str(jumped.args[0])


def test_a_double_click_lands_on_the_same_finding_after_typing(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Emptying the job purpose raises an error. Errors used to jump to the top and the list was
    reset, so the row under the mouse became another finding and the selection was lost."""
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.preview.refresh_now()
    model = window.preview.findings
    row = row_of(model, "clarity.managers")
    assert model.findings[row].field == "reports_to"
    window.preview.list.setCurrentIndex(model.index(row))
    purpose = bound(window, "purpose")
    purpose.setFocus()
    qtbot.keyClick(purpose, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(purpose, Qt.Key.Key_Delete)
    refreshed(window, qtbot)
    assert "clarity.no_purpose" in [f.code for f in model.findings], "the typing raised an error"
    assert window.preview.list.currentIndex().row() == row, "the selection stays on the same finding"
    assert double_click(qtbot, window, row) == "reports_to"
    qtbot.keyClicks(purpose, "The post leads the system's finances.")
    refreshed(window, qtbot)
    assert double_click(qtbot, window, row) == "reports_to"


def _entries(*messages: str) -> list[Reviewed]:
    return [
        Reviewed(Finding(f"x.{n}", Severity.WARNING, text, f"criteria[{n}].text")) for n, text in enumerate(messages)
    ]


def test_the_model_updates_rows_in_place(qtbot: QtBot) -> None:
    model = FindingsModel()
    resets: list[bool] = []
    model.modelAboutToBeReset.connect(lambda: resets.append(True))
    model.set_entries(_entries("a.", "b.", "c."))
    kept = QPersistentModelIndex(model.index(2))
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.set_entries(_entries("a.", "b, reworded.", "c."))
    assert (changed.args[0].row(), changed.args[1].row()) == (1, 1), "only the row whose text changed"
    inserted: list[tuple[int, int]] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    new = _entries("a.", "b, reworded.", "c.")
    extra = Reviewed(Finding("y.0", Severity.ERROR, "New.", "title"))
    model.set_entries([extra, *new])
    assert inserted == [(0, 0)]
    assert kept.row() == 3, "a finding that stays keeps its identity"
    model.set_entries(new)
    assert resets == [], "never reset: the view keeps its place and selection"
    assert model.findings == [entry.finding for entry in new]
    assert model.data(QModelIndex()) is None


def test_tooltips_and_rows_are_in_plain_words(window: MainWindow) -> None:
    window.controller.replace(bad_design(window.controller.library))
    window.preview.refresh_now()
    model = window.preview.findings
    assert model.rowCount() > 20
    for row in range(model.rowCount()):
        index = model.index(row)
        for role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.DisplayRole):
            text = index.data(role)
            assert not INTERNAL_PATH.search(text), text
            assert "field:" not in text
    tips = [model.index(row).data(Qt.ItemDataRole.ToolTipRole) for row in range(model.rowCount())]
    assert any("Go to: system time." in tip for tip in tips)


def _two_days(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> int:
    """The journey's deliberate choice: two days where the role suggests more; the warning's row."""
    choose_role(monkeypatch, "place_clinical_lead")
    window.new_action.trigger()
    assert window.controller.set_field("time.system_work", {"unit": "days_per_week", "amount": Decimal(2)}) is None
    window.preview.refresh_now()
    row = row_of(window.preview.findings, "time.below_suggestion")
    window.preview.list.setCurrentIndex(window.preview.findings.index(row))
    return row


def test_accept_a_warning_with_a_reason_greyed_and_undoable(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    row = _two_days(window, monkeypatch)
    panel, controller = window.preview, window.controller
    assert panel.accept_button.isEnabled() and not panel.withdraw_button.isEnabled()
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    dialog = panel.accept_dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.ok_button.isEnabled(), "a reason is needed"
    qtbot.keyClicks(dialog.reason_edit, "Two days were agreed with both boards")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    (accepted,) = controller.design.acknowledged
    assert (accepted.code, accepted.by, accepted.date) == (
        "time.below_suggestion",
        controller.user_name(),
        dt.date.today(),
    )
    index = panel.findings.index(row)
    assert panel.findings.findings[row].code == "time.below_suggestion", "still listed, in its place"
    assert "Accepted: Two days were agreed with both boards (" in index.data(Qt.ItemDataRole.DisplayRole)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None, "greyed"
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("Accepted warning: ")
    assert not panel.accept_button.isEnabled() and panel.withdraw_button.isEnabled()
    assert controller.undo_stack.undoText() == "Accept warning on system time"
    controller.undo_stack.undo()
    assert controller.design.acknowledged == []
    controller.undo_stack.redo()
    window.preview.refresh_now()
    panel.list.setCurrentIndex(panel.findings.index(row))
    qtbot.mouseClick(panel.withdraw_button, Qt.MouseButton.LeftButton)
    assert controller.design.acknowledged == []
    assert panel.findings.index(row).data(Qt.ItemDataRole.ForegroundRole) is None


def test_a_change_to_the_field_brings_the_warning_back(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    row = _two_days(window, monkeypatch)
    finding = window.preview.findings.findings[row]
    assert window.controller.accept_warning(finding, "Agreed with both boards", by="Sam") is None
    window.preview.refresh_now()
    assert window.preview.findings.entries[row].accepted is not None
    window.controller.set_field("time.system_work.amount", Decimal("1.5"))
    window.preview.refresh_now()
    (entry,) = [e for e in window.preview.findings.entries if e.finding.code == "time.below_suggestion"]
    assert entry.accepted is None, "the warning is open again"


def test_errors_cannot_be_accepted(window: MainWindow, qtbot: QtBot) -> None:
    window.controller.replace(bad_design(window.controller.library))
    window.preview.refresh_now()
    panel = window.preview
    row = next(r for r, f in enumerate(panel.findings.findings) if f.severity is Severity.ERROR)
    panel.list.setCurrentIndex(panel.findings.index(row))
    assert not panel.accept_button.isEnabled()
    point = panel.list.visualRect(panel.findings.index(row)).center()
    panel.list.customContextMenuRequested.emit(point)
    actions = {action.text(): action for action in panel.context_menu.actions()}
    assert not actions["&Accept warning…"].isEnabled()
    assert actions["&Go to the field"].isEnabled()
    panel.context_menu.close()
    error = panel.findings.findings[row]
    assert window.controller.accept_warning(error, "Because") == "An error cannot be accepted: only a warning can."
    assert window.controller.design.acknowledged == []
    QApplication.processEvents()
