"""JLPT results: the official pass rules decide `passed`, and the profile follows a pass."""

from __future__ import annotations

import datetime as dt
import itertools
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.cli import cli
from careercoach.errors import ValidationError
from careercoach.model import (
    JLPT_LEVELS,
    JLPT_PASS_MARKS,
    JLPT_SECTIONS,
    Profile,
    follow_jlpt_passes,
    make_entry,
    validate_details,
)


def jlpt(**details: Any) -> dict[str, Any]:
    return validate_details("japanese", {"type": "jlpt", **details})


@pytest.mark.parametrize(
    ("details", "passed"),
    [
        ({"level": "N1", "score": 100, "knowledge": 40, "reading": 40, "listening": 20}, True),
        ({"level": "N1", "score": 99}, False),
        ({"level": "N1", "score": 150}, True),
        ({"level": "N1", "knowledge": 60, "reading": 60, "listening": 18}, False),
        ({"level": "N2", "score": 90, "knowledge": 30, "reading": 30, "listening": 30}, True),
        ({"level": "N2", "score": 89}, False),
        ({"level": "N3", "score": 95, "knowledge": 19, "reading": 40, "listening": 36}, True),
        ({"level": "N3", "score": 94}, False),
        ({"level": "N3", "listening": 10}, False),
        ({"level": "N4", "score": 90, "knowledge_reading": 60, "listening": 30}, True),
        ({"level": "N4", "score": 89}, False),
        ({"level": "N4", "knowledge_reading": 37, "listening": 60}, False),
        ({"level": "N5", "score": 80, "knowledge_reading": 61, "listening": 19}, True),
        ({"level": "N5", "score": 79}, False),
        ({"level": "N5", "knowledge_reading": 120, "listening": 18}, False),
        ({"level": "N5", "knowledge_reading": 100, "listening": 50}, True),
        ({"level": "N2"}, None),
        ({"level": "N5", "score": 150}, True),
        ({"level": "N5", "score": 95}, None),
        ({"level": "N2", "knowledge": 60, "reading": 60, "score": 140}, True),
        ({"level": "N2", "knowledge": 60, "reading": 60, "score": 130}, False),
        ({"level": "N2", "knowledge": 60, "score": 100}, None),
        ({"level": "N1", "knowledge": 19, "reading": 19}, False),
        ({"level": "N1", "knowledge": 19, "reading": 21}, None),
    ],
)
def test_passed_follows_from_the_scores(details, passed) -> None:
    checked = jlpt(**details)
    assert checked.get("passed") is passed


@pytest.mark.parametrize(
    ("details", "message"),
    [
        (
            {"level": "N1", "score": 85, "passed": True},
            "JLPT N1 passes at 100 of 180: a score of 85",
        ),
        ({"level": "N2", "score": 89, "passed": "yes"}, "JLPT N2 passes at 90 of 180"),
        ({"level": "N3", "score": 94, "passed": True}, "JLPT N3 passes at 95 of 180"),
        ({"level": "N4", "score": 89, "passed": True}, "JLPT N4 passes at 90 of 180"),
        ({"level": "N5", "score": 79, "passed": True}, "JLPT N5 passes at 80 of 180"),
        (
            {"level": "N5", "knowledge_reading": 100, "listening": 50, "passed": False},
            "a score of 150 with every section at or above its minimum passes JLPT N5",
        ),
        (
            {"level": "N2", "knowledge": 60, "reading": 60, "listening": 15, "passed": True},
            "listening 15 is under the JLPT N2 section minimum of 19",
        ),
        (
            {"level": "N4", "knowledge_reading": 30, "listening": 60, "passed": True},
            "knowledge_reading 30 is under the JLPT N4 section minimum of 38",
        ),
        (
            {"level": "N2", "knowledge": 30, "reading": 30, "listening": 30, "score": 100},
            "the section scores add up to 90, but score is 100",
        ),
        ({"level": "N4", "reading": 30}, "JLPT N4 has no reading section"),
        ({"level": "N1", "knowledge_reading": 30}, "JLPT N1 has no knowledge_reading section"),
        ({"level": "N5", "knowledge_reading": 121}, "bad knowledge_reading 121"),
        ({"level": "N3", "listening": 61}, "bad listening 61"),
        ({"score": 120}, "a JLPT entry needs a level"),
        ({"level": "N2", "score": 181}, "bad score 181"),
        (
            {"level": "N5", "score": 150, "passed": False},
            "a score of 150 passes JLPT N5 (pass mark 80 of 180)",
        ),
        (
            {"level": "N1", "score": 150, "passed": False},
            "a score of 150 passes JLPT N1 (pass mark 100 of 180)",
        ),
        (
            {"level": "N2", "knowledge": 60, "reading": 60, "score": 140, "passed": False},
            "that is a pass, not a fail",
        ),
        (
            {"level": "N2", "knowledge": 60, "reading": 60, "score": 130, "passed": True},
            "a score of 130 leaves 10 for listening, under the 19",
        ),
        (
            {"level": "N1", "knowledge": 19, "reading": 19, "passed": True},
            "leave at most 98 of 180, under the JLPT N1 pass mark of 100",
        ),
        (
            {"level": "N2", "knowledge": 60, "reading": 60, "score": 100},
            "already add up to 120, more than score 100",
        ),
        (
            {"level": "N4", "knowledge_reading": 100, "score": 90},
            "already add up to 100, more than score 90",
        ),
        (
            {"level": "N2", "knowledge": 10, "score": 140},
            "a score of 140 is out of reach: with knowledge 10 the JLPT N2 total is at most 130",
        ),
    ],
)
def test_contradictions_are_refused_with_one_line(details, message) -> None:
    with pytest.raises(ValidationError) as caught:
        jlpt(**details)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def rules_pass(level: str, sections: dict[str, int]) -> bool:
    """The official rule, written out plainly: the total at the pass mark and every
    section at its minimum."""
    minimums = {name: least for name, _, least in JLPT_SECTIONS[level]}
    return sum(sections.values()) >= JLPT_PASS_MARKS[level] and all(
        sections[name] >= least for name, least in minimums.items()
    )


