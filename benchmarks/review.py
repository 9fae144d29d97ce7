"""All review checks on a full design, against a bare pass over the same text.

The app runs the review on every pause in typing, so it must stay well inside a frame or two.
"""

from __future__ import annotations

import re

from benchmarks.timing import Result, median_seconds
from roledesigner.documents.sample import sample_design
from roledesigner.domain.models import Responsibility, RoleDesign
from roledesigner.library.loader import load_library
from roledesigner.review import review
from roledesigner.review.language import author_texts

_WORD = re.compile(r"[A-Za-z']+")


def long_design(design: RoleDesign, round_: int) -> RoleDesign:
    """Every role's responsibilities in one design, each text made new for this round."""
    library = load_library()
    lines = [r for role in library.roles.values() for r in role.responsibilities]
    return design.model_copy(
        update={
            "purpose": f"{design.purpose} Round {round_}.",
            "responsibilities": [Responsibility(text=f"{r.text} ({round_})", kind=r.kind) for r in lines],
        }
    )


def run() -> list[Result]:
    library = load_library()
    base_design = sample_design(library)
    counter = iter(range(10**9))
    sample = long_design(base_design, -1)
    texts = [text for _, text in author_texts(sample)]

    def bare_pass() -> None:
        """Read every word of the author's text once: the least any text check must do."""
        for text in texts:
            for word in _WORD.findall(text):
                word.lower()

    designs = [long_design(base_design, next(counter)) for _ in range(40)]
    rounds = iter(designs)

    def full_review() -> None:
        review(next(rounds), library)  # a design never reviewed before: nothing cached applies

    ours = median_seconds(full_review, repeat=31, warmup=2) * 1000
    base = median_seconds(bare_pass, repeat=31) * 1000
    words = sum(len(_WORD.findall(t)) for t in texts)
    return [
        Result(f"review a long design ({words} words)", ours, "bare pass over the text", base, "< 20 ms", ours < 20)
    ]
