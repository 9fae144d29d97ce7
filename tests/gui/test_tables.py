# pytest-qt's model tester carries no type hints.
# mypy: disable-error-code="no-untyped-call"
"""The editor's table models on their own (no main window): Qt's model tester through every kind
of edit, the signals each edit sends (the rows it changed, never a reset), and drops."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, Qt
from pytestqt.modeltest import ModelTester

from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import Criterion, Partner, Relationship, Responsibility
from roledesigner.domain.vocabulary import Requirement, Sector
from roledesigner.files.settings import Settings
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.editor import RoleEditor
from roledesigner.gui.editor.tables import Change, ListTableModel, compare
from roledesigner.gui.widgets.mime import CAPABILITY_MIME, ROW_MIME
from roledesigner.library.catalogue import Library
from roledesigner.library.compose import design_from_role

#: A new item for each table, to insert.
NEW_ITEMS: dict[str, Any] = {
    "responsibilities": Responsibility(text="Chair the place partnership board"),
    "criteria": Criterion(text="Experience of pooled budgets"),
    "relationships": Relationship(name="Healthwatch North Shire", sector=Sector.VCSE),
    "joint.partners": Partner(
        organisation="Westtown Voluntary Action",
        sector=Sector.VCSE,
        funding_percent=Decimal(0),
        time_percent=Decimal(0),
    ),
}
#: An editable text cell of each table, and a new value for it.
CELLS = {
    "responsibilities": ("text", "Lead the joint commissioning of mental health services"),
    "criteria": ("text", "A degree or equivalent experience"),
    "relationships": ("name", "Director of Public Health"),
    "joint.partners": ("organisation", "Westtown Borough Council"),
    "capabilities": ("requirement", "desirable"),
}


@pytest.fixture
def controller(library: Library) -> DocumentController:
    controller = DocumentController(library, Settings())
    controller.replace(sample_design(library))
    return controller


@pytest.fixture
def editor(controller: DocumentController, qtbot: Any) -> Iterator[RoleEditor]:
    editor = RoleEditor(controller)
    qtbot.addWidget(editor)
    yield editor
    controller.undo_stack.setClean()


class Signals:
    """What a model told its views, in order: ("changed", first, last, left, right), ("inserted",
    first, last), ("removed", first, last), ("moved", source, destination), ("reset",)."""

    def __init__(self, model: ListTableModel) -> None:
        self.sent: list[tuple[Any, ...]] = []
        model.dataChanged.connect(
            lambda a, b, *_: self.sent.append(("changed", a.row(), b.row(), a.column(), b.column()))
        )
        model.rowsInserted.connect(lambda _p, first, last: self.sent.append(("inserted", first, last)))
        model.rowsRemoved.connect(lambda _p, first, last: self.sent.append(("removed", first, last)))
        model.rowsMoved.connect(lambda _p, start, _end, _d, row: self.sent.append(("moved", start, row)))
        model.modelReset.connect(lambda: self.sent.append(("reset",)))

    def take(self) -> list[tuple[Any, ...]]:
        sent, self.sent = self.sent, []
        return sent


def shown_rows(model: ListTableModel) -> list[list[Any]]:
    return [
        [model.index(row, column).data() for column in range(model.columnCount())] for row in range(model.rowCount())
    ]


def matches_design(model: ListTableModel) -> bool:
    """The model shows exactly the design's list now (rows and every cell)."""
    fresh = ListTableModel(model.controller, model.path, model.columns, model.noun)
    return shown_rows(model) == shown_rows(fresh) and model.shown == model.items()


def failures_reported(qtlog: Any) -> list[str]:
    return [record.message for record in qtlog.records if "FAIL!" in record.message]


