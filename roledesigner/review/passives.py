"""Passive voice for the plain-English check: a form of "to be", a few adverbs, a past participle.

A simple rule, run on every pause in typing: it points an author at sentences worth a second
look ("is required", "will be led by"), and accepts that an adjective which looks like a
participle ("is based") counts too.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from roledesigner.review.sentences import spans

__all__ = ["PassiveHit", "passive_phrases", "passive_share"]

#: Common irregular past participles (regular ones end in "-ed").
_IRREGULAR_PARTICIPLES = frozenset(
    {
        "beaten",
        "begun",
        "bent",
        "bitten",
        "blown",
        "borne",
        "bought",
        "bound",
        "broken",
        "brought",
        "built",
        "burnt",
        "caught",
        "chosen",
        "cut",
        "dealt",
        "done",
        "drawn",
        "driven",
        "eaten",
        "fed",
        "felt",
        "forbidden",
        "forgiven",
        "forgotten",
        "fought",
        "found",
        "frozen",
        "given",
        "grown",
        "heard",
        "held",
        "hidden",
        "hit",
        "hung",
        "hurt",
        "kept",
        "known",
        "laid",
        "led",
        "left",
        "lent",
        "lost",
        "made",
        "meant",
        "met",
        "misled",
        "mistaken",
        "misunderstood",
        "outgrown",
        "overcome",
        "overseen",
        "overtaken",
        "overthrown",
        "paid",
        "put",
        "read",
        "rebuilt",
        "redone",
        "remade",
        "rewritten",
        "run",
        "said",
        "seen",
        "sent",
        "set",
        "shaken",
        "shown",
        "shut",
        "sold",
        "sought",
        "spent",
        "split",
        "spoken",
        "spread",
        "stolen",
        "struck",
        "stuck",
        "sworn",
        "taken",
        "taught",
        "thought",
        "thrown",
        "told",
        "torn",
        "understood",
        "undertaken",
        "upheld",
        "upset",
        "withdrawn",
        "withheld",
        "won",
        "worn",
        "written",
    }
)

#: Words ending in "-ed" that are not participles, so "is need" or "are red" are not passives.
_NOT_PARTICIPLES = frozenset(
    {
        "bed",
        "bled",
        "bred",
        "embed",
        "fled",
        "hundred",
        "infrared",
        "kindred",
        "naked",
        "red",
        "sacred",
        "shed",
        "sled",
        "wed",
        "wicked",
        "wretched",
    }
)

#: Forms of "to be" that make a passive, with "being" or "been" after them if present ("is being
#: reviewed", "have been agreed"); "'s" only after a pronoun, so that a possessive ("the post's
#: shared budget") is not taken for "is".
_BE = (
    r"(?:am|is|are|was|were|be|been|being|isn['’]t|aren['’]t|wasn['’]t|weren['’]t"
    r"|(?:it|he|she|that|what|who|there|this|where)['’]s)(?:[^\S\n]+(?:being|been))?"
)
#: Up to three adverbs between: "is not required", "are jointly appointed", "is not yet fully agreed".
_ADVERB = (
    r"(?:not|yet|also|often|always|never|still|then|now|already|all|both|each|usually|sometimes|soon"
    r"|well|very|so|too|more|most|less|further|\w+ly)"
)
_PASSIVE = re.compile(rf"(?<![\w'’-]){_BE}(?:[^\S\n]+{_ADVERB}){{0,3}}[^\S\n]+(?P<participle>\w+)(?![\w'’-])")
#: "There is limited evidence": after "there", an "-ed" word is an adjective before a noun.
_THERE = re.compile(r"\bthere[^\S\n]+$")


def _is_participle(word: str) -> bool:
    """Whether a (lower-case) word reads as a past participle: a listed irregular one, or "-ed"."""
    if word in _IRREGULAR_PARTICIPLES:
        return True
    if not word.endswith("ed") or len(word) < 4 or word in _NOT_PARTICIPLES:
        return False
    # "need", "speed", "proceed": "-eed" is a participle only in "agreed", "freed" and the like.
    if word.endswith("eed"):
        return word in {"agreed", "disagreed", "freed", "decreed", "guaranteed", "refereed"}
    return True


def _lower(text: str) -> str:
    """The text in lower case, every character keeping its offset."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(char.lower() if len(char.lower()) == 1 else char for char in text)


@dataclass(frozen=True)
class PassiveHit:
    """A passive construction, with where it starts and the sentence it is in."""

    phrase: str
    start: int
    sentence: str


@lru_cache(maxsize=64)
def _passives(text: str) -> tuple[PassiveHit, ...]:
    found_spans = spans(text)
    starts = [span[0] for span in found_spans]
    lowered = _lower(text)
    hits: list[PassiveHit] = []
    for match in _PASSIVE.finditer(lowered):
        start, end = match.span()
        if not _is_participle(match.group("participle")) or _THERE.search(lowered, max(0, start - 8), start):
            continue
        index = bisect_right(starts, start) - 1
        inside = index >= 0 and start < found_spans[index][1]
        sentence = text[found_spans[index][0] : found_spans[index][1]] if inside else text[start:end]
        hits.append(PassiveHit(phrase=text[start:end], start=start, sentence=sentence))
    return tuple(hits)


def passive_phrases(text: str) -> list[PassiveHit]:
    """Passive constructions ("is required", "will be led by", "are not funded"), in text order.

    A form of "to be", up to three adverbs, then a past participle: a regular "-ed" word or a listed
    irregular one. Adjectives that look like participles ("is interested", "is based") count too;
    that is the price of a simple rule, and each is still worth a glance.
    """
    return list(_passives(text))


def passive_share(text: str) -> float:
    """Share of sentences (0 to 1) with at least one passive; plain-English guides suggest under a fifth."""
    found_spans = spans(text)
    if not found_spans:
        return 0.0
    starts = [span[0] for span in found_spans]
    with_passive = {bisect_right(starts, hit.start) - 1 for hit in _passives(text)}
    return len(with_passive) / len(found_spans)
