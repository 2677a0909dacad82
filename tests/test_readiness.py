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
from hypothesis import example, given, settings
from hypothesis import strategies as st
from msgspec.structs import replace

from careercoach.content import loader as content
from careercoach.demo import build_demo
from careercoach.model import (
    COMPANY_TYPES,
    JLPT_LEVELS,
    KINDS,
    PLAN_EVIDENCE_TYPES,
    Entry,
    Profile,
    is_plan_evidence,
    jlpt_exams,
    make_entry,
)
from careercoach.readiness.criteria import Criterion, load_criteria, parse_criteria
from careercoach.readiness.index import Index
from careercoach.readiness.score import (
    assess,
    assess_with_trend,
    band_for,
    overall_score,
    trend,
)

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


def spread(kind: str, subtype: str | None, count: int, every: int = 7) -> list[Entry]:
    """One entry every `every` days, the newest today."""
    return [entry(kind, subtype, every * i) for i in range(count)]


SPECIALIST = Profile()
VETERAN = Profile(start_date=years_ago(4))


@pytest.mark.parametrize(
    ("criterion_id", "entries", "profile", "expected"),
    [
        ("invisible_work", [], SPECIALIST, 0),
        ("invisible_work", spread("invisible", "meeting_notes", 12, every=3), SPECIALIST, 100),
        ("invisible_work", spread("invisible", "meeting_notes", 8, every=3), SPECIALIST, 79),
        ("invisible_work", spread("invisible", "meeting_notes", 8), SPECIALIST, 61),
        ("invisible_work", many("invisible", "meeting_notes", 8), SPECIALIST, 22),
        ("invisible_work", many("invisible", "early", 1), SPECIALIST, 13),
        ("invisible_work", many("invisible", None, 1), SPECIALIST, 13),
        ("invisible_work", many("invisible", "early", 2), SPECIALIST, 19),
        ("invisible_work", many("invisible", "early", 4), SPECIALIST, 22),
        ("invisible_work", many("invisible", "early", 4, days_ago=30), SPECIALIST, 11),
        ("invisible_work", many("invisible", "early", 8, days_ago=60), SPECIALIST, 0),
        ("invisible_work", many("invisible", "early", 4, days_ago=-1), SPECIALIST, 0),
        ("invisible_work", many("bridge", "translation", 8), SPECIALIST, 0),
        ("bridge_role", spread("bridge", "culture", 3), SPECIALIST, 45),
        ("bridge_role", spread("bridge", None, 3), SPECIALIST, 45),
        ("bridge_role", spread("bridge", "translation", 6, every=1), SPECIALIST, 85),
        ("soft_assertiveness", spread("proposal", "alternative", 2), SPECIALIST, 47),
        ("soft_assertiveness", spread("proposal", "idea", 9), SPECIALIST, 100),
        ("documentation", spread("documentation", "bilingual", 2), SPECIALIST, 48),
        ("documentation", many("documentation", "checklist", 1, days_ago=60), SPECIALIST, 13),
        ("documentation", many("documentation", "manual", 4, days_ago=120), SPECIALIST, 0),
        ("relationships", spread("team_event", "lunch", 4, every=2), SPECIALIST, 93),
        ("relationships", many("team_event", "coffee", 1), SPECIALIST, 25),
        ("asking_timing", spread("conversation", "one_on_one", 3), SPECIALIST, 95),
        ("asking_timing", spread("conversation", None, 3), SPECIALIST, 95),
        ("asking_timing", many("conversation", "promotion_ask", 1, days_ago=90), SPECIALIST, 25),
        ("asking_timing", many("conversation", None, 1, days_ago=90), SPECIALIST, 17),
        ("asking_timing", many("note", "evidence", 5), SPECIALIST, 0),
        ("results", [], SPECIALIST, 0),
        ("results", many("achievement", "milestone", 1), SPECIALIST, 25),
        ("results", many("achievement", None, 1), SPECIALIST, 25),
        ("results", many("achievement", "major_project", 1), SPECIALIST, 50),
        ("results", spread("achievement", "milestone", 4), SPECIALIST, 92),
        ("japanese", [], SPECIALIST, 0),
        ("japanese", [], Profile(jlpt_level="N2"), 70),
        ("japanese", [], Profile(jlpt_level="N2", target_role="manager"), 56),
        ("japanese", [], Profile(jlpt_level="N1", target_role="manager"), 70),
        ("japanese", [], Profile(jlpt_level="N4"), 35),
        ("japanese", spread("japanese", "study", 12, every=3), Profile(jlpt_level="N1"), 100),
        ("japanese", spread("japanese", "study", 8, every=1), Profile(jlpt_level="N1"), 91),
        ("japanese", spread("japanese", None, 12, every=3), Profile(jlpt_level="N1"), 100),
        ("japanese", spread("japanese", "at_work", 4), SPECIALIST, 12),
        ("japanese", [jlpt("N2", days_ago=400)], SPECIALIST, 70),
        ("japanese", [jlpt("N2", days_ago=400, passed=False)], SPECIALIST, 0),
        ("japanese", [jlpt("N1", days_ago=1)], Profile(jlpt_level="N3", target_role="manager"), 77),
        ("japanese", [jlpt("N1", days_ago=-3)], Profile(target_role="manager"), 0),
        ("stability", [], SPECIALIST, 0),
        ("stability", [], VETERAN, 40),
        ("stability", [], Profile(start_date=years_ago(1.5)), 20),
        ("stability", [], Profile(start_date=AS_OF + dt.timedelta(days=30)), 0),
        ("stability", weekly(12), VETERAN, 100),
        ("stability", weekly(12), SPECIALIST, 60),
        ("stability", weekly(1), SPECIALIST, 12),
        ("stability", [entry("note", "note", 7 * 12 + 1)], SPECIALIST, 0),
        ("stability", [entry("note", "note", 7 * 12)], SPECIALIST, 3),
        ("stability", [entry("note", "note", 1)], SPECIALIST, 12),
        ("stability", [entry("note", None, 1)], SPECIALIST, 12),
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
    # 70 for N1 plus the exam itself as practice (credit 2 of 8, on 30): 77.5, which
    # rounds half up (float arithmetic made it 77.49999999999999, shown as 77)
    assert japanese.score == 78
    assert japanese.evidence_ids == (passed.id,)
    assert "JLPT N1 against the N1 bar for a manager path" in japanese.explanation


def test_evidence_ids_are_newest_first_and_only_inside_the_window(criteria) -> None:
    old, mid, new = (entry("bridge", "culture", d) for d in (120, 30, 2))
    bridge = {c.id: c for c in assess([old, new, mid], Profile(), criteria, AS_OF).criteria}
    assert bridge["bridge_role"].evidence_ids == (new.id, mid.id)


def test_explanations_are_plain_sentences_with_the_numbers(criteria) -> None:
    entries = [entry("team_event", "lunch", days) for days in (30, 37, 44)]
    start = dt.date(2023, 6, 30)  # 1 year 11 months before AS_OF: never rounded down
    result = assess(entries, Profile(start_date=start), criteria, AS_OF)
    by_id = {c.id: c for c in result.criteria}
    assert by_id["relationships"].explanation == (
        "Team events joined in the last 60 days: 3, worth 1.3 of the 4 aimed for "
        "(recent ones count more; several on one day or in one week count less)."
    )
    assert by_id["stability"].explanation == (
        "With your employer for 1 year 11 months (full credit at 3 years), and something "
        "logged in 3 of the last 12 weeks, Monday to Sunday (aim for 9)."
    )
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
    entries = spread("invisible", "dull_task", 12, every=3) + spread("team_event", "lunch", 6, 3)
    result = assess(entries, Profile(jlpt_level="N1"), criteria, AS_OF)
    by_id = {c.id: c for c in result.criteria}
    assert by_id["invisible_work"].actions == () and by_id["invisible_work"].gap == 0
    ranked = sorted(result.criteria, key=lambda c: -c.weight * c.gap)
    assert result.next_actions[0] == ranked[0].actions[0]


def strong_record() -> list[Entry]:
    """Enough recent evidence, kept up every few days, for the habit criteria to be met."""
    return (
        weekly(12)
        + spread("invisible", "meeting_room", 12, every=3)
        + spread("japanese", "study", 12, every=3)
        + spread("bridge", "culture", 9, every=3)
        + spread("proposal", "idea", 6, every=3)
        + spread("documentation", "checklist", 6, every=3)
        + spread("team_event", "lunch", 6, every=3)
        + spread("conversation", "one_on_one", 4, every=3)
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
    assert list(data) == [
        "as_of",
        "overall",
        "band",
        "weighting",
        "criteria",
        "next_actions",
        "timing",
    ]
    assert data["weighting"]["id"] == "mixed"
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
    assert result.timing.occasions == ("after_project",)


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
    sub = data.draw(st.sampled_from([None, *(t for t in KINDS[kind].subtypes if t != "jlpt")]))
    return make_entry(
        entry_id="zzz999",
        date=AS_OF - dt.timedelta(days=days_ago),
        kind=kind,
        title="added",
        details={"type": sub} if sub else {},
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
    # Stability counts whole weeks, Monday to Sunday: its window may start up to six
    # days earlier than `window_days` (AS_OF is a Monday with nothing logged yet).
    first_out = crit.window_days + (7 if crit.method == "stability" else 0)
    days_ago = data.draw(st.integers(first_out, first_out + 400) | st.integers(-60, -1))
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


# -- habits over bursts, employer weighting, sub-types (issue #20) -------------------

HABIT_CRITERIA = [c for c in BUILTIN if c.method != "stability"]


def _kind_of(criterion: Criterion) -> str:
    return criterion.evidence[0].kind


@PROPERTY
@given(st.sampled_from(HABIT_CRITERIA), st.integers(2, 8), st.data())
def test_property_spreading_beats_a_burst(crit, count, data) -> None:
    """The same entries score clearly lower logged on one day than one a week."""
    count = min(count, crit.window_days // 7)
    kind = _kind_of(crit)
    subs = data.draw(
        st.lists(st.sampled_from([None, *KINDS[kind].subtypes]), min_size=count, max_size=count)
    )
    if kind == "japanese":  # a JLPT result needs a level; practice is what counts here
        subs = [s if s != "jlpt" else "study" for s in subs]
    burst = [entry(kind, sub, 0) for sub in subs]
    weekly_ = [entry(kind, sub, 7 * i) for i, sub in enumerate(subs)]
    day = AS_OF.toordinal()
    burst_worth = Index(burst, BUILTIN).series[crit.id].weighted(day)[1]
    spread_worth = Index(weekly_, BUILTIN).series[crit.id].weighted(day)[1]
    assert burst_worth <= 0.9 * spread_worth  # 0.77 for two equal entries, 0.86 at worst
    assert scores(burst, Profile())[crit.id] <= scores(weekly_, Profile())[crit.id]


def test_a_burst_on_one_day_scores_far_below_a_weekly_habit(criteria) -> None:
    burst = many("invisible", None, 8)
    habit = spread("invisible", None, 8)
    assert score_of(burst, Profile(), "invisible_work") == 22
    assert score_of(habit, Profile(), "invisible_work") == 61


def _any_entry(data, i: int = 0) -> Entry:
    kind, sub = data.draw(st.sampled_from(KIND_SUBTYPES))
    details: dict[str, Any] = {}
    if data.draw(st.booleans()):
        details["type"] = sub
    if sub == "jlpt":
        details.update(type="jlpt", level=data.draw(st.sampled_from(JLPT_LEVELS)))
        if data.draw(st.booleans()):
            details["passed"] = data.draw(st.booleans())
    return make_entry(
        entry_id=f"new{i:03d}",
        date=AS_OF - dt.timedelta(days=data.draw(st.integers(-30, 400))),
        kind=kind,
        title="added",
        details=details,
    )


@PROPERTY
@given(entries_strategy(), profiles, st.data())
def test_property_adding_any_entry_never_lowers_any_score(entries, profile, data) -> None:
    before = scores(entries, profile)
    after = scores([*entries, _any_entry(data)], profile)
    assert all(after[key] >= before[key] for key in before)


COMPANY_TYPES_AND_NONE = ["", *COMPANY_TYPES]


@PROPERTY
@given(entries_strategy(), profiles, st.sampled_from(COMPANY_TYPES_AND_NONE))
@example(  # a weighted mean of exactly 14.5, once rounded to 14 by float error
    entries=[],
    profile=Profile(target_role="specialist", jlpt_level="N2", start_date=dt.date(2024, 6, 24)),
    company="",
)
def test_property_company_type_changes_only_the_declared_weights(entries, profile, company):
    base = assess(entries, profile, BUILTIN, AS_OF)
    other = assess(entries, replace(profile, company_type=company), BUILTIN, AS_OF)
    weighting = BUILTIN[0].rules.weighting_for(company)
    assert other.weighting == weighting
    for mine, theirs, crit in zip(base.criteria, other.criteria, BUILTIN, strict=True):
        assert replace(theirs, weight=mine.weight) == mine
        assert theirs.weight == crit.weights[weighting.id]
    weights = [crit.weights[weighting.id] for crit in BUILTIN]
    mean = sum(w * c.score for w, c in zip(weights, other.criteria, strict=True)) / sum(weights)
    assert other.overall == int(mean + 0.5)


@pytest.mark.parametrize(
    ("weights", "criterion_scores", "overall"),
    [
        ([1.0, 1.0], [14, 15], 15),  # an exact half goes up
        ([1.0, 1.0], [14, 14], 14),
        ([0.2, 1.3, 1.1], [94, 59, 16], 44),  # 43.5, which float arithmetic leaves below
        ([0.5, 2.5], [0, 100], 83),  # 83.33...
        ([0.0, 0.0], [50, 50], 0),  # no weight at all: nothing to average
    ],
)
def test_the_overall_is_the_weighted_mean_rounded_half_up(weights, criterion_scores, overall):
    """What a user works out by hand from `score --explain`, with any weights their own
    criteria.yaml sets."""
    assert overall_score(weights, criterion_scores) == overall


@pytest.mark.parametrize(
    ("company_type", "weighting", "results_weight"),
    [
        ("japanese", "japanese", 0.5),
        ("foreign", "foreign_affiliated", 2.5),
        ("startup", "foreign_affiliated", 2.5),
        ("other", "mixed", 1.0),
        ("", "mixed", 1.0),
    ],
)
def test_company_type_picks_the_weighting(criteria, company_type, weighting, results_weight):
    result = assess([], Profile(company_type=company_type), criteria, AS_OF)
    assert result.weighting is not None and result.weighting.id == weighting
    assert {c.id: c.weight for c in result.criteria}["results"] == results_weight


def test_delivered_results_lift_a_foreign_affiliated_score(criteria) -> None:
    """A dozen delivered results are worth real points at a foreign-affiliated employer."""
    results = spread("achievement", "milestone", 12)
    foreign = assess(results, Profile(company_type="foreign"), criteria, AS_OF)
    japanese = assess(results, Profile(company_type="japanese"), criteria, AS_OF)
    assert foreign.overall >= 20 > japanese.overall


@PROPERTY
@given(entries_strategy())
def test_property_credit_never_depends_on_a_sub_type_being_present(entries) -> None:
    kept = ("jlpt", *PLAN_EVIDENCE_TYPES)  # what an entry is, not what it is worth
    untyped = [
        replace(e, details={k: v for k, v in e.details.items() if k != "type"})
        if e.subtype not in kept
        else e
        for e in entries
    ]
    typed = assess(entries, Profile(), BUILTIN, AS_OF)
    plain = assess(untyped, Profile(), BUILTIN, AS_OF)
    for with_type, without in zip(typed.criteria, plain.criteria, strict=True):
        assert without.evidence_ids == with_type.evidence_ids
        assert without.score <= with_type.score  # a sub-type may only add credit
        assert (without.score > 0) == (with_type.score > 0)


@pytest.mark.parametrize(
    ("as_of", "named"),
    [
        (dt.date(2026, 3, 20), "2026-07-05 and 2026-12-06"),  # July's registration still open
        (dt.date(2026, 5, 1), "2026-12-06 and 2027-07-04"),  # July's closed in April
        (dt.date(2026, 11, 30), "2027-07-04 and 2027-12-05"),  # December's closed too
    ],
)
def test_actions_name_the_next_exams_one_can_still_register_for(criteria, as_of, named) -> None:
    result = assess([], Profile(jlpt_level="N3"), criteria, as_of)
    japanese = {c.id: c for c in result.criteria}["japanese"]
    action = next(a for a in japanese.actions if "below the bar" in a)
    assert f"the next exams are on {named} (" in action
    assert "registration closes months before" in action and "jlpt.jp" in action


def test_without_a_jlpt_level_the_action_names_the_next_exam(criteria) -> None:
    result = assess([], Profile(), criteria, dt.date(2026, 5, 1))
    japanese = {c.id: c for c in result.criteria}["japanese"]
    action = next(a for a in japanese.actions if "Record your JLPT level" in a)
    assert "The next exams are on 2026-12-06 and 2027-07-04" in action
    assert "$next_exam" not in action


@pytest.mark.parametrize(
    ("as_of", "expected"),
    [
        (dt.date(2026, 1, 10), [dt.date(2026, 7, 5), dt.date(2026, 12, 6)]),
        (dt.date(2026, 7, 5), [dt.date(2026, 7, 5), dt.date(2026, 12, 6)]),
        (dt.date(2026, 7, 6), [dt.date(2026, 12, 6), dt.date(2027, 7, 4)]),
        (dt.date(2026, 12, 7), [dt.date(2027, 7, 4), dt.date(2027, 12, 5)]),
    ],
)
def test_exams_fall_on_the_first_sunday_of_july_and_december(as_of, expected) -> None:
    assert jlpt_exams(as_of) == expected
    assert all(day.weekday() == 6 and day.day <= 7 for day in expected)


def test_plan_evidence_counts_neither_for_the_streak_nor_for_stability(criteria) -> None:
    """One week, same entries: the dashboard's streak and the stability criterion agree."""
    from careercoach.insight import activity

    plan_weeks = [entry("note", "plan_meeting", 7 * week) for week in range(4)]
    assert all(is_plan_evidence(e) for e in plan_weeks)
    assert activity(plan_weeks, AS_OF).streak_weeks == 0
    assert activity(plan_weeks, AS_OF).days_since_last == 0  # still the newest entry
    stability = {c.id: c for c in assess(plan_weeks, Profile(), criteria, AS_OF).criteria}
    assert stability["stability"].evidence_ids == ()
    habit = [entry("note", None, 7 * week) for week in range(2)]
    assert activity([*plan_weeks, *habit], AS_OF).streak_weeks == 2


@pytest.mark.parametrize("as_of", [dt.date(2025, 6, 2), dt.date(2026, 9, 3), dt.date(2027, 2, 1)])
def test_demo_jlpt_results_come_about_two_months_after_a_real_exam(tmp_path, as_of) -> None:
    """The demo logs each result the day results are published, as a user would."""
    import re

    from careercoach.demo import write_demo
    from careercoach.journal import Journal

    path = tmp_path / "demo.json"
    write_demo(path, as_of)
    jlpt_entries = [e for e in Journal(path).entries() if e.details.get("type") == "jlpt"]
    results = sorted(jlpt_entries, key=lambda e: e.date)
    assert [e.details["level"] for e in results] == ["N3", "N2"]
    exams = []
    for result in results:
        found = re.search(r"exam on (\d{4}-\d{2}-\d{2})", result.notes)
        assert found, result.notes
        exam = dt.date.fromisoformat(found.group(1))
        assert jlpt_exams(exam, 1) == [exam]  # a real exam day: first Sunday of July/December
        assert 55 <= (result.date - exam).days <= 65  # "roughly two months later"
        assert result.date <= as_of
        exams.append(exam)
    assert 360 <= (exams[1] - exams[0]).days <= 370  # N2 a year after N3
