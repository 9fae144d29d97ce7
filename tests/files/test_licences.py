"""Third-party licences: every package the app needs at run time is listed with its licence and its
text, the LGPL ones are flagged with the offer their licence asks for, and a bundle reads its own list.

The texts come from the installed packages here, as they do when the bundle is built.
"""

from __future__ import annotations

import json
import subprocess
import sys
from email.message import Message
from importlib.metadata import PackageMetadata
from pathlib import Path
from typing import cast

import pytest

from roledesigner.files import licences
from roledesigner.files.licences import Dependency, LicenceError, LicenceText

ROOT = Path(__file__).resolve().parents[2]
STANDARD_TEXTS = ROOT / "packaging" / "licences"
#: Known facts about today's dependencies, checked against what the module finds by itself.
LGPL = {"pyside6-essentials", "shiboken6", "docxtpl"}
TEST_ONLY = {"pytest", "hypothesis", "pyinstaller", "docx2python", "textstat", "mypy", "ruff", "pytest-qt"}

#: Imports every module of the package in a fresh interpreter and prints the top-level modules that
#: came from outside the standard library: what the app imports, whatever pyproject.toml says.
#: Modules the interpreter loaded before (the virtual environment's own start-up files) do not count.
_IMPORTED = """
import sys
before = set(sys.modules)
import importlib, json, pkgutil
import roledesigner
for module in pkgutil.walk_packages(roledesigner.__path__, "roledesigner."):
    importlib.import_module(module.name)
tops = {name.split(".")[0] for name in set(sys.modules) - before}
print(json.dumps(sorted(tops - set(sys.stdlib_module_names) - {"roledesigner", "__main__"})))
"""


@pytest.fixture(scope="module")
def installed() -> list[Dependency]:
    return licences.installed_dependencies()


def test_every_distribution_the_app_imports_is_listed() -> None:
    result = subprocess.run([sys.executable, "-c", _IMPORTED], capture_output=True, text=True, check=True, cwd=ROOT)
    imported = licences.distributions_providing(json.loads(result.stdout))
    listed = {licences.canonical(name) for name in licences.runtime_distributions()}
    assert {licences.canonical(name) for name in imported} - listed == set()
    assert {"pyside6-essentials", "python-docx", "docxtpl", "pydantic", "pyyaml", "jinja2"} <= listed


def test_optional_extras_are_not_run_time_dependencies() -> None:
    listed = {licences.canonical(name) for name in licences.runtime_distributions()}
    assert listed & TEST_ONLY == set()
    assert "roledesigner" not in listed


def test_each_dependency_has_a_licence_name_and_its_text(installed: list[Dependency]) -> None:
    assert installed[0].name == licences.PYTHON
    for dependency in installed:
        assert dependency.version, dependency
        assert dependency.licence and dependency.licence != "see the licence text", dependency
        assert dependency.source.startswith("https://"), dependency
        texts = licences.find_texts(dependency, STANDARD_TEXTS)
        assert texts, f"no licence text for {dependency.name}"
        joined = " ".join(text.text for text in texts).lower()
        assert "copyright" in joined or "license" in joined, dependency.name


def test_the_lgpl_libraries_are_flagged_and_carry_the_lgpl_text(installed: list[Dependency]) -> None:
    flagged = {licences.canonical(d.name) for d in installed if d.lgpl}
    assert flagged == LGPL
    for dependency in installed:
        texts = " ".join(text.text for text in licences.find_texts(dependency, STANDARD_TEXTS))
        assert ("GNU LESSER GENERAL PUBLIC LICENSE" in texts) == dependency.lgpl, dependency.name
    pyside = next(d for d in installed if licences.canonical(d.name) == "pyside6-essentials")
    origins = [text.origin for text in licences.find_texts(pyside, STANDARD_TEXTS)]
    assert origins == ["standard text, LGPL-3.0", "standard text, GPL-3.0"]  # LGPL 3 is read with the GPL 3


