"""`import` and `audit`: existing Word and PDF job descriptions into designs, and a folder reviewed.

The parser's part (`add_parsers`) imports nothing heavy, so `cli.main` can build its parser
without loading the importer; the handlers load it when they run.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK, UserError, refusal
from roledesigner.cli.terminal import unfiltered
from roledesigner.domain.errors import InputError

#: The parser's helper in cli.main: (name, handler key, help, parent) -> the sub-parser.
Command = Callable[..., argparse.ArgumentParser]
DESIGN_SUFFIX = ".roledesign"


def add_parsers(command: Command) -> None:
    """Add `import` and `audit` through `command`, the parser's own way of adding a command
    (handlers by their keys in commands.HANDLERS)."""
    imported = command(
        "import",
        "import",
        "Import existing job descriptions (Word .docx or PDF) as role designs; nothing of their text is lost.",
    )
    imported.add_argument("files", nargs="+", type=Path, metavar="FILE", help="one or more .docx or .pdf files")
    where = imported.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="OUT", help="the design file to write (one file only)")
    where.add_argument(
        "--out-dir", type=Path, metavar="DIR", help="the folder to write into (default: beside each description)"
    )
    imported.add_argument("--force", action="store_true", help="replace a design file that is already there")
    audit = command(
        "audit",
        "audit",
        "Review every design, Word and PDF job description under the folders given: one row per file.",
    )
    audit.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="folders (searched to the bottom) or files")
    audit.add_argument(
        "--format", choices=["text", "json", "csv"], default="text", help="text (default), json, or csv for Excel"
    )
    audit.add_argument(
        "-o", "--output", type=Path, metavar="REPORT", help="write the report here instead of showing it"
    )
    audit.add_argument("--jobs", type=int, metavar="N", help="how many files to audit at once (default: every core)")


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _targets(args: argparse.Namespace) -> list[tuple[Path, Path]]:
    sources: list[Path] = args.files
    if args.output and len(sources) > 1:
        raise UserError("-o names one design file; to import several descriptions, use --out-dir DIR.")
    if args.output and args.output.suffix.lower() != DESIGN_SUFFIX:
        raise UserError(f"{args.output} must end in {DESIGN_SUFFIX}, so that Role Designer opens it as a design.")
    if args.out_dir and not args.out_dir.is_dir():
        problem = "is a file, not a folder" if args.out_dir.exists() else "does not exist"
        raise UserError(f"{args.out_dir} {problem}, so nothing can be imported into it.")
    pairs = []
    seen: dict[Path, Path] = {}
    for source in sources:
        if args.output:
            target = args.output
        elif args.out_dir:
            target = args.out_dir / f"{source.stem}{DESIGN_SUFFIX}"
        else:
            target = source.with_suffix(DESIGN_SUFFIX)
        key = target.resolve()
        if key in seen:
            raise UserError(f"{seen[key]} and {source} would both be written to {target}; import them separately.")
        seen[key] = source
        pairs.append((source, target))
    return pairs


def _share(share: float) -> str:
    percent = share * 100
    return "under 1 per cent" if 0 < percent < 1 else f"{percent:.0f} per cent"


def _summary(result: Any) -> str:
    from roledesigner.domain.vocabulary import ResponsibilityKind

    design = result.design
    system = sum(1 for r in design.responsibilities if r.kind is ResponsibilityKind.SYSTEM)
    parts = [
        f"{len(design.responsibilities)} responsibilities ({system} system)",
        f"{len(design.criteria)} person specification criteria",
        f"{len(design.relationships)} working relationships",
    ]
    kept = len(design.unmapped)
    unmapped = (
        f"{kept} piece{'s' if kept != 1 else ''} of text kept unmapped ({_share(result.unmapped_share)} of the text), "
        "to place in the app"
        if kept
        else "nothing left unmapped"
    )
    return f"{'; '.join(parts)}; {unmapped}."


def _suggestions(result: Any) -> list[str]:
    found = result.suggestions
    if found is None:
        return []
    lines = []
    if found.capabilities:
        lines.append("  Capabilities its text already expresses (suggested, not added; add them in the app):")
        for item in found.capabilities:
            lines.append(f"    {item.name}: “{item.evidence.sentence}” ({item.evidence.source})")
    if found.role is not None:
        lines.append(f"  Nearest emerging role: {found.role.name} ({found.role.reason}).")
    return lines


def cmd_import(args: argparse.Namespace) -> int:
    from roledesigner.cli.settingsread import settings_said
    from roledesigner.files.designfile import save_design
    from roledesigner.importing.importer import import_file
    from roledesigner.library.loader import default_folders, load_library

    pairs = _targets(args)
    settings = settings_said()
    library = load_library(default_folders(settings))  # for the suggestions; its problems are `library validate`'s
    hours = settings.default_contracted_hours
    failed = faults = 0
    for source, target in pairs:
        try:
            if target.exists() and not args.force:
                raise UserError(f"{target} already exists; choose another name, or add --force to replace it.")
            result = import_file(source, library, hours)
            save_design(result.design, target)
        except InputError as error:
            _say(str(error))
            failed += 1
            continue
        except OSError as error:
            _say(refusal(error))
            failed += 1
            continue
        except Exception as error:  # noqa: BLE001 - one file's fault must not stop the others
            _say(f"Could not import {source}: an internal fault ({type(error).__name__}: {error}); please report it.")
            faults += 1
            continue
        print(f"Imported {source} to {target}: {_summary(result)}")
        for line in _suggestions(result):
            print(line)
    if len(pairs) > 1 and failed + faults:
        _say(f"{failed + faults} of {len(pairs)} descriptions could not be imported (listed above).")
    if faults:
        return EXIT_FAULT
    return EXIT_BAD_INPUT if failed else EXIT_OK


def cmd_audit(args: argparse.Namespace) -> int:
    from roledesigner.files.atomic import WriteError, write_atomically
    from roledesigner.importing.audit import audit_many, collect
    from roledesigner.importing.auditreport import report

    if args.jobs is not None and args.jobs < 1:
        raise UserError("--jobs must be 1 or more.")
    if args.output is not None and args.output.is_dir():
        raise UserError(f"{args.output} is a folder; name the report file to write, such as audit.{args.format}.")
    files, problems = collect(args.paths)
    if not files and not problems:
        raise UserError("There are no designs, Word or PDF files in the folders given, so there is nothing to audit.")
    show_progress = sys.stderr.isatty() and len(files) > 1
    console = unfiltered(sys.stderr)

    def progress(done: int, total: int, _row: Any) -> None:
        if show_progress:
            console.write(f"\rAudited {done} of {total}")
            console.flush()

    rows = [*problems, *audit_many(files, workers=args.jobs, progress=progress)]
    if show_progress:
        console.write("\n")
    text = report(rows, args.format)
    if args.output is None:
        sys.stdout.write(text)
    else:
        encoding = "utf-8-sig" if args.format == "csv" else "utf-8"  # Excel needs the mark to read UTF-8
        try:
            write_atomically(args.output, text.encode(encoding))
        except WriteError as error:
            raise UserError(str(error)) from error
        print(f"Wrote the audit of {len(rows)} files to {args.output}.")
    return EXIT_OK
