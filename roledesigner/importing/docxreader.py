"""A Word document's text in order, with what the mapping needs to know about its look.

The XML is read directly (lxml, with entities, DTDs and the network off), not through
python-docx, for speed and because python-docx hides what matters here: numbering that comes
from a paragraph's style, cells merged across (`gridSpan`) and down (`vMerge`), text boxes, and
content controls. Sizes are checked from the zip's directory before anything is unpacked, so a
file that would unpack to gigabytes is refused unread.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from roledesigner.importing import refusals
from roledesigner.importing.blocks import Block, Cell, ListKind, Paragraph, Part, SourceDocument, Table, typed_marker

#: No job description's parts come near this unpacked; the zip's directory is checked first.
MAX_UNPACKED_MB = 100
MAX_PARTS = 5000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
#: The namespace of a Strict Open XML document, which Word writes only when asked and this reader does not read.
_STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_TXBX = f"{_W}txbxContent"
#: Inside a paragraph, what holds no text of its own (or holds text that is not shown).
_SKIP_IN_PARAGRAPH = frozenset({f"{_W}pPr", f"{_W}rPr", f"{_W}del", f"{_W}moveFrom", _TXBX, _MC_FALLBACK})
_FALSE = frozenset({"0", "false", "off", "none"})
_HEADER_PART = re.compile(r"^word/(header|footer)(\d*)\.xml$")


def _parser() -> etree.XMLParser:
    """No entities, no DTD, nothing from the network; lxml's own limits on depth and size stay on."""
    return etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, remove_comments=True, remove_pis=True, huge_tree=False
    )


def _on(element: etree._Element | None) -> bool:
    """A toggle such as <w:b/> or <w:b w:val="false"/>."""
    return element is not None and str(element.get(f"{_W}val", "true")).lower() not in _FALSE


@dataclass(frozen=True)
class _Style:
    name: str
    based_on: str | None
    num_id: str | None
    ilvl: int | None
    outline: int | None
    bold: bool | None
    caps: bool | None


@dataclass(frozen=True)
class _Look:
    """A paragraph style resolved along its `basedOn` chain."""

    name: str = ""
    num_id: str | None = None
    ilvl: int = 0
    outline: int | None = None
    bold: bool = False
    caps: bool = False


class _Package:
    """The parts of the zip this reader uses, each unpacked at most once and within the limits."""

    def __init__(self, path: Path, data: bytes) -> None:
        self.path = path
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError) as error:
            raise refusals.not_a_zip(path) from error
        if len(infos) > MAX_PARTS:
            raise refusals.too_big_unpacked(path, MAX_UNPACKED_MB)
        if sum(info.file_size for info in infos) > MAX_UNPACKED_MB * 1024 * 1024:
            raise refusals.too_big_unpacked(path, MAX_UNPACKED_MB)
        self.names = {info.filename for info in infos}

    def xml(self, name: str) -> etree._Element | None:
        if name not in self.names:
            return None
        try:
            raw = self.zip.read(name)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
            raise refusals.damaged(self.path, f"its part {name} cannot be unpacked") from error
        try:
            return etree.fromstring(raw, _parser())
        except etree.XMLSyntaxError as error:
            line = getattr(error, "lineno", 0)
            where = f" at line {line}" if line else ""
            raise refusals.damaged(self.path, f"its part {name} is not well-formed XML{where}") from error


def _styles(root: etree._Element | None) -> dict[str, _Style]:
    found: dict[str, _Style] = {}
    if root is None:
        return found
    for style in root.iter(f"{_W}style"):
        if style.get(f"{_W}type") not in (None, "paragraph"):
            continue
        style_id = style.get(f"{_W}styleId") or ""
        name = style.find(f"{_W}name")
        based = style.find(f"{_W}basedOn")
        ppr = style.find(f"{_W}pPr")
        rpr = style.find(f"{_W}rPr")
        num_id, ilvl, outline = _numbering(ppr)
        found[style_id] = _Style(
            name=str(name.get(f"{_W}val", "")) if name is not None else style_id,
            based_on=based.get(f"{_W}val") if based is not None else None,
            num_id=num_id,
            ilvl=ilvl,
            outline=outline,
            bold=_toggle(rpr, "b"),
            caps=_toggle(rpr, "caps"),
        )
    return found


