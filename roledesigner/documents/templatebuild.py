"""Build the default Word template, `templates/job_specification.docx`, with python-docx.

The template is data an HR user may restyle in Word or LibreOffice; building it from code keeps
the shipped one reproducible and reviewable. Run `make template` after changing this file.
Heading texts are fields (`{{ headings.purpose }}`), so the Word file and the preview share them.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import zipfile
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from roledesigner.documents.templatetables import (
    HEADER_FILL,
    data_table,
    partner_tables,
    structure_table,
    week_table,
)
from roledesigner.files.paths import templates_dir

__all__ = ["HEADER_FILL", "TEMPLATE_NAME", "build", "page_footer", "set_language"]

FONT = "Arial"
BLUE = RGBColor(0x00, 0x5E, 0xB8)
DARK = RGBColor(0x21, 0x2B, 0x32)
GREY = RGBColor(0x4C, 0x62, 0x72)
#: The "Draft" mark in the header, and the border that marks imported text not yet placed.
RED = RGBColor(0xDA, 0x29, 0x1C)
TEMPLATE_NAME = "job_specification.docx"
LEAD_IN_STYLE = "Lead-in"
#: Imported text not yet placed: marked by a red bar down its left side, so no one sends it out unread.
UNPLACED_STYLE = "Imported text"
#: The footer's size in points, page numbers included; the PDF's footer uses it too.
FOOTER_POINTS = 9.0
#: Area, criterion, essential or desirable, how assessed: the first holds "Qualifications" and
#: the last "Presentation" on one line at 12 pt, in Arial and in the wider DejaVu Sans that
#: LibreOffice uses in its place. The PDF's HTML gives the same shares in per cent.
PERSON_SPEC_WIDTHS_CM = [3.6, 6.6, 3.3, 3.5]
#: A sign-off in four columns (seven do not fit across A4 at 12 pt without breaking words):
#: the organisation, who (name and role), the decision (date and version) and the comment.
SIGNOFF_WIDTHS_CM = [4.0, 4.2, 4.6, 4.2]
SIGNOFF_CELLS = [
    "{{ s.organisation }}",
    "{{ s.name }}{% if s.role %}, {{ s.role }}{% endif %}",
    "{{ s.decision }}{% if s.date %}, {{ s.date }}{% endif %}{% if s.version %} (version {{ s.version }}){% endif %}",
    "{{ s.comment }}",
]


def set_language(document: object) -> None:
    """Set en-GB (and the body font) in the style defaults, where spell check and screen readers look."""
    styles = document.styles.element  # type: ignore[attr-defined]
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "en-GB")
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), FONT)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attribute), None)


def _style(document: object, name: str, size: float, bold: bool = False, colour: RGBColor = DARK) -> None:
    style = document.styles[name]  # type: ignore[attr-defined]
    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = colour
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
            fonts.attrib.pop(qn(attribute), None)
        for attribute in ("w:ascii", "w:hAnsi", "w:cs"):
            fonts.set(qn(attribute), FONT)


def _styles(document: object) -> None:
    set_language(document)
    normal = document.styles["Normal"]  # type: ignore[attr-defined]
    _style(document, "Normal", 12)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    _style(document, "Title", 24, bold=True, colour=RGBColor(0x00, 0x30, 0x87))
    title = document.styles["Title"]  # type: ignore[attr-defined]
    title.paragraph_format.space_after = Pt(4)
    # The default Title has a coloured bottom border: keep the look plain.
    ppr = title.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)
    for name, size in (("Heading 1", 16), ("Heading 2", 13.5), ("Heading 3", 12)):
        _style(document, name, size, bold=True, colour=BLUE if name != "Heading 3" else DARK)
        fmt = document.styles[name].paragraph_format  # type: ignore[attr-defined]
        fmt.space_before = Pt(14 if name == "Heading 1" else 10)
        fmt.space_after = Pt(4)
        fmt.keep_with_next = True
    _style(document, "Subtitle", 12, colour=GREY)
    subtitle = document.styles["Subtitle"]  # type: ignore[attr-defined]
    subtitle.paragraph_format.space_after = Pt(12)
    # python-docx's Subtitle is spaced out letter by letter and names a numbering level: plain text here.
    for parent, name in (
        (subtitle.element.get_or_add_pPr(), "w:numPr"),
        (subtitle.element.get_or_add_rPr(), "w:spacing"),
    ):
        for found in parent.findall(qn(name)):
            parent.remove(found)
    _style(document, "List Bullet", 12)
    # A line that introduces a list ("What good looks like:") stays on the page of the list.
    lead_in = document.styles.add_style(LEAD_IN_STYLE, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    lead_in.base_style = normal
    lead_in.quick_style = True
    lead_in.paragraph_format.keep_with_next = True
    lead_in.paragraph_format.space_after = Pt(2)
    lead_in.font.italic = True
    lead_in.font.color.rgb = GREY
    unplaced = document.styles.add_style(UNPLACED_STYLE, WD_STYLE_TYPE.PARAGRAPH)  # type: ignore[attr-defined]
    unplaced.base_style = normal
    unplaced.quick_style = True
    unplaced.paragraph_format.left_indent = Cm(0.4)
    _left_bar(unplaced.element.get_or_add_pPr())
    # Normal's 12 pt wins over a table style's size in Word and LibreOffice alike: say so here.
    _style(document, "Table Grid", 12)


def _left_bar(ppr: object) -> None:
    """A thick red border down the left of a paragraph (w:pBdr/w:left)."""
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for name, value in (("w:val", "single"), ("w:sz", "24"), ("w:space", "8"), ("w:color", str(RED))):
        left.set(qn(name), value)
    borders.append(left)
    ppr.append(borders)  # type: ignore[attr-defined]


def _paragraph(document: object, text: str, style: str | None = None) -> None:
    document.add_paragraph(text, style=style)  # type: ignore[attr-defined]


def _lines(document: object, loop: str, item: str = "{{ line }}", style: str | None = None) -> None:
    _paragraph(document, f"{{%p for {loop} %}}")
    _paragraph(document, item, style)
    _paragraph(document, "{%p endfor %}")


def _field(paragraph: object, instruction: str, size: float) -> None:
    """A simple field (PAGE, NUMPAGES) whose result has the footer's size and colour."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), str(GREY))
    properties.append(colour)
    for name in ("w:sz", "w:szCs"):
        half_points = OxmlElement(name)
        half_points.set(qn("w:val"), str(round(size * 2)))
        properties.append(half_points)
    run.append(properties)
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)  # type: ignore[attr-defined]


