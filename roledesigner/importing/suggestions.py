"""Capabilities an imported description already expresses, each with the sentence that shows it,
and the emerging role nearest to it, with the reason. Nothing is added to the design here: the
user accepts or rejects each suggestion.

Lexical on purpose (no model to ship in an offline bundle): words are split as the library's
search splits them (`library.search.words`), reduced to a simple stem, and common words are
left out. A sentence supports a capability when it shares most of the content words of one of
its indicators (or of its name or criterion).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

from roledesigner.domain.models import RoleDesign
from roledesigner.importing.placements import STRUCTURE, Placement, Target
from roledesigner.library.catalogue import Library
from roledesigner.library.search import words

#: Share of an indicator's content words a sentence must hold, and the fewest shared words.
_SHARE = 0.5
_FEWEST = 3
_MOST_SUGGESTED = 8


def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"‘'(])")
#: Word endings taken off, longest first, to reduce a word to a stem.
_SUFFIXES: tuple[str, ...] = ("ations", "ation", "ments", "ment", "ings", "ing", "ness", "ies", "ised", "ized")
_SUFFIXES += ("ise", "ize", "es", "ed", "ly", "s")
_COMMON = _wordset(
    "a about across after all also an and any are as at be been being both but by can do does each for "
    "from has have he her his how in into is it its may more most must new not of on or other our out "
    "over own per she so some such than that the their them then there these they this those through to "
    "under up use used uses using very was we were what when where which while who whom will with within "
    "work works working would you your postholder post role job ensure ensures including make makes well "
    "able other others"
)


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            return word[:-1] if word.endswith(("i", "y")) and len(word) > 4 else word
    return word


def spelled(text: str) -> dict[str, str]:
    """Each content word's stem, with the word as the text first spells it (for reasons people read)."""
    found: dict[str, str] = {}
    for word in words(text):
        if word not in _COMMON and len(word) > 2 and not word.isdigit():
            found.setdefault(stem(word), word)
    return found


def content(text: str) -> frozenset[str]:
    return frozenset(spelled(text))


@dataclass(frozen=True)
class Evidence:
    sentence: str
    source: str


@dataclass(frozen=True)
class CapabilitySuggestion:
    capability_id: str
    name: str
    evidence: Evidence
    #: The indicator (or the name or criterion) the sentence echoes.
    indicator: str
    score: float


@dataclass(frozen=True)
class RoleSuggestion:
    role_id: str
    name: str
    reason: str
    score: float


@dataclass(frozen=True)
class Suggestions:
    capabilities: list[CapabilitySuggestion]
    role: RoleSuggestion | None


def sentences(placements: Iterable[Placement]) -> list[Evidence]:
    found: list[Evidence] = []
    for placement in placements:
        if placement.target in STRUCTURE:
            continue
        text = placement.source_text if placement.target is Target.UNMAPPED else placement.text
        found += [Evidence(part.strip(), placement.source) for part in _SENTENCE.split(text) if part.strip()]
    return found


def _capabilities(evidence: list[Evidence], library: Library, design: RoleDesign) -> list[CapabilitySuggestion]:
    """Each capability's best sentence, scored by the share of an indicator's words it holds, each
    word weighted by how rare it is among all indicators ("partners" says little, "coproduce" much)."""
    held = {item.id for item in design.capabilities}
    phrases = [
        (capability.id, phrase, content(phrase))
        for capability in library.capabilities.values()
        if capability.id not in held
        for phrase in (*capability.indicators, capability.name, capability.criterion)
    ]
    counts: dict[str, int] = {}
    for _id, _phrase, phrase_words in phrases:
        for word in phrase_words:
            counts[word] = counts.get(word, 0) + 1
    weight = {word: math.log((len(phrases) + 1) / count) for word, count in counts.items()}
    index: dict[str, list[tuple[str, str, frozenset[str], float]]] = {}
    for capability_id, phrase, phrase_words in phrases:
        if len(phrase_words) >= _FEWEST:
            total = sum(weight[w] for w in phrase_words)
            for word in phrase_words:
                index.setdefault(word, []).append((capability_id, phrase, phrase_words, total))
    best: dict[str, CapabilitySuggestion] = {}
    for item in evidence:
        sentence_words = content(item.sentence)
        seen: set[tuple[str, str]] = set()
        for word in sentence_words:
            for capability_id, phrase, phrase_words, total in index.get(word, ()):
                if (capability_id, phrase) in seen:
                    continue
                seen.add((capability_id, phrase))
                shared = sentence_words & phrase_words
                score = sum(weight[w] for w in shared) / total if total else 0.0
                if len(shared) < _FEWEST or score < _SHARE:
                    continue
                current = best.get(capability_id)
                if current is None or score > current.score:
                    name = library.capabilities[capability_id].name
                    best[capability_id] = CapabilitySuggestion(capability_id, name, item, phrase, score)
    ranked = sorted(best.values(), key=lambda s: (-s.score, s.name))
    return ranked[:_MOST_SUGGESTED]


def _role(design: RoleDesign, chosen: list[CapabilitySuggestion], library: Library) -> RoleSuggestion | None:
    title = spelled(design.title)
    text = spelled(
        " ".join([design.purpose, *(r.text for r in design.responsibilities), *(u.text for u in design.unmapped)])
    )
    suggested = {s.capability_id for s in chosen}
    best: RoleSuggestion | None = None
    for role in library.roles.values():
        shared_caps = [library.capabilities[c.id].name for c in role.capabilities if c.id in suggested]
        name_words = sorted(title[w] for w in title.keys() & content(role.name))
        role_words = content(" ".join([role.summary, *(r.text for r in role.responsibilities)]))
        duty_words = sorted(text[w] for w in text.keys() & role_words)
        score = 3.0 * len(name_words) + 2.0 * len(shared_caps) + len(duty_words) / max(len(role_words), 1) * 10
        if score <= 0 or (best is not None and score <= best.score):
            continue
        reasons = []
        if name_words:
            reasons.append(f"its name shares the title's words ({', '.join(name_words)})")
        if shared_caps:
            verb = "is" if len(shared_caps) == 1 else "are"
            reasons.append(f"{len(shared_caps)} of its capabilities {verb} suggested ({', '.join(shared_caps[:3])})")
        if duty_words:
            reasons.append(f"its duties share words such as {', '.join(duty_words[:5])}")
        best = RoleSuggestion(role.id, role.name, "; ".join(reasons), score)
    return best


def suggest(placements: Iterable[Placement], design: RoleDesign, library: Library) -> Suggestions:
    """The capabilities the text supports, best first, and the nearest emerging role."""
    chosen = _capabilities(sentences(placements), library, design)
    return Suggestions(chosen, _role(design, chosen, library))