def _toggle(rpr: etree._Element | None, tag: str) -> bool | None:
    if rpr is None:
        return None
    element = rpr.find(f"{_W}{tag}")
    return None if element is None else _on(element)


def _numbering(ppr: etree._Element | None) -> tuple[str | None, int | None, int | None]:
    """(numId, ilvl, outline level) from a pPr; each None when it does not say."""
    if ppr is None:
        return None, None, None
    num_id = ilvl = outline = None
    numpr = ppr.find(f"{_W}numPr")
    if numpr is not None:
        num = numpr.find(f"{_W}numId")
        level = numpr.find(f"{_W}ilvl")
        num_id = num.get(f"{_W}val") if num is not None else None
        ilvl = _int(level.get(f"{_W}val") if level is not None else None)
    outline_element = ppr.find(f"{_W}outlineLvl")
    if outline_element is not None:
        outline = _int(outline_element.get(f"{_W}val"))
    return num_id, ilvl, outline


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _resolve(styles: dict[str, _Style], style_id: str) -> _Look:
    """Walk `basedOn` (at most 20 steps: a loop in a hostile file ends there)."""
    name = styles[style_id].name if style_id in styles else style_id
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    bold: bool | None = None
    caps: bool | None = None
    current: str | None = style_id
    for _ in range(20):
        style = styles.get(current or "")
        if style is None:
            break
        num_id = num_id if num_id is not None else style.num_id
        ilvl = ilvl if ilvl is not None else style.ilvl
        outline = outline if outline is not None else style.outline
        bold = bold if bold is not None else style.bold
        caps = caps if caps is not None else style.caps
        current = style.based_on
    return _Look(name, num_id, ilvl or 0, outline, bool(bold), bool(caps))


def _list_formats(root: etree._Element | None) -> dict[tuple[str, int], ListKind | None]:
    """(numId, level) -> bullet or number, from numbering.xml (overrides included)."""
    if root is None:
        return {}
    abstract: dict[str, dict[int, str]] = {}
    for item in root.iter(f"{_W}abstractNum"):
        abstract[str(item.get(f"{_W}abstractNumId"))] = _levels(item)
    formats: dict[tuple[str, int], ListKind | None] = {}
    for num in root.iter(f"{_W}num"):
        num_id = str(num.get(f"{_W}numId"))
        ref = num.find(f"{_W}abstractNumId")
        levels = dict(abstract.get(str(ref.get(f"{_W}val")) if ref is not None else "", {}))
        for override in num.iter(f"{_W}lvlOverride"):
            levels.update(_levels(override))
        for level, fmt in levels.items():
            formats[(num_id, level)] = None if fmt == "none" else "bullet" if fmt == "bullet" else "number"
    return formats


def _levels(parent: etree._Element) -> dict[int, str]:
    levels: dict[int, str] = {}
    for lvl in parent.iter(f"{_W}lvl"):
        fmt = lvl.find(f"{_W}numFmt")
        level = _int(lvl.get(f"{_W}ilvl"))
        if level is not None:
            levels[level] = str(fmt.get(f"{_W}val", "decimal")) if fmt is not None else "decimal"
    return levels


def _runs(element: etree._Element) -> Iterator[etree._Element]:
    """The runs of a paragraph in order, leaving out text boxes, deleted text and fallbacks."""
    for child in element:
        tag = child.tag
        if tag == f"{_W}r":
            yield child
        elif isinstance(tag, str) and tag not in _SKIP_IN_PARAGRAPH:
            yield from _runs(child)


def _text_boxes(element: etree._Element) -> Iterator[etree._Element]:
    """Text boxes anchored in a paragraph, each once (the fallback copy of a drawing is skipped)."""
    for child in element:
        if child.tag == _TXBX:
            yield child
        elif isinstance(child.tag, str) and child.tag != _MC_FALLBACK:
            yield from _text_boxes(child)


