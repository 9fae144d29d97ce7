# mypy: disable-error-code="no-untyped-call"
"""Never lose work: autosave, recovery after a crash, a colleague's save, undo of every kind of edit."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from roledesigner.domain.models import Partner, Responsibility
from roledesigner.domain.vocabulary import AllocationUnit, Sector
from roledesigner.files.designfile import load_design, save_design
from roledesigner.files.recovery import RecoveryStore
from roledesigner.gui.mainwindow import MainWindow
from roledesigner.library.compose import design_from_role


def click(monkeypatch: pytest.MonkeyPatch, *answers: str) -> list[str]:
    """Answer the next QMessageBox.exec() calls by pressing the buttons with these texts."""
    queue = list(answers)
    shown: list[str] = []

    def exec_(self: QMessageBox) -> int:
        shown.append(self.text())
        wanted = queue.pop(0) if queue else ""
        chosen = next((b for b in self.buttons() if b.text().replace("&", "") == wanted), None)
        monkeypatch.setattr(self, "clickedButton", lambda: chosen)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shown main window (conftest) with a design from an emerging role open."""
    window.controller.replace(design_from_role(window.controller.library.roles["place_chief_executive"]))
    return window


def test_a_recovery_copy_appears_after_an_edit_and_goes_after_saving(window: MainWindow, tmp_path: Path) -> None:
    store = window.recovery
    own = store.folder / f"{store.session}.recovery.json"
    window.controller.set_field("purpose", "Words typed before lunch.")
    window.autosave()
    assert own.exists()
    window.controller.save(tmp_path / "post.roledesign")
    assert not own.exists()


def test_no_copy_while_nothing_is_unsaved(window: MainWindow) -> None:
    window.autosave()
    assert not any(window.recovery.folder.glob("*.json")) if window.recovery.folder.exists() else True


def test_a_colleagues_save_is_warned_about(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "shared.roledesign"
    window.controller.save(path)
    theirs = window.controller.design.model_copy(update={"grade": "Their grade"})
    time.sleep(0.01)
    save_design(theirs, path)
    window.controller.set_field("grade", "My grade")
    shown = click(monkeypatch, "Cancel")
    assert not window.save()
    assert "has changed on disk" in shown[0]
    assert load_design(path).grade == "Their grade", "cancel writes nothing"
    click(monkeypatch, "Overwrite")
    assert window.save()
    assert load_design(path).grade == "My grade"
    assert load_design(path.with_name("shared.roledesign.bak")).grade == "Their grade"


def test_a_read_only_file_offers_save_as(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.roledesign"
    window.controller.save(path)
    window.controller.set_field("grade", "Band 9")

    def locked(*_args: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", locked)
    shown = click(monkeypatch, "Cancel")
    assert not window.save()
    assert "read-only or locked" in shown[0] and "Save it under another name?" in shown[0]


def test_undo_and_redo_every_kind_of_edit(window: MainWindow) -> None:
    controller = window.controller
    original = controller.design
    controller.set_field("purpose", "A")
    controller.set_field("purpose", "AB")  # typing in one field is one step
    controller.insert("responsibilities", 0, Responsibility(text="Lead the place plan."), "Add responsibility")
    controller.set_field("responsibilities[0].kind", "system")
    controller.move("responsibilities", 0, 2, "Move responsibility")
    assert controller.add_capability("open_book_finances") is None
    controller.remove("capabilities", 0, "Remove capability")
    controller.set_field("time.system_work.amount", "40")
    controller.change_unit(AllocationUnit.DAYS_PER_WEEK)
    controller.set_field("joint", {"partners": []})
    controller.insert(
        "joint.partners",
        0,
        Partner(
            organisation="ICB", sector=Sector.ICB, host=True, funding_percent=Decimal(60), time_percent=Decimal(60)
        ),
        "Add partner",
    )
    controller.set_field("joint.partners[0].funding_percent", "55")
    steps = controller.undo_stack.count()
    assert steps == 11
    assert window.isWindowModified()
    after = controller.design
    for _ in range(steps):
        controller.undo_stack.undo()
    assert controller.design == original
    assert not window.isWindowModified(), "back at the saved state, the marker goes"
    for _ in range(steps):
        controller.undo_stack.redo()
    assert controller.design == after


def test_the_app_killed_mid_edit_offers_recovery_on_restart(tmp_path: Path) -> None:
    """Start the real app, edit, SIGKILL it, start it again: the recovery offer restores the words."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "ROLEDESIGNER_DATA_DIR": str(tmp_path / "data"),
        "ROLEDESIGNER_CONFIG_DIR": str(tmp_path / "config"),
        "ROLEDESIGNER_AUTOSAVE_SECONDS": "0.2",
        "XDG_CONFIG_HOME": str(tmp_path / "xdg"),
    }
    first = textwrap.dedent(
        """
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from roledesigner.gui.app import create_window
        window = create_window()
        window.show()
        window.controller.set_field("purpose", "Words typed before the power cut.")
        app.exec()
        """
    )
    process = subprocess.Popen(
        [sys.executable, "-c", first], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    recovery = tmp_path / "data" / "recovery"
    try:
        deadline = time.monotonic() + 60
        while not list(recovery.glob("*.recovery.json")) and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    assert list(recovery.glob("*.recovery.json")), "the running app wrote a recovery copy"
    second = textwrap.dedent(
        """
        from PySide6.QtWidgets import QApplication, QMessageBox
        app = QApplication([])
        offered = []
        def answer(box):
            offered.append(box.text())
            restore = next(b for b in box.buttons() if b.text() == "Restore")
            box.clickedButton = lambda: restore
            return 0
        QMessageBox.exec = answer
        from roledesigner.gui.app import create_window
        window = create_window()
        window.offer_recovery()
        print(offered[0])
        print("PURPOSE:", window.controller.design.purpose)
        print("MODIFIED:", window.controller.is_modified)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", second], env=env, capture_output=True, text=True, timeout=120, check=True
    )
    assert "A recovery copy from" in result.stdout and "Restore it?" in result.stdout
    assert "PURPOSE: Words typed before the power cut." in result.stdout
    assert "MODIFIED: True" in result.stdout


def test_a_damaged_recovery_copy_is_kept_aside_with_a_message(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = window.recovery.folder
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "old.recovery.json").write_text("{not json", encoding="utf-8")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.offer_recovery()
    assert told and "could not be read" in told[0] and "kept aside" in told[0] and "discarded" not in told[0]
    assert not (folder / "old.recovery.json").exists()
    assert [p.read_text(encoding="utf-8") for p in folder.glob("old.recovery.json*")] == ["{not json"]


def test_autosave_off_is_said_once(window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x", encoding="utf-8")
    window.session.recovery = RecoveryStore(blocker / "recovery")
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text, *a: told.append(text))
    window.controller.set_field("purpose", "Something")
    window.autosave()
    window.autosave()
    assert len(told) == 1 and told[0].startswith("Autosave is off")
