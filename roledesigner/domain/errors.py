"""Turn pydantic's validation errors into short plain-English phrases that name the field.

Users see these in the command line, the app and library reports, so they must read as
"funding_percent must be between 0 and 100", never as a pydantic dump.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only named in annotations: InputError is imported before the app's window
    # shows, and pydantic costs about 100 ms to import, so it is not loaded for it
    from pydantic import ValidationError
    from pydantic_core import ErrorDetails


class InputError(Exception):
    """Bad input a person can fix: str() is one plain sentence naming the file and the problem.

    Every layer's own refusal (a design file, a template, a missing data folder, a composing
    step) derives from it, so the command line answers all of them the one way, exit 2.
    """


_PHRASES: dict[str, str] = {
    "missing": "is required",
    "extra_forbidden": "is not a field Role Designer knows (check the spelling)",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "decimal_type": "must be a number",
    "decimal_parsing": "must be a number",
    "decimal_finite_number": "must be a number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "finite_number": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list",
    "model_type": "must be a group of named fields",
    "model_attributes_type": "must be a group of named fields",
    "dict_type": "must be a group of named fields",
    "date_type": "must be a date written as YYYY-MM-DD",
    "date_parsing": "must be a date written as YYYY-MM-DD",
    "date_from_datetime_parsing": "must be a date written as YYYY-MM-DD",
    "date_from_datetime_inexact": "must be a date written as YYYY-MM-DD",
    "string_pattern_mismatch": "must use only lower-case letters, digits and underscores",
    "frozen_instance": "cannot be changed",
}


def field_path(loc: Sequence[str | int]) -> str:
    """`('joint', 'partners', 1, 'funding_percent')` -> `joint.partners[1].funding_percent`."""
    path = ""
    for part in loc:
        if isinstance(part, int):
            path += f"[{part}]"
        elif "[" in part or "-" in part:
            continue  # pydantic's internal schema tags, not a field the user wrote
        else:
            path += f".{part}" if path else part
    return path


#: The most of a refused value a message repeats: enough to recognise it, never a whole file.
SHOWN_INPUT = 40


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= SHOWN_INPUT else text[: SHOWN_INPUT - 1] + "…"


def phrase(error: ErrorDetails) -> str:
    kind = error["type"]
    ctx: dict[str, Any] = dict(error.get("ctx") or {})
    if kind in ("value_error", "assertion_error"):
        return str(ctx.get("error", error["msg"])).removeprefix("Value error, ")
    if kind in ("enum", "literal_error"):
        return f"must be one of {ctx.get('expected', '')}, not {_shown(error['input'])}"
    if kind == "too_short":
        count = ctx.get("min_length", 1)
        return f"must have at least {count} item{'s' if count != 1 else ''}"
    if kind == "string_too_long":
        return f"must be at most {ctx.get('max_length')} characters"
    if kind in _PHRASES:
        return _PHRASES[kind]
    message = error["msg"]
    return message[:1].lower() + message[1:]


def plain_errors(error: ValidationError) -> list[tuple[str, str]]:
    """Each problem as (field path, phrase); the path is empty for the whole object."""
    return [(field_path(item["loc"]), phrase(item)) for item in error.errors()]


def describe(error: ValidationError, limit: int = 3) -> str:
    """All problems in one sentence fragment, such as 'title is required; grade must be text'."""
    parts = [f"{path} {text}" if path else text for path, text in plain_errors(error)]
    if len(parts) > limit:
        parts = [*parts[:limit], f"and {len(parts) - limit} more"]
    return "; ".join(parts)
