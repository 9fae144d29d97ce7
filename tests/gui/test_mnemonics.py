"""Alt-letter mnemonics in the role editor (issue 18): every editor tab has one, every labelled
field has one with its buddy set, every Add and Remove button has one, and on each tab page none
is used twice, none is a letter of the tab bar, and none is a letter of the menu bar (the menu
would win). Each is pressed, as a keyboard user does, and must reach its field, tab or button.

The one exception is the Overview, which asks for 22 things: the menu bar and the tab bar take 13
of the 26 letters, and only 10 of the other 13 occur in the Overview's captions. So fields there
may share a letter (never a button: a shared letter only moves the focus), and pressing it again
moves on to the next field with it, as Qt and Windows do with a letter used twice; the test
presses each shared letter round the whole cycle."""

# pytest-qt's QtBot key helpers carry no type hints.
# mypy: disable-error-code="no-untyped-call"

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from roledesigner.domain.models import SignOff, UnmappedBlock
from roledesigner.gui.editor.editor import TABS
from roledesigner.gui.mainwindow import MainWindow
from tests.gui.editorsupport import sample

__all__ = ["sample"]

#: The Overview's fields left without a letter: see the module's docstring.
#: The one page whose fields may share a letter (see above).
SHARING = "Overview"


def mnemonic(text: str) -> str | None:
    """The letter after a single "&" in `text`, lower case; None if there is none."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] != "&":
                return text[i + 1].lower()
            i += 1
        i += 1
    return None


def _menu_letters(window: MainWindow) -> set[str]:
    letters = {mnemonic(action.text()) for action in window.menuBar().actions()}
    return {letter for letter in letters if letter}


def _tab_letters(window: MainWindow) -> list[str | None]:
    return [mnemonic(window.editor.tabText(i)) for i in range(window.editor.count())]


def _everything_filled(window: MainWindow) -> None:
    """The sample design with every part showing: imported text kept, a sign-off, rows chosen."""
    design = window.controller.design
    window.controller.replace(
        design.model_copy(
            update={
                "unmapped": [UnmappedBlock(text="The post covers the whole of Westtown.", heading="Scope")],
                "signoffs": [SignOff(organisation="North Shire ICB", name="Board")],
            }
        )
    )
    for table in window.editor.tables.values():
        if table.list_model.rowCount():
            table.setCurrentIndex(table.list_model.index(0, 0))
    QApplication.processEvents()


def _form_labels(page: QWidget) -> list[QLabel]:
    """Every caption beside a field: the labels of the page's forms, and any label given a buddy."""
    found: list[QLabel] = []
    for form in page.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel):
                found.append(widget)
    found += [label for label in page.findChildren(QLabel) if label.buddy() is not None and label not in found]
    return found


def _buttons(page: QWidget) -> list[QAbstractButton]:
    return [b for b in page.findChildren(QAbstractButton) if b.text()]


def _page_letters(page: QWidget) -> list[str]:
    texts = [label.text() for label in _form_labels(page)]
    texts += [button.text() for button in _buttons(page)]
    texts += [box.title() for box in page.findChildren(QGroupBox)]
    return [letter for letter in map(mnemonic, texts) if letter]


def _pages(window: MainWindow) -> list[tuple[str, QWidget]]:
    editor = window.editor
    return [(TABS[i], page) for i in range(editor.count()) if (page := editor.widget(i)) is not None]


def test_every_tab_has_a_letter_of_its_own(sample: MainWindow) -> None:
    letters = _tab_letters(sample)
    assert None not in letters, letters
    assert len(set(letters)) == len(letters), letters
    assert not set(letters) & _menu_letters(sample), "a tab's letter is a menu's"
    assert _menu_letters(sample) >= {"f", "e", "v", "h"}, "the menu bar read"


def test_every_labelled_field_has_a_letter_and_a_buddy(sample: MainWindow) -> None:
    _everything_filled(sample)
    missing, no_buddy = [], []
    for title, page in _pages(sample):
        for label in _form_labels(page):
            name = label.text().replace("&", "")
            if mnemonic(label.text()) is None:
                missing.append(f"{title}: {name}")
            buddy = label.buddy()
            if buddy is None or buddy.focusPolicy() == Qt.FocusPolicy.NoFocus:
                no_buddy.append(f"{title}: {name}")
    assert missing == []
    assert no_buddy == [], "a label's letter must take the focus somewhere"


