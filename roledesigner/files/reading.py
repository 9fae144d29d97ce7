"""Reading a file that someone else put there: only ordinary files, never more than a cap, never waiting.

Designs, settings, recovery copies and logos come from shared drives. A name there can lead to
a device that never ends (`/dev/zero` reports a size of 0), a named pipe that waits for ever
for a writer, or a folder the user may not search. So the file is opened without waiting
(O_NONBLOCK where the platform has it), the opened descriptor itself is checked to be an
ordinary file (a link is followed, then what it leads to is checked), and at most `limit + 1`
bytes are read in chunks, whatever size the file reports.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from roledesigner.domain.errors import InputError

#: Bytes read at a time.
CHUNK = 64 * 1024
#: O_BINARY keeps Windows from turning CR LF into LF; O_NONBLOCK keeps a named pipe from waiting
#: for a writer; O_NOCTTY keeps a terminal device from becoming ours. Each is 0 where it does not exist.
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
#: Windows: ERROR_SHARING_VIOLATION and ERROR_LOCK_VIOLATION, another program holding the file.
_WINDOWS_LOCKED = (32, 33)


class UnreadableFile(InputError):
    """A file could not be read; `reason` is a phrase ("it is a folder") for the caller's own sentence."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path} cannot be read: {reason}.")
        self.path = path
        self.reason = reason


class FileTooLarge(UnreadableFile):
    """The file holds more than the caller's limit; `size` is its size, or at least that many bytes."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(path, f"it is larger than the {_amount(limit)} allowed")
        self.size = size
        self.limit = limit


def _amount(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.0f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"


def os_reason(error: OSError) -> str:
    """Why the system refused, as a phrase that follows "cannot be read: "."""
    if getattr(error, "winerror", None) in _WINDOWS_LOCKED:
        return "another program has it open and locked; close it there and try again"
    if isinstance(error, FileNotFoundError):
        return "it does not exist"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    if isinstance(error, NotADirectoryError):
        return "a part of its path is a file, not a folder"
    if error.errno == errno.ELOOP:
        return "it is a link that leads nowhere (a loop of links)"
    if error.errno == errno.ENAMETOOLONG:
        return "its name is too long"
    if error.errno == errno.ENXIO:
        return "it is not an ordinary file (a device, a pipe or a socket, for example)"
    return (error.strerror or str(error)).lower()


def _open(path: Path) -> tuple[int, int]:
    """A descriptor for the ordinary file at `path` and the size it reports; never waits."""
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except ValueError as error:  # an embedded NUL character
        raise UnreadableFile(path, "its name holds a character that is not allowed in file names") from error
    except PermissionError as error:
        if os.path.isdir(path):  # noqa: PTH112 - never raises, unlike Path.is_dir; Windows refuses to open a folder
            raise UnreadableFile(path, "it is a folder") from error
        raise UnreadableFile(path, os_reason(error)) from error
    except OSError as error:
        raise UnreadableFile(path, os_reason(error)) from error
    try:
        status = os.fstat(descriptor)
        if getattr(os, "O_NONBLOCK", 0) and stat.S_ISREG(status.st_mode):
            os.set_blocking(descriptor, True)  # an ordinary file: reads are plain again
    except OSError as error:
        os.close(descriptor)
        raise UnreadableFile(path, os_reason(error)) from error
    if stat.S_ISREG(status.st_mode):
        return descriptor, status.st_size
    os.close(descriptor)
    if stat.S_ISDIR(status.st_mode):
        raise UnreadableFile(path, "it is a folder")
    raise UnreadableFile(path, "it is not an ordinary file (a device, a pipe or a socket, for example)")


def _read_upto(path: Path, descriptor: int, count: int) -> bytes:
    data = bytearray()
    try:
        while len(data) < count:
            chunk = os.read(descriptor, min(CHUNK, count - len(data)))
            if not chunk:
                break
            data += chunk
    except OSError as error:
        raise UnreadableFile(path, os_reason(error)) from error
    return bytes(data)


def read_regular(path: Path, limit: int) -> bytes:
    """The whole of the ordinary file at `path`, or FileTooLarge if it holds more than `limit` bytes.

    The size the file reports is used only to refuse early: the bytes actually read are counted
    too, as some files report less than they hold.
    """
    descriptor, size = _open(path)
    try:
        if size > limit:
            raise FileTooLarge(path, size, limit)
        data = _read_upto(path, descriptor, limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:
        raise FileTooLarge(path, len(data), limit)
    return data


def read_start(path: Path, count: int, limit: int) -> bytes:
    """The first `count` bytes of the ordinary file at `path`, if it is at most `limit` bytes."""
    descriptor, size = _open(path)
    try:
        if size > limit:
            raise FileTooLarge(path, size, limit)
        return _read_upto(path, descriptor, count)
    finally:
        os.close(descriptor)
