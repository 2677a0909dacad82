"""The readiness engine: per-criterion scores, timing verdicts, next actions, trend, properties."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import subprocess
import sys
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from careercoach.content import loader as content
from careercoach.demo import build_demo
from careercoach.model import JLPT_LEVELS, KINDS, Entry, Profile, make_entry
from careercoach.readiness.criteria import Criterion, load_criteria, parse_criteria
from careercoach.readiness.score import assess, assess_with_trend, band_for, trend

AS_OF = dt.date(2025, 6, 2)
_ids = itertools.count()


@pytest.fixture(autouse=True)
def home(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CAREERCOACH_HOME", str(tmp_path / "home"))


def _load_builtin() -> tuple[Criterion, ...]:
    """The shipped criteria, read without any user override (this runs at import time)."""
    path = content.builtin_path("criteria.yaml")
    return parse_criteria(content.load_yaml(path), path)


BUILTIN = _load_builtin()


@pytest.fixture
def criteria(home) -> tuple[Criterion, ...]:
    """What the app loads: with CAREERCOACH_HOME in a tmp folder there is no override."""
    loaded = load_criteria()
    assert loaded == BUILTIN
    return loaded


def entry(kind: str, subtype: str | None, days_ago: int, **details: Any) -> Entry:
    if subtype:
        details["type"] = subtype
    return make_entry(
        entry_id=f"e{next(_ids):06d}",
        date=AS_OF - dt.timedelta(days=days_ago),
        kind=kind,
        title=f"{kind} {subtype or ''}".strip(),
        details=details,
    )


def many(kind: str, subtype: str | None, count: int, days_ago: int = 0) -> list[Entry]:
    return [entry(kind, subtype, days_ago) for _ in range(count)]


def jlpt(level: str, days_ago: int, passed: bool = True) -> Entry:
    return entry("japanese", "jlpt", days_ago, level=level, passed=passed)


def weekly(weeks: int) -> list[Entry]:
    return [entry("note", "note", 7 * week) for week in range(weeks)]


def score_of(entries, profile, criterion_id: str, as_of: dt.date = AS_OF) -> int:
    result = assess(entries, profile, BUILTIN, as_of)
    return next(c.score for c in result.criteria if c.id == criterion_id)


def years_ago(years: float) -> dt.date:
    return AS_OF - dt.timedelta(days=round(365 * years))


SPECIALIST = Profile()
VETERAN = Profile(start_date=years_ago(4))


@pytest.mark.parametrize(
    ("criterion_id", "entries", "profile", "expected"),
    [
        ("invisible_work", [], SPECIALIST, 0),
        ("invisible_work", many("invisible", "meeting_notes", 8), SPECIALIST, 100),
        ("invisible_work", many("invisible", "early", 4), SPECIALIST, 50),
        ("invisible_work", many("invisible", "early", 4, days_ago=30), SPECIALIST, 25),
        ("invisible_work", many("invisible", "early", 8, days_ago=60), SPECIALIST, 0),
        ("invisible_work", many("invisible", "early", 4, days_ago=-1), SPECIALIST, 0),
        ("invisible_work", many("bridge", "translation", 8), SPECIALIST, 0),
        ("bridge_role", many("bridge", "culture", 3), SPECIALIST, 50),
        ("bridge_role", many("bridge", "translation", 6, days_ago=45), SPECIALIST, 50),
        ("soft_assertiveness", many("proposal", "alternative", 2), SPECIALIST, 50),
        ("soft_assertiveness", many("proposal", "idea", 9), SPECIALIST, 100),
        ("documentation", many("documentation", "bilingual", 2), SPECIALIST, 50),
        ("documentation", many("documentation", "checklist", 1, days_ago=60), SPECIALIST, 13),
        ("documentation", many("documentation", "manual", 4, days_ago=120), SPECIALIST, 0),
        ("relationships", many("team_event", "lunch", 4), SPECIALIST, 100),
        ("relationships", many("team_event", "coffee", 1), SPECIALIST, 25),
        ("asking_timing", many("conversation", "one_on_one", 3), SPECIALIST, 100),
        ("asking_timing", many("conversation", "promotion_ask", 1, days_ago=90), SPECIALIST, 17),
        ("asking_timing", many("note", "evidence", 5), SPECIALIST, 0),
        ("japanese", [], SPECIALIST, 0),
        ("japanese", [], Profile(jlpt_level="N2"), 70),
        ("japanese", [], Profile(jlpt_level="N2", target_role="manager"), 56),
        ("japanese", [], Profile(jlpt_level="N1", target_role="manager"), 70),
        ("japanese", [], Profile(jlpt_level="N4"), 35),
        ("japanese", many("japanese", "study", 8), Profile(jlpt_level="N1"), 100),
        ("japanese", many("japanese", "at_work", 4), SPECIALIST, 15),
        ("japanese", [jlpt("N2", days_ago=400)], SPECIALIST, 70),
        ("japanese", [jlpt("N2", days_ago=400, passed=False)], SPECIALIST, 0),
        ("japanese", [jlpt("N1", days_ago=1)], Profile(jlpt_level="N3", target_role="manager"), 74),
        ("japanese", [jlpt("N1", days_ago=-3)], Profile(target_role="manager"), 0),
        ("stability", [], SPECIALIST, 0),
        ("stability", [], VETERAN, 40),
        ("stability", [], Profile(start_date=years_ago(1.5)), 20),
        ("stability", [], Profile(start_date=AS_OF + dt.timedelta(days=30)), 0),
        ("stability", weekly(12), VETERAN, 100),
        ("stability", weekly(12), SPECIALIST, 60),
        ("stability", weekly(1), SPECIALIST, 12),
        ("stability", [entry("note", "note", 7 * 12)], SPECIALIST, 0),
    ],
)
def test_criterion_score(criterion_id, entries, profile, expected) -> None:
    assert score_of(entries, profile, criterion_id) == expected


def test_each_builtin_criterion_has_a_case_above() -> None:
    cases = test_criterion_score.pytestmark[0].args[1]
    assert {case[0] for case in cases} == {c.id for c in BUILTIN}


def test_newly_passed_level_counts_at_once_and_is_cited(criteria) -> None:
    profile = Profile(jlpt_level="N3", target_role="manager")
    passed = jlpt("N1", days_ago=0)
    before = assess([], profile, criteria, AS_OF)
    after = assess([passed], profile, criteria, AS_OF)
    japanese = {c.id: c for c in after.criteria}["japanese"]
    assert {c.id: c for c in before.criteria}["japanese"].score == 42
    assert japanese.score == 74  # 70 for N1 plus the exam itself as practice
    assert japanese.evidence_ids == (passed.id,)
    assert "JLPT N1 against the N1 bar for a manager path" in japanese.explanation


def test_evidence_ids_are_newest_first_and_only_inside_the_window(criteria) -> None:
    old, mid, new = (entry("bridge", "culture", d) for d in (120, 30, 2))
    bridge = {c.id: c for c in assess([old, new, mid], Profile(), criteria, AS_OF).criteria}
    assert bridge["bridge_role"].evidence_ids == (new.id, mid.id)


def test_explanations_are_plain_sentences_with_the_numbers(criteria) -> None:
    entries = many("team_event", "lunch", 3, days_ago=30)
    result = assess(entries, Profile(start_date=years_ago(2)), criteria, AS_OF)
    by_id = {c.id: c for c in result.criteria}
    assert by_id["relationships"].explanation == (
        "Team events joined in the last 60 days: 3, worth 1.5 of the 4 aimed for "
        "(recent ones count more)."
    )
    assert by_id["stability"].explanation.startswith("With your employer for 2 years")
    assert by_id["documentation"].explanation.endswith("none yet (aim for 4).")
    assert all(c.explanation.endswith(".") for c in result.criteria)


def test_user_text_never_reaches_the_assessment(criteria) -> None:
    tricky = "[bold]boss[/] {name} $x %s \x1b[31m"
    entries = [
        make_entry(
            entry_id="abc123",
            date=AS_OF,
            kind="achievement",
            title=tricky,
            notes=tricky,
            details={"type": "major_project"},
        )
    ]
    text = json.dumps(assess(entries, Profile(name=tricky), criteria, AS_OF).to_dict())
    assert "boss" not in text and "$x" not in text and "{name}" not in text


@pytest.mark.parametrize(
    ("days_since_event", "expected"),
    [
        (50, True),
        (41, False),
        (None, True),
    ],
)
def test_team_lunch_is_suggested_after_six_quiet_weeks(criteria, days_since_event, expected):
    entries = (
        []
        if days_since_event is None
        else [entry("team_event", "drinking_party", days_since_event)]
    )
    result = assess(entries, Profile(), criteria, AS_OF)
    relationships = {c.id: c for c in result.criteria}["relationships"]
    assert any("join the next team lunch" in a for a in relationships.actions) is expected


def test_missing_profile_facts_become_actions(criteria) -> None:
    result = assess([], Profile(), criteria, AS_OF)
    actions = " ".join(result.next_actions)
    by_id = {c.id: c for c in result.criteria}
    assert any("start date" in a for a in by_id["stability"].actions)
    assert any("JLPT level in your profile" in a for a in by_id["japanese"].actions)
    assert len(result.next_actions) == 5
    assert "start date" in actions or "JLPT" in actions


def test_met_criteria_suggest_nothing_and_biggest_weighted_gap_leads(criteria) -> None:
    entries = many("invisible", "dull_task", 8) + many("team_event", "lunch", 4)
    result = assess(entries, Profile(jlpt_level="N1"), criteria, AS_OF)
    by_id = {c.id: c for c in result.criteria}
    assert by_id["invisible_work"].actions == () and by_id["invisible_work"].gap == 0
    ranked = sorted(result.criteria, key=lambda c: -c.weight * c.gap)
    assert result.next_actions[0] == ranked[0].actions[0]


def strong_record(days_ago: int = 0) -> list[Entry]:
    """Enough recent evidence for every criterion to be met."""
    return (
        weekly(12)
        + many("invisible", "meeting_room", 8, days_ago)
        + many("japanese", "study", 8, days_ago)
        + many("bridge", "culture", 6, days_ago)
        + many("proposal", "idea", 4, days_ago)
        + many("documentation", "checklist", 4, days_ago)
        + many("team_event", "lunch", 4, days_ago)
        + many("conversation", "one_on_one", 3, days_ago)
    )


READY = Profile(start_date=years_ago(4), jlpt_level="N2")


@pytest.mark.parametrize(
    ("extra", "profile", "good", "occasions", "headline"),
    [
        ([], READY, False, (), "Not yet: wait for a good moment"),
        ([entry("achievement", "major_project", 10)], READY, True, ("after_project",), "Yes"),
        ([entry("achievement", "major_project", 31)], READY, False, (), "Not yet"),
        ([entry("achievement", "milestone", 3)], READY, False, (), "Not yet"),
        ([entry("conversation", "evaluation", 20)], READY, True, ("after_evaluation",), "Yes"),
        (
            [],
            replace(READY, next_evaluation=AS_OF - dt.timedelta(days=5)),
            True,
            ("after_evaluation",),
            "Yes",
        ),
        (
            [],
            replace(READY, contract_renewal=AS_OF + dt.timedelta(days=30)),
            True,
            ("contract_renewal",),
            "Yes",
        ),
        ([], replace(READY, contract_renewal=AS_OF + dt.timedelta(days=200)), False, (), "Not yet"),
        ([jlpt("N3", 400), jlpt("N2", 20)], READY, True, ("japanese_improved",), "Yes"),
        ([jlpt("N2", 400), jlpt("N2", 20)], READY, False, (), "Not yet"),
        ([jlpt("N1", 20, passed=False)], READY, False, (), "Not yet"),
        (
            [entry("achievement", "major_project", 5), entry("conversation", "promotion_ask", 30)],
            READY,
            False,
            ("after_project",),
            "Not yet: you asked recently, give it time",
        ),
        (
            [],
            replace(READY, next_evaluation=AS_OF + dt.timedelta(days=9)),
            False,
            (),
            "Not yet: wait until just after your evaluation on 2025-06-11",
        ),
    ],
)
def test_timing_verdict(extra, profile, good, occasions, headline) -> None:
    timing = assess(strong_record() + extra, profile, BUILTIN, AS_OF).timing
    assert timing.good is good
    assert timing.occasions == occasions
    assert timing.headline.startswith(headline)
    assert timing.reasons and all(r.endswith(".") for r in timing.reasons)


def test_timing_waits_for_a_record_even_after_a_project(criteria) -> None:
    timing = assess([entry("achievement", "major_project", 3)], Profile(), criteria, AS_OF).timing
    assert not timing.good
    assert timing.occasions == ("after_project",)
    assert timing.headline == "Not yet: build your record first"
    assert any("Your readiness is" in r for r in timing.reasons)


def test_occasions_are_listed_best_first(criteria) -> None:
    profile = replace(READY, contract_renewal=AS_OF + dt.timedelta(days=10))
    extra = [
        jlpt("N1", 3),
        entry("conversation", "evaluation", 4),
        entry("achievement", "major_project", 5),
    ]
    timing = assess(strong_record() + extra, profile, criteria, AS_OF).timing
    assert timing.occasions == (
        "after_project",
        "after_evaluation",
        "contract_renewal",
        "japanese_improved",
    )


@pytest.mark.parametrize(
    ("overall", "band"),
    [
        (0, "Getting started"),
        (34, "Getting started"),
        (35, "Building"),
        (59, "Building"),
        (60, "Nearly ready"),
        (80, "Ready"),
        (100, "Ready"),
    ],
)
def test_bands(overall, band) -> None:
    assert band_for(overall).name == band


def test_to_dict_has_the_stable_keys(criteria) -> None:
    data = assess(strong_record(), READY, criteria, AS_OF).to_dict()
    assert list(data) == ["as_of", "overall", "band", "criteria", "next_actions", "timing"]
    assert list(data["band"]) == ["name", "meaning"]
    assert list(data["criteria"][0]) == [
        "id",
        "title",
        "section",
        "weight",
        "score",
        "explanation",
        "evidence_ids",
        "gap",
        "actions",
    ]
    assert list(data["timing"]) == ["good", "headline", "reasons", "occasions"]
    assert data["as_of"] == "2025-06-02"
    json.dumps(data)


def test_trend_is_weekly_oldest_first_and_matches_assess_at_each_date(criteria) -> None:
    demo = build_demo(AS_OF)
    entries = [
        make_entry(entry_id=f"d{i:05d}", date=d.date, kind=d.kind, title=d.title, details=d.details)
        for i, d in enumerate(demo.drafts)
    ]
    points = trend(entries, demo.profile, criteria, AS_OF)
    assert len(points) == 26
    assert [p.date for p in points] == [AS_OF - dt.timedelta(weeks=25 - i) for i in range(26)]
    for point in points[::5] + points[-1:]:
        expected = assess(entries, demo.profile, criteria, point.date)
        assert point.overall == expected.overall
        assert point.per_criterion == {c.id: c.score for c in expected.criteria}
    combined, combined_points = assess_with_trend(entries, demo.profile, criteria, AS_OF, weeks=4)
    assert combined == assess(entries, demo.profile, criteria, AS_OF)
    assert combined_points == points[-4:]


def test_demo_journal_reads_as_nearly_ready_and_a_good_moment(criteria) -> None:
    demo = build_demo(AS_OF)
    entries = [
        make_entry(entry_id=f"d{i:05d}", date=d.date, kind=d.kind, title=d.title, details=d.details)
        for i, d in enumerate(demo.drafts)
    ]
    result = assess(entries, demo.profile, criteria, AS_OF)
    assert result.band.name == "Nearly ready"
    assert result.timing.good
    assert result.timing.occasions == ("after_project", "japanese_improved")


def test_domain_modules_do_not_import_textual() -> None:
    code = (
        "import sys, careercoach.readiness.score, careercoach.readiness.criteria; "
        "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- properties -----------------------------------------------------------------

KIND_SUBTYPES = [(kind, sub) for kind, spec in KINDS.items() for sub in spec.subtypes]


@st.composite
def entries_strategy(draw, min_size: int = 0, max_size: int = 25) -> list[Entry]:
    specs = draw(
        st.lists(
            st.tuples(
                st.sampled_from(KIND_SUBTYPES),
                st.integers(min_value=-30, max_value=400),
                st.sampled_from(JLPT_LEVELS),
                st.booleans(),
            ),
            min_size=min_size,
            max_size=max_size,
        )
    )
    result = []
    for i, ((kind, sub), days_ago, level, passed) in enumerate(specs):
        details: dict[str, Any] = {"type": sub}
        if kind == "japanese" and sub == "jlpt":
            details.update(level=level, passed=passed)
        result.append(
            make_entry(
                entry_id=f"h{i:05d}",
                date=AS_OF - dt.timedelta(days=days_ago),
                kind=kind,
                title="x",
                details=details,
            )
        )
    return result


def _optional_date(low: int, high: int):
    return st.none() | st.integers(low, high).map(lambda d: AS_OF + dt.timedelta(days=d))


profiles = st.builds(
    Profile,
    target_role=st.sampled_from(["specialist", "manager"]),
    jlpt_level=st.sampled_from(["", *JLPT_LEVELS]),
    start_date=_optional_date(-3000, 30),
    next_evaluation=_optional_date(-100, 100),
    contract_renewal=_optional_date(-100, 200),
)

PROPERTY = settings(max_examples=60, deadline=None)


def scores(entries, profile, as_of=AS_OF) -> dict[str, int]:
    result = assess(entries, profile, BUILTIN, as_of)
    return {"overall": result.overall, **{c.id: c.score for c in result.criteria}}


@PROPERTY
@given(entries_strategy(), profiles)
def test_property_deterministic_whatever_the_order(entries, profile) -> None:
    first = assess(entries, profile, BUILTIN, AS_OF)
    shuffled = entries[:]
    random.Random(3).shuffle(shuffled)
    assert assess(shuffled, profile, BUILTIN, AS_OF) == first
    assert assess(entries, profile, BUILTIN, AS_OF) == first
    together = assess_with_trend(entries, profile, BUILTIN, AS_OF, weeks=3)
    assert assess_with_trend(shuffled, profile, BUILTIN, AS_OF, weeks=3) == together


@PROPERTY
@given(entries_strategy(), profiles)
def test_property_every_score_is_between_0_and_100(entries, profile) -> None:
    result = assess(entries, profile, BUILTIN, AS_OF)
    assert 0 <= result.overall <= 100
    assert all(0 <= c.score <= 100 and 0 <= c.gap <= 1 for c in result.criteria)
    assert all(0 <= p.overall <= 100 for p in trend(entries, profile, BUILTIN, AS_OF, weeks=3))


def _matching_entry(criterion: Criterion, days_ago: int, data) -> Entry:
    """An entry that counts as evidence for `criterion`, dated `days_ago`."""
    rule = data.draw(st.sampled_from(criterion.evidence))
    kinds = list(KINDS) if rule.kind == "any" else [rule.kind]
    kind = data.draw(st.sampled_from(kinds))
    types = rule.types or KINDS[kind].subtypes
    sub = data.draw(st.sampled_from([t for t in types if t != "jlpt"] or list(types)))
    return make_entry(
        entry_id="zzz999",
        date=AS_OF - dt.timedelta(days=days_ago),
        kind=kind,
        title="added",
        details={"type": sub},
    )


@PROPERTY
@given(entries_strategy(), profiles, st.sampled_from(BUILTIN), st.data())
def test_property_evidence_inside_the_window_never_lowers_a_score(entries, profile, crit, data):
    days_ago = data.draw(st.integers(0, crit.window_days - 1))
    before = scores(entries, profile)
    after = scores([*entries, _matching_entry(crit, days_ago, data)], profile)
    assert after[crit.id] >= before[crit.id]
    assert after["overall"] >= before["overall"]


@PROPERTY
@given(entries_strategy(), profiles, st.sampled_from(BUILTIN), st.data())
def test_property_evidence_outside_the_window_does_not_count(entries, profile, crit, data):
    days_ago = data.draw(
        st.integers(crit.window_days, crit.window_days + 400) | st.integers(-60, -1)
    )
    added = _matching_entry(crit, days_ago, data)
    before = assess(entries, profile, BUILTIN, AS_OF)
    after = assess([*entries, added], profile, BUILTIN, AS_OF)
    old, new = (next(c for c in r.criteria if c.id == crit.id) for r in (before, after))
    assert new.score == old.score
    assert added.id not in new.evidence_ids


@PROPERTY
@given(
    entries_strategy(),
    profiles,
    st.sampled_from(["", *JLPT_LEVELS]),
    st.sampled_from(["", *JLPT_LEVELS]),
)
def test_property_higher_jlpt_never_lowers_the_japanese_score(entries, profile, low, high):
    if JLPT_LEVELS.index(high) < JLPT_LEVELS.index(low) if low and high else not high:
        low, high = high, low
    as_low = replace(profile, jlpt_level=low)
    as_high = replace(profile, jlpt_level=high)
    assert scores(entries, as_high)["japanese"] >= scores(entries, as_low)["japanese"]
    passed = [*entries, jlpt(high, days_ago=100)] if high else entries
    assert scores(passed, as_low)["japanese"] >= scores(entries, as_low)["japanese"]


@PROPERTY
@given(entries_strategy(min_size=1), profiles)
def test_property_no_evidence_before_the_first_entry(entries, profile) -> None:
    first = min(e.date for e in entries)
    before = first - dt.timedelta(days=1)
    result = assess(entries, profile, BUILTIN, before)
    assert all(c.evidence_ids == () for c in result.criteria)
    counted = {c.id for c in BUILTIN if c.method in ("evidence", "timing")}
    assert all(c.score == 0 for c in result.criteria if c.id in counted)
    assert scores(entries, profile, before) == scores([], profile, before)
