"""The `version` and `compare` commands, and their parsers.

`version FILE` records the current content as a version inside the file and moves the number on;
`compare OLD NEW` (or `compare FILE --version N`) lists what changed and can write the changes
as a Word document with tracked changes. The parser set-up is light (`add_parsers`): the app's
start builds the parser too, so the domain, the library and the documents load only when one of
these commands runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from roledesigner.cli.errors import EXIT_OK, UserError
from roledesigner.domain.vocabulary import Status

if TYPE_CHECKING:
    from roledesigner.domain.models import RoleDesign
    from roledesigner.files.settings import Settings
    from roledesigner.library.catalogue import Library

#: How a command is added: (name, handler's key in commands.HANDLERS, help) -> its parser.
AddCommand = Callable[[str, str, str], argparse.ArgumentParser]
FORMAT_HELP = "text (default) for people, or json for other programs"


def add_parsers(command: AddCommand) -> None:
    """Add `version` and `compare` through `command`, the parser's own way of adding a command."""
    version = command("version", "version", "Record the design's current content as a version inside the file.")
    version.add_argument("file", type=Path, metavar="FILE", help="the .roledesign file")
    version.add_argument("--note", default="", metavar="TEXT", help="why this version is recorded")
    version.add_argument(
        "--status",
        choices=[status.value for status in Status],
        help="the design's status from now on, recorded with the version (default: the status it has)",
    )
    compare = command(
        "compare",
        "compare",
        "List what changed between two designs, or between a design and one of its recorded versions.",
    )
    compare.add_argument(
        "old", type=Path, metavar="OLD", help="the earlier .roledesign file (or the file, with --version)"
    )
    compare.add_argument("new", type=Path, nargs="?", metavar="NEW", help="the later .roledesign file")
    compare.add_argument("--version", metavar="N", help="compare FILE with its recorded version N")
    compare.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="CHANGES.docx",
        help="also write the changes as a Word file with tracked changes",
    )
    compare.add_argument("--format", choices=["text", "json"], default="text", help=FORMAT_HELP)


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def _in_file(path: Path, message: str) -> str:
    """A sentence from the domain, naming the file it is about."""
    return f"In {path}, {message[:1].lower()}{message[1:]}"


def _load(path: Path) -> RoleDesign:
    """The design, with a warning for each recorded version that could not be read."""
    from roledesigner.domain.versions import unreadable_history
    from roledesigner.files.designfile import load_design

    design = load_design(path)
    for problem in unreadable_history(design):
        _say(f"Warning: {_in_file(path, problem)}")
    return design


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name in the environment or the password database
        return ""


def cmd_version(args: argparse.Namespace) -> int:
    from roledesigner.domain.versions import VersionError, record_version, unreadable_history
    from roledesigner.domain.vocabulary import label
    from roledesigner.files.designfile import backup_path, save_design

    path: Path = args.file
    design = _load(path)
    skipped = bool(unreadable_history(design))
    try:
        recorded = record_version(
            design,
            when=dt.date.today(),
            author=design.author.strip() or _login_name(),
            note=args.note,
            status=Status(args.status) if args.status else None,
        )
    except VersionError as error:
        raise UserError(f"{path} was not changed, because {str(error)[:1].lower()}{str(error)[1:]}") from error
    save_design(recorded, path)
    entry = recorded.history[-1]
    print(
        f"Recorded version {entry.version} of {path} ({label(entry.status).lower()}); "
        f"the design is now version {recorded.version}."
    )
    if skipped:
        _say(f"Warning: the versions that could not be read are not in {path} now; {backup_path(path)} still has them.")
    return EXIT_OK


def _library(settings: Settings) -> Library:
    from roledesigner.library.loader import default_folders, load_library

    return load_library(default_folders(settings))


def _check_number(path: Path, design: RoleDesign, number: str) -> None:
    """Refuse a `--version` that is blank, or has no figure in it and is not recorded, in one sentence
    naming the versions there are (a number recorded as text, such as "A", is still found)."""
    from roledesigner.domain.versions import in_words, recorded_numbers

    wanted = number.strip()
    recorded = recorded_numbers(design)
    if wanted and (any(character.isdigit() for character in wanted) or wanted in recorded):
        return
    given = f"“{wanted}” is not one" if wanted else "none was given"
    if not recorded:
        there = f"no version of {path} has been recorded yet"
    elif len(recorded) == 1:
        there = f"the recorded version of {path} is {recorded[0]}"
    else:
        there = f"the recorded versions of {path} are {in_words(recorded)}"
    raise UserError(f"--version needs a version number, and {given}; {there}.")


def _sides(args: argparse.Namespace) -> tuple[RoleDesign, str, RoleDesign, str]:
    """The old design and its name, then the new one and its name."""
    from roledesigner.domain.versions import VersionError, find_version, version_design

    if args.version is not None:
        if args.new is not None:
            raise UserError(
                f"--version compares one file with a recorded version of itself; give {args.old} alone, "
                f"or compare {args.old} and {args.new} without --version."
            )
        design = _load(args.old)
        _check_number(args.old, design, args.version)
        try:
            old = version_design(find_version(design, args.version))
        except VersionError as error:
            raise UserError(_in_file(args.old, str(error))) from error
        return old, f"{args.old} version {args.version.strip()}", design, f"{args.old} as it is now"
    if args.new is None:
        raise UserError(f"compare needs two files, or one file and --version N; only {args.old} was given.")
    return _load(args.old), str(args.old), _load(args.new), str(args.new)


def _write_changes(old: RoleDesign, new: RoleDesign, library: Library, settings: Settings, target: Path) -> None:
    from roledesigner.documents.trackchanges import changes_document
    from roledesigner.files.atomic import WriteError, write_atomically

    data = changes_document(
        old,
        new,
        library,
        organisation=settings.organisation_name,
        template=settings.word_template,
        show_draft=settings.show_draft_mark,
    )
    try:
        write_atomically(target, data, follow_links=False)
    except WriteError as error:
        raise UserError(str(error)) from error


def cmd_compare(args: argparse.Namespace) -> int:
    from roledesigner.cli.textreport import WIDTH
    from roledesigner.domain.compare import compare_designs, describe

    if args.output is not None and args.output.suffix.lower() != ".docx":
        raise UserError(f"{args.output} must end in .docx: the changes are written as a Word file.")
    old, old_name, new, new_name = _sides(args)
    comparison = compare_designs(old, new)
    from roledesigner.cli.settingsread import settings_said

    settings = settings_said()
    library = _library(settings)
    if args.output is not None:
        _write_changes(old, new, library, settings, args.output)

    def name_of(capability_id: str) -> str:
        found = library.capabilities.get(capability_id)
        return found.name if found else capability_id

    if args.format == "json":
        data: dict[str, Any] = {"old": old_name, "new": new_name, **comparison.as_dict()}
        data["output"] = None if args.output is None else str(args.output)
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return EXIT_OK
    if comparison.different_roles:
        _say(f"Note: {comparison.different_roles}")
    count = len(comparison.changes)
    print(f"{old_name} to {new_name}: {count or 'no'} change{'' if count == 1 else 's'}.")
    for change in comparison.changes:
        print(textwrap.fill(describe(change, name_of), WIDTH, initial_indent="  - ", subsequent_indent="    "))
    if args.output is not None:
        print(f"Changes written to {args.output} as tracked changes.")
    return EXIT_OK
