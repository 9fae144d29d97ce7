"""Plain-English measures for the design review: sentences, Flesch reading ease, long sentences, passives.

The review runs these on every pause in typing, so they are regular expressions and small rules
over the standard library: no dictionary to load, no third-party package. They are heuristics,
meant to point an author at the sentences worth a second look, not to grade prose.

Flesch reading ease follows textstat 0.7.13, which people may check our figures against: the same
formula, words counted the same way (a hyphenated compound, a contraction, "2.5" and "1,200" are
one word each) and syllables counted by rules tuned to agree with the CMU Pronouncing Dictionary
that textstat looks words up in; a figure, or an acronym with no vowels such as "NHS", is one
syllable in both. Sentences differ, on purpose: textstat ends one at every full stop, so "e.g."
and "£2.5m" cut a sentence in two, and never at a line break, so a list of bullets is one long
sentence to it; it also drops fragments of one or two words. Here a sentence ends where a reader
would end it, and each line and bullet is a sentence of its own.

The parts live in their own modules (sentences and words in `sentences`, syllables and their
word tables in `syllables`, passives in `passives`); this module holds the two measures built
from them and is the one the checks import.
"""

from __future__ import annotations

from dataclasses import dataclass

from roledesigner.review.passives import PassiveHit, passive_phrases, passive_share
from roledesigner.review.sentences import sentence_spans, sentences, spans, words
from roledesigner.review.syllables import syllables

__all__ = [
    "LongSentence",
    "PassiveHit",
    "flesch_reading_ease",
    "long_sentences",
    "passive_phrases",
    "passive_share",
    "sentence_spans",
    "sentences",
    "syllables",
    "words",
]


# --- Flesch reading ease ---------------------------------------------------------------------------


def flesch_reading_ease(text: str) -> float | None:
    """Flesch reading ease (higher is easier; 60-70 is plain English), or None when there are no words.

    206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words), with sentences as split
    by `sentences`, so each bullet is a sentence of its own.
    """
    found = words(text)
    if not found:
        return None
    sentence_count = max(1, len(spans(text)))
    syllable_count = sum(syllables(word) for word in found)
    return 206.835 - 1.015 * (len(found) / sentence_count) - 84.6 * (syllable_count / len(found))


# --- Long sentences --------------------------------------------------------------------------------


@dataclass(frozen=True)
class LongSentence:
    """A sentence over the limit, with where it starts, so the editor can select it."""

    sentence: str
    words: int
    start: int


def long_sentences(text: str, limit: int = 25) -> list[LongSentence]:
    """Sentences of more than `limit` words: plain-English guides advise 15 to 20 on average, 25 at most."""
    found: list[LongSentence] = []
    for start, end in spans(text):
        sentence = text[start:end]
        count = len(words(sentence))
        if count > limit:
            found.append(LongSentence(sentence=sentence, words=count, start=start))
    return found
