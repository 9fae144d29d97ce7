"""Open a job description for import: read its bytes safely, tell what it is, refuse what it is not.

The bytes are read once (an ordinary file only, never more than `MAX_BYTES`), then the kind is
told from what the file holds as well as its name: a legacy Word file, a password-protected Word
file (both OLE containers), a zip, a PDF. Each refusal is one sentence naming the file.
"""

from __future__ import annotations

from pathlib import Path

from roledesigner.files.reading import FileTooLarge, UnreadableFile, read_regular
from roledesigner.importing import refusals
from roledesigner.importing.blocks import SourceDocument

#: The largest job description read: scanned PDFs of a few pages stay well under this.
MAX_MB = 50
MAX_BYTES = MAX_MB * 1024 * 1024
#: The suffixes an import and an audit take.
WORD_SUFFIXES = (".docx", ".docm")
PDF_SUFFIX = ".pdf"
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ZIP = b"PK\x03\x04"
#: An encrypted Word file is an OLE container holding these streams (names in UTF-16).
_ENCRYPTED = ("EncryptionInfo".encode("utf-16-le"), "EncryptedPackage".encode("utf-16-le"))
_LEGACY_SUFFIXES = (".doc", ".dot", ".wps", ".wpd")


def importable(path: Path) -> bool:
    """Whether the name says Word (.docx) or PDF: what the app's file chooser and drop accept."""
    return path.suffix.lower() in (*WORD_SUFFIXES, PDF_SUFFIX)


def read_bytes(path: Path) -> bytes:
    try:
        return read_regular(path, MAX_BYTES)
    except FileTooLarge as error:
        raise refusals.too_big(path, MAX_MB) from error
    except UnreadableFile as error:
        raise refusals.unreadable(path, error.reason) from error


def read_source(path: Path, data: bytes | None = None) -> SourceDocument:
    """The job description at `path` as blocks; ImportRefused (one sentence) for anything else."""
    suffix = path.suffix.lower()
    if suffix in _LEGACY_SUFFIXES:
        raise refusals.legacy_word(path)
    if suffix not in (*WORD_SUFFIXES, PDF_SUFFIX):
        raise refusals.not_importable(path)
    data = read_bytes(path) if data is None else data
    if not data:
        raise refusals.empty_file(path)
    if data.startswith(_OLE):
        if any(stream in data for stream in _ENCRYPTED):
            raise refusals.word_password(path)
        raise refusals.legacy_word(path)
    if data.lstrip()[:5] == b"%PDF-":
        from roledesigner.importing.pdfreader import read_pdf  # pypdf loads only for a PDF

        document = read_pdf(path, data)
    elif suffix == PDF_SUFFIX:
        raise refusals.pdf_damaged(path, "it does not start as a PDF does")
    elif data.startswith(_ZIP):
        from roledesigner.importing.docxreader import read_docx

        document = read_docx(path, data)
    else:
        raise refusals.not_a_zip(path)
    if not document.all_text():
        raise refusals.no_text(path)
    return document
