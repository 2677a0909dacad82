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

TODAY = dt.date(2026, 11, 20)  # a Friday; the next JLPT is 2026-12-06
MONDAY = dt.date(2026, 11, 16)  # the start of TODAY's week
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
    assert nudge_line(last, dates, TODAY) == expected


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
