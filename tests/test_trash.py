"""Deleted entries wait in the trash for 30 days: out of every read, restorable by id."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from careercoach.errors import NotFoundError, ValidationError
from careercoach.journal import TRASH_DAYS, Draft, Journal

DAY = dt.date(2026, 11, 20)
START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc)


class Clock:
    """A clock the test moves forward."""

    def __init__(self) -> None:
        self.moment = START

    def __call__(self) -> dt.datetime:
        return self.moment


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def journal(journal_path: Path, clock: Clock) -> Journal:
    return Journal(journal_path, now=clock)


def test_deleted_entry_leaves_every_read_and_waits_in_the_trash(journal: Journal) -> None:
    kept = journal.add(Draft(DAY, "note", "kept"))
    gone = journal.add(Draft(DAY, "note", "gone", tags=("x",)))
    journal.delete(gone.id)
    assert [e.id for e in journal.entries()] == [kept.id]
    assert journal.count() == 1
    assert [e["id"] for e in journal.snapshot()["entries"]] == [kept.id]
    [deleted] = journal.trash()
    assert deleted.entry == gone
    assert deleted.deleted == START


def test_restore_puts_the_entry_back_as_it_was(journal: Journal) -> None:
    gone = journal.add(Draft(DAY, "note", "gone", notes="long notes", tags=("x",)))
    journal.delete(gone.id)
    restored = journal.restore_deleted(gone.id.upper())
    assert restored == gone
    assert journal.get(gone.id) == gone
    assert journal.trash() == []


def test_trash_forgets_entries_after_thirty_days(journal: Journal, clock: Clock) -> None:
    old = journal.add(Draft(DAY, "note", "old"))
    journal.delete(old.id)
    clock.moment = START + dt.timedelta(days=TRASH_DAYS, seconds=1)
    assert journal.trash() == []
    with pytest.raises(NotFoundError, match="30 days"):
        journal.restore_deleted(old.id)
    newer = journal.add(Draft(DAY, "note", "newer"))
    journal.delete(newer.id)  # the next delete drops the expired record from the file
    assert [d.entry.id for d in journal.trash()] == [newer.id]


def test_restore_refuses_an_id_taken_again(journal: Journal) -> None:
    gone = journal.add(Draft(DAY, "note", "gone"))
    journal.delete(gone.id)
    journal.merge([gone])  # an import brought the same entry back meanwhile
    with pytest.raises(ValidationError, match="already in the journal"):
        journal.restore_deleted(gone.id)


def test_restore_of_unknown_id_says_so(journal: Journal) -> None:
    with pytest.raises(NotFoundError, match="no deleted entry"):
        journal.restore_deleted("zzzzzz")


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    from click.testing import CliRunner

    from careercoach.cli import cli

    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-20")

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--journal", str(journal_path), *args])

    return invoke


def test_cli_delete_then_restore(run) -> None:
    entry_id = run("add", "note", "[bold]oops[/]").output.strip()
    deleted = run("delete", entry_id, "--yes")
    assert f"careercoach restore {entry_id}" in deleted.output
    listed = run("restore")
    assert listed.exit_code == 0 and entry_id in listed.output and "[bold]oops[/]" in listed.output
    [record] = json.loads(run("restore", "--json").output)
    assert record["entry"]["id"] == entry_id
    restored = run("restore", entry_id)
    assert restored.exit_code == 0 and f"restored {entry_id}" in restored.output
    assert [e["id"] for e in json.loads(run("list", "--json").output)] == [entry_id]
    assert "Nothing deleted" in run("restore").output


def test_cli_restore_unknown_id_is_one_line_and_exit_2(run) -> None:
    result = run("restore", "zzzzzz")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "no deleted entry" in result.output
