"""Gender-coded language in what an author wrote: which words, where, and what to write instead.

Job adverts worded with more masculine-coded words (Gaucher, Friesen and Kay 2011) appeal less
to women, who read them as saying they would not belong. This module counts the research's coded
words as Kat Matfield's Gender Decoder does, and gives the same verdict, but also:

- matches each stem only at the start of a word, so "complete" never counts as "compet", and
  splits hyphenated words into parts ("decision-making" counts "decision"), while hyphenated list
  entries ("self-confiden", "co-operat") still match whole;
- counts a word once, by its longest matching stem (Gender Decoder counts "dominant" twice);
- skips common false positives for public-sector text ("competencies", "confidential",
  "committee", "wider determinants", "NHS trusts", "tendering"): see `wordlists.NOT_CODED`;
- skips stems inside fixed legal and technical names ("section 75 agreement", "shared care
  record", "supported living"), which an author cannot reword: see `wordlists.NOT_CODED_TERMS`;
- lets the caller leave stems out of the balance (`ignore`), reporting their hits apart, because
  "lead", "leader" and "leadership" fill every system leadership job description;
- flags gendered nouns and pronouns ("chairman", "he or she"), outside the balance;
- suggests a neutral alternative where there is a plain one, and gives offsets and the sentence.

Standard library only, and a few milliseconds for a 3,000-word job description.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from roledesigner.domain.vocabulary import LegalBasis, label
from roledesigner.review import wordlists
from roledesigner.review.readability import sentence_spans

__all__ = [
    "DEFAULT_IGNORE",
    "VERDICTS",
    "CodedWord",
    "Coding",
    "GenderReport",
    "analyse_gender",
    "verdict_for",
]

Coding = Literal["masculine", "feminine", "gendered_term"]

#: Stems the design review leaves out of the balance by default, and says so: a system leadership
#: job description cannot avoid "lead", "leader" and "leadership".
DEFAULT_IGNORE: frozenset[str] = frozenset({"lead"})

#: Every verdict, from most feminine- to most masculine-coded, then the one for no coded words.
VERDICTS: tuple[str, ...] = (
    "strongly feminine-coded",
    "feminine-coded",
    "neutral",
    "masculine-coded",
    "strongly masculine-coded",
    "no coded words",
)


@dataclass(frozen=True)
class CodedWord:
    """One coded word or gendered term, where it stands, and what might replace it."""

    word: str  # as written in the text, e.g. "Competitive"
    stem: str  # the list entry it matched, e.g. "compet"; for gendered terms the term itself
    coding: Coding
    start: int  # character offsets of the word in the analysed text
    end: int
    sentence: str  # the whole sentence it stands in, trimmed, for showing in context
    alternative: str | None
    ignored: bool  # True when its stem was in `ignore` (shown, but not counted)


@dataclass(frozen=True)
class GenderReport:
    """The hits in text order, the counted balance and Gender Decoder's verdict on it."""

    hits: list[CodedWord]
    masculine: int  # counted (not ignored) masculine-coded hits
    feminine: int
    verdict: str  # one of VERDICTS

    @property
    def ignored_hits(self) -> list[CodedWord]:
        """Hits left out of the balance, so the editor can still show them."""
        return [hit for hit in self.hits if hit.ignored]

    @property
    def gendered_terms(self) -> list[CodedWord]:
        """Gendered nouns and pronouns to replace; they are outside the balance."""
        return [hit for hit in self.hits if hit.coding == "gendered_term" and not hit.ignored]

    def summary(self) -> str:
        """One plain sentence on the balance, for the review's message."""
        if self.verdict == "no coded words":
            return "No masculine- or feminine-coded words."
        return f"{self.masculine} masculine-coded and {self.feminine} feminine-coded words: {self.verdict} overall."


