"""The PIP engine: the record, the verdict, warnings, key dates and the evidence timeline."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from careercoach.errors import ValidationError
from careercoach.model import make_entry
from careercoach.plan.export import evidence_pack
from careercoach.plan.navigator import add_months, assess_plan, evidence_timeline, key_dates
from careercoach.plan.record import (
    PlanRecord,
    add_goal,
    add_meeting,
    answer_sign,
    edit_goal,
    mark_document,
    new_plan,
    set_goal_status,
    set_support,
    with_dates,
)

START = dt.date(2026, 1, 5)
LONG_END = dt.date(2026, 7, 5)  # six months: never "short"
SHORT_END = dt.date(2026, 3, 1)  # under three months
AS_OF = dt.date(2026, 2, 10)


def clean_plan(end: dt.date = LONG_END) -> PlanRecord:
    """A plan whose record raises no warning and infers no sign."""
    plan = new_plan(START, end)
    return add_goal(plan, "Ship the billing report", specific=True, measurable=True, agreed=True)


def answered(plan: PlanRecord, **answers: str) -> PlanRecord:
    for sign_id, answer in answers.items():
        plan = answer_sign(plan, sign_id, answer)
    return plan


def bare_plan(**answers: str) -> PlanRecord:
    """Long, no goals: only the answers given count (no sign is inferred)."""
    return answered(new_plan(START, LONG_END), **answers)


# -- verdicts ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "verdict"),
    [
        ({"skill_based": "yes", "hr_engaged": "yes"}, "stay"),
        ({"skill_based": "yes", "hr_engaged": "yes", "support_offered": "yes"}, "stay"),
        ({"restructuring": "yes", "isolated": "yes", "relationship_damaged": "yes"}, "exit"),
        ({"restructuring": "yes", "isolated": "yes", "skill_based": "yes"}, "exit"),
        (
            {
                "restructuring": "yes",
                "isolated": "yes",
                "behaviour_focus": "yes",
                "skill_based": "yes",
                "hr_engaged": "yes",
                "support_offered": "yes",
            },
            "exit",
        ),
        ({"skill_based": "yes", "hr_engaged": "yes", "restructuring": "yes"}, "mixed"),
        (
            {"skill_based": "yes", "hr_engaged": "yes", "isolated": "yes", "restructuring": "yes"},
            "mixed",
        ),
        ({"skill_based": "yes"}, "mixed"),
        ({"restructuring": "yes"}, "mixed"),
        ({"skill_based": "no", "hr_engaged": "no", "restructuring": "no"}, "mixed"),
        ({}, "mixed"),
    ],
)
def test_verdict_follows_the_signs(answers: dict[str, str], verdict: str) -> None:
    assert assess_plan(bare_plan(**answers), AS_OF).verdict == verdict


def test_stay_verdict_names_its_signs_and_headline() -> None:
    result = assess_plan(bare_plan(skill_based="yes", hr_engaged="yes", isolated="no"), AS_OF)
    assert result.headline == "Staying looks realistic"
    assert [s.id for s in result.drivers] == ["skill_based", "hr_engaged"]
    assert result.fixable_count == 2 and result.red_flag_count == 0
    assert result.answered_count == 3
    assert any("Fixable sign: A skills gap" in r for r in result.reasons)
    assert "not legal advice" in result.notice


def test_exit_verdict_lists_red_flags_first() -> None:
    plan = bare_plan(skill_based="yes", restructuring="yes", isolated="yes", behaviour_focus="yes")
    result = assess_plan(plan, AS_OF)
    assert result.verdict == "exit"
    assert [s.id for s in result.drivers] == [
        "restructuring",
        "isolated",
        "behaviour_focus",
        "skill_based",
    ]
    assert result.reasons[0].startswith("1 fixable sign and 3 red flags")


def test_unanswered_plan_says_it_cannot_tell_yet() -> None:
    result = assess_plan(bare_plan(), AS_OF)
    assert "not enough to tell yet" in result.reasons[0]
    assert result.drivers == ()


def test_unsure_answers_become_questions_to_find_out() -> None:
    result = assess_plan(bare_plan(hr_engaged="unsure"), AS_OF)
    assert [s.id for s in result.open_questions] == ["hr_engaged"]


def test_record_facts_answer_unanswered_signs() -> None:
    plan = new_plan(START, SHORT_END)
    plan = add_goal(plan, "Get the partner team to deliver", within_my_control=False)
    plan = set_goal_status(plan, 1, "met", on=dt.date(2026, 1, 30), recognised=False)
    result = assess_plan(plan, AS_OF)
    inferred = {s.id for s in result.drivers if s.inferred}
    assert inferred == {"goals_vague", "outside_control", "short_no_support", "progress_ignored"}
    assert result.verdict == "exit"
    assert any("from your record: goal 1 met but not recognised" in r for r in result.reasons)


def test_your_own_yes_stands_where_the_record_shows_nothing() -> None:
    plan = answer_sign(clean_plan(), "hr_engaged", "yes")
    finding = next(s for s in assess_plan(plan, AS_OF).signs if s.id == "hr_engaged")
    assert finding.answer == "yes" and not finding.inferred


@pytest.mark.parametrize(
    ("sign", "answer"),
    [
        ("support_offered", "no"),
        ("support_offered", "unsure"),
        ("short_no_support", "no"),
    ],
)
def test_an_answer_the_record_contradicts_gives_way_and_says_so(sign: str, answer: str) -> None:
    plan = answer_sign(new_plan(START, SHORT_END), sign, answer)
    if sign == "support_offered":
        plan = set_support(plan, training=True)
    result = assess_plan(plan, AS_OF)
    finding = next(s for s in result.signs if s.id == sign)
    assert finding.answer == "yes" and finding.inferred
    assert f"you answered {answer}, but the record counts" in finding.because
    assert any(f"you answered {answer}, but the record counts" in r for r in result.reasons)


def test_goals_marked_specific_and_measurable_do_not_overrule_a_no_on_clear_goals() -> None:
    """The flags cannot show the goals are reachable in the time: the user's "no" stands."""
    plan = new_plan(dt.date(2025, 3, 1), dt.date(2025, 9, 30))
    plan = add_goal(plan, "Close 40 tickets a day", specific=True, measurable=True)
    plan = answered(plan, goals_clear="no", goals_vague="yes")
    result = assess_plan(plan, dt.date(2025, 4, 10))
    finding = next(s for s in result.signs if s.id == "goals_clear")
    assert (finding.answer, finding.inferred, finding.because) == ("no", False, "you answered no")
    assert [s.id for s in result.drivers] == ["goals_vague"]
    assert not any("Clear, reachable goals" in r for r in result.reasons)


