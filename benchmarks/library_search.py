"""Library search and loading: the real library and a generated one of 5,000 capabilities.

Search runs on every keystroke, so each query must answer within a frame. Baseline: a plain
substring scan over the same precomputed text.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

from benchmarks.timing import Result, median_seconds
from roledesigner.files.paths import library_dir
from roledesigner.library.catalogue import Folder, Library
from roledesigner.library.loader import load_library
from roledesigner.library.models import Capability

#: What a user types, keystroke by keystroke, while looking for entries.
KEYSTROKES = [
    "l", "le", "lea", "lead", "leadi", "leading",
    "p", "po", "pol", "poli", "politic", "politically",
    "sys", "system", "system l", "system lead",
    "finance", "open book", "relat", "relationships net",
]  # fmt: skip
WORDS = [
    "lead",
    "leading",
    "system",
    "place",
    "partner",
    "trust",
    "council",
    "budget",
    "finance",
    "relationship",
    "network",
    "influence",
    "change",
    "culture",
    "learning",
    "outcome",
    "population",
    "health",
    "care",
    "community",
    "voluntary",
    "digital",
    "estates",
    "workforce",
    "plan",
    "risk",
    "governance",
    "listen",
    "empathy",
    "resilience",
    "narrative",
    "vision",
    "share",
    "decision",
    "evaluate",
    "improve",
    "innovate",
]


def generated_library(count: int, seed: int = 7) -> Library:
    """A library of `count` capabilities with realistic lengths, built in memory."""
    rng = random.Random(seed)
    bundled = load_library([Folder(library_dir(), "bundled")])
    domains = list(bundled.capability_domains)
    library = Library(frameworks=bundled.frameworks, sources=bundled.sources)

    def sentence(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."

    for i in range(count):
        cap = Capability(
            id=f"cap_{i}",
            name=f"{sentence(3)[:-1]} {i}",
            domain=rng.choice(domains),
            description=" ".join(sentence(14) for _ in range(3)),
            indicators=[sentence(12) for _ in range(4)],
            criterion=sentence(15),
            interview_questions=[sentence(15) for _ in range(2)],
            sources=["scie2021"],  # type: ignore[list-item]
        )
        library.capabilities[cap.id] = cap
    return library


def substring_scan(library: Library) -> list[str]:
    """The baseline's haystacks: each entry's searchable text, lower-cased once."""
    texts = []
    for cap in library.capabilities.values():
        texts.append(" ".join([cap.name, cap.description, *cap.indicators, cap.criterion]).casefold())
    for role in library.roles.values():
        texts.append(" ".join([role.name, role.summary, *(r.text for r in role.responsibilities)]).casefold())
    return texts


def _per_query_ms(seconds_for_all: float) -> float:
    return seconds_for_all * 1000 / len(KEYSTROKES)


def search_results(label: str, library: Library, target_ms: float | None) -> Result:
    index = library.index
    haystacks = substring_scan(library)

    def indexed() -> None:
        index.clear_cache()  # each keystroke is a new prefix: measure it cold
        for query in KEYSTROKES:
            index.search(query)

    def scanned() -> None:
        for query in KEYSTROKES:
            terms = query.casefold().split()
            [i for i, text in enumerate(haystacks) if all(t in text for t in terms)]

    ours = _per_query_ms(median_seconds(indexed))
    base = _per_query_ms(median_seconds(scanned))
    target = f"< {target_ms:g} ms per query" if target_ms else "report"
    return Result(f"search, {label}", ours, "substring scan", base, target, target_ms is None or ours < target_ms)


def load_result() -> Result:
    folder = library_dir()
    files = sorted(folder.rglob("*.yaml"))

    def load() -> None:
        load_library([Folder(folder, "bundled")])

    def parse_only() -> None:
        for path in files:
            yaml.load(Path(path).read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

    ours = median_seconds(load, repeat=15) * 1000
    base = median_seconds(parse_only, repeat=15) * 1000
    return Result("load bundled library", ours, "YAML parse only", base, "< 150 ms", ours < 150)


def run() -> list[Result]:
    bundled = load_library([Folder(library_dir(), "bundled")])
    return [
        load_result(),
        search_results(f"bundled ({len(bundled.capabilities) + len(bundled.roles)} entries)", bundled, None),
        search_results("5,000 capabilities", generated_library(5000), 5.0),
    ]
