"""Content files are read like untrusted input: refused quickly, in bounded memory."""

from __future__ import annotations

import contextlib
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.content.loader import load_yaml, parse_yaml
from careercoach.errors import ContentError

BILLION_LAUGHS = """
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (BILLION_LAUGHS, "aliases"),
        ("x: !!python/object/apply:os.system ['echo pwned']", "constructor"),
        ("x: !!python/name:os.system", "constructor"),
        ("a: [1, 2", "line 1"),
        ("\tkey: value", "line 1"),
    ],
)
def test_hostile_yaml_is_refused(text: str, message: str) -> None:
    with pytest.raises(ContentError, match=message):
        parse_yaml(text, "criteria.yaml")


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "criteria.yaml"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(ContentError, match="too large"):
            load_yaml(big)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * 1024 * 1024


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "phrasing.yaml"
    bad.write_bytes(b"a: \xff\xfe")
    with pytest.raises(ContentError, match="not UTF-8"):
        load_yaml(bad)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_yaml_parser_accepts_or_explains(text: str) -> None:
    with contextlib.suppress(ContentError):
        parse_yaml(text, "fuzz.yaml")
