"""`careercoach calendar`: every event parsed back from the file, stable ids, a private file."""

from __future__ import annotations

import datetime as dt
import stat
from pathlib import Path

import icalendar
import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.cli.calendar_export import WEEKDAY_CHOICES
from careercoach.journal import Journal
from careercoach.model import Profile
from careercoach.review import WEEKDAYS

TODAY = dt.date(2026, 11, 20)  # a Friday


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--journal", str(journal_path), *args])

    return invoke


def events(path: Path) -> dict[str, icalendar.Event]:
    calendar = icalendar.Calendar.from_ical(path.read_bytes())
    assert str(calendar["version"]) == "2.0"
    found = {str(e["uid"]): e for e in calendar.walk("VEVENT")}
    assert len(found) == len(calendar.walk("VEVENT")), "UIDs must be unique"
    return found


def day(event: icalendar.Event) -> dt.date:
    return event.decoded("dtstart")


def alarm_moment(event: icalendar.Event) -> dt.datetime:
    [alarm] = event.walk("VALARM")
    assert str(alarm["action"]) == "DISPLAY" and str(alarm["description"])
    start = dt.datetime.combine(day(event), dt.time())
    return start + alarm["trigger"].dt


@pytest.fixture
def full_journal(journal: Journal, run) -> Journal:
    journal.change_profile(
        lambda p: Profile(
            name="[bold]Morgan[/] $x {y}",
            manager_name="佐藤課長",
            next_evaluation=dt.date(2026, 12, 15),
            contract_renewal=dt.date(2027, 3, 31),
        )
    )
    assert run("plan", "start", "--start", "2026-11-01", "--end", "2026-12-31").exit_code == 0
    assert run("plan", "dates", "--employment-end", "2027-01-31").exit_code == 0
    return journal


def test_every_event_parsed_back(run, full_journal: Journal, tmp_path: Path) -> None:
    out = tmp_path / "career.ics"
    result = run("calendar", "--output", str(out), "--checkin-day", "mon")
    assert result.exit_code == 0, result.output
    found = events(out)
    assert f"wrote {len(found)} events" in result.output

    evaluation = found["evaluation@careercoach"]
    assert (str(evaluation["summary"]), day(evaluation)) == ("Evaluation", dt.date(2026, 12, 15))
    assert alarm_moment(evaluation) == dt.datetime(2026, 12, 8, 9, 0)

    renewal = found["contract-renewal@careercoach"]
    assert day(renewal) == dt.date(2027, 3, 31)
    assert alarm_moment(renewal) == dt.datetime(2027, 3, 17, 9, 0)

    assert day(found["jlpt-2026-12@careercoach"]) == dt.date(2026, 12, 6)
    assert day(found["jlpt-2027-07@careercoach"]) == dt.date(2027, 7, 4)
    registration = found["jlpt-2027-07-registration@careercoach"]
    assert day(registration) == dt.date(2027, 3, 1)
    assert "registration" in str(registration["summary"])
    assert "jlpt-2026-12-registration@careercoach" not in found  # already past

    plan = {uid: e for uid, e in found.items() if uid.startswith("plan-")}
    assert day(plan["plan-plan_end@careercoach"]) == dt.date(2026, 12, 31)
    assert day(plan["plan-employment_end@careercoach"]) == dt.date(2027, 1, 31)
    assert "plan-plan_start@careercoach" not in plan  # in the past
    assert all(day(e) >= TODAY for e in found.values())

    checkin = found["weekly-checkin@careercoach"]
    assert day(checkin) == dt.date(2026, 11, 23)  # the first Monday from today
    rule = checkin["rrule"]
    assert (rule["FREQ"], rule["BYDAY"]) == (["WEEKLY"], ["MO"])
    assert alarm_moment(checkin).hour == 16

    for event in found.values():
        assert event.decoded("dtend") == day(event) + dt.timedelta(days=1)
        assert str(event["summary"]) and str(event["description"])
        assert event.walk("VALARM")
    text = out.read_text(encoding="utf-8")
    assert "Morgan" not in text and "佐藤" not in text  # no personal data in the file


