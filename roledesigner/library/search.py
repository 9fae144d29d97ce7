"""Search as you type over roles and capabilities.

A prefix index over the words of each entry (name, summary or description, indicators,
responsibilities) answers a query by intersecting candidate sets, so a keystroke costs a few
dictionary look-ups rather than a scan of every entry's text.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from roledesigner.library.catalogue import Library

_WORD = re.compile(r"[0-9a-z]+")
#: Weight of a word by where it appears: a name match counts most.
_NAME, _SUMMARY, _DETAIL = 3.0, 2.0, 1.0


def words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("'", ""))


@dataclass(frozen=True)
class Hit:
    kind: str
    id: str
    name: str
    domain: str
    footprint: str
    score: float


@dataclass
class SearchIndex:
    entries: list[Hit] = field(default_factory=list)
    #: word -> {entry position: best weight of that word in the entry}
    postings: dict[str, dict[int, float]] = field(default_factory=dict)
    vocabulary: list[str] = field(default_factory=list)
    #: domain ids each entry belongs to (a role belongs to every domain its capabilities cover)
    domains: list[frozenset[str]] = field(default_factory=list)

    @classmethod
    def build(cls, library: Library) -> SearchIndex:
        index = cls()
        for role in library.roles.values():
            detail = [*(r.text for r in role.responsibilities), *role.considerations]
            index._add(
                Hit("role", role.id, role.name, "", role.footprint.value, 0.0),
                [(role.name, _NAME), (role.summary, _SUMMARY), (" ".join(detail), _DETAIL)],
                frozenset(library.role_domains(role)),
            )
        for cap in library.capabilities.values():
            index._add(
                Hit("capability", cap.id, cap.name, cap.domain, "", 0.0),
                [(cap.name, _NAME), (cap.description, _SUMMARY), (" ".join([*cap.indicators, cap.criterion]), _DETAIL)],
                frozenset({cap.domain}),
            )
        index.vocabulary = sorted(index.postings)
        return index

    def _add(self, hit: Hit, texts: list[tuple[str, float]], domains: frozenset[str]) -> None:
        position = len(self.entries)
        self.entries.append(hit)
        self.domains.append(domains)
        for text, weight in texts:
            for word in words(text):
                posting = self.postings.setdefault(word, {})
                if posting.get(position, 0.0) < weight:
                    posting[position] = weight

    def _matches(self, prefix: str) -> dict[int, float]:
        """Entries holding a word that starts with `prefix`, with the best weight found."""
        found: dict[int, float] = {}
        start = bisect.bisect_left(self.vocabulary, prefix)
        for word in self.vocabulary[start:]:
            if not word.startswith(prefix):
                break
            exact = 0.5 if word == prefix else 0.0
            for position, weight in self.postings[word].items():
                score = weight + exact
                if found.get(position, 0.0) < score:
                    found[position] = score
        return found

    def search(
        self,
        query: str = "",
        *,
        kind: str | None = None,
        domain: str | None = None,
        footprint: str | None = None,
        limit: int | None = None,
    ) -> list[Hit]:
        """Entries holding every word of the query (as a word prefix), best first."""
        scores: dict[int, float] | None = None
        for term in dict.fromkeys(words(query)):
            matches = self._matches(term)
            if scores is None:
                scores = matches
            else:
                scores = {pos: scores[pos] + score for pos, score in matches.items() if pos in scores}
            if not scores:
                return []
        if scores is None:
            scores = dict.fromkeys(range(len(self.entries)), 0.0)
        hits = []
        for position, score in scores.items():
            entry = self.entries[position]
            if kind and entry.kind != kind:
                continue
            if domain and domain not in self.domains[position]:
                continue
            if footprint and entry.footprint != footprint:
                continue
            hits.append((position, score))
        # Best score first; on a tie, roles before capabilities, then by name.
        hits.sort(
            key=lambda item: (-item[1], self.entries[item[0]].kind != "role", self.entries[item[0]].name.casefold())
        )
        chosen = hits[:limit] if limit is not None else hits
        return [_with_score(self.entries[position], score) for position, score in chosen]


def _with_score(hit: Hit, score: float) -> Hit:
    return Hit(hit.kind, hit.id, hit.name, hit.domain, hit.footprint, score)