def test_every_add_and_remove_button_has_a_letter(sample: MainWindow) -> None:
    _everything_filled(sample)
    missing = [
        f"{title}: {button.text()}"
        for title, page in _pages(sample)
        for button in page.findChildren(QPushButton)
        if button.text().replace("&", "").startswith(("Add", "Remove", "Delete")) and mnemonic(button.text()) is None
    ]
    assert missing == []


def _beside_the_editor(window: MainWindow) -> dict[str, str]:
    """The letters of what the window shows beside the editor (the library, the review), by letter."""
    found: dict[str, str] = {}
    for widget in window.findChildren(QWidget):
        if window.editor.isAncestorOf(widget) or not widget.isVisible():
            continue
        text = widget.text() if isinstance(widget, (QAbstractButton, QLabel)) else ""
        text = widget.title() if isinstance(widget, QGroupBox) else text
        letter = mnemonic(text)
        if letter:
            found[letter] = text.replace("&", "")
    return found


def test_no_letter_means_two_things_on_any_tab(sample: MainWindow) -> None:
    _everything_filled(sample)
    menu = _menu_letters(sample)
    tabs = {letter for letter in _tab_letters(sample) if letter}
    problems = []
    for title, page in _pages(sample):
        letters = _page_letters(page)
        shared = [letter for letter, count in Counter(letters).items() if count > 1]
        if title == SHARING:  # fields may share a letter there, buttons may not
            buttons = [mnemonic(button.text()) for button in _buttons(page)]
            shared = [letter for letter in shared if letter in buttons]
        problems += [f"{title}: {letter} twice" for letter in shared]
        problems += [f"{title}: {letter} is a menu's" for letter in set(letters) & menu]
        problems += [f"{title}: {letter} is a tab's" for letter in set(letters) & tabs]
    assert problems == []


def test_no_letter_beside_the_editor_is_one_of_the_editors(sample: MainWindow) -> None:
    """The library and the review share the window with the editor, so their letters must be
    neither a tab's nor one of any page's."""
    _everything_filled(sample)
    editor_letters = {letter for letter in _tab_letters(sample) if letter}
    for _title, page in _pages(sample):
        editor_letters |= set(_page_letters(page))
    beside = _beside_the_editor(sample)
    assert {letter: beside[letter] for letter in beside if letter in editor_letters} == {}


def _focus_of(widget: QWidget) -> QWidget:
    """Where focus given to `widget` lands: through its focus proxies."""
    while (proxy := widget.focusProxy()) is not None:
        widget = proxy
    return widget


def _activate(window: MainWindow, qtbot: QtBot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def _press_alt(qtbot: QtBot, window: MainWindow, letter: str) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, Qt.Key(ord(letter.upper())), Qt.KeyboardModifier.AltModifier)
    QApplication.processEvents()


def test_alt_and_a_tabs_letter_shows_the_tab(sample: MainWindow, qtbot: QtBot) -> None:
    _activate(sample, qtbot)
    sample.editor.setCurrentIndex(0)
    for index, letter in reversed(list(enumerate(_tab_letters(sample)))):
        assert letter is not None
        _press_alt(qtbot, sample, letter)
        assert sample.editor.currentIndex() == index, TABS[index]


def test_alt_and_a_fields_letter_takes_the_focus_to_it(sample: MainWindow, qtbot: QtBot) -> None:
    _everything_filled(sample)
    _activate(sample, qtbot)
    failed = []
    for index, (title, page) in enumerate(_pages(sample)):
        sample.editor.setCurrentIndex(index)
        QApplication.processEvents()
        counts = Counter(_page_letters(page))
        for label in _form_labels(page):
            letter = mnemonic(label.text())
            buddy = label.buddy()
            if letter is None or buddy is None or not (label.isVisible() and label.isEnabled() and buddy.isEnabled()):
                continue
            if title == SHARING and counts[letter] > 1:
                continue  # a shared letter goes round its fields: test_a_shared_letter_on_the_overview_...
            sample.editor.tabBar().setFocus()  # start from somewhere else
            _press_alt(qtbot, sample, letter)
            if QApplication.focusWidget() is not _focus_of(buddy):
                failed.append(f"{title}: Alt+{letter.upper()} for {label.text()!r}")
    assert failed == []


