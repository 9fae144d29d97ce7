"""Recovery copies, backups, a colleague's save, and a power cut in the middle of saving."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import backup_path, changed_since, load_design, save_design, stamp
from roledesigner.files.recovery import RecoveryStore, RecoveryUnavailable


def test_a_copy_is_written_found_by_the_next_run_and_cleared(tmp_path: Path) -> None:
    first = RecoveryStore(tmp_path / "recovery")
    design = RoleDesign(title="Place lead", purpose="Words not yet saved")
    first.write(design, Path("/shared/place lead.roledesign"), now=dt.datetime(2026, 11, 22, 9, 30))
    assert first.left_behind() == [], "a run does not offer its own copy"
    later = RecoveryStore(tmp_path / "recovery")
    (copy,) = later.left_behind()
    assert copy.design == design and copy.name == "place lead.roledesign"
    assert copy.saved_at == dt.datetime(2026, 11, 22, 9, 30)
    first.clear()
    assert later.left_behind() == []


def test_a_damaged_copy_is_reported_not_raised(tmp_path: Path) -> None:
    folder = tmp_path / "recovery"
    folder.mkdir()
    (folder / "abc.recovery.json").write_text(
        '{"saved_at": "2026-11-22T09:30:00", "design": {"title": 5}}', encoding="utf-8"
    )
    (folder / "def.recovery.json").write_bytes(b"\xff\xfe not json")
    copies = RecoveryStore(folder).left_behind()
    assert len(copies) == 2
    assert all(c.design is None and "It was kept aside as" in c.problem for c in copies)
    assert "abc.recovery.json has no schema_version" in " ".join(c.problem for c in copies)
    assert "def.recovery.json could not be read (it is damaged: it is not text)" in " ".join(c.problem for c in copies)


def test_an_unwritable_recovery_folder_says_autosave_is_off(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(RecoveryUnavailable, match="Autosave is off"):
        RecoveryStore(blocker / "recovery").write(RoleDesign(title="x"), None)


def test_saving_keeps_one_generation_of_backup(tmp_path: Path) -> None:
    path = tmp_path / "a.roledesign"
    save_design(RoleDesign(title="First"), path)
    assert not backup_path(path).exists()
    save_design(RoleDesign(title="Second"), path)
    save_design(RoleDesign(title="Third"), path)
    assert load_design(path).title == "Third"
    assert load_design(backup_path(path)).title == "Second"


def test_a_colleagues_save_is_noticed(tmp_path: Path) -> None:
    path = tmp_path / "a.roledesign"
    seen = save_design(RoleDesign(title="Mine"), path)
    assert not changed_since(path, seen)
    os.utime(path, ns=(0, 0))
    assert changed_since(path, seen)
    assert not changed_since(path, stamp(path))


def test_a_power_cut_between_write_and_rename_loses_nothing(tmp_path: Path) -> None:
    """A real process killed (SIGKILL) at the moment it would rename its new file into place."""
    path = tmp_path / "post.roledesign"
    save_design(RoleDesign(title="Saved yesterday"), path)
    recovery = tmp_path / "recovery"
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from roledesigner.domain.models import RoleDesign
        from roledesigner.files.recovery import RecoveryStore
        from roledesigner.files.designfile import save_design
        RecoveryStore(Path({str(recovery)!r})).write(RoleDesign(title="Typed today"), Path({str(path)!r}))
        os.replace = lambda *args: os.kill(os.getpid(), signal.SIGKILL)
        save_design(RoleDesign(title="Typed today"), Path({str(path)!r}), backup=False)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, check=False)
    assert result.returncode == -9
    assert load_design(path).title == "Saved yesterday"
    (copy,) = RecoveryStore(recovery).left_behind()
    assert copy.design is not None and copy.design.title == "Typed today"
