"""Two Word bodies compared, the new one marked with native tracked changes (`w:ins`, `w:del`).

Blocks are compared as a reader sees them: paragraphs by their style and text, tables by their
heading row and then row by row. Paragraphs and rows one side lacks are inserted or deleted whole
(the paragraph mark and, for a row, `w:trPr` too, so accepting or rejecting leaves no empty
line); a paragraph or cell reworded is compared word by word (`difflib.SequenceMatcher` on
words, spaces and marks). How blocks and words line up is `alignment`'s, plain Python over their
keys; this module reads the blocks, keys them and marks the XML. Only the XML is touched:
`trackchanges` renders the documents and writes the package.
"""

from __future__ import annotations

import copy
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree

from roledesigner.documents.alignment import Key, aligned, alike, word_stretches

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
#: Words, runs of white space and marks each count as one token of a word-level comparison.
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]", re.UNICODE)
#: What a run may hold for a word-level comparison; anything else compares the paragraph whole.
_SIMPLE_RUN = {"rPr", "t", "tab", "br", "cr"}
#: Marks copied from the old document that would clash with the new one's (ids, ranges).
_DROPPED_FROM_OLD = {"bookmarkStart", "bookmarkEnd", "commentRangeStart", "commentRangeEnd", "proofErr"}
#: The tokens that stand for a tab and a line break.
_TAB, _BREAK = "\t", "\n"
#: Between the cells' texts in a row's key.
_CELL = "\x1f"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@dataclass
class _Marks:
    """Makes the revision marks: one author and date, and a new id for each mark."""

    author: str
    date: str
    next_id: int

    def mark(self, kind: str) -> Any:
        element = etree.Element(w(kind), nsmap={"w": W})
        element.set(w("id"), str(self.next_id))
        element.set(w("author"), self.author)
        element.set(w("date"), self.date)
        self.next_id += 1
        return element


# --- reading blocks ------------------------------------------------------------------------------


def _run_text(run: Any) -> str:
    parts = []
    for child in run:
        name = _local(child)
        if name in ("t", "delText"):
            parts.append(child.text or "")
        elif name == "tab":
            parts.append("\t")
        elif name in ("br", "cr"):
            parts.append("\n")
        elif name == "drawing":
            parts.append(f"[{_picture_text(child)}]")
    return "".join(parts)


def _picture_text(drawing: Any) -> str:
    described = next((e.get("descr") or e.get("name") for e in drawing.iter(_DOCPR)), None)
    return f"Picture: {described}" if described else "Picture"


def _text(element: Any) -> str:
    return "".join(_run_text(run) for run in element.iter(w("r")))


def _style(paragraph: Any) -> str:
    found = paragraph.find(f"{w('pPr')}/{w('pStyle')}")
    return "" if found is None else str(found.get(w("val")) or "")


def _key(block: Any) -> tuple[str, ...]:
    """What makes two blocks the same block: a paragraph's style, text and whether it holds more than
    text (a picture); a table's heading row."""
    name = _local(block)
    if name == "p":
        return ("p", _style(block), _text(block), "complex" if _complex(block) else "")
    if name == "tbl":
        first = block.find(w("tr"))
        return ("tbl", "" if first is None else _row_key(first))
    return (name, etree.tostring(block).decode("utf-8"))


def _row_key(row: Any) -> str:
    return _CELL.join(_text(cell) for cell in row.findall(w("tc")))


def _block_score(a: Key, b: Key) -> float:
    """Paragraphs of one style, plain text both, may be one paragraph reworded; nothing else may."""
    if a[0] != "p" or b[0] != "p" or a[1] != b[1] or a[3] or b[3]:
        return 0.0
    return alike(a[2], b[2])


def _row_score(a: Key, b: Key) -> float:
    """Rows with as many cells may be one row reworded (rows known by their label pair by it alone)."""
    if a[0] != "row" or b[0] != "row" or a[1].count(_CELL) != b[1].count(_CELL):
        return 0.0
    return alike(a[1].replace(_CELL, " "), b[1].replace(_CELL, " "))


def _row_keys(old: Sequence[Any], new: Sequence[Any]) -> Callable[[Any], Key]:
    """How rows are known: by their first cell when it labels one row on each side (the job
    details' "Grade"), so a value rewritten whole is that row changed; else by all their text."""

    def label(row: Any) -> str:
        first = row.find(w("tc"))
        return "" if first is None else _text(first)

    old_labels = Counter(label(row) for row in old)
    new_labels = Counter(label(row) for row in new)

    def key(row: Any) -> Key:
        found = label(row)
        if found.strip() and old_labels[found] == 1 and new_labels[found] == 1:
            return ("label", found)
        return ("row", _row_key(row))

    return key


# --- marking whole blocks ------------------------------------------------------------------------


