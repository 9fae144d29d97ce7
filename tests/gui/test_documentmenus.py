"""File, Recruitment pack and the version entries, driven through the menus as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from roledesigner.domain.vocabulary import Requirement
from roledesigner.gui.mainwindow import MainWindow
from tests.support.docxread import independent_text
from tests.support.window import choose_role


def _menu_action(window: MainWindow, *path: str) -> QAction:
    """The action at File > ... by the words shown (ampersands aside)."""
    actions = window.menuBar().actions()
    for name in path[:-1]:
        menu = next(a for a in actions if a.text().replace("&", "") == name).menu()
        assert isinstance(menu, QMenu)
        actions = menu.actions()
    return next(a for a in actions if a.text().replace("&", "") == path[-1])


def test_the_interview_pack_and_matrix_export_from_the_file_menu(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "system_finance_lead")
    window.new_action.trigger()
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.Close)
    for words, name in (
        ("Export interview pack (Word)…", "pack.docx"),
        ("Export shortlisting matrix (Excel)…", "matrix.xlsx"),
    ):
        target = tmp_path / name
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), ""))
        _menu_action(window, "File", "Recruitment pack", words).trigger()
        # Written, and the export ended: until then every export entry is off.

        def ended(written: Path = target) -> bool:
            return written.exists() and window.export_word_action.isEnabled()

        qtbot.waitUntil(ended, timeout=60_000)
    interview = [c for c in window.controller.design.capabilities if "interview" in {a.value for a in c.assessed_by}]
    text = independent_text((tmp_path / "pack.docx").read_bytes())
    for item in interview:
        assert window.controller.library.capabilities[item.id].name in text
    essential = [c for c in window.controller.design.capabilities if c.requirement is Requirement.ESSENTIAL]
    sheet_text = " ".join(
        str(cell.value)
        for sheet in load_workbook(tmp_path / "matrix.xlsx")
        for row in sheet.iter_rows()
        for cell in row
    )
    assert essential and "Essential" in sheet_text
    assert Document(str(tmp_path / "pack.docx")).core_properties.language == "en-GB"


def test_copy_criteria_puts_the_person_specification_on_the_clipboard(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    choose_role(monkeypatch, "system_data_scientist")
    window.new_action.trigger()
    QGuiApplication.clipboard().clear()
    _menu_action(window, "File", "Recruitment pack", "Copy criteria for NHS Jobs or Trac").trigger()
    pasted = QGuiApplication.clipboard().text()
    assert pasted.startswith("Person specification: ") and "Essential:" in pasted


def test_the_title_bar_names_the_version_and_status(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    choose_role(monkeypatch, "system_data_scientist")
    window.new_action.trigger()
    assert "(version 1, draft)" in window.windowTitle()
    window.controller.set_field("status", "approved")
    assert "(version 1, approved)" in window.windowTitle()


def test_opening_a_file_with_a_damaged_version_says_so_and_opens(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json
    from datetime import date

    from roledesigner.domain.models import RoleDesign
    from roledesigner.domain.versions import record_version
    from roledesigner.files.designfile import dumps

    data = json.loads(dumps(record_version(RoleDesign(title="Place lead"), when=date(2026, 5, 3))))
    data["history"][0]["date"] = "the third of May"
    path = tmp_path / "damaged.roledesign"
    path.write_text(json.dumps(data), encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: told.append(text))
    assert window.session.open_file(path)
    assert window.controller.design.title == "Place lead"
    assert told and told[0].startswith("damaged.roledesign opened, but not every recorded version could be read")


def test_import_is_beside_open_and_audit_with_the_exports(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    entries = [a.text().replace("&", "") for a in file_menu.actions()]
    assert entries.index("Import job description…") == entries.index("Open…") + 1
    assert entries.index("Audit a folder…") > entries.index("Export several designs…")
    assert _menu_action(window, "File", "Import job description…").shortcut().toString() == "Ctrl+I"


def test_a_dropped_job_description_opens_the_import_review(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from docx import Document as NewDocument
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent

    source = tmp_path / "old job description.docx"
    document = NewDocument()
    document.add_heading("Head of Integrated Commissioning", level=1)
    document.add_heading("Job purpose", level=2)
    document.add_paragraph("To lead joint commissioning across the council and the integrated care board.")
    document.save(str(source))
    opened: list[Path] = []
    monkeypatch.setattr(
        "roledesigner.gui.dialogs.importreview.import_job_description",
        lambda _window, path=None: opened.append(path),  # the review itself: tests/gui/test_importreview.py
    )
    window.ensure_filled()  # the drop is accepted once the window is filled (the import's code loads then)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    drop = QDropEvent(
        QPointF(20, 20), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    from roledesigner.gui.dialogs.importreview import ImportDrop

    handler = window.findChild(ImportDrop)  # installed by the window; Qt hands drops only to a real drag,
    assert handler is not None  # so the event goes to the window's handler as Qt would pass it
    assert handler.handle(window, drop)
    assert opened == [source]