def test_the_offer_names_each_lgpl_library_its_source_and_how_to_replace_it(installed: list[Dependency]) -> None:
    text = " ".join(licences.offer(installed))
    for dependency in installed:
        named = f"{dependency.name} {dependency.version}" in text
        assert named == dependency.lgpl, dependency.name
        if dependency.lgpl:
            assert dependency.source in text
    assert "https://download.qt.io/" in text  # the Qt libraries inside PySide6
    assert "delivered as a folder" in text
    assert "in place of the files of the same name" in text
    assert "/opt/Role Designer/licences" in licences.texts_location(Path("/opt/Role Designer/licences"))
    assert licences.offer([d for d in installed if not d.lgpl]) == []


def test_the_licence_folder_is_read_back_as_written(tmp_path: Path, installed: list[Dependency]) -> None:
    folder = tmp_path / "licences"
    entries = [(d, licences.find_texts(d, STANDARD_TEXTS)) for d in installed]
    licences.write_folder(folder, entries)
    assert licences.read_index(folder) == installed
    for dependency, texts in entries:
        written = (folder / dependency.file_name).read_text(encoding="utf-8")
        assert written.startswith(f"{dependency.name} {dependency.version}\nLicence: {dependency.licence}")
        assert all(text.text.strip() in written for text in texts)
    readme = (folder / "README.txt").read_text(encoding="utf-8")
    assert all(dependency.file_name in readme for dependency in installed)
    assert "GNU Lesser General Public License" in readme


def test_a_package_with_no_licence_text_stops_the_build(tmp_path: Path) -> None:
    found = Dependency("mystery", "1.0", "MIT", "https://example.org/mystery")
    known = Dependency("known", "2.0", "MIT", "https://example.org/known")
    with pytest.raises(LicenceError, match="No licence text found for mystery;"):
        licences.write_folder(tmp_path / "licences", [(known, [LicenceText("LICENSE", "MIT text")]), (found, [])])
    assert not (tmp_path / "licences").exists()


def test_the_index_keeps_one_row_per_package_whatever_its_metadata_says(tmp_path: Path) -> None:
    odd = Dependency("odd", "1.0", "MIT\tor\nBSD", "https://example.org/odd")
    licences.write_folder(tmp_path, [(odd, [LicenceText("LICENSE", "text")])])
    assert licences.read_index(tmp_path) == [Dependency("odd", "1.0", "MIT or BSD", "https://example.org/odd")]


@pytest.mark.parametrize(
    ("program", "folder"),
    [
        ("RoleDesigner/RoleDesigner", "RoleDesigner/licences"),  # Windows and Linux: the top of the folder
        ("Role Designer.app/Contents/MacOS/RoleDesigner", "Role Designer.app/Contents/Resources/licences"),
    ],
)
def test_a_bundle_lists_what_its_licence_folder_lists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, program: str, folder: str
) -> None:
    bundled = Dependency("only-in-the-bundle", "9.9", "LGPL-3.0-only", "https://example.org/b")
    licences.write_folder(tmp_path / folder, [(bundled, [LicenceText("LICENSE", "text")])])
    (tmp_path / program).parent.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / program))
    assert licences.bundled_folder() == (tmp_path / folder).resolve()
    assert licences.dependencies() == [bundled]


def test_from_source_the_list_comes_from_the_installed_packages(installed: list[Dependency]) -> None:
    assert not getattr(sys, "frozen", False)
    assert licences.bundled_folder() is None
    assert licences.dependencies() == installed


def _metadata(**fields: str | list[str]) -> Message:
    meta = Message()
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            meta[key.replace("_", "-")] = item
    return meta


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"License_Expression": "MIT", "License": "BSD", "Classifier": "License :: OSI Approved :: ISC"}, "MIT"),
        ({"License": "LGPL-2.1-only"}, "LGPL-2.1-only"),
        (
            {
                "License": "Copyright (c) someone\n\nPermission is hereby granted ...",
                "Classifier": "License :: X :: BSD License",
            },
            "BSD License",
        ),
        ({"License": "UNKNOWN"}, "see the licence text"),
        ({}, "see the licence text"),
    ],
)
def test_the_licence_name_is_the_short_one_the_metadata_gives(fields: dict[str, str], expected: str) -> None:
    assert licences._licence_name(cast(PackageMetadata, _metadata(**fields))) == expected
