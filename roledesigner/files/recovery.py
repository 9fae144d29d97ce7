"""Recovery copies: what the app writes while a design has unsaved changes, and offers after a crash.

Each running window has its own copy in the per-user data folder, written atomically. A copy is
removed when its design is saved or its changes discarded, so any copy found at start-up was
left by a crash or a power cut.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from roledesigner.domain.models import SCHEMA_VERSION, RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.designfile import MAX_BYTES, DesignFileError, design_from_data
from roledesigner.files.jsontext import JsonLimit, load_json
from roledesigner.files.locations import data_dir
from roledesigner.files.reading import UnreadableFile, read_regular

SUFFIX = ".recovery.json"
#: Added to a copy that cannot be used, so it is kept but not offered again.
SET_ASIDE_SUFFIX = ".damaged"


class RecoveryUnavailable(Exception):
    """The recovery folder cannot be written; str() is one plain sentence."""


@dataclass(frozen=True)
class RecoveryCopy:
    path: Path
    saved_at: dt.datetime | None
    original: Path | None
    design: RoleDesign | None
    problem: str = ""

    @property
    def name(self) -> str:
        if self.original is not None:
            return self.original.name
        title = self.design.title.strip() if self.design else ""
        return title or "an unsaved design"


def recovery_dir() -> Path:
    return data_dir() / "recovery"


class RecoveryStore:
    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder or recovery_dir()
        self.session = uuid.uuid4().hex

    def _own(self) -> Path:
        return self.folder / f"{self.session}{SUFFIX}"

    def write(self, design: RoleDesign, original: Path | None, now: dt.datetime | None = None) -> Path:
        payload = {
            "saved_at": (now or dt.datetime.now()).isoformat(timespec="seconds"),
            "original": str(original) if original else None,
            "design": design.model_dump(mode="json"),
        }
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise RecoveryUnavailable(
                f"Autosave is off: the recovery folder {self.folder} cannot be created ({error.strerror or error})."
            ) from error
        try:
            write_atomically(self._own(), json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        except WriteError as error:
            raise RecoveryUnavailable(f"Autosave is off: {error}") from error
        return self._own()

    def clear(self) -> None:
        """This window's design was saved or its changes discarded: nothing to recover."""
        with contextlib.suppress(OSError):  # an unusable folder holds no copy to remove
            self._own().unlink(missing_ok=True)

    def left_behind(self) -> list[RecoveryCopy]:
        """Copies from earlier runs (not this one), newest first; one that cannot be offered carries a problem.

        A copy that cannot be used is kept aside (renamed with SET_ASIDE_SUFFIX) so it is reported
        once, and is never deleted; a copy from a newer Role Designer stays for that version to offer.
        """
        try:
            found = [path for path in self.folder.glob(f"*{SUFFIX}") if path != self._own()]
        except OSError:  # a folder that cannot be listed holds nothing this run can offer
            return []
        copies = [_read_or_set_aside(path) for path in sorted(found)]
        return sorted(copies, key=lambda c: c.saved_at or dt.datetime.min, reverse=True)

    @staticmethod
    def discard(copy: RecoveryCopy) -> None:
        """Remove a copy the user restored or chose to discard; one that could not be offered is never removed."""
        if copy.design is None:
            return
        with contextlib.suppress(OSError):
            copy.path.unlink(missing_ok=True)


def _read_or_set_aside(path: Path) -> RecoveryCopy:
    try:
        return _read(path)
    except _Newer as error:
        return RecoveryCopy(path, None, None, None, f"{error} It is kept for that version to offer.")
    except (UnreadableFile, JsonLimit, DesignFileError, _Damaged) as error:
        reason = str(error)
    except Exception as error:  # noqa: BLE001 - one copy, however odd, must never stop the others being offered
        reason = f"The recovery copy {path} could not be read ({type(error).__name__})."
    kept = _set_aside(path)
    if kept is None:
        return RecoveryCopy(path, None, None, None, f"{reason} It was left where it is.")
    return RecoveryCopy(kept, None, None, None, f"{reason} It was kept aside as {kept.name}; nothing was deleted.")


def _set_aside(path: Path) -> Path | None:
    """Rename a copy that cannot be used so it is not offered again; never replace one kept earlier."""
    for number in range(1, 100):
        kept = path.with_name(
            f"{path.name}{SET_ASIDE_SUFFIX}" if number == 1 else f"{path.name}.{number}{SET_ASIDE_SUFFIX}"
        )
        try:
            if kept.exists() or kept.is_symlink():
                continue
            path.rename(kept)
        except OSError:
            return None
        return kept
    return None


class _Damaged(Exception):
    """A copy that is JSON but not laid out as a recovery copy; str() is one sentence."""


class _Newer(Exception):
    """A copy written by a newer Role Designer; str() is one sentence."""


def _read(path: Path) -> RecoveryCopy:
    try:
        text = read_regular(path, MAX_BYTES).decode("utf-8")
        data: Any = load_json(text)
    except UnicodeDecodeError as error:
        raise _Damaged(f"The recovery copy {path} could not be read (it is damaged: it is not text).") from error
    except json.JSONDecodeError as error:
        raise _Damaged(f"The recovery copy {path} could not be read (it is damaged: it is not valid JSON).") from error
    except JsonLimit as error:
        raise _Damaged(f"The recovery copy {path} could not be read (it is damaged: {error}).") from error
    if not isinstance(data, dict) or not isinstance(data.get("design"), dict):
        raise _Damaged(f"The recovery copy {path} could not be read (it is damaged: it holds no design).")
    version = data["design"].get("schema_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > SCHEMA_VERSION:
        raise _Newer(
            f"The recovery copy {path} was written by a newer version of Role Designer (file format {version}; "
            f"this version reads up to format {SCHEMA_VERSION})."
        )
    design = design_from_data(data["design"], path)
    return RecoveryCopy(path, _time(data.get("saved_at")), _original(data.get("original")), design)


def _time(value: Any) -> dt.datetime | None:
    """When the copy was written, as local time without a zone (so copies sort); None if unreadable."""
    if not isinstance(value, str):
        return None
    try:
        saved_at = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    if saved_at.tzinfo is not None:
        saved_at = saved_at.astimezone().replace(tzinfo=None)
    return saved_at


def _original(value: Any) -> Path | None:
    """The file the design came from, if the copy names one that can be a path."""
    if not isinstance(value, str) or not value or "\x00" in value:
        return None
    return Path(value)
