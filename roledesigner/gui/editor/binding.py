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

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from roledesigner.domain.edits import get_value
from roledesigner.domain.vocabulary import label
from roledesigner.gui.controller import DocumentController

_UNSET = object()

ERROR_STYLE = "color: #FFFFFF; background: #B3261E; padding: 2px 6px; border-radius: 3px;"


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
    """One widget and the field it edits.

    A typed value the design refuses is never half-kept: the field goes back to the value it had
    before the typing began (not to the last keystroke's, "20" on the way to "200"), while the
    widget keeps showing what was typed, with the reason. When the user leaves the field, it
    shows the saved value again and says the typed one was not saved.
    """

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
        *,
        typed: bool = False,
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
        self._typed = typed
        self._before: Any = _UNSET  # the design's value when the current typing began
        self._refused: str | None = None  # why the text now in the widget is not in the design
        widget.setProperty("fieldPath", path)
        if typed:
            self._watcher = OnFocusOut(widget, self.left)

    def _design_value(self) -> Any:
        try:
            return get_value(self.controller.design, self.path)
        except (AttributeError, IndexError, TypeError):
            return None  # the field's parent (a joint arrangement, say) is not there

    def changed(self, *_args: object) -> None:
        if self._updating:
            return
        if self._typed and self._before is _UNSET:
            self._before = self._design_value()
        problem = self._set(self._to_design(self._read()))
        if problem is None:
            self._refused = None
            self.show_problem(None)
            return
        sentence = self.sentence(problem)
        self._refused = sentence  # set first: the refresh that restoring causes keeps the text
        self.show_problem(sentence)
        if self._typed and self._before is not _UNSET:
            self.controller.set_field(self.path, self._before)

    def sentence(self, problem: str) -> str:
        """ "must be a number" becomes "Contracted hours a week must be a number."."""
        name = self.widget.accessibleName()
        if not problem[:1].islower() or not name:
            return problem
        return f"{name} {problem.rstrip('.')}."

    def left(self) -> None:
        """The user moved on: a refused text gives way to the saved value, saying so."""
        self._before = _UNSET
        refused, self._refused = self._refused, None
        if refused is None:
            return
        self.refresh()
        self.show_problem(f"Not saved: {refused} The field shows the value saved before.")

    def show_problem(self, problem: str | None) -> None:
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.widget.setAccessibleDescription(problem or "")

    def refresh(self) -> None:
        if self._refused is not None:
            return  # keep what the user is typing while it is refused
        value = self._from_design(self._design_value())
        if self._read() != value:
            self._updating = True
            try:
                self._write(value)
            finally:
                self._updating = False
            if not self.widget.hasFocus():
                self._before = _UNSET  # changed from elsewhere (undo, open): a new typing begins
        if not self.widget.hasFocus():
            self.show_problem(None)


class OnFocusOut(QObject):
    """Calls back when `widget` loses the keyboard focus (a child of it, so it lives as long)."""

    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self.callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.callback()
        return False


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
            (lambda text: text.strip() or None) if number else (lambda text: text),
            _number_text if number else (lambda value: "" if value is None else str(value)),
            typed=True,
        )
        edit.textEdited.connect(binding.changed)
        return self._add(binding)

    def text(self, path: str) -> Binding:
        edit = QPlainTextEdit()
        edit.setTabChangesFocus(True)
        binding = Binding(
            self.controller, path, edit, edit.toPlainText, lambda value: edit.setPlainText(value or ""), typed=True
        )
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
            typed=True,
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
