"""`careercoach nudge`: one line or nothing, exit 0 always, and the dates behind it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal
from careercoach.model import Profile
from careercoach.review import DOCTOR_LINE, DueDate, jlpt_exam_days, nudge_line, upcoming
from careercoach.review.upcoming import next_exam_to_register
from careercoach.settings import Settings, load_settings, save_settings

TODAY = dt.date(2026, 11, 20)  # a Friday; the next JLPT is 2026-12-06
MONDAY = dt.date(2026, 11, 16)  # the start of TODAY's week
LAST_FRIDAY = dt.date(2026, 11, 13)
MON, TUE, THU, FRI, SUN = 0, 1, 3, 4, 6
RUN = " Run careercoach."


def due(days: int, title: str = "Evaluation") -> DueDate:
    return DueDate("k", TODAY + dt.timedelta(days=days), title, "", "", 0)


THREE = [due(2), due(3, "Plan ends"), due(4)]
LATE = TODAY - dt.timedelta(days=10)


@pytest.mark.parametrize(
    ("last", "dates", "expected"),
    [
        (TODAY, [], None),
        (MONDAY, [], None),
        (
            MONDAY - dt.timedelta(days=1),
            [],
            "Weekly check-in: nothing logged this week (last entry 5 days ago). Run careercoach.",
        ),
        (
            TODAY - dt.timedelta(days=9),
            [],
            "Weekly check-in: nothing logged this week (last entry 9 days ago). Run careercoach.",
        ),
        (None, [], "Weekly check-in: nothing logged yet. Run careercoach."),
        (TODAY, [due(0)], "Evaluation today. Run careercoach."),
        (TODAY, [due(1)], "Evaluation tomorrow. Run careercoach."),
        (TODAY, [due(7)], "Evaluation in 7 days. Run careercoach."),
        (TODAY, [due(8)], None),
        (TODAY, [due(-1)], None),
        (
            TODAY,
            [due(2), due(3, "Plan ends"), due(4, "X")],
            "Evaluation in 2 days. Plan ends in 3 days. 1 more date(s) this week. Run careercoach.",
        ),
        (
            TODAY - dt.timedelta(days=10),
            [due(3)],
            "Weekly check-in: nothing logged this week (last entry 10 days ago). "
            "Evaluation in 3 days. Run careercoach.",
        ),
    ],
)
def test_nudge_line(last: dt.date | None, dates: list[DueDate], expected: str | None) -> None:
    assert nudge_line(last, dates, TODAY, FRI) == expected


def late(days: int) -> str:
    ago = "yesterday" if days == 1 else f"{days} days ago"
    return f"Weekly check-in: nothing logged this week (last entry {ago}). Run careercoach."


@pytest.mark.parametrize(
    ("today", "last", "weekday", "expected"),
    [
        (MONDAY, LAST_FRIDAY, FRI, None),  # Friday's check-in done: Monday to Thursday quiet
        (dt.date(2026, 11, 17), LAST_FRIDAY, FRI, None),
        (dt.date(2026, 11, 19), LAST_FRIDAY, FRI, None),
        (TODAY, LAST_FRIDAY, FRI, late(7)),  # the check-in day has come
        (dt.date(2026, 11, 21), LAST_FRIDAY, FRI, late(8)),
        (dt.date(2026, 11, 17), LAST_FRIDAY, MON, late(4)),  # a Monday check-in: due
        (MONDAY, dt.date(2026, 11, 15), MON, late(1)),
        (dt.date(2026, 11, 17), LAST_FRIDAY, TUE, late(4)),
        (dt.date(2026, 11, 17), LAST_FRIDAY, THU, None),
        (dt.date(2026, 11, 21), LAST_FRIDAY, SUN, late(8)),  # more than a week: always due
        (dt.date(2026, 11, 20), dt.date(2026, 11, 13), SUN, None),  # exactly a week
        (dt.date(2026, 11, 17), dt.date(2026, 11, 9), THU, late(8)),
        (dt.date(2026, 11, 22), MONDAY, SUN, None),  # logged this week
    ],
)
def test_the_check_in_waits_for_its_weekday(today, last, weekday, expected) -> None:
    assert nudge_line(last, [], today, weekday) == expected


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (dt.date(2026, 11, 20), [dt.date(2026, 12, 6), dt.date(2027, 7, 4)]),
        (dt.date(2026, 12, 6), [dt.date(2026, 12, 6), dt.date(2027, 7, 4)]),
        (dt.date(2026, 12, 7), [dt.date(2027, 7, 4), dt.date(2027, 12, 5)]),
        (dt.date(2027, 1, 1), [dt.date(2027, 7, 4), dt.date(2027, 12, 5)]),
        (dt.date(2028, 6, 30), [dt.date(2028, 7, 2), dt.date(2028, 12, 3)]),
    ],
)
def test_jlpt_days_are_the_first_sundays_of_july_and_december(
    today: dt.date, expected: list[dt.date]
) -> None:
    days = jlpt_exam_days(today)
    assert days == expected
    assert all(d.weekday() == 6 and d.day <= 7 for d in days)


def test_upcoming_reads_the_profile_and_skips_the_past() -> None:
    profile = Profile(next_evaluation=TODAY + dt.timedelta(days=3), contract_renewal=TODAY)
    keys = [d.key for d in upcoming(profile, TODAY)]
    assert keys[:2] == ["contract-renewal", "evaluation"]
    assert "jlpt-2026-12" in keys and "jlpt-2027-07-registration" in keys
    assert "jlpt-2026-12-registration" not in keys  # its reminder (August) has passed
    past = Profile(next_evaluation=TODAY - dt.timedelta(days=1))
    assert "evaluation" not in [d.key for d in upcoming(past, TODAY)]


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    runner = CliRunner()

    def invoke(*args: str, path: Path = journal_path):
        return runner.invoke(cli, ["--journal", str(path), *args])

    return invoke


def test_silent_when_the_week_is_logged_and_nothing_is_due(run, journal: Journal) -> None:
    journal.add(Draft(date=TODAY - dt.timedelta(days=2), kind="note", title="x"))
    result = run("nudge")
    assert (result.exit_code, result.output) == (0, "")


def test_one_line_for_an_evaluation_and_a_late_check_in(run, journal: Journal) -> None:
    journal.add(Draft(date=TODAY - dt.timedelta(days=9), kind="note", title="x"))
    journal.change_profile(
        lambda p: Profile(next_evaluation=TODAY + dt.timedelta(days=2), name=p.name)
    )
    result = run("nudge")
    assert result.exit_code == 0
    assert result.output == (
        "Weekly check-in: nothing logged this week (last entry 9 days ago). "
        "Evaluation in 2 days. Run careercoach.\n"
    )


def test_an_improvement_plan_date_this_week_is_named(run, journal: Journal) -> None:
    journal.add(Draft(date=TODAY, kind="note", title="x"))
    assert run("plan", "start", "--start", "2026-10-01", "--end", "2026-11-25").exit_code == 0
    result = run("nudge")
    assert result.exit_code == 0
    assert "in 5 days" in result.output and result.output.count("\n") == 1


def test_the_weekday_chosen_for_the_calendar_is_the_nudge_s(
    run, journal: Journal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    journal.add(Draft(date=LAST_FRIDAY, kind="note", title="x"))
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-17")  # a Tuesday
    assert load_settings().checkin_weekday == ""
    assert run("nudge").output == ""  # no choice yet: the calendar's default, Friday
    written = run("calendar", "-o", str(tmp_path / "dates.ics"), "--checkin-day", "mon")
    assert written.exit_code == 0, written.output
    assert load_settings().checkin_weekday == "mon"
    assert run("nudge").output == late(4) + "\n"
    save_settings(Settings(checkin_weekday="wed"))
    assert run("nudge").output == ""


def _damaged(kind: str, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "folder":
        path.mkdir()
    else:
        path.write_bytes(DAMAGE[kind])


DAMAGE = {
    "truncated": b'{"entries": {"1": {"id": "abc',
    "not ours": b'{"hello": "world"}',
    "binary": bytes(range(256)),
    "bad entry": (
        b'{"_meta": {"1": {"app": "careercoach", "schema": 1}}, '
        b'"entries": {"1": {"id": 5, "date": "yesterday"}}}'
    ),
    "bad plan": (
        b'{"_meta": {"1": {"app": "careercoach", "schema": 1}}, "entries": {}, '
        b'"plan": {"1": {"start": "soon"}}}'
    ),
    "newer": b'{"_meta": {"1": {"app": "careercoach", "schema": 999}}}',
}


@pytest.mark.parametrize("kind", [*DAMAGE, "folder"])
def test_a_damaged_journal_gets_the_doctor_hint_and_exit_0(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch, kind: str
) -> None:
    """As a shell start-up file runs it: no --journal, the journal in the data folder."""
    from careercoach import paths

    _damaged(kind, paths.journal_path())
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    result = CliRunner().invoke(cli, ["nudge"])
    assert result.exit_code == 0
    assert result.output == DOCTOR_LINE + "\n"
    assert result.exception is None


def test_a_bad_pinned_date_is_one_line_and_exit_0(run, monkeypatch) -> None:
    monkeypatch.setenv("CAREERCOACH_TODAY", "someday")
    result = run("nudge")
    assert result.exit_code == 0
    assert result.output.startswith("careercoach: ") and result.output.count("\n") == 1


def test_a_folder_given_as_the_journal_gets_the_doctor_hint(run, tmp_path: Path) -> None:
    result = run("nudge", path=tmp_path)
    assert (result.exit_code, result.output) == (0, DOCTOR_LINE + "\n")
    for command in (["list"], ["score"], []):
        refused = run(*command, path=tmp_path)
        assert refused.exit_code == 2
        assert refused.output.count("\n") == 1 and "is a directory" in refused.output


def test_as_a_process_on_a_damaged_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.write_bytes(b"\xff\xfe garbage")
    result = subprocess.run(
        [sys.executable, "-m", "careercoach", "--journal", str(path), "nudge"],
        capture_output=True,
        text=True,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, DOCTOR_LINE + "\n", "")


def test_nudge_loads_no_engine_it_does_not_need(tmp_path: Path, journal: Journal) -> None:
    """It runs at every shell start: no scoring, phrasing, YAML, iCalendar or Textual."""
    journal.add(Draft(date=TODAY, kind="note", title="x"))
    code = (
        "import sys\n"
        "from careercoach.cli import cli\n"
        f"try:\n    cli.main(args=['--journal', {str(journal.path)!r}, 'nudge'])\n"
        "except SystemExit:\n    pass\n"
        "heavy = ('careercoach.readiness', 'careercoach.phrasing', 'careercoach.plan', "
        "'yaml', 'icalendar', 'textual', 'rich')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy or m in heavy))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


@pytest.mark.parametrize(
    ("today", "exam"),
    [
        (dt.date(2026, 2, 27), dt.date(2026, 7, 5)),  # registration not yet open
        (dt.date(2026, 3, 20), dt.date(2026, 7, 5)),  # open now: one can still apply
        (dt.date(2026, 4, 1), dt.date(2026, 12, 6)),  # closed: the next one
        (dt.date(2026, 5, 1), dt.date(2026, 12, 6)),
        (dt.date(2026, 9, 1), dt.date(2027, 7, 4)),
    ],
)
def test_the_exam_to_register_for_is_one_still_open_to_apply(today, exam) -> None:
    assert next_exam_to_register(today) == exam


def test_while_registration_is_open_its_closing_day_is_a_date() -> None:
    dates = {d.key: d for d in upcoming(Profile(), dt.date(2026, 3, 20))}
    closes = dates["jlpt-2026-07-registration-closes"]
    assert closes.date == dt.date(2026, 4, 1)
    assert closes.title == "JLPT July 2026: registration closes"
    assert "jlpt-2026-07-registration" not in dates  # it opened already
    assert dates["jlpt-2026-12-registration"].date == dt.date(2026, 8, 1)


def test_the_registration_reminder_reads_once_in_time() -> None:
    today = dt.date(2026, 7, 30)
    line = nudge_line(today, upcoming(Profile(), today), today, FRI)
    assert line == "JLPT December 2026: registration reminder in 2 days." + RUN
    late = dt.date(2026, 8, 30)
    assert nudge_line(late, upcoming(Profile(), late), late, FRI) == (
        "JLPT December 2026: registration closes in 2 days." + RUN
    )
