# mypy: disable-error-code="no-untyped-call"
"""The Sign-off tab, driven as a user drives it: the partners suggested, cells typed, a decision
chosen from its list, the selected row's details, each edit one undoable step."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QLineEdit
from pytestqt.qtbot import QtBot

from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import SignOff
from roledesigner.domain.vocabulary import Decision
from roledesigner.files.settings import Settings
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.editor import TABS, RoleEditor
from roledesigner.gui.editor.signoffs import SignOffTab
from roledesigner.gui.editor.tableviews import ListTable
from roledesigner.library.catalogue import Library

TODAY = dt.date(2026, 5, 3)


@pytest.fixture
def controller(library: Library) -> DocumentController:
    controller = DocumentController(library, Settings())
    controller.replace(sample_design(library).model_copy(update={"version": "3"}))
    return controller


@pytest.fixture
def editor(controller: DocumentController, qtbot: QtBot) -> Iterator[RoleEditor]:
    editor = RoleEditor(controller)
    qtbot.addWidget(editor)
    editor.resize(900, 700)
    editor.setCurrentIndex(TABS.index("Sign-off"))
    editor.show()
    editor.signoff_tab.model.today = lambda: TODAY
    yield editor
    controller.undo_stack.setClean()


def tab(editor: RoleEditor) -> SignOffTab:
    return editor.signoff_tab


def column(table: ListTable, attr: str) -> int:
    return next(i for i, c in enumerate(table.list_model.columns) if c.attr == attr)


def open_cell(table: ListTable, row: int, attr: str, qtbot: QtBot) -> Any:
    """Select a cell and press F2, as a user opens it for editing; the cell's editor."""
    index = table.list_model.index(row, column(table, attr))
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    widget = table.indexWidget(index)
    assert widget is not None, "the cell opened an editor"
    return widget


def type_into_cell(qtbot: QtBot, table: ListTable, row: int, attr: str, text: str) -> None:
    field = open_cell(table, row, attr, qtbot)
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)


def with_partners(editor: RoleEditor, qtbot: QtBot) -> None:
    qtbot.mouseClick(tab(editor).suggest, Qt.MouseButton.LeftButton)


