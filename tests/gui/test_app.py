# mypy: disable-error-code="no-untyped-call"
"""The desktop app, driven as a user drives it (pytest-qt, offscreen; dialogs patched)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from roledesigner.domain.models import Partner
from roledesigner.domain.vocabulary import AllocationUnit, Sector
from roledesigner.files.designfile import load_design
from roledesigner.gui.app import create_window
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.widgets.mime import CAPABILITY_MIME
from tests.support.docxread import independent_text
from tests.support.window import bound, choose_role, preview_text


def codes(win: MainWindow) -> list[str]:
    win.preview.refresh_now()
    return [f.code for f in win.preview.findings.findings]


def test_new_from_an_emerging_role(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_role(monkeypatch, "place_chief_executive")
    window.new_action.trigger()
    design = window.controller.design
    assert design.based_on == "place_chief_executive"
    assert bound(window, "title").text() == design.title
    assert "Place chief executive" in window.windowTitle()
    assert design.title in preview_text(window)


def test_add_a_capability_by_double_click_and_by_drag_and_drop(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, None)
    window.new_action.trigger()
    panel = window.library_panel
    qtbot.keyClicks(panel.search_box, "politic")
    index = panel.model.index_of("capability", "political_astuteness")
    assert index.isValid()
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [c.id for c in window.controller.design.capabilities] == ["political_astuteness"]
    assert window.controller.undo_stack.undoText() == "Add capability 'Being politically astute'"

    table = window.editor.tables["capabilities"]
    window.editor.setCurrentIndex(3)
    mime = QMimeData()
    mime.setData(CAPABILITY_MIME, b"active_listening")
    drop = QDropEvent(
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    table.dropEvent(drop)
    assert [c.id for c in window.controller.design.capabilities] == ["active_listening", "political_astuteness"]
    again = QDropEvent(  # Qt ignores a drop event that was already accepted, so a fresh one
        QPointF(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    table.dropEvent(again)  # the same again is refused, with a reason at the table
    assert len(window.controller.design.capabilities) == 2
    assert window.editor.capability_message.text() == "'Active listening' is already in this role."


def test_two_days_of_system_time_changes_the_preview_sentence(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.editor.setCurrentIndex(4)
    unit = bound(window, "time.system_work.unit")
    assert isinstance(unit, QComboBox)
    unit.setCurrentIndex(unit.findData(AllocationUnit.DAYS_PER_WEEK.value))
    assert window.controller.design.time.system_work.amount == Decimal(5), "100 per cent is re-expressed as 5 days"
    amount = bound(window, "time.system_work.amount")
    assert isinstance(amount, QLineEdit)
    amount.setFocus()
    amount.selectAll()
    qtbot.keyClicks(amount, "2")
    assert window.controller.design.time.system_work.amount == Decimal(2)
    assert (
        "This post includes 2 days (15 hours) a week of protected time for system work, two fifths of the post."
        in preview_text(window)
    )
    assert "2 days (15 hours)" in window.editor.time_sentence.text()
    qtbot.keyClicks(amount, "x")
    binding = window.editor.binder.find("time.system_work.amount")
    assert binding is not None and binding.message.text() == "System work amount must be a number."
    # Refused text is not half-kept: the design goes back to what it was before the typing began.
    assert window.controller.design.time.system_work.amount == Decimal(5)


def test_a_joint_split_that_does_not_add_up_shows_in_review(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "joint_digital_lead")
    window.new_action.trigger()
    window.editor.setCurrentIndex(5)
    window.editor.joint_check.setChecked(True)
    partners = window.editor.tables["joint.partners"]
    model = partners.list_model
    controller = window.controller
    for name, host in (("North Shire ICB", True), ("Westtown Council", False)):
        count = model.rowCount()
        controller.insert(
            "joint.partners",
            count,
            Partner(
                organisation=name, sector=Sector.OTHER, host=host, funding_percent=Decimal(0), time_percent=Decimal(0)
            ),
            "Add partner",
        )
    for row, (funding, time) in enumerate((("60", "50"), ("30", "50"))):
        assert model.setData(model.index(row, 3), funding)
        assert model.setData(model.index(row, 4), time)
    assert "Funding adds up to 90 per cent (10 per cent still to share)." in window.editor.joint_totals.text()
    assert "joint.funding_total" in codes(window)
    assert "joint.time_total" not in codes(window)
    assert not model.setData(model.index(0, 3), "120")
    assert model.last_problem == "must be between 0 and 100 per cent"


def test_double_clicking_a_finding_jumps_to_its_field(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.preview.refresh_now()
    findings = window.preview.findings
    row = next(i for i, f in enumerate(findings.findings) if f.field == "reports_to")
    window.preview.list.doubleClicked.emit(findings.index(row))
    assert window.editor.currentIndex() == 0
    assert QApplication.focusWidget() is bound(window, "reports_to")


def test_save_reopen_and_compare(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_role(monkeypatch, "independent_chair")
    window.new_action.trigger()
    window.controller.set_field("grade", "Very senior manager")
    assert window.isWindowModified()
    target = tmp_path / "chair"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert window.save_as()
    saved = tmp_path / "chair.roledesign"
    assert load_design(saved) == window.controller.design
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("chair[*]")
    before = window.controller.design
    window.controller.replace(window.controller.design.model_copy(update={"title": "Other"}))
    assert window.open_file(saved)
    assert window.controller.design == before
    assert window.recent_files()[0] == str(saved.resolve())


def test_close_with_unsaved_changes_asks(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    window.controller.set_field("purpose", "Lead partners.")
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: next(answers))
    assert not window.close(), "Cancel keeps the window open"
    assert window.isVisible()
    assert window.close(), "Discard closes it"


def test_an_unreadable_file_gives_a_message_and_the_app_stays(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    broken = tmp_path / "broken.roledesign"
    broken.write_text("{", encoding="utf-8")
    before = window.controller.design
    assert not window.open_file(broken)
    assert shown and str(broken) in shown[0] and "not valid JSON" in shown[0]
    assert window.controller.design == before and window.isVisible()


def test_export_word_off_the_gui_thread_and_read_it_back(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "system_data_scientist")
    window.new_action.trigger()
    target = tmp_path / "spec.docx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Close)
    window.export_word_action.trigger()
    assert window.busy.isVisible()
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=60_000)
    text = independent_text(target.read_bytes())
    assert window.controller.design.title in text and "Person specification" in text


def test_item_models_pass_the_model_tester(
    window: MainWindow, qtmodeltester: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "joint_workforce_lead")
    window.new_action.trigger()
    window.preview.refresh_now()
    qtmodeltester.check(window.preview.findings)
    for table in window.editor.tables.values():
        qtmodeltester.check(table.list_model)
    qtmodeltester.check(window.library_panel.model)


def test_undo_and_redo_from_the_edit_menu(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.add_capability("empathy")
    assert window.undo_action.text() == "&Undo Add capability 'Empathy across organisations'"
    window.undo_action.trigger()
    assert "empathy" not in [c.id for c in window.controller.design.capabilities]
    window.redo_action.trigger()
    assert "empathy" in [c.id for c in window.controller.design.capabilities]


def test_the_library_menu_edits_the_users_own_entries(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A user entry saved from the app appears in the library at once, from the user's folder."""
    from roledesigner.library.userentries import duplicate_data, save_entry, validate_capability

    titles = [a.text().replace("&", "") for a in window.library_editing.actions()]
    assert "New capability…" in titles and "Delete my entry…" in titles
    folder = tmp_path / "mine"
    monkeypatch.setattr(
        window.controller, "settings", window.controller.settings.model_copy(update={"user_library": folder})
    )
    data = duplicate_data("capability", "empathy", window.controller.library)
    entry, problems = validate_capability(data, window.controller.library)
    assert entry is not None and problems == []
    save_entry(entry, folder)
    window.library_editing.libraryChanged.emit()
    assert entry.id in window.controller.library.capabilities
    assert window.controller.library.origins[("capability", entry.id)].folder.label == "user"
    index = window.library_panel.model.index_of("capability", entry.id)
    assert index.isValid()
    assert index.data() == f"{entry.name} (your own)", "marked as the user's own in the list"


