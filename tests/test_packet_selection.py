"""The promotion packet narrowed: --since-last-evaluation, --kind and --starred."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal

TODAY = dt.date(2026, 11, 20)


def ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--journal", str(journal_path), *args])

    return invoke


@pytest.fixture
def filled(journal: Journal) -> Journal:
    journal.add_many(
        [
            Draft(ago(200), "bridge", "Before the evaluation [b]x[/]"),
            Draft(ago(150), "conversation", "Yearly evaluation", details={"type": "evaluation"}),
            Draft(ago(100), "bridge", "Relayed the spec to Osaka", starred=True),
            Draft(ago(20), "bridge", "Translated the incident report"),
            Draft(ago(10), "invisible", "Set up the room $x", starred=True),
        ]
    )
    return journal


def packet(run, *args: str) -> str:
    result = run("export", "-f", "md", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    return result.output


def test_since_last_evaluation(run, filled) -> None:
    text = packet(run, "--since-last-evaluation")
    assert f"Evidence from {ago(149).isoformat()} to now: 3 entries." in text
    assert "Before the evaluation" not in text and "Yearly evaluation" not in text
    assert "Relayed the spec to Osaka" in text and "Set up the room \\$x" in text


def test_starred(run, filled) -> None:
    text = packet(run, "--starred")
    assert "2 entries. Only starred entries." in text
    assert "Relayed the spec to Osaka" in text and "Set up the room" in text
    assert "Translated the incident report" not in text


def test_kind_and_starred_together(run, filled) -> None:
    text = packet(run, "--kind", "bridge", "--starred")
    assert "1 entries. Only starred entries that are Bridge role entries." in text
    assert "Relayed the spec to Osaka" in text and "Set up the room" not in text


def test_kind_for_the_csv(run, filled) -> None:
    result = run("export", "-f", "csv", "-o", "-", "--kind", "bridge")
    rows = list(csv.DictReader(io.StringIO(result.output.lstrip("\ufeff"))))
    assert {r["kind"] for r in rows} == {"bridge"} and len(rows) == 3


def test_a_narrowed_packet_file_is_private(run, filled, tmp_path: Path) -> None:
    out = tmp_path / "packet.md"
    result = run("export", "-o", str(out), "--starred", "--since-last-evaluation")
    assert result.exit_code == 0 and "wrote 2 entries as md" in result.output
    assert (out.stat().st_mode & 0o777) == 0o600


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["-f", "md", "--since", "2026-01-01", "--since-last-evaluation"], "not both"),
        (["-f", "md", "--kind", "lunch"], "unknown kind 'lunch'"),
        (["-f", "json", "--starred"], "a JSON backup always holds every entry"),
        (["-f", "json", "--kind", "bridge"], "a JSON backup always holds every entry"),
    ],
)
def test_bad_choices_are_one_line(run, filled, args: list[str], problem: str) -> None:
    result = run("export", "-o", "-", *args)
    assert result.exit_code == 2
    assert problem in result.output and result.output.count("\n") == 1


def test_no_evaluation_known_is_one_line(run, journal: Journal) -> None:
    journal.add(Draft(ago(3), "note", "x"))
    result = run("export", "-f", "md", "-o", "-", "--since-last-evaluation")
    assert result.exit_code == 2
    assert "no evaluation is logged" in result.output and result.output.count("\n") == 1
