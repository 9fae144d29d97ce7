"""Job descriptions written for the import tests, in the shapes NHS and council HR teams use.

Each builder returns the .docx bytes (python-docx) and nothing else: the tests say what they
expect to be recovered, field by field, so the expectations sit beside the assertions.
"""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TICK = "✓"


def _save(document: Any) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _bold(document: Any, text: str) -> Any:
    paragraph = document.add_paragraph()
    paragraph.add_run(text).bold = True
    return paragraph


def _numbering(paragraph_or_style_ppr: Any, num_id: int, level: int = 0) -> None:
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    num = OxmlElement("w:numId")
    num.set(qn("w:val"), str(num_id))
    numpr.append(ilvl)
    numpr.append(num)
    paragraph_or_style_ppr.append(numpr)


def _span(cell: Any, count: int) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    span = OxmlElement("w:gridSpan")
    span.set(qn("w:val"), str(count))
    tcpr.append(span)


def _table(document: Any, rows: list[list[str]], style: str | None = "Table Grid") -> Any:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if style:
        table.style = style
    for cells, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    return table


def _band_table(document: Any, header: list[str], groups: list[tuple[str, list[list[str]]]]) -> Any:
    """A person specification with each category as a row merged across the table (gridSpan)."""
    width = len(header)
    table = document.add_table(rows=1, cols=width)
    table.style = "Table Grid"
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
    for band, rows in groups:
        row = table.add_row()
        merged = row.cells[0].merge(row.cells[width - 1])
        merged.text = band
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells, values, strict=True):
                cell.text = value
    return table


def _merged_first_column(document: Any, header: list[str], groups: list[tuple[str, list[list[str]]]]) -> Any:
    """A person specification whose first column holds each category once, merged down (vMerge)."""
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, value in zip(table.rows[0].cells, header, strict=True):
        cell.text = value
    for category, rows in groups:
        first = len(table.rows)
        for values in rows:
            cells = table.add_row().cells
            for cell, value in zip(cells[1:], values, strict=True):
                cell.text = value
        top = table.rows[first].cells[0]
        merged = top.merge(table.rows[first + len(rows) - 1].cells[0]) if len(rows) > 1 else top
        merged.text = category
    return table


# --- 1. Word heading styles, a job details table, tick columns with category bands ------------


HEADING_STYLES_PURPOSE = [
    "The Head of Integrated Care Partnerships leads the trust's work with partners across the "
    "North Shire integrated care system.",
    "The postholder makes sure that services for older people are planned and delivered together with "
    "the council, primary care and the voluntary sector.",
]
HEADING_STYLES_LEADERSHIP = [
    "Lead a team of twelve partnership managers and set their objectives.",
    "Manage the partnerships budget of £2.4 million and report on it each month.",
    "Represent the trust at the executive management team when the director is away.",
]
HEADING_STYLES_SYSTEM = [
    "Build trusted relationships with leaders in partner organisations across the system.",
    "Lead joint planning with the council and the integrated care board for older people's services.",
    "Chair the place partnership delivery group and report its progress to partners.",
]
HEADING_STYLES_DIRECT_NUMBERED = "Take part in the trust's on-call rota for senior managers."
HEADING_STYLES_RELATIONSHIPS = [
    "Directors of the integrated care board",
    "Northtown Borough Council adult social care",
    "Primary care networks",
    "Voluntary sector partners",
]
HEADING_STYLES_DIMENSIONS = "Budget: £2.4 million a year. Staff managed: twelve."
HEADING_STYLES_CONFIDENTIALITY = (
    "The postholder must keep information about patients and staff confidential at all times."
)
HEADING_STYLES_CRITERIA = [
    ("Qualifications", "Degree in a health or social care subject, or equivalent experience", TICK, "", "Application"),
    ("Qualifications", "Postgraduate management qualification", "", TICK, "Application"),
    ("Experience", "Leading partnership work across several organisations", TICK, "", "Application, interview"),
    ("Experience", "Managing a budget of more than £1 million", TICK, "", "Interview"),
    ("Experience", "Working in local government", "", TICK, "Application"),
    ("Skills and abilities", "Able to present complex plans clearly to boards", TICK, "", "Presentation"),
]


