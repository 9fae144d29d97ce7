"""The interview pack as a Word file, written into its style-only template (`wordparts`)."""

from __future__ import annotations

from pathlib import Path

from roledesigner.documents.packs.interview import CONSENSUS_INTRO, HEADINGS, LABELS, SCALE_COLUMNS, Area, InterviewPack
from roledesigner.documents.packs.templatebuild import INTERVIEW_TEMPLATE, template_path
from roledesigner.documents.packs.wordparts import Properties, Writer, fill_markers, finish, open_template
from roledesigner.documents.wordmark import mark_every_header

#: Area, score, notes on a panel member's sheet (17 cm between the margins).
SHEET_WIDTHS_CM = [7.0, 2.8, 7.2]
AREA_COLUMN_CM = 6.0
PAGE_WIDTH_CM = 17.0


def default_template() -> Path:
    return template_path(INTERVIEW_TEMPLATE)


def _about(writer: Writer, pack: InterviewPack) -> None:
    writer.heading(HEADINGS["about"], 1)
    for line in pack.about:
        writer.paragraph(line)


def _scale(writer: Writer, pack: InterviewPack) -> None:
    writer.heading(HEADINGS["scale"], 1)
    for line in pack.scale_intro:
        writer.paragraph(line)
    writer.table(SCALE_COLUMNS, pack.scale_rows, [1.8, 3.7, 11.5], bold_first_column=True)


def _area(writer: Writer, pack: InterviewPack, area: Area) -> None:
    writer.heading(area.heading, 2)
    if area.criterion:
        writer.paragraph(area.person_spec_line, lead=LABELS["criterion"])
    for index, line in enumerate(area.why):
        writer.paragraph(line, lead=LABELS["why"] if index == 0 else "")
    if area.serves:
        writer.paragraph(area.serves, lead=LABELS["serves"])
    writer.lead_in(LABELS["questions"])
    for number, question in enumerate(area.questions, start=1):
        writer.paragraph(question, lead=f"Question {number}. ")
    writer.lead_in(LABELS["probes"])
    writer.bullets(area.probes)
    writer.lead_in(LABELS["strong"])
    writer.bullets(area.strong)
    writer.lead_in(LABELS["weak"])
    writer.bullets(area.weak)
    writer.table([f"Score ({pack.score_range})", "Notes"], [["", ""]], [4.0, 13.0], row_height=4.5)


def _sheets(writer: Writer, pack: InterviewPack) -> None:
    areas = pack.all_areas
    writer.page_break()
    writer.heading(HEADINGS["sheets"], 1)
    writer.paragraph(pack.sheets_intro)
    for number, member in enumerate(pack.members):
        if number:
            writer.page_break()
        writer.heading(member, 2)
        details = [["Panel member's name", ""], ["Candidate", ""], ["Date", ""]]
        writer.table(["Detail", "Entry"], details, [5.0, 12.0], bold_first_column=True)
        rows = [[area.heading, "", ""] for area in areas] + [["Total", "", ""]]
        writer.table(
            ["Area", f"Score ({pack.score_range})", "Notes"], rows, SHEET_WIDTHS_CM, row_height=1.6, total_row=True
        )


def _consensus(writer: Writer, pack: InterviewPack) -> None:
    areas = pack.all_areas
    writer.page_break()
    writer.heading(HEADINGS["consensus"], 1)
    writer.paragraph(CONSENSUS_INTRO)
    details = [["Candidate", ""], ["Post", pack.title], ["Date of interview", ""]]
    writer.table(["Detail", "Entry"], details, [5.0, 12.0], bold_first_column=True)
    members = pack.members
    width = (PAGE_WIDTH_CM - AREA_COLUMN_CM) / (len(members) + 1)
    rows = [[area.heading, *([""] * (len(members) + 1))] for area in areas]
    rows.append(["Total", *([""] * (len(members) + 1))])
    widths = [AREA_COLUMN_CM, *([width] * (len(members) + 1))]
    writer.table(["Area", *members, "Agreed score"], rows, widths, total_row=True)
    writer.heading(HEADINGS["decision"], 2)
    decisions = [[decision, ""] for decision in pack.decisions]
    writer.table(["Decision", "Agreed (tick one)"], decisions, [12.0, 5.0])
    writer.table(["Reasons for the decision"], [[""]], [17.0], row_height=4.0)
    writer.heading(HEADINGS["members"], 2)
    rows = [[member, "", "", "", ""] for member in members]
    writer.table(["Panel member", "Name", "Role", "Signature", "Date"], rows, [3.4, 4.2, 3.8, 3.2, 2.4], row_height=1.2)


def render_interview_docx(
    pack: InterviewPack, template: Path | None = None, logo_png: bytes | None = None, *, mark: str = ""
) -> bytes:
    """The pack as a Word file; `mark` ("Draft: not yet reviewed"), when given, heads every page's header."""
    document = open_template(template or default_template())
    writer = Writer(document)
    writer.heading(pack.title, 0)
    writer.paragraph(pack.subtitle, "Subtitle")
    writer.paragraph(pack.version_line)
    _about(writer, pack)
    _scale(writer, pack)
    if pack.areas:
        writer.heading(HEADINGS["areas"], 1)
        for area in pack.areas:
            _area(writer, pack, area)
    for section in pack.standards:
        writer.heading(section.name, 1)
        writer.paragraph(section.introduction)
        writer.paragraph(section.source, lead=LABELS["source"])
        for area in section.areas:
            _area(writer, pack, area)
    if pack.all_areas:
        _sheets(writer, pack)
        _consensus(writer, pack)
    document_name = f"{pack.document_title}, version {pack.version}, {pack.date}"
    writer.done()
    fill_markers(
        document,
        {"[organisation]": pack.organisation, "[document]": document_name},
        logo_png,
        f"{pack.organisation} logo" if pack.organisation else "Organisation logo",
    )
    if mark:
        mark_every_header(document, mark)
    properties = Properties(
        title=pack.document_title,
        subject="Interview pack",
        author=pack.author,
        keywords=["interview pack", "recruitment", pack.title],
        comments=f"Version {pack.version} ({pack.status.lower()}), {pack.date}",
    )
    return finish(document, properties)
