"""Files an import must refuse, each with its own sentence: written here, byte by byte where needed."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pypdf import PdfWriter
from pypdf.generic import DictionaryObject, NameObject, NumberObject, StreamObject

from tests.importing import samples

#: An OLE compound file's signature: old Word files and password-protected new ones both start so.
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def ole_with(stream: str) -> bytes:
    """The start of an OLE container whose directory names `stream` (names are UTF-16)."""
    header = OLE + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff\x09\x00" + b"\x00" * 480
    return header + stream.encode("utf-16-le") + b"\x00" * 1024


def zip_of(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb(megabytes: int = 110) -> bytes:
    """A .docx whose document.xml unpacks to `megabytes` MB of spaces (about a tenth of a megabyte packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        with archive.open("word/document.xml", "w") as part:
            chunk = b" " * (1024 * 1024)
            for _ in range(megabytes):
                part.write(chunk)
    return buffer.getvalue()


def pdf_with_password() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_blank() -> bytes:
    """Pages with nothing on them at all: no text and no pictures."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def pdf_scan() -> bytes:
    """A scan: each page one picture of a page (a grey image drawn over the whole page), no text."""
    writer = PdfWriter()
    for _ in range(2):
        page = writer.add_blank_page(width=595, height=842)
        image = StreamObject()
        image.set_data(bytes(range(64)))
        image.update(
            {
                NameObject("/Type"): NameObject("/XObject"),
                NameObject("/Subtype"): NameObject("/Image"),
                NameObject("/Width"): NumberObject(8),
                NameObject("/Height"): NumberObject(8),
                NameObject("/ColorSpace"): NameObject("/DeviceGray"),
                NameObject("/BitsPerComponent"): NumberObject(8),
            }
        )
        objects = DictionaryObject({NameObject("/Im1"): writer._add_object(image)})
        page[NameObject("/Resources")] = DictionaryObject({NameObject("/XObject"): objects})
        drawing = StreamObject()
        drawing.set_data(b"q 595 0 0 842 0 0 cm /Im1 Do Q")
        page[NameObject("/Contents")] = writer._add_object(drawing)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def strict_word() -> bytes:
    """A .docx saved by Word as "Strict Open XML Document": the same parts in other namespaces."""
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    document = (
        f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>Job title: Lead</w:t></w:r></w:p></w:body></w:document>'
    )
    return zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": document.encode()})


#: (file name, contents, words the refusal must contain), one for each kind of bad input.
BAD_INPUTS: list[tuple[str, bytes, tuple[str, ...]]] = [
    ("notes.txt", b"Job title: Head of Integration\n", ("not a Word document (.docx) or a PDF", "save it")),
    ("old.doc", ole_with("WordDocument"), ("old-style Word document (.doc)", "save it as a Word document (.docx)")),
    ("renamed.docx", b"This is plain text, renamed.", ("not one inside", "save it again as .docx")),
    ("nothing.docx", zip_of({"word/styles.xml": b"<styles/>"}), ("has no word/document.xml",)),
    ("bomb.docx", b"", ("would unpack to more than 100 MB",)),  # made when needed: see bad_file()
    ("locked.docx", ole_with("EncryptionInfo"), ("protected by a password", "remove the password")),
    ("locked.pdf", b"", ("PDF protected by a password",)),
    ("scan.pdf", b"", ("only pictures of pages", "looks like a scan", "OCR")),
    ("blank.pdf", b"", ("has no text and no pictures",)),
    ("strict.docx", b"", ("Strict Open XML", "save it again as a normal Word Document (.docx)")),
    ("empty.docx", b"", ("holds no text",)),
    ("zero.docx", b"", ("is empty",)),
    ("broken.docx", zip_of({"word/document.xml": b"<w:document><w:body>"}), ("is damaged", "word/document.xml")),
    ("broken.pdf", b"%PDF-1.7\nnot really a PDF at all", ("is a damaged PDF", "PDF reader")),
]


def bad_file(folder: Path, name: str, data: bytes) -> Path:
    makers = {
        "bomb.docx": zip_bomb,
        "locked.pdf": pdf_with_password,
        "scan.pdf": pdf_scan,
        "blank.pdf": pdf_blank,
        "strict.docx": strict_word,
        "empty.docx": samples.empty_document,
    }
    path = folder / name
    path.write_bytes(makers[name]() if name in makers else data)
    return path
