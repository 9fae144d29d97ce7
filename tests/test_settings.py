"""The settings file: environment overrides win when read and are never written into the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledesigner.settings import load_settings, save_settings, settings_path


def test_an_environment_override_is_not_saved_into_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    save_settings(
        load_settings().model_copy(update={"shared_library": tmp_path / "mine", "organisation_name": "Trust"})
    )
    monkeypatch.setenv("ROLEDESIGNER_SHARED_LIBRARY", str(tmp_path / "it-department"))
    settings = load_settings()
    assert settings.shared_library == tmp_path / "it-department"
    save_settings(settings.model_copy(update={"organisation_name": "North Shire ICB"}))
    written = json.loads(settings_path().read_text(encoding="utf-8"))
    assert written["shared_library"] == str(tmp_path / "mine")
    assert written["organisation_name"] == "North Shire ICB"
    monkeypatch.delenv("ROLEDESIGNER_SHARED_LIBRARY")
    assert load_settings().shared_library == tmp_path / "mine"
