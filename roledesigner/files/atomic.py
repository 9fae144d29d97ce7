"""Write a file so that a crash or power cut leaves either the old file or the new one, whole."""

from __future__ import annotations

import contextlib
import os
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
    if isinstance(error, FileNotFoundError):
        return "its folder does not exist"
    if isinstance(error, PermissionError):
        return "Role Designer is not allowed to write there (the folder or file is read-only or locked)"
    if isinstance(error, IsADirectoryError):
        return "it is a folder"
    return error.strerror or str(error)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, flush and fsync it, then rename it into place.

    A symbolic link is followed, so the file it points to is replaced and the link stays a link.
    Anything that is not an ordinary file (a device, a pipe) is refused rather than replaced.
    """
    given = path
    if path.is_symlink():
        try:
            path = path.resolve()
        except (OSError, RuntimeError) as error:  # RuntimeError: a loop of links, on Python 3.11
            raise WriteError(f"Cannot save {given}: it is a link that leads nowhere (a loop of links).") from error
    folder = path.parent
    if not folder.is_dir():
        raise WriteError(f"Cannot save {given}: the folder {folder} does not exist.")
    if path.is_dir():
        raise WriteError(f"Cannot save {given}: it is a folder.")
    if path.exists() and not path.is_file():
        raise WriteError(f"Cannot save {given}: it is not an ordinary file (a device or a pipe, for example).")
    temporary: str | None = None
    try:
        handle, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(OSError):
            os.chmod(temporary, path.stat().st_mode & 0o777 if path.exists() else NEW_FILE_MODE)
        os.replace(temporary, path)
        temporary = None
        _sync_folder(folder)
    except OSError as error:
        raise WriteError(f"Cannot save {given}: {_reason(error)}.") from error
    finally:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)


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