def test_goals_marked_specific_and_measurable_still_answer_an_unanswered_sign() -> None:
    finding = next(s for s in assess_plan(clean_plan(), AS_OF).signs if s.id == "goals_clear")
    assert (finding.answer, finding.inferred) == ("yes", True)


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_recorded_support_overrules_a_short_plan_with_no_help_and_says_so(answer: str) -> None:
    plan = new_plan(dt.date(2025, 3, 1), dt.date(2025, 4, 30))
    plan = answer_sign(set_support(plan, training=True), "short_no_support", answer)
    result = assess_plan(plan, dt.date(2025, 4, 10))
    finding = next(s for s in result.signs if s.id == "short_no_support")
    assert (finding.answer, finding.inferred) == ("no", True)
    assert result.red_flag_count == 0
    assert not any(r.startswith("Red flag: Short timeline") for r in result.reasons)
    assert (
        "Not a red flag: Short timeline, no help (from your record: your record lists "
        f"training as offered; you answered {answer}, but the record counts until you "
        "change one of them)."
    ) in result.reasons


def test_recorded_support_answers_an_unanswered_short_plan_sign_without_a_reason_line() -> None:
    plan = set_support(new_plan(START, SHORT_END), coaching=True)
    result = assess_plan(plan, AS_OF)
    finding = next(s for s in result.signs if s.id == "short_no_support")
    assert (finding.answer, finding.inferred) == ("no", True)
    assert not any(r.startswith("Not a red flag") for r in result.reasons)


def test_recorded_training_with_support_answered_no_still_counts_as_support() -> None:
    plan = set_support(answer_sign(clean_plan(), "support_offered", "no"), training=True)
    assert "support_offered" in {s.id for s in assess_plan(plan, AS_OF).drivers}


def test_support_and_transfer_in_the_record_count_as_fixable_signs() -> None:
    plan = set_support(clean_plan(), training=True, transfer_discussed=True)
    result = assess_plan(plan, AS_OF)
    assert {s.id for s in result.drivers} == {
        "goals_clear",
        "support_offered",
        "transfer_discussed",
    }
    assert result.verdict == "stay"


