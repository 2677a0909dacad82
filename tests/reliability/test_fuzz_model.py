"""Property-based fuzzing of everything a user can type into an entry.

The contract: any input is either accepted (and then round-trips) or refused with
our own ValidationError. No other exception may escape.
"""

from __future__ import annotations

import contextlib
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercoach.errors import ValidationError
from careercoach.model import (
    KINDS,
    Entry,
    Profile,
    make_entry,
    parse_date,
    parse_detail_pairs,
    set_profile_fields,
)

TODAY = dt.date(2026, 11, 20)
anything = st.one_of(st.text(), st.integers(), st.none(), st.booleans(), st.floats())
kinds = st.one_of(st.sampled_from(sorted(KINDS)), st.text(max_size=20))
fuzz = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@fuzz
@given(st.text(max_size=30))
def test_date_parser_accepts_or_explains(text: str) -> None:
    try:
        parsed = parse_date(text, TODAY)
    except ValidationError:
        return
    assert isinstance(parsed, dt.date)


@fuzz
@given(kinds, st.lists(st.text(max_size=30), max_size=5))
def test_detail_parser_accepts_or_explains(kind: str, pairs: list[str]) -> None:
    if kind not in KINDS:
        return
    try:
        details = parse_detail_pairs(kind, pairs)
    except ValidationError:
        return
    assert all(isinstance(v, (str, int, bool)) for v in details.values())


@fuzz
@given(
    kind=kinds,
    title=st.text(max_size=250),
    notes=st.text(max_size=300),
    tags=st.lists(st.text(max_size=12), max_size=25),
    details=st.dictionaries(st.text(max_size=8), anything, max_size=4),
    date=st.dates(),
)
def test_make_entry_accepts_or_explains(kind, title, notes, tags, details, date) -> None:
    try:
        entry = make_entry(
            entry_id="abc234",
            date=date,
            kind=kind,
            title=title,
            notes=notes,
            tags=tags,
            details=details,
        )
    except ValidationError:
        return
    assert Entry.from_dict(entry.to_dict()) == entry
    assert entry.title.strip() and len(entry.title) <= 200


@fuzz
@given(st.dictionaries(st.text(max_size=12), anything, max_size=8))
def test_entry_records_from_files_accept_or_explain(record: dict) -> None:
    base = {"id": "abc234", "date": "2026-11-20", "kind": "note", "title": "x"}
    with contextlib.suppress(ValidationError):
        Entry.from_dict({**base, **record})


@fuzz
@given(
    st.dictionaries(
        st.sampled_from(
            [
                "name",
                "jlpt_level",
                "start_date",
                "company_type",
                "target_role",
                "manager_name",
                "nope",
            ]
        ),
        st.text(max_size=30),
        max_size=4,
    )
)
def test_profile_fields_accept_or_explain(values: dict) -> None:
    try:
        profile = set_profile_fields(Profile(), values, TODAY)
    except ValidationError:
        return
    assert Profile.from_dict(profile.to_dict()) == profile