def test_a_shared_letter_on_the_overview_goes_round_its_fields(sample: MainWindow, qtbot: QtBot) -> None:
    """Alt and a letter several Overview fields share goes to each in turn, then back to the first."""
    _everything_filled(sample)
    _activate(sample, qtbot)
    sample.editor.setCurrentIndex(TABS.index(SHARING))
    QApplication.processEvents()
    page = sample.editor.currentWidget()
    assert page is not None
    by_letter: dict[str, list[QWidget]] = {}
    for label in _form_labels(page):
        letter, buddy = mnemonic(label.text()), label.buddy()
        if letter and buddy is not None and label.isVisible() and buddy.isEnabled():
            by_letter.setdefault(letter, []).append(_focus_of(buddy))
    shared = {letter: fields for letter, fields in by_letter.items() if len(fields) > 1}
    assert len(shared) >= 5, "the Overview's fields share letters"
    for letter, fields in shared.items():
        sample.editor.tabBar().setFocus()
        reached = []
        for _press in range(len(fields) + 1):
            _press_alt(qtbot, sample, letter)
            reached.append(QApplication.focusWidget())
        assert set(reached[:-1]) == set(fields), f"Alt+{letter.upper()} reaches every field with it"
        assert reached[-1] is reached[0], f"Alt+{letter.upper()} comes round again"


def test_alt_d_goes_to_the_protected_days(sample: MainWindow, qtbot: QtBot) -> None:
    _activate(sample, qtbot)
    sample.editor.setCurrentIndex(TABS.index("Time"))
    QApplication.processEvents()
    sample.editor.tabBar().setFocus()
    first_day = next(iter(sample.editor.day_checks.values()))
    ticked = first_day.isChecked()
    _press_alt(qtbot, sample, "d")
    assert QApplication.focusWidget() is first_day
    qtbot.wait(300)  # longer than a button's animated click
    assert first_day.isChecked() == ticked, "the letter moves the focus and ticks nothing"


def test_a_letter_beside_a_tick_box_moves_the_focus_and_ticks_nothing(sample: MainWindow, qtbot: QtBot) -> None:
    _activate(sample, qtbot)
    sample.editor.setCurrentIndex(TABS.index("Time"))
    QApplication.processEvents()
    box = sample.editor.pa_basis
    ticked = box.isChecked()
    letter = mnemonic(sample.editor.captions[box].text())
    assert letter is not None
    sample.editor.tabBar().setFocus()
    _press_alt(qtbot, sample, letter)
    assert QApplication.focusWidget() is box
    qtbot.wait(300)
    assert (
        box.isChecked() == ticked and (sample.controller.design.time.contracted_programmed_activities is None) != ticked
    )


@pytest.mark.parametrize(
    ("tab", "text", "path"),
    [
        ("Joint post", "Add partner", "joint.partners"),
        ("Capabilities", "Add criterion", "criteria"),
        ("Support", "Add relationship", "relationships"),
        ("Sign-off", "Add sign-off", "signoffs"),
        ("Responsibilities", "Add system responsibility", "responsibilities"),
    ],
)
def test_alt_and_an_add_buttons_letter_adds_a_row(
    sample: MainWindow, qtbot: QtBot, tab: str, text: str, path: str
) -> None:
    _activate(sample, qtbot)
    editor = sample.editor
    editor.setCurrentIndex(TABS.index(tab))
    QApplication.processEvents()
    page = editor.currentWidget()
    button = next(b for b in page.findChildren(QPushButton) if b.text().replace("&", "") == text)
    letter = mnemonic(button.text())
    assert letter is not None
    rows = editor.tables[path].list_model.rowCount()
    editor.tabBar().setFocus()
    with qtbot.waitSignal(button.clicked):
        _press_alt(qtbot, sample, letter)
    qtbot.waitUntil(lambda: editor.tables[path].list_model.rowCount() == rows + 1)
