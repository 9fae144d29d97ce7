"""An audit's rows as a report: plain text for people, JSON for programs, CSV for Excel.

Cells of the CSV that start like a spreadsheet formula (=, +, -, @) are written with a leading
apostrophe: the titles and findings come from documents on shared drives, and Excel must show
them, never run them.
"""

from __future__ import annotations

import csv
import io
import json
import textwrap
from collections.abc import Sequence
from typing import Any

from roledesigner.importing.audit import AuditRow, summary

CSV_COLUMNS = (
    ("file", "File"),
    ("kind", "Kind"),
    ("readable", "Read"),
    ("reason", "Why it could not be read"),
    ("title", "Title"),
    ("footprint", "Footprint"),
    ("footprint_guessed", "Footprint guessed from the title"),
    ("system_responsibilities", "System responsibilities"),
    ("protected_time", "Protected time for system work"),
    ("line_manager", "Named line manager"),
    ("stability", "Says how stable the post is"),
    ("errors", "Errors"),
    ("warnings", "Warnings"),
    ("info", "For information"),
    ("language", "Inclusive and plain-English findings"),
    ("accepted", "Accepted warnings"),
    ("unmapped_share", "Share of the text unmapped (per cent)"),
    ("unmapped_blocks", "Pieces kept unmapped"),
    ("nearest_role", "Nearest emerging role"),
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_WIDTH = 88


def _yes(value: bool) -> str:
    return "yes" if value else "no"


def _cell(value: Any) -> str:
    text = _yes(value) if isinstance(value, bool) else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _count(number: int, thing: str, things: str = "") -> str:
    """ "1 error", "2 errors": the number and the noun that agrees with it."""
    return f"{number} {thing if number == 1 else things or thing + 's'}"


def _acceptances(row: AuditRow) -> list[str]:
    """Each warning accepted on purpose, with its note (the reason, who and when)."""
    return [f"{f['message']} ({f['accepted']})" for f in row.findings if f.get("accepted")]


def _percent(share: float) -> str:
    return f"{share * 100:.0f}"


def as_json(rows: Sequence[AuditRow]) -> str:
    data = {"files": [row.as_dict() for row in rows], "summary": summary(rows)}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def as_csv(rows: Sequence[AuditRow]) -> str:
    """One line per file; the caller writes it as UTF-8 with a byte order mark, which Excel needs."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([heading for _key, heading in CSV_COLUMNS])
    for row in rows:
        values = row.as_dict()
        values["language"] = " | ".join(f["message"] for f in row.language_findings)
        values["accepted"] = " | ".join(_acceptances(row))
        values["unmapped_share"] = _percent(row.unmapped_share) if row.readable else ""
        writer.writerow([_cell(values[key]) for key, _heading in CSV_COLUMNS])
    return buffer.getvalue()


def _wrap(text: str, indent: str = "    ") -> str:
    return textwrap.fill(" ".join(text.split()), _WIDTH, initial_indent=indent, subsequent_indent=indent + "  ")


def _accepted(row: AuditRow) -> str:
    accepted = sum(1 for finding in row.findings if finding.get("accepted"))
    return f" ({accepted} accepted on purpose)" if accepted else ""


def as_text(rows: Sequence[AuditRow]) -> str:
    lines: list[str] = []
    for row in rows:
        lines.append(row.file)
        if not row.readable:
            lines.append(_wrap(f"Not read: {row.reason}"))
            lines.append("")
            continue
        footprint = row.footprint or "not known"
        if row.footprint_guessed:
            footprint += " (guessed from the title)"
        lines += [
            _wrap(f"Title: {row.title or '(none found)'}"),
            _wrap(f"Footprint: {footprint}"),
            _wrap(f"System responsibilities: {row.system_responsibilities or 'none'}"),
            _wrap(f"Protected time for system work: {row.protected_time or 'none'}"),
            _wrap(f"Named line manager: {row.line_manager or 'none'}"),
            _wrap(f"Says how stable the post is: {_yes(row.stability)}"),
            _wrap(
                f"Review: {_count(row.errors, 'error')}, {_count(row.warnings, 'warning')}{_accepted(row)}, "
                f"{row.info} for information"
            ),
        ]
        if row.kind != "design":
            lines.append(
                _wrap(
                    f"Kept unmapped: {_count(row.unmapped_blocks, 'piece')}, "
                    f"{_percent(row.unmapped_share)} per cent of the text"
                )
            )
        if row.nearest_role:
            lines.append(_wrap(f"Nearest emerging role: {row.nearest_role}"))
        for finding in row.language_findings:
            lines.append(_wrap(f"- {finding['message']}", "    "))
        # A warning accepted on purpose is never hidden: each is listed with its reason, who and when.
        for acceptance in _acceptances(row):
            lines.append(_wrap(f"- Accepted warning: {acceptance}", "    "))
        lines.append("")
    total = summary(rows)
    lines += [
        f"{_count(total['files'], 'file')}: {total['read']} read, {total['unreadable']} could not be read.",
        f"Of those read: {total['with_system_responsibilities']} with system responsibilities, "
        f"{total['with_protected_time']} with protected time, {total['with_named_line_manager']} with a named line "
        f"manager, {total['with_stability']} saying how stable the post is.",
    ]
    return "\n".join(lines) + "\n"


def report(rows: Sequence[AuditRow], fmt: str) -> str:
    if fmt == "json":
        return as_json(rows)
    if fmt == "csv":
        return as_csv(rows)
    return as_text(rows)
