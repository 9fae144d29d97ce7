# mypy: disable-error-code="no-untyped-call"
"""The role editor, driven through its real widgets (pytest-qt, offscreen; dialogs patched)."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtCore import QByteArray, QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLineEdit,
    QStyle,
    QToolButton,
)
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import Criterion, Partner
from roledesigner.domain.vocabulary import Assessment, Requirement, Sector, Terms
from roledesigner.files.settings import Settings
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.binding import ERROR_STYLE
from roledesigner.gui.editor.editor import RoleEditor
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.widgets.mime import CAPABILITY_MIME
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import design_from_role
from tests.gui.editorsupport import column, pages, sample, type_into_cell

__all__ = ["sample"]

# --- refused cells say why ------------------------------------------------------------------------


def test_a_refused_funding_share_says_why_until_the_next_accepted_edit(sample: MainWindow, qtbot: QtBot) -> None:
    editor = sample.editor
    editor.setCurrentIndex(5)
    partners = editor.tables["joint.partners"]
    before = sample.controller.design
    type_into_cell(qtbot, partners, 1, "funding_percent", "abc")
    assert sample.controller.design == before, "a refused value changes nothing"
    assert editor.partner_message.isVisible()
    assert editor.partner_message.text() == "Funding for Westtown Council must be a number."
    type_into_cell(qtbot, partners, 1, "funding_percent", "150")
    assert editor.partner_message.text() == "Funding for Westtown Council must be between 0 and 100 per cent."
    assert partners.accessibleDescription() == editor.partner_message.text()
    type_into_cell(qtbot, partners, 1, "time_percent", "45")
    assert not editor.partner_message.isVisible(), "an accepted edit clears the message"
    assert partners.accessibleDescription() == ""


def test_every_editable_table_shows_its_refused_cells(sample: MainWindow) -> None:
    editor = sample.editor
    cases = {
        "responsibilities": ("text", "   ", "Responsibility 1 must not be empty."),
        "criteria": ("text", "", "Criterion 1 must not be empty."),
        "relationships": ("name", " ", "The name of working relationship 1 must not be empty."),
        "joint.partners": ("organisation", "", "The organisation of partner 1 must not be empty."),
    }
    for path, (attr, value, sentence) in cases.items():
        table = editor.tables[path]
        model = table.list_model
        assert not model.setData(model.index(0, column(table, attr)), value)
        assert not table.message.isHidden(), path
        assert table.message.text() == sentence
        assert table.message.styleSheet() == ERROR_STYLE
    # The capabilities' message is the one a refused drop uses, beneath the same table.
    capabilities = editor.tables["capabilities"]
    assert editor.capability_message is capabilities.message


def test_the_running_totals_look_like_an_error_only_when_they_do_not_add_up(sample: MainWindow) -> None:
    editor = sample.editor
    editor.setCurrentIndex(5)
    assert (
        editor.joint_totals.text()
        == "Funding adds up to 100 per cent (complete). Time adds up to 100 per cent (complete)."
    )
    assert editor.joint_totals.styleSheet() == ""
    model = editor.tables["joint.partners"].list_model
    assert model.setData(model.index(1, column(editor.tables["joint.partners"], "funding_percent")), "70")
    assert "Funding adds up to 130 per cent (30 per cent too much)." in editor.joint_totals.text()
    assert editor.joint_totals.styleSheet() == ERROR_STYLE
    sample.undo_action.trigger()
    assert editor.joint_totals.styleSheet() == ""


# --- the tabs fit ------------------------------------------------------------------------------------


def test_all_eight_tabs_show_in_full_at_1280_by_800_with_both_docks(sample: MainWindow) -> None:
    editor = sample.editor
    bar = editor.tabBar()
    assert sample.library_dock.isVisible() and sample.preview_dock.isVisible()
    assert editor.count() == 8
    for index in range(editor.count()):
        rect = bar.tabRect(index)
        assert rect.left() >= 0 and rect.right() < bar.width() <= editor.width(), bar.tabText(index)
        assert rect.width() >= bar.tabSizeHint(index).width(), f"{bar.tabText(index)} is not cut short"
    assert not [b for b in bar.findChildren(QToolButton) if b.isVisible()], "no scroll arrows"
    assert all(editor.tabToolTip(index) for index in range(8)), "each tab's full name is its tooltip"
    assert editor.tabToolTip(6) == "Support and development, job stability and working relationships"


# --- tables keep the user's place ------------------------------------------------------------------


def test_ticking_assessment_methods_keeps_the_row_selected(sample: MainWindow, qtbot: QtBot) -> None:
    editor = sample.editor
    editor.setCurrentIndex(3)
    table = editor.tables["capabilities"]
    table.setCurrentIndex(table.list_model.index(1, 0))
    box = editor.findChild(QGroupBox, "capabilities_assessment")
    assert box is not None
    checks = {c.accessibleName(): c for c in box.findChildren(QCheckBox)}
    before = set(sample.controller.design.capabilities[1].assessed_by)
    qtbot.mouseClick(checks["Assessed by application"], Qt.MouseButton.LeftButton)
    assert box.isEnabled() and table.current_row() == 1, "the edit keeps the row and its box"
    qtbot.mouseClick(checks["Assessed by presentation"], Qt.MouseButton.LeftButton)
    toggled = {Assessment.APPLICATION, Assessment.PRESENTATION}
    expected = [m for m in Assessment if (m in before) != (m in toggled)]
    assert sample.controller.design.capabilities[1].assessed_by == expected, "both ticks reached the row"
    model = editor.tables["joint.partners"].list_model
    partners = editor.tables["joint.partners"]
    partners.setCurrentIndex(model.index(1, 3))
    assert model.setData(model.index(1, 3), "45")
    assert partners.currentIndex() == model.index(1, 3), "a typed cell stays current, for the keyboard"


# --- the tables fit the editor --------------------------------------------------------------------


def test_every_table_fits_the_editor_at_1280_by_800_with_nothing_cut(sample: MainWindow) -> None:
    editor = sample.editor
    controller = sample.controller
    controller.insert(
        "joint.partners",
        2,
        Partner(
            organisation="Westtown Voluntary Action",
            sector=Sector.VCSE,
            funding_percent=Decimal(0),
            time_percent=Decimal(0),
        ),
        "Add partner",
    )
    controller.insert(
        "criteria",
        0,
        Criterion(text="Substantial experience of leading change across health and care organisations, with councils"),
        "Add criterion",
    )
    for path, table in editor.tables.items():
        editor.setCurrentIndex(editor.indexOf(next(p for p in pages(editor) if p.isAncestorOf(table))))
        QApplication.processEvents()
        header = table.horizontalHeader()
        model = table.list_model
        metrics = table.fontMetrics()
        margins = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
        assert table.horizontalScrollBar().maximum() == 0, f"{path} scrolls sideways"
        for i in range(model.columnCount()):
            heading = model.headerData(i, Qt.Orientation.Horizontal)
            width = header.sectionSize(i)
            assert width >= header.sectionSizeFromContents(i).width(), f"{path}: the heading {heading!r} is cut"
            for row in range(model.rowCount()):
                for word in str(model.index(row, i).data() or "").split():
                    assert metrics.horizontalAdvance(word) + margins <= width, f"{path}: {word!r} is cut in {heading!r}"
        for row in range(model.rowCount()):
            assert table.rowHeight(row) >= table.sizeHintForRow(row), f"{path}: row {row + 1} is cut"
    partners = editor.tables["joint.partners"].horizontalHeader()
    assert partners.sectionSize(0) >= 200, "the organisation has the room"
    assert partners.sectionSize(0) == max(partners.sectionSize(i) for i in range(partners.count()))
    capabilities = editor.tables["capabilities"].horizontalHeader()
    assert capabilities.sectionSize(0) > capabilities.sectionSize(1), "the capability's name has the most room"
    criteria = editor.tables["criteria"].horizontalHeader()
    assert criteria.sectionSize(1) == max(criteria.sectionSize(i) for i in range(criteria.count()))


def test_the_selected_partners_line_manager_and_terms_are_edited_beneath_the_table(
    sample: MainWindow, qtbot: QtBot
) -> None:
    editor = sample.editor
    editor.setCurrentIndex(5)
    table = editor.tables["joint.partners"]
    box = editor.findChild(QGroupBox, "joint.partners_details")
    assert box is not None and not box.isEnabled(), "nothing chosen yet"
    table.setCurrentIndex(table.list_model.index(1, 0))
    assert box.isEnabled() and box.title() == "Line manager and terms at Westtown Council"
    manager = editor.partner_fields["line_manager"]
    terms = editor.partner_fields["terms"]
    honorary = editor.partner_fields["honorary_contract"]
    assert isinstance(manager, QLineEdit) and isinstance(terms, QComboBox) and isinstance(honorary, QCheckBox)
    assert manager.text() == "Director of adult social services"
    assert terms.currentData() == Terms.NJC_GREEN_BOOK.value and honorary.isChecked()
    manager.selectAll()
    qtbot.keyClicks(manager, "Director of public health")
    terms.setCurrentIndex(terms.findData(Terms.JNC_CHIEF_OFFICERS.value))
    qtbot.mouseClick(honorary, Qt.MouseButton.LeftButton)
    partner = sample.controller.design.joint.partners[1]  # type: ignore[union-attr]
    assert partner.line_manager == "Director of public health"
    assert partner.terms is Terms.JNC_CHIEF_OFFICERS and not partner.honorary_contract
    assert table.current_row() == 1 and box.isEnabled(), "the partner stays chosen while it is edited"
    table.setCurrentIndex(table.list_model.index(0, 0))
    assert manager.text() == "Place director" and terms.currentData() == Terms.AGENDA_FOR_CHANGE.value
    assert editor.focus_field("joint.partners[1].line_manager")
    assert table.current_row() == 1 and QApplication.focusWidget() is manager


# --- programmed activities follow the job plan box ----------------------------------------------------


def test_programmed_activities_can_be_typed_only_with_a_job_plan(sample: MainWindow, qtbot: QtBot) -> None:
    editor = sample.editor
    editor.setCurrentIndex(4)
    binding = editor.binder.find("time.contracted_programmed_activities")
    assert binding is not None
    field = binding.widget
    assert isinstance(field, QLineEdit)
    assert sample.controller.design.time.contracted_programmed_activities is None
    assert not field.isEnabled(), "no job plan: nothing to type"
    caption = editor.captions[field]
    assert not caption.isEnabled()
    qtbot.mouseClick(editor.pa_basis, Qt.MouseButton.LeftButton)
    assert sample.controller.design.time.contracted_programmed_activities == Decimal(10)
    assert field.isEnabled() and caption.isEnabled() and field.text() == "10"
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "8")
    assert sample.controller.design.time.contracted_programmed_activities == Decimal(8)
    qtbot.mouseClick(editor.pa_basis, Qt.MouseButton.LeftButton)  # untick: the job plan goes
    assert sample.controller.design.time.contracted_programmed_activities is None
    assert not field.isEnabled() and field.text() == "", "unticking clears the programmed activities"
    sample.undo_action.trigger()
    assert field.isEnabled() and field.text() == "8" and editor.pa_basis.isChecked()


def test_emptying_programmed_activities_ends_the_job_plan_once_the_user_moves_on(
    sample: MainWindow, qtbot: QtBot
) -> None:
    editor = sample.editor
    editor.setCurrentIndex(4)
    sample.controller.set_field("time.contracted_programmed_activities", Decimal(10))
    binding = editor.binder.find("time.contracted_programmed_activities")
    assert binding is not None
    field = binding.widget
    assert isinstance(field, QLineEdit) and field.isEnabled()
    field.setFocus()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    assert sample.controller.design.time.contracted_programmed_activities is None
    assert field.isEnabled(), "still being typed in: the user may be about to type a new figure"
    qtbot.keyClicks(field, "6")
    assert sample.controller.design.time.contracted_programmed_activities == Decimal(6)
    assert editor.pa_basis.isChecked()
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    hours = editor.binder.find("time.contracted_hours_per_week")
    assert hours is not None
    hours.widget.setFocus()
    assert not field.isEnabled() and not editor.pa_basis.isChecked(), "left empty: no job plan"
    assert not binding.message.isVisible()


def test_directorate_and_job_reference_are_on_the_overview(window: MainWindow, qtbot: QtBot) -> None:
    """The usual job identification (CONVENTIONS): both are typed on the first tab and saved."""
    for path, text in (("directorate", "Strategy and transformation"), ("job_reference", "NSICB-0421")):
        binding = window.editor.binder.find(path)
        assert binding is not None
        edit = binding.widget
        assert isinstance(edit, QLineEdit)
        assert window.editor.focus_field(path) and window.editor.currentIndex() == 0
        qtbot.keyClicks(edit, text)
        assert getattr(window.controller.design, path) == text
        assert edit.accessibleName() and edit.toolTip()


def test_a_refused_drop_message_goes_with_the_next_accepted_edit(window: MainWindow) -> None:
    """Every message under a table has one keeper (its model), so an accepted edit always clears it."""
    design = window.controller.design
    first = next(iter(window.controller.library.capabilities))
    window.add_capability(first)
    window.add_capability(first)  # refused: already in this role
    table = window.editor.tables["capabilities"]
    assert "already" in table.message.text() and not table.message.isHidden()
    window.controller.set_field("title", design.title + " (draft)")
    assert table.message.text() == "" and table.message.isHidden()


def test_a_job_plan_in_programmed_activities_greys_out_the_contracted_hours(window: MainWindow) -> None:
    """The plan sets the hours (4 each), so typing hours would change nothing the document says."""
    hours = window.editor.hours_binding.widget
    assert hours.isEnabled()
    window.editor.pa_basis.setChecked(True)
    assert not hours.isEnabled()
    assert window.editor.pa_binding.widget.isEnabled()
    window.editor.pa_basis.setChecked(False)
    assert hours.isEnabled()


# --- the editor on its own: library changes, drops, and keystrokes that leave the tables alone -------


@pytest.fixture
def open_editor(library: Library, qtbot: QtBot) -> Iterator[RoleEditor]:
    """The sample design open in a role editor with its controller, and no main window."""
    controller = DocumentController(library, Settings())
    controller.replace(sample_design(library))
    editor = RoleEditor(controller)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.show()
    editor.setCurrentIndex(3)
    QApplication.processEvents()
    yield editor
    controller.undo_stack.setClean()


def test_a_renamed_capability_shows_in_the_table_when_the_library_is_read_again(open_editor: RoleEditor) -> None:
    """No edit of the design is needed: the editor hears the controller's libraryChanged."""
    controller = open_editor.controller
    table = open_editor.tables["capabilities"]
    model = table.list_model
    row = 2
    capability_id = controller.design.capabilities[row].id
    old = controller.library.capabilities[capability_id]
    new_name = "Building relationships of trust across every organisation in the place, slowly"
    renamed = dataclasses.replace(
        controller.library,
        capabilities={**controller.library.capabilities, capability_id: old.model_copy(update={"name": new_name})},
    )
    told: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: told.append((a.row(), b.row(), a.column(), b.column())))
    height = table.rowHeight(row)
    steps = controller.undo_stack.count()

    controller.set_library(renamed)
    QApplication.processEvents()

    assert any(first <= row <= last and left == 0 for first, last, left, _right in told), "the view was told"
    assert model.index(row, 0).data() == new_name
    assert table.rowHeight(row) > height, "the longer name wraps, and its row grew to show all of it"
    assert table.rowHeight(row) >= table.sizeHintForRow(row), "nothing cut"
    assert controller.undo_stack.count() == steps, "no edit of the design"


