"""Search as you type over roles and capabilities.

Entries are numbered in display order (roles first, then by name). Every word of the index holds
one bitmask per weight level (found in the name, the summary, or the detail), so a query is a few
big-integer ORs and ANDs, whatever the size of the library. Scores are kept as buckets of
entries (score -> mask) rather than per entry, and results come out of the buckets in order.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roledesigner.library.catalogue import Library

_WORD = re.compile(r"[0-9a-z]+")
#: Weight of a word by where it appears (a name match counts most), and the bonus for a whole word.
_LEVELS = (3.0, 2.0, 1.0)
_WHOLE_WORD = 0.5
_PREFIX_CACHE_SIZE = 512


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("'", ""))


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    name: str
    domain: str
    footprint: str


@dataclass(frozen=True)
class _Draft:
    hit: Hit
    texts: tuple[str, str, str]  # name, summary, detail
    domains: frozenset[str]


def _bits(mask: int) -> Iterator[int]:
    """Positions of the set bits, lowest first."""
    binary = bin(mask)[:1:-1]
    position = binary.find("1")
    while position != -1:
        yield position
        position = binary.find("1", position + 1)


def _mask(positions: list[int], size: int) -> int:
    if len(positions) * 64 < size or size <= 1024:
        mask = 0  # few bits, or a small library: shifting is cheaper than a byte array
        for position in positions:
            mask |= 1 << position
        return mask
    flags = bytearray((size + 7) // 8)
    for position in positions:
        flags[position >> 3] |= 1 << (position & 7)
    return int.from_bytes(flags, "little")


@dataclass
class SearchIndex:
    entries: list[Hit] = field(default_factory=list)
    vocabulary: list[str] = field(default_factory=list)
    #: word -> one mask per level in _LEVELS
    levels: dict[str, tuple[int, int, int]] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    domains: dict[str, int] = field(default_factory=dict)
    footprints: dict[str, int] = field(default_factory=dict)
    everything: int = 0
    _prefixes: dict[str, tuple[tuple[float, int], ...]] = field(default_factory=dict)
    #: Each entry's (name, summary, detail) until the word tables are built from them.
    _texts: list[tuple[str, str, str]] | None = None

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        drafts = [
            _Draft(
                Hit("role", role.id, role.name, "", role.footprint.value),
                (
                    role.name,
                    role.summary,
                    " ".join([*(r.text for r in role.responsibilities), *role.considerations]),
                ),
                frozenset(library.role_domains(role)),
            )
            for role in library.roles.values()
        ]
        drafts += [
            _Draft(
                Hit("capability", cap.id, cap.name, cap.domain, ""),
                (cap.name, cap.description, " ".join([*cap.indicators, cap.criterion])),
                frozenset({cap.domain}),
            )
            for cap in library.capabilities.values()
        ]
        drafts.sort(key=lambda d: (d.hit.kind != "role", d.hit.name.casefold(), d.hit.id))
        return cls._from(drafts)

    @classmethod
    def _from(cls, drafts: list[_Draft]) -> SearchIndex:
        """The filters at once; the word tables wait for the first words typed (start-up shows all)."""
        size = len(drafts)
        index = cls(entries=[d.hit for d in drafts], everything=(1 << size) - 1)
        index._texts = [d.texts for d in drafts]
        groups: dict[str, dict[str, list[int]]] = {"kind": {}, "domain": {}, "footprint": {}}
        for position, draft in enumerate(drafts):
            groups["kind"].setdefault(draft.hit.kind, []).append(position)
            for domain in draft.domains:
                groups["domain"].setdefault(domain, []).append(position)
            if draft.hit.footprint:
                groups["footprint"].setdefault(draft.hit.footprint, []).append(position)
        index.kinds = {k: _mask(p, size) for k, p in groups["kind"].items()}
        index.domains = {k: _mask(p, size) for k, p in groups["domain"].items()}
        index.footprints = {k: _mask(p, size) for k, p in groups["footprint"].items()}
        return index

    def warm(self) -> None:
        """Build the word tables now (an idle moment), not on the first key pressed."""
        self._ensure_words()

    def _ensure_words(self) -> None:
        if self._texts is None:
            return
        size = len(self.entries)
        found: dict[str, tuple[list[int], list[int], list[int]]] = {}
        for position, texts in enumerate(self._texts):
            best: dict[str, int] = {}
            for level, text in enumerate(texts):
                for word in words(text):
                    best.setdefault(word, level)
            for word, level in best.items():
                found.setdefault(word, ([], [], []))[level].append(position)
        self.levels = {w: (_mask(a, size), _mask(b, size), _mask(c, size)) for w, (a, b, c) in found.items()}
        self.vocabulary = sorted(self.levels)
        self._texts = None

    def clear_cache(self) -> None:
        self._prefixes.clear()

    def _term(self, prefix: str) -> tuple[tuple[float, int], ...]:
        """Disjoint (score, mask) pairs for entries holding a word that starts with `prefix`."""
        cached = self._prefixes.get(prefix)
        if cached is not None:
            return cached
        self._ensure_words()
        start = bisect.bisect_left(self.vocabulary, prefix)
        stop = bisect.bisect_left(self.vocabulary, prefix + "\uffff", start)
        name = summary = detail = 0
        for word in self.vocabulary[start:stop]:
            masks = self.levels[word]
            name |= masks[0]
            summary |= masks[1]
            detail |= masks[2]
        whole = self.levels.get(prefix, (0, 0, 0))
        exact = whole[0] | whole[1] | whole[2]
        summary &= ~name
        detail &= ~(name | summary)
        pairs = []
        for weight, mask in zip(_LEVELS, (name, summary, detail), strict=True):
            for bonus, part in ((_WHOLE_WORD, mask & exact), (0.0, mask & ~exact)):
                if part:
                    pairs.append((weight + bonus, part))
        result = tuple(pairs)
        if len(self._prefixes) >= _PREFIX_CACHE_SIZE:
            self._prefixes.clear()
        self._prefixes[prefix] = result
        return result

    def search(
        self,
        query: str = "",
        *,
        kind: str | None = None,
        domain: str | None = None,
        footprint: str | None = None,
        limit: int | None = None,
    ) -> list[Hit]:
        """Entries holding every word of the query (as a word prefix), best first, then by name."""
        allowed = self.everything
        if kind:
            allowed &= self.kinds.get(kind, 0)
        if domain:
            allowed &= self.domains.get(domain, 0)
        if footprint:
            allowed &= self.footprints.get(footprint, 0)
        buckets: dict[float, int] = {0.0: allowed} if allowed else {}
        for term in dict.fromkeys(words(query)):
            merged: dict[float, int] = {}
            for score, mask in buckets.items():
                for weight, term_mask in self._term(term):
                    both = mask & term_mask
                    if both:
                        merged[score + weight] = merged.get(score + weight, 0) | both
            buckets = merged
            if not buckets:
                return []
        hits: list[Hit] = []
        for score in sorted(buckets, reverse=True):
            for position in _bits(buckets[score]):
                hits.append(self.entries[position])
                if limit is not None and len(hits) >= limit:
                    return hits
        return hits