class _Reader:
    def __init__(self, package: _Package) -> None:
        self.package = package
        self.styles = _styles(package.xml("word/styles.xml"))
        self.formats = _list_formats(package.xml("word/numbering.xml"))
        self.looks: dict[str, _Look] = {}
        self.paragraph_count = 0
        self.table_count = 0

    def look(self, style_id: str) -> _Look:
        if style_id not in self.looks:
            self.looks[style_id] = _resolve(self.styles, style_id)
        return self.looks[style_id]

    def default_style(self) -> str:
        for style_id, style in self.styles.items():
            if style.name.lower() == "normal":
                return style_id
        return ""

    # --- paragraphs ----------------------------------------------------------------------------

    def paragraph(self, element: etree._Element, source: str, part: Part) -> Paragraph | None:
        ppr = element.find(f"{_W}pPr")
        style_element = ppr.find(f"{_W}pStyle") if ppr is not None else None
        style_id = str(style_element.get(f"{_W}val", "")) if style_element is not None else self.default_style()
        look = self.look(style_id)
        pieces: list[str] = []
        all_bold = all_caps = True
        any_text = False
        for run in _runs(element):
            rpr = run.find(f"{_W}rPr")
            bold = _toggle(rpr, "b")
            caps = _toggle(rpr, "caps")
            run_text = "".join(self._run_text(run))
            pieces.append(run_text)
            if run_text.strip():
                any_text = True
                all_bold = all_bold and (bold if bold is not None else look.bold)
                all_caps = all_caps and (caps if caps is not None else look.caps)
        text = "".join(pieces).replace("\u00a0", " ").strip()
        if not text:
            return None
        num_id, ilvl, outline = _numbering(ppr)
        num_id = num_id if num_id is not None else look.num_id
        level = ilvl if ilvl is not None else look.ilvl
        kind: ListKind | None = None
        if num_id is not None and num_id != "0":
            # Numbered by a definition this file does not carry: still a list.
            kind = self.formats.get((num_id, level), "number")
        lowered = look.name.lower()
        if kind is None and lowered.startswith("list bullet"):
            kind = "bullet"
        elif kind is None and lowered.startswith("list number"):
            kind = "number"
        marker, typed_kind, rest = typed_marker(text)
        if marker:
            text, kind = rest, kind or typed_kind
        letters = [c for c in text if c.isalpha()]
        return Paragraph(
            text=text,
            source=source,
            style=look.name,
            heading_level=_heading_level(look, outline),
            list_kind=kind,
            list_level=level,
            marker=marker,
            bold=any_text and all_bold,
            caps=any_text and (all_caps or (len(letters) >= 3 and all(c.isupper() for c in letters))),
            part=part,
        )

    @staticmethod
    def _run_text(run: etree._Element) -> Iterator[str]:
        for child in run:
            tag = child.tag
            if tag == f"{_W}t":
                yield child.text or ""
            elif tag == f"{_W}tab":
                yield "\t"
            elif tag in (f"{_W}br", f"{_W}cr"):
                yield "\n"
            elif tag in (f"{_W}noBreakHyphen",):
                yield "-"
            elif tag == f"{_W}sym":
                yield "•"  # a symbol-font character: a bullet or a tick; its code means nothing here

    # --- the body ------------------------------------------------------------------------------

    def blocks(self, container: etree._Element, part: Part, inside: str = "") -> Iterator[Block]:
        """The paragraphs and tables of `container` in order; `inside` names the cell they are in."""
        for child in container:
            tag = child.tag
            if tag == f"{_W}p":
                self.paragraph_count += 1
                where = inside or (f"paragraph {self.paragraph_count}" if part == "body" else f"page {part}")
                found = self.paragraph(child, where, part)
                if found is not None:
                    yield found
                for box in _text_boxes(child):
                    yield from self.blocks(box, part, inside)
            elif tag == f"{_W}tbl":
                self.table_count += 1
                table = self.table(child, f"table {self.table_count}" if part == "body" else f"page {part}", part)
                if table is not None:
                    yield table
            elif tag in (f"{_W}sdt", f"{_W}customXml"):
                content = child.find(f"{_W}sdtContent") if tag == f"{_W}sdt" else child
                if content is not None:
                    yield from self.blocks(content, part, inside)

    def table(self, element: etree._Element, source: str, part: Part) -> Table | None:
        rows: list[tuple[Cell, ...]] = []
        anchors: dict[int, Cell] = {}  # grid column -> the cell a vMerge continues
        width = 0
        for row_element in _children(element, "tr"):
            trpr = row_element.find(f"{_W}trPr")
            before = trpr.find(f"{_W}gridBefore") if trpr is not None else None
            column = (_int(before.get(f"{_W}val")) or 0) if before is not None else 0
            cells: list[Cell] = []
            for cell_element in _children(row_element, "tc"):
                tcpr = cell_element.find(f"{_W}tcPr")
                span_element = tcpr.find(f"{_W}gridSpan") if tcpr is not None else None
                span = max(1, min(_int(span_element.get(f"{_W}val")) or 1, 64)) if span_element is not None else 1
                merge = tcpr.find(f"{_W}vMerge") if tcpr is not None else None
                continues = merge is not None and merge.get(f"{_W}val", "continue") != "restart"
                anchor = anchors.get(column)
                if continues and anchor is not None:
                    cell = Cell(column, anchor.paragraphs, span, continued=True)
                else:
                    where = f"{source}, row {len(rows) + 1}, column {column + 1}" if part == "body" else source
                    cell = Cell(column, tuple(self._cell_paragraphs(cell_element, where, part)), span)
                    anchors[column] = cell
                cells.append(cell)
                column += span
            width = max(width, column)
            rows.append(tuple(cells))
        if not any(cell.paragraphs for row in rows for cell in row):
            return None
        return Table(tuple(rows), source, width)

    def _cell_paragraphs(self, cell: etree._Element, where: str, part: Part) -> Iterator[Paragraph]:
        """A cell's paragraphs; a table inside a cell gives its cells' paragraphs, in order."""
        saved = self.paragraph_count, self.table_count
        for block in self.blocks(cell, part, where):
            if isinstance(block, Paragraph):
                yield block
            else:
                for row in block.rows:
                    for inner in row:
                        if not inner.continued:
                            yield from inner.paragraphs
        self.paragraph_count, self.table_count = saved  # cells are placed by table, row and column


