"""Journal JSON: the same bytes as before, and errors that point at the right place."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach import json_codec


def problem(raw: bytes) -> json_codec.JsonProblem:
    with pytest.raises(json_codec.DecodeError) as caught:
        json_codec.decode(raw)
    return json_codec.locate_problem(raw, caught.value)


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"{not json", 1, 2),
        (b'{"a": 1,\n "b": tru}', 2, 11),
        (b'{\n  "title": "\xe4\xbc\x9a\xe8\xad\xb0",\n  x', 3, 3),  # columns count characters
        (b'{"a": [1, 2', 1, 12),  # cut short: the end of the text
        (b'{"a": 1} trailing', 1, 11),
    ],
)
def test_errors_name_the_line_and_column(raw: bytes, line: int, column: int) -> None:
    found = problem(raw)
    assert not found.not_utf8
    assert (found.line, found.column) == (line, column)
    assert found.detail and "byte" not in found.detail


def test_bytes_that_are_not_utf8_say_so_and_where() -> None:
    found = problem(b'{"a": "ok",\n "b": "\xff"}')
    assert found.not_utf8
    assert (found.line, found.column) == (2, 8)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**63), 2**63 - 1) | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=20,
)


@given(json_values)
def test_round_trips_and_agrees_with_the_standard_library(value: object) -> None:
    encoded = json_codec.encode(value)
    assert json_codec.decode(encoded) == value
    assert json.loads(encoded.decode("utf-8")) == value
