"""The settings file: environment overrides win when read and are never written into the file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roledesigner.files.settings import load_settings, save_settings, settings_path


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


def test_a_settings_file_that_cannot_be_reached_means_defaults_and_a_warning(monkeypatch: pytest.MonkeyPatch) -> None:
    """Path.is_file() raises PermissionError when a folder on the way cannot be searched."""
    real_is_file = Path.is_file

    def locked(path: Path) -> bool:
        if path == settings_path():
            raise PermissionError(13, "Permission denied", str(path))
        return real_is_file(path)

    monkeypatch.setattr(Path, "is_file", locked)
    warnings: list[str] = []
    assert load_settings(warnings).organisation_name == ""
    assert warnings == [f"Settings file {settings_path()} could not be read (permission denied); using the defaults."]


def test_a_damaged_settings_file_means_defaults_and_a_plain_warning() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text('{"organisation_name": "Tru', encoding="utf-8")
    warnings: list[str] = []
    assert load_settings(warnings).organisation_name == ""
    assert warnings == [
        f"Settings file {settings_path()} is damaged (it is not readable settings text); using the defaults."
    ]
