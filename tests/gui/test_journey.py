"""The recorded journey of issue 18, "Speed of use": a new HR adviser's whole task driven through
real widgets (clicks and key presses, never a call into the controller), its actions counted.

Each click, double-click, key chord or typed string is one action. The operating system's file
dialogs cannot be driven offscreen: each stands in as the user accepting the name it suggests
(one action: Enter), and the path is kept in the test's folder. The box that says an export is
done is closed uncounted: the file is written when it shows.

- The joint post: a joint mental health lead from File, New; two days a week of system work on
  Tuesday and Thursday; a 60 / 40 ICB and council split (funding and time); the review's errors
  fixed; saved; exported to Word. At most JOINT_CEILING actions, with the mouse and with the
  keyboard alone.
- A post with one employer: an emerging role to an exported Word file in at most SINGLE_CEILING.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from roledesigner.domain.findings import Severity
from roledesigner.domain.vocabulary import AllocationUnit, Sector, Weekday
from roledesigner.gui.dialogs.newdesign import NewDesignDialog
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.review import review
from tests.support.window import bound

JOINT_CEILING = 30
#: With the keyboard alone (every field a mnemonic, ticking a day a Tab to it and a Space) the
#: same ceiling holds.
KEYBOARD_CEILING = 30
SINGLE_CEILING = 8
JOINT_ROLE = "Joint NHS and council mental health lead"
SINGLE_ROLE = "System finance lead"
#: How long a button shows itself pressed when its Alt letter clicks it (QAbstractButton.animateClick).
ANIMATED_CLICK_MS = 150
Key = Qt.Key
Mod = Qt.KeyboardModifier


class Journey:
    """Drives the window as a person would and counts what they do (`log` says each step)."""

    def __init__(self, qtbot: QtBot, window: MainWindow) -> None:
        self.qtbot = qtbot
        self.window = window
        self.log: list[str] = []
        #: False for a keyboard-only journey: a click is then a failure.
        self.mouse_allowed = True
        self.failures: list[BaseException] = []

    @property
    def count(self) -> int:
        return len(self.log)

    def _note(self, what: str) -> None:
        self.log.append(what)

    def click(self, widget: QWidget, what: str, pos: QPoint | None = None) -> None:
        assert self.mouse_allowed, f"a click on {what} in a keyboard-only journey"
        self._note(f"click {what}")
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())  # type: ignore[no-untyped-call]

    def double_click(self, widget: QWidget, what: str, pos: QPoint | None = None) -> None:
        assert self.mouse_allowed, f"a double-click on {what} in a keyboard-only journey"
        self._note(f"double-click {what}")
        where = pos or widget.rect().center()
        self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=where)  # type: ignore[no-untyped-call]
        self.qtbot.mouseDClick(widget, Qt.MouseButton.LeftButton, pos=where)  # type: ignore[no-untyped-call]

    def settle(self) -> None:
        """A closed dialog or list gives the activation back to the window, as a desktop does
        (offscreen, nothing does it): not an action of the user's."""
        self.qtbot.wait(1)
        if QApplication.activeModalWidget() is None and QApplication.activeWindow() is None:
            self.window.activateWindow()
            self.qtbot.waitUntil(self.window.isActiveWindow)

    def key(self, key: Key, modifiers: Mod = Mod.NoModifier, what: str = "") -> None:
        """A key chord to whatever has the keyboard focus, as a keyboard does."""
        self.settle()
        target = QApplication.focusWidget() or QApplication.activeWindow() or self.window
        self._note(f"key {what or key_name(key, modifiers)}")
        self.qtbot.keyClick(target, key, modifiers)  # type: ignore[no-untyped-call]
        if modifiers & Mod.AltModifier:
            self.qtbot.wait(ANIMATED_CLICK_MS)  # a button's Alt letter presses it and lets go a moment later

    def type(self, text: str) -> None:
        self.settle()
        target = QApplication.focusWidget()
        assert target is not None, f"nothing has the focus to type {text!r} into"
        self._note(f"type {text!r}")
        self.qtbot.keyClicks(target, text)  # type: ignore[no-untyped-call]

    def tab(self, title: str) -> None:
        """Click an editor tab by its title."""
        bar: QTabBar = self.window.editor.tabBar()
        index = next(i for i in range(bar.count()) if bar.tabText(i).replace("&", "") == title)
        self.click(bar, f"the {title} tab", bar.tabRect(index).center())

    def in_modal(self, steps: Callable[[QDialog], None]) -> None:
        """Run `steps` in the next modal dialog, once it shows (a dialog's exec() waits for the user).
        A step that fails closes the dialog, so the test ends with the failure instead of waiting."""

        def attempt() -> None:
            modal = QApplication.activeModalWidget()
            if not isinstance(modal, QDialog) or not modal.isVisible():
                QTimer.singleShot(10, attempt)
                return
            try:
                modal.activateWindow()
                self.qtbot.waitUntil(modal.isActiveWindow)
                steps(modal)
            except BaseException as error:  # noqa: BLE001 - said when the dialog has closed
                self.failures.append(error)
                modal.reject()

        QTimer.singleShot(0, attempt)

    def check(self) -> None:
        """Raise what went wrong inside a dialog."""
        if self.failures:
            raise self.failures[0]


