"""Small text rules shared by models: what counts as a usable piece of text."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, StringConstraints


def _not_blank(value: str) -> str:
    if not value.strip():
        raise ValueError("must not be empty")
    return value


#: Text that must say something (an id, a name, a responsibility).
FilledText = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_not_blank)]

#: An identifier used in files and on the command line: lower case, digits and underscores.
Identifier = Annotated[
    str,
    StringConstraints(strip_whitespace=True, pattern=r"^[a-z0-9][a-z0-9_]*$", max_length=80),
]