def heading_styles() -> bytes:
    """Word heading styles, a two-column job details table, a header and a footer, list styles,
    and a person specification with Essential and Desirable tick columns and category bands."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "North Shire NHS Foundation Trust"
    section.footer.paragraphs[0].text = "Job reference: NS-2024-117"
    section.footer.add_paragraph("Review date: April 2026")
    document.add_paragraph("Head of Integrated Care Partnerships", style="Title")
    document.add_heading("Job details", 1)
    _table(
        document,
        [
            ["Job title", "Head of Integrated Care Partnerships"],
            ["Band", "Agenda for Change band 8c"],
            ["Responsible to", "Director of Strategy and Partnerships"],
            ["Accountable to", "Chief Executive"],
            ["Directorate", "Strategy and Partnerships"],
            ["Base", "Riverside House, Northtown"],
            ["Hours", "37.5 hours per week"],
            ["Contract", "Permanent"],
        ],
    )
    document.add_heading("Job purpose", 1)
    for text in HEADING_STYLES_PURPOSE:
        document.add_paragraph(text)
    document.add_heading("Main duties and responsibilities", 1)
    document.add_heading("Leadership", 2)
    for text in HEADING_STYLES_LEADERSHIP:
        document.add_paragraph(text, style="List Bullet")
    direct = document.add_paragraph(HEADING_STYLES_DIRECT_NUMBERED)
    _numbering(direct._p.get_or_add_pPr(), 5)  # numbering on the paragraph itself, not its style
    document.add_heading("Partnership working", 2)
    for text in HEADING_STYLES_SYSTEM:
        document.add_paragraph(text, style="List Number")
    document.add_heading("Working relationships", 1)
    for text in HEADING_STYLES_RELATIONSHIPS:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Dimensions", 1)
    document.add_paragraph(HEADING_STYLES_DIMENSIONS)
    document.add_heading("Person specification", 1)
    groups: dict[str, list[list[str]]] = {}
    for category, text, essential, desirable, assessed in HEADING_STYLES_CRITERIA:
        groups.setdefault(category, []).append([text, essential, desirable, assessed])
    _band_table(document, ["Criteria", "Essential", "Desirable", "How assessed"], list(groups.items()))
    document.add_heading("Confidentiality", 1)
    document.add_paragraph(HEADING_STYLES_CONFIDENTIALITY)
    return _save(document)


# --- 2. Bold capitals, Label: value lines, typed numbers and bullets, an E/D column ------------


BOLD_CAPS_PURPOSE = (
    "To lead the integration of health and care services in Westtown, working with the NHS, the "
    "voluntary sector and residents to improve outcomes for local people."
)
BOLD_CAPS_DUTIES = [
    "Lead the council's adult social care commissioning team.",
    "Develop the Westtown health and wellbeing strategy with elected members.",
    "Work across organisations in the place partnership to redesign community services.",
    "Hold the pooled budget holders to account for the better care fund.",
]
BOLD_CAPS_BULLETS = [
    "Chair the Westtown place board.",
    "Agree joint priorities with primary care networks.",
]
BOLD_CAPS_RELATIONSHIPS = [
    "Elected members and cabinet portfolio holders",
    "North Shire Integrated Care Board",
    "Westtown primary care networks",
]
BOLD_CAPS_CRITERIA = [
    ("Qualifications", "Professional qualification in social work, health or management", "E", "A"),
    ("Qualifications", "Evidence of continuing professional development", "D", "A/I"),
    ("Experience", "Senior leadership in a council or the NHS", "E", "A/I"),
    ("Experience", "Commissioning services jointly with the NHS", "E", "I"),
    ("Experience", "Running a public consultation", "D", "I"),
    ("Knowledge", "The Care Act 2014 and the Health and Care Act 2022", "E", "I/T"),
    ("Personal qualities", "Committed to working openly with residents and partners", "E", "I"),
]
BOLD_CAPS_KEY = "Key: A = Application form, I = Interview, T = Test or exercise"
BOLD_CAPS_GENERAL = "All employees must follow the council's health and safety policies."


def bold_capitals() -> bytes:
    """No heading styles: headings in bold capitals, job details as `Label: value` lines, numbers
    and bullets typed by hand, an E/D column, a merged first column and letter keys for "how
    assessed" with the key below the table."""
    document = Document()
    _bold(document, "WESTTOWN BOROUGH COUNCIL")
    _bold(document, "JOB DESCRIPTION")
    for line in [
        "Job title: Place Director of Integration",
        "Grade: JNC chief officer grade 3",
        "Reports to: Chief Executive; Director of Adult Social Services",
        "Location: Civic Centre, Westtown",
        "Post number: WBC-0456",
        "Department: Adult Social Care and Health",
    ]:
        document.add_paragraph(line)
    _bold(document, "JOB PURPOSE")
    document.add_paragraph(BOLD_CAPS_PURPOSE)
    _bold(document, "KEY RESPONSIBILITIES")
    for number, text in enumerate(BOLD_CAPS_DUTIES, 1):
        document.add_paragraph(f"{number}.\t{text}")
    for text in BOLD_CAPS_BULLETS:
        document.add_paragraph(f"•\t{text}")
    _bold(document, "COMMUNICATIONS AND RELATIONSHIPS")
    for text in BOLD_CAPS_RELATIONSHIPS:
        document.add_paragraph(f"•\t{text}")
    _bold(document, "PERSON SPECIFICATION")
    groups: dict[str, list[list[str]]] = {}
    for category, text, requirement, assessed in BOLD_CAPS_CRITERIA:
        groups.setdefault(category, []).append([text, requirement, assessed])
    _merged_first_column(document, ["Attribute", "Criteria", "E/D", "Assessed by"], list(groups.items()))
    document.add_paragraph(BOLD_CAPS_KEY)
    _bold(document, "GENERAL")
    document.add_paragraph(BOLD_CAPS_GENERAL)
    return _save(document)