@st.composite
def full_results(draw: st.DrawFn) -> tuple[str, dict[str, int]]:
    level = draw(st.sampled_from(JLPT_LEVELS))
    sections = {name: draw(st.integers(0, most)) for name, most, _ in JLPT_SECTIONS[level]}
    return level, sections


def completions(level: str, known: dict[str, int], score: int | None) -> set[bool]:
    """Every pass/fail a full set of sections agreeing with what is known gives (with a
    score, the last unknown section is what the total leaves)."""
    unknown = [(name, most) for name, most, _ in JLPT_SECTIONS[level] if name not in known]
    free = unknown[:-1] if score is not None and unknown else unknown
    outcomes = set()
    for values in itertools.product(*(range(most + 1) for _, most in free)):
        full = {**known, **dict(zip((name for name, _ in free), values, strict=True))}
        if len(full) < len(unknown) + len(known):
            last, most = unknown[-1]
            full[last] = score - sum(full.values())
            if not 0 <= full[last] <= most:
                continue
        if score is None or sum(full.values()) == score:
            outcomes.add(rules_pass(level, full))
    return outcomes


@settings(max_examples=80, deadline=None)
@given(full_results())
def test_a_full_set_of_sections_gives_the_total_and_the_official_outcome(result) -> None:
    level, sections = result
    checked = jlpt(level=level, **sections)
    assert checked["score"] == sum(sections.values())
    assert checked["passed"] is rules_pass(level, sections)


@settings(max_examples=60, deadline=None)
@given(full_results(), st.data())
def test_any_part_of_a_consistent_result_is_accepted_and_settled_only_when_certain(
    result, data
) -> None:
    level, sections = result
    names = list(sections)
    kept = data.draw(st.lists(st.sampled_from(names), unique=True, max_size=len(names) - 1))
    with_score = data.draw(st.booleans())
    known = {name: sections[name] for name in kept}
    score = sum(sections.values()) if with_score else None
    if score is None and len(known) < 2:
        known = {name: sections[name] for name in names[:2]}  # keeps the brute force small
    given_details = {**known, **({"score": score} if score is not None else {})}
    checked = jlpt(level=level, **given_details)
    outcomes = completions(level, known, score)
    settled = outcomes.pop() if len(outcomes) == 1 else None
    assert checked.get("passed") is settled
    if settled is not None:
        with pytest.raises(ValidationError) as refused:
            jlpt(level=level, passed=not settled, **given_details)
        assert "\n" not in str(refused.value)
    else:
        assert jlpt(level=level, passed=rules_pass(level, sections), **given_details)


def test_result_details_make_the_entry_a_jlpt_result() -> None:
    assert validate_details("japanese", {"level": "N2", "score": 120})["type"] == "jlpt"
    assert validate_details("japanese", {"type": "study", "level": "N2"}) == {
        "type": "study",
        "level": "N2",
    }
    with pytest.raises(ValidationError, match="describe a JLPT result, not study"):
        validate_details("japanese", {"type": "study", "level": "N2", "passed": True})


