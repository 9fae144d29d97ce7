"""Small text rules shared by models: what counts as a usable piece of text."""

from __future__ import annotations

import re
from typing import Annotated, Any

from pydantic import AfterValidator, BeforeValidator, StringConstraints

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def mend(value: Any) -> Any:
    """Replace lone surrogates (from JSON escapes such as \\ud800) with U+FFFD.

    No file encoding or Word document can hold them, so text is mended on the way in.
    """
    if isinstance(value, str) and _LONE_SURROGATE.search(value):
        return _LONE_SURROGATE.sub("\ufffd", value)
    return value


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


#: Any text a user writes.
Text = Annotated[str, BeforeValidator(mend)]

#: Text that must say something (an id, a name, a responsibility).
FilledText = Annotated[str, BeforeValidator(mend), StringConstraints(strip_whitespace=True), AfterValidator(_not_blank)]

#: An identifier used in files and on the command line: lower case, digits and underscores.
Identifier = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=80),
]
