"""The command line: a contract other tools and tests rely on (DESIGN.md).

Exit codes: 0 done; 1 `check` found errors or a `--self-test` step failed; 2 bad input or usage,
with one plain sentence on stderr naming the file and the problem; 3 an internal fault (a bug to report).

This module stays light: the commands live in roledesigner.cli.commands, imported (an ordinary
import, so every tool sees it) only when one runs, so the desktop app starts without loading the
exporters first. The parser names each command's handler by its key in `commands.HANDLERS`.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from roledesigner import __version__
from roledesigner.cli.errors import EXIT_BAD_INPUT, EXIT_FAULT, EXIT_OK, UserError, refusal
from roledesigner.cli.importing import add_parsers as add_import_parsers
from roledesigner.cli.terminal import visible_streams
from roledesigner.cli.versioning import add_parsers as add_version_parsers
from roledesigner.domain.errors import InputError

#: The top-level commands: any other single argument with a suffix, or naming a file, is a design to open.
COMMANDS = ("gui", "new", "show", "check", "library", "export", "schema", "version", "compare", "import", "audit")
#: A command's handler: a function, or its key in roledesigner.cli.commands.HANDLERS.
Handler = Callable[[argparse.Namespace], int] | str


def _say(message: str) -> None:
    print(message, file=sys.stderr)


def has_display() -> bool:
    """Whether a window can be shown: a desktop session, or Qt told to draw elsewhere."""
    if sys.platform in ("win32", "darwin") or os.environ.get("QT_QPA_PLATFORM"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def cmd_gui(args: argparse.Namespace) -> int:
    path: Path | None = getattr(args, "file", None)
    if not has_display():
        raise UserError("There is no display to show the app on; use the command line instead (roledesigner --help).")
    from roledesigner.gui.app import run

    return run(path)


# --- parser ---------------------------------------------------------------------------------


FORMAT_HELP = "text (default) for people, or json for other programs"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="roledesigner",
        description="Compose system leadership roles from the role library and export job specifications.",
        epilog="Exit codes: 0 done; 1 check found errors, or a --self-test step failed; 2 bad input (one sentence on "
        "stderr); 3 internal fault.",
    )
    parser.add_argument("--version", action="version", version=f"Role Designer {__version__}")
    parser.add_argument(
        "--self-test",
        nargs="?",
        const=True,
        type=Path,
        metavar="DIR",
        help="check this install: load the library, export every emerging role to Word and PDF and read them back; "
        "it works in a new folder inside DIR (default: the temporary folder) and removes it afterwards",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, handler: Handler, helptext: str, parent: Any = commands) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = parent.add_parser(name, help=helptext, description=helptext)
        sub.set_defaults(handler=handler)
        return sub

    gui = command("gui", cmd_gui, "Open the desktop app, with a design if you name one.")
    gui.add_argument("file", type=Path, nargs="?", metavar="FILE", help="a .roledesign file to open")

    new = command("new", "new", "Create a new role design file, from an emerging role or blank.")
    # `new ROLE -o FILE`, a role named without --from: taken here so that cmd_new can point to --from
    # in one sentence, rather than argparse's usage line. Not shown in the help or the usage.
    new.add_argument("stray", nargs="?", help=argparse.SUPPRESS)
    new.add_argument(
        "--from",
        dest="role",
        metavar="ROLE_ID",
        help="the emerging role to start from (see 'library list --kind role')",
    )
    new.add_argument("-o", "--output", type=Path, required=True, metavar="FILE", help="the .roledesign file to write")
    new.add_argument("--title", help="the job title (default: the emerging role's name)")
    new.add_argument("--force", action="store_true", help="replace FILE if it exists and is a role design")

    show = command("show", "show", "Show a role design and everything derived from it.")
    show.add_argument("file", type=Path, metavar="FILE", help="the .roledesign file to show")
    show.add_argument("--format", choices=["text", "json"], default="text", help=FORMAT_HELP)

    check = command("check", "check", "Review a design: what to fix, and why. Exit 1 if any error is found.")
    check.add_argument("file", type=Path, metavar="FILE", help="the .roledesign file to review")
    check.add_argument("--format", choices=["text", "json"], default="text", help=FORMAT_HELP)

    library = commands.add_parser(
        "library",
        help="List, show and check role library entries.",
        description="List, show and check role library entries.",
    )

    def library_usage(_args: argparse.Namespace) -> int:
        library.print_help(sys.stderr)
        return EXIT_BAD_INPUT

    library.set_defaults(handler=library_usage)
    library_commands = library.add_subparsers(dest="library_command", metavar="COMMAND")
    listing = command("list", "library_list", "List emerging roles and capabilities.", library_commands)
    listing.add_argument("--kind", choices=["role", "capability"])
    listing.add_argument("--search", metavar="TEXT", help="only entries whose text holds every word of TEXT")
    listing.add_argument("--domain", metavar="DOMAIN_ID", help="only entries in this framework domain")
    listing.add_argument("--footprint", choices=["system", "place", "neighbourhood", "organisation"])
    listing.add_argument("--format", choices=["text", "json"], default="text", help=FORMAT_HELP)
    showing = command("show", "library_show", "Show everything about one library entry.", library_commands)
    showing.add_argument("id", metavar="ID", help="a role's or capability's id, as 'library list' shows it")
    showing.add_argument("--format", choices=["text", "json"], default="text", help=FORMAT_HELP)
    validate = command(
        "validate", "library_validate", "Check library folders; with no DIR, the folders in use.", library_commands
    )
    validate.add_argument(
        "dirs", nargs="*", type=Path, metavar="DIR", help="a library folder to check on top of the bundled library"
    )
    paths = command(
        "paths", "library_paths", "Show where the bundled, shared and user libraries are.", library_commands
    )
    paths.add_argument("--format", choices=["text", "json"], default="text", help=FORMAT_HELP)

    export = command("export", "export", "Export designs as Word (or PDF) job specifications.")
    export.add_argument("files", nargs="+", type=Path, metavar="FILE", help="one or more .roledesign files")
    where = export.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, metavar="OUT", help="the file to write (one design only)")
    where.add_argument(
        "--out-dir", type=Path, metavar="DIR", help="the folder to write into (default: beside each design)"
    )
    export.add_argument(
        "--document",
        choices=["specification", "interview", "shortlisting"],
        default="specification",
        help="specification (default): the job description and person specification; interview: the interview "
        "pack; shortlisting: the shortlisting matrix, or with --format txt the criteria to paste",
    )
    export.add_argument(
        "--format",
        choices=["docx", "pdf", "xlsx", "txt"],
        help="a specification: docx (default) or pdf; the interview pack: docx (default) or pdf; the shortlisting "
        "matrix: xlsx (default), docx or txt; inferred from OUT's name",
    )
    export.add_argument(
        "--candidates", type=int, metavar="N", help="shortlisting: a column for each of N candidates (default 10)"
    )
    export.add_argument(
        "--shortlisters", type=int, metavar="N", help="shortlisting: a sheet for each of N shortlisters (default 2)"
    )
    export.add_argument(
        "--panel", type=int, metavar="N", help="interview: a scoring sheet for each of N panel members (default 3)"
    )
    export.add_argument(
        "--template", type=Path, metavar="DOCX", help="a Word template in your house style (Word files only)"
    )
    export.add_argument(
        "--named",
        action="store_true",
        help="with --out-dir: name each job specification by the file-name pattern in Settings (by default "
        "'{organisation} {title} v{version}') instead of after its design file",
    )
    export.add_argument(
        "--jobs", type=int, metavar="N", help="how many designs to export at once (default: every core)"
    )
    export.add_argument(
        "--strict",
        action="store_true",
        help="refuse to export when the review finds an error in any design: nothing is written, exit 1 (without "
        "it, the design is exported, a job specification marked 'Draft: not yet reviewed', and the errors are "
        "listed on stderr)",
    )

    add_version_parsers(command)
    add_import_parsers(command)
    command("schema", "schema", "Print the JSON Schema of .roledesign files.")
    return parser


def _resolve(handler: Handler) -> Callable[[argparse.Namespace], int]:
    if callable(handler):
        return handler
    from roledesigner.cli import commands  # only when a command other than `gui` runs

    return commands.HANDLERS[handler]


def _opening_a_file(argv: list[str]) -> bool:
    """`roledesigner FILE`: how a file manager or a double-click starts the app with a design.

    FILE is a lone argument that is not a command or an option, and either has a suffix (a
    design, even one that has gone, which the app then says) or is an existing file. Anything
    else stays a usage error, so a mistyped command is not taken for a design.
    """
    if len(argv) != 1 or argv[0].startswith("-") or argv[0] in COMMANDS:
        return False
    path = Path(argv[0])
    if path.suffix:
        return True
    try:
        return path.is_file()
    except OSError:  # a folder on the way that cannot be searched, say
        return False


def _null_missing_streams() -> bool:
    """Point a missing sys.stdout or sys.stderr at the null device; True if stdout was missing.

    A windowed program (the bundle's RoleDesigner.exe on Windows) has no console, so both are
    None, and a command that writes to them would fail with nothing said. roledesigner-cli.exe,
    the bundle's console program, has both.
    """
    no_stdout = sys.stdout is None
    if no_stdout or sys.stderr is None:
        sink = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - open for as long as the program runs
        sys.stdout = sys.stdout or sink
        sys.stderr = sys.stderr or sink
    return no_stdout


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # in a bundled app, export workers run this first
    no_console = _null_missing_streams()
    streams = visible_streams()  # nothing printed from a design or a library drives the terminal
    try:
        return _main(argv, no_console, streams)
    finally:
        sys.stdout, sys.stderr = streams


def _main(argv: Sequence[str] | None, no_console: bool, streams: tuple[TextIO | None, TextIO | None]) -> int:
    arguments = list(sys.argv[1:] if argv is None else argv)
    if _opening_a_file(arguments):
        arguments.insert(0, "gui")
    parser = build_parser()
    args = parser.parse_args(arguments)
    handler: Handler = getattr(args, "handler", cmd_gui)
    if handler is cmd_gui:
        sys.stdout, sys.stderr = streams  # the app prints nothing from data, and keeps the real streams
    if args.self_test is not None:
        if args.command:
            parser.error("--self-test runs on its own, without a command")
        handler = "self_test"
        if no_console:  # with no console, the self-test writes its report to a file (roledesigner.cli.selftest)
            sys.stdout = None
    try:
        return int(_resolve(handler)(args))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except OSError as error:  # the system said no (permissions, a lock, a full disk): bad input, not a bug
        _say(refusal(error))
        return EXIT_BAD_INPUT
    except Exception as error:
        if isinstance(error, InputError):
            _say(str(error))
            return EXIT_BAD_INPUT
        if os.environ.get("ROLEDESIGNER_DEBUG"):
            raise
        _say(f"Role Designer met an internal fault ({type(error).__name__}: {error}); please report it.")
        return EXIT_FAULT
