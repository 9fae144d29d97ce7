"""Write a file so that a crash or power cut leaves either the old file or the new one, whole."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path


def _new_file_mode() -> int:
    """The mode an ordinary new file gets (0666 less the umask); read once, as threads export too."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


#: mkstemp makes private files (0600); a saved design or document must be readable as usual,
#: by colleagues on a shared drive too.
NEW_FILE_MODE = _new_file_mode()


class WriteError(Exception):
    """A file could not be written; the message is one plain sentence naming the file."""


def _reason(error: OSError) -> str:
    if getattr(error, "winerror", None) in (32, 33):  # Windows: a sharing or lock violation
        return "another program has it open and locked; close it there and try again"
    if isinstance(error, FileNotFoundError):
        return "its folder does not exist"
    if isinstance(error, PermissionError):
        return "Role Designer is not allowed to write there (the folder or file is read-only or locked)"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    return error.strerror or str(error)


def write_atomically(path: Path, data: bytes, *, follow_links: bool = True, mode: int | None = None) -> None:
    """Write to a temporary file beside `path`, flush and fsync it, then rename it into place.

    With `follow_links` (for the user's own files), a symbolic link is followed, so the file it
    points to is replaced and the link stays a link, and anything that is not an ordinary file (a
    device, a pipe) is refused rather than replaced. Without it (for the app's side files, such
    as the `.bak`, whose names anyone with access to the folder could have taken first), whatever
    is at `path` but a folder is replaced, so nothing is ever written through a planted link.
    The new file gets `mode`, or else the permissions of the file it replaces, or else the usual ones.
    """
    given = path
    try:
        path, existing = _destination(path, follow_links)
    except OSError as error:  # a folder on the way that cannot be searched, say
        raise WriteError(f"Cannot save {given}: {_reason(error)}.") from error
    folder = path.parent
    if mode is None:
        replaced = existing is not None and stat.S_ISREG(existing.st_mode)
        mode = stat.S_IMODE(existing.st_mode) if replaced and existing is not None else NEW_FILE_MODE
    if os.name == "nt":
        mode |= stat.S_IWRITE  # Windows cannot later replace a read-only file
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, mode)
        os.replace(temporary, path)
        temporary = None
        _sync_folder(folder)
    except OSError as error:
        raise WriteError(f"Cannot save {given}: {_reason(error)}.") from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


def _destination(path: Path, follow_links: bool) -> tuple[Path, os.stat_result | None]:
    """The file to replace (the link's target if following links) and what is there now; refuses folders."""
    given = path
    if follow_links and path.is_symlink():
        try:
            path = path.resolve()
        except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links, on Python 3.11
            raise WriteError(f"Cannot save {given}: it is a link that leads nowhere (a loop of links).") from error
    if not path.parent.is_dir():
        raise WriteError(f"Cannot save {given}: the folder {path.parent} does not exist.")
    existing = _status(path, follow_links)
    if existing is not None and stat.S_ISDIR(existing.st_mode):
        raise WriteError(f"Cannot save {given}: it is a folder.")
    if follow_links and existing is not None and not stat.S_ISREG(existing.st_mode):
        raise WriteError(f"Cannot save {given}: it is not an ordinary file (a device or a pipe, for example).")
    return path, existing


def _status(path: Path, follow_links: bool) -> os.stat_result | None:
    """What is at `path` now (the link itself unless `follow_links`), or None if nothing is."""
    try:
        return path.stat() if follow_links else path.lstat()
    except OSError:
        return None


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable where the platform allows it (not on Windows)."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
