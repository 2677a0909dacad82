"""`careercoach score`: the readable report, the JSON document and bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.demo import write_demo
from careercoach.journal.api import Draft, Journal

AS_OF = dt.date(2025, 6, 2)


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERCOACH_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("CAREERCOACH_TODAY", AS_OF.isoformat())
    return tmp_path / "home"


@pytest.fixture
def demo_journal(home: Path) -> Path:
    path = home / "demo.json"
    write_demo(path, AS_OF)
    return path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_report_shows_bars_counts_actions_and_timing(demo_journal: Path) -> None:
    result = run("--journal", str(demo_journal), "score")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("PROMOTION READINESS ON 2025-06-02: 68/100 (Nearly ready)")
    assert "Japanese level" in out and "███████░░░  73  10 entries" in out
    assert "NEXT ACTIONS\n  1. " in out
    assert "TIMING: Yes: a good moment to ask" in out
    assert "\x1b[" not in out  # plain text when not a terminal


def test_explain_adds_reasons_why_and_evidence_ids(demo_journal: Path) -> None:
    out = run("--journal", str(demo_journal), "score", "--explain").output
    assert "Why: " in out
    assert "JLPT N2 against the N1 bar for a manager path" in out
    ids = {e.id for e in Journal(demo_journal).entries()}
    evidence_lines = [line for line in out.splitlines() if line.strip().startswith("Evidence:")]
    assert evidence_lines
    assert all(word in ids for word in evidence_lines[0].split()[1:9])


def test_json_is_the_stable_assessment_document(demo_journal: Path) -> None:
    result = run("--journal", str(demo_journal), "score", "--json")
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert list(data) == [
        "as_of",
        "overall",
        "band",
        "weighting",
        "criteria",
        "next_actions",
        "timing",
    ]
    assert (data["as_of"], data["overall"], data["band"]["name"]) == (
        "2025-06-02",
        68,
        "Nearly ready",
    )
    assert [c["id"] for c in data["criteria"]][:2] == ["stability", "japanese"]
    assert data["timing"]["occasions"] == ["after_project"]
    assert data["weighting"]["id"] == "japanese"


def test_as_of_scores_the_past(demo_journal: Path) -> None:
    data = json.loads(
        run("--journal", str(demo_journal), "score", "--json", "--as-of", "2025-01-06").output
    )
    assert data["as_of"] == "2025-01-06"
    assert data["timing"]["occasions"] == []


@pytest.mark.parametrize(
    "bad",
    [
        "2025-13-01",
        "tomorrowish",
        "06/02/2025",
    ],
)
def test_bad_as_of_exits_2_with_one_line(demo_journal: Path, bad: str) -> None:
    result = run("--journal", str(demo_journal), "score", "--as-of", bad)
    assert result.exit_code == 2
    assert result.output.startswith("Error: bad date")
    assert result.output.count("\n") == 1


def test_bad_user_override_exits_2_naming_file_and_key(home: Path, demo_journal: Path) -> None:
    override = home / "config" / "criteria.yaml"
    override.parent.mkdir(parents=True)
    override.write_text("criteria:\n  japanese: {weight: -1}\n")
    result = run("--journal", str(demo_journal), "score")
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {override}: criteria.japanese.weight: must be at least 0, got -1\n"
    )


def test_user_override_reweights_the_score(home: Path, demo_journal: Path) -> None:
    override = home / "config" / "criteria.yaml"
    override.parent.mkdir(parents=True)
    override.write_text("criteria:\n  stability: {weight: 20}\n")
    data = json.loads(run("--journal", str(demo_journal), "score", "--json").output)
    assert data["criteria"][0]["weight"] == 20
    assert data["overall"] > 69


def test_empty_journal_gives_a_friendly_report(home: Path) -> None:
    result = run("--journal", str(home / "new.json"), "score")
    assert result.exit_code == 0
    assert result.output.startswith("Your journal has no entries yet")
    assert "0/100 (Getting started)" in result.output
    assert "Add your start date to your profile" in result.output
    assert not (home / "new.json").exists()
    data = json.loads(run("--journal", str(home / "new.json"), "score", "--json").output)
    assert data["overall"] == 0


def test_user_text_with_markup_cannot_break_the_report(home: Path) -> None:
    path = home / "j.json"
    tricky = "[bold]Boss[/] {name} $x %s [/"
    Journal(path).add(
        Draft(AS_OF, "achievement", tricky, notes=tricky, details={"type": "major_project"})
    )
    for args in (("score",), ("score", "--explain"), ("score", "--json")):
        result = run("--journal", str(path), *args)
        assert result.exit_code == 0
        assert "Boss" not in result.output


def test_score_says_which_weighting_applies_and_why(demo_journal: Path) -> None:
    out = run("--journal", str(demo_journal), "score").output
    line = "  Weighting: Japanese employer, as your profile's company_type is japanese.\n"
    assert line in out
    assert "Why: At a Japanese company" not in out  # the reason is for --explain
    assert run("--journal", str(demo_journal), "profile", "set", "company_type=").exit_code == 0
    unset = run("--journal", str(demo_journal), "score").output
    assert "  Weighting: Mixed or unknown employer, as your profile has no company_type.\n" in unset


def test_explain_states_the_diminishing_returns(demo_journal: Path) -> None:
    out = run("--journal", str(demo_journal), "score", "--explain").output
    assert "  Why: At a Japanese company trust, steadiness and harmony" in out
    assert (
        "  Diminishing returns (promotion guide §1): on one day the entries count 1, 0.5, "
        "0.25 and any more count nothing; in one week (Monday to Sunday) the best count "
        "1, 1, 1, 0.75, 0.5, 0.5, 0.25, 0.25 and any more count nothing. "
    ) in out
    plain = run("--journal", str(demo_journal), "score").output
    assert "Diminishing returns" not in plain
