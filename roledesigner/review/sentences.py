"""Sentences and words for the plain-English measures: where a sentence ends, and what a word is.

A sentence ends where a reader would end it: at a full stop, question or exclamation mark
followed by a space (but not after "e.g.", a title such as "Dr." or an initial), at every line
break, and at every bullet, so each line and bullet is a sentence of its own. Words are joined
as textstat joins them, so Flesch scores stay comparable (`roledesigner.review.readability`).
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["sentence_spans", "sentences", "spans", "words"]

#: A bullet or list number at the start of a line, with the space after it: "- ", "• ", "1. ",
#: "(a) ", "iv. ", "B) ". Not "J. " or "A. ", which may be an initial ("J. Smith chairs ...").
_BULLET = re.compile(r"[ \t]*(?:[-*•·▪◦‣–—+>]|\(?(?:\d{1,3}|[a-z]|[ivx]{1,4})[.)]|\(?[A-Z]\))[ \t]+")

#: Where a sentence may end: full stops, question and exclamation marks (and an ellipsis), with any
#: closing quotes or brackets, then white space. A full stop inside "2.5" or "e.g" has no space after it.
_END = re.compile(r"(?:[.!?…]+)[\"'”’)\]]*(?=\s)")

#: Abbreviations after which a full stop never ends a sentence (lower case, dots removed).
_ABBREVIATIONS = frozenset(
    {
        "eg",
        "ie",
        "cf",
        "viz",
        "vs",
        "approx",
        "incl",
        "excl",
        "esp",
        "dept",
        "fig",
        "para",
        "paras",
        "ref",
        "refs",
        "tel",
        "dr",
        "mr",
        "mrs",
        "ms",
        "mx",
        "prof",
        "cllr",
        "rev",
        "revd",
        "sr",
        "jr",
        "st",
        "hon",
        "lt",
        "sgt",
        "co",
    }
)
#: Abbreviations that end a sentence too, so they end one when an ordinary capitalised word
#: follows ("etc. The next ...") but not an acronym or a lower-case word ("etc. and", "a.m. NHS").
_MAYBE_ENDS = frozenset({"etc", "inc", "ltd", "al"})
#: "No. 10": a number sign only when a figure follows; otherwise "no." ends a sentence.
_NUMBER_SIGNS = frozenset({"no", "nos"})

#: The word just before a full stop, dots inside it included ("e.g", "Dr", "J", "a.m").
_WORD_BEFORE = re.compile(r"(?<![\w.])([^\W\d_](?:[\w.]*[^\W_])?)\.$")
#: The first word after a candidate end.
_NEXT_WORD = re.compile(r"\s*[\"'“‘(\[]*(\w+)")
_ORDINARY_CAPITALISED = re.compile(r"[A-Z][a-z]")


def _is_abbreviation(line: str, dot_end: int) -> bool:
    """Whether the full stop ending at `dot_end` closes an abbreviation or an initial, not a sentence.

    Never after "e.g.", "i.e.", titles ("Dr.", "St.") or an initial ("J. Smith"); after "etc."
    and dotted abbreviations ("a.m.") only when an ordinary capitalised word follows.
    """
    match = _WORD_BEFORE.search(line, max(0, dot_end - 24), dot_end)
    if match is None:
        return False
    token = match.group(1)
    key = token.lower().replace(".", "")
    if key in _ABBREVIATIONS or (len(token) == 1 and token.isupper()):
        return True
    following = _NEXT_WORD.match(line, dot_end)
    if key in _NUMBER_SIGNS:
        return following is not None and following.group(1)[0].isdigit()
    if key in _MAYBE_ENDS or "." in token:
        return not (following is not None and _ORDINARY_CAPITALISED.match(following.group(1)))
    return False


@lru_cache(maxsize=64)
def spans(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each sentence, as a tuple cached for the measures that share it.

    One text is usually measured several ways in a row (Flesch, long sentences, passives).
    """
    found: list[tuple[int, int]] = []
    offset = 0
    for line in text.splitlines(keepends=True):
        line_start = offset
        offset += len(line)
        bullet = _BULLET.match(line)
        start = bullet.end() if bullet else 0
        for end in _END.finditer(line, start):
            # Only a lone full stop can close an abbreviation; "?", "!" and "..." end a sentence.
            if end.group().rstrip("\"'”’)]") == "." and _is_abbreviation(line, end.start() + 1):
                continue
            _add_span(found, line, line_start, start, end.end())
            start = end.end()
        _add_span(found, line, line_start, start, len(line))
    return tuple(found)


def _add_span(spans: list[tuple[int, int]], line: str, line_start: int, start: int, end: int) -> None:
    """Record line[start:end] as a sentence, trimmed of white space, if it has a word in it."""
    piece = line[start:end]
    stripped = piece.strip()
    if not _WORD.search(stripped):
        return
    lead = len(piece) - len(piece.lstrip())
    begin = line_start + start + lead
    spans.append((begin, begin + len(stripped)))


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of each sentence, so callers can point back into the text."""
    return list(spans(text))


def sentences(text: str) -> list[str]:
    """Split text into sentences at ". ", "? ", "! ", line breaks and bullets, but not at "e.g." or "2.5"."""
    return [text[start:end] for start, end in spans(text)]


# --- Words ---------------------------------------------------------------------------------------

#: A word: letters and digits, joined by apostrophes, hyphens or dots inside ("don't", "well-being",
#: "2.5", "e.g"), and figures by commas ("1,200"). Joining as textstat does keeps word counts, and
#: so Flesch scores, comparable.
_WORD = re.compile(r"[^\W_]+(?:(?:['’.\-‐]|(?<=\d),(?=\d))[^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of text, in order: hyphenated compounds, contractions and decimals stay whole."""
    return _WORD.findall(text)
