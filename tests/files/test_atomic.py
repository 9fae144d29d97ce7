"""Atomic writes where the system refuses: a folder that cannot be searched, a file held open on Windows."""

from __future__ import annotations

import errno
import os
from pathlib import Path
from typing import Any

import pytest

from roledesigner.domain.models import RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.designfile import DesignFileError, save_design


def test_a_folder_that_cannot_be_searched_is_a_sentence_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Path.is_symlink() raised PermissionError before any write (simulated: the tests run as root)."""
    folder = tmp_path / "locked"
    folder.mkdir()
    real_lstat, real_stat = os.lstat, os.stat

    def refuse(real: Any) -> Any:
        def look(name: Any, *args: Any, **kwargs: Any) -> os.stat_result:
            if Path(name).parent == folder:
                raise PermissionError(errno.EACCES, "Permission denied", str(name))
            return real(name, *args, **kwargs)  # type: ignore[no-any-return]

        return look

    monkeypatch.setattr(os, "lstat", refuse(real_lstat))
    monkeypatch.setattr(os, "stat", refuse(real_stat))
    with pytest.raises(WriteError, match=r"Cannot save .*out\.docx: Role Designer is not allowed to write there"):
        write_atomically(folder / "out.docx", b"data")


def test_a_file_another_program_holds_open_on_windows_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file that Word has open with ERROR_SHARING_VIOLATION (32)."""
    path = tmp_path / "role.roledesign"
    save_design(RoleDesign(title="First"), path)

    def held_open(*_args: object) -> None:
        error = PermissionError(errno.EACCES, "The process cannot access the file")
        error.winerror = 32  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(DesignFileError, match="another program has it open and locked; close it there"):
        save_design(RoleDesign(title="Second"), path)
    assert [p.name for p in tmp_path.iterdir()] == ["role.roledesign"], "no temporary file left behind"