def dragged(capability_id: str, kind: str = CAPABILITY_MIME) -> QMimeData:
    mime = QMimeData()
    mime.setData(kind, QByteArray(capability_id.encode("utf-8")))
    return mime


def drag_over(table: ListTable, mime: QMimeData) -> bool:
    """Whether the table takes what is dragged over its second row, as Qt asks it."""
    point = table.visualRect(table.list_model.index(1, 0)).center()
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    table.dragEnterEvent(QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys))
    moved = QDragMoveEvent(point, Qt.DropAction.CopyAction, mime, buttons, keys)
    table.dragMoveEvent(moved)
    return moved.isAccepted()


def drop_on(table: ListTable, capability_id: str, row: int) -> None:
    """Drop a capability dragged from the library on a row of the table, as Qt delivers it."""
    mime = dragged(capability_id)
    point = QPointF(table.visualRect(table.list_model.index(row, 0)).center())
    event = QDropEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    table.dropEvent(event)


def test_a_capability_dropped_on_the_table_is_assessed_as_new_from_assesses_it(
    open_editor: RoleEditor, library: Library
) -> None:
    controller = open_editor.controller
    table = open_editor.tables["capabilities"]
    role = library.roles["system_finance_lead"]  # a senior post: essentials by a presentation too
    controller.replace(controller.design.model_copy(update={"based_on": role.id}))
    in_design = {item.id for item in controller.design.capabilities}
    composed = next(
        item
        for item in design_from_role(role).capabilities
        if item.requirement is Requirement.ESSENTIAL and item.id not in in_design
    )
    assert drag_over(table, dragged(composed.id))
    assert not drag_over(table, dragged(composed.id, "text/plain")), "only capabilities from the library"
    assert not drag_over(open_editor.tables["criteria"], dragged(composed.id)), "and only onto the capabilities"
    drop_on(table, composed.id, 1)
    assert controller.design.capabilities[1] == composed, "application, interview and presentation, as new --from says"
    assert table.message.isHidden()
    drop_on(table, composed.id, 3)  # a second drag of the same capability
    assert [item.id for item in controller.design.capabilities].count(composed.id) == 1
    assert table.message.text() == f"'{library.capabilities[composed.id].name}' is already in this role."
    assert not table.message.isHidden()


def test_a_keystroke_in_a_field_leaves_every_table_and_its_columns_alone(open_editor: RoleEditor, qtbot: QtBot) -> None:
    told: list[str] = []
    for path, table in open_editor.tables.items():
        model = table.list_model
        for signal in (model.dataChanged, model.modelReset, model.rowsInserted, model.rowsRemoved):
            signal.connect(lambda *_, path=path: told.append(f"{path} model"))
        table.horizontalHeader().sectionResized.connect(lambda *_, path=path: told.append(f"{path} column"))
        table.verticalHeader().sectionResized.connect(lambda *_, path=path: told.append(f"{path} row"))
    open_editor.setCurrentIndex(0)
    title = open_editor.binder.find("title")
    assert title is not None
    title.widget.setFocus()
    qtbot.keyClicks(title.widget, " (interim)")
    QApplication.processEvents()
    assert open_editor.controller.design.title.endswith(" (interim)")
    assert told == []
