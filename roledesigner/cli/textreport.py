"""Plain-text views of designs and library entries for the terminal."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

from roledesigner.documents.details import dimension_rows, grade_row, pay_row
from roledesigner.documents.wording import joint_sentences, learning_sentences, time_sentences
from roledesigner.domain.findings import Finding, Severity, counted
from roledesigner.domain.models import RoleDesign
from roledesigner.domain.vocabulary import Contract, label
from roledesigner.library.catalogue import Kind, Library
from roledesigner.library.models import Capability, Role
from roledesigner.review.acknowledgements import Reviewed, reviewed
from roledesigner.review.order import plain_field

WIDTH = 88


def _wrap(text: str, indent: str = "  ") -> str:
    return textwrap.fill(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent)


def wrapped(line: str) -> str:
    """A line of output no wider than WIDTH, its continuation indented."""
    return textwrap.fill(" ".join(line.split()), WIDTH, subsequent_indent="    ")


def _bullets(items: list[str], indent: str = "  ") -> list[str]:
    return [
        textwrap.fill(" ".join(i.split()), WIDTH, initial_indent=f"{indent}- ", subsequent_indent=f"{indent}  ")
        for i in items
    ]


def design_text(design: RoleDesign, library: Library) -> str:
    lines = [design.title or "Untitled role", "=" * min(WIDTH, len(design.title or "Untitled role"))]
    facts = [
        ("Based on", library.roles[design.based_on].name if design.based_on in library.roles else design.based_on),
        ("Employer", design.employer),
        ("Directorate", design.directorate),
        ("Job reference", design.job_reference),
        (
            "Footprint",
            " – ".join(x for x in (label(design.footprint) if design.footprint else "", design.footprint_name) if x),
        ),
        ("Function", label(design.function) if design.function else ""),
        ("Grade", grade_row(design).value if design.contract is not Contract.APPOINTMENT else ""),
        ("Pay and conditions", pay.value if (pay := pay_row(design)) else ""),
        ("Term of office", design.term_of_office),
        ("Remuneration", design.remuneration),
        ("Location", design.location),
        ("Contract", label(design.contract)),
        ("Reports to", "; ".join(design.reports_to)),
        ("Accountable to", "; ".join(design.accountable_to)),
        ("Status", f"{label(design.status)}, version {design.version}"),
    ]
    lines += [
        textwrap.fill(
            " ".join(str(value).split()), WIDTH, initial_indent=f"{name + ':':16}", subsequent_indent=" " * 16
        )
        for name, value in facts
        if value
    ]
    lines.append("")
    heading = "Time commitment:" if design.contract is Contract.APPOINTMENT else "Protected time:"
    lines += [heading, *_bullets(time_sentences(design.time))]
    joint = joint_sentences(design)
    if joint:
        lines += ["", "Joint arrangement:", *_bullets(joint)]
    dimensions = dimension_rows(design)
    if dimensions:
        lines += ["", "Dimensions:", *_bullets([f"{row.label}: {row.value}" for row in dimensions])]
    learning = learning_sentences(design.development)
    if learning:
        lines += ["", "Support and development:", *_bullets(learning)]
    for heading, text in (("Purpose", design.purpose), ("System context", design.system_context)):
        if text.strip():
            lines += ["", f"{heading}:", _wrap(text)]
    for kind in ("system", "organisational"):
        items = [r.text for r in design.responsibilities if r.kind.value == kind]
        if items:
            lines += ["", f"{label(kind)} responsibilities:", *_bullets(items)]
    if design.capabilities:
        lines += ["", f"Capabilities ({len(design.capabilities)}):"]
        described = []
        for item in design.capabilities:
            cap = library.capabilities.get(item.id)
            name = cap.name if cap else f"{item.id} (not in the library)"
            domain = f", {library.domain_name(cap.domain)}" if cap else ""
            methods = ", ".join(label(m).lower() for m in item.assessed_by)
            described.append(f"{name} ({label(item.requirement).lower()}{domain}; assessed by {methods})")
        lines += _bullets(described)
    if design.criteria:
        lines += ["", "Other person-specification criteria:"]
        lines += _bullets([f"{label(c.category)}: {c.text} ({label(c.requirement).lower()})" for c in design.criteria])
    if design.relationships:
        lines += ["", "Working relationships:"]
        lines += _bullets([f"{r.name} ({label(r.sector)})" for r in design.relationships])
    if design.stability.strip():
        lines += ["", "Job stability:", _wrap(design.stability)]
    return "\n".join(lines) + "\n"


def finding_line(finding: Finding) -> str:
    """ "[system time] System time is …": the field in plain words, never its internal path."""
    return f"[{plain_field(finding.field)}] {finding.message}"


def findings_text(path: Path, findings: list[Finding], design: RoleDesign | None = None) -> str:
    """Findings grouped by severity, each with the field to fix; given the design, a warning accepted
    on purpose is marked "accepted: <reason> (<who>, <date>)", never left out."""
    if not findings:
        return f"{path}: no findings.\n"
    entries = reviewed(design, findings) if design is not None else [Reviewed(finding) for finding in findings]
    accepted = sum(1 for entry in entries if entry.accepted is not None)
    lines = [f"{path}: {counted(findings)}{f' ({accepted} accepted on purpose)' if accepted else ''}."]
    titles = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "For information"}
    for severity, title in titles.items():
        chosen = [entry for entry in entries if entry.finding.severity is severity]
        if chosen:
            lines += ["", f"{title}:"]
            for entry in chosen:
                lines.append(
                    textwrap.fill(finding_line(entry.finding), WIDTH, initial_indent="  - ", subsequent_indent="    ")
                )
                if entry.accepted is not None:
                    lines.append(textwrap.fill(entry.note, WIDTH, initial_indent="    ", subsequent_indent="      "))
    return "\n".join(lines) + "\n"


def _origin(library: Library, kind: Kind, entry_id: str) -> list[str]:
    origin = library.origins[(kind, entry_id)]
    lines = [f"From: {origin.file} ({origin.folder.label} library)"]
    for older in library.overridden.get((kind, entry_id), []):
        lines.append(f"Overrides: {older.file} ({older.folder.label} library)")
    return lines


def _sources(library: Library, refs: list[Any]) -> list[str]:
    out = []
    for ref in refs:
        source = library.sources.get(ref.id)
        text = source.citation if source else f"{ref.id} (not in sources.yaml)"
        out.append(f"{text}{' – ' + ref.where if ref.where else ''}")
    return ["Sources:", *_bullets(out)]


def role_text(role: Role, library: Library) -> str:
    lines = [f"{role.name}  [emerging role: {role.id}]", *_origin(library, "role", role.id), ""]
    lines += [_wrap(role.summary, ""), ""]
    lines.append(
        f"Footprint: {label(role.footprint)}; function: {label(role.function)}; "
        f"sectors: {', '.join(label(s) for s in role.sectors)}"
    )
    time = role.suggested_system_time
    lines += ["", f"Suggested system time: {time.amount} {label(time.unit)}", _wrap(time.reason)]
    for kind in ("system", "organisational"):
        items = [r.text for r in role.responsibilities if r.kind.value == kind]
        if items:
            lines += ["", f"{label(kind)} responsibilities:", *_bullets(items)]
    lines += ["", "Capabilities:"]
    for ref in role.capabilities:
        cap = library.capabilities.get(ref.id)
        lines.append(f"  - {cap.name if cap else ref.id} ({label(ref.requirement).lower()})")
    if role.considerations:
        lines += ["", "Considerations:", *_bullets(role.considerations)]
    lines += ["", *_sources(library, role.sources)]
    return "\n".join(lines) + "\n"


def capability_text(cap: Capability, library: Library) -> str:
    lines = [f"{cap.name}  [capability: {cap.id}]", *_origin(library, "capability", cap.id), ""]
    lines += [f"Domain: {library.domain_name(cap.domain)}", "", _wrap(cap.description, ""), ""]
    lines += ["What good looks like:", *_bullets(cap.indicators), ""]
    lines += [f"Person specification ({label(cap.category).lower()}):", _wrap(cap.criterion), ""]
    lines += ["Interview questions:", *_bullets(cap.interview_questions), ""]
    used_by = [role.name for role in library.roles.values() if any(r.id == cap.id for r in role.capabilities)]
    if used_by:
        lines += ["Used by:", *_bullets(used_by), ""]
    lines += _sources(library, cap.sources)
    return "\n".join(lines) + "\n"


def paths_text(rows: list[tuple[str, Path | None, str]]) -> str:
    width = max(len(name) for name, _, _ in rows) + 2
    return (
        "\n".join(
            f"{name + ':':{width}}{path if path else '(not set)'}{'  ' + note if note else ''}"
            for name, path, note in rows
        )
        + "\n"
    )
