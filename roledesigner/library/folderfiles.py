"""Find and read the files of one library folder without leaving it or waiting on it.

Library folders are often shared network drives that a whole team can write to, so what is in
them is not trusted. The rules, held here for every read:

- Only ordinary files are read. A named pipe, a device, a socket or a folder where a file should
  be is refused from its status, before it is opened, and the file is opened non-blocking and
  checked again once open, so one swapped in meanwhile cannot make the app wait for ever.
- Nothing over `MAX_BYTES` is read: the size is checked before reading and the read itself stops
  one byte past the cap, so a file that lies about its size (or grows) is refused too.
- Links are followed only while they stay inside the library folder. A link (or a junction on
  Windows) that leads outside it is refused unread, and the warning names the link, never what is
  in its target. Links within the folder are followed, so a team may keep one file in two places.
  On Linux and macOS the system is asked where the opened file really is, so a folder swapped for
  a link between the checks and the open is caught too; on Windows, which cannot be asked, every
  path is resolved and checked just before it is opened, and the file opened must be the one
  checked (same file number), which leaves only a swap of a folder in that instant unseen.
- Every `OSError` (permission denied, a file another program holds open on Windows, a share that
  went away) becomes a plain reason, so the caller skips that one file or folder.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]

#: Real entries are a few kilobytes; the largest bundled file is about 5 KB.
MAX_BYTES = 1024 * 1024
_CHUNK = 64 * 1024
#: Opened for reading only, never waiting on a pipe, never following a final link, never
#: inherited by a child process; the flags a system lacks (Windows has no O_NONBLOCK) are 0.
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_BINARY", 0)
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
)
EXTENSIONS = (".yaml", ".yml")
_LOOP = "is a loop of links, so it was not followed"
_WINDOWS_CANNOT_RESOLVE = 1921  # ERROR_CANT_RESOLVE_FILENAME


class UnreadableFile(Exception):
    """A file or folder that is not read; str() is a phrase such as 'is a named pipe, not a file'."""


def reason(error: OSError) -> str:
    """An operating system error in a few plain words, on Linux, macOS and Windows alike."""
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, FileNotFoundError):
        return "it is no longer there"
    text = (error.strerror or type(error).__name__).strip().rstrip(".")
    return text[:1].lower() + text[1:]


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "is a named pipe, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "is a device, not a file"
    if stat.S_ISSOCK(mode):
        return "is a socket, not a file"
    return "is not an ordinary file"


def _resolved(path: Path, root: Path) -> Path:
    """`path` with every link resolved, if it stays inside `root`; else UnreadableFile."""
    try:
        real = path.resolve(strict=True)
    except FileNotFoundError as error:
        if _is_link(path):
            raise UnreadableFile("is a link that leads nowhere, so it was not followed") from error
        raise UnreadableFile(f"cannot be read ({reason(error)})") from error
    except RuntimeError as error:  # Python 3.11 and 3.12 raise this for a loop of links
        raise UnreadableFile(_LOOP) from error
    except OSError as error:  # Python 3.13 raises ELOOP; Windows "the name cannot be resolved"
        if error.errno == errno.ELOOP or getattr(error, "winerror", None) == _WINDOWS_CANNOT_RESOLVE:
            raise UnreadableFile(_LOOP) from error
        raise UnreadableFile(f"cannot be read ({reason(error)})") from error
    if not _within(real, root):
        raise UnreadableFile("is a link to a place outside the library folder, so it was not followed")
    return real


def _is_link(path: Path) -> bool:
    try:
        return stat.S_ISLNK(os.stat(path, follow_symlinks=False).st_mode)  # noqa: PTH116 - the entry itself
    except (OSError, ValueError):
        return False


def _within(real: Path, root: Path) -> bool:
    if _starts(real, root):  # `root` given resolved: no need to resolve it for every file
        return True
    try:
        return _starts(real, root.resolve(strict=True))
    except (OSError, RuntimeError) as error:
        raise UnreadableFile("cannot be read, because its library folder cannot be opened") from error


def _starts(path: Path, folder: Path) -> bool:
    """`path.is_relative_to(folder)` for resolved paths, as plain text: it runs for every file."""
    text, prefix = os.path.normcase(path), os.path.normcase(folder)
    return text == prefix or text.startswith(prefix.rstrip(os.sep) + os.sep)


#: Where Linux tells which file each open descriptor is (absent on macOS and Windows).
_PROC_FDS = "/proc/self/fd" if os.path.isdir("/proc/self/fd") else ""  # noqa: PTH112 - once, at import
#: Whether this system can say where an open file is (Linux through /proc, macOS through fcntl).
_CAN_LOCATE = bool(_PROC_FDS) or hasattr(fcntl, "F_GETPATH")


def _opened_path(descriptor: int) -> Path | None:
    """Where the file open on `descriptor` really is, as the system tells it (Linux and macOS);
    None where it cannot say (Windows), and the checks made before opening stand alone."""
    try:
        if _PROC_FDS:
            return Path(os.readlink(f"{_PROC_FDS}/{descriptor}"))  # noqa: PTH115 - a descriptor's entry, read often
        if fcntl is not None and hasattr(fcntl, "F_GETPATH"):
            raw = fcntl.fcntl(descriptor, fcntl.F_GETPATH, bytes(1024))
            return Path(os.fsdecode(raw.rstrip(b"\0")))
    except OSError:
        return None
    return None


def read_bytes(path: Path, root: Path) -> bytes:
    """The whole content of one ordinary file inside `root`, at most MAX_BYTES; else UnreadableFile.

    Where the system can say where an open file is (Linux, macOS), a file that is not a link is
    opened straight away and its place checked once open, which also catches a folder swapped
    meanwhile; elsewhere (Windows) every path is resolved and checked before it is opened.
    """
    status = _status(path)
    target = path
    if stat.S_ISLNK(status.st_mode) or not _CAN_LOCATE:
        target = _resolved(path, root)
        status = _status(target)
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile(f"{_kind(status.st_mode)}; only ordinary files are read")
    if status.st_size > MAX_BYTES:
        raise UnreadableFile(_too_large(status.st_size))
    try:
        descriptor = os.open(target, _OPEN_FLAGS)
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({reason(error)})") from error
    try:
        opened = os.fstat(descriptor)
        where = _opened_path(descriptor)
        if where is None and target is path:  # the system could not say after all: check the old way
            where = _resolved(path, root)
        if (
            not stat.S_ISREG(opened.st_mode)
            or not _same(opened, status)
            or (where is not None and not _within(where, root))
        ):  # a file or folder swapped for another (or for a link) between the checks and the open
            raise UnreadableFile("changed while it was being opened, so it was not read; try again")
        data = _read_capped(descriptor, status.st_size)
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({reason(error)})") from error
    finally:
        os.close(descriptor)
    if len(data) > MAX_BYTES:
        raise UnreadableFile(_too_large(len(data)))
    return data


def _status(path: Path) -> os.stat_result:
    try:
        return os.stat(path, follow_symlinks=False)  # noqa: PTH116 - the entry itself, link or not
    except OSError as error:
        raise UnreadableFile(f"cannot be read ({reason(error)})") from error
    except ValueError as error:  # a NUL character in the name
        raise UnreadableFile("cannot be read (its name is not one a file can have)") from error


def _read_capped(descriptor: int, size: int) -> bytes:
    """At most MAX_BYTES + 1 bytes: the size reported first (one read for an ordinary file), then
    on in chunks in case the file is longer than it said."""
    wanted = min(size, MAX_BYTES) + 1
    first = os.read(descriptor, wanted)
    if len(first) < wanted:
        return first
    chunks, total = [first], len(first)
    while total <= MAX_BYTES:
        chunk = os.read(descriptor, _CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def _same(opened: os.stat_result, checked: os.stat_result) -> bool:
    """Whether the open file is the one checked (some network file systems give no file number: 0)."""
    if not opened.st_ino or not checked.st_ino:
        return True
    return (opened.st_dev, opened.st_ino) == (checked.st_dev, checked.st_ino)


def _too_large(size: int) -> str:
    return f"is larger than 1 MB ({_size(size)}), far larger than any library entry, so it was not read"


def _size(size: int) -> str:
    """ "1,465 KB", "25.0 MB", "10.0 GB": never "1.0 MB" for a size just over the 1 MB cap."""
    if size < 10 * 1024**2:
        return f"{round(size / 1024):,} KB"
    if size < 10 * 1024**3:
        return f"{size / 1024**2:,.1f} MB"
    return f"{size / 1024**3:,.1f} GB"


def list_yaml(directory: Path, root: Path) -> list[Path]:
    """The YAML files in `directory` (not its subfolders), sorted by name; hidden files are left out.

    Raises UnreadableFile when `directory` leads out of `root` or cannot be listed. The files are
    only named here: `read_bytes` checks each one as it reads it.
    """
    _resolved(directory, root)
    try:
        with os.scandir(directory) as entries:
            names = sorted(entry.name for entry in entries)
    except OSError as error:
        raise UnreadableFile(f"cannot be opened ({reason(error)})") from error
    return [directory / name for name in names if not name.startswith(".") and name.lower().endswith(EXTENSIONS)]


def present(path: Path) -> bool:
    """Whether anything (a file, a folder, a link, even a broken one) is at `path`.

    Only a plain "not there" is False: a path that cannot be checked (permission denied) is
    present, so reading it reports why it cannot be read instead of passing over it silently.
    """
    try:
        os.stat(path, follow_symlinks=False)  # noqa: PTH116 - the entry itself, link or not
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, ValueError):
        return True
    return True


def folder_state(path: Path) -> str:
    """ "folder", "missing", or a phrase saying why the library folder cannot be used."""
    try:
        status = os.stat(path)  # noqa: PTH116 - follows a link: the folder itself may be one
    except (FileNotFoundError, NotADirectoryError):
        return "missing"
    except OSError as error:
        return f"cannot be opened ({reason(error)})"
    except ValueError:  # a path holding a NUL character
        return "is not a path that can be opened"
    if not stat.S_ISDIR(status.st_mode):
        return "is not a folder"
    try:  # a locked share can be seen but not listed: say so once, not once for each file
        with os.scandir(path):
            pass
    except OSError as error:
        return f"cannot be opened ({reason(error)})"
    return "folder"
