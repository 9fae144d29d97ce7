"""The window on small and large screens: it opens within the screen, remembers its size, and at
1024 x 768 every pane keeps a usable width (issue 18, item 6)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QMessageBox, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from roledesigner.gui import windowlayout
from roledesigner.gui.app import create_window
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.gui.windowlayout import PREVIEW_LEAST, PREVIEW_WIDTH

SMALL = QRect(0, 0, 1024, 768)
LAPTOP = QRect(0, 0, 1280, 800)
#: Less than this and a table's words break inside themselves ("Contr act") in the preview.
READABLE_PREVIEW = PREVIEW_LEAST - 1


@pytest.fixture
def screen(monkeypatch: pytest.MonkeyPatch) -> Callable[[QRect], None]:
    """Fake the screen's available area the window is placed in."""

    def use(area: QRect) -> None:
        monkeypatch.setattr(windowlayout, "available_area", lambda _widget: QRect(area))

    return use


@pytest.fixture
def opened(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[], MainWindow]]:
    """Open the app's window as a start does (placed, then shown); each is closed at the end."""
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Discard)
    windows: list[MainWindow] = []

    def open_window() -> MainWindow:
        window = create_window()
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        qtbot.waitUntil(lambda: not window._default_layout_pending and not window._default_layout_refit)
        qtbot.wait(50)  # the docks take their widths
        windows.append(window)
        return window

    yield open_window
    for window in windows:
        window.controller.undo_stack.setClean()


