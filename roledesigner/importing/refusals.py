"""Why a file cannot be imported: one plain sentence each, naming the file and what to do.

Kept together so that the command line, the app and the audit say the same thing for the same
file, and so the wording can be read (and reviewed) in one place.
"""

from __future__ import annotations

from pathlib import Path

from roledesigner.domain.errors import InputError

#: What Role Designer imports, for the messages.
IMPORTABLE = "a Word document (.docx) or a PDF"


class ImportRefused(InputError):
    """A file that cannot be imported; str() is one sentence naming it and saying what to do."""

    def __init__(self, path: Path, sentence: str) -> None:
        super().__init__(sentence)
        self.path = path


def legacy_word(path: Path) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is an old-style Word document (.doc), which Role Designer cannot read: open it in Word or "
        "LibreOffice, save it as a Word document (.docx), and import that.",
    )


def not_importable(path: Path) -> ImportRefused:
    kind = f"a {path.suffix} file" if path.suffix else "a file with no type in its name"
    return ImportRefused(
        path,
        f"{path} is {kind}, not {IMPORTABLE}, so it cannot be imported: save it as a Word document (.docx) from "
        "Word or LibreOffice, and import that.",
    )


def empty_file(path: Path) -> ImportRefused:
    return ImportRefused(path, f"{path} is empty (it holds no bytes at all), so there is nothing to import.")


def no_text(path: Path) -> ImportRefused:
    return ImportRefused(path, f"{path} holds no text, so there is nothing to import.")


def not_a_zip(path: Path) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is named as a Word document but is not one inside (it may be damaged, or another kind of file "
        "renamed): open it in Word or LibreOffice and save it again as .docx.",
    )


def not_word(path: Path, what: str) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is a zip file but not a Word document (it has no {what}), so it cannot be imported: "
        "save the job description from Word as .docx.",
    )


def too_big_unpacked(path: Path, limit_mb: int) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} would unpack to more than {limit_mb} MB, far more than any job description, so it was not "
        "opened (it may be damaged, or built to fill the disk).",
    )


def too_big(path: Path, limit_mb: int) -> ImportRefused:
    return ImportRefused(
        path, f"{path} is larger than the {limit_mb} MB allowed for a job description, so it was not read."
    )


def damaged(path: Path, detail: str) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is damaged ({detail}), so it cannot be imported: open it in Word or LibreOffice, save it again, "
        "and import the new copy.",
    )


def word_password(path: Path) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is protected by a password, so it cannot be read: open it in Word, remove the password "
        "(File, Info, Protect Document), save it, and import it again.",
    )


def pdf_password(path: Path) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is a PDF protected by a password, so it cannot be read: open it with the password, save a copy "
        "without one, and import that.",
    )


def pdf_scanned(path: Path) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} has no text in it, only pictures of pages (it looks like a scan), so make its text readable "
        "with OCR (optical character recognition) software first, such as the one in Adobe Acrobat or "
        "Microsoft Word, and import the result.",
    )


def pdf_blank(path: Path) -> ImportRefused:
    return ImportRefused(path, f"{path} has no text and no pictures on its pages, so there is nothing to import.")


def pdf_damaged(path: Path, detail: str) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is a damaged PDF ({detail}), so it cannot be imported: if it opens in a PDF reader, print it "
        "to a new PDF and import that, or import the Word document it was made from.",
    )


def strict_word(path: Path) -> ImportRefused:
    return ImportRefused(
        path,
        f"{path} is saved as a Strict Open XML Document, which Role Designer cannot read: open it in Word, "
        "save it again as a normal Word Document (.docx), and import that.",
    )


def unreadable(path: Path, reason: str) -> ImportRefused:
    return ImportRefused(path, f"{path} cannot be read: {reason}.")