def _from_old(element: Any) -> Any:
    """A copy of an old block fit to sit in the new document: marks that need ids or ranges gone,
    and pictures (whose files are the old document's) left as their description."""
    element = copy.deepcopy(element)
    for mark in [e for e in element.iter() if _local(e) in _DROPPED_FROM_OLD]:
        mark.getparent().remove(mark)
    for drawing in list(element.iter(w("drawing"))):
        text = etree.Element(w("t"))
        text.text = f"[{_picture_text(drawing)}]"
        drawing.getparent().replace(drawing, text)
    for node in element.iter():
        for name in [n for n in node.attrib if n.rsplit("}", 1)[-1] in ("paraId", "textId")]:
            del node.attrib[name]
    return element


def _mark_paragraph(paragraph: Any, kind: str, marks: _Marks) -> None:
    """The paragraph mark inserted or deleted (`w:pPr/w:rPr/w:ins`), so the line itself goes too."""
    properties = paragraph.find(w("pPr"))
    if properties is None:
        properties = etree.Element(w("pPr"))
        paragraph.insert(0, properties)
    run_properties = properties.find(w("rPr"))
    if run_properties is None:
        run_properties = etree.Element(w("rPr"))
        later = next((c for c in properties if _local(c) in ("sectPr", "pPrChange")), None)
        if later is None:
            properties.append(run_properties)
        else:
            later.addprevious(run_properties)
    run_properties.insert(0, marks.mark(kind))


def _wrap_runs(element: Any, kind: str, marks: _Marks) -> None:
    """Every run in `element` inside a `w:ins` or `w:del` of its own; deleted text becomes `w:delText`."""
    for run in list(element.iter(w("r"))):
        if kind == "del":
            for text in run.iter(w("t")):
                text.tag = w("delText")
            for instruction in run.iter(w("instrText")):
                instruction.tag = w("delInstrText")
        wrapper = marks.mark(kind)
        run.addprevious(wrapper)
        wrapper.append(run)


def _mark_row(row: Any, kind: str, marks: _Marks) -> None:
    properties = row.find(w("trPr"))
    if properties is None:
        properties = etree.Element(w("trPr"))
        exceptions = row.find(w("tblPrEx"))
        if exceptions is None:
            row.insert(0, properties)
        else:
            exceptions.addnext(properties)
    change = properties.find(w("trPrChange"))
    if change is None:
        properties.append(marks.mark(kind))
    else:
        change.addprevious(marks.mark(kind))
    for paragraph in row.iter(w("p")):
        _mark_paragraph(paragraph, kind, marks)
    _wrap_runs(row, kind, marks)


def _whole(block: Any, kind: str, marks: _Marks) -> Any:
    """A block inserted (`ins`) or deleted (`del`) whole: paragraph marks and, in a table, each row."""
    if kind == "del":
        block = _from_old(block)
    name = _local(block)
    if name == "p":
        _mark_paragraph(block, kind, marks)
        _wrap_runs(block, kind, marks)
    elif name == "tbl":
        for row in block.findall(w("tr")):
            _mark_row(row, kind, marks)
    else:
        _wrap_runs(block, kind, marks)
    return block


# --- word by word --------------------------------------------------------------------------------


def _complex(paragraph: Any) -> bool:
    """Whether a paragraph holds more than plain runs of text (a picture, a field, a link)."""
    for child in paragraph:
        name = _local(child)
        if name == "r":
            if any(_local(part) not in _SIMPLE_RUN for part in child):
                return True
        elif name not in ("pPr", "proofErr", "bookmarkStart", "bookmarkEnd"):
            return True
    return False


def _tokens(paragraph: Any) -> list[tuple[str, Any]]:
    """The paragraph as (token, the run's properties): words, spaces, marks, tabs and breaks."""
    found: list[tuple[str, Any]] = []
    for run in paragraph.iter(w("r")):
        properties = run.find(w("rPr"))
        for part in run:
            name = _local(part)
            if name == "t":
                found.extend((token, properties) for token in _TOKEN.findall(part.text or ""))
            elif name == "tab":
                found.append(("\t", properties))
            elif name in ("br", "cr"):
                found.append(("\n", properties))
    return found


def _runs(tokens: Sequence[tuple[str, Any]], deleted: bool) -> list[Any]:
    """Runs for consecutive tokens, one run for each stretch with the same properties."""
    runs: list[Any] = []
    last_key: bytes | None = None
    text: Any = None
    for token, properties in tokens:
        key = b"" if properties is None else etree.tostring(properties)
        if key != last_key or text is None or token in (_TAB, _BREAK):
            run = etree.Element(w("r"))
            if properties is not None:
                run.append(copy.deepcopy(properties))
            runs.append(run)
            last_key, text = key, None
        if token == _TAB:
            etree.SubElement(run, w("tab"))
            text = None
        elif token == _BREAK:
            etree.SubElement(run, w("br"))
            text = None
        else:
            if text is None:
                text = etree.SubElement(run, w("delText" if deleted else "t"))
                text.set(_XML_SPACE, "preserve")
                text.text = ""
            text.text += token
    return runs


