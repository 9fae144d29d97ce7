"""The changes document: the new job specification, with every difference from the old one as a
native tracked change (`w:ins`, `w:del`) that Word's and LibreOffice's Accept and Reject act on.

Both designs are rendered through the same Word template the export uses, so the document looks
like the specification the panel knows, and `docxdiff` marks the new body with the old one's
differences. Accepting every change gives the new design's export exactly; rejecting every change
gives the old one's text (a picture that went is kept as its description).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from lxml import etree

from roledesigner.documents.docxdiff import mark_changes
from roledesigner.documents.viewmodel import JobSpecification, build_view
from roledesigner.documents.word import render_docx
from roledesigner.domain.models import RoleDesign
from roledesigner.library.catalogue import Library

_DOCUMENT = "word/document.xml"
#: Both documents were just rendered here, but their text came from designs and templates other
#: people wrote: no entities, no network.
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def track_changes(old_docx: bytes, new_docx: bytes, *, author: str, when: dt.datetime) -> bytes:
    """The new Word document with its differences from the old one as tracked changes by `author`."""
    with zipfile.ZipFile(io.BytesIO(old_docx)) as archive:
        old_root = etree.fromstring(archive.read(_DOCUMENT), _PARSER)
    with zipfile.ZipFile(io.BytesIO(new_docx)) as archive:
        entries = [(entry, archive.read(entry)) for entry in archive.infolist()]
    parts = {entry.filename: data for entry, data in entries}
    new_root = etree.fromstring(parts[_DOCUMENT], _PARSER)
    stamp = when.astimezone(dt.UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"
    mark_changes(old_root, new_root, author=author.strip() or "Role Designer", date=stamp)
    document = etree.tostring(new_root, xml_declaration=True, encoding="UTF-8", standalone=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for entry, data in entries:
            target.writestr(entry, document if entry.filename == _DOCUMENT else data)
    return buffer.getvalue()


def changes_docx(
    old: JobSpecification,
    new: JobSpecification,
    *,
    author: str,
    when: dt.datetime,
    template: Path | None = None,
    logo_png: bytes | None = None,
) -> bytes:
    """The new specification rendered as the Word export renders it (the week as a table, no
    picture, no Qt), with the old one's differences tracked."""
    new_docx = render_docx(new, template, logo_png=logo_png)
    old_docx = render_docx(old, template)
    return track_changes(old_docx, new_docx, author=author, when=when)


def changes_document(
    old: RoleDesign,
    new: RoleDesign,
    library: Library,
    *,
    author: str = "",
    when: dt.datetime | None = None,
    organisation: str = "",
    template: Path | None = None,
    logo_png: bytes | None = None,
    show_draft: bool = True,
) -> bytes:
    """The Word changes document from `old` to `new`: the changes are the new design's author's
    (or `author`'s), dated `when` (now by default). `show_draft` is the settings' "Draft" mark for
    a design not yet approved, as the export takes it."""
    old_view = build_view(old, library, organisation, show_draft=show_draft)
    new_view = build_view(new, library, organisation, show_draft=show_draft)
    return changes_docx(
        old_view,
        new_view,
        author=author.strip() or new.author.strip() or "Role Designer",
        when=when or dt.datetime.now(dt.UTC),
        template=template,
        logo_png=logo_png,
    )
