"""Third-party software in Role Designer and its licences, for the About box and the bundle's licence folder.

The list is read from the installed distributions' metadata (importlib.metadata), starting from
Role Designer's own run-time requirements, so it follows pyproject.toml instead of a hand-kept
copy that could drift. A PyInstaller bundle carries no metadata for most packages, so the build
writes the list and every licence text into the bundle's `licences` folder (`index.tsv` for the
app, `README.txt` and one file per package for people), and the app reads that folder when it
runs from a bundle. Libraries under the GNU Lesser General Public License (LGPL) are flagged: the
licence lets the user swap them for their own builds, and `offer` says how.
"""

from __future__ import annotations

import platform
import re
import sys
import sysconfig
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

__all__ = [
    "FOLDER",
    "Dependency",
    "LicenceError",
    "LicenceText",
    "bundled_folder",
    "canonical",
    "dependencies",
    "describe",
    "distributions_providing",
    "find_texts",
    "installed_dependencies",
    "offer",
    "read_index",
    "runtime_distributions",
    "texts_location",
    "top_level_modules",
    "write_folder",
]

APP_DISTRIBUTION = "roledesigner"
FOLDER = "licences"
INDEX = "index.tsv"
README = "README.txt"
PYTHON = "Python"
_INDEX_HEADER = ("name", "version", "licence", "source", "file")

#: The standard texts the build ships for licences whose packages carry no text of their own
#: (PySide6, shiboken6 and docxtpl do not): an LGPL version 3 text is read with the GPL version 3
#: it adds to, so both go. The files are in packaging/licences/ (verbatim from the Free Software
#: Foundation).
_STANDARD_TEXTS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"LGPL-?v?3|Lesser General Public License v3", re.IGNORECASE), ("LGPL-3.0.txt", "GPL-3.0.txt")),
    (re.compile(r"LGPL-?v?2|Lesser General Public License v2", re.IGNORECASE), ("LGPL-2.1.txt",)),
)
#: A file in a package's metadata folder that holds its licence or copyright notice.
_LICENCE_FILE = re.compile(r"^(licen[cs]e|copying|notice|copyright)", re.IGNORECASE)
#: Where the source of a package is, in the order its metadata's links are tried.
_SOURCE_LABELS = ("source", "source code", "repository", "code", "homepage", "home")
#: The Qt libraries come inside PySide6; their own source is published apart from PySide6's.
_EXTRA_SOURCES = {"pyside6-essentials": "https://download.qt.io/official_releases/qt/"}


class LicenceError(Exception):
    """A package going into the bundle has no licence text the build can find (the build stops)."""


@dataclass(frozen=True)
class Dependency:
    """One piece of third-party software: its published name and version, licence and source."""

    name: str
    version: str
    licence: str
    source: str

    @property
    def lgpl(self) -> bool:
        """Whether it is offered under the LGPL, which lets the user replace it with their own build."""
        return "LGPL" in self.licence.upper() or "LESSER GENERAL PUBLIC" in self.licence.upper()

    @property
    def file_name(self) -> str:
        """Its licence file in the bundle's licence folder."""
        return re.sub(r"[^A-Za-z0-9._-]+", "-", self.name) + ".txt"


@dataclass(frozen=True)
class LicenceText:
    """One licence or notice file, with where it came from."""

    origin: str
    text: str


def canonical(name: str) -> str:
    """A distribution name as the packaging standards compare them: "PySide6_Essentials" is "pyside6-essentials"."""
    return re.sub(r"[-_.]+", "-", name).lower()


# --- Which software ---------------------------------------------------------------------------------


def _requirement(spec: str) -> tuple[str, str]:
    """A requirement string's distribution name and its environment marker ("" when none)."""
    name_part, _, marker = spec.partition(";")
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", name_part)
    return (match.group(1) if match else name_part.strip()), marker.strip()


def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[str]:
    """Every installed distribution that `root` needs at run time, found by following requirements.

    A requirement that only comes with an optional extra (`extra == "test"`) is left out; any
    other marker is taken as met, since listing a licence too many is harmless and one too few
    is not. A requirement that is not installed is skipped: it cannot be in the bundle either.
    """
    found: dict[str, str] = {}
    waiting = [root]
    while waiting:
        try:
            distribution = metadata.distribution(waiting.pop())
        except metadata.PackageNotFoundError:
            continue
        for spec in distribution.requires or []:
            name, marker = _requirement(spec)
            if "extra" in marker or canonical(name) in found:
                continue
            try:
                found[canonical(name)] = metadata.distribution(name).metadata["Name"]
            except metadata.PackageNotFoundError:
                continue
            waiting.append(name)
    found.pop(canonical(root), None)
    return sorted(found.values(), key=str.lower)


