"""Syllable counting for Flesch reading ease: rules over vowel groups, and the word tables they need.

textstat 0.7.13, which people may check our figures against, looks words up in the CMU
Pronouncing Dictionary; the review cannot load a dictionary on every pause in typing, so it
counts by rules tuned to agree with that dictionary on ordinary words, and lists the words the
rules get wrong. A figure, or an acronym with no vowels such as "NHS", is one syllable in both.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["syllables"]


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