# --- 3. Numbered NHS job-evaluation sections, numbering from a style, Essential / Desirable text columns


NUMBERED_PURPOSE = (
    "The System Workforce Lead plans the health and care workforce across the integrated care system. "
    "Two days a week are protected for system work across the integrated care system."
)
NUMBERED_DIMENSIONS = "The post holds no budget and manages three staff."
NUMBERED_CHART = "The organisational chart is on the integrated care board's intranet."
NUMBERED_DUTIES = [
    "Lead the system workforce plan with partner trusts, the council and primary care.",
    "Agree shared recruitment campaigns across organisations in the system.",
    "Report workforce risks to the people board each quarter.",
]
NUMBERED_STYLE_DUTIES = [
    "Manage the workforce information team.",
    "Keep the workforce plan's data accurate and published.",
]
NUMBERED_RELATIONSHIPS = ["Chief people officers of partner trusts", "Health Education England", "Local councils"]
NUMBERED_CRITERIA = [
    ("Qualifications", "Degree or equivalent experience", "Chartered CIPD membership", "Application"),
    ("Experience", "Workforce planning across more than one organisation", "Work in primary care", "Interview"),
    ("Skills", "Analysing workforce data to find risks", "", "Test"),
]


def numbered_sections() -> bytes:
    """The NHS job evaluation layout: "1. Job identification", "2. Job purpose", … typed as numbered
    section titles; job details as label, tab, value; duties numbered by their paragraph style;
    a person specification with an Essential column and a Desirable column holding text."""
    document = Document()
    styles = document.styles
    duty = styles.add_style("Duty", WD_STYLE_TYPE.PARAGRAPH)
    duty.base_style = styles["Normal"]
    _numbering(duty.element.get_or_add_pPr(), 5)
    _bold(document, "1. Job identification")
    for line in [
        "Job title:\tSystem Workforce Lead",
        "Band:\t8d",
        "Responsible to:\tChief People Officer",
        "Accountable to:\tChief Executive of the integrated care board",
        "Department:\tPeople Directorate",
        "Base:\tSouthbridge",
        "Job reference:\tICB-WF-09",
        "Contract:\tFixed term for 24 months",
        "Hours:\t30 hours per week",
    ]:
        document.add_paragraph(line)
    _bold(document, "2. Job purpose")
    document.add_paragraph(NUMBERED_PURPOSE)
    _bold(document, "3. Dimensions")
    document.add_paragraph(NUMBERED_DIMENSIONS)
    _bold(document, "4. Organisational chart")
    document.add_paragraph(NUMBERED_CHART)
    _bold(document, "5. Key result areas")
    for text in NUMBERED_DUTIES:
        document.add_paragraph(text, style="List Number")
    for text in NUMBERED_STYLE_DUTIES:
        document.add_paragraph(text, style="Duty")
    _bold(document, "6. Communications and relationships")
    for text in NUMBERED_RELATIONSHIPS:
        document.add_paragraph(text, style="List Bullet")
    _bold(document, "7. Person specification")
    _table(
        document,
        [["Attributes", "Essential", "Desirable", "How assessed"], *[list(row) for row in NUMBERED_CRITERIA]],
    )
    return _save(document)


