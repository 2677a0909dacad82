"""Writers started at the same instant: every change lands, counts come out exact.

Each command below reads the record and writes it back; run together, any of them
that read outside the lock would save over the others' changes.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

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