def test_the_total_is_filled_in_from_a_full_set_of_sections() -> None:
    checked = jlpt(level="N3", knowledge=30, reading=35, listening=40)
    assert (checked["score"], checked["passed"]) == (105, True)


def test_a_checked_result_survives_being_validated_again() -> None:
    entry = make_entry(
        entry_id="abc123",
        date=dt.date(2026, 9, 3),
        kind="japanese",
        title="JLPT N2 results",
        details={"level": "N2", "knowledge": 33, "reading": 36, "listening": 35},
    )
    again = make_entry(
        entry_id="abc123",
        date=entry.date,
        kind=entry.kind,
        title=entry.title,
        details=entry.details,
    )
    assert again.details == entry.details == {**entry.details, "score": 104, "passed": True}


@pytest.mark.parametrize(
    ("profile_level", "passes", "expected"),
    [
        ("", [], ""),
        ("N3", [("N2", True)], "N2"),
        ("N3", [("N1", False)], "N3"),
        ("N2", [("N4", True)], "N2"),
        ("", [("N5", True), ("N3", True), ("N4", True)], "N3"),
    ],
)
def test_profile_level_follows_the_highest_pass(profile_level, passes, expected) -> None:
    entries = [
        make_entry(
            entry_id=f"p{i:05d}",
            date=dt.date(2026, 1, 1),
            kind="japanese",
            title="JLPT",
            details={"type": "jlpt", "level": level, "passed": passed},
        )
        for i, (level, passed) in enumerate(passes)
    ]
    profile = Profile(jlpt_level=profile_level)
    assert follow_jlpt_passes(profile, entries).jlpt_level == expected


def run(home: Path, *args: str):
    env = {"CAREERCOACH_HOME": str(home), "CAREERCOACH_TODAY": "2026-09-03"}
    return CliRunner().invoke(cli, list(args), env=env)


def test_add_raises_the_profile_level_and_says_so(tmp_path: Path) -> None:
    journal = str(tmp_path / "j.json")
    run(tmp_path, "--journal", journal, "profile", "set", "jlpt_level=N3")
    added = run(
        tmp_path, "--journal", journal, "add", "japanese", "JLPT N2 results",
        "--detail", "level=N2", "--detail", "score=104",
        "--detail", "knowledge=33", "--detail", "reading=36", "--detail", "listening=35",
    )  # fmt: skip
    assert added.exit_code == 0, added.output
    assert added.stdout.strip().isalnum()  # the id alone on stdout, for scripts
    assert "Profile JLPT level: N3 -> N2" in added.stderr
    profile = json.loads(run(tmp_path, "--journal", journal, "profile", "show", "--json").output)
    assert profile["jlpt_level"] == "N2"
    lower = run(
        tmp_path, "--journal", journal, "add", "japanese", "N4 mock", "--detail", "level=N4",
        "--detail", "passed=yes",
    )  # fmt: skip
    assert lower.exit_code == 0 and "Profile JLPT level" not in lower.stderr


def test_add_refuses_a_contradiction_with_one_line_and_writes_nothing(tmp_path: Path) -> None:
    journal = str(tmp_path / "j.json")
    result = run(
        tmp_path, "--journal", journal, "add", "japanese", "JLPT N1", "--type", "jlpt",
        "--detail", "level=N1", "--detail", "score=85", "--detail", "passed=yes",
    )  # fmt: skip
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "a score of 85 cannot be a pass" in result.output
    assert json.loads(run(tmp_path, "--journal", journal, "list", "--json").output) == []


@pytest.mark.parametrize(
    "details",
    [
        ("level=N5", "passed=no", "score=150"),
        ("level=N1", "passed=no", "score=150"),
        ("level=N2", "knowledge=60", "reading=60", "score=100"),
        ("level=N4", "knowledge_reading=100", "score=90"),
        ("level=N2", "knowledge=10", "score=140"),
        ("level=N2", "knowledge=60", "reading=60", "score=140", "passed=no"),
    ],
)
def test_add_refuses_what_the_total_alone_settles(tmp_path: Path, details) -> None:
    journal = str(tmp_path / "j.json")
    options = [arg for detail in details for arg in ("--detail", detail)]
    result = run(
        tmp_path, "--journal", journal, "add", "japanese", "JLPT", "--type", "jlpt", *options
    )
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert json.loads(run(tmp_path, "--journal", journal, "list", "--json").output) == []