def _children(element: etree._Element, name: str) -> Iterator[etree._Element]:
    """Rows of a table or cells of a row, also when a content control wraps them."""
    for child in element:
        if child.tag == f"{_W}{name}":
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}customXml"):
            content = child.find(f"{_W}sdtContent") if child.tag == f"{_W}sdt" else child
            if content is not None:
                yield from _children(content, name)


def _heading_level(look: _Look, outline: int | None) -> int | None:
    name = look.name.lower()
    if name == "title":
        return 0
    if name.startswith("heading ") and name[8:].strip().isdigit():
        return int(name[8:].strip())
    level = outline if outline is not None else look.outline
    return level + 1 if level is not None and 0 <= level < 9 else None


def read_docx(path: Path, data: bytes) -> SourceDocument:
    """The document body in order, with its headers and footers; ImportRefused for a bad file."""
    package = _Package(path, data)
    if "word/document.xml" not in package.names:
        raise refusals.not_word(path, "word/document.xml")
    root = package.xml("word/document.xml")
    body = root.find(f"{_W}body") if root is not None else None
    if body is None:
        if root is not None and etree.QName(root).namespace == _STRICT_W:
            raise refusals.strict_word(path)
        raise refusals.not_word(path, "document body")
    reader = _Reader(package)
    document = SourceDocument(path, "docx", body=list(reader.blocks(body, "body")))
    for name in sorted(package.names, key=_part_order):
        match = _HEADER_PART.match(name)
        part_root = package.xml(name) if match else None
        if match is None or part_root is None:
            continue
        part: Part = "header" if match[1] == "header" else "footer"
        target = document.headers if part == "header" else document.footers
        seen = {p.line for p in target}
        for block in reader.blocks(part_root, part):
            for paragraph in _flat(block):
                if paragraph.line not in seen:
                    seen.add(paragraph.line)
                    target.append(paragraph)
    for name, tag in (("word/footnotes.xml", "footnote"), ("word/endnotes.xml", "endnote")):
        notes = package.xml(name)
        for number, note in enumerate(notes.iter(f"{_W}{tag}") if notes is not None else ()):
            if note.get(f"{_W}type") in ("separator", "continuationSeparator", "continuationNotice"):
                continue
            for block in reader.blocks(note, "note", f"{tag} {number}"):
                document.notes.extend(_flat(block))
    return document


def _part_order(name: str) -> tuple[str, int]:
    match = _HEADER_PART.match(name)
    return (match[1], int(match[2] or 0)) if match else (name, 0)


def _flat(block: Block) -> Iterator[Paragraph]:
    if isinstance(block, Paragraph):
        yield block
    else:
        for row in block.rows:
            for cell in row:
                if not cell.continued:
                    yield from cell.paragraphs
