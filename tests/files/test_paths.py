"""The one resource locator finds the data in a checkout, a wheel and a PyInstaller bundle."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from roledesigner.files import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def fresh_cache() -> None:
    paths.resource_dir.cache_clear()


def test_a_checkout_finds_the_top_level_folders() -> None:
    assert paths.library_dir() == ROOT / "role_library"
    assert paths.templates_dir() == ROOT / "templates"


def test_a_bundle_is_looked_in_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "role_library").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.library_dir() == tmp_path / "role_library"


def test_a_missing_folder_says_where_it_looked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(paths, "candidate_roots", lambda: [tmp_path])
    with pytest.raises(paths.ResourceMissing, match=r"role_library folder is missing .*reinstall"):
        paths.library_dir()


@pytest.mark.slow
def test_the_wheel_carries_the_data_where_the_locator_looks(tmp_path: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("roledesigner-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "roledesigner/_data/role_library/frameworks.yaml",
        "roledesigner/_data/role_library/glossary.yaml",
        "roledesigner/_data/role_library/roles/ics_executive_lead.yaml",
        "roledesigner/files/paths.py",
    }
    assert expected <= names
    # The locator, run from the unpacked wheel alone, finds the data beside the package.
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    code = "from roledesigner.files import paths; print(paths.library_dir())"
    found = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": str(unpacked)},
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(found.stdout.strip()) == unpacked / "roledesigner" / "_data" / "role_library"
