"""The name an exported job specification is saved under, from the settings' pattern.

The pattern comes from a settings file that may sit on a shared drive, so it is filled in by
plain text replacement of known names, never by `str.format` (which would let "{title.__class__}"
reach into Python). The result is a name every file system accepts, no longer than NHS Jobs allows.
"""

from __future__ import annotations

import re

from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import label

DEFAULT_PATTERN = "{organisation} {title} v{version}"
#: NHS Jobs refuses an attachment whose name, extension included, is longer than this.
MAX_NAME = 90
FALLBACK = "Job specification"

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


def export_file_name(design: RoleDesign, suffix: str, organisation: str = "", pattern: str = DEFAULT_PATTERN) -> str:
    """The file name for a design's export, such as "North Shire ICB Place director v2.docx".

    Unknown names in braces are left as they are written. A name that comes out empty, or as
    one Windows keeps for devices (CON, NUL...), falls back to "Job specification".
    """
    values = _values(design, organisation)
    filled = _PLACEHOLDER.sub(lambda match: values.get(match.group(1).lower(), match.group(0)), pattern)
    suffix = suffix if suffix.startswith(".") else f".{suffix}"
    stem = safe_name(filled)
    if not stem or _RESERVED.match(stem):
        stem = FALLBACK
    stem = stem[: MAX_NAME - len(suffix)].rstrip(" .") or FALLBACK
    return stem + suffix
