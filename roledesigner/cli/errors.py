"""Exit codes and the one error a command raises for bad input or usage (DESIGN.md's contract)."""

from __future__ import annotations

import os

from roledesigner.domain.errors import InputError
from roledesigner.files.reading import os_reason

#: EXIT_FINDINGS: `check` found errors, a `--self-test` step failed, or `export --strict` refused
#: designs whose review has errors (and wrote nothing).
EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_FAULT = 0, 1, 2, 3


class UserError(InputError):
    """Bad input or usage found by the command line itself: str() is the one sentence on stderr."""


def refusal(error: OSError) -> str:
    """The system refused something (a locked share, a full disk, a file held open): one sentence naming the file."""
    name = error.filename
    if name is None or isinstance(name, int):
        return f"Role Designer could not finish: {os_reason(error)}."
    return f"{os.fsdecode(name)} cannot be used: {os_reason(error)}."
