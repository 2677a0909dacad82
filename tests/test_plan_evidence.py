"""The journal notes a plan meeting leaves: the whole note always reaches the journal."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.model import TITLE_MAX
from careercoach.plan.evidence import meeting_note

ON = dt.date(2026, 11, 20)


def test_a_short_one_line_note_is_the_title() -> None:
    draft = meeting_note(ON, "  Agreed weekly 1:1s ")
    assert (draft.title, draft.notes) == ("Plan check-in: Agreed weekly 1:1s", "")


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_any_line_break_keeps_the_whole_note_in_the_notes(brk: str) -> None:
    note = f"Agreed A{brk}Agreed B"
    draft = meeting_note(ON, note)
    assert draft.title == "Plan check-in: Agreed A"
    assert draft.notes == note


def test_a_long_note_is_cut_in_the_title_and_kept_whole_in_the_notes() -> None:
    note = "word " * 100
    draft = meeting_note(ON, note)
    assert len(draft.title) == TITLE_MAX and draft.title.endswith("…")
    assert draft.notes == note


# -- plan evidence stays out of the promotion material ------------------------------

TODAY = dt.date(2026, 11, 20)
PLAN_TEXTS = ("Agreed weekly 1:1s with HR present", "Goal 1 met: Close 20 tickets")


@pytest.fixture
def running_plan(tmp_path):
    """The demo journal with a running plan: a meeting, a goal met, an entry tagged pip."""
    from careercoach.demo import write_demo
    from careercoach.journal import Draft, Journal
    from careercoach.plan import change, new_plan

    path = tmp_path / "journal.json"
    write_demo(path, TODAY)
    journal = Journal(path)
    change.start_plan(journal, new_plan(dt.date(2026, 11, 1), dt.date(2027, 1, 31)))
    change.add_meeting(dt.date(2026, 11, 10), PLAN_TEXTS[0]).save(journal)
    change.add_goal("Close 20 tickets").save(journal)
    change.goal_status(1, "met", on=dt.date(2026, 11, 14)).save(journal)
    journal.add(
        Draft(dt.date(2026, 11, 15), "achievement", "Shipped the fix HR asked for", tags=("pip",))
    )
    return journal


def _export(journal, fmt: str, **options) -> str:
    from careercoach.exchange import render_export

    payload, _ = render_export(journal, fmt, as_of=TODAY, **options)
    return payload.decode("utf-8-sig")


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_a_packet_or_csv_from_a_journal_with_a_running_plan_holds_no_plan_evidence(
    running_plan, fmt: str
) -> None:
    text = _export(running_plan, fmt)
    for leaked in ("Plan check-in", "Agreed weekly 1:1s", "Plan goal 1 met", "Shipped the fix"):
        assert leaked not in text
    assert "pip" not in text.split()


@pytest.mark.parametrize("fmt", ["md", "csv"])
def test_include_plan_puts_it_back_when_asked(running_plan, fmt: str) -> None:
    text = _export(running_plan, fmt, include_plan=True)
    for wanted in ("Plan check-in: Agreed weekly 1:1s", "Plan goal 1 met", "Shipped the fix"):
        assert wanted in text


def test_the_json_backup_keeps_everything(running_plan) -> None:
    text = _export(running_plan, "json")
    assert "Plan check-in: Agreed weekly 1:1s" in text and "Shipped the fix" in text
    assert '"meetings"' in text


def test_logging_plan_evidence_leaves_the_readiness_score_as_it_was(tmp_path) -> None:
    from careercoach.demo import write_demo
    from careercoach.journal import Journal
    from careercoach.plan import change, new_plan
    from careercoach.readiness import assess, load_criteria

    path = tmp_path / "journal.json"
    write_demo(path, TODAY)
    journal = Journal(path)

    def score():
        return assess(journal.entries(), journal.profile(), load_criteria(), TODAY)

    before = score()
    change.start_plan(journal, new_plan(dt.date(2026, 11, 1), dt.date(2027, 1, 31)))
    for day in range(2, 20, 2):
        change.add_meeting(dt.date(2026, 11, day), f"Check-in {day}").save(journal)
    after = score()
    assert [c.score for c in after.criteria] == [c.score for c in before.criteria]
    cited = {i for c in after.criteria for i in c.evidence_ids}
    assert not cited & {e.id for e in journal.entries() if "pip" in e.tags}


def test_scripts_never_cite_plan_evidence(running_plan) -> None:
    from careercoach import phrasing

    facts = phrasing.gather_facts(running_plan.entries(), running_plan.profile(), TODAY)
    assert "Shipped the fix" not in repr(facts)


def test_export_include_plan_on_the_command_line(running_plan, monkeypatch) -> None:
    from click.testing import CliRunner

    from careercoach.cli import cli

    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    base = ["--journal", str(running_plan.path), "export", "-f", "md", "-o", "-"]
    without = CliRunner().invoke(cli, base)
    with_plan = CliRunner().invoke(cli, [*base, "--include-plan"])
    assert without.exit_code == with_plan.exit_code == 0
    assert "Plan check-in" not in without.output
    assert "Plan check-in: Agreed weekly 1:1s" in with_plan.output


# -- while a plan runs, it is not the moment to ask ---------------------------------


def test_while_a_plan_runs_the_timing_verdict_says_not_now_and_names_the_next_date(
    running_plan,
) -> None:
    from careercoach.insight import load_insight

    timing = load_insight(running_plan, TODAY).assessment.timing
    assert not timing.good and timing.plan_active
    assert timing.headline == "Not now: an improvement plan is running"
    assert "ask once it has ended well" in timing.reasons[0]
    assert timing.reasons[1] == "The plan's next key date: 2027-01-31, Plan ends."


def test_score_says_not_now_and_the_packet_never_mentions_the_plan(
    running_plan, monkeypatch
) -> None:
    import json

    from click.testing import CliRunner

    from careercoach.cli import cli

    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    result = CliRunner().invoke(cli, ["--journal", str(running_plan.path), "score", "--json"])
    timing = json.loads(result.output)["timing"]
    assert (timing["good"], timing["headline"]) == (
        False,
        "Not now: an improvement plan is running",
    )
    packet = CliRunner().invoke(
        cli, ["--journal", str(running_plan.path), "export", "-o", "-", "-f", "md"]
    )
    assert packet.exit_code == 0 and "Not now: an improvement plan is running" not in packet.output


@pytest.mark.parametrize(
    ("as_of", "employment_end", "active"),
    [
        (dt.date(2026, 10, 31), None, False),
        (dt.date(2026, 11, 1), None, True),
        (dt.date(2027, 1, 31), None, True),
        (dt.date(2027, 2, 1), None, False),
        (dt.date(2027, 2, 1), dt.date(2027, 2, 28), True),
    ],
)
def test_a_plan_is_active_from_its_start_to_its_end_or_the_end_of_employment(
    as_of: dt.date, employment_end: dt.date | None, active: bool
) -> None:
    from careercoach.plan import new_plan, plan_is_active, with_dates

    plan = with_dates(
        new_plan(dt.date(2026, 11, 1), dt.date(2027, 1, 31)), employment_end=employment_end
    )
    assert plan_is_active(plan, as_of) is active


def test_without_a_plan_the_verdict_is_unchanged(tmp_path) -> None:
    from careercoach.demo import write_demo
    from careercoach.insight import load_insight
    from careercoach.journal import Journal

    path = tmp_path / "journal.json"
    write_demo(path, TODAY)
    assert not load_insight(Journal(path), TODAY).assessment.timing.plan_active


@pytest.mark.parametrize(
    ("field", "value", "line"),
    [
        ("company_type", "japanese", "- Company type: Japanese company"),
        ("company_type", "foreign", "- Company type: Foreign-affiliated"),
        ("target_role", "manager", "- Target role: Manager"),
    ],
)
def test_the_packet_profile_shows_labels_not_stored_values(
    running_plan, field: str, value: str, line: str
) -> None:
    from careercoach.model import set_profile_fields

    running_plan.change_profile(lambda p: set_profile_fields(p, {field: value}, TODAY))
    packet = _export(running_plan, "md")
    assert line in packet.splitlines()
    assert f": {value}\n" not in packet


def test_the_script_command_says_not_now_before_the_request(running_plan, monkeypatch) -> None:
    from click.testing import CliRunner

    from careercoach.cli import cli

    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    result = CliRunner().invoke(cli, ["--journal", str(running_plan.path), "script"])
    assert result.exit_code == 0
    assert result.stderr.startswith("Not now: an improvement plan is running.")


@pytest.mark.parametrize(
    ("offer", "employment_end", "hint"),
    [
        (None, None, "the day you were handed a document to decide on, or the day employment ends"),
        (dt.date(2026, 11, 19), None, "If your employment ends, press e to add its last day"),
        (None, dt.date(2027, 1, 31), "the earliest day to decide appears here"),
        (dt.date(2026, 11, 19), dt.date(2027, 1, 31), ""),
    ],
)
def test_the_dates_tab_hint_follows_what_is_filled_in(offer, employment_end, hint: str) -> None:
    from careercoach.plan import new_plan, with_dates
    from careercoach.tui.screens.plan_tabs import dates_hint

    plan = with_dates(
        new_plan(dt.date(2026, 11, 1), dt.date(2027, 1, 31)),
        offer_date=offer,
        employment_end=employment_end,
    )
    shown = dates_hint(plan)
    assert hint in shown if hint else shown == ""
