"""Plain form fields and their values as text: the entry form's inputs, made and read one way."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget


def line_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setClearButtonEnabled(True)
    return edit


def text_box(lines: int) -> QPlainTextEdit:
    """A box `lines` lines high, where Tab moves on (a form's text never holds a tab)."""
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def combo_box(items: list[tuple[str, str | None]]) -> QComboBox:
    combo = QComboBox()
    for text, value in items:
        combo.addItem(text, value)
    return combo


def set_text(widget: QWidget, value: Any) -> None:
    """A line or a text box shows `value` (nothing for None)."""
    text = "" if value is None else str(value)
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(text)
    else:
        raise TypeError(f"{type(widget).__name__} holds no text")


def text_of(widget: QWidget) -> str:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    raise TypeError(f"{type(widget).__name__} holds no text")


def choose(combo: QWidget, value: Any, unknown: str = "not in the library") -> None:
    """Choose the item whose data is `value` (the first item for None); a value the list does not
    hold is added, marked, so the form can say what is wrong with it instead of dropping it."""
    assert isinstance(combo, QComboBox)
    if value is None:
        combo.setCurrentIndex(0)
        return
    found = combo.findData(str(value))
    if found < 0:
        combo.addItem(f"{value} ({unknown})", str(value))
        found = combo.count() - 1
    combo.setCurrentIndex(found)


def chosen(combo: QWidget) -> str | None:
    assert isinstance(combo, QComboBox)
    value = combo.currentData()
    return None if value is None else str(value)