def key_name(key: Key, modifiers: Mod) -> str:
    from PySide6.QtGui import QKeySequence

    return QKeySequence(key.value | modifiers.value).toString()


@pytest.fixture
def journey(window: MainWindow, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Journey]:
    """The shown, active window, its file dialogs accepting what they suggest (counted), the
    export's done box closed (not counted)."""
    trip = Journey(qtbot, window)
    saved: list[Path] = []

    def accept_suggestion(_parent: Any, caption: str, suggested: str, *_args: Any) -> tuple[str, str]:
        trip._note(f"Enter in '{caption}' ({Path(suggested).name})")
        path = tmp_path / Path(suggested).name
        saved.append(path)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", accept_suggestion)
    monkeypatch.setattr(QMessageBox, "exec", lambda _box: 0)  # "Exported …: Open, Show in folder, Close"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    yield trip
    print(f"\n{trip.count} actions:\n  " + "\n  ".join(trip.log))


def exported_word(tmp_path: Path, qtbot: QtBot) -> Path:
    qtbot.waitUntil(lambda: any(tmp_path.glob("*.docx")), timeout=30000)
    (found,) = list(tmp_path.glob("*.docx"))
    return found


def new_from_role_by_mouse(trip: Journey, role: str) -> None:
    """File, New (Ctrl+N), and a double-click on the role in the dialog."""

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, NewDesignDialog)
        roles: QListWidget = dialog.role_list
        (item,) = roles.findItems(role, Qt.MatchFlag.MatchStartsWith)
        roles.scrollToItem(item)
        trip.double_click(roles.viewport(), f"'{role}'", roles.visualItemRect(item).center())

    trip.in_modal(choose)
    trip.key(Key.Key_N, Mod.ControlModifier, "Ctrl+N (File, New from emerging role)")
    trip.check()
    assert trip.window.controller.design.title == role


def partner_by_keys(trip: Journey, organisation: str, share: str) -> None:
    """Add partner, then type along the row: the name (its sector follows from it), Tab past the
    sector, the funding share (the time share follows from it)."""
    add = next(b for b in trip.window.editor.findChildren(QPushButton) if b.text().replace("&", "") == "Add partner")
    trip.click(add, "Add partner")
    type_partner(trip, organisation, share)


def type_partner(trip: Journey, organisation: str, share: str) -> None:
    """In the new row's name cell: the name, Tab, Tab (past the sector the name gave), the funding
    share; the next action (Add partner, Ctrl+S) keeps the figure being typed."""
    trip.type(organisation)
    trip.key(Key.Key_Tab, what="Tab (to the sector)")
    trip.key(Key.Key_Tab, what="Tab (to the funding share)")
    trip.type(share)


