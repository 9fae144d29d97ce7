"""Exit codes and the one error a command raises for bad input or usage (DESIGN.md's contract)."""

from __future__ import annotations

from roledesigner.domain.errors import InputError

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT, EXIT_FAULT = 0, 1, 2, 3


class UserError(InputError):
    """Bad input or usage found by the command line itself: str() is the one sentence on stderr."""
