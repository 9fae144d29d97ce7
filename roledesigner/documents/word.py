"""Render the view model into a Word file through a docxtpl template, then finish it for access.

The template is data (an HR team may restyle it), rendered in a sandboxed, autoescaping Jinja
environment. After rendering, the things a restyled template might lose are set in code: the
document properties, the en-GB language in the style defaults, and alt text on every picture.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import asdict, replace
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.parts.coreprops import CorePropertiesPart
from docx.oxml.ns import qn
from docx.shared import Cm
from docxtpl import DocxTemplate

from roledesigner.documents.jobs import UNREVIEWED_MARK
from roledesigner.documents.pictures import PLACEHOLDER_PNG, Picture, Pictures
from roledesigner.documents.sandbox import TemplateEnvironment, TemplateRefused, limits_for
from roledesigner.documents.templatebuild import TEMPLATE_NAME, set_language
from roledesigner.documents.templatetables import STRUCTURE_CAPTION, WEEK_CAPTION
from roledesigner.documents.viewmodel import SECTION_HEADINGS, JobSpecification, clean
from roledesigner.documents.wordmark import mark_every_header
from roledesigner.domain.errors import InputError
from roledesigner.files.paths import templates_dir

_TAG = re.compile(r"\{[{%].*?(?:[%}]\}(?!\})|$)")
_FIELD = re.compile(r"\b(?:spec|headings)\b")
_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"


class TemplateError(InputError):
    """A Word template cannot be used; str() is one sentence naming the file and the tag."""


def default_template() -> Path:
    return templates_dir() / TEMPLATE_NAME


#: A template file larger than this is refused before it is opened.
MAX_TEMPLATE_BYTES = 32 * 1024 * 1024
#: The most a template's zip may hold once unpacked, and in how many parts: a small file that
#: unpacks to gigabytes (a zip bomb) is refused before python-docx reads it.
MAX_UNPACKED_BYTES = 128 * 1024 * 1024
MAX_PARTS = 2000
#: The largest XML part (the document, a header...): each is parsed and filled in as text.
MAX_XML_PART_BYTES = 16 * 1024 * 1024
#: The longest text a document property (title, author...) may hold in Word.
MAX_PROPERTY = 255
#: What the template check fills in where a design names no organisation.
SAMPLE_ORGANISATION = "North Shire Integrated Care Board"


def _environment(context: dict[str, Any] | None = None) -> TemplateEnvironment:
    """The sandbox, with bounds that grow with what the template is given."""
    items, characters = _measure(context or {})
    return TemplateEnvironment(limits_for(items, characters))


def _measure(value: Any) -> tuple[int, int]:
    """How many list items and characters of text a context holds."""
    items = characters = 0
    pending = [value]
    while pending:
        current = pending.pop()
        if isinstance(current, str):
            characters += len(current)
        elif isinstance(current, dict):
            pending.extend(current.values())
        elif isinstance(current, list | tuple):
            items += len(current)
            pending.extend(current)
    return items, characters


def template_context(view: JobSpecification) -> dict[str, Any]:
    """What a template sees: `spec` (the view model), `headings`, `show`; see docs/templates.md."""
    spec = asdict(view)
    spec.pop("chart")
    return {
        "spec": spec,
        "headings": dict(SECTION_HEADINGS),
        "show": {key: view.has(key) for key in SECTION_HEADINGS},
    }


def read_template(path: Path) -> bytes:
    """The template's bytes, read once (so what is checked is what is used), within the size caps."""
    if not path.exists():
        raise TemplateError(f"The Word template {path} does not exist.")
    if not path.is_file():
        raise TemplateError(f"The Word template {path} is not a Word (.docx) file.")
    megabytes = MAX_TEMPLATE_BYTES // (1024 * 1024)
    try:
        with path.open("rb") as file:
            data = file.read(MAX_TEMPLATE_BYTES + 1)
    except OSError as error:
        raise TemplateError(f"The Word template {path} could not be read ({error.strerror or error}).") from error
    if len(data) > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"The Word template {path} is larger than {megabytes} MB, too large for a template.")
    return data


