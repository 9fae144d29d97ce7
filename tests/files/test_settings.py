"""The settings file: environment overrides win when read and are never written into the file."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from roledesigner.files.settings import Settings, load_settings, save_settings, settings_path


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
    """A folder on the way that cannot be searched refuses the open (simulated: the tests run as root)."""
    real_open = os.open

    def locked(name: str | os.PathLike[str], *args: Any, **kwargs: Any) -> int:
        if Path(name) == settings_path():
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", locked)
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


def _settings_file(text: str) -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    settings_path().write_text(text, encoding="utf-8")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('{"organisation_name": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than"),
        ('{"organisation_name": "Trust", "default_contracted_hours": ' + "9" * 5000 + "}", "digits long"),
    ],
    ids=["nested 100,000 deep", "a 5,000-digit number"],
)
def test_a_settings_file_beyond_bounds_means_defaults_and_a_warning(text: str, reason: str) -> None:
    """RecursionError and int()'s ValueError escaped load_settings, so every command stopped with exit 3."""
    _settings_file(text)
    warnings: list[str] = []
    assert load_settings(warnings).organisation_name == ""
    (warning,) = warnings
    assert warning.startswith(f"Settings file {settings_path()} ") and warning.endswith("; using the defaults.")
    assert reason in warning and "\n" not in warning


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes as Linux and macOS make them")
def test_a_settings_file_that_is_a_pipe_or_a_device_is_said_not_waited_on() -> None:
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(settings_path())
    warnings: list[str] = []
    assert load_settings(warnings) == Settings()
    assert warnings == [
        f"Settings file {settings_path()} could not be read (it is not an ordinary file (a device, a pipe or a "
        "socket, for example)); using the defaults."
    ]
    settings_path().unlink()
    settings_path().symlink_to("/dev/zero")
    warnings.clear()
    assert load_settings(warnings) == Settings()
    assert "not an ordinary file" in warnings[0]


def test_a_settings_file_far_too_large_is_not_read() -> None:
    _settings_file('{"organisation_name": "' + "x" * (2 * 1024 * 1024) + '"}')
    warnings: list[str] = []
    assert load_settings(warnings).organisation_name == ""
    assert "larger than the 1 MB allowed" in warnings[0]


def test_a_settings_file_holding_a_list_means_defaults_and_a_warning() -> None:
    _settings_file("[1, 2]")
    warnings: list[str] = []
    assert load_settings(warnings) == Settings()
    assert len(warnings) == 1 and "using the defaults" in warnings[0]
