"""The window's own shortcuts, through a one-line text field that would take them.

On Linux a line edit claims some Ctrl keys for its Emacs-style editing (Ctrl+E goes to the end
of the line, Ctrl+F forward a letter) by accepting Qt's ShortcutOverride event, so the window's
Export Word (Ctrl+E) or Find in library (Ctrl+F) did nothing while the user was typing in a field.
`install()` puts one application event filter in front of that: when the focus is in a text
field of a window it was installed for, and the keys are an enabled action's shortcut in that
window, the field is not asked and the action runs. The field keeps the keys it edits with
(undo, redo, cut, copy, paste, select all, deleting): those are never let through.

The same filter routes a file dragged anywhere on such a window to the window's drop handler
(`add_drops`) before the widget under the pointer sees it: a text field would otherwise take a
file manager's drag, which carries the path as text too, and type the path in.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

__all__ = ["EDITING_KEYS", "DropHandler", "WindowShortcuts", "install", "uninstall", "window_shortcut"]

#: Whether a drag event on a widget of the window was the handler's to take (True: taken).
DropHandler = Callable[[QWidget, QEvent], bool]
DROP_EVENTS = frozenset({QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop})

#: The keys a text field always keeps for its own editing, whatever the window's actions use.
EDITING_KEYS = (
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Paste,
    QKeySequence.StandardKey.SelectAll,
    QKeySequence.StandardKey.Delete,
    QKeySequence.StandardKey.Backspace,
    QKeySequence.StandardKey.DeleteStartOfWord,
    QKeySequence.StandardKey.DeleteEndOfWord,
)


def window_shortcut(widget: QWidget, pressed: QKeySequence) -> bool:
    """Whether `pressed` is the shortcut of an enabled action of the widget's window."""
    return any(
        action.isEnabled()
        and any(shortcut.matches(pressed) == QKeySequence.SequenceMatch.ExactMatch for shortcut in action.shortcuts())
        for action in widget.window().findChildren(QAction)
    )


def _field(watched: QObject) -> QWidget | None:
    """The text field the event is for: a line edit (alone, or inside a spin or combo box), or a
    text box, which takes the same Emacs-style keys."""
    if isinstance(watched, (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit)):
        return watched
    return None


def _commit_cell(field: QWidget) -> None:
    """A field that is a table cell's open editor writes what was typed first, so the shortcut
    (Save, Export) sees it."""
    parent = field.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractItemView):
        parent = parent.parentWidget()
    if parent is not None:
        parent.commitData(field)


class WindowShortcuts(QObject):
    """The application event filter: lets the windows' own shortcuts past their text fields, and
    a window's drop handler see a drag before any of its widgets does."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.windows: list[QWidget] = []
        self.drops: list[tuple[QWidget, DropHandler]] = []

    def add(self, window: QWidget) -> None:
        if window not in self.windows:
            self.windows.append(window)
            window.destroyed.connect(lambda *_: self._forget(window))

    def add_drops(self, window: QWidget, handler: DropHandler) -> None:
        """Give `handler` every drag over `window` and its widgets first."""
        self.add(window)
        self.drops.append((window, handler))

    def _forget(self, window: QWidget) -> None:
        if window in self.windows:
            self.windows.remove(window)
        self.drops = [(known, handler) for known, handler in self.drops if known is not window]

    def _drop(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QWidget):
            return False
        window = watched.window()
        handler = next((handler for known, handler in self.drops if known is window), None)
        return handler(watched, event) if handler is not None else False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in DROP_EVENTS:
            return self._drop(watched, event)
        if kind != QEvent.Type.ShortcutOverride or not isinstance(event, QKeyEvent):
            return False
        held = event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
        field = _field(watched) if held else None  # plain typing costs nothing
        if field is None:
            return False
        window = field.window()
        if not any(window is known for known in self.windows):
            return False
        if any(event.matches(key) for key in EDITING_KEYS):
            return False
        if window_shortcut(field, QKeySequence(event.keyCombination())):
            _commit_cell(field)
            return True  # not accepted by the field: the window's shortcut runs
        return False


def _filter(app: QApplication) -> WindowShortcuts | None:
    return app.findChild(WindowShortcuts)


def install(app_or_window: QApplication | QWidget) -> WindowShortcuts:
    """Let the shortcuts of `app_or_window` (a window; with the application, every top-level window
    that exists now) through its text fields. Installing again adds to the one filter."""
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication runs"
    found = _filter(app)
    if found is None:
        found = WindowShortcuts(app)
        app.installEventFilter(found)
    windows = app.topLevelWidgets() if isinstance(app_or_window, QApplication) else [app_or_window.window()]
    for window in windows:
        found.add(window)
    return found


def uninstall(installed: WindowShortcuts) -> None:
    """Remove the filter (tests)."""
    app = QApplication.instance()
    if app is not None:
        app.removeEventFilter(installed)
    installed.setParent(None)
    installed.deleteLater()