@pytest.mark.parametrize(
    ("meeting_days", "regular"),
    [
        ((dt.date(2026, 1, 12), dt.date(2026, 1, 26), dt.date(2026, 2, 9)), True),
        ((dt.date(2026, 1, 12),), False),
        ((dt.date(2026, 1, 6), dt.date(2026, 1, 8)), False),  # nothing for a month since
        ((dt.date(2026, 1, 6), dt.date(2026, 2, 9), dt.date(2026, 3, 1)), False),  # future one
    ],
)
def test_regular_checkins_are_read_from_meetings(meeting_days, regular: bool) -> None:
    plan = clean_plan()
    for day in meeting_days:
        plan = add_meeting(plan, day, "check-in")
    found = {s.id for s in assess_plan(plan, AS_OF).drivers}
    assert ("regular_checkins" in found) is regular


def test_assessment_is_deterministic_and_json_ready() -> None:
    plan = answered(clean_plan(), restructuring="yes")
    first, second = assess_plan(plan, AS_OF), assess_plan(plan, AS_OF)
    assert first == second
    data = first.to_dict()
    assert data["verdict"] == "mixed" and data["as_of"] == "2026-02-10"
    assert data["drivers"] == ["restructuring", "goals_clear"]


@pytest.mark.parametrize(
    ("as_of", "phase", "days_left"),
    [
        (dt.date(2026, 1, 1), "not_started", 185),
        (dt.date(2026, 7, 5), "running", 0),
        (dt.date(2026, 7, 10), "ended", -5),
    ],
)
def test_phase_and_days_left(as_of: dt.date, phase: str, days_left: int) -> None:
    result = assess_plan(clean_plan(), as_of)
    assert (result.phase, result.days_left) == (phase, days_left)


def test_an_ended_plan_with_open_goals_asks_for_the_outcome() -> None:
    result = assess_plan(clean_plan(), dt.date(2026, 8, 1))
    assert any("1 goal still marked open" in r for r in result.reasons)


# -- warnings ---------------------------------------------------------------------------


def warning_ids(plan: PlanRecord) -> list[str]:
    return [w.id for w in assess_plan(plan, AS_OF).warnings]


def test_a_clean_plan_raises_no_warning() -> None:
    assert warning_ids(clean_plan()) == []


@pytest.mark.parametrize(
    ("build", "expected", "goals"),
    [
        (lambda p: with_dates(p, end=SHORT_END), "short_no_support", ()),
        (lambda p: new_plan(START, LONG_END), "no_goals", ()),
        (lambda p: add_goal(p, "Be more proactive"), "vague_goals", (2,)),
        (
            lambda p: add_goal(
                p, "Sell 10", specific=True, measurable=True, agreed=True, within_my_control=False
            ),
            "outside_control",
            (2,),
        ),
        (lambda p: edit_goal(p, 1, agreed=False), "not_agreed", (1,)),
        (
            lambda p: set_goal_status(p, 1, "met", on=AS_OF, recognised=False),
            "met_not_recognised",
            (1,),
        ),
        (lambda p: set_goal_status(p, 1, "met", on=AS_OF), "met_unconfirmed", (1,)),
    ],
)
def test_each_warning(build, expected: str, goals: tuple[int, ...]) -> None:
    warnings = assess_plan(build(clean_plan()), AS_OF).warnings
    found = {w.id: w for w in warnings}
    assert expected in found
    assert found[expected].goals == goals
    assert found[expected].section.startswith("PIP")


@pytest.mark.parametrize(
    "support",
    [
        {"training": True},
        {"coaching": True},
        {"language_support": True},
    ],
)
def test_support_lifts_the_short_timeline_warning(support: dict[str, bool]) -> None:
    plan = set_support(clean_plan(SHORT_END), **support)
    assert "short_no_support" not in warning_ids(plan)


@pytest.mark.parametrize(
    ("end", "short"),
    [
        (dt.date(2026, 4, 4), True),
        (dt.date(2026, 4, 5), False),
    ],
)
def test_three_months_is_measured_in_calendar_months(end: dt.date, short: bool) -> None:
    assert ("short_no_support" in warning_ids(clean_plan(end))) is short