def _header_and_footer(document: object) -> None:
    section = document.sections[0]  # type: ignore[attr-defined]
    header = section.header.paragraphs[0]
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    mark = header.add_run("{{ spec.draft_mark }}")
    mark.bold = True
    mark.font.size = Pt(12)
    mark.font.color.rgb = RED
    header.add_run("  {{ logo }}")
    name = header.add_run("  {{ spec.organisation }}")
    name.font.size = Pt(10)
    name.font.color.rgb = DARK
    page_footer(section.footer.paragraphs[0], " · Version {{ spec.version }}, {{ spec.date }}")


def page_footer(footer: Any, tail: str) -> None:
    """ "Page N of M" as Word fields, then `tail`, small and grey: the footer every template shares."""
    footer.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for part in ("Page ", ("PAGE",), " of ", ("NUMPAGES",), tail):
        if isinstance(part, tuple):
            _field(footer, part[0], FOOTER_POINTS)
        else:
            run = footer.add_run(part)
            run.font.size = Pt(FOOTER_POINTS)
            run.font.color.rgb = GREY


def build(path: Path) -> None:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    _styles(document)
    _header_and_footer(document)
    # The sample paragraph python-docx's default document starts with is not wanted.
    body = document.element.body
    for paragraph in list(body.findall(qn("w:p"))):
        body.remove(paragraph)

    _paragraph(document, "{{ spec.title }}", "Title")
    _paragraph(document, "{{ spec.subtitle }}", "Subtitle")
    sections = [
        ("unmapped", _unmapped(document)),
        (
            "details",
            lambda: data_table(
                document, ["Item", "Detail"], ["{{ row.label }}", "{{ row.value }}"], [5, 12], "row in spec.details"
            ),
        ),
        ("purpose", lambda: _lines(document, "line in spec.purpose")),
        ("structure", lambda: structure_table(document)),
        ("system_context", lambda: _lines(document, "line in spec.system_context")),
        ("responsibilities", _responsibilities(document)),
        (
            "dimensions",
            lambda: data_table(
                document,
                ["Dimension", "Detail"],
                ["{{ row.label }}", "{{ row.value }}"],
                [5, 12],
                "row in spec.dimensions",
            ),
        ),
        ("time", _time(document)),
        ("joint", _joint(document)),
        (
            "relationships",
            lambda: _lines(
                document, "person in spec.relationships", "{{ person.name }} ({{ person.sector }})", "List Bullet"
            ),
        ),
        ("capabilities", _capabilities(document)),
        (
            "person_spec",
            lambda: data_table(
                document,
                ["Area", "Criterion", "Essential or desirable", "How assessed"],
                ["{{ row.category }}", "{{ row.criterion }}", "{{ row.requirement }}", "{{ row.assessed_by }}"],
                PERSON_SPEC_WIDTHS_CM,
                "row in spec.person_spec",
            ),
        ),
        ("development", lambda: _lines(document, "line in spec.development")),
        ("stability", lambda: _lines(document, "line in spec.stability")),
        ("clauses", _clauses(document)),
        (
            "glossary",
            lambda: data_table(
                document,
                ["Term", "Meaning"],
                ["{{ entry.term }}", "{{ entry.meaning }}"],
                [3, 14],
                "entry in spec.glossary",
            ),
        ),
        ("control", _control(document)),
    ]
    for key, fill in sections:
        _paragraph(document, f"{{%p if show.{key} %}}")
        _paragraph(document, f"{{{{ headings.{key} }}}}", "Heading 1")
        fill()
        _paragraph(document, "{%p endif %}")
    properties = document.core_properties
    properties.title = "Job description and person specification"
    properties.author = "Role Designer"
    properties.last_modified_by = "Role Designer"
    properties.comments = ""  # python-docx's "generated by python-docx"
    built = dt.datetime.now(dt.UTC).replace(microsecond=0)  # not python-docx's 2013
    properties.created = built
    properties.modified = built
    properties.language = "en-GB"
    document.save(str(path))
    _tidy_package(path)


