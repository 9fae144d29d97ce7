"""Sequence alignment for the tracked-changes comparison, kept apart from the Word XML.

Plain Python over sequences of hashable keys (and of words), so how two documents line up can be
read and tested without lxml: stretches found by patience diff (blocks found once on each side
anchor it, so a moved block reads as moved), then `difflib.SequenceMatcher`, and within a differing
stretch the pairs most alike taken as one block reworded. `docxdiff` says what a block's key is and
how alike two keys are; this module only lines them up.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator, Sequence
from difflib import SequenceMatcher
from typing import Any

#: Two blocks at least this alike (by words, 0 to 1) are one block changed, not one gone and one new.
ALIKE = 0.5
#: The largest stretch of unmatched blocks (old times new) that is searched for reworded pairs;
#: beyond it (two different roles, say) the blocks are deleted and inserted whole.
MAX_PAIRING = 2500
#: A block's key: a paragraph's or a row's text with what else tells it apart.
Key = Any
#: A stretch of both sequences: whether it is the same on both sides, then old[i1:i2] and new[j1:j2].
Stretch = tuple[bool, int, int, int, int]


# --- similarity ----------------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.casefold().split()


def alike(a: str, b: str) -> float:
    """How alike two texts are by their words, 0 to 1; the quick bounds first, as most pairs differ."""
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, _words(a), _words(b), autojunk=False)
    if matcher.real_quick_ratio() < ALIKE or matcher.quick_ratio() < ALIKE:
        return 0.0
    return matcher.ratio()


# --- pairing -------------------------------------------------------------------------------------


def pairs_in_order(old: Sequence[Key], new: Sequence[Key], score: Callable[[Key, Key], float]) -> list[tuple[int, int]]:
    """The pairs (old, new), in order on both sides, that are most alike in all (each at least ALIKE)."""
    if not old or not new or len(old) * len(new) > MAX_PAIRING:
        return []
    rows, cols = len(old), len(new)
    scores = [[score(a, b) for b in new] for a in old]
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(rows - 1, -1, -1):
        for j in range(cols - 1, -1, -1):
            pair = scores[i][j] + best[i + 1][j + 1] if scores[i][j] >= ALIKE else -1.0
            best[i][j] = max(best[i + 1][j], best[i][j + 1], pair)
    pairs, i, j = [], 0, 0
    while i < rows and j < cols:
        if scores[i][j] >= ALIKE and best[i][j] == scores[i][j] + best[i + 1][j + 1]:
            pairs.append((i, j))
            i, j = i + 1, j + 1
        elif best[i][j] == best[i + 1][j]:
            i += 1
        else:
            j += 1
    return pairs


# --- stretches -----------------------------------------------------------------------------------


def _unique_anchors(old: Sequence[Key], new: Sequence[Key]) -> list[tuple[int, int]]:
    """Blocks found once on each side, the most of them that keep their order (patience diff):
    a block that moved cannot anchor, so it reads as moved rather than taking its neighbours with it."""
    counts: dict[Key, list[int]] = {}
    for i, item in enumerate(old):
        counts.setdefault(item, [0, 0, i, -1])[0] += 1
    for j, item in enumerate(new):
        if item in counts:
            counts[item][1] += 1
            counts[item][3] = j
    common = sorted((i, j) for once_old, once_new, i, j in counts.values() if once_old == 1 and once_new == 1)
    tails: list[int] = []
    before = [-1] * len(common)
    for n, (_, j) in enumerate(common):
        place = bisect_left([common[t][1] for t in tails], j)
        before[n] = tails[place - 1] if place else -1
        if place == len(tails):
            tails.append(n)
        else:
            tails[place] = n
    anchors, n = [], tails[-1] if tails else -1
    while n >= 0:
        anchors.append(common[n])
        n = before[n]
    return anchors[::-1]


def stretches(old: Sequence[Key], new: Sequence[Key]) -> list[Stretch]:
    """How `old` becomes `new`: the same stretches and the differing ones between them, in order."""
    found: list[Stretch] = []

    def walk(i1: int, i2: int, j1: int, j2: int) -> None:
        while i1 < i2 and j1 < j2 and old[i1] == new[j1]:
            found.append((True, i1, i1 + 1, j1, j1 + 1))
            i1, j1 = i1 + 1, j1 + 1
        tail = 0
        while i1 < i2 - tail and j1 < j2 - tail and old[i2 - tail - 1] == new[j2 - tail - 1]:
            tail += 1
        i_end, j_end = i2 - tail, j2 - tail
        anchors = _unique_anchors(old[i1:i_end], new[j1:j_end]) if i1 < i_end and j1 < j_end else []
        if anchors:
            i, j = i1, j1
            for a, b in anchors:
                walk(i, i1 + a, j, j1 + b)
                found.append((True, i1 + a, i1 + a + 1, j1 + b, j1 + b + 1))
                i, j = i1 + a + 1, j1 + b + 1
            walk(i, i_end, j, j_end)
        elif i1 < i_end and j1 < j_end:
            matcher = SequenceMatcher(None, old[i1:i_end], new[j1:j_end], autojunk=False)
            for tag, a1, a2, b1, b2 in matcher.get_opcodes():
                found.append((tag == "equal", i1 + a1, i1 + a2, j1 + b1, j1 + b2))
        elif i1 < i_end or j1 < j_end:
            found.append((False, i1, i_end, j1, j_end))
        found.extend((True, i_end + k, i_end + k + 1, j_end + k, j_end + k + 1) for k in range(tail))

    walk(0, len(old), 0, len(new))
    return found


def aligned(
    old: Sequence[Any], new: Sequence[Any], key: Callable[[Any], Key], score: Callable[[Key, Key], float]
) -> Iterator[tuple[Any, Any]]:
    """(old, new) in document order: both for the same or a reworded block, one None for a block
    the other side lacks (deletions before insertions at each place)."""
    old_keys, new_keys = [key(b) for b in old], [key(b) for b in new]
    for same, i1, i2, j1, j2 in stretches(old_keys, new_keys):
        if same:
            yield from zip(old[i1:i2], new[j1:j2], strict=True)
            continue
        i, j = i1, j1
        for a, b in pairs_in_order(old_keys[i1:i2], new_keys[j1:j2], score):
            yield from ((block, None) for block in old[i : i1 + a])
            yield from ((None, block) for block in new[j : j1 + b])
            yield old[i1 + a], new[j1 + b]
            i, j = i1 + a + 1, j1 + b + 1
        yield from ((block, None) for block in old[i:i2])
        yield from ((None, block) for block in new[j:j2])


# --- words ---------------------------------------------------------------------------------------


def word_stretches(old: list[str], new: list[str]) -> list[Stretch]:
    """The word-level stretches, with a space left alone between two changes taken into them, so
    "Join up" to "Bring together" reads as one change, not two with a space kept between."""
    found: list[Stretch] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        found.append((tag == "equal", i1, i2, j1, j2))
    merged: list[Stretch] = []
    for n, stretch in enumerate(found):
        same, i1, i2, j1, j2 = stretch
        between = 0 < n < len(found) - 1 and same and all(not token.strip() for token in old[i1:i2])
        if merged and not merged[-1][0] and (between or not same):
            merged[-1] = (False, merged[-1][1], i2, merged[-1][3], j2)
        else:
            merged.append(stretch)
    return merged