def test_a_transfer_talk_alone_is_not_support() -> None:
    plan = set_support(clean_plan(SHORT_END), transfer_discussed=True)
    assert "short_no_support" in warning_ids(plan)


def test_recognised_goal_raises_no_recognition_warning() -> None:
    plan = set_goal_status(clean_plan(), 1, "met", on=AS_OF, recognised=True)
    assert warning_ids(plan) == []


# -- key dates -------------------------------------------------------------------------


def dates_by_id(plan: PlanRecord, **kwargs) -> dict[str, dt.date]:
    return {k.id: k.date for k in key_dates(plan, AS_OF, **kwargs)}


def test_key_dates_without_offer_or_end_of_employment() -> None:
    items = key_dates(clean_plan(), AS_OF)
    assert [(k.id, k.date) for k in items] == [("plan_start", START), ("plan_end", LONG_END)]
    assert items[1].days_away == (LONG_END - AS_OF).days


def test_review_window_before_signing() -> None:
    found = dates_by_id(clean_plan(), offer_date=dt.date(2026, 2, 12))
    assert found["decide_review"] == dt.date(2026, 2, 14)


def test_an_end_of_employment_brings_the_two_14_day_duties_and_the_3_month_mark() -> None:
    items = key_dates(clean_plan(), AS_OF, dt.date(2026, 11, 30))
    by_id = {k.id: k for k in items}
    assert by_id["employment_end"].date == dt.date(2026, 11, 30)
    assert by_id["immigration_notice"].date == dt.date(2026, 12, 14)
    assert by_id["immigration_notice"].title == "Notify Immigration (within 14 days)"
    assert by_id["immigration_notice"].section == "Immigration Control Act Art. 19-16"
    assert by_id["insurance_pension"].date == dt.date(2026, 12, 14)
    assert by_id["insurance_pension"].title == (
        "Join National Health Insurance and National Pension (within 14 days)"
    )
    assert by_id["status_review"].date == dt.date(2027, 2, 28)
    assert "may be revoked" in by_id["status_review"].detail
    assert "Art. 22-4" in by_id["status_review"].section
    assert [k.date for k in items] == sorted(k.date for k in items)


def test_the_earliest_day_to_decide_says_you_may_decline() -> None:
    found = key_dates(clean_plan(), AS_OF, offer_date=dt.date(2026, 2, 12))
    [decide] = [k for k in found if k.id == "decide_review"]
    assert decide.title == "Earliest day to decide (you may decline)"