@pytest.mark.parametrize("path", ["responsibilities", "capabilities", "criteria", "relationships", "joint.partners"])
def test_each_table_model_passes_the_model_tester_through_every_kind_of_edit(
    path: str, editor: RoleEditor, controller: DocumentController, qtmodeltester: ModelTester, qtlog: Any
) -> None:
    model = editor.tables[path].list_model
    if model.rowCount() < 2:  # with the insert below, three rows: a move is then no mere swap
        controller.insert(path, model.rowCount(), NEW_ITEMS[path].model_copy(update={"text": "Second"}), "Add")
    qtmodeltester.check(model)  # Qt's tester stays connected and checks every change below
    signals = Signals(model)
    attr, value = CELLS[path]
    assert model.rowCount() >= 1
    steps = []
    assert model.setData(model.index(0, next(i for i, c in enumerate(model.columns) if c.attr == attr)), value)
    steps.append(signals.take())
    if path == "capabilities":
        assert controller.add_capability("active_listening", 0) is None
    else:
        assert controller.insert(path, 0, NEW_ITEMS[path], "Add") is None
    steps.append(signals.take())
    rows = model.rowCount()
    controller.move(path, 0, rows - 1, "Move")
    steps.append(signals.take())
    controller.move(path, model.rowCount() - 1, 0, "Move")
    steps.append(signals.take())
    controller.remove(path, 0, "Remove")
    steps.append(signals.take())
    assert matches_design(model)
    while controller.undo_stack.canUndo():
        controller.undo_stack.undo()
        assert matches_design(model)
    controller.undo_stack.redo()
    controller.set_library(dataclasses.replace(controller.library))
    controller.replace(sample_design(controller.library))
    steps.append(signals.take())
    assert matches_design(model)
    assert not failures_reported(qtlog), failures_reported(qtlog)
    last = len(model.columns) - 1
    assert steps[0] == [("changed", 0, 0, 0, last)], "one cell: its row, nothing else"
    assert steps[1] == [("inserted", 0, 0)]
    assert steps[2] == [("moved", 0, rows)], "to the end: before the row past the last"
    assert steps[3] == [("moved", rows - 1, 0)]
    assert steps[4] == [("removed", 0, 0)]
    assert steps[5][-1] == ("reset",), "another design is the one time the list is shown afresh"


def test_typing_elsewhere_in_the_design_leaves_every_table_alone(
    editor: RoleEditor, controller: DocumentController
) -> None:
    signals = {path: Signals(table.list_model) for path, table in editor.tables.items()}
    for end in range(1, 8):
        controller.set_field("title", "Place director"[:end])
    controller.set_field("time.system_work.amount", 40)
    controller.undo_stack.undo()
    assert {path: s.take() for path, s in signals.items()} == {path: [] for path in signals}


def test_a_library_read_again_redraws_the_names_it_gives_and_nothing_else(
    editor: RoleEditor, controller: DocumentController
) -> None:
    signals = {path: Signals(table.list_model) for path, table in editor.tables.items()}
    controller.set_library(dataclasses.replace(controller.library))
    rows = editor.tables["capabilities"].list_model.rowCount()
    assert signals.pop("capabilities").take() == [("changed", 0, rows - 1, 0, 3)]
    # The criteria show no library names, but their "How assessed" is computed: it is redrawn too.
    criteria = editor.tables["criteria"].list_model.rowCount()
    assert signals.pop("criteria").take() == [("changed", 0, criteria - 1, 3, 3)]
    assert all(not s.take() for s in signals.values())


def test_a_refused_cell_changes_nothing_and_sends_nothing(editor: RoleEditor, controller: DocumentController) -> None:
    model = editor.tables["joint.partners"].list_model
    signals = Signals(model)
    before = controller.design
    assert not model.setData(model.index(1, 3), "150")
    assert controller.design is before
    assert model.problem == "Funding for Westtown Council must be between 0 and 100 per cent."
    assert signals.take() == []


# --- drops ------------------------------------------------------------------------------------------


def capability_drag(capability_id: str) -> QMimeData:
    data = QMimeData()
    data.setData(CAPABILITY_MIME, QByteArray(capability_id.encode("utf-8")))
    return data


