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
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

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

# --- Sentences -------------------------------------------------------------------------------------

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
def _spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans, cached because one text is usually measured several ways in a row."""
    spans: list[tuple[int, int]] = []
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
            _add_span(spans, line, line_start, start, end.end())
            start = end.end()
        _add_span(spans, line, line_start, start, len(line))
    return tuple(spans)


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
    return list(_spans(text))


def sentences(text: str) -> list[str]:
    """Split text into sentences at ". ", "? ", "! ", line breaks and bullets, but not at "e.g." or "2.5"."""
    return [text[start:end] for start, end in _spans(text)]


# --- Words and syllables ---------------------------------------------------------------------------

#: A word: letters and digits, joined by apostrophes, hyphens or dots inside ("don't", "well-being",
#: "2.5", "e.g"), and figures by commas ("1,200"). Joining as textstat does keeps word counts, and
#: so Flesch scores, comparable.
_WORD = re.compile(r"[^\W_]+(?:(?:['’.\-‐]|(?<=\d),(?=\d))[^\W_]+)*")


def words(text: str) -> list[str]:
    """The words of text, in order: hyphenated compounds, contractions and decimals stay whole."""
    return _WORD.findall(text)


#: Words the rules below get wrong and that job descriptions use often. The counts are those of
#: the CMU Pronouncing Dictionary's first pronunciation, which is what textstat counts by.
_SYLLABLE_EXCEPTIONS: dict[str, int] = {
    "etc": 4,
    "our": 2,
    "ours": 2,
    "hour": 2,
    "hours": 2,
    "someone": 2,
    "anyone": 3,
    "everyone": 3,
    "oneself": 2,
    "every": 3,
    "business": 2,
    "businesses": 3,
    "evening": 2,
    "science": 2,
    "sciences": 3,
    "scientist": 3,
    "scientists": 3,
    "scientific": 4,
    "hundred": 2,
    "hundreds": 2,
    "idea": 3,
    "ideas": 3,
    "area": 3,
    "areas": 3,
    "really": 2,
    "reality": 4,
    "realise": 3,
    "realised": 3,
    "realistic": 4,
    "opinion": 3,
    "opinions": 3,
    "behaviour": 3,
    "behaviours": 3,
    "people": 2,
    "colleague": 2,
    "colleagues": 2,
    "police": 2,
    "poem": 2,
    "being": 2,
    "wellbeing": 3,
    "whereas": 2,
    "therefore": 2,
    "furthermore": 3,
    "however": 3,
    "whatever": 3,
    "whenever": 3,
    "wherever": 3,
    "moreover": 3,
    "nevertheless": 4,
    "theory": 2,
    "hierarchy": 4,
    "hierarchies": 3,
    "hierarchical": 4,
    "behavior": 3,  # American spelling, in pasted text
    "behaviors": 3,
    "maybe": 2,
    "averages": 3,
    "portfolio": 4,
    "portfolios": 4,
    "ratio": 3,
    "resilient": 3,
    "resilience": 4,
    "politically": 5,
    "clinically": 4,
    "wednesday": 2,
    "vehicle": 3,
    "vehicles": 3,
    "favourite": 3,
    "chocolate": 2,
    "average": 3,
    "general": 3,
    "generally": 4,
    "several": 2,
    "interest": 2,
    "interests": 2,
    "interested": 3,
    "interesting": 3,
    "different": 3,
    "difference": 3,
    "differences": 4,
    "actually": 4,
    "usually": 4,
    "especially": 3,
    "natural": 3,
    "family": 3,
    "families": 3,
    "camera": 3,
    "restaurant": 3,
    "temperature": 3,
    "comfortable": 4,
    "vegetable": 3,
    "deliver": 3,
    "delivers": 3,
    "delivery": 4,
    "theatre": 3,
    "theatres": 3,
    "learned": 1,
    "programme": 2,
    "programmes": 2,
    "themselves": 2,
    "ourselves": 3,
    "yourself": 2,
    "yourselves": 2,
}

#: Suffixes peeled off before counting, so a silent "e" in the stem is seen ("statement",
#: "completely"): the suffix, the shortest stem it may leave, and the syllables it adds.
_SUFFIXES: tuple[tuple[str, int, int], ...] = (
    ("fulness", 3, 2),
    ("lessly", 3, 2),
    ("fully", 3, 2),
    ("ments", 4, 1),
    ("ment", 4, 1),
    ("nesses", 3, 2),
    ("ness", 3, 1),
    ("less", 3, 1),
    ("ships", 3, 1),
    ("ship", 3, 1),
    ("ful", 3, 1),
    ("ly", 4, 1),
)

#: The first part of a compound whose silent "e" the vowel count would sound ("stakeholder",
#: "safeguarding", "timeline"), with its syllables. Only used when a consonant follows.
_COMPOUND_HEADS: dict[str, int] = {
    "every": 2,
    "some": 1,
    "any": 2,
    "base": 1,
    "care": 1,
    "case": 1,
    "code": 1,
    "else": 1,
    "file": 1,
    "fire": 1,
    "fore": 1,
    "frame": 1,
    "guide": 1,
    "home": 1,
    "house": 1,
    "life": 1,
    "like": 1,
    "line": 1,
    "make": 1,
    "name": 1,
    "note": 1,
    "pipe": 1,
    "place": 1,
    "rule": 1,
    "safe": 1,
    "score": 1,
    "side": 1,
    "space": 1,
    "stake": 1,
    "state": 1,
    "store": 1,
    "there": 1,
    "time": 1,
    "type": 1,
    "where": 1,
    "whole": 1,
    "wide": 1,
}

#: Words ending in "-ed" where the "-ed" is part of the root ("embed", "hundred", "sacred").
_ED_ROOTS = frozenset({"embed", "naked", "sacred", "wicked", "wretched", "kindred", "rugged", "ragged", "crooked"})

#: Two vowels side by side that are sounded apart: each match adds a syllable to the vowel groups.
_HIATUS = re.compile(
    r"(?<![cstgx])ia(?!ges?$)"  # media, criteria, trial, median; not social, initial, Asian, carriage
    r"|(?<=[ct])iat"  # negotiate, associate, appreciation; "initiative" is caught below
    r"|(?<![cstgxlhn])io|(?<=n)io(?![nr])"  # period, previous, harmonious; not nation, million, senior
    r"|(?<![qg])ua"  # individual, actual, evaluate; not quality, language
    r"|(?<![qg])ue(?=[nlt])"  # influence, cruel, fuel; not sequence, guest
    r"|uou"  # continuous, ambiguous
    r"|(?<!q)ui(?=t[iy])|(?<![qg])ui(?=[dn])"  # continuity, intuitive, fluid, genuine; not quite, guide
    r"|ie(?=t|st)|(?<!t)(?<!sh)ie(?=r(?!c))"  # quiet, society, easiest, earlier; not tier, fierce
    r"|(?<![cstn])ie(?=n[tc])"  # client, experience, audience; not patient, efficient, convenient
    r"|iu"  # medium, premium
    r"|eo(?!pl|u|ns?$)|(?<=n)eou"  # video, geography, simultaneous; not people, courageous, surgeon
    r"|ao"  # chaos
    r"|crea(?=t(?!u))"  # create, creative, recreation; not creature
    r"|^(?:rea(?=ct|ss|ff|lloc|pp|dj|lign)|rei(?!gn)|reu|coo(?=rd|p)|coa(?=li|ut)|coe(?=x|rc|du|ff)"
    r"|coi(?=nc)|proa|prea(?!ch)|prei)"  # react, reinforce, reuse, coordinate, coalition, proactive
)
#: "initiative" and its kin: "-tiat-" before "-iv" is one syllable, so take back the "iat" above.
_TIATIVE = re.compile(r"(?<=[ct])iativ")

_VOWEL_GROUP = re.compile(r"[aeiouy]+")


def _core_syllables(word: str, *, final: bool = True) -> int:
    """Syllables of a lower-case word of letters only: exceptions, then suffixes, then the stem.

    `final` is False for the first part of a longer word, where "-ire" is one syllable
    ("requirement") though the dictionary sounds "require" as three.
    """
    known = _SYLLABLE_EXCEPTIONS.get(word)
    if known is not None:
        return known
    if word.endswith("ically") and len(word) > 7:  # "basically": "basic" + "ly"
        return _core_syllables(word[:-4]) + 1
    for suffix, shortest, count in _SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= shortest and _VOWEL_GROUP.search(stem):
            return _core_syllables(stem, final=False) + count
    for head, count in _COMPOUND_HEADS.items():
        rest = word[len(head) :]
        if (
            word.startswith(head)
            and len(rest) >= 2
            and rest[0] not in "aeiouy"
            and _VOWEL_GROUP.search(rest)
            and not (head == "fore" and rest.startswith(("st", "n")))
        ):
            return count + _core_syllables(rest)
    if word.endswith("ing") and len(word) > 4 and _VOWEL_GROUP.search(word[:-3]):
        stem = word[:-3]  # "enabl-ing" sounds the "l" ("handl-ing" does not, in the dictionary)
        return max(1, _stem_syllables(stem) + (1 if stem.endswith("bl") else 0)) + 1
    if word.endswith("ed") and len(word) > 3 and word[-3] != "e" and word not in _ED_ROOTS:
        stem = word[:-2]
        if _VOWEL_GROUP.search(stem):
            if stem.endswith("i"):  # applied, studied
                return _stem_syllables(stem)
            sounded = 1 if stem[-1] in "td" else 0
            # "handl-ed" and "enabl-ed" sound the "l"; "requir-ed" and "tir-ed" sound the "r".
            extra = 1 if re.search(r"[^aeiouyl]l$|(?<![aeo])ir$", stem) else 0
            return max(1, _stem_syllables(stem) + extra) + sounded
    if word.endswith("s") and len(word) > 3 and not word.endswith(("ss", "us", "is")):
        stem = word[:-1]
        if stem.endswith("ie") and len(stem) > 3:  # studies, priorities
            return _stem_syllables(stem[:-1])
        if stem.endswith("e") and (stem[-2] in "sxzcg" or stem.endswith(("che", "she"))):
            # services, changes, uses, approaches: the "-es" is sounded.
            return max(1, _stem_syllables(stem[:-1])) + 1
        return _core_syllables(stem, final=final)
    return _stem_syllables(word, final=final)


def _stem_syllables(stem: str, *, final: bool = True) -> int:
    """Vowel groups in a stem, corrected for silent "e", "-gue", hiatus and a few endings."""
    known = _SYLLABLE_EXCEPTIONS.get(stem)
    if known is not None:
        return known
    marked = re.sub(r"y(?=[aeiou])", "_", stem)  # "y" before a vowel is a consonant: "beyond"
    count = len(_VOWEL_GROUP.findall(marked))
    if count == 0:
        return 0
    # A final "e" on its own is silent ("make", "whole", "practise"), but not after a consonant
    # and "l" or "r" ("people", "able", "centre"), nor in a word with no other vowel ("the").
    if (
        count > 1
        and len(marked) > 2
        and marked.endswith("e")
        and marked[-2] not in "aeiouy"
        and not (marked[-2] in "lr" and marked[-3] not in "aeiouylr")
    ):
        count -= 1
    if count > 1 and re.search(r"(?<!ar)[gq]ue$", marked):  # catalogue, technique; not argue
        count -= 1
    count += len(_HIATUS.findall(marked)) - len(_TIATIVE.findall(marked))
    if final and re.search(r"(?<![aeo])ire$", marked):  # the dictionary gives "-ire" two: "fire", "require"
        count += 1
    if marked.endswith(("ism", "thm")):  # criticism, algorithm
        count += 1
    return count


def syllables(word: str) -> int:
    """Heuristic English syllable count: vowel groups, corrected for silent "e", suffixes and hiatus.

    Tuned to agree with the pronouncing dictionary textstat uses on ordinary words. Hyphenated and
    slashed words count as the sum of their parts; a figure ("2024", "£2.5m") or a word with no
    vowels ("NHS") counts as one, as in textstat.
    """
    return _syllables(word.lower())


@lru_cache(maxsize=16384)
def _syllables(lowered: str) -> int:
    """`syllables` on a lower-case word, cached: a document repeats its words, and so does typing."""
    parts = [part for part in re.split(r"[-‐/]", lowered) if part]
    if len(parts) > 1:
        return sum(_syllables(part) for part in parts)
    if any(ch.isdigit() for ch in lowered):
        return 1
    letters = re.sub(r"[^a-z]", "", lowered)
    if not letters:
        return 1
    return max(1, _core_syllables(letters))


# --- Flesch reading ease ---------------------------------------------------------------------------


def flesch_reading_ease(text: str) -> float | None:
    """Flesch reading ease (higher is easier; 60-70 is plain English), or None when there are no words.

    206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words), with sentences as split
    by `sentences`, so each bullet is a sentence of its own.
    """
    found = words(text)
    if not found:
        return None
    sentence_count = max(1, len(_spans(text)))
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
    for start, end in _spans(text):
        sentence = text[start:end]
        count = len(words(sentence))
        if count > limit:
            found.append(LongSentence(sentence=sentence, words=count, start=start))
    return found


# --- Passive voice ---------------------------------------------------------------------------------

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
    spans = _spans(text)
    starts = [span[0] for span in spans]
    lowered = _lower(text)
    hits: list[PassiveHit] = []
    for match in _PASSIVE.finditer(lowered):
        start, end = match.span()
        if not _is_participle(match.group("participle")) or _THERE.search(lowered, max(0, start - 8), start):
            continue
        index = bisect_right(starts, start) - 1
        inside = index >= 0 and start < spans[index][1]
        sentence = text[spans[index][0] : spans[index][1]] if inside else text[start:end]
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
    spans = _spans(text)
    if not spans:
        return 0.0
    starts = [span[0] for span in spans]
    with_passive = {bisect_right(starts, hit.start) - 1 for hit in _passives(text)}
    return len(with_passive) / len(spans)