def test_a_joint_posts_partners_are_suggested_and_added_in_one_step(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    partners = [p.organisation for p in controller.design.joint.partners]  # type: ignore[union-attr]
    assert tab(editor).suggest.isEnabled() and tab(editor).suggest.text().replace("&", "") == "Add the partners (2)"
    assert tab(editor).hint.text() == f"Not yet listed: {', '.join(partners)}."
    steps = controller.undo_stack.count()
    with_partners(editor, qtbot)
    assert [s.organisation for s in controller.design.signoffs] == partners
    assert {s.decision for s in controller.design.signoffs} == {Decision.PENDING}
    assert (
        controller.undo_stack.count() == steps + 1 and controller.undo_stack.undoText() == "Add the partners' sign-offs"
    )
    assert not tab(editor).suggest.isEnabled() and tab(editor).hint.isHidden()
    controller.undo_stack.undo()
    assert controller.design.signoffs == [] and tab(editor).suggest.isEnabled()


def test_a_partner_already_listed_is_not_suggested_again(editor: RoleEditor, controller: DocumentController) -> None:
    first = controller.design.joint.partners[0].organisation  # type: ignore[union-attr]
    controller.apply(
        "x", controller.design.model_copy(update={"signoffs": [SignOff(organisation=f" {first.upper()} ")]})
    )
    assert tab(editor).suggest.text().replace("&", "") == "Add the partners (1)"


def test_a_post_that_is_not_joint_suggests_no_one(editor: RoleEditor, controller: DocumentController) -> None:
    controller.replace(controller.design.model_copy(update={"joint": None}))
    assert not tab(editor).suggest.isEnabled() and tab(editor).hint.isHidden()


def test_typing_a_name_and_a_date_into_the_table(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    with_partners(editor, qtbot)
    table = tab(editor).table
    type_into_cell(qtbot, table, 0, "name", "Dr Amina Khan")
    type_into_cell(qtbot, table, 0, "date", "2026-04-30")
    signoff = controller.design.signoffs[0]
    assert (signoff.name, signoff.date) == ("Dr Amina Khan", dt.date(2026, 4, 30))
    assert table.list_model.index(0, column(table, "date")).data() == "30 April 2026"
    type_into_cell(qtbot, table, 0, "date", "")
    assert controller.design.signoffs[0].date is None, "a blank date clears it"


def test_a_date_that_is_not_a_date_is_refused_and_said(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    with_partners(editor, qtbot)
    table = tab(editor).table
    before = controller.design
    type_into_cell(qtbot, table, 1, "date", "last Tuesday")
    assert controller.design == before
    organisation = before.signoffs[1].organisation
    assert table.message.text() == f"The date for {organisation} must be a date written as YYYY-MM-DD."
    assert table.message.isVisible()


def test_choosing_approved_records_the_date_and_the_version_in_one_step(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    with_partners(editor, qtbot)
    table = tab(editor).table
    steps = controller.undo_stack.count()
    combo = open_cell(table, 1, "decision", qtbot)
    assert isinstance(combo, QComboBox)
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Pending, then Approved
    assert combo.currentText() == "Approved"
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    signoff = controller.design.signoffs[1]
    assert (signoff.decision, signoff.date, signoff.version) == (Decision.APPROVED, TODAY, "3")
    assert controller.undo_stack.count() == steps + 1 and controller.undo_stack.undoText() == "Record a decision"
    controller.undo_stack.undo()
    assert controller.design.signoffs[1] == SignOff(organisation=signoff.organisation)


def test_a_decision_keeps_a_date_and_version_already_given(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    given = SignOff(organisation="Westtown Council", date=dt.date(2026, 1, 2), version="2")
    controller.apply("x", controller.design.model_copy(update={"signoffs": [given]}))
    model = tab(editor).model
    assert model.setData(model.index(0, column(tab(editor).table, "decision")), "returned")
    assert controller.design.signoffs[0] == given.model_copy(update={"decision": Decision.RETURNED})


def test_the_selected_sign_offs_comment_role_and_version(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    with_partners(editor, qtbot)
    table = tab(editor).table
    table.setCurrentIndex(table.list_model.index(1, 0))
    comment = tab(editor).fields["comment"]
    role = tab(editor).fields["role"]
    assert comment.isEnabled()
    qtbot.mouseClick(comment, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(comment, "Approved by the health and wellbeing board")
    qtbot.mouseClick(role, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(role, "Chair")
    signoff = controller.design.signoffs[1]
    assert (signoff.comment, signoff.role) == ("Approved by the health and wellbeing board", "Chair")
    table.setCurrentIndex(table.list_model.index(0, 0))
    assert isinstance(comment, QLineEdit) and comment.text() == "", "the box follows the selection"


def test_adding_a_sign_off_by_hand_starts_editing_its_organisation(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    add = next(
        b for b in tab(editor).findChildren(type(tab(editor).suggest)) if b.text().replace("&", "") == "Add sign-off"
    )
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    assert [s.organisation for s in controller.design.signoffs] == ["New organisation"]
    table = tab(editor).table
    assert table.state() == QAbstractItemView.State.EditingState
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "Westtown Voluntary Action")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: controller.design.signoffs[0].organisation == "Westtown Voluntary Action")


def test_a_finding_on_a_sign_off_goes_to_its_row_and_field(
    editor: RoleEditor, controller: DocumentController, qtbot: QtBot
) -> None:
    with_partners(editor, qtbot)
    editor.setCurrentIndex(0)
    assert editor.focus_field("signoffs[1].version")
    assert editor.currentWidget() is tab(editor) and tab(editor).table.current_row() == 1
    assert QApplication.focusWidget() is tab(editor).fields["version"]
    assert editor.focus_field("signoffs")


def out_of_date(window: Any) -> list[str]:
    window.preview.refresh_now()
    return [f.message for f in window.preview.findings.findings if f.code == "signoff.out_of_date"]


def test_an_approval_goes_out_of_date_when_the_purpose_is_edited_and_back_when_undone(
    window: Any, library: Library, qtbot: QtBot
) -> None:
    """The gap: approving stamps the version being worked on, which is not recorded, and such an
    approval was never checked; it now keeps a digest of the content it was given on."""
    window.controller.replace(sample_design(library).model_copy(update={"version": "3"}))
    editor = window.editor
    editor.setCurrentIndex(TABS.index("Sign-off"))
    tab(editor).model.today = lambda: TODAY
    with_partners(editor, qtbot)
    table = tab(editor).table
    combo = open_cell(table, 0, "decision", qtbot)
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.state() != QAbstractItemView.State.EditingState)
    organisation = window.controller.design.signoffs[0].organisation
    assert window.controller.design.signoffs[0].decision is Decision.APPROVED
    assert out_of_date(window) == []

    assert editor.focus_field("purpose")
    purpose = QApplication.focusWidget()
    qtbot.keyClick(purpose, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(purpose, " It also chairs the place board.")
    qtbot.waitUntil(lambda: window.controller.design.purpose.endswith("chairs the place board."))
    assert out_of_date(window) == [
        f"{organisation} approved version 3 on 3 May 2026, but the content has changed since: the approval "
        f"belongs to version 3, not to this content. Ask {organisation} to approve the changes, or undo them."
    ]

    for _step in range(len(" It also chairs the place board.")):  # Edit, Undo back to before the typing
        if "chairs" not in window.controller.design.purpose:
            break
        window.undo_action.trigger()
    assert window.controller.design.signoffs[0].decision is Decision.APPROVED
    assert out_of_date(window) == []
