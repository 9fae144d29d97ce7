"""The command line's commands, apart from `gui`, and `HANDLERS`, the table the parser names them by.

Kept apart from main.py so that starting the desktop app (`roledesigner` with no command, or a
design file) does not first import the exporters, the review and the schema machinery.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from roledesigner.cli.documentchoice import handles
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, UserError
from roledesigner.cli.importing import cmd_audit, cmd_import
from roledesigner.cli.settingsread import settings_said
from roledesigner.cli.terminal import unfiltered
from roledesigner.cli.textreport import (
    WIDTH,
    capability_text,
    design_text,
    finding_line,
    findings_text,
    paths_text,
    role_text,
    wrapped,
)
from roledesigner.cli.versioning import cmd_compare, cmd_version
from roledesigner.documents.export import export_many, review_errors
from roledesigner.documents.filenames import export_path
from roledesigner.documents.jobs import UNREVIEWED_MARK, ExportJob, ExportResult, Format
from roledesigner.documents.viewmodel import build_view
from roledesigner.documents.word import check_template
from roledesigner.domain.errors import InputError
from roledesigner.domain.findings import Finding, Severity, counted
from roledesigner.domain.models import RoleDesign
from roledesigner.files.designfile import DesignFileError, load_design, save_design
from roledesigner.files.paths import library_dir
from roledesigner.files.reading import os_reason
from roledesigner.files.settings import Settings, settings_path, user_library_dir
from roledesigner.library.catalogue import Folder, Kind, Library
from roledesigner.library.compose import blank_design, new_design
from roledesigner.library.loader import default_folders, load_library
from roledesigner.review import review
from roledesigner.review.acknowledgements import reviewed
from roledesigner.review.order import plain_field


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _library(show_problems: bool = True, settings: Settings | None = None) -> Library:
    """The library in use; the settings are read here (their problems said) unless handed in, read already."""
    library = load_library(default_folders(settings if settings is not None else settings_said()))
    if show_problems:
        for problem in library.problems:
            _say(f"Library warning: {problem}")
    return library


def _print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


# --- commands -------------------------------------------------------------------------------


def cmd_new(args: argparse.Namespace) -> int:
    stray: str | None = getattr(args, "stray", None)
    if stray is not None:  # `new ROLE -o FILE`: the role is named by --from
        raise UserError(
            f"To start from the emerging role '{stray}', name it with --from: "
            f"roledesigner new --from {stray} -o {args.output}."
        )
    output: Path = args.output
    if output.exists() and not args.force:
        raise UserError(f"{output} already exists; choose another name, or add --force to replace it.")
    if output.exists():
        try:
            load_design(output)
        except DesignFileError as error:
            raise UserError(
                f"{output} was not replaced, because it is not a role design Role Designer can read ({error})"
            ) from error
    settings = settings_said()
    library = _library(settings=settings)
    hours = settings.default_contracted_hours
    design = new_design(library, args.role, hours) if args.role else blank_design(hours)
    if args.title:
        design = design.model_copy(update={"title": args.title})
    save_design(design, output)
    what = f"from the emerging role '{args.role}'" if args.role else "(blank)"
    print(f"Created {output} {what}.")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    design = load_design(args.file)
    library = _library(show_problems=False)
    from roledesigner.cli.derived import derived  # only `show --format json` needs it

    facts = derived(design, library)
    if args.format == "json":
        findings = [finding.as_dict() for finding in review(design, library)]
        _print_json(
            {"file": str(args.file), "design": design.model_dump(mode="json"), "derived": facts, "findings": findings}
        )
    else:
        sys.stdout.write(design_text(design, library))
        found = review(design, library)
        print(f"\nReview: {counted(found) or 'nothing to fix'}.")
        for finding in found:
            if finding.severity is not Severity.INFO:
                severity = finding.severity.value.capitalize()
                print(wrapped(f"{severity}: {finding.message} [{plain_field(finding.field)}]"))
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    design = load_design(args.file)
    findings = review(design, _library(show_problems=False))
    if args.format == "json":
        _print_json({"file": str(args.file), "findings": [entry.as_dict() for entry in reviewed(design, findings)]})
    else:
        sys.stdout.write(findings_text(args.file, findings, design))
    return EXIT_FINDINGS if any(f.severity is Severity.ERROR for f in findings) else EXIT_OK


def _entry_json(library: Library, kind: Kind, entry: Any) -> dict[str, Any]:
    origin = library.origins[(kind, entry.id)]
    data: dict[str, Any] = {"id": entry.id, "kind": kind, "name": entry.name}
    if kind == "role":
        data |= {"footprint": entry.footprint.value, "function": entry.function.value, "summary": entry.summary}
    else:
        data |= {"domain": entry.domain, "description": entry.description}
    data["sources"] = [
        {
            "id": ref.id,
            "where": ref.where,
            "citation": library.sources[ref.id].citation if ref.id in library.sources else None,
        }
        for ref in entry.sources
    ]
    data["file"] = str(origin.file)
    data["library"] = origin.folder.label
    data["overrides"] = [str(o.file) for o in library.overridden.get((kind, entry.id), [])]
    return data


def cmd_library_list(args: argparse.Namespace) -> int:
    library = _library()
    hits = library.index.search(args.search or "", kind=args.kind, domain=args.domain, footprint=args.footprint)
    if args.format == "json":
        rows = []
        for hit in hits:
            entry = library.roles[hit.id] if hit.kind == "role" else library.capabilities[hit.id]
            rows.append(_entry_json(library, hit.kind, entry))  # type: ignore[arg-type]
        _print_json(rows)
        return EXIT_OK
    if not hits:
        print("No library entries match.")
    width = max((len(hit.id) for hit in hits), default=0) + 2
    for kind, title in (("role", "Emerging roles"), ("capability", "Capabilities")):
        chosen = [hit for hit in hits if hit.kind == kind]
        if chosen:
            print(f"{title} ({len(chosen)}):")
            for hit in chosen:
                extra = hit.footprint if kind == "role" else library.domain_name(hit.domain)
                print(f"  {hit.id:{width}}{hit.name}  ({extra})")
    return EXIT_OK


def cmd_library_show(args: argparse.Namespace) -> int:
    library = _library(show_problems=False)
    kind = library.kind_of(args.id)
    if kind not in ("role", "capability"):
        raise UserError(f"There is no emerging role or capability with the id '{args.id}' in the library.")
    entry = library.roles[args.id] if kind == "role" else library.capabilities[args.id]
    if args.format == "json":
        data = _entry_json(library, kind, entry)
        data["entry"] = entry.model_dump(mode="json")
        _print_json(data)
    elif kind == "role":
        sys.stdout.write(role_text(library.roles[args.id], library))
    else:
        sys.stdout.write(capability_text(library.capabilities[args.id], library))
    return EXIT_OK


def cmd_library_validate(args: argparse.Namespace) -> int:
    if args.dirs:
        for folder in args.dirs:
            if not folder.is_dir():
                raise UserError(f"{folder} is not a folder, so there is no library to check there.")
        folders = [Folder(library_dir(), "bundled"), *(Folder(d, "extra") for d in args.dirs)]
    else:
        folders = default_folders(settings_said())
    library = load_library(folders)
    for problem in library.problems:
        print(problem, file=sys.stderr)
    summary = f"{len(library.roles)} emerging roles and {len(library.capabilities)} capabilities loaded"
    if library.problems:
        count = len(library.problems)
        _say(f"{summary}; {count} problem{'s' if count != 1 else ''} found (listed above).")
        return EXIT_BAD_INPUT
    print(f"{summary}; no problems found.")
    return EXIT_OK


def _note(path: Path | None, present: Callable[[Path], bool], absent: str) -> str:
    """What `library paths` says beside a path: nothing if it is there, why if it cannot be looked at."""
    try:
        return "" if path is None or present(path) else absent
    except OSError as error:  # a locked network share, say
        return f"(cannot be opened: {os_reason(error)})"


def cmd_library_paths(args: argparse.Namespace) -> int:
    settings = settings_said()
    user = user_library_dir(settings)
    rows: list[tuple[str, Path | None, str]] = [
        ("Bundled library", library_dir(), ""),
        ("Shared library", settings.shared_library, _note(settings.shared_library, Path.is_dir, "(missing)")),
        ("Your library", user, _note(user, Path.is_dir, "(not created yet)")),
        ("Settings file", settings_path(), _note(settings_path(), Path.is_file, "(not created yet)")),
    ]
    if args.format == "json":
        _print_json({name.lower().replace(" ", "_"): str(path) if path else None for name, path, _ in rows})
    else:
        sys.stdout.write(paths_text(rows))
    return EXIT_OK


def _export_jobs(args: argparse.Namespace, settings: Settings) -> list[ExportJob]:
    sources: list[Path] = args.files
    fmt: Format = args.format or ("pdf" if args.output and args.output.suffix.lower() == ".pdf" else "docx")
    if args.output and len(sources) > 1:
        raise UserError("-o names one output file; to export several designs, use --out-dir DIR.")
    if args.out_dir and not args.out_dir.is_dir():
        problem = "is a file, not a folder" if args.out_dir.exists() else "does not exist"
        raise UserError(f"{args.out_dir} {problem}, so nothing can be exported there.")
    if args.output and args.output.suffix.lower() not in (".docx", ".pdf"):
        raise UserError(f"{args.output} must end in .docx (Word) or .pdf, so that it opens as what it holds.")
    if args.output and args.output.suffix.lower() != f".{fmt}":
        raise UserError(f"{args.output} ends in {args.output.suffix}, but the format asked for is {fmt}.")
    if args.template and fmt == "pdf":
        _say(f"Warning: {args.template} is not used: a template shapes Word files only, and PDFs use the app's own.")
    template = args.template or settings.word_template
    jobs = []
    for source in sources:
        if args.output:
            target = args.output
        elif args.out_dir and args.named:  # a folder to publish from: the settings' pattern, as the app names
            target = export_path(source, args.out_dir, fmt, settings.organisation_name, settings.file_name)
        elif args.out_dir:  # after the design file, as scripts written before the pattern expect
            target = args.out_dir / f"{source.stem}.{fmt}"
        else:
            target = source.with_suffix(f".{fmt}")
        jobs.append(
            ExportJob(
                source,
                target,
                fmt,
                template,
                settings.organisation_name,
                settings.organisation_logo,
                show_draft=settings.show_draft_mark,
            )
        )
    seen: dict[Path, Path] = {}
    for job in jobs:
        key = job.target.resolve()
        if key in seen:
            raise UserError(
                f"{seen[key]} and {job.source} would both be written to {job.target}; export them separately."
            )
        seen[key] = job.source
    if fmt == "docx" and template is not None:  # a house template is tried on a sample first; ours is trusted
        library = _library(show_problems=False, settings=settings)
        from roledesigner.documents.sample import sample_design

        check_template(template, build_view(sample_design(library), library))
    return jobs


def _say_review(source: Path, errors: list[Finding], after: str = "") -> None:
    """A design's review errors on stderr: one line naming the file, then each error with its field
    in plain words, as `check` prints them."""
    count = f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
    _say(f"Review: {source} has {count}{after}:")
    for finding in errors:
        _say(textwrap.fill(finding_line(finding), WIDTH, initial_indent="  - ", subsequent_indent="    "))


def _reviewed(sources: list[Path], settings: Settings) -> dict[Path, list[Finding]]:
    """Each readable design's review errors, by file (an unreadable design is left to the export to name)."""
    library = _library(show_problems=False, settings=settings)
    found: dict[Path, list[Finding]] = {}
    for source in sources:
        try:
            design = load_design(source)
        except InputError:
            continue
        errors = review_errors(design, library, review)
        if errors:
            found[source] = errors
    return found