def test_list_buttons_add_move_and_remove(window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QPushButton

    choose_role(monkeypatch, None)
    window.new_action.trigger()
    window.editor.setCurrentIndex(2)
    page = window.editor.widget(2)
    assert page is not None
    buttons = {b.text().replace("&", ""): b for b in page.findChildren(QPushButton)}
    qtbot.mouseClick(buttons["Add system responsibility"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(buttons["Add organisational responsibility"], Qt.MouseButton.LeftButton)
    kinds = [r.kind.value for r in window.controller.design.responsibilities]
    assert kinds == ["system", "organisational"]
    assert window.controller.undo_stack.undoText() == "Add organisational responsibility"
    qtbot.mouseClick(buttons["Move up"], Qt.MouseButton.LeftButton)
    assert [r.kind.value for r in window.controller.design.responsibilities] == ["organisational", "system"]
    qtbot.mouseClick(buttons["Remove responsibility"], Qt.MouseButton.LeftButton)
    assert len(window.controller.design.responsibilities) == 1


def test_export_several_opens_the_batch_dialog(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    from roledesigner.gui.dialogs.batch import BatchExportDialog

    opened: list[str] = []

    def exec_(self: BatchExportDialog) -> int:
        opened.append(self.windowTitle())
        return 0

    monkeypatch.setattr(BatchExportDialog, "exec", exec_)
    window.batch_action.trigger()
    assert opened == ["Export several designs"]


def test_a_file_sent_by_the_desktop_opens(window: MainWindow, tmp_path: Path, qtbot: QtBot) -> None:
    """macOS sends a double-clicked design to the running app as a file-open event."""
    from PySide6.QtGui import QFileOpenEvent

    from roledesigner.files.designfile import save_design
    from roledesigner.gui.app import FileOpenHandler
    from roledesigner.library.compose import blank_design

    path = tmp_path / "sent.roledesign"
    save_design(blank_design().model_copy(update={"title": "Sent by the desktop"}), path)
    handler = FileOpenHandler(window)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(handler)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(path)))
    finally:
        app.removeEventFilter(handler)
    assert window.controller.path == path
    assert window.controller.design.title == "Sent by the desktop"


def test_the_first_review_runs_with_the_preview_hidden(new_window: MainWindow, qtbot: QtBot) -> None:
    """The review feeds the status bar too, so a window whose preview was left closed still gets it."""
    first = new_window
    first.show()
    qtbot.waitUntil(first.preview.isVisible)
    first.preview_dock.close()
    first.close()  # the layout, with the preview closed, is remembered

    win = create_window()
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.preview.refreshed, timeout=5000):
        win.show()
    assert not win.preview.isVisible()
    assert win.preview.findings.findings, "a blank design has things to fix"
    assert win.findings_label.text().startswith("Review: ")
    assert "nothing to fix" not in win.findings_label.text()


def test_windows_carry_the_app_icon(window: MainWindow) -> None:
    """The title bar and task bar show Role Designer's mark, at small and large sizes."""
    icon = window.windowIcon()
    assert not icon.isNull()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    edge = icon.pixmap(32, 32).toImage().pixelColor(2, 16)  # left of the page: the NHS blue square
    assert edge.alpha() == 255
    assert edge.blue() > edge.red() + 120


def test_the_preview_is_a_white_page_in_a_dark_theme(window: MainWindow) -> None:
    """In a dark theme the document's dark text must not sit on a dark page."""
    from PySide6.QtGui import QColor, QPalette

    dark = QPalette(window.palette())
    dark.setColor(QPalette.ColorRole.Base, QColor("#1E1E1E"))
    dark.setColor(QPalette.ColorRole.Text, QColor("#EEEEEE"))
    window.setPalette(dark)
    browser = window.preview.browser
    assert browser.palette().color(QPalette.ColorRole.Base) == QColor("#FFFFFF")
    assert browser.palette().color(QPalette.ColorRole.Text) == QColor("#212B32")
    assert window.preview.list.palette().color(QPalette.ColorRole.Base) == QColor("#1E1E1E"), (
        "the rest follows the theme"
    )


def test_the_picture_of_the_week_fits_a_narrow_preview(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from roledesigner.gui.preview import _pictures

    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    window.preview_dock.setFloating(True)
    window.preview_dock.resize(360, 700)
    qtbot.wait(50)
    window.preview.refresh_now()
    qtbot.wait(50)
    browser = window.preview.browser
    widths = [image.width() for _, image in _pictures(browser.document())]
    assert widths and all(width < 360 for width in widths)
    assert browser.horizontalScrollBar().maximum() == 0, "no sideways scrolling for the picture"
    window.preview_dock.resize(900, 700)
    qtbot.waitUntil(lambda: [image.width() for _, image in _pictures(browser.document())] == [480.0], timeout=2000)
