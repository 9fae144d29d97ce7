"""A home folder whose settings and data folders cannot be created."""

from __future__ import annotations

from pathlib import Path

import pytest


def block_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    blocker = tmp_path / "home is a file"
    blocker.write_text("")
    monkeypatch.setenv("ROLEDESIGNER_CONFIG_DIR", str(blocker / "config"))
    monkeypatch.setenv("ROLEDESIGNER_DATA_DIR", str(blocker / "data"))
    return blocker / "config", blocker / "data"
