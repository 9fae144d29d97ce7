"""The interview pack as a Word file, written into its style-only template (`wordparts`)."""

from __future__ import annotations

from pathlib import Path

from roledesigner.documents.packs.interview import Area, InterviewPack
from roledesigner.documents.packs.rows import lower_first
from roledesigner.documents.packs.templatebuild import INTERVIEW_TEMPLATE, template_path
from roledesigner.documents.packs.wordparts import Properties, Writer, fill_markers, finish, open_template

#: Area, score, notes on a panel member's sheet (17 cm between the margins).
SHEET_WIDTHS_CM = [7.0, 2.8, 7.2]
AREA_COLUMN_CM = 6.0
PAGE_WIDTH_CM = 17.0


def default_template() -> Path:
    return template_path(INTERVIEW_TEMPLATE)


def _scale_range(pack: InterviewPack) -> str:
    return f"{pack.scale.lowest} to {pack.scale.highest}"


def _about(writer: Writer, pack: InterviewPack) -> None:
    writer.heading("About this pack", 1)
    if pack.areas:
        writer.paragraph(
            "This pack is for the panel interviewing for this post. It covers each capability and criterion that "
            "the person specification assesses at interview or presentation, in the person specification's order."
        )
    else:
        writer.paragraph(pack.empty)
    for section in pack.standards:
        writer.paragraph(section.introduction)
    if pack.all_areas:
        writer.paragraph(
            "For each area it says why the area matters, gives questions and follow-up probes, and describes what "
            "a strong and a weak answer look like. Ask every candidate the same main questions."
        )
        writer.paragraph(
            "Each panel member scores every area on their own sheet. The panel then agrees one score for each "
            "area on the consensus record. Keep the completed sheets with the recruitment file: they record how "
            "the decision was made."
        )


def _scale(writer: Writer, pack: InterviewPack) -> None:
    writer.heading("Rating scale", 1)
    writer.paragraph(f"The panel uses the {lower_first(pack.scale.name)}, from {pack.scale_origin}.")
    if pack.scale.description:
        writer.paragraph(" ".join(pack.scale.description.split()))
    rows = [[str(level.score), level.label, " ".join(level.description.split())] for level in pack.scale.levels]
    writer.table(["Score", "Rating", "What it looks like"], rows, [1.8, 3.7, 11.5], bold_first_column=True)


def _area(writer: Writer, pack: InterviewPack, area: Area) -> None:
    writer.heading(f"{area.number}. {area.short_name}", 2)
    if area.criterion:
        writer.paragraph(
            f"{area.criterion} ({area.requirement}; assessed by {area.assessed_by.lower()}).",
            lead="Person specification: ",
        )
    for index, line in enumerate(area.why):
        writer.paragraph(line, lead="Why it matters: " if index == 0 else "")
    if area.serves:
        writer.paragraph(area.serves, lead="In this post it serves the responsibility: ")
    writer.lead_in("Questions:")
    for number, question in enumerate(area.questions, start=1):
        writer.paragraph(question, lead=f"Question {number}. ")
    writer.lead_in("Follow-up probes:")
    writer.bullets(area.probes)
    writer.lead_in("A strong answer shows:")
    writer.bullets(area.strong)
    writer.lead_in("A weak answer:")
    writer.bullets(area.weak)
    writer.table([f"Score ({_scale_range(pack)})", "Notes"], [["", ""]], [4.0, 13.0], row_height=4.5)


def _sheets(writer: Writer, pack: InterviewPack) -> None:
    areas = pack.all_areas
    writer.page_break()
    writer.heading("Panel member scoring sheets", 1)
    writer.paragraph(
        f"One sheet for each panel member. Score each area from {_scale_range(pack)} on the rating scale, on your "
        "own, before the panel discusses the candidate."
    )
    for member in range(1, pack.panel_members + 1):
        if member > 1:
            writer.page_break()
        writer.heading(f"Panel member {member}", 2)
        details = [["Panel member's name", ""], ["Candidate", ""], ["Date", ""]]
        writer.table(["Detail", "Entry"], details, [5.0, 12.0], bold_first_column=True)
        rows = [[f"{area.number}. {area.short_name}", "", ""] for area in areas] + [["Total", "", ""]]
        writer.table(
            ["Area", f"Score ({_scale_range(pack)})", "Notes"], rows, SHEET_WIDTHS_CM, row_height=1.6, total_row=True
        )


def _consensus(writer: Writer, pack: InterviewPack) -> None:
    areas = pack.all_areas
    writer.page_break()
    writer.heading("Panel consensus record", 1)
    writer.paragraph(
        "Fill this in together after the interview. Record each panel member's score, then the score the panel "
        "agrees, the decision and the reasons for it."
    )
    details = [["Candidate", ""], ["Post", pack.title], ["Date of interview", ""]]
    writer.table(["Detail", "Entry"], details, [5.0, 12.0], bold_first_column=True)
    members = [f"Panel member {member}" for member in range(1, pack.panel_members + 1)]
    width = (PAGE_WIDTH_CM - AREA_COLUMN_CM) / (len(members) + 1)
    rows = [[f"{area.number}. {area.short_name}", *([""] * (len(members) + 1))] for area in areas]
    rows.append(["Total", *([""] * (len(members) + 1))])
    widths = [AREA_COLUMN_CM, *([width] * (len(members) + 1))]
    writer.table(["Area", *members, "Agreed score"], rows, widths, total_row=True)
    writer.heading("Decision", 2)
    decisions = [[decision, ""] for decision in pack.decisions]
    writer.table(["Decision", "Agreed (tick one)"], decisions, [12.0, 5.0])
    writer.table(["Reasons for the decision"], [[""]], [17.0], row_height=4.0)
    writer.heading("Panel members", 2)
    rows = [[member, "", "", "", ""] for member in members]
    writer.table(["Panel member", "Name", "Role", "Signature", "Date"], rows, [3.4, 4.2, 3.8, 3.2, 2.4], row_height=1.2)


def render_interview_docx(pack: InterviewPack, template: Path | None = None, logo_png: bytes | None = None) -> bytes:
    document = open_template(template or default_template())
    writer = Writer(document)
    writer.heading(pack.title, 0)
    writer.paragraph(pack.subtitle, "Subtitle")
    writer.paragraph(f"Version {pack.version} ({pack.status.lower()}), {pack.date}.")
    _about(writer, pack)
    _scale(writer, pack)
    if pack.areas:
        writer.heading("Areas to assess", 1)
        for area in pack.areas:
            _area(writer, pack, area)
    for section in pack.standards:
        writer.heading(section.name, 1)
        writer.paragraph(section.introduction)
        writer.paragraph(section.source, lead="Source: ")
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
    properties = Properties(
        title=pack.document_title,
        subject="Interview pack",
        author=pack.author,
        keywords=["interview pack", "recruitment", pack.title],
        comments=f"Version {pack.version} ({pack.status.lower()}), {pack.date}",
    )
    return finish(document, properties)