def test_the_immigration_notice_follows_the_plan_navigator(run, full_journal, tmp_path) -> None:
    """Whatever key dates the plan lists after the end of employment are in the calendar."""
    from careercoach.plan import PlanRecord, key_dates

    record = PlanRecord.from_dict(full_journal.plan())
    expected = {f"plan-{k.id}@careercoach" for k in key_dates(record, TODAY) if k.date >= TODAY}
    out = tmp_path / "career.ics"
    assert run("calendar", "-o", str(out)).exit_code == 0
    assert expected <= set(events(out))
    assert len(expected) >= 2


def test_uids_are_stable_so_a_new_import_updates(run, full_journal, tmp_path, monkeypatch) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    assert run("calendar", "-o", str(first)).exit_code == 0
    full_journal.change_profile(
        lambda p: Profile(next_evaluation=dt.date(2026, 12, 18), name=p.name)
    )
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-27")
    assert run("calendar", "-o", str(second)).exit_code == 0
    before, after = events(first), events(second)
    assert day(after["evaluation@careercoach"]) == dt.date(2026, 12, 18)
    assert int(after["evaluation@careercoach"]["sequence"]) > int(
        before["evaluation@careercoach"]["sequence"]
    )
    assert set(before) - {"contract-renewal@careercoach"} <= set(after)


def test_the_file_is_private_and_never_replaced_without_force(run, tmp_path: Path) -> None:
    out = tmp_path / "career.ics"
    assert run("calendar", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    out.write_text("mine", encoding="utf-8")
    refused = run("calendar", "-o", str(out))
    assert refused.exit_code == 2
    assert "--force" in refused.output and "Traceback" not in refused.output
    assert out.read_text(encoding="utf-8") == "mine"
    assert run("calendar", "-o", str(out), "--force").exit_code == 0
    assert events(out)


@pytest.mark.parametrize("target", ["folder", "journal"])
def test_refuses_a_folder_or_the_journal(run, journal_path, tmp_path, target) -> None:
    run("add", "note", "x")
    path = tmp_path if target == "folder" else journal_path
    result = run("calendar", "-o", str(path), "--force")
    assert result.exit_code == 2
    assert result.output.count("\n") == 1


def test_the_cli_weekdays_match_the_engine() -> None:
    assert WEEKDAY_CHOICES == WEEKDAYS


def test_a_dash_writes_to_standard_output(run, full_journal, tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = run("calendar", "-o", "-", "--checkin-day", "tue")
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    calendar = icalendar.Calendar.from_ical(result.stdout_bytes)
    uids = {str(e["uid"]) for e in calendar.walk("VEVENT")}
    assert {"evaluation@careercoach", "weekly-checkin@careercoach"} <= uids
    assert b"wrote" not in result.stdout_bytes


def test_the_check_in_weekday_is_remembered(run, tmp_path: Path) -> None:
    from careercoach.settings import load_settings

    assert run("calendar", "-o", str(tmp_path / "a.ics"), "--checkin-day", "wed").exit_code == 0
    assert load_settings().checkin_weekday == "wed"
    assert run("calendar", "-o", str(tmp_path / "b.ics")).exit_code == 0  # the same day again
    [checkin] = [e for e in events(tmp_path / "b.ics").values() if "rrule" in e]
    assert checkin["rrule"]["byday"] == ["WE"]


def test_an_open_registration_is_in_the_calendar(
    journal_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-03-20")  # July's registration is open
    out = tmp_path / "career.ics"
    result = CliRunner().invoke(cli, ["--journal", str(journal_path), "calendar", "-o", str(out)])
    assert result.exit_code == 0, result.output
    closes = events(out)["jlpt-2026-07-registration-closes@careercoach"]
    assert day(closes) == dt.date(2026, 4, 1)
    assert str(closes["summary"]) == "JLPT July 2026: registration closes"
    assert alarm_moment(closes) == dt.datetime(2026, 3, 25, 9, 0)