def verdict_for(masculine: int, feminine: int) -> str:
    """Gender Decoder's verdict (its app/models.py, `assess_coding`) on counted hits.

    The score is feminine minus masculine: 0 is "neutral" (or "no coded words" when both are
    0), 1 to 3 "feminine-coded", 4 or more "strongly feminine-coded", -1 to -3
    "masculine-coded", -4 or less "strongly masculine-coded".
    """
    if masculine == 0 and feminine == 0:
        return "no coded words"
    score = feminine - masculine
    if score == 0:
        return "neutral"
    if score > 3:
        return "strongly feminine-coded"
    if score > 0:
        return "feminine-coded"
    if score < -3:
        return "strongly masculine-coded"
    return "masculine-coded"


# --- Matching --------------------------------------------------------------------------------------
#
# Both lists are compiled into regular expressions shaped as tries, run over the lower-cased text:
# the regular expression engine then does in C what would otherwise be a Python loop over every
# word, and only the few words that match come back to Python.

_CODING: dict[str, Coding] = dict.fromkeys(wordlists.MASCULINE_CODED, "masculine")
_CODING.update(dict.fromkeys(wordlists.FEMININE_CODED, "feminine"))

_Trie = dict[str, "_Trie"]


def _trie_pattern(entries: list[str]) -> str:
    """A regular expression matching any of `entries`, as a trie: quick to try, and greedy, so
    the longest entry that fits wins ("interpersonal" over "interpersona"). A space stands for
    any run of white space."""
    trie: _Trie = {}
    for entry in entries:
        node = trie
        for char in entry:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: _Trie) -> str:
        branches = [
            (r"\s+" if char == " " else re.escape(char)) + pattern(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return pattern(trie)


#: A word starting with a coded stem, then the rest of its letters (up to a hyphen or apostrophe).
_STEMS = re.compile(r"\b(?P<stem>" + _trie_pattern(list(_CODING)) + r")[^\W\d_]*")
#: A gendered term as a whole word; "his majesty" is a title, matched only to be skipped.
_TERMS = re.compile(
    r"(?<![\w'’/-])(?:(?P<title>h(?:is|er)\s+majesty)|(?P<term>"
    + _trie_pattern(list(wordlists.GENDERED_TERMS))
    + r"))(?![\w/])"
)
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})

#: The rest of a hyphenated word around a match, to check the whole compound ("data-driven").
_COMPOUND_BEFORE = re.compile(r"(?:[^\W\d_]+-)+$")
_COMPOUND_AFTER = re.compile(r"(?:-[^\W\d_]+)+")

_PHRASE_EXCEPTIONS: dict[str, re.Pattern[str]] = {
    stem: re.compile(rf"\s+{re.escape(following)}\b") for stem, following in wordlists.NOT_CODED_PHRASES
}


def _term_pattern(term: str) -> str:
    words = [r"\d+[a-z]?" if word == "#" else re.escape(word) for word in term.lower().split()]
    return r"[\s-]+".join(words) + "s?"


def _legal_basis_names() -> list[str]:
    """The legal bases a joint post may choose, as their labels name them, without the Act."""
    return [re.sub(r"\s*\(.*\)", "", label(basis.value)) for basis in LegalBasis]


#: Fixed legal and technical names ("section 75 agreement"): coded stems inside them are not counted.
_FIXED_TERMS = re.compile(
    r"(?<![\w-])(?:"
    + "|".join(_term_pattern(term) for term in (*wordlists.NOT_CODED_TERMS, *_legal_basis_names()))
    + r")(?![\w-])"
)


def _lower(text: str) -> str:
    """The text in lower case with every offset kept, and typographic hyphens and apostrophes plain."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters ("İ") grow when lower-cased
        lowered = "".join(char.lower() if len(char.lower()) == 1 else char for char in text)
    return lowered.replace("‐", "-").replace("’", "'")


class _Sentences:
    """Finds the sentence around an offset; splits the text only if there is a hit to place."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._spans: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def _index(self, start: int) -> tuple[list[tuple[int, int]], int]:
        if self._spans is None:
            self._spans = sentence_spans(self._text)
            self._starts = [span_start for span_start, _ in self._spans]
        return self._spans, bisect_right(self._starts, start) - 1

    def around(self, start: int, end: int) -> str:
        spans, index = self._index(start)
        if index >= 0 and start < spans[index][1]:
            return self._text[spans[index][0] : spans[index][1]]
        return self._text[start:end]

    def starts_sentence(self, start: int) -> bool:
        spans, index = self._index(start)
        return index >= 0 and spans[index][0] == start


