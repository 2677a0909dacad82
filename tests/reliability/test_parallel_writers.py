"""Writers started at the same instant: every change lands, counts come out exact.

Each command below reads the record and writes it back; run together, any of them
that read outside the lock would save over the others' changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal

from .parallel_writers import run_together

WRITERS = 8
DAY = dt.date(2026, 11, 20)


@pytest.fixture
def journal(tmp_path: Path) -> Journal:
    return Journal(tmp_path / "journal.json")


def assert_all_succeeded(results) -> None:
    for result in results:
        assert result.returncode == 0, (result.args, result.stderr)


def test_edit_add_tag_at_once_keeps_every_tag(journal: Journal) -> None:
    entry = journal.add(Draft(dt.date(2026, 11, 20), "note", "shared entry", tags=("start",)))
    tags = [f"t{i}" for i in range(WRITERS)]
    results = run_together(journal.path, [["edit", entry.id, "--add-tag", t] for t in tags])
    assert_all_succeeded(results)
    assert sorted(journal.get(entry.id).tags) == sorted(["start", *tags])


def test_edit_different_fields_at_once_keeps_every_field(journal: Journal) -> None:
    entry = journal.add(Draft(dt.date(2026, 11, 20), "japanese", "study", tags=("a", "b")))
    commands = [
        ["edit", entry.id, "--title", "new title"],
        ["edit", entry.id, "--note", "new note"],
        ["edit", entry.id, "--remove-tag", "a"],
        ["edit", entry.id, "--add-tag", "c"],
        ["edit", entry.id, "--type", "jlpt", "--detail", "level=N2"],
        ["edit", entry.id, "--date", "2026-11-01"],
    ]
    assert_all_succeeded(run_together(journal.path, commands))
    result = journal.get(entry.id)
    assert (result.title, result.notes, result.date) == (
        "new title",
        "new note",
        dt.date(2026, 11, 1),
    )
    assert sorted(result.tags) == ["b", "c"]
    assert dict(result.details) == {"type": "jlpt", "level": "N2"}


def test_profile_set_at_once_keeps_every_field(journal: Journal) -> None:
    pairs = [
        "name=Aiko",
        "company_type=japanese",
        "target_role=manager",
        "start_date=2020-04-01",
        "jlpt_level=N2",
        "next_evaluation=2027-03-31",
        "manager_name=Tanaka",
        "script_language=ja",
    ]
    assert_all_succeeded(run_together(journal.path, [["profile", "set", p] for p in pairs]))
    stored = journal.profile().to_dict()
    assert {p.split("=")[0]: stored[p.split("=")[0]] for p in pairs} == dict(
        p.split("=") for p in pairs
    )


def test_add_at_once_keeps_every_entry(journal: Journal) -> None:
    results = run_together(journal.path, [["add", "note", f"entry {i}"] for i in range(WRITERS)])
    assert_all_succeeded(results)
    assert sorted(e.title for e in journal.entries()) == [f"entry {i}" for i in range(WRITERS)]
    assert {r.stdout.strip() for r in results} == {e.id for e in journal.entries()}


# -- the improvement plan: every subcommand that changes it, several at once -----------

SIGNS = [
    "goals_clear",
    "regular_checkins",
    "support_offered",
    "skill_based",
    "hr_engaged",
    "goals_vague",
]
DOCUMENTS = [
    "contract",
    "company_rules",
    "emails_instructions",
    "timesheets",
    "reviews_plan_docs",
    "other_role_docs",
]


def started_plan(journal: Journal, goals: int = 0) -> None:
    commands = [["plan", "start", "--start", "2026-11-01", "--end", "2027-01-31"]]
    commands += [["plan", "goal", "add", f"goal {i}"] for i in range(goals)]
    for command in commands:
        result = CliRunner().invoke(cli, ["--journal", str(journal.path), *command])
        assert result.exit_code == 0, result.output


def plan(journal: Journal) -> dict:
    record = journal.plan()
    assert record is not None
    return record


def test_plan_goal_add_at_once_keeps_every_goal(journal: Journal) -> None:
    started_plan(journal)
    texts = [f"goal {i}" for i in range(WRITERS)]
    assert_all_succeeded(run_together(journal.path, [["plan", "goal", "add", t] for t in texts]))
    assert sorted(g["text"] for g in plan(journal)["goals"]) == texts


def test_plan_goal_met_at_once_marks_every_goal_and_logs_every_note(journal: Journal) -> None:
    started_plan(journal, goals=6)
    numbers = [str(n) for n in range(1, 7)]
    assert_all_succeeded(run_together(journal.path, [["plan", "goal", "met", n] for n in numbers]))
    assert [g["status"] for g in plan(journal)["goals"]] == ["met"] * 6
    notes = [e for e in journal.entries() if e.subtype == "plan_goal_met"]
    assert len(notes) == 6


def test_plan_meeting_add_at_once_keeps_every_meeting_and_note(journal: Journal) -> None:
    started_plan(journal)
    notes = [f"meeting {i}" for i in range(6)]
    assert_all_succeeded(run_together(journal.path, [["plan", "meeting", "add", n] for n in notes]))
    assert sorted(m["note"] for m in plan(journal)["meetings"]) == notes
    assert len([e for e in journal.entries() if e.subtype == "plan_meeting"]) == 6


def test_plan_sign_at_once_keeps_every_answer(journal: Journal) -> None:
    started_plan(journal)
    assert_all_succeeded(run_together(journal.path, [["plan", "sign", s, "yes"] for s in SIGNS]))
    assert plan(journal)["answers"] == dict.fromkeys(SIGNS, "yes")


def test_plan_doc_at_once_ticks_every_document(journal: Journal) -> None:
    started_plan(journal)
    assert_all_succeeded(run_together(journal.path, [["plan", "doc", d] for d in DOCUMENTS]))
    assert sorted(plan(journal)["documents_done"]) == sorted(DOCUMENTS)


def test_plan_support_and_dates_at_once_keep_every_change(journal: Journal) -> None:
    started_plan(journal)
    commands = [
        ["plan", "support", "--training"],
        ["plan", "support", "--coaching"],
        ["plan", "support", "--language-support"],
        ["plan", "support", "--transfer-discussed"],
        ["plan", "dates", "--offer", "2026-12-01"],
        ["plan", "dates", "--employment-end", "2027-03-31"],
    ]
    assert_all_succeeded(run_together(journal.path, commands))
    record = plan(journal)
    assert all(record["support"].values()), record["support"]
    assert (record["offer_date"], record["employment_end"]) == ("2026-12-01", "2027-03-31")


def shell(journal: Journal, commands: list[list[str]]) -> None:
    """Set the scene one command at a time."""
    for command in commands:
        result = CliRunner().invoke(cli, ["--journal", str(journal.path), *command])
        assert result.exit_code == 0, result.output


def test_plan_goal_edit_at_once_keeps_every_edit(journal: Journal) -> None:
    started_plan(journal, goals=6)
    commands = [["plan", "goal", "edit", str(n), "--text", f"edited {n}"] for n in range(1, 7)]
    assert_all_succeeded(run_together(journal.path, commands))
    assert [g["text"] for g in plan(journal)["goals"]] == [f"edited {n}" for n in range(1, 7)]


def test_plan_goal_delete_at_once_deletes_exactly_that_many(journal: Journal) -> None:
    """Each deletes the goal first at that moment: three deletes of goal 1, three gone."""
    started_plan(journal, goals=6)
    assert_all_succeeded(run_together(journal.path, [["plan", "goal", "delete", "1"]] * 3))
    assert [g["text"] for g in plan(journal)["goals"]] == ["goal 3", "goal 4", "goal 5"]


def test_plan_goal_missed_at_once_marks_every_goal(journal: Journal) -> None:
    started_plan(journal, goals=6)
    commands = [["plan", "goal", "missed", str(n)] for n in range(1, 7)]
    assert_all_succeeded(run_together(journal.path, commands))
    assert [g["status"] for g in plan(journal)["goals"]] == ["not_met"] * 6


def test_plan_goal_reopen_at_once_reopens_every_goal(journal: Journal) -> None:
    started_plan(journal, goals=6)
    shell(journal, [["plan", "goal", "missed", str(n)] for n in range(1, 7)])
    commands = [["plan", "goal", "reopen", str(n)] for n in range(1, 7)]
    assert_all_succeeded(run_together(journal.path, commands))
    assert [g["status"] for g in plan(journal)["goals"]] == ["open"] * 6


def started_meetings(journal: Journal) -> None:
    started_plan(journal)
    days = [f"2026-11-0{n}" for n in range(1, 7)]
    shell(journal, [["plan", "meeting", "add", f"meeting on {d}", "--date", d] for d in days])


def test_plan_meeting_edit_at_once_keeps_every_edit_and_note(journal: Journal) -> None:
    started_meetings(journal)
    commands = [["plan", "meeting", "edit", str(n), "--note", f"edited {n}"] for n in range(1, 7)]
    assert_all_succeeded(run_together(journal.path, commands))
    edited = [f"edited {n}" for n in range(1, 7)]
    assert [m["note"] for m in plan(journal)["meetings"]] == edited
    notes = [e for e in journal.entries() if e.subtype == "plan_meeting"]
    assert len(notes) == 6
    assert sorted(e.title for e in notes) == [f"Plan check-in: {text}" for text in edited]


def test_plan_meeting_delete_at_once_deletes_exactly_that_many(journal: Journal) -> None:
    """Three deletes of the first meeting: the three earliest go, with their notes."""
    started_meetings(journal)
    assert_all_succeeded(run_together(journal.path, [["plan", "meeting", "delete", "1"]] * 3))
    kept = [f"meeting on 2026-11-0{n}" for n in (4, 5, 6)]
    assert [m["note"] for m in plan(journal)["meetings"]] == kept
    notes = [e for e in journal.entries() if e.subtype == "plan_meeting"]
    assert sorted(e.title for e in notes) == [f"Plan check-in: {text}" for text in kept]
