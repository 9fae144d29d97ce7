"""Build the packs' Word templates, `templates/interview_pack.docx` and `templates/shortlisting.docx`.

They are style-only: the job specification's house style (`documents.templatebuild`), the page
set-up, and a header and footer holding the markers `wordparts` fills in. Nothing in them runs.
Run `python -m roledesigner.documents.packs.templatebuild` after changing this file.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from roledesigner.documents.templatebuild import DARK, _styles, _tidy_package, page_footer
from roledesigner.files.paths import templates_dir

INTERVIEW_TEMPLATE = "interview_pack.docx"
SHORTLISTING_TEMPLATE = "shortlisting.docx"
#: Page width, height and margin in centimetres: the interview pack is read on A4 portrait, the
#: shortlisting forms hold a column per candidate and print on A4 landscape.
PAGES = {INTERVIEW_TEMPLATE: (21.0, 29.7, 2.0), SHORTLISTING_TEMPLATE: (29.7, 21.0, 1.5)}
TITLES = {INTERVIEW_TEMPLATE: "Interview pack", SHORTLISTING_TEMPLATE: "Shortlisting forms"}


def _header_and_footer(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    header.add_run("[logo]")
    name = header.add_run("  [organisation]")
    name.font.size = Pt(10)
    name.font.color.rgb = DARK
    page_footer(section.footer.paragraphs[0], " · [document]")


def build(path: Path) -> None:
    width, height, margin = PAGES[path.name]
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE if width > height else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(width), Cm(height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(margin))
    _styles(document)
    _header_and_footer(document)
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    properties = document.core_properties
    properties.title = TITLES[path.name]
    properties.author = "Role Designer"
    properties.last_modified_by = "Role Designer"
    properties.comments = ""
    built = dt.datetime.now(dt.UTC).replace(microsecond=0)
    properties.created = built
    properties.modified = built
    properties.language = "en-GB"
    document.save(str(path))
    _tidy_package(path)


def template_path(name: str) -> Path:
    return templates_dir() / name


if __name__ == "__main__":
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else templates_dir()
    for name in PAGES:
        build(folder / name)
        print(f"Wrote {folder / name}")
