"""Bind widgets to field paths of the design, through the controller.

A bound widget writes every change through `DocumentController.set_field`, shows the plain
message beside it when the value is refused, and refreshes from the design after any change
(undo, open, another widget) unless it is the one being typed in.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.vocabulary import label
from roledesigner.edits import get_value
from roledesigner.gui.controller import DocumentController

ERROR_STYLE = "color: palette(highlighted-text); background: #B3261E; padding: 2px 6px; border-radius: 3px;"


def error_label() -> QLabel:
    message = QLabel()
    message.setWordWrap(True)
    message.setStyleSheet(ERROR_STYLE)
    message.setVisible(False)
    return message


def _choice_value(value: Any) -> str | None:
    if value is None:
        return None
    return str(value.value) if isinstance(value, StrEnum) else str(value)


def _number_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


class Binding:
    """One widget and the field it edits."""

    def __init__(
        self,
        controller: DocumentController,
        path: str,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        to_design: Callable[[Any], Any] = lambda value: value,
        from_design: Callable[[Any], Any] = lambda value: value,
        setter: Callable[[Any], str | None] | None = None,
    ) -> None:
        self.controller = controller
        self.path = path
        self.widget = widget
        self._read = read
        self._write = write
        self._to_design = to_design
        self._from_design = from_design
        self._set = setter or (lambda value: controller.set_field(path, value))
        self.message = error_label()
        self._updating = False
        widget.setProperty("fieldPath", path)

    def changed(self, *_args: object) -> None:
        if self._updating:
            return
        self.show_problem(self._set(self._to_design(self._read())))

    def show_problem(self, problem: str | None) -> None:
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.widget.setAccessibleDescription(problem or "")

    def refresh(self) -> None:
        try:
            value = self._from_design(get_value(self.controller.design, self.path))
        except (AttributeError, IndexError, TypeError):
            value = None  # the field's parent (a joint arrangement, say) is not there
        if self.widget.hasFocus() and self.message.isVisible():
            return  # keep what the user is typing while it is refused
        if self._read() != value:
            self._updating = True
            try:
                self._write(value)
            finally:
                self._updating = False
        if not self.widget.hasFocus():
            self.show_problem(None)


class Binder:
    """Creates bindings and refreshes them all when the design changes."""

    def __init__(self, controller: DocumentController) -> None:
        self.controller = controller
        self.bindings: list[Binding] = []
        controller.designChanged.connect(self.refresh)

    def refresh(self) -> None:
        for binding in self.bindings:
            binding.refresh()

    def find(self, path: str) -> Binding | None:
        return next((b for b in self.bindings if b.path == path), None)

    def _add(self, binding: Binding) -> Binding:
        self.bindings.append(binding)
        binding.refresh()
        return binding

    def line(self, path: str, widget: QLineEdit | None = None, number: bool = False) -> Binding:
        edit = widget or QLineEdit()
        binding = Binding(
            self.controller,
            path,
            edit,
            edit.text,
            lambda value: edit.setText("" if value is None else str(value)),
            (lambda text: text.strip() or "0") if number else (lambda text: text),
            _number_text if number else (lambda value: "" if value is None else str(value)),
        )
        edit.textEdited.connect(binding.changed)
        return self._add(binding)

    def text(self, path: str) -> Binding:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        binding = Binding(self.controller, path, edit, edit.toPlainText, lambda value: edit.setPlainText(value or ""))
        edit.textChanged.connect(binding.changed)
        return self._add(binding)

    def lines(self, path: str) -> Binding:
        """A list of text, one item a line (several line managers, programmes)."""
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        edit.setMaximumHeight(70)
        binding = Binding(
            self.controller,
            path,
            edit,
            edit.toPlainText,
            lambda value: edit.setPlainText(value or ""),
            lambda text: [line.strip() for line in text.splitlines() if line.strip()],
            lambda items: "\n".join(items or []),
        )
        edit.textChanged.connect(binding.changed)
        return self._add(binding)

    def choice(
        self,
        path: str,
        choices: type[StrEnum],
        none_label: str | None = None,
        setter: Callable[[Any], str | None] | None = None,
    ) -> Binding:
        combo = QComboBox()
        if none_label is not None:
            combo.addItem(none_label, None)
        for member in choices:
            combo.addItem(label(member), member.value)
        binding = Binding(
            self.controller,
            path,
            combo,
            combo.currentData,
            lambda value: combo.setCurrentIndex(max(0, combo.findData(value))),
            from_design=_choice_value,
            setter=setter,
        )
        combo.currentIndexChanged.connect(binding.changed)
        return self._add(binding)

    def check(self, path: str, text: str) -> Binding:
        box = QCheckBox(text)
        binding = Binding(
            self.controller,
            path,
            box,
            box.isChecked,
            lambda value: box.setChecked(bool(value)),
            from_design=bool,
        )
        box.toggled.connect(binding.changed)
        return self._add(binding)


def with_message(binding: Binding) -> QWidget:
    """The widget with its message label beneath it, for a form row."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(binding.widget)
    layout.addWidget(binding.message)
    holder.setFocusProxy(binding.widget)
    return holder
