"""The bitset search index agrees with a brute-force word-prefix match, in order and content."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from roledesigner.library.catalogue import Library
from roledesigner.library.search import SearchIndex, words


def _brute_force(library: Library, query: str) -> set[str]:
    terms = words(query)
    found = set()
    for entry_id, texts in _entry_texts(library).items():
        vocabulary = set(words(" ".join(texts)))
        if all(any(word.startswith(term) for word in vocabulary) for term in terms):
            found.add(entry_id)
    return found


def _entry_texts(library: Library) -> dict[str, list[str]]:
    texts = {}
    for role in library.roles.values():
        texts[role.id] = [role.name, role.summary, *(r.text for r in role.responsibilities), *role.considerations]
    for cap in library.capabilities.values():
        texts[cap.id] = [cap.name, cap.description, *cap.indicators, cap.criterion]
    return texts


def _queries(library: Library) -> st.SearchStrategy[str]:
    library.index.warm()
    vocabulary = sorted(library.index.levels)
    prefix = st.sampled_from(vocabulary).flatmap(lambda w: st.integers(1, len(w)).map(lambda n: w[:n]))
    return st.lists(prefix | st.sampled_from(["zzz", "q"]), min_size=0, max_size=3).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_index_matches_brute_force(library: Library, data: st.DataObject) -> None:
    query = data.draw(_queries(library))
    hits = library.index.search(query)
    assert {hit.id for hit in hits} == _brute_force(library, query)
    assert len(hits) == len({hit.id for hit in hits}), "no entry twice"


def test_name_matches_rank_first_and_ties_go_by_name(library: Library) -> None:
    hits = library.index.search("empathy")
    assert hits[0].id == "empathy"
    everything = library.index.search("")
    roles = [h for h in everything if h.kind == "role"]
    assert everything[: len(roles)] == roles, "roles first"
    assert [h.name.casefold() for h in roles] == sorted(h.name.casefold() for h in roles)


def test_limit_and_a_cold_cache_give_the_same_answers(library: Library) -> None:
    index: SearchIndex = library.index
    warm = index.search("lead sys")
    index.clear_cache()
    assert index.search("lead sys") == warm
    assert index.search("lead sys", limit=3) == warm[:3]
    assert index.search("", kind="capability", domain="nowhere") == []


def test_word_tables_wait_for_the_first_words(library: Library) -> None:
    """Start-up lists everything without indexing words; typing (or warming) builds them once."""
    index = SearchIndex.build(library)
    assert index.levels == {}
    everything = index.search("")
    assert len(everything) == len(library.roles) + len(library.capabilities)
    assert index.levels == {}
    warmed = SearchIndex.build(library)
    warmed.warm()
    assert warmed.levels
    assert [h.id for h in index.search("system lead")] == [h.id for h in warmed.search("system lead")]
    assert index.levels == warmed.levels
