"""The first-run page: on a first start with no recent files, three ways in instead of an empty editor.

New from an emerging role, Import a job description and Open run the window's own actions (the
same as File, New, Import and Open, with their shortcuts). The page stands in the editor's place
until a design is shown (`DocumentController.designReplaced`: a new, imported, opened or recovered
design), then gives the place back; a cancelled dialog leaves it where it is. The library, the
preview and the review's count are hidden meanwhile (an empty design's review would greet a new
user with an error and a dozen warnings) and come back with the editor, or when the window closes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from roledesigner.gui.mainwindow import MainWindow

#: The page's ways in: (button, what it does, the window's action it runs).
CHOICES = (
    (
        "&New from an emerging role…",
        "Start from one of the library's roles, with its responsibilities, capabilities and suggested "
        "time filled in, or from a blank design.",
        "new_action",
    ),
    (
        "&Import a job description…",
        "Read an existing Word or PDF job description into a new design, and check where each part went.",
        "import_action",
    ),
    ("&Open a role design…", "Carry on with a role design (.roledesign file) saved before.", "open_action"),
)
#: The column the page's text and buttons keep to, centred in the editor's place.
COLUMN_WIDTH = 520


class StartPage(QWidget):
    """What a first start shows in the editor's place; `buttons` are the ways in, in order."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.main_window = window
        self.setObjectName("StartPage")
        self.setAccessibleName("Start")
        self.buttons: list[QPushButton] = []
        column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        column.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(column)
        layout.setSpacing(6)
        heading = QLabel("Start a role design")
        font = QFont(heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        heading.setAccessibleName("Start a role design")
        intro = QLabel(
            "Role Designer writes job descriptions for posts that work across a health and care system. "
            "Choose how to begin; everything here is also in the File menu."
        )
        intro.setWordWrap(True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(12)
        for text, help_text, action_name in CHOICES:
            action = self._action(action_name)
            button = QPushButton(text)
            button.setAccessibleName(text.replace("&", "").rstrip("…"))
            shortcut = action.shortcut().toString(action.shortcut().SequenceFormat.NativeText)
            button.setToolTip(help_text + (f" ({shortcut})" if shortcut else ""))
            button.setAccessibleDescription(help_text)
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setMinimumHeight(button.sizeHint().height() + 12)
            button.clicked.connect(action.trigger)
            note = QLabel(help_text)
            note.setWordWrap(True)
            note.setContentsMargins(4, 0, 0, 10)
            layout.addWidget(button)
            layout.addWidget(note)
            self.buttons.append(button)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column, 10)  # as wide as COLUMN_WIDTH where there is room, its text wrapped to it
        row.addStretch(1)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        for first, second in zip(self.buttons, self.buttons[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _action(self, name: str) -> QAction:
        if name == "import_action":
            imported: QAction = self.main_window.document_menus.import_action
            return imported
        action: QAction = getattr(self.main_window, name)
        return action


class _Closing(QObject):
    """Puts the window's panes back when the window closes from the start page, so the layout it
    saves is the one the editor will have."""

    def __init__(self, window: MainWindow, restore: Callable[[], None]) -> None:
        super().__init__(window)
        self._restore = restore
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._restore()
        return False


def show_start_page(window: MainWindow) -> StartPage:
    """Put the start page in the editor's place until a design is shown; the editor is kept. The
    library, the preview and the review count wait with it: there is no design to show yet."""
    editor = window.takeCentralWidget()
    page = StartPage(window)
    if editor is not None:
        page.setMinimumSize(editor.minimumSizeHint())  # the layout stays as it will be with the editor
    window.setCentralWidget(page)
    waiting = [window.library_dock, window.preview_dock, window.findings_label]
    for widget in waiting:
        widget.hide()

    def panes_back() -> None:
        for widget in waiting:
            widget.show()
        window.preview_dock.raise_()  # in front, where the library shares its side (a small screen)

    closing = _Closing(window, panes_back)

    def leave() -> None:
        window.controller.designReplaced.disconnect(leave)
        window.removeEventFilter(closing)
        closing.deleteLater()
        if window.centralWidget() is page:
            window.takeCentralWidget()
            if editor is not None:
                window.setCentralWidget(editor)
                editor.show()  # a widget taken out of a window stays hidden when put back
            page.deleteLater()
        panes_back()

    window.controller.designReplaced.connect(leave)
    page.buttons[0].setFocus()
    return page


def first_start(window: MainWindow) -> bool:
    """Whether this start shows the start page: nothing was ever opened (no recent files)."""
    return not window.recent_files()