def test_a_capability_dropped_from_the_library_is_added_there_and_assessed_as_composed(
    editor: RoleEditor, controller: DocumentController, library: Library
) -> None:
    """A senior role's essentials are assessed by a presentation too: the design, based on one, adds
    the capability as `new --from` that role adds it."""
    model = editor.tables["capabilities"].list_model
    in_design = {item.id for item in controller.design.capabilities}
    role, composed = next(
        (role, item)
        for role in library.roles.values()
        if role.senior
        for item in design_from_role(role).capabilities
        if item.requirement is Requirement.ESSENTIAL and item.id not in in_design
    )
    controller.replace(controller.design.model_copy(update={"based_on": role.id}))
    drag = capability_drag(composed.id)
    assert model.canDropMimeData(drag, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert model.dropMimeData(drag, Qt.DropAction.CopyAction, 1, 0, QModelIndex())
    assert controller.design.capabilities[1] == composed, f"assessed as new --from {role.id} assesses it"
    assert not model.dropMimeData(drag, Qt.DropAction.CopyAction, -1, -1, QModelIndex())
    assert model.problem == f"'{library.capabilities[composed.id].name}' is already in this role."
    another = next(c for c in library.capabilities if c not in in_design and c != composed.id)
    dropped_on = model.index(0, 0)  # dropped on a row, not between rows: it goes before it
    assert model.dropMimeData(capability_drag(another), Qt.DropAction.CopyAction, -1, -1, dropped_on)
    assert controller.design.capabilities[0].id == another
    assert model.problem == ""
    others = editor.tables["criteria"].list_model
    assert not others.canDropMimeData(
        capability_drag("tenacity_and_resilience"), Qt.DropAction.CopyAction, 0, 0, QModelIndex()
    )


def test_a_row_dragged_to_a_new_place_is_one_move_and_only_within_its_table(
    editor: RoleEditor, controller: DocumentController
) -> None:
    model = editor.tables["responsibilities"].list_model
    signals = Signals(model)
    texts = [r.text for r in controller.design.responsibilities]
    drag = model.mimeData([model.index(0, 0), model.index(0, 1)])
    assert drag.hasFormat(ROW_MIME)
    assert model.canDropMimeData(drag, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert model.dropMimeData(drag, Qt.DropAction.MoveAction, 3, 0, QModelIndex())  # between rows 2 and 3
    assert [r.text for r in controller.design.responsibilities] == [*texts[1:3], texts[0], *texts[3:]]
    assert controller.undo_stack.undoText() == "Move responsibility"
    assert signals.take() == [("moved", 0, 3)]
    assert not model.dropMimeData(model.mimeData([model.index(1, 0)]), Qt.DropAction.MoveAction, 2, 0, QModelIndex())
    assert signals.take() == [], "dropped where it was: nothing to do"
    other = editor.tables["criteria"].list_model
    assert not other.canDropMimeData(drag, Qt.DropAction.MoveAction, 0, 0, QModelIndex()), "another table's row"
    forged = QMimeData()
    for payload in (b"garbage", b"1 2 3", "\u00e9 99".encode()):
        forged.setData(ROW_MIME, QByteArray(payload))
        assert not model.canDropMimeData(forged, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.removeRows(0, 1), "a view never removes the row a drag came from"


# --- comparing lists ------------------------------------------------------------------------------


def replay(change: Change, old: list[int], new: list[int]) -> list[int]:
    """Apply `change` to `old` as a view would, taking changed and inserted rows from `new`."""
    rows = list(old)
    for row in change.changed:
        rows[row] = new[row]
    if change.moved is not None:
        source, before = change.moved
        item = rows.pop(source)
        rows.insert(before - 1 if before > source else before, item)
    if change.inserted is not None:
        first, last = change.inserted
        rows[first:first] = new[first : last + 1]
    if change.removed is not None:
        first, last = change.removed
        del rows[first : last + 1]
    return rows


@given(st.lists(st.integers(0, 5), max_size=8), st.lists(st.integers(0, 5), max_size=8))
def test_any_two_lists_compare_to_a_change_that_turns_one_into_the_other(old: list[int], new: list[int]) -> None:
    assert replay(compare(old, new), old, new) == new


@given(st.lists(st.integers(0, 1000), min_size=1, max_size=8, unique=True), st.data())
def test_each_single_edit_compares_as_itself(old: list[int], data: st.DataObject) -> None:
    index = data.draw(st.integers(0, len(old) - 1))
    edited = [*old[:index], -1, *old[index + 1 :]]
    assert compare(old, edited) == Change([index])
    assert compare(old, [*old[:index], -1, *old[index:]]) == Change([], inserted=(index, index))
    assert compare(old, old[:index] + old[index + 1 :]) == Change([], removed=(index, index))
    target = data.draw(st.integers(0, len(old) - 1))
    moved = list(old)
    moved.insert(target, moved.pop(index))
    if target != index:
        assert compare(old, moved).moved is not None and not compare(old, moved).changed
