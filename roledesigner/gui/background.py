"""Work off the GUI thread: the one model every export uses, one file or a batch.

The work runs on Qt's global thread pool. It reports progress, and finally its result or its
fault, into a thread-safe queue, and a timer on the GUI thread reads the queue and calls the
caller's functions there. Two reasons for a queue rather than signals:

- PySide6 6.12.0 on Python 3.11 dropped a reference to `True` on every `Signal.emit()` made from
  Python, and a batch of a few thousand files ended the process ("deallocating True"); nothing
  here emits (`tests/gui/test_batch.py` counts the emits of a batch).
- The work never touches a widget or a Qt object of the GUI thread, and nothing it reports can
  arrive after its receiver is gone: a stopped runner reads no more.

The pool owns the runnable it wraps around the work (no Python object freed while Qt still runs
it), and the application waits for the global pool when it ends, so a document being written is
finished, never left half-written. Cancel sets an event the work asks between files.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, QThreadPool, QTimer

P = TypeVar("P")
R = TypeVar("R")

#: How often the GUI thread reads what the work has reported, in milliseconds: often enough for a
#: progress bar to move smoothly, seldom enough to cost nothing.
POLL_MS = 50

#: The work: called on a pool thread with a `report` function and the task's stop event.
Work = Callable[[Callable[[P], None], threading.Event], R]


@dataclass
class Task(Generic[P, R]):
    """One piece of work under way: what it reported and not yet read, and its stop event."""

    work: Work[P, R]
    done: Callable[[R], None]
    progress: Callable[[P], None] | None
    fault: Callable[[Exception], None]
    stop: threading.Event = field(default_factory=threading.Event)
    updates: queue.SimpleQueue[tuple[str, Any]] = field(default_factory=queue.SimpleQueue)

    def run(self) -> None:
        """On a pool thread: nothing here may touch Qt's GUI objects."""
        try:
            result = self.work(lambda item: self.updates.put(("progress", item)), self.stop)
        except Exception as error:  # noqa: BLE001 - handed to the GUI thread as a fault, never lost
            self.updates.put(("fault", error))
        else:
            self.updates.put(("done", result))

    def cancel(self) -> None:
        """Ask the work to start nothing further; what it is writing now is finished."""
        self.stop.set()

    @property
    def cancelled(self) -> bool:
        return self.stop.is_set()


class BackgroundRunner(QObject):
    """Starts work on the pool and delivers its progress and its end on the GUI thread."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tasks: list[Task[Any, Any]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def busy(self) -> bool:
        return bool(self._tasks)

    def start(
        self,
        work: Work[P, R],
        done: Callable[[R], None],
        *,
        fault: Callable[[Exception], None],
        progress: Callable[[P], None] | None = None,
    ) -> Task[P, R]:
        task: Task[P, R] = Task(work, done, progress, fault)
        self._tasks.append(task)
        self._timer.start()
        QThreadPool.globalInstance().start(task.run)
        return task

    def poll(self) -> None:
        """Deliver everything reported since the last look, in order; a task ends with its result."""
        for task in list(self._tasks):
            while True:
                try:
                    kind, value = task.updates.get_nowait()
                except queue.Empty:
                    break
                if kind == "progress":
                    if task.progress is not None:
                        task.progress(value)
                    continue
                self._tasks.remove(task)
                if kind == "done":
                    task.done(value)
                else:
                    task.fault(value)
                break
        if not self._tasks:
            self._timer.stop()
