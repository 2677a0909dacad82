"""Extreme text and awkward dates, through the command line a user actually runs."""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach import clock
from careercoach.cli import cli


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-20")
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, ["--journal", str(journal_path), *args])


@pytest.mark.parametrize(
    "title",
    [
        "会議室の準備と議事録 (定例会議)",
        "مرحبا بالعالم right-to-left \u202etxet desrever",
        "Shipped it 🚀🎉 with the team 👩🏽‍💻",
        "[bold]x[/] $y {z} %s {{t}} ${HOME} [/ oops",
        "tab\there",
    ],
)
def test_unusual_text_round_trips(run, title: str) -> None:
    added = run("add", "note", title)
    assert added.exit_code == 0, added.output
    stored = json.loads(run("show", added.output.strip(), "--json").output)
    assert stored["title"] == title


def test_control_characters_are_stored_but_inert_on_the_terminal(run) -> None:
    title = "ok \x1b[2J\x1b]0;title\x07\x07\x08 done"
    entry_id = run("add", "note", title, "--note", "line\x1b[31m red").output.strip()
    assert json.loads(run("show", entry_id, "--json").output)["title"] == title
    for output in (run("show", entry_id).output, run("list").output):
        assert "\x1b" not in output and "\x07" not in output and "\x08" not in output


def test_one_megabyte_of_notes_is_refused_cleanly(run, journal_path: Path) -> None:
    result = run("add", "note", "big", "--note", "x" * (1024 * 1024))
    assert result.exit_code == 2
    assert "at most 20000" in result.output
    assert not journal_path.exists()


def test_ten_thousand_tags_are_refused_cleanly(run) -> None:
    args = ["add", "note", "tagged"]
    for i in range(10_000):
        args += ["-t", f"t{i}"]
    result = run(*args)
    assert result.exit_code == 2 and "too many tags" in result.output
    assert result.output.count("\n") == 1  # one line, not ten thousand


@pytest.mark.parametrize(
    ("date", "ok"),
    [
        ("2028-02-29", True),
        ("2027-02-29", False),
        ("1900-01-01", True),
        ("1899-12-31", False),
        ("2200-12-31", True),
        ("9999-12-31", False),
        ("0001-01-01", False),
    ],
)
def test_calendar_edges(run, date: str, ok: bool) -> None:
    result = run("add", "note", "dated", "--date", date)
    assert (result.exit_code == 0) is ok, result.output


@pytest.mark.parametrize(
    ("zone", "utc_moment", "expected"),
    [
        ("Asia/Tokyo", "2026-11-20T15:30:00+00:00", "2026-11-21"),
        ("Asia/Tokyo", "2026-11-20T14:59:59+00:00", "2026-11-20"),
        ("America/Los_Angeles", "2026-11-21T07:30:00+00:00", "2026-11-20"),
        ("UTC", "2026-11-20T23:59:59+00:00", "2026-11-20"),
    ],
)
def test_today_is_the_users_local_date_around_midnight(
    monkeypatch: pytest.MonkeyPatch, zone: str, utc_moment: str, expected: str
) -> None:
    monkeypatch.delenv("CAREERCOACH_TODAY", raising=False)
    monkeypatch.setenv("TZ", zone)
    time.tzset()
    try:
        moment = dt.datetime.fromisoformat(utc_moment)
        monkeypatch.setattr(clock, "_utc_now", lambda: moment)
        assert clock.today().isoformat() == expected
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(
    "args",
    [
        ("score", "--as-of", "0001-01-01"),
        ("score", "--as-of", "9999-12-31"),
        ("score", "--json", "--as-of", "0001-01-01"),
        ("script", "--as-of", "0001-01-01"),
        ("script", "--as-of", "9999-12-31"),
        ("demo", "--as-of", "0001-01-01", "--force"),
        ("demo", "--as-of", "9999-12-31", "--force"),
        ("demo", "--as-of", "2200-12-31", "--force"),
        ("list", "--since", "0001-01-01"),
        ("list", "--until", "9999-12-31"),
        ("export", "-f", "md", "-o", "-", "--since", "0001-01-01"),
        ("profile", "set", "next_evaluation=9999-12-31"),
        ("profile", "set", "start_date=0001-01-01"),
        ("plan", "start", "--start", "0001-01-01", "--end", "2026-12-31"),
        ("plan", "start", "--start", "2026-11-01", "--end", "9999-12-31"),
    ],
)
def test_a_date_out_of_range_anywhere_is_one_line(run, journal_path: Path, args) -> None:
    run("add", "note", "already here")
    before = journal_path.read_bytes()
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ("--journal", "", "list"),
        ("--journal", "", "add", "note", "x"),
        ("--journal", "", "doctor"),
        ("--journal", "  ", "score"),
        ("demo", "--journal", ""),
    ],
)
def test_an_empty_journal_path_is_refused(isolated_home: Path, args) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 2 and "--journal is empty" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not any(isolated_home.rglob("journal.json"))