LONG_DUTY_MORE = " Agree its milestones with the partner organisations, and keep its plan and its log of risks and issues up to date."


def long_document(pages: int = 200) -> bytes:
    """About `pages` pages of A4 as Word and LibreOffice lay it out (200 gives 200, give or take a few):
    the heading-styles description with twelve duties, most of three lines, under each programme area."""
    document = Document()
    document.add_paragraph("Programme Director", style="Title")
    document.add_heading("Job purpose", 1)
    document.add_paragraph(HEADING_STYLES_PURPOSE[0])
    document.add_heading("Key responsibilities", 1)
    for page in range(pages):
        document.add_heading(f"Programme area {page + 1}", 2)
        for line in range(12):
            more = LONG_DUTY_MORE if line % 4 else ""  # three duties in four run to a third line
            document.add_paragraph(
                f"Lead workstream {page + 1}.{line + 1} with partners and report its progress, risks and "
                f"benefits to the programme board every month.{more}",
                style="List Bullet",
            )
    return _save(document)


def empty_document() -> bytes:
    document = Document()
    document.add_paragraph("")
    return _save(document)


def typical(areas: int = 4) -> bytes:
    """About six pages, as a full NHS description runs: the heading-styles description with five
    areas of duties, a long person specification and the standard clauses."""
    document = Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "North Shire NHS Foundation Trust"
    section.footer.paragraphs[0].text = "Job reference: NS-2024-117"
    document.add_paragraph("Head of Integrated Care Partnerships", style="Title")
    document.add_heading("Job details", 1)
    _table(document, [["Job title", "Head of Integrated Care Partnerships"], ["Band", "Agenda for Change band 8c"]])
    document.add_heading("Job purpose", 1)
    for text in HEADING_STYLES_PURPOSE * 2:
        document.add_paragraph(text)
    document.add_heading("Main duties and responsibilities", 1)
    for area in range(areas):
        document.add_heading(f"Area of work {area + 1}", 2)
        for text in [*HEADING_STYLES_LEADERSHIP, *HEADING_STYLES_SYSTEM] * 2:
            document.add_paragraph(text, style="List Bullet")
    document.add_heading("Working relationships", 1)
    for text in HEADING_STYLES_RELATIONSHIPS * 3:
        document.add_paragraph(text, style="List Bullet")
    document.add_heading("Person specification", 1)
    groups: dict[str, list[list[str]]] = {}
    for category, text, essential, desirable, assessed in HEADING_STYLES_CRITERIA * 5:
        groups.setdefault(category, []).append([text, essential, desirable, assessed])
    _band_table(document, ["Criteria", "Essential", "Desirable", "How assessed"], list(groups.items()))
    for heading in ("Confidentiality", "Safeguarding", "Health and safety", "Equality and diversity"):
        document.add_heading(heading, 1)
        document.add_paragraph(HEADING_STYLES_CONFIDENTIALITY * 3)
    return _save(document)


FOOTNOTE = "The post is funded by the better care fund until March 2027."


def with_footnote(data: bytes, text: str = FOOTNOTE) -> bytes:
    """The document with a footnotes part holding `text` (python-docx cannot write footnotes)."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    notes = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes xmlns:w="{w}" xmlns:r="{r}">'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
        f'<w:footnote w:id="1"><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:footnote></w:footnotes>'
    ).encode()
    relation = (
        '<Relationship Id="rIdNotes" Target="footnotes.xml" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"/>'
    )
    override = (
        '<Override PartName="/word/footnotes.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/>'
    )
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            part = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                part = part.replace(b"</Relationships>", relation.encode() + b"</Relationships>")
            elif item.filename == "[Content_Types].xml":
                part = part.replace(b"</Types>", override.encode() + b"</Types>")
            target.writestr(item, part)
        target.writestr("word/footnotes.xml", notes)
    return buffer.getvalue()
