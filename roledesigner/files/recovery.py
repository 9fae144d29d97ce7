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

from pydantic import ValidationError

from roledesigner.domain.errors import describe
from roledesigner.domain.models import RoleDesign
from roledesigner.files.atomic import WriteError, write_atomically
from roledesigner.files.settings import data_dir

SUFFIX = ".recovery.json"


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
        """Copies from earlier runs (not this one), newest first; unreadable ones carry a problem."""
        if not self.folder.is_dir():
            return []
        copies = [_read(path) for path in self.folder.glob(f"*{SUFFIX}") if path != self._own()]
        return sorted(copies, key=lambda c: c.saved_at or dt.datetime.min, reverse=True)

    @staticmethod
    def discard(copy: RecoveryCopy) -> None:
        with contextlib.suppress(OSError):
            copy.path.unlink(missing_ok=True)


def _read(path: Path) -> RecoveryCopy:
    try:
        data: Any = json.loads(path.read_text(encoding="utf-8"))
        saved_at = dt.datetime.fromisoformat(data["saved_at"])
        original = Path(data["original"]) if data.get("original") else None
        design = RoleDesign.model_validate(data["design"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as error:
        reason = describe(error) if isinstance(error, ValidationError) else "it is damaged"
        return RecoveryCopy(path, None, None, None, f"The recovery copy {path.name} could not be read ({reason}).")
    return RecoveryCopy(path, saved_at, original, design)