def _reworded(old: Any, new: Any, marks: _Marks) -> list[Any]:
    """The new paragraph with the words that differ from the old one marked."""
    if _complex(old) or _complex(new):
        if etree.tostring(_canonical(old)) == etree.tostring(_canonical(new)):
            return [new]
        return [_whole(old, "del", marks), _whole(new, "ins", marks)]
    before, after = _tokens(old), _tokens(new)
    result = etree.Element(w("p"))
    for name, value in new.attrib.items():
        result.set(name, value)
    properties = new.find(w("pPr"))
    if properties is not None:
        result.append(copy.deepcopy(properties))
    for same, i1, i2, j1, j2 in word_stretches([t for t, _ in before], [t for t, _ in after]):
        if same:
            result.extend(_runs(after[j1:j2], deleted=False))
            continue
        if i2 > i1:
            wrapper = marks.mark("del")
            wrapper.extend(_runs(before[i1:i2], deleted=True))
            result.append(wrapper)
        if j2 > j1:
            wrapper = marks.mark("ins")
            wrapper.extend(_runs(after[j1:j2], deleted=False))
            result.append(wrapper)
    return [result]


def _canonical(paragraph: Any) -> Any:
    """A paragraph with what differs between two renders of the same content taken out (ids, links)."""
    copied = copy.deepcopy(paragraph)
    for node in copied.iter():
        for name in list(node.attrib):
            local = name.rsplit("}", 1)[-1]
            if local in ("id", "embed", "link", "paraId", "textId") or local.startswith("rsid"):
                del node.attrib[name]
    return copied


# --- merging -------------------------------------------------------------------------------------


def _merged_blocks(old: Sequence[Any], new: Sequence[Any], marks: _Marks) -> list[Any]:
    merged: list[Any] = []
    for before, after in aligned(old, new, _key, _block_score):
        if after is None:
            merged.append(_whole(before, "del", marks))
        elif before is None:
            merged.append(_whole(after, "ins", marks))
        elif _local(after) == "tbl":
            merged.append(_merged_table(before, after, marks))
        elif _local(after) == "p":
            same = _key(before) == _key(after) and not _complex(after)
            merged.extend([after] if same else _reworded(before, after, marks))
        else:
            merged.append(after)
    return merged


def _merged_table(old: Any, new: Any, marks: _Marks) -> Any:
    rows_before, rows_after = old.findall(w("tr")), new.findall(w("tr"))
    table = copy.deepcopy(new)
    for row in table.findall(w("tr")):
        table.remove(row)
    for before, after in aligned(rows_before, rows_after, _row_keys(rows_before, rows_after), _row_score):
        if after is None:
            row = _from_old(before)
            _mark_row(row, "del", marks)
        elif before is None:
            row = copy.deepcopy(after)
            _mark_row(row, "ins", marks)
        else:
            row = _merged_row(before, after, marks)
        table.append(row)
    return table


def _merged_row(old: Any, new: Any, marks: _Marks) -> Any:
    row = copy.deepcopy(new)
    for cell_before, cell in zip(old.findall(w("tc")), row.findall(w("tc")), strict=True):
        if _text(cell_before) == _text(cell):
            continue
        blocks = [child for child in cell if _local(child) in ("p", "tbl")]
        earlier = [child for child in cell_before if _local(child) in ("p", "tbl")]
        for block in blocks:
            cell.remove(block)
        if len(blocks) == len(earlier) == 1 and _local(blocks[0]) == _local(earlier[0]) == "p":
            cell.extend(_reworded(earlier[0], blocks[0], marks))  # a cell's one value, reworded word by word
        else:
            cell.extend(_merged_blocks(earlier, blocks, marks))
    return row


def _first_free_id(root: Any) -> int:
    ids = [int(value) for node in root.iter() if (value := node.get(w("id"))) is not None and value.isdigit()]
    return max(ids, default=0) + 1


def mark_changes(old_root: Any, new_root: Any, *, author: str, date: str) -> None:
    """Put the old document's differences into the new one's body (`w:document` roots), as tracked
    changes by `author` on `date` (ISO 8601, as Word writes it)."""
    marks = _Marks(author, date, _first_free_id(new_root))
    old_body, new_body = old_root.find(w("body")), new_root.find(w("body"))
    section = new_body.find(w("sectPr"))
    old_blocks = [child for child in old_body if _local(child) != "sectPr"]
    new_blocks = [child for child in new_body if _local(child) != "sectPr"]
    merged = _merged_blocks(old_blocks, new_blocks, marks)
    for child in list(new_body):
        new_body.remove(child)
    new_body.extend(merged)
    if section is not None:
        new_body.append(section)