def test_dates_stored_in_the_record_are_used_and_arguments_win() -> None:
    plan = with_dates(
        clean_plan(), offer_date=dt.date(2026, 3, 1), employment_end=dt.date(2026, 4, 30)
    )
    assert dates_by_id(plan)["status_review"] == dt.date(2026, 7, 30)
    assert dates_by_id(plan)["decide_review"] == dt.date(2026, 3, 3)
    assert dates_by_id(plan, employment_end=dt.date(2026, 5, 31))["status_review"] == dt.date(
        2026, 8, 31
    )
    cleared = with_dates(plan, offer_date=None, employment_end=None)
    assert set(dates_by_id(cleared)) == {"plan_start", "plan_end"}


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 11, 15), 3, dt.date(2027, 2, 15)),
        (dt.date(2026, 12, 31), 12, dt.date(2027, 12, 31)),
    ],
)
def test_add_months(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


@given(st.dates(dt.date(1950, 1, 1), dt.date(2150, 1, 1)), st.integers(0, 36))
def test_add_months_lands_in_the_right_month_never_later_in_it(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day <= day.day


# -- the record -----------------------------------------------------------------------


def full_plan() -> PlanRecord:
    plan = clean_plan()
    plan = add_goal(plan, "Improve [bold]tone[/] {x} $y %s", within_my_control=False)
    plan = set_goal_status(plan, 1, "met", on=dt.date(2026, 1, 20), recognised=False)
    plan = add_meeting(plan, dt.date(2026, 1, 19), "Agreed weekly 1:1s\nsecond line")
    plan = set_support(plan, coaching=True)
    plan = answered(plan, restructuring="yes", hr_engaged="unsure")
    plan = mark_document(plan, "contract")
    return with_dates(plan, offer_date=dt.date(2026, 2, 1))


def test_record_round_trips_through_a_plain_dict() -> None:
    plan = full_plan()
    data = plan.to_dict()
    assert PlanRecord.from_dict(data) == plan
    assert data["answers"] == {"hr_engaged": "unsure", "restructuring": "yes"}
    assert data["goals"][0]["met_on"] == "2026-01-20"


goal_strategy = st.builds(
    lambda text, flags, met: {
        "text": text,
        "specific": flags[0],
        "measurable": flags[1],
        "within_my_control": flags[2],
        "agreed": flags[3],
        "status": "met" if met else "open",
        "met_on": met.isoformat() if met else None,
        "recognised": flags[0] if met else None,
    },
    st.text(
        st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
    ).filter(lambda t: t.strip()),
    st.tuples(st.booleans(), st.booleans(), st.booleans(), st.booleans()),
    st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
)


@given(
    st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
    st.integers(1, 1000),
    st.lists(goal_strategy, max_size=5),
)
def test_any_valid_stored_record_survives_the_round_trip(start, length, goals) -> None:
    data = {
        "start": start.isoformat(),
        "end": (start + dt.timedelta(days=length)).isoformat(),
        "goals": goals,
    }
    plan = PlanRecord.from_dict(data)
    assert PlanRecord.from_dict(plan.to_dict()) == plan
    assert assess_plan(plan, start).verdict in ("stay", "mixed", "exit")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": "2026-13-01"}, "start: no such day"),
        ({"end": "soon"}, "end: expected a YYYY-MM-DD date"),
        ({"end": "2025-01-01"}, "must be after its start"),
        ({"colour": "red"}, "unknown field 'colour'"),
        ({"goals": [{"text": "x", "status": "done"}]}, "goals[0].status: 'done' is not one of"),
        (
            {"goals": [{"text": "x", "specific": "yes"}]},
            "goals[0].specific: expected true or false",
        ),
        ({"goals": [{"specific": True}]}, "goals[0]: missing 'text'"),
        ({"goals": [{"text": "x", "status": "met"}]}, "goal 1 is met but has no date"),
        ({"goals": "all of them"}, "goals: expected a list"),
        ({"meetings": [{"note": "x"}]}, "meetings[0]: missing 'date'"),
        ({"support": {"massage": True}}, "support: unknown field 'massage'"),
        ({"answers": {"restructuring": "maybe"}}, "answers.restructuring: 'maybe' is not one of"),
        ({"version": 99}, "unsupported version 99"),
    ],
)
def test_a_damaged_record_gives_one_clear_error(change: dict, message: str) -> None:
    data = full_plan().to_dict()
    data.update(change)
    with pytest.raises(ValidationError) as caught:
        PlanRecord.from_dict(data)
    assert message in str(caught.value)
    assert str(caught.value).startswith("improvement plan record")


@pytest.mark.parametrize("data", [None, [], "plan", 3])
def test_a_record_that_is_not_an_object_is_refused(data) -> None:
    with pytest.raises(ValidationError, match="expected an object"):
        PlanRecord.from_dict(data)


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda p: new_plan(START, START), "must be after its start"),
        (lambda p: new_plan(START, dt.date(2025, 12, 1)), "must be after its start"),
        (lambda p: new_plan(START, dt.date(2030, 1, 1)), "too long"),
        (lambda p: edit_goal(p, 2, specific=True), "no goal 2: choose a number from 1 to 1"),
        (lambda p: set_goal_status(p, 0, "met", on=AS_OF), "no goal 0"),
        (
            lambda p: set_goal_status(new_plan(START, LONG_END), 1, "open"),
            "the plan has no goals yet",
        ),
        (lambda p: set_goal_status(p, 1, "met"), "say when the goal was met"),
        (lambda p: add_goal(p, "   "), "the goal is empty"),
        (lambda p: add_goal(p, "two\nlines"), "one line"),
        (lambda p: answer_sign(p, "bogus", "yes"), "unknown sign 'bogus'"),
        (lambda p: answer_sign(p, "restructuring", "maybe"), "use yes, no or unsure"),
        (lambda p: mark_document(p, "diary"), "unknown checklist item 'diary'"),
        (lambda p: set_support(p, massage=True), "unknown support 'massage'"),
    ],
)
def test_bad_edits_are_refused_with_a_clear_message(edit, message: str) -> None:
    with pytest.raises(ValidationError, match=re.escape(message)):
        edit(clean_plan())