def distributions_providing(modules: Iterable[str]) -> list[str]:
    """The installed distributions that provide these top-level modules (for what a build collected).

    Modules of the standard library, and of no installed distribution, are left out.
    """
    providers = metadata.packages_distributions()
    names = {name for module in modules for name in providers.get(module.split(".")[0], [])}
    return sorted({metadata.distribution(name).metadata["Name"] for name in names}, key=str.lower)


def top_level_modules(name: str) -> list[str]:
    """The top-level modules the installed distribution `name` provides ("PySide6" for PySide6-Essentials)."""
    wanted = canonical(name)
    providers = metadata.packages_distributions()
    return sorted(module for module, names in providers.items() if wanted in {canonical(n) for n in names})


# --- What each one says --------------------------------------------------------------------------


def _field(meta: metadata.PackageMetadata, key: str) -> str:
    """One metadata field's value, or "" when it is absent."""
    values = meta.get_all(key) or []
    return str(values[0]) if values else ""


def _licence_name(meta: metadata.PackageMetadata) -> str:
    """The short licence name: the SPDX expression, else a one-line License field, else the classifier."""
    expression = _field(meta, "License-Expression").strip()
    if expression:
        return expression
    field = _field(meta, "License").strip()
    if field and "\n" not in field and len(field) <= 200 and field.upper() != "UNKNOWN":
        return field
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the licence text"


def _source(meta: metadata.PackageMetadata) -> str:
    """The link to the package's source code, from its metadata."""
    links: dict[str, str] = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        links.setdefault(label.strip().lower(), url.strip())
    for label in _SOURCE_LABELS:
        if label in links:
            return links[label]
    return _field(meta, "Home-page").strip() or f"https://pypi.org/project/{meta['Name']}/"


def _python() -> Dependency:
    """The Python interpreter itself, which a bundle carries too."""
    return Dependency(PYTHON, platform.python_version(), "PSF-2.0", "https://www.python.org/downloads/source/")


def describe(name: str) -> Dependency:
    """The installed distribution `name` (or the interpreter, for "Python") as a Dependency."""
    if name == PYTHON:
        return _python()
    meta = metadata.distribution(name).metadata
    return Dependency(meta["Name"], meta["Version"], _licence_name(meta), _source(meta))


def installed_dependencies(root: str = APP_DISTRIBUTION) -> list[Dependency]:
    """The interpreter and every distribution `root` needs at run time, from installed metadata."""
    return [_python(), *(describe(name) for name in runtime_distributions(root))]


def find_texts(dependency: Dependency, standard_texts: Path | None = None) -> list[LicenceText]:
    """The licence texts for `dependency`: its own files, a full text in its metadata, and the
    standard texts its licence names (from `standard_texts`, when given)."""
    texts: list[LicenceText] = []
    if dependency.name == PYTHON:
        for folder in (Path(sysconfig.get_paths()["stdlib"]), Path(sys.base_prefix)):
            if (folder / "LICENSE.txt").is_file():
                texts.append(LicenceText("Python's LICENSE.txt", (folder / "LICENSE.txt").read_text(encoding="utf-8")))
                break
    else:
        distribution = metadata.distribution(dependency.name)
        for file in distribution.files or []:
            parts = file.parts
            in_metadata = len(parts) > 1 and parts[0].endswith((".dist-info", ".egg-info"))
            if in_metadata and _LICENCE_FILE.match(file.name):
                text = Path(str(file.locate())).read_bytes().decode("utf-8", errors="replace")
                texts.append(LicenceText(f"{dependency.name}'s {'/'.join(parts[1:])}", text))
        field = _field(distribution.metadata, "License")
        if not texts and "\n" in field.strip():
            texts.append(LicenceText(f"{dependency.name}'s License metadata", field))
    if standard_texts is not None:
        for pattern, files in _STANDARD_TEXTS:
            if pattern.search(dependency.licence):
                texts.extend(
                    LicenceText(
                        f"standard text, {name.removesuffix('.txt')}", (standard_texts / name).read_text("utf-8")
                    )
                    for name in files
                )
                break
    return texts


# --- The offer the LGPL asks for --------------------------------------------------------------


