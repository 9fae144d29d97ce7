"""Pictures in a Word template: inert markers while the template is filled in, pictures after.

docxtpl's own `InlineImage` hands the template an object that holds the whole `DocxTemplate`
(`.tpl`), which can render itself outside the sandbox or save anywhere. Here the template is
given only a marker, a short piece of plain text made afresh for every render; once the
template is filled in, each marker left in a run of text becomes the picture, in that run's
place. A marker the template took apart (`{{ logo|upper }}`) is just text and stays text.
"""

from __future__ import annotations

import copy
import io
import re
import secrets
from dataclasses import dataclass
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.oxml.shape import CT_Inline
from docx.shared import Length

_DOCPR = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

#: The smallest picture there is (a transparent 1 by 1 PNG): what the template check fills in
#: for the week picture and the logo, so a template's picture tags are tried before any export.
PLACEHOLDER_PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000b49444154789c6360000200000500017a5eab3f0000000049454e44ae426082"
)


@dataclass(frozen=True)
class Picture:
    png: bytes
    alt_text: str
    width: Length | None = None
    height: Length | None = None


class Pictures:
    """The markers of one render, and the pictures they stand for."""

    def __init__(self) -> None:
        self._nonce = secrets.token_hex(8)
        self._pictures: dict[str, Picture] = {}

    def marker(self, name: str, picture: Picture | None) -> str:
        """Plain text for the template to print, or "" (false in `{% if %}`) when there is no picture."""
        if picture is None:
            return ""
        token = f"RDPICTURE{self._nonce}{name.upper()}"
        self._pictures[token] = picture
        return token

    def place(self, document: Any) -> None:
        """Every marker in the body, headers and footers becomes its picture."""
        if not self._pictures:
            return
        pattern = re.compile("(" + "|".join(map(re.escape, self._pictures)) + ")")
        parts = [document.part] + [
            rel.target_part for rel in document.part.rels.values() if rel.reltype in (RT.HEADER, RT.FOOTER)
        ]
        next_id = 1 + max((_int(e.get("id")) for p in parts for e in p.element.iter(_DOCPR)), default=0)
        for part in parts:
            for text in [t for t in part.element.iter(qn("w:t")) if t.text and pattern.search(t.text)]:
                next_id = self._split(part, text, pattern, next_id)

    def _split(self, part: Any, text: Any, pattern: re.Pattern[str], next_id: int) -> int:
        """Cut the run at each marker and put the picture, in a run of its own, between the pieces."""
        run = text.getparent()
        if run is None or run.tag != qn("w:r"):
            text.text = pattern.sub("", text.text)
            return next_id
        pieces = pattern.split(text.text)
        text.text = pieces[0]
        properties = run.find(qn("w:rPr"))
        after = list(text.itersiblings())  # what followed the marker in its run moves after the picture
        anchor = run
        for piece in pieces[1:]:
            new_run = run.makeelement(qn("w:r"), {})
            if properties is not None:
                new_run.append(copy.deepcopy(properties))
            if piece in self._pictures:
                drawing = new_run.makeelement(qn("w:drawing"), {})
                drawing.append(self._inline(part, self._pictures[piece], next_id))
                new_run.append(drawing)
                next_id += 1
            elif piece:
                new_text = new_run.makeelement(qn("w:t"), {_SPACE: "preserve"})
                new_text.text = piece
                new_run.append(new_text)
            else:
                continue
            anchor.addnext(new_run)
            anchor = new_run
        if after:
            rest = run.makeelement(qn("w:r"), {})
            if properties is not None:
                rest.append(copy.deepcopy(properties))
            rest.extend(after)
            anchor.addnext(rest)
        if not text.text:
            run.remove(text)
        return next_id

    @staticmethod
    def _inline(part: Any, picture: Picture, shape_id: int) -> Any:
        image_part = part.package.get_or_add_image_part(io.BytesIO(picture.png))
        rId = part.relate_to(image_part, RT.IMAGE)
        image = image_part.image
        cx, cy = image.scaled_dimensions(picture.width, picture.height)
        inline = CT_Inline.new_pic_inline(shape_id, rId, image.filename, cx, cy)
        inline.docPr.set("descr", picture.alt_text)
        return inline


def _int(value: str | None) -> int:
    try:
        return int(value or 0)
    except ValueError:
        return 0