def _coded_hits(text: str, lowered: str, ignore: frozenset[str], context: _Sentences) -> list[CodedWord]:
    hits: list[CodedWord] = []
    fixed: list[tuple[int, int]] | None = None  # found only once a stem matches
    for match in _STEMS.finditer(lowered):
        stem = match.group("stem")
        start, end = match.span()
        key = lowered[start:end]
        if key in wordlists.NOT_CODED:
            continue
        if fixed is None:
            fixed = [term.span() for term in _FIXED_TERMS.finditer(lowered)]
        if any(term_start <= start and end <= term_end for term_start, term_end in fixed):
            continue
        if lowered[start - 1 : start] == "-" or lowered[end : end + 1] == "-":
            before = _COMPOUND_BEFORE.search(lowered, max(0, start - 40), start)
            after = _COMPOUND_AFTER.match(lowered, end)
            compound = (before.group() if before else "") + key + (after.group() if after else "")
            if compound in wordlists.NOT_CODED_COMPOUNDS:
                continue
        phrase = _PHRASE_EXCEPTIONS.get(stem)
        if phrase is not None and key == stem and phrase.match(lowered, end):
            continue
        if (
            stem in wordlists.ORGANISATION_WHEN_CAPITALISED
            and text[start].isupper()
            and not context.starts_sentence(start)
        ):
            continue
        coding = _CODING[stem]
        hits.append(
            CodedWord(
                word=text[start:end],
                stem=stem,
                coding=coding,
                start=start,
                end=end,
                sentence=context.around(start, end),
                alternative=_alternative(key, stem, coding),
                ignored=stem in ignore,
            )
        )
    return hits


def _term_hits(text: str, lowered: str, ignore: frozenset[str], context: _Sentences) -> list[CodedWord]:
    hits: list[CodedWord] = []
    for match in _TERMS.finditer(lowered):
        if match.group("term") is None:  # "His Majesty's ...": a title, not a pronoun
            continue
        start, end = match.span("term")
        word = text[start:end]
        term = " ".join(match.group("term").split())
        if term in _PRONOUNS and word.isupper() and len(word) > 1:  # "HE" is higher education
            continue
        hits.append(
            CodedWord(
                word=word,
                stem=term,
                coding="gendered_term",
                start=start,
                end=end,
                sentence=context.around(start, end),
                alternative=wordlists.GENDERED_TERMS[term],
                ignored=term in ignore,
            )
        )
    return hits


def _alternative(word: str, stem: str, coding: Coding) -> str | None:
    """A neutral alternative for a masculine-coded word; feminine-coded words need none."""
    if coding != "masculine":
        return None
    if word in wordlists.WORD_ALTERNATIVES:
        return wordlists.WORD_ALTERNATIVES[word]
    return wordlists.STEM_ALTERNATIVES.get(stem)


def analyse_gender(text: str, ignore: frozenset[str] = frozenset()) -> GenderReport:
    """Find gender-coded words and gendered terms in `text`, and weigh the coded ones.

    `ignore` holds stems (as in the word lists, e.g. "lead") whose hits are still reported, marked
    ignored, but left out of the counts and the verdict. Pass only what the author wrote: the
    caller leaves out template headings.
    """
    ignore = frozenset(stem.lower() for stem in ignore)
    lowered = _lower(text)
    context = _Sentences(text)
    hits = _coded_hits(text, lowered, ignore, context) + _term_hits(text, lowered, ignore, context)
    hits.sort(key=lambda hit: (hit.start, hit.end))
    masculine = sum(1 for hit in hits if hit.coding == "masculine" and not hit.ignored)
    feminine = sum(1 for hit in hits if hit.coding == "feminine" and not hit.ignored)
    return GenderReport(hits=hits, masculine=masculine, feminine=feminine, verdict=verdict_for(masculine, feminine))
