"""What a valid setting is: small checks the settings dialog calls as the user types or chooses.

Qt-free, so they are tested without a screen. The Word template's check needs the documents
layer, so it lives there (`roledesigner.documents.templatecheck`). Each check returns None when the value is fine,
or one plain sentence that names the file or field and says what is wrong with it.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from pathlib import Path

from roledesigner.domain.numbers import MAX_PLACES
from roledesigner.files.reading import FileTooLarge, UnreadableFile, read_start

#: The largest logo accepted: a letterhead logo is tens of kilobytes; 5 MB bloats every document.
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_WEEKLY_HOURS = Decimal(168)

_PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
_JPEG_MAGIC = b"\xff\xd8\xff"
#: Plain decimal numbers as typed in England: digits, an optional point, no exponent or commas.
_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def path_from_text(text: str) -> Path | None:
    """The path a user typed into a field: surrounding spaces and quotes dropped, `~` expanded."""
    cleaned = text.strip().strip('"').strip()
    return Path(cleaned).expanduser() if cleaned else None


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def check_logo(path: Path | None) -> str | None:
    """A logo must be an existing PNG or JPEG picture of at most 5 MB; no logo is fine."""
    if path is None:
        return None
    try:
        start = read_start(path, len(_PNG_MAGIC), MAX_LOGO_BYTES)
    except FileTooLarge as error:
        return (
            f"The logo file {path} is {_megabytes(error.size)}, larger than the 5 MB allowed; choose a smaller picture."
        )
    except UnreadableFile as error:
        if error.reason == "it is a folder":
            return f"The logo {path} is a folder, not a picture file."
        if error.reason == "it does not exist":
            return f"The logo file {path} does not exist."
        return f"The logo file {path} could not be read ({error.reason})."
    if not is_picture(start):
        return f"The logo file {path} is not a PNG or JPEG picture."
    return None


def is_picture(data: bytes) -> bool:
    """Whether `data` starts as a PNG or JPEG file does: the only pictures Word and the PDF take as logos."""
    return data.startswith(_PNG_MAGIC) or data.startswith(_JPEG_MAGIC)


def check_library_folder(path: Path | None, what: str) -> str | None:
    """A library folder, if given, must be a folder that exists. `what` names it: "shared library"."""
    if path is None:
        return None
    try:
        if path.is_dir():
            return None
        exists = path.exists()
    except OSError as error:
        return f"The {what} folder {path} could not be reached ({error.strerror or error})."
    if exists:
        return f"The {what} folder {path} is a file, not a folder."
    return f"The {what} folder {path} does not exist (a network drive may be disconnected)."


def check_hours(text: str) -> tuple[Decimal | None, str | None]:
    """Default contracted hours a week, typed as a plain number such as 37.5: (hours, None) or (None, message)."""
    cleaned = text.strip()
    if not cleaned:
        return None, "Enter the default contracted hours a week, such as 37.5."
    not_a_number = "The default contracted hours a week must be a number, such as 37.5."
    if not _DECIMAL.fullmatch(cleaned):
        return None, not_a_number
    try:
        hours = Decimal(cleaned)
    except InvalidOperation:
        return None, not_a_number
    if not 0 < hours <= MAX_WEEKLY_HOURS:
        return None, "The default contracted hours a week must be more than 0 and at most 168 (the hours in a week)."
    exponent = hours.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_PLACES:
        rounded = hours.quantize(Decimal(1).scaleb(-MAX_PLACES))
        if rounded != hours:
            return None, f"The default contracted hours a week may have at most {MAX_PLACES} decimal places."
        hours = rounded  # trailing zeros only, as in 37.500000
    return hours, None


#: The names an export file-name pattern may use, in braces; `documents/filenames.py` fills them in.
FILE_NAME_PLACEHOLDERS = ("organisation", "title", "version", "reference", "status")
_BRACED = re.compile(r"\{([^{}]*)\}")


def check_file_name(pattern: str) -> str | None:
    """An export file-name pattern: some text, with only the known names in braces."""
    if not pattern.strip():
        return "Enter a pattern for export file names, such as {organisation} {title} v{version}."
    known = ", ".join(f"{{{name}}}" for name in FILE_NAME_PLACEHOLDERS[:-1]) + f" and {{{FILE_NAME_PLACEHOLDERS[-1]}}}"
    for name in _BRACED.findall(pattern):
        if name.lower() not in FILE_NAME_PLACEHOLDERS:
            return f"The file name pattern uses {{{name}}}, which is not one of {known}."
    if "{" in _BRACED.sub("", pattern) or "}" in _BRACED.sub("", pattern):
        return f"The file name pattern has a brace that does not enclose a name; write names as {known}."
    return None
