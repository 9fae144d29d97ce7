"""The one background model: work on the pool, its progress, result or fault read on the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from roledesigner.gui.background import BackgroundRunner


def test_progress_arrives_in_order_on_the_gui_thread_then_the_result(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    seen: list[tuple[str, object, str]] = []
    worker: list[str] = []

    def work(report: Callable[[int], None], _stop: threading.Event) -> str:
        worker.append(threading.current_thread().name)
        for number in range(200):
            report(number)
        return "all done"

    here = threading.current_thread().name
    runner.start(
        work,
        lambda result: seen.append(("done", result, threading.current_thread().name)),
        fault=lambda error: seen.append(("fault", error, "")),
        progress=lambda number: seen.append(("progress", number, threading.current_thread().name)),
    )
    assert runner.busy
    qtbot.waitUntil(lambda: not runner.busy)
    assert worker and worker[0] != here, "the work ran off the GUI thread"
    assert [value for kind, value, _ in seen if kind == "progress"] == list(range(200))
    assert seen[-1][:2] == ("done", "all done")
    assert {thread for _, _, thread in seen} == {here}


def test_a_fault_in_the_work_is_handed_over_not_lost(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    faults: list[Exception] = []

    def work(_report: Callable[[None], None], _stop: threading.Event) -> None:
        raise OSError("the disk went away")

    runner.start(work, lambda _result: None, fault=faults.append)
    qtbot.waitUntil(lambda: not runner.busy)
    assert [str(error) for error in faults] == ["the disk went away"]


def test_cancel_sets_the_event_the_work_asks(qtbot: QtBot) -> None:
    runner = BackgroundRunner()
    started = threading.Event()
    results: list[int] = []

    def work(_report: Callable[[None], None], stop: threading.Event) -> int:
        started.set()
        steps = 0
        while not stop.wait(0.01):
            steps += 1
        return steps

    task = runner.start(work, results.append, fault=lambda error: None)
    assert started.wait(10)
    task.cancel()
    qtbot.waitUntil(lambda: not runner.busy)
    assert task.cancelled and len(results) == 1
