"""JSON read from a file someone else wrote: bounded in depth and in the length of each number.

Python's reader recurses once per level of nesting and turns every whole number into an int,
so a design nested 100,000 deep stops it with RecursionError and a number of 5,000 digits with
ValueError. Neither is a role design; both get a plain phrase here instead, as does a file
nested deeper than anything Role Designer writes (which would make later steps recurse).
"""

from __future__ import annotations

import json
from typing import Any

#: Role Designer's own files nest about six levels deep (a recovery copy, a design, a joint
#: arrangement, its partners, one partner, a value); this leaves room for hand-made files.
MAX_DEPTH = 32
#: The longest number accepted, in characters: hours and percentages need a handful.
MAX_NUMBER_LENGTH = 100


class JsonLimit(Exception):
    """The text is JSON beyond what any Role Designer file holds; str() is a phrase for a sentence."""


def _number(text: str) -> None:
    if len(text) > MAX_NUMBER_LENGTH:
        raise JsonLimit(f"it holds a number more than {MAX_NUMBER_LENGTH} digits long, which no role design needs")


def _int(text: str) -> int:
    _number(text)
    return int(text)


def _float(text: str) -> float:
    _number(text)
    return float(text)


def _too_deep() -> JsonLimit:
    return JsonLimit(f"it is nested more than {MAX_DEPTH} levels deep, far deeper than any role design")


def _check_depth(data: Any) -> None:
    """Walk the parsed data without recursion, refusing anything nested deeper than MAX_DEPTH."""
    if not isinstance(data, dict | list):
        return
    level: list[Any] = [data]
    for _depth in range(MAX_DEPTH):  # one level at a time; only containers are walked
        below: list[Any] = []
        for value in level:
            children = value.values() if isinstance(value, dict) else value
            below.extend(child for child in children if isinstance(child, dict | list))
        if not below:
            return
        level = below
    raise _too_deep()


def load_json(text: str) -> Any:
    """Parse `text`; json.JSONDecodeError for text that is not JSON, JsonLimit for JSON out of bounds."""
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float)
    except RecursionError as error:
        raise _too_deep() from error
    _check_depth(data)
    return data
