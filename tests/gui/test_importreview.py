"""The import in the app, offscreen with pytest-qt: review the placements, move a piece, tick a
suggestion, open the result as a new unsaved design; a refused file gets its sentence; a dropped
Word file starts the same review."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QTreeWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.domain.vocabulary import ResponsibilityKind
from roledesigner.gui.dialogs.importreview import ImportDrop, ImportReviewDialog, import_job_description
from roledesigner.importing.placements import TARGET_LABELS, Target
from tests.importing import samples


def click(qtbot: QtBot, widget: Any) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)  # type: ignore[no-untyped-call]


def description(tmp_path: Path, build: Any = samples.heading_styles, name: str = "partnerships.docx") -> Path:
    path = tmp_path / name
    path.write_bytes(build())
    return path


def rows(dialog: ImportReviewDialog) -> list[QTreeWidgetItem]:
    found = []
    for top in range(dialog.tree.topLevelItemCount()):
        section = dialog.tree.topLevelItem(top)
        assert section is not None
        found += [item for n in range(section.childCount()) if (item := section.child(n)) is not None]
    return found


def row_of(dialog: ImportReviewDialog, text: str) -> QTreeWidgetItem:
    return next(item for item in rows(dialog) if item.text(0) == text)


def test_the_review_shows_every_piece_under_its_heading_and_the_design_beside_it(
    window: Any, qtbot: QtBot, tmp_path: Path
) -> None:
    dialog = import_job_description(window, description(tmp_path))
    assert dialog is not None
    qtbot.addWidget(dialog)
    sections = [dialog.tree.topLevelItem(n).text(0) for n in range(dialog.tree.topLevelItemCount())]  # type: ignore[union-attr]
    assert sections[:4] == ["Page header", "Before the first heading", "Job details", "Job purpose"]
    assert len(rows(dialog)) == len(dialog.imported.placements)
    assert row_of(dialog, "Voluntary sector partners").text(1) == TARGET_LABELS[Target.RELATIONSHIP]
    dialog.tree.setCurrentItem(row_of(dialog, "Agenda for Change band 8c"))
    assert dialog.why_label.text() == "Table 1, row 2, column 2: beside 'Band' in the job details."
    preview = dialog.preview.toPlainText()
    assert "Unmapped: text to place" in preview
    assert samples.HEADING_STYLES_CONFIDENTIALITY in preview


def test_move_a_piece_tick_a_suggestion_and_open_the_design_unsaved(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    controller = window.controller
    dialog = import_job_description(window, description(tmp_path))
    assert dialog is not None
    dialog.tree.setCurrentItem(row_of(dialog, samples.HEADING_STYLES_CONFIDENTIALITY))
    dialog.target_box.setCurrentIndex(dialog.target_box.findData(Target.RESPONSIBILITY.value))
    click(qtbot, dialog.move_button)
    assert row_of(dialog, samples.HEADING_STYLES_CONFIDENTIALITY).text(1) == TARGET_LABELS[Target.RESPONSIBILITY]
    assert samples.HEADING_STYLES_CONFIDENTIALITY not in [u.text for u in dialog.imported.design.unmapped]
    suggestion = dialog.suggestion_list.item(0)
    assert suggestion is not None and suggestion.text().startswith("Building strong relationships and networks: “")
    suggestion.setCheckState(Qt.CheckState.Checked)
    click(qtbot, dialog.open_button)
    design = controller.design
    assert design.title == "Head of Integrated Care Partnerships"
    assert design.responsibilities[-1].text == samples.HEADING_STYLES_CONFIDENTIALITY
    assert design.responsibilities[-1].kind is ResponsibilityKind.ORGANISATIONAL
    assert [c.id for c in design.capabilities] == ["building_relationships"]
    assert controller.path is None and controller.is_modified  # a new design, not saved yet
    assert window.isWindowModified()


def test_cancel_leaves_the_open_design_alone(window: Any, qtbot: QtBot, tmp_path: Path) -> None:
    before = window.controller.design
    dialog = import_job_description(window, description(tmp_path))
    assert dialog is not None
    dialog.reject()
    assert window.controller.design == before


def test_a_refused_file_is_one_sentence_in_a_box(window: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: said.append(text))
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert import_job_description(window, old) is None
    assert len(said) == 1 and said[0].startswith(f"{old} is an old-style Word document (.doc)")


def drop_filter(window: Any) -> ImportDrop:
    """The drop handler the window installed when it was filled (it must have one)."""
    found = window.findChild(ImportDrop)
    assert isinstance(found, ImportDrop), "the window installs a drop handler for job descriptions"
    return found


def file_data(path: Path, with_text: bool = False) -> QMimeData:
    """What a file manager's drag carries: the file's address, and on many systems its path as text."""
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(path))])
    if with_text:
        data.setText(str(path))
    return data


def drop_event(path: Path) -> tuple[QDropEvent, QMimeData]:
    """A drop of `path`, and its data, which the caller keeps alive (the event does not own it)."""
    data = file_data(path)
    event = QDropEvent(
        QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    return event, data


def drag_and_drop(target: QWidget, data: QMimeData) -> None:
    """A drag entering `target` and dropped there, sent through the application as Qt sends a real one:
    the drag enter goes up from the widget to the first that accepts it, and the drop goes there."""
    where = QPoint(5, 5)
    enter = QDragEnterEvent(
        where, Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, enter)
    drop = QDropEvent(
        QPointF(where), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    QApplication.sendEvent(target, drop)


def test_a_word_file_dropped_on_the_window_is_imported(window: Any, tmp_path: Path) -> None:
    path = description(tmp_path, samples.bold_capitals, "place.docx")
    assert drop_filter(window) is not None, "the window has its drop handler"
    data = file_data(path)
    drag_and_drop(window, data)  # through the application, as Qt delivers a real drag
    dialogs = [d for d in window.findChildren(ImportReviewDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].imported.design.title == "Place Director of Integration"


def test_a_dropped_file_of_another_kind_is_not_taken(window: Any, tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a description", encoding="utf-8")
    drop, _data = drop_event(path)
    drop.ignore()
    assert not drop_filter(window).handle(window, drop)
    assert not drop.isAccepted()
    assert not window.findChildren(ImportReviewDialog)


@pytest.mark.parametrize(
    "with_text",
    [False, True],
    ids=["address only", "address and path as text"],
)
def test_a_word_file_dropped_on_a_text_field_is_imported_not_typed_in(
    window: Any, qtbot: QtBot, tmp_path: Path, with_text: bool
) -> None:
    path = description(tmp_path, samples.bold_capitals, "place.docx")
    fields = [f for f in window.findChildren(QLineEdit) if f.isVisible() and f.isEnabled() and not f.isReadOnly()]
    assert fields
    field = fields[0]
    before = field.text()
    data = file_data(path, with_text)
    drag_and_drop(field, data)
    dialogs = [d for d in window.findChildren(ImportReviewDialog) if d.isVisible()]
    assert len(dialogs) == 1
    assert dialogs[0].imported.design.title == "Place Director of Integration"
    assert field.text() == before
