"""JSON read from a file someone else wrote: bounded in depth and in the length of each number.

Python's reader recurses once per level of nesting and turns every whole number into an int,
so a design nested 100,000 deep stops it with RecursionError and a number of 5,000 digits with
ValueError. Neither is a role design; both get a plain phrase here instead, as does a file
nested deeper than anything Role Designer writes (which would make later steps recurse).
"""

from __future__ import annotations

import json
import re
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


#: Every byte but the four brackets and the quote, deleted in one pass.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')
#: An innermost container: an opening bracket closed straight away.
_LEAF = re.compile(rb"[\[{][\]}]")


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int | None:
    """How deeply valid JSON `text` nests its containers; None when deeper than `limit`.

    Read from the text, not the parsed data: a file with 500 recorded versions holds some
    300,000 small containers, and walking them took twice as long as parsing them. With the
    escapes gone, every quote opens or closes a string, so the text between every other quote
    is the structure; taking away the innermost containers level by level counts the depth.
    """
    data = text.encode("utf-8", "surrogatepass").replace(b"\\\\", b"").replace(b'\\"', b"")
    brackets = b"".join(data.translate(None, _NOT_STRUCTURE).split(b'"')[::2])
    for level in range(limit + 1):
        if not brackets:
            return level
        brackets = _LEAF.sub(b"", brackets)
    return None


def load_json(text: str) -> Any:
    """Parse `text`; json.JSONDecodeError for text that is not JSON, JsonLimit for JSON out of bounds."""
    try:
        data = json.loads(text, parse_int=_int, parse_float=_float)
    except RecursionError as error:
        raise _too_deep() from error
    if nesting_depth(text) is None:
        raise _too_deep()
    return data
