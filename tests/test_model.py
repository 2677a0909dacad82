"""Entry and profile validation: every bad input is refused with a clear message."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.errors import ValidationError
from careercoach.model import (
    NOTES_MAX,
    TITLE_MAX,
    Entry,
    Profile,
    entries_from_stored,
    jlpt_rank,
    make_entry,
    normalise_tags,
    parse_date,
    parse_detail_pairs,
    set_profile_fields,
)

TODAY = dt.date(2026, 11, 20)


def entry(**overrides):
    fields = {"entry_id": "abc234", "date": TODAY, "kind": "invisible", "title": "Booked room"}
    fields.update(overrides)
    return make_entry(**fields)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-02-28", dt.date(2026, 2, 28)),
        ("2028-02-29", dt.date(2028, 2, 29)),
        ("today", TODAY),
        (" Today ", TODAY),
        ("yesterday", dt.date(2026, 11, 19)),
    ],
)
def test_parse_date_accepts(text: str, expected: dt.date) -> None:
    assert parse_date(text, TODAY) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-29", "no such day"),
        ("2026-13-01", "no such day"),
        ("20261120", "YYYY-MM-DD"),
        ("next week", "YYYY-MM-DD"),
        ("", "YYYY-MM-DD"),
        ("2026-1-5", "YYYY-MM-DD"),
    ],
)
def test_parse_date_refuses(text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        parse_date(text, TODAY)


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"kind": "holiday"}, "unknown kind 'holiday'"),
        ({"title": ""}, "title is empty"),
        ({"title": "   "}, "title is empty"),
        ({"title": "x" * (TITLE_MAX + 1)}, "at most 200"),
        ({"title": "two\nlines"}, "one line"),
        ({"notes": "n" * (NOTES_MAX + 1)}, "at most 20000"),
        ({"tags": [f"t{i}" for i in range(21)]}, "too many tags"),
        ({"tags": ["has space"]}, "bad tag"),
        ({"details": {"type": "karaoke"}}, "unknown type 'karaoke'"),
        ({"details": {"colour": "red"}}, "unknown detail 'colour'"),
        ({"kind": "japanese", "details": {"type": "jlpt"}}, "needs a level"),
        ({"kind": "japanese", "details": {"type": "jlpt", "level": "N6"}}, "bad level"),
        ({"kind": "japanese", "details": {"level": "N2", "score": "181"}}, "between 0 and 180"),
        ({"kind": "japanese", "details": {"level": "N2", "score": "lots"}}, "whole number"),
        ({"kind": "japanese", "details": {"passed": "maybe"}}, "yes or no"),
        ({"date": dt.date(1850, 1, 1)}, "out of range"),
    ],
)
def test_make_entry_refuses(overrides: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        entry(**overrides)


def test_make_entry_normalises() -> None:
    made = entry(
        title="  Booked  room \r",
        tags=["Team", "#team", "@Nihongo", "team"],
        details={"type": "MEETING_ROOM"},
    )
    assert made.title == "Booked  room"
    assert made.tags == ("team", "nihongo")
    assert made.details == {"type": "meeting_room"}
    assert made.subtype == "meeting_room"


def test_jlpt_details_are_typed() -> None:
    details = parse_detail_pairs("japanese", ["type=jlpt", "level=n2", "passed=yes", "score=121"])
    assert details == {"type": "jlpt", "level": "N2", "passed": True, "score": 121}


@pytest.mark.parametrize(
    "pair",
    [
        "level",
        "=N2",
        "level:N2",
    ],
)
def test_detail_pairs_need_key_equals_value(pair: str) -> None:
    with pytest.raises(ValidationError, match="key=value"):
        parse_detail_pairs("japanese", [pair])


def test_entry_round_trips_through_dict() -> None:
    made = entry(
        title="[bold]x[/] $y {z} 会議室",
        notes="line1\nline2",
        tags=["team"],
        created="2026-11-20T09:00:00+00:00",
        updated="2026-11-20T09:00:00+00:00",
    )
    assert Entry.from_dict(made.to_dict()) == made
    assert entries_from_stored([made.to_dict()]) == [made]


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([], "JSON object"),
        ({"id": "abc234"}, "missing 'date'"),
        ({"id": "abc234", "date": 5, "kind": "note", "title": "x"}, "bad date"),
        ({"id": "ABC 12", "date": "2026-01-01", "kind": "note", "title": "x"}, "bad entry id"),
        ({"id": "abc234", "date": "2026-01-01", "kind": "note", "title": "x", "tags": "a"}, "tags"),
        ({"id": "abc234", "date": "2026-01-01", "kind": "nope", "title": "x"}, "unknown kind"),
    ],
)
def test_entry_from_dict_refuses_foreign_records(record: object, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Entry.from_dict(record)  # type: ignore[arg-type]


def test_tags_drop_empty_and_dedupe() -> None:
    assert normalise_tags(["", " ", "A", "a"]) == ("a",)


def test_profile_fields_are_validated_and_cleared() -> None:
    profile = set_profile_fields(
        Profile(),
        {"jlpt-level": "n2", "start_date": "2023-04-01", "target_role": "Manager", "name": "Alex"},
        TODAY,
    )
    assert profile.jlpt_level == "N2"
    assert profile.start_date == dt.date(2023, 4, 1)
    assert profile.target_role == "manager"
    cleared = set_profile_fields(profile, {"start_date": "", "jlpt_level": ""}, TODAY)
    assert cleared.start_date is None
    assert cleared.jlpt_level == ""
    assert Profile.from_dict(profile.to_dict()) == profile


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"salary": "1"}, "unknown profile field 'salary'"),
        ({"company_type": "government"}, "bad company_type"),
        ({"jlpt_level": "N0"}, "bad jlpt_level"),
        ({"next_evaluation": "soon"}, "bad date"),
        ({"name": "x" * 101}, "at most 100"),
    ],
)
def test_profile_refuses(values: dict, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        set_profile_fields(Profile(), values, TODAY)


def test_jlpt_rank_orders_levels() -> None:
    assert [jlpt_rank(x) for x in ("", "N5", "N3", "N1")] == [0, 1, 3, 5]


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("japanese", "japanese"),
        ("Foreign-affiliated", "foreign"),
        ("foreign_affiliated", "foreign"),
        ("foreign", "foreign"),  # the value journals already hold
        ("mixed", "mixed"),
        ("startup", "startup"),
        ("other", "other"),
    ],
)
def test_company_type_takes_the_three_employer_types(typed: str, stored: str) -> None:
    profile = set_profile_fields(Profile(), {"company_type": typed}, TODAY)
    assert profile.company_type == stored
    assert Profile.from_dict(profile.to_dict()) == profile


def test_every_company_type_has_a_label_and_declared_weights() -> None:
    from careercoach.model import COMPANY_TYPE_LABELS, COMPANY_TYPES
    from careercoach.readiness import load_criteria

    rules = load_criteria()[0].rules
    assert set(COMPANY_TYPE_LABELS) == set(COMPANY_TYPES)
    declared = {t for weighting in rules.weightings for t in weighting.company_types}
    assert declared == set(COMPANY_TYPES)
    assert rules.weighting_for("mixed").id == "mixed"
    assert rules.weighting_for("foreign").id == "foreign_affiliated"


def test_a_bad_company_type_names_the_choices_in_one_line() -> None:
    with pytest.raises(ValidationError) as caught:
        set_profile_fields(Profile(), {"company_type": "bank"}, TODAY)
    assert str(caught.value) == (
        "bad company_type 'bank': choose from japanese, foreign-affiliated, mixed, startup, other"
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [("manager_name_ja", "Sato"), ("name_ja", "Morgan"), ("manager_title", "Kacho")],
)
def test_japanese_name_fields_refuse_latin_letters_in_one_line(tmp_path, key, value) -> None:
    from click.testing import CliRunner

    from careercoach.cli import cli

    journal = tmp_path / "journal.json"
    result = CliRunner().invoke(
        cli, ["--journal", str(journal), "profile", "set", f"{key}={value}"]
    )
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert f"bad {key} {value!r}: write it in Japanese" in result.output
    assert not journal.exists()  # nothing written


def test_a_stored_latin_manager_name_ja_still_loads() -> None:
    """Journals written before the rule keep opening."""
    profile = Profile.from_dict({"manager_name_ja": "Sato"})
    assert profile.manager_name_ja == "Sato"