def check_package(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse a package that would unpack to more than a template can need, by its declared sizes.

    Python's zipfile never returns more than an entry's declared size (a longer entry fails its
    check), so the sum of the declared sizes bounds what python-docx can unpack.
    """
    entries = archive.infolist()
    too_big = (
        len(entries) > MAX_PARTS
        or sum(entry.file_size for entry in entries) > MAX_UNPACKED_BYTES
        or any(entry.file_size > MAX_XML_PART_BYTES for entry in entries if entry.filename.endswith((".xml", ".rels")))
    )
    if too_big:
        raise TemplateError(
            f"The Word template {path} unpacks to more than a template can hold "
            f"(at most {MAX_PARTS} parts and {MAX_UNPACKED_BYTES // (1024 * 1024)} MB), so it was not opened."
        )
    archive.getinfo("word/document.xml")


def _open(path: Path, data: bytes | None = None) -> DocxTemplate:
    data = read_template(path) if data is None else data
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            check_package(path, archive)
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()  # open the package now: a damaged one fails here, not mid-render
    except TemplateError:
        raise
    except Exception as error:
        raise TemplateError(f"The Word template {path} is not a Word (.docx) file.") from error
    _adopt_core_properties(template.docx)  # before rendering, which fills the properties in too
    return template


def _template_texts(template: DocxTemplate) -> list[str]:
    """The text of every paragraph in the template (body, tables, headers, footers)."""
    document = template.get_docx()
    texts = [p.text for p in document.element.body.iter(qn("w:p"))]
    for relationship in document.part.rels.values():
        if relationship.reltype in (RT.HEADER, RT.FOOTER):
            element = relationship.target_part.element
            texts += ["".join(t.text or "" for t in p.iter(qn("w:t"))) for p in element.iter(qn("w:p"))]
    return [" ".join(text.split()) for text in texts]


def _bad_tag(template: DocxTemplate) -> str | None:
    """The first tag in the template that does not compile on its own."""
    environment = _environment()
    for text in _template_texts(template):
        for match in _TAG.finditer(text):
            tag = match.group(0)
            if tag.startswith("{{"):
                try:
                    environment.compile(tag)  # compiled, not only parsed: an unknown filter is found too
                except jinja2.TemplateSyntaxError:
                    return tag
                except Exception:  # noqa: BLE001, S112 - any other fault is for the render to report
                    continue
            elif not tag.endswith("%}"):
                return tag
    return None


def _syntax_error(path: Path, template: DocxTemplate, error: jinja2.TemplateSyntaxError) -> TemplateError:
    tag = _bad_tag(template)
    where = f"the tag '{tag}'" if tag else "a template tag"
    return TemplateError(f"The Word template {path} has an error in {where}: {(error.message or '').rstrip('.')}.")


def render_docx(
    view: JobSpecification,
    template_path: Path | None = None,
    *,
    week_png: bytes | None = None,
    logo_png: bytes | None = None,
) -> bytes:
    path = template_path or default_template()
    return _render(_open(path), path, view, week_png, logo_png)


def _render(
    template: DocxTemplate, path: Path, view: JobSpecification, week_png: bytes | None, logo_png: bytes | None
) -> bytes:
    pictures = Pictures()
    week = Picture(week_png, view.week_alt_text or "Picture of the working week", width=Cm(16)) if week_png else None
    logo = Picture(logo_png, _logo_alt_text(view), height=Cm(1.4)) if logo_png else None
    context = template_context(view)
    context["week_picture"] = pictures.marker("week", week)
    context["logo"] = pictures.marker("logo", logo)
    try:
        template.render(context, jinja_env=_environment(context))
    except TemplateRefused as error:
        raise TemplateError(f"The Word template {path} cannot be used: {error}.") from error
    except jinja2.TemplateSyntaxError as error:
        raise _syntax_error(path, template, error) from error
    except jinja2.UndefinedError as error:
        raise TemplateError(f"The Word template {path} uses a field that does not exist ({error.message}).") from error
    except RecursionError as error:
        raise TemplateError(f"The Word template {path} cannot be used: its tags nest too deeply.") from error
    except Exception as error:
        raise TemplateError(f"The Word template {path} could not be filled in ({error}).") from error
    document = template.docx
    _finish(document, view)
    if view.draft_mark == UNREVIEWED_MARK:  # a team's own template may not print spec.draft_mark
        mark_every_header(document, UNREVIEWED_MARK)
    pictures.place(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _each_part_once(buffer.getvalue())


def _adopt_core_properties(document: Any) -> None:
    """Link the template's docProps/core.xml under the relationship type python-docx looks for.

    LibreOffice links it as `.../officedocument/2006/relationships/metadata/core-properties`,
    which Word accepts but python-docx does not know: it would add a second part of the same
    name, and the saved file would hold docProps/core.xml twice. A part that is not core
    properties after all (by its content type) loses its link and python-docx makes a new one.
    """
    rels = document.part.package.rels
    if any(rel.reltype == RT.CORE_PROPERTIES for rel in rels.values()):
        return
    for rId, rel in list(rels.items()):
        if rel.is_external or not rel.reltype.lower().endswith("/metadata/core-properties"):
            continue
        if isinstance(rel.target_part, CorePropertiesPart):
            rel._reltype = RT.CORE_PROPERTIES  # python-docx has no public way to retype a link
        else:
            del rels[rId]


def _each_part_once(data: bytes) -> bytes:
    """The package with every entry name once: the last one written wins, in first-seen order.

    Word may call a file whose zip holds a name twice damaged. Nothing here should write one
    twice; this makes sure no template can make it happen.
    """
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        if len({entry.filename for entry in entries}) == len(entries):
            return data
        last = {entry.filename: entry for entry in entries}
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
            for entry in last.values():
                target.writestr(entry, archive.read(entry))
    return buffer.getvalue()


def core_property(text: str) -> str:
    """A document property Word can hold: cleaned, and cut to 255 characters with an ellipsis.

    Only the property is cut; the document itself carries the whole text.
    """
    text = clean(text)
    return text if len(text) <= MAX_PROPERTY else text[: MAX_PROPERTY - 1] + "…"


def _finish(document: Any, view: JobSpecification) -> None:
    properties = document.core_properties
    properties.title = core_property(view.document_title)
    properties.subject = "System leadership job specification"
    properties.author = core_property(view.author)
    properties.keywords = core_property(", ".join(view.keywords))
    properties.language = "en-GB"
    properties.content_status = core_property(view.draft_mark or view.status)
    # The template's own dates (python-docx's default template says 2013) are not this document's.
    exported = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.created = exported
    properties.modified = exported
    properties.last_modified_by = core_property(view.author)
    properties.comments = core_property(f"Version {view.version} ({view.status.lower()}), {view.date}")
    set_language(document)
    for picture in document.element.body.iter(_DOCPR):
        picture.set("descr", view.week_alt_text or "Picture of the working week")
    _describe_tables(document.element.body, view)
    # docxtpl replaces header parts with new ones that section.header does not see: use the rels.
    for relationship in document.part.rels.values():
        if relationship.reltype == RT.HEADER:
            for picture in relationship.target_part.element.iter(_DOCPR):
                picture.set("descr", _logo_alt_text(view))


#: The order Word's schema gives a cell's properties: docxtpl's `cellbg` puts the shading first.
_CELL_PROPERTIES = [
    qn(f"w:{name}")
    for name in (
        "cnfStyle", "tcW", "gridSpan", "hMerge", "vMerge", "tcBorders", "shd", "noWrap", "tcMar",
        "textDirection", "tcFitText", "vAlign", "hideMark",
    )
]  # fmt: skip


def _describe_tables(body: Any, view: JobSpecification) -> None:
    """Alt text on the drawn tables (the structure chart, the week), and cell properties in schema order."""
    descriptions = {
        STRUCTURE_CAPTION: view.structure_alt_text,
        WEEK_CAPTION: view.week_table.alt_text if view.week_table else "",
    }
    for properties in body.iter(qn("w:tblPr")):
        caption = properties.find(qn("w:tblCaption"))
        text = descriptions.get(caption.get(qn("w:val"), "")) if caption is not None else None
        if text:
            for old in properties.findall(qn("w:tblDescription")):
                properties.remove(old)
            # The whole description: the 255-character cap is for document properties, not alt text.
            description = properties.makeelement(qn("w:tblDescription"), {qn("w:val"): clean(text)})
            caption.addnext(description)
        if caption is not None and caption.get(qn("w:val")) == STRUCTURE_CAPTION:
            _end_keeping_with_next(properties.getparent())
    for table in body.iter(qn("w:tbl")):
        _cells_fill_the_grid(table)
    rank = {tag: index for index, tag in enumerate(_CELL_PROPERTIES)}
    for properties in body.iter(qn("w:tcPr")):
        children = list(properties)
        ordered = sorted(children, key=lambda child: rank.get(child.tag, len(rank)))
        if ordered != children:
            for child in children:
                properties.remove(child)
            properties.extend(ordered)


def _end_keeping_with_next(table: Any) -> None:
    """The chart's rows keep together, but its last row does not keep with what follows.

    Every row keeps with the next (the template's `keep_together`), so the chart is not split
    over two pages; were the last row to keep with the next paragraph too, the chart would be
    chained to the next section's headings and first lines, and LibreOffice would push the whole
    chain to the next page, leaving much of the first page empty.
    """
    rows = table.findall(qn("w:tr"))
    if len(rows) < 2:
        return
    for keep in rows[-1].iter(qn("w:keepNext")):
        keep.getparent().remove(keep)


def _cells_fill_the_grid(table: Any) -> None:
    """Each cell as wide as its grid column: docxtpl's column loops (`{%tc %}`) resize the grid only."""
    grid = table.find(qn("w:tblGrid"))
    columns = [] if grid is None else [column.get(qn("w:w")) for column in grid.findall(qn("w:gridCol"))]
    for row in table.findall(qn("w:tr")):
        cells = row.findall(qn("w:tc"))
        if len(cells) != len(columns):
            continue  # a merged or uneven row (a house template's): left as it is
        for cell, width in zip(cells, columns, strict=True):
            size = cell.find(f"{qn('w:tcPr')}/{qn('w:tcW')}")
            if size is not None and width is not None:
                size.set(qn("w:type"), "dxa")
                size.set(qn("w:w"), width)


def _logo_alt_text(view: JobSpecification) -> str:
    return f"{view.organisation} logo" if view.organisation else "Organisation logo"


@cache
def _bundled_template() -> bytes:
    """The bundled template's bytes, read once a process (b"" if it is missing: nothing then matches)."""
    try:
        return default_template().read_bytes()
    except OSError:
        return b""


def _uses_fields(template: DocxTemplate) -> bool:
    """Whether any tag in the template prints or tests a field of the specification or a heading."""
    return any(_FIELD.search(tag.group(0)) for text in _template_texts(template) for tag in _TAG.finditer(text))


def check_template(path: Path, sample: JobSpecification) -> None:
    """Fill the template with a full sample, pictures and all; raise TemplateError naming the first bad tag.

    A template with no field at all is refused too: every export would be its own text alone.
    The bundled template (the same bytes as `default_template()`, wherever it is) is not filled in
    here: the tests that build it fill it with every section, and filling it again would double
    the work of every command-line export, which checks the template first.
    """
    data = read_template(path)
    if data == _bundled_template():
        return
    template = _open(path, data)
    uses_fields = _uses_fields(template)  # read before rendering, which replaces the document
    # Every optional part present, so a tag behind {% if logo %} or {% if spec.organisation %} is tried too.
    full = replace(
        sample,
        organisation=sample.organisation or SAMPLE_ORGANISATION,
        week_alt_text=sample.week_alt_text or "Bar chart of the working week.",
    )
    _render(template, path, full, PLACEHOLDER_PNG, PLACEHOLDER_PNG)
    if not uses_fields:
        raise TemplateError(
            f"The Word template {path} has none of the job specification's fields (such as {{{{ spec.title }}}}), "
            "so it would export a document with nothing from the design."
        )
