# mypy: disable-error-code="no-untyped-call"
"""Typing into bound fields: a refused value is never half-kept, and the user is told."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

import pytest
from PySide6.QtWidgets import QCheckBox, QLineEdit

from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import JointArrangement
from roledesigner.domain.vocabulary import Weekday
from roledesigner.files.settings import Settings
from roledesigner.gui.controller import DocumentController
from roledesigner.gui.editor.binding import ERROR_STYLE, Binder
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.library.catalogue import Library
from tests.support.window import bound, preview_text

HOURS = "time.contracted_hours_per_week"


def type_into(edit: QLineEdit, text: str) -> None:
    """As a user types: one keystroke at a time, each one an edit."""
    edit.clear()
    for end in range(1, len(text) + 1):
        edit.setText(text[:end])
        edit.textEdited.emit(text[:end])


def message(win: MainWindow, path: str) -> str | None:
    binding = win.editor.binder.find(path)
    assert binding is not None
    return binding.message.text() if not binding.message.isHidden() else None


def test_a_refused_number_keeps_the_value_from_before_the_typing(window: MainWindow) -> None:
    edit = bound(window, HOURS)
    window.editor.focus_field(HOURS)
    type_into(edit, "200")  # "2" and "20" are accepted on the way

    assert window.controller.design.time.contracted_hours_per_week == Decimal("37.5"), "not 20"
    assert edit.text() == "200", "what was typed stays in view while it is explained"
    assert message(window, HOURS) == "Contracted hours a week must be more than 0 and at most 168 hours."
    assert "20 hours" not in preview_text(window)
    assert not window.controller.undo_stack.canUndo(), "typed and put back leaves nothing to undo"
    assert window.controller.undo_stack.isClean()

    window.editor.focus_field("title")  # the user moves on
    assert edit.text() == "37.5"
    assert message(window, HOURS) == (
        "Not saved: Contracted hours a week must be more than 0 and at most 168 hours. "
        "The field shows the value saved before."
    )


def test_an_accepted_number_after_a_refused_one_is_kept(window: MainWindow) -> None:
    edit = bound(window, HOURS)
    window.editor.focus_field(HOURS)
    type_into(edit, "200")
    edit.backspace()
    edit.textEdited.emit(edit.text())
    assert window.controller.design.time.contracted_hours_per_week == Decimal(20)
    assert message(window, HOURS) is None
    window.controller.undo_stack.undo()
    assert window.controller.design.time.contracted_hours_per_week == Decimal("37.5")


def test_text_in_a_number_field_is_refused_with_the_fields_name(window: MainWindow) -> None:
    edit = bound(window, HOURS)
    window.editor.focus_field(HOURS)
    type_into(edit, "abc")
    assert window.controller.design.time.contracted_hours_per_week == Decimal("37.5")
    assert message(window, HOURS) == "Contracted hours a week must be a number."


def test_an_emptied_number_field_is_not_read_as_nought(window: MainWindow) -> None:
    window.controller.set_field("time.contracted_programmed_activities", Decimal(10))
    edit = bound(window, "time.contracted_programmed_activities")
    window.editor.focus_field("time.contracted_programmed_activities")
    type_into(edit, "")
    edit.textEdited.emit("")
    assert window.controller.design.time.contracted_programmed_activities is None
    assert message(window, "time.contracted_programmed_activities") is None

    hours = bound(window, HOURS)
    window.editor.focus_field(HOURS)
    hours.clear()
    hours.textEdited.emit("")
    assert window.controller.design.time.contracted_hours_per_week == Decimal("37.5")
    assert message(window, HOURS) == "Contracted hours a week must be a number."


def test_field_messages_are_readable_in_any_palette(window: MainWindow) -> None:
    """The message's colours are its own, not the palette's, and meet 4.5:1 (WCAG AA) as drawn,
    in a light and in a dark palette."""
    from PySide6.QtGui import QColor, QPalette

    from roledesigner.gui.widgets.colours import MESSAGE_CONTRAST, contrast

    binding = window.editor.binder.find(HOURS)
    assert binding is not None and "palette(" not in ERROR_STYLE
    binding.show_problem("Contracted hours a week must be a number.")
    for window_colour, text_colour in (("#EFEFEF", "#000000"), ("#2D2D2D", "#000000"), ("#2D2D2D", "#FFFFFF")):
        palette = QPalette(window.palette())
        palette.setColor(QPalette.ColorRole.Window, QColor(window_colour))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(text_colour))
        palette.setColor(QPalette.ColorRole.HighlightedText, QColor(text_colour))
        window.setPalette(palette)
        label = binding.message
        label.ensurePolished()
        drawn = label.grab().toImage()
        background = drawn.pixelColor(1, 1)
        text = label.palette().color(QPalette.ColorRole.WindowText)
        assert contrast(text, background) >= MESSAGE_CONTRAST, window_colour


# --- the binding kinds the sub-editors are made of, with no window ----------------------------------


@pytest.fixture
def binder(library: Library) -> Iterator[Binder]:
    controller = DocumentController(library, Settings())
    controller.replace(sample_design(library))
    yield Binder(controller)
    controller.undo_stack.setClean()


def test_a_row_of_check_boxes_edits_a_list_in_its_own_order(binder: Binder) -> None:
    controller = binder.controller
    controller.set_field("time.protected_days", [Weekday.FRIDAY, Weekday.MONDAY], merge=False)
    days = binder.checks("time.protected_days", Weekday, text=str, name=lambda day: f"Protect {day}")
    assert [day for day, box in days.boxes.items() if box.isChecked()] == [Weekday.MONDAY, Weekday.FRIDAY]
    steps = controller.undo_stack.count()
    days.boxes[Weekday.WEDNESDAY].click()
    assert controller.design.time.protected_days == [Weekday.MONDAY, Weekday.WEDNESDAY, Weekday.FRIDAY]
    assert controller.undo_stack.count() == steps + 1
    controller.undo_stack.undo()
    assert not days.boxes[Weekday.WEDNESDAY].isChecked(), "undo shows in the boxes"
    assert controller.undo_stack.count() == steps + 1 and controller.undo_stack.canRedo(), "showing wrote nothing"
    assert days.widget.focusProxy() is days.boxes[Weekday.MONDAY]


def test_a_box_can_stand_for_a_value_that_is_there_or_not(binder: Binder) -> None:
    controller = binder.controller
    joint = controller.design.joint
    assert joint is not None
    box = binder.check(
        "joint",
        "Joint post",
        to_design=lambda checked: (controller.design.joint or JointArrangement()) if checked else None,
        from_design=lambda arrangement: arrangement is not None,
    )
    assert isinstance(box.widget, QCheckBox) and box.widget.isChecked()
    box.widget.click()
    assert controller.design.joint is None
    assert controller.undo_stack.undoText() == "Edit joint post"
    box.widget.click()
    assert controller.design.joint == JointArrangement(), "a new, empty arrangement"
    controller.undo_stack.undo()
    controller.undo_stack.undo()
    assert controller.design.joint == joint and box.widget.isChecked()


def test_a_field_of_the_selected_row_follows_the_selection_and_says_refusals_elsewhere(binder: Binder) -> None:
    controller = binder.controller
    row = [0]
    said: list[str] = []
    manager = binder.line(lambda: f"joint.partners[{row[0]}].line_manager" if row[0] >= 0 else "", say=said.append)
    edit = manager.widget
    assert isinstance(edit, QLineEdit)
    assert not manager.fixed and binder.find(manager.path) is None, "found through its table, not by path"
    assert edit.text() == "Place director"
    row[0] = 1
    manager.refresh()
    assert edit.text() == "Director of adult social services"
    type_into(edit, "Director of public health")
    partners = controller.design.joint.partners  # type: ignore[union-attr]
    assert partners[1].line_manager == "Director of public health"
    assert partners[0].line_manager == "Place director", "the other row is untouched"
    row[0] = -1
    manager.refresh()
    assert edit.text() == ""
    steps = controller.undo_stack.count()
    edit.textEdited.emit("typed with no row chosen")
    assert controller.undo_stack.count() == steps, "no row: nothing to write to"
    refused = binder.line(lambda: "time.contracted_hours_per_week", say=said.append)
    assert isinstance(refused.widget, QLineEdit)
    type_into(refused.widget, "abc")
    assert said[-1] == "must be a number" and refused.message.isHidden()