def word_text(path: Path) -> str:
    from docx import Document

    document = Document(str(path))
    parts = [paragraph.text for paragraph in document.paragraphs]
    parts += [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for section in document.sections:
        parts += [paragraph.text for paragraph in section.header.paragraphs]
    return "\n".join(parts)


def assert_joint_post_done(window: MainWindow, exported: Path) -> None:
    design = window.controller.design
    assert design.time.system_work.unit is AllocationUnit.DAYS_PER_WEEK
    assert design.time.system_work.amount == 2
    assert design.time.protected_days == [Weekday.TUESDAY, Weekday.THURSDAY]
    assert design.joint is not None
    partners = [(p.organisation, p.sector, p.host, p.funding_percent, p.time_percent) for p in design.joint.partners]
    assert partners == [
        ("North Shire ICB", Sector.ICB, True, Decimal(60), Decimal(60)),
        ("Westtown Council", Sector.LOCAL_AUTHORITY, False, Decimal(40), Decimal(40)),
    ]
    errors = [f for f in review(design, window.controller.library) if f.severity is Severity.ERROR]
    assert errors == []
    assert window.controller.path is not None and window.controller.path.is_file()
    assert not window.controller.is_modified
    text = word_text(exported)
    assert "Westtown Council" in text and "North Shire ICB" in text
    assert "Tuesday" in text
    assert "not yet reviewed" not in text, "exported with no review errors left"


def test_the_joint_post_from_new_to_an_exported_word_file_in_at_most_30_actions(
    journey: Journey, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    trip = journey
    new_from_role_by_mouse(trip, JOINT_ROLE)

    # Two days a week of system work, on Tuesday and Thursday.
    trip.tab("Time")
    unit = bound(window, "time.system_work.unit")
    assert isinstance(unit, QComboBox)
    trip.click(unit, "System work unit")
    view = unit.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.wait(
        QApplication.doubleClickInterval() + 50
    )  # a list just opened ignores a release as quick as a double-click
    days = unit.findText("days a week", Qt.MatchFlag.MatchStartsWith)
    assert days >= 0
    trip.click(view.viewport(), "'days a week'", view.visualRect(view.model().index(days, 0)).center())
    amount = bound(window, "time.system_work.amount")
    assert isinstance(amount, QLineEdit) and amount.text() == "2.5"
    trip.key(Key.Key_Tab, what="Tab (to System work amount, its 2.5 selected)")
    assert amount.hasFocus() and amount.selectedText() == "2.5"
    trip.type("2")
    for day in ("Tue", "Thu"):
        box = next(b for b in window.editor.findChildren(QCheckBox) if b.text() == day)
        trip.click(box, day, QPoint(8, box.height() // 2))

    # The 60 / 40 split between the ICB (the host) and the council.
    trip.tab("Joint post")
    partner_by_keys(trip, "North Shire ICB", "60")
    partner_by_keys(trip, "Westtown Council", "40")  # Ctrl+S keeps the figure being typed

    # The review has no errors left: save (Ctrl+S, the suggested name), export Word (Ctrl+E, the suggested name).
    trip.key(Key.Key_S, Mod.ControlModifier, "Ctrl+S")
    trip.key(Key.Key_E, Mod.ControlModifier, "Ctrl+E")
    assert_joint_post_done(window, exported_word(tmp_path, qtbot))
    assert trip.count <= JOINT_CEILING, trip.log


def test_the_joint_post_with_the_keyboard_alone(
    journey: Journey, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    trip = journey
    trip.mouse_allowed = False

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, NewDesignDialog)
        assert dialog.search_box.hasFocus()
        trip.type("mental health lead")
        assert dialog.current_role() == "joint_mental_health_lead"
        trip.key(Key.Key_Return, what="Enter (Start from this role)")

    trip.in_modal(choose)
    trip.key(Key.Key_N, Mod.ControlModifier, "Ctrl+N (File, New from emerging role)")
    trip.check()
    assert window.controller.design.title == JOINT_ROLE

    trip.key(Key.Key_T, Mod.AltModifier, "Alt+T (the Time tab)")
    trip.key(Key.Key_I, Mod.AltModifier, "Alt+I (System work unit)")
    trip.type("d")  # the drop-down's first entry starting with d: days a week
    trip.key(Key.Key_Tab, what="Tab (to System work amount, its 2.5 selected)")
    trip.type("2")
    trip.key(Key.Key_D, Mod.AltModifier, "Alt+D (Protected days: Mon)")
    for key in (Key.Key_Tab, Key.Key_Space, Key.Key_Tab, Key.Key_Tab, Key.Key_Space):  # Tue ticked, Wed, Thu ticked
        trip.key(key)

    trip.key(Key.Key_J, Mod.AltModifier, "Alt+J (the Joint post tab)")
    for organisation, share in (("North Shire ICB", "60"), ("Westtown Council", "40")):
        trip.key(Key.Key_A, Mod.AltModifier, "Alt+A (Add partner)")
        type_partner(trip, organisation, share)

    trip.key(Key.Key_S, Mod.ControlModifier, "Ctrl+S")
    trip.key(Key.Key_E, Mod.ControlModifier, "Ctrl+E")
    assert_joint_post_done(window, exported_word(tmp_path, qtbot))
    assert trip.count <= KEYBOARD_CEILING, trip.log


def test_a_post_with_one_employer_from_new_to_an_exported_word_file_in_at_most_8_actions(
    journey: Journey, window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    trip = journey
    new_from_role_by_mouse(trip, SINGLE_ROLE)
    trip.key(Key.Key_E, Mod.ControlModifier, "Ctrl+E")
    exported = exported_word(tmp_path, qtbot)
    assert exported.name == f"{SINGLE_ROLE} v1.docx"
    assert "not yet reviewed" not in word_text(exported)
    assert trip.count <= SINGLE_CEILING, trip.log
