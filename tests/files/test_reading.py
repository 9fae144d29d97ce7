"""Reading a file someone else put there: only ordinary files, never more than a cap, never waiting.

Designs, settings, recovery copies and logos all come through `read_regular`, so what it
refuses here (devices, pipes, folders, endless files, locked folders) none of them can be made
to read. The tests run as root, so a locked folder is simulated by making the system calls
refuse, as the operating system would for a user who may not search the folder.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from roledesigner.files.reading import CHUNK, FileTooLarge, UnreadableFile, read_regular, read_start

needs_devices = pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero on this platform")
needs_fifos = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes as Linux and macOS make them")


def test_an_ordinary_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * (3 * CHUNK + 5))
    assert read_regular(path, limit=4 * CHUNK) == b"x" * (3 * CHUNK + 5)


def test_line_ends_are_not_translated(tmp_path: Path) -> None:
    """On Windows a descriptor opened without O_BINARY turns CR LF into LF; the bytes must be the file's."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(b"a\r\nb\r\n")
    assert read_regular(path, limit=100) == b"a\r\nb\r\n"


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 101)
    with pytest.raises(FileTooLarge) as caught:
        read_regular(path, limit=100)
    assert caught.value.size == 101
    read_regular(path, limit=101)


@needs_devices
def test_dev_zero_is_refused_not_read_for_ever() -> None:
    """/dev/zero reports a size of 0 and never ends: the size alone must not be trusted."""
    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_regular(Path("/dev/zero"), limit=1024)


@needs_devices
def test_a_link_to_dev_zero_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "design.roledesign"
    link.symlink_to("/dev/zero")
    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_regular(link, limit=1024)
    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_start(link, 8, limit=1024)


@needs_fifos
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.roledesign"
    os.mkfifo(pipe)
    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_regular(pipe, limit=1024)
    with pytest.raises(UnreadableFile, match="not an ordinary file"):
        read_start(pipe, 8, limit=1024)


def test_a_file_that_grows_past_its_size_is_still_capped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Files under /proc report a size of 0 and still hold data: the cap counts bytes read."""
    path = tmp_path / "grows.txt"
    path.write_bytes(b"y" * 500)
    real_fstat = os.fstat

    def reports_nothing(descriptor: int) -> os.stat_result:
        status = real_fstat(descriptor)
        return os.stat_result((status.st_mode, *status[1:6], 0, *status[7:]))

    monkeypatch.setattr(os, "fstat", reports_nothing)
    with pytest.raises(FileTooLarge):
        read_regular(path, limit=100)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="it is a folder"):
        read_regular(tmp_path, limit=100)


def test_a_missing_file_is_said(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="does not exist"):
        read_regular(tmp_path / "gone.txt", limit=100)


def test_a_locked_folder_is_a_reason_not_a_crash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Root can open anything, so the refusal a user gets from a folder they may not search is simulated."""
    locked = tmp_path / "locked"
    locked.mkdir()
    path = locked / "a.txt"
    path.write_text("x")

    def refuse(name: object, *_args: object, **_kwargs: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", str(name))

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(UnreadableFile, match="permission denied"):
        read_regular(path, limit=100)


def test_a_file_another_program_holds_open_on_windows_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses a file another program has locked with ERROR_SHARING_VIOLATION (32)."""
    path = tmp_path / "a.txt"
    path.write_text("x")

    def sharing_violation(name: object, *_args: object, **_kwargs: object) -> int:
        error = PermissionError(errno.EACCES, "The process cannot access the file", str(name))
        error.winerror = 32  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(os, "open", sharing_violation)
    with pytest.raises(UnreadableFile, match="another program has it open"):
        read_regular(path, limit=100)


def test_read_start_reads_only_the_start(tmp_path: Path) -> None:
    path = tmp_path / "logo.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + b"z" * 1000)
    assert read_start(path, 8, limit=2000) == b"\x89PNG\r\n\x1a\n"
    with pytest.raises(FileTooLarge):
        read_start(path, 8, limit=100)


def test_the_reason_is_a_phrase_to_put_in_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile) as caught:
        read_regular(tmp_path / "gone.txt", limit=100)
    assert caught.value.reason == "it does not exist"
    assert str(caught.value) == f"{tmp_path / 'gone.txt'} cannot be read: it does not exist."
