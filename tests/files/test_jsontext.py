"""The depth of JSON read from its text matches the depth of the data it parses to."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roledesigner.files.jsontext import MAX_DEPTH, JsonLimit, load_json, nesting_depth


def walked_depth(data: Any) -> int:
    """The depth by walking the parsed data: a container is one level more than its deepest child."""
    if isinstance(data, dict):
        return 1 + max((walked_depth(v) for v in data.values()), default=0)
    if isinstance(data, list):
        return 1 + max((walked_depth(v) for v in data), default=0)
    return 0


#: Strings full of what could fool a reader of the text: brackets, quotes, backslashes.
tricky = st.text(alphabet='[]{}"\\\\/ aé\n\u2028', max_size=8)
values = st.recursive(
    st.none() | st.booleans() | st.integers() | tricky,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(tricky, children, max_size=3),
    max_leaves=30,
)


@given(values, st.booleans())
def test_the_depth_read_from_the_text_is_the_depth_of_the_data(data: Any, ascii_only: bool) -> None:
    text = json.dumps(data, ensure_ascii=ascii_only, indent=1 if ascii_only else None)
    assert nesting_depth(text, limit=1000) == walked_depth(data)


def test_a_file_one_level_too_deep_is_refused_and_one_at_the_limit_is_read() -> None:
    assert load_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None
    deeper = '{"a": ' * (MAX_DEPTH + 1) + '"[]"' + "}" * (MAX_DEPTH + 1)
    with pytest.raises(JsonLimit, match="nested more than"):
        load_json(deeper)


def test_brackets_inside_strings_do_not_count() -> None:
    assert nesting_depth(json.dumps({"a": "[[[[{{{{", "b\\": ['"]]]]']})) == 2
