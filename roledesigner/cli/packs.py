"""`export --document interview|shortlisting`: the recruitment pack from the command line.

`commands.cmd_export` hands over here for any document but the job specification, and for a
format only the packs take (xlsx, txt), so that every refusal about documents and formats is
said in one place, in one sentence, before anything is written: the interview pack is made as
docx or pdf, the shortlisting matrix as xlsx, docx or txt. `-o -` prints the paste-ready
criteria (`--format txt`) instead of writing a file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Collection
from pathlib import Path

from roledesigner.cli.documentchoice import DOCUMENTS, SPECIFICATION_FORMATS, handles
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_OK, UserError
from roledesigner.cli.settingsread import settings_said
from roledesigner.documents.packs.criteriatext import criteria_text
from roledesigner.documents.packs.interview import DEFAULT_PANEL, MAX_PANEL
from roledesigner.documents.packs.packexport import (
    FORMATS,
    PackJob,
    export_packs,
    format_problem,
    pack_target,
)
from roledesigner.documents.packs.shortlisting import (
    CANDIDATES,
    DEFAULT_CANDIDATES,
    DEFAULT_SHORTLISTERS,
    SHORTLISTERS,
)
from roledesigner.documents.packs.wordparts import open_template
from roledesigner.files.designfile import load_design
from roledesigner.files.settings import Settings
from roledesigner.library.loader import default_folders, load_library

STDOUT = Path("-")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _sentence(phrase: str) -> str:
    return f"{phrase[:1].upper()}{phrase[1:]}."


def _format(args: argparse.Namespace, document: str) -> str:
    """The format asked for, else the one the output's name says, else the document's default."""
    fmt: str | None = args.format
    output: Path | None = args.output
    if document == "specification":  # here only for a format the job specification cannot take
        raise UserError(
            f"A job specification cannot be exported as {fmt}; choose {' or '.join(SPECIFICATION_FORMATS)}, "
            "or --document shortlisting for a spreadsheet or text."
        )
    if fmt is None and output is not None and output != STDOUT:
        suffix = output.suffix.lower().lstrip(".")
        fmt = suffix if suffix in FORMATS[document] else None
    fmt = fmt or FORMATS[document][0]
    problem = format_problem(document, fmt)
    if problem:
        raise UserError(_sentence(problem))
    return fmt


def _number(args: argparse.Namespace, name: str, default: int, bounds: tuple[int, int]) -> int:
    value = getattr(args, name, None)
    value = default if value is None else value
    low, high = bounds
    if not low <= value <= high:
        raise UserError(f"--{name.replace('_', '-')} must be between {low} and {high}, not {value}.")
    return int(value)


def _targets(args: argparse.Namespace, document: str, fmt: str) -> list[Path]:
    sources: list[Path] = args.files
    output: Path | None = args.output
    out_dir: Path | None = getattr(args, "out_dir", None)
    if output is not None and len(sources) > 1:
        raise UserError("-o names one output file; to export several designs, use --out-dir DIR.")
    if output == STDOUT and fmt != "txt":
        raise UserError("-o - prints to the screen, which suits only the criteria as text (--format txt).")
    if output is not None and output != STDOUT and output.suffix.lower() != f".{fmt}":
        raise UserError(f"{output} ends in {output.suffix or 'no suffix'}, but the format asked for is {fmt}.")
    if out_dir is not None and not out_dir.is_dir():
        problem = "is a file, not a folder" if out_dir.exists() else "does not exist"
        raise UserError(f"{out_dir} {problem}, so nothing can be exported there.")
    targets = [output or pack_target(source, document, fmt, out_dir) for source in sources]
    seen: dict[Path, Path] = {}
    for source, target in zip(sources, targets, strict=True):
        key = target.resolve()
        if key in seen:
            raise UserError(f"{seen[key]} and {source} would both be written to {target}; export them separately.")
        seen[key] = source
    return targets


def export_pack_command(
    args: argparse.Namespace,
    reviewed: Callable[[bool], int | Collection[Path]] | None = None,
    settings: Settings | None = None,
) -> int:
    """What `export` does when `handles(args)`: exit 0, or 2 when a design could not be exported.

    `reviewed(marked)` runs once the arguments have passed their checks, before anything is written:
    the export command's review, whose exit code (for --strict) stops the export, or else the
    designs with review errors, whose documents are marked "Draft: not yet reviewed"
    (`PackJob.unreviewed`); `marked` is False for the criteria as plain text, which carry no mark.
    `settings` are the settings the caller has read (and said the problems of); else they are read here."""
    if not handles(args):
        raise ValueError("the job specification is exported by roledesigner.cli.commands.cmd_export")
    document = getattr(args, "document", None) or "specification"
    if document not in DOCUMENTS:
        raise UserError(_sentence(str(format_problem(document, ""))))
    fmt = _format(args, document)
    candidates = _number(args, "candidates", DEFAULT_CANDIDATES, CANDIDATES)
    shortlisters = _number(args, "shortlisters", DEFAULT_SHORTLISTERS, SHORTLISTERS)
    panel = _number(args, "panel", DEFAULT_PANEL, (1, MAX_PANEL))
    targets = _targets(args, document, fmt)
    template: Path | None = getattr(args, "template", None)
    if template is not None and fmt == "docx":
        open_template(template)  # a template that cannot be used stops the export before any file is written
    unreviewed: Collection[Path] = ()
    if reviewed is not None:
        answer = reviewed(fmt != "txt")
        if isinstance(answer, int):
            return answer
        unreviewed = answer
    settings = settings if settings is not None else settings_said()
    library = load_library(default_folders(settings))
    if targets == [STDOUT]:
        sys.stdout.write(criteria_text(load_design(args.files[0]), library))
        return EXIT_OK
    jobs = [
        PackJob(
            source,
            target,
            document,
            fmt,
            template,
            settings.organisation_name,
            settings.organisation_logo,
            candidates=candidates,
            shortlisters=shortlisters,
            panel_members=panel,
            unreviewed=source in unreviewed,
        )
        for source, target in zip(args.files, targets, strict=True)
    ]
    results = export_packs(jobs, library=library)
    failed = [result for result in results if not result.ok]
    for result in results:
        for warning in result.warnings:
            _say(f"Warning: {warning}")
        if result.ok:
            print(result.message)
    for result in failed:
        _say(result.message)
    if failed and len(results) > 1:
        _say(f"{len(failed)} of {len(results)} designs could not be exported (listed above).")
    return EXIT_BAD_INPUT if failed else EXIT_OK
