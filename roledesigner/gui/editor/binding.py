"""Bind widgets to field paths of the design, through the controller.

A bound widget writes every change through `DocumentController.set_field`, shows the plain
message beside it when the value is refused, and refreshes from the design after any change
(undo, open, another widget) unless it is the one being typed in. Every editor widget that
writes is a binding: text and number fields, choices, check boxes (a box may stand for a value,
as the joint post box stands for a joint arrangement), groups of boxes for a list (protected
weekdays, assessment methods), and fields of the row selected in a table (a partner's line
manager), whose path follows the selection. A binding writes nothing while it shows the
design's value, so no widget's signals need blocking.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
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

Member = TypeVar("Member", bound=StrEnum)

#: A field path, or how to find it now (a field of the row selected in a table; "" for none).
Path = str | Callable[[], str]

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

    `say`, when given, says a refusal somewhere else than the binding's own message (the
    table's message, for a field of its selected row), from the core's phrase.
    """

    def __init__(
        self,
        controller: DocumentController,
        path: Path,
        widget: QWidget,
        read: Callable[[], Any],
        write: Callable[[Any], None],
        to_design: Callable[[Any], Any] = lambda value: value,
        from_design: Callable[[Any], Any] = lambda value: value,
        setter: Callable[[Any], str | None] | None = None,
        *,
        typed: bool = False,
        say: Callable[[str], None] | None = None,
    ) -> None:
        self.controller = controller
        #: A fixed path: the binding is the field `Binder.find` answers for it.
        self.fixed = isinstance(path, str)
        self._path: Callable[[], str] = (lambda: path) if isinstance(path, str) else path
        self.widget = widget
        self._read = read
        self._write = write
        self._to_design = to_design
        self._from_design = from_design
        self._set = setter or (lambda value: controller.set_field(self.path, value))
        self._say = say
        self.message = error_label()
        self._updating = False
        self._typed = typed
        self._before: Any = _UNSET  # the design's value when the current typing began
        self._refused: str | None = None  # why the text now in the widget is not in the design
        self._problem = ""  # the message shown now
        self._shown_path = self.path  # the field the widget shows (a table's selection moves it)
        if isinstance(path, str):
            widget.setProperty("fieldPath", path)
        if typed:
            self._watcher = OnFocusOut(widget, self.left)

    @property
    def path(self) -> str:
        """The field the widget edits now; "" when there is none (no row selected)."""
        return self._path()

    def _design_value(self) -> Any:
        path = self.path
        if not path:
            return None
        try:
            return get_value(self.controller.design, path)
        except (AttributeError, IndexError, TypeError):
            return None  # the field's parent (a joint arrangement, say) is not there

    def changed(self, *_args: object) -> None:
        if self._updating or not self.path:
            return
        if self._typed and self._before is _UNSET:
            self._before = self._design_value()
        problem = self._set(self._to_design(self._read()))
        if problem is None:
            self._refused = None
            self.show_problem(None)
            return
        if self._say is not None:
            self._say(problem)
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
        if self._say is not None:
            return  # said by `say`; whoever says it clears it (a table, at its next accepted edit)
        if (problem or "") == self._problem:
            return  # shown already (a refresh after every edit must cost nothing)
        self._problem = problem or ""
        self.message.setText(problem or "")
        self.message.setVisible(bool(problem))
        self.widget.setAccessibleDescription(problem or "")

    def refresh(self) -> None:
        path = self.path
        if path != self._shown_path:  # another row chosen: what was typed in the last one is gone
            self._shown_path = path
            self._before = _UNSET
            self._refused = None
            self.show_problem(None)
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


class Checks(Binding):
    """A list field shown as one check box for each value it may hold (protected weekdays, the
    ways a capability is assessed); `boxes` are the boxes by value, in the list's order."""

    boxes: dict[StrEnum, QCheckBox]


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
        """The field that shows `path`: the first binding made for it (a field of a table's
        selected row is found through its table, not here)."""
        return next((b for b in self.bindings if b.fixed and b.path == path), None)

    def fields(self) -> list[Binding]:
        """Every field `find` answers for, one for each path."""
        return [b for b in self.bindings if b.fixed and self.find(b.path) is b]

    def _add(self, binding: Binding) -> Binding:
        self.bindings.append(binding)
        binding.refresh()
        return binding

    def line(
        self,
        path: Path,
        widget: QLineEdit | None = None,
        number: bool = False,
        say: Callable[[str], None] | None = None,
    ) -> Binding:
        edit = widget or QLineEdit()
        binding = Binding(
            self.controller,
            path,
            edit,
            edit.text,
            lambda value: edit.setText("" if value is None else str(value)),
            (lambda text: text.strip() or None) if number else (lambda text: text),
            _number_text if number else (lambda value: "" if value is None else str(value)),
            typed=say is None,
            say=say,
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
        path: Path,
        choices: type[StrEnum],
        none_label: str | None = None,
        setter: Callable[[Any], str | None] | None = None,
        say: Callable[[str], None] | None = None,
        from_design: Callable[[Any], str | None] = _choice_value,
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
            from_design=from_design,
            setter=setter,
            say=say,
        )
        combo.currentIndexChanged.connect(binding.changed)
        return self._add(binding)

    def check(
        self,
        path: Path,
        text: str,
        to_design: Callable[[bool], Any] = lambda checked: checked,
        from_design: Callable[[Any], bool] = bool,
        setter: Callable[[Any], str | None] | None = None,
        say: Callable[[str], None] | None = None,
    ) -> Binding:
        """A check box; `to_design` and `from_design` let it stand for a value that is there or
        not (ticked: a joint arrangement; unticked: none)."""
        box = QCheckBox(text)
        binding = Binding(
            self.controller,
            path,
            box,
            box.isChecked,
            lambda value: box.setChecked(bool(value)),
            to_design,
            from_design,
            setter,
            say=say,
        )
        box.toggled.connect(binding.changed)
        return self._add(binding)

    def checks(
        self,
        path: Path,
        members: Iterable[Member],
        text: Callable[[Member], str],
        name: Callable[[Member], str],
        tip: Callable[[Member], str] | None = None,
        say: Callable[[str], None] | None = None,
    ) -> Checks:
        """One check box for each of `members`, in a row; the list holds the ticked ones, in the
        members' order. The row's focus goes to its first box."""
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        boxes: dict[StrEnum, QCheckBox] = {}
        for member in members:
            box = QCheckBox(text(member))
            box.setAccessibleName(name(member))
            if tip is not None:
                box.setToolTip(tip(member))
            boxes[member] = box
            layout.addWidget(box)
        layout.addStretch(1)
        row.setFocusProxy(next(iter(boxes.values())))

        def write(values: list[str]) -> None:
            for member, box in boxes.items():
                box.setChecked(member.value in values)

        binding = Checks(
            self.controller,
            path,
            row,
            lambda: [member.value for member, box in boxes.items() if box.isChecked()],
            write,
            from_design=lambda chosen: [m.value for m in boxes if m in set(chosen or [])],
            say=say,
        )
        binding.boxes = boxes
        for box in boxes.values():
            box.toggled.connect(binding.changed)
        self._add(binding)
        return binding


def with_message(binding: Binding, note: QLabel | None = None) -> QWidget:
    """The widget with its message label beneath it (and a plain note between them), for a form row."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(binding.widget)
    if note is not None:
        layout.addWidget(note)
    layout.addWidget(binding.message)
    holder.setFocusProxy(binding.widget)
    return holder