def test_answers_can_be_cleared_and_documents_unticked() -> None:
    plan = mark_document(answer_sign(clean_plan(), "restructuring", "yes"), "timesheets")
    plan = mark_document(answer_sign(plan, "restructuring", None), "timesheets", done=False)
    assert plan.answers == {} and plan.documents_done == ()


def test_reopening_a_met_goal_forgets_its_date() -> None:
    plan = set_goal_status(clean_plan(), 1, "met", on=AS_OF, recognised=True)
    reopened = set_goal_status(plan, 1, "open").goal(1)
    assert (reopened.status, reopened.met_on, reopened.recognised) == ("open", None, None)


def test_meetings_stay_in_date_order() -> None:
    plan = add_meeting(clean_plan(), dt.date(2026, 2, 1), "later")
    plan = add_meeting(plan, dt.date(2026, 1, 10), "earlier")
    assert [m.note for m in plan.meetings] == ["earlier", "later"]


# -- evidence --------------------------------------------------------------------------


def entry(entry_id: str, day: dt.date, kind: str = "note", subtype: str | None = None, tags=()):
    details = {"type": subtype} if subtype else {}
    return make_entry(
        entry_id=entry_id,
        date=day,
        kind=kind,
        title=f"entry {entry_id}",
        tags=tags,
        details=details,
    )


def test_evidence_timeline_keeps_plan_evidence_in_the_plan_window_oldest_first() -> None:
    plan = clean_plan(SHORT_END)  # 2026-01-05 .. 2026-03-01, 30 days either side
    entries = [
        entry("met001", dt.date(2026, 2, 1), subtype="plan_goal_met"),
        entry("ins001", dt.date(2026, 1, 10), subtype="plan_instruction"),
        entry("mtg001", dt.date(2026, 1, 20), subtype="plan_meeting"),
        entry("tag001", dt.date(2025, 12, 10), kind="achievement", tags=("pip",)),
        entry("old001", dt.date(2025, 11, 1), subtype="plan_instruction"),
        entry("late01", dt.date(2026, 4, 15), subtype="plan_meeting"),
        entry("nte001", dt.date(2026, 1, 15), subtype="evidence"),
        entry("nte002", dt.date(2026, 1, 16)),
    ]
    items = evidence_timeline(entries, plan)
    assert [(i.entry_id, i.label) for i in items] == [
        ("tag001", "Tagged pip"),
        ("ins001", "Instruction"),
        ("mtg001", "Meeting"),
        ("met001", "Goal met"),
    ]


def test_domain_modules_do_not_import_textual_or_rich() -> None:
    code = (
        "import sys, careercoach.plan.navigator, careercoach.plan.export; "
        "print(any(m.split('.')[0] in ('textual', 'rich') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# -- the evidence pack (rendering; the CLI test covers the file) -------------------------


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_evidence_pack_holds_goals_meetings_timeline_checklist_and_notice(fmt: str) -> None:
    plan = full_plan()
    entries = [entry("ins001", dt.date(2026, 1, 10), subtype="plan_instruction")]
    text = evidence_pack(plan, entries, AS_OF, fmt)
    assert text.count("General information, not legal advice") == 2
    assert "Ship the billing report" in text
    assert "MET on 2026-01-20, recognised: no" in text
    assert "2026-01-19: Agreed weekly 1:1s" in text
    assert "2026-01-10 [Instruction] entry ins001 (entry ins001)" in text
    assert "Goals met but not recognised" in text
    assert "Support offered: coaching" in text
    done, todo = ("[x]", "[ ]") if fmt == "md" else ("(done)", "(to do)")
    assert f"{done} Employment contract" in text
    assert f"{todo} Timesheets and attendance records" in text
    assert "2026-02-03: Earliest day to decide (you may decline)" in text


def test_markdown_pack_shows_user_markup_literally() -> None:
    md = evidence_pack(full_plan(), [], AS_OF, "md")
    assert r"Improve \[bold\]tone\[/\] \{x\} $y %s" in md
    txt = evidence_pack(full_plan(), [], AS_OF, "txt")
    assert "Improve [bold]tone[/] {x} $y %s" in txt


def test_pack_strips_terminal_escapes_from_user_text() -> None:
    plan = add_goal(clean_plan(), "Evil \x1b]0;title\x07goal\x1b[31m red")
    text = evidence_pack(plan, [], AS_OF, "txt")
    assert "\x1b" not in text and "Evil goal red" in text