def on_screen(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def assert_usable(window: MainWindow, area: QRect) -> None:
    outer = window.geometry().adjusted(0, 0, windowlayout.FRAME_ROOM.width(), windowlayout.FRAME_ROOM.height())
    assert area.contains(window.geometry()), (window.geometry(), area)
    assert outer.width() <= area.width() and outer.height() <= area.height(), "room for the window's frame"
    assert area.contains(on_screen(window.statusBar())), "the status bar is on the screen"
    assert window.findings_label.isVisible()
    preview = window.preview_dock
    assert preview.isVisible() and not preview.visibleRegion().isEmpty()
    assert preview.width() >= READABLE_PREVIEW, preview.width()
    assert area.contains(on_screen(window.preview.list)), "the review's findings are on the screen"
    assert window.preview.list.height() >= 100
    assert window.editor.width() >= window.editor.minimumSizeHint().width()
    library = window.library_dock
    beside = library.isVisible() and not library.visibleRegion().isEmpty()
    tabbed = library in window.tabifiedDockWidgets(preview)
    assert beside or tabbed, "the library is beside the editor or one tab away"
    if beside:
        assert library.width() >= library.minimumSizeHint().width()


def test_at_1024_by_768_the_window_fits_and_the_preview_keeps_a_readable_width(
    screen: Callable[[QRect], None], opened: Callable[[], MainWindow]
) -> None:
    screen(SMALL)
    window = opened()
    assert_usable(window, SMALL)
    # The three panes do not fit side by side: the library shares the preview's side, behind it.
    assert window.library_dock in window.tabifiedDockWidgets(window.preview_dock)
    assert window.preview_dock.width() > 400


def test_at_1280_by_800_the_three_panes_sit_side_by_side(
    screen: Callable[[QRect], None], opened: Callable[[], MainWindow]
) -> None:
    screen(LAPTOP)
    window = opened()
    assert window.width() <= 1280 - windowlayout.FRAME_ROOM.width()
    assert_usable(window, LAPTOP)
    assert window.tabifiedDockWidgets(window.preview_dock) == []
    assert PREVIEW_LEAST <= window.preview_dock.width() <= PREVIEW_WIDTH
    assert window.library_dock.x() < window.editor.x() < window.preview_dock.x()


def test_a_large_screen_opens_at_the_default_size_centred(
    screen: Callable[[QRect], None], opened: Callable[[], MainWindow]
) -> None:
    screen(QRect(0, 0, 1920, 1080))
    window = opened()
    assert (window.width(), window.height()) == (1280, 800)
    middle = window.geometry().center()
    assert abs(middle.x() - 960) < 20 and abs(middle.y() - 540) < 30


def test_find_in_library_brings_the_library_in_front_of_the_preview_on_a_small_screen(
    screen: Callable[[QRect], None], opened: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    screen(SMALL)
    window = opened()
    assert window.library_dock.visibleRegion().isEmpty(), "behind the preview at first"
    find = next(action for action in window.edit_menu.actions() if action.text() == "&Find in library")
    find.trigger()
    qtbot.waitUntil(lambda: not window.library_dock.visibleRegion().isEmpty())
    assert window.library_panel.search_box.hasFocus()


def test_every_editor_tab_fits_or_scrolls_at_1024_by_768(
    screen: Callable[[QRect], None], opened: Callable[[], MainWindow], qtbot: QtBot
) -> None:
    screen(SMALL)
    window = opened()
    editor = window.editor
    for index in range(editor.count()):
        editor.setCurrentIndex(index)
        qtbot.wait(10)
        page = editor.currentWidget()
        fits = page.minimumSizeHint().height() <= page.height() and page.minimumSizeHint().width() <= page.width()
        assert fits or isinstance(page, QScrollArea), editor.tabText(index)


@pytest.fixture
def real_screen(tmp_path: Path) -> Callable[[int, int, str], dict[str, object]]:
    """Run the app's window in a fresh process on an offscreen screen of a given size (the test
    process's screen is fixed when its application starts); returns what it measured."""
    config = tmp_path / "config"

    def run(width: int, height: int, then: str = "") -> dict[str, object]:
        screen_file = tmp_path / f"screen-{width}x{height}.json"
        screen_file.write_text(
            json.dumps({"screens": [{"name": "S", "x": 0, "y": 0, "width": width, "height": height, "dpr": 1}]})
        )
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": f"offscreen:configfile={screen_file}",
            "ROLEDESIGNER_CONFIG_DIR": str(config),
        }
        result = subprocess.run(
            [sys.executable, "-c", MEASURE, then], env=env, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
        measured: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
        return measured

    return run


MEASURE = """
import json, sys
from PySide6.QtCore import QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
app = QApplication([])
from roledesigner.gui import app as gui_app
from roledesigner.gui.mainwindow import MainWindow
mode = sys.argv[1] if len(sys.argv) > 1 else ""

def measure(window):
    status = window.statusBar()
    screen = window.screen().availableGeometry()
    measured = {
        "size": [window.width(), window.height()], "screen": [screen.width(), screen.height()],
        "status_bottom": status.mapToGlobal(QPoint(0, status.height())).y(), "right": window.geometry().right(),
        "preview": window.preview_dock.width(), "list": window.preview.list.height(),
        "central": type(window.centralWidget()).__name__, "preview_hidden": window.preview_dock.isHidden(),
    }
    if mode == "resize":
        window.resize(900, 640)
        QTest.qWait(50)
    elif mode == "large":
        window.resize(1600, 1000)
        window.reset_layout()
        QTest.qWait(100)
    window.controller.undo_stack.setClean()
    window.close()
    print(json.dumps(measured))

if mode == "run":  # the app's own start: the frame first, filled after its first paint
    def later():
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        measure(windows[0])
        app.quit()
    QTimer.singleShot(1500, later)
    gui_app.run()
else:
    window = gui_app.create_window()
    window.show()
    room = window.screen().availableGeometry()
    for _ in range(100):  # until the layout has settled within the screen (a saved layout gives way)
        QTest.qWait(50)
        if window.frameGeometry().width() <= room.width() and window.preview_dock.width() >= 379:
            break
    QTest.qWait(50)
    measure(window)
"""


def test_on_a_real_1024_by_768_screen_the_window_opens_within_it_and_remembers_its_size(
    real_screen: Callable[..., dict[str, object]],
) -> None:
    first = real_screen(1024, 768, "resize")
    assert first["screen"] == [1024, 768]
    size = first["size"]
    assert isinstance(size, list) and size[0] <= 1024 and size[1] <= 768
    assert isinstance(first["status_bottom"], int) and first["status_bottom"] <= 768
    assert isinstance(first["right"], int) and first["right"] < 1024
    assert isinstance(first["preview"], int) and first["preview"] >= READABLE_PREVIEW
    assert isinstance(first["list"], int) and first["list"] >= 100
    again = real_screen(1024, 768)
    assert again["size"] == [900, 640], "the size it had when it closed"
    smaller = real_screen(800, 600)  # the same saved size on a smaller screen: cut to fit
    size = smaller["size"]
    assert isinstance(size, list) and size[1] <= 600


def test_a_layout_saved_on_a_large_screen_gives_way_where_it_would_squeeze_the_preview(
    real_screen: Callable[..., dict[str, object]],
) -> None:
    real_screen(1920, 1080, "large")
    small = real_screen(1024, 768)
    size = small["size"]
    assert isinstance(size, list) and size[0] <= 1024 and size[1] <= 768
    assert isinstance(small["preview"], int) and small["preview"] >= READABLE_PREVIEW


def test_the_apps_own_start_on_a_1024_by_768_screen_shows_the_start_page_within_the_screen(
    real_screen: Callable[..., dict[str, object]],
) -> None:
    """The frame shows first with placeholders and is filled after; the panes' least widths must
    not then widen the window past the screen."""
    started = real_screen(1024, 768, "run")
    assert started["central"] == "StartPage", "a first start: nothing opened before"
    size = started["size"]
    assert isinstance(size, list) and size[0] <= 1024 and size[1] <= 768
    assert isinstance(started["right"], int) and started["right"] < 1024
    assert started["preview_hidden"] is True, "no empty design's preview beside the start page"