def cmd_export(args: argparse.Namespace) -> int:
    """Export; a design whose review has errors is exported all the same, marked, and its errors
    said on stderr (scripts rely on that), unless --strict, which then writes nothing and exits 1.
    The settings are read once, a problem with their file said once."""
    strict = bool(getattr(args, "strict", False))
    settings = settings_said()

    def review_first(marked: bool) -> int | set[Path]:
        """After the arguments' own checks (a usage error is exit 2 and said first), before any
        file is written: the errors said, and --strict's refusal (its exit code); else the designs
        with errors, whose documents are marked (`marked`: the document can show the mark)."""
        found = _reviewed(args.files, settings)
        mark = f', so its document says "{UNREVIEWED_MARK}"' if marked and not strict else ""
        for source, errors in found.items():
            _say_review(source, errors, mark)
        if found and strict:
            _say("Nothing was exported (--strict): fix the review's errors listed above, or export without --strict.")
            return EXIT_FINDINGS
        return set(found)

    if handles(args):  # --document interview|shortlisting, or a format only the packs take
        from roledesigner.cli.packs import export_pack_command  # the packs' writers only when asked for

        return export_pack_command(args, review_first, settings)
    jobs = _export_jobs(args, settings)
    if strict and isinstance(code := review_first(True), int):
        return code
    show_progress = sys.stderr.isatty() and len(jobs) > 1
    console = unfiltered(sys.stderr)  # the progress line's carriage return is ours, not data's

    def progress(done: int, total: int, result: ExportResult) -> None:
        if show_progress:
            console.write(f"\rExported {done} of {total}")
            console.flush()

    results = export_many(jobs, workers=args.jobs, progress=progress, check=review)
    if show_progress:
        console.write("\n")
    failed = [r for r in results if not r.ok]
    for result in results:
        for warning in result.warnings:
            _say(f"Warning: {warning}")
        if result.ok and result.review_errors:
            _say_review(result.job.source, result.review_errors, f', so its document says "{UNREVIEWED_MARK}"')
        if result.ok:
            print(f"Exported {result.job.target}")
    for result in failed:
        _say(result.message)
    if failed:
        if len(results) > 1:
            _say(f"{len(failed)} of {len(results)} designs could not be exported (listed above).")
        return EXIT_BAD_INPUT
    return EXIT_OK


def cmd_self_test(args: argparse.Namespace) -> int:
    """Imported only when asked for: the self-test loads every exporter."""
    from roledesigner.cli.selftest import self_test

    return self_test(None if args.self_test is True else args.self_test)


def cmd_schema(args: argparse.Namespace) -> int:
    schema = TypeAdapter(RoleDesign).json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Role Designer role design (.roledesign)"
    _print_json(schema)
    return EXIT_OK


#: Every command but `gui`, by the name the parser gives it (roledesigner.cli.main).
HANDLERS: dict[str, Callable[[argparse.Namespace], int]] = {
    "new": cmd_new,
    "show": cmd_show,
    "check": cmd_check,
    "library_list": cmd_library_list,
    "library_show": cmd_library_show,
    "library_validate": cmd_library_validate,
    "library_paths": cmd_library_paths,
    "export": cmd_export,
    "self_test": cmd_self_test,
    "schema": cmd_schema,
    "version": cmd_version,
    "compare": cmd_compare,
    "import": cmd_import,
    "audit": cmd_audit,
}
