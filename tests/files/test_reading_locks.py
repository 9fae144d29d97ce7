"""A file another program holds open and locked on Windows: error 32 (a sharing violation) or 33
(a lock violation). Python reports either as a PermissionError carrying `winerror`; the sentence
must say what to do (close it there), not "permission denied". Simulated here, since Linux and
macOS have no such locks: the error is made as Windows makes it."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from roledesigner.files.reading import UnreadableFile, os_reason, read_regular

LOCKED = "another program has it open and locked; close it there and try again"


def windows_error(winerror: int) -> PermissionError:
    """A PermissionError as Windows raises it: errno EACCES, with the Windows error number beside it."""
    error = PermissionError(errno.EACCES, "The process cannot access the file because it is being used")
    error.winerror = winerror  # type: ignore[attr-defined]  # set by CPython on Windows only
    return error


@pytest.mark.parametrize("winerror", [32, 33])
def test_a_windows_lock_is_named_as_a_lock(winerror: int) -> None:
    assert os_reason(windows_error(winerror)) == LOCKED


def test_another_windows_error_is_not_called_a_lock() -> None:
    assert os_reason(windows_error(5)) == "permission denied"  # access denied: not a lock


def test_reading_a_locked_file_says_to_close_it_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "description.docx"
    path.write_bytes(b"PK")

    def locked(*_args: object, **_kwargs: object) -> int:
        raise windows_error(32)

    monkeypatch.setattr(os, "open", locked)
    with pytest.raises(UnreadableFile) as refused:
        read_regular(path, limit=1024)
    assert str(refused.value) == f"{path} cannot be read: {LOCKED}."
