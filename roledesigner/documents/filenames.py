"""The name an exported job specification is saved under, from the settings' pattern.

The pattern comes from a settings file that may sit on a shared drive, so it is filled in by
plain text replacement of known names, never by `str.format` (which would let "{title.__class__}"
reach into Python). The result is a name every file system accepts, no longer than NHS Jobs allows.
"""

from __future__ import annotations

import re
from pathlib import Path

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import label
from roledesigner.files.designfile import load_design

DEFAULT_PATTERN = "{organisation} {title} v{version}"
#: NHS Jobs refuses an attachment whose name, extension included, is longer than this.
MAX_NAME = 90
FALLBACK = "Job specification"
#: What follows the pattern in the name of each document: the job specification has nothing.
DOCUMENT_ENDINGS = {"specification": "", "interview": "interview pack", "shortlisting": "shortlisting"}

_PLACEHOLDER = re.compile(r"\{(\w+)\}")
#: Characters Windows, macOS or Linux refuse in a name, and control characters.
_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = re.compile(r"^(?:con|prn|aux|nul|com[1-9]|lpt[1-9])(?:\..*)?$", re.IGNORECASE)


def _values(design: RoleDesign, organisation: str) -> dict[str, str]:
    return {
        "organisation": organisation.strip() or design.employer.strip(),
        "title": design.title.strip() or "Untitled role",
        "version": design.version.strip() or "1",
        "reference": design.job_reference.strip(),
        "status": label(design.status),
    }


def safe_name(text: str) -> str:
    """Text as a file name: refused characters become spaces, spaces collapse, no trailing dot or space."""
    text = " ".join(_REFUSED.sub(" ", text).split())
    return text.strip(" .")


def export_file_name(
    design: RoleDesign, suffix: str, organisation: str = "", pattern: str = DEFAULT_PATTERN, ending: str = ""
) -> str:
    """The file name for a design's export, such as "North Shire ICB Place director v2.docx".

    Unknown names in braces are left as they are written. A name that comes out empty, or as
    one Windows keeps for devices (CON, NUL...), falls back to "Job specification". `ending`
    names a document other than the job specification (" interview pack"): it follows the
    pattern's text and is kept whole when the name is cut to fit.
    """
    values = _values(design, organisation)
    filled = _PLACEHOLDER.sub(lambda match: values.get(match.group(1).lower(), match.group(0)), pattern)
    suffix = suffix if suffix.startswith(".") else f".{suffix}"
    ending = safe_name(ending)
    ending = f" {ending}" if ending else ""
    stem = safe_name(filled)
    if not stem or _RESERVED.match(stem):
        stem = FALLBACK
    stem = stem[: MAX_NAME - len(suffix) - len(ending)].rstrip(" .") or FALLBACK
    return stem + ending + suffix


def export_path(
    source: Path, folder: Path, suffix: str, organisation: str = "", pattern: str = DEFAULT_PATTERN, ending: str = ""
) -> Path:
    """Where a design file's export goes in `folder`, named by the pattern from the design it holds.

    A design that cannot be read keeps its file's name ("post.docx"): its export will fail
    and say why, so the name is never seen on disk.
    """
    try:
        design = load_design(source)
    except Exception:  # noqa: BLE001 - a name is never worth a stop: the export itself says what is wrong
        suffix = suffix if suffix.startswith(".") else f".{suffix}"
        return folder / f"{source.stem}{suffix}"
    return folder / export_file_name(design, suffix, organisation, pattern, ending)