#: The extended properties: python-docx's default template says it was made by "Microsoft
#: Macintosh Word" from Normal.dotm, which File > Properties then shows for every export.
APP_PROPERTIES = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>Role Designer</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
    "<HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def _tidy_package(path: Path) -> None:
    """Our own extended properties, and no thumbnail: python-docx's shows a blank page, which file
    managers would show for every exported job description. Each part name is written once."""
    with zipfile.ZipFile(path) as source:
        parts = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info, data in parts:
            if info.filename == "docProps/thumbnail.jpeg":
                continue
            if info.filename == "docProps/app.xml":
                data = APP_PROPERTIES.encode("utf-8")
            elif info.filename == "_rels/.rels":
                data = re.sub(rb"<Relationship [^>]*Target=\"docProps/thumbnail\.jpeg\"/>", b"", data)
            target.writestr(info, data)


def _responsibilities(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        _paragraph(document, "{%p for group in spec.responsibilities %}")
        _paragraph(document, "{{ group.heading }}", "Heading 2")
        _lines(document, "item in group.lines", "{{ item }}", "List Bullet")
        _paragraph(document, "{%p endfor %}")

    return fill


def _clauses(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        _paragraph(document, "{%p for clause in spec.clauses %}")
        _paragraph(document, "{{ clause.heading }}", "Heading 2")
        _lines(document, "line in clause.lines")
        _paragraph(document, "{%p endfor %}")

    return fill


def _time(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        _lines(document, "line in spec.time")
        # The week as a native table, not a picture: no Qt is needed to export Word.
        _paragraph(document, "{%p if spec.week_table %}")
        week_table(document)
        _lines(document, "line in spec.week_table.notes")
        _paragraph(document, "{%p endif %}")
        _lines(document, "line in spec.learning")

    return fill


def _joint(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        _lines(document, "line in spec.joint")
        partner_tables(document, _paragraph)

    return fill


def _unmapped(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        _paragraph(document, "{{ spec.unmapped_note }}", LEAD_IN_STYLE)
        _paragraph(document, "{%p for item in spec.unmapped %}")
        _paragraph(document, "{%p if item.heading or item.source %}")
        _paragraph(
            document,
            "{{ item.heading }}{% if item.heading and item.source %} · {% endif %}{{ item.source }}",
            LEAD_IN_STYLE,
        )
        _paragraph(document, "{%p endif %}")
        _paragraph(document, "{{ item.text }}", UNPLACED_STYLE)
        _paragraph(document, "{%p endfor %}")

    return fill


def _control(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        data_table(document, ["Item", "Detail"], ["{{ row.label }}", "{{ row.value }}"], [5, 12], "row in spec.control")
        _paragraph(document, "{%p if spec.signoffs %}")
        _paragraph(document, "Sign-off by each organisation:", LEAD_IN_STYLE)
        data_table(
            document,
            ["Organisation", "Signed off by", "Decision", "Comment"],
            SIGNOFF_CELLS,
            SIGNOFF_WIDTHS_CM,
            "s in spec.signoffs",
        )
        _paragraph(document, "{%p endif %}")

    return fill


def _capabilities(document: object):  # type: ignore[no-untyped-def]
    def fill() -> None:
        _paragraph(document, "{%p for domain in spec.capability_domains %}")
        _paragraph(document, "{{ domain.name }}", "Heading 2")
        _paragraph(document, "{%p for cap in domain.capabilities %}")
        _paragraph(document, "{{ cap.name }} ({{ cap.requirement|lower }})", "Heading 3")
        _paragraph(document, "{%p if cap.indicators %}")
        _paragraph(document, "What good looks like:", LEAD_IN_STYLE)
        _lines(document, "line in cap.indicators", "{{ line }}", "List Bullet")
        _paragraph(document, "{%p endif %}")
        _paragraph(document, "{%p endfor %}")
        _paragraph(document, "{%p endfor %}")

    return fill


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else templates_dir() / TEMPLATE_NAME
    build(target)
    print(f"Wrote {target}")