def offer(found: Sequence[Dependency]) -> list[str]:
    """Plain paragraphs: which libraries are under the LGPL, where their source is, how to replace them."""
    lgpl = [dependency for dependency in found if dependency.lgpl]
    if not lgpl:
        return []
    names = ", ".join(f"{d.name} {d.version}" for d in lgpl)
    python = ".".join(platform.python_version_tuple()[:2])
    paragraphs = [
        f"These libraries are used under the GNU Lesser General Public License (LGPL): {names}. "
        "The LGPL lets you change them and use your changed versions with Role Designer. "
        "Role Designer is delivered as a folder, not as one sealed program, so that you can.",
        f"To replace one, build your own version of it for Python {python} and put its files in place of "
        "the files of the same name in the Role Designer folder: in its _internal folder on Windows and "
        "Linux, and in Role Designer.app/Contents/Frameworks on a Mac. Each library is there as a folder "
        "with its own name, with any compiled library files named after it beside it (the Qt libraries "
        "inside PySide6 are the files whose names start with libQt6, Qt6 or Qt). Python libraries under "
        "the LGPL are kept there as plain source files. Role Designer loads all of these by name each time "
        "it starts, so nothing else needs relinking or rebuilding.",
        "Where the source is, for the versions in this copy: "
        + "; ".join(_source_sentence(dependency) for dependency in lgpl)
        + ". If you cannot get it from there, ask whoever gave you this copy of Role Designer: for three "
        "years from when you received it, they will give you the same source code at no more than the "
        "cost of copying it.",
    ]
    return paragraphs


def texts_location(folder: Path | None) -> str:
    """Where this install keeps the full licence texts, in one sentence."""
    if folder is None:
        return "The full text of each licence is installed with the package itself, beside its code."
    return f"The full text of every licence is in the folder {folder}."


def _source_sentence(dependency: Dependency) -> str:
    extra = _EXTRA_SOURCES.get(canonical(dependency.name))
    and_qt = f", and the Qt libraries it contains at {extra} (Qt {dependency.version})" if extra else ""
    return f"{dependency.name} {dependency.version} at {dependency.source}{and_qt}"


# --- The bundle's licence folder ------------------------------------------------------------------


def _cell(value: str) -> str:
    """A value for one cell of the index: tabs and line breaks would break its rows."""
    return " ".join(value.split())


def write_folder(folder: Path, entries: Sequence[tuple[Dependency, Sequence[LicenceText]]]) -> None:
    """Write the licence folder: one file per package, `index.tsv` for the app, `README.txt` for people.

    Raises LicenceError, naming every package concerned, if any has no licence text: a bundle
    must not ship without one.
    """
    missing = [dependency.name for dependency, texts in entries if not texts]
    if missing:
        raise LicenceError(f"No licence text found for {', '.join(missing)}; the bundle cannot ship without it.")
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["\t".join(_INDEX_HEADER)]
    for dependency, texts in entries:
        head = [
            f"{dependency.name} {dependency.version}",
            f"Licence: {dependency.licence}",
            f"Source: {dependency.source}",
        ]
        if dependency.lgpl:
            head.append("Used under the LGPL: it may be replaced with your own build (see README.txt).")
        body = "\n\n".join(f"----- {text.origin} -----\n\n{text.text.strip()}" for text in texts)
        (folder / dependency.file_name).write_text("\n".join(head) + "\n\n" + body + "\n", encoding="utf-8")
        cells = (dependency.name, dependency.version, dependency.licence, dependency.source, dependency.file_name)
        rows.append("\t".join(_cell(cell) for cell in cells))
    (folder / INDEX).write_text("\n".join(rows) + "\n", encoding="utf-8")
    (folder / README).write_text(_readme([dependency for dependency, _ in entries]), encoding="utf-8")


def _readme(found: Sequence[Dependency]) -> str:
    width = max(len(d.name) for d in found) + 2
    lines = [
        "Role Designer: third-party software and its licences",
        "",
        "Role Designer includes the software below. Each file in this folder holds one package's licence",
        "text and copyright notices; index.tsv lists the same in a form programs can read.",
        "",
        *(f"{d.name:<{width}}{d.version:<12}{d.licence}  ({d.file_name})" for d in found),
        "",
    ]
    for paragraph in offer(found):
        lines.extend([paragraph, ""])
    return "\n".join(lines)


def read_index(folder: Path) -> list[Dependency]:
    """The packages listed in a licence folder's index (as the build wrote it)."""
    rows = (folder / INDEX).read_text(encoding="utf-8").splitlines()
    found: list[Dependency] = []
    for row in rows[1:]:
        cells = row.split("\t")
        if len(cells) == len(_INDEX_HEADER):
            found.append(Dependency(*cells[:4]))
    return found


def bundled_folder() -> Path | None:
    """The licence folder of the bundle this program runs from, or None when it is not a bundle.

    Windows and Linux bundles keep it at the top of the program's folder; a macOS app keeps it
    among its resources, which PyInstaller also makes visible in the bundle's own folder.
    """
    if not getattr(sys, "frozen", False):
        return None
    program = Path(sys.executable).resolve().parent
    candidates = [program / FOLDER, program.parent / "Resources" / FOLDER]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / FOLDER)
    return next((folder for folder in candidates if (folder / INDEX).is_file()), None)


def dependencies() -> list[Dependency]:
    """The third-party software of this install: the bundle's own list, else the installed metadata."""
    folder = bundled_folder()
    if folder is not None:
        return read_index(folder)
    return installed_dependencies()
