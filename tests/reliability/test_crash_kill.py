"""Writers killed with SIGKILL at random points never lose an acknowledged change.

After every kill the journal must open, and every change the writer had reported as
done must be there: adds, edits, profile and plan changes, and whole imports (never
half of one). With the app's check-ins (test_crash_kill_tui.py), a full test run
delivers at least 500 kills.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal

from . import crash_harness
from .crash_harness import Ack, kill_at_random

ROUNDS = {"add": 160, "edit": 110, "profile": 110, "plan": 60, "import": 60}
DAY = dt.date(2026, 11, 20)


def cli_call(journal: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--journal", str(journal), *args])
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    return result.output.strip()


@pytest.fixture
def counted():
    """Check that the test delivered exactly its rounds of kills."""
    before = crash_harness.kills

    def delivered() -> int:
        return crash_harness.kills - before

    return delivered


def test_a_full_run_kills_at_least_500_writers() -> None:
    """Each test below checks it delivered its rounds; together they make 500."""
    from .test_crash_kill_tui import ROUNDS as APP_ROUNDS

    assert sum(ROUNDS.values()) + APP_ROUNDS >= 500


@pytest.mark.slow
def test_killed_cli_add_loses_nothing(tmp_path: Path, counted) -> None:
    journal = tmp_path / "journal.json"
    acknowledged = [cli_call(journal, "add", "note", "before the kills")]  # imports it all
    rng = random.Random(1)

    def writer(ack: Ack) -> None:
        for i in range(100_000):
            ack(cli_call(journal, "add", "note", f"crash test {i}", "-t", "crash"))

    for _ in range(ROUNDS["add"]):
        acknowledged += kill_at_random(writer, rng)
        present = {e.id for e in Journal(journal).entries()}
        assert set(acknowledged) <= present
    assert counted() == ROUNDS["add"]
    assert len(acknowledged) > ROUNDS["add"], "the writer barely ran: the test proved little"


@pytest.mark.slow
def test_killed_cli_edit_keeps_the_last_acknowledged_version(tmp_path: Path, counted) -> None:
    journal = tmp_path / "journal.json"
    ids = [cli_call(journal, "add", "note", "version 0") for _ in range(5)]
    rng = random.Random(2)
    last_acked: dict[str, int] = dict.fromkeys(ids, 0)

    def writer(ack: Ack) -> None:
        while True:
            n = time.monotonic_ns()  # increases across successive children too
            target = ids[n // 1000 % len(ids)]
            cli_call(journal, "edit", target, "--title", f"version {n}", "--add-tag", "edited")
            ack(f"{target} {n}")

    for _ in range(ROUNDS["edit"]):
        for line in kill_at_random(writer, rng):
            target, n = line.split()
            last_acked[target] = max(last_acked[target], int(n))
        for entry in Journal(journal).entries():
            assert int(entry.title.split()[1]) >= last_acked[entry.id]
    assert counted() == ROUNDS["edit"]
    assert sum(map(bool, last_acked.values())) > 1


@pytest.mark.slow
def test_killed_profile_set_keeps_every_acknowledged_field(tmp_path: Path, counted) -> None:
    journal = tmp_path / "journal.json"
    fields = ("name", "manager_name")
    cli_call(journal, "profile", "set", "name=0", "manager_name=0")
    rng = random.Random(5)
    last_acked = dict.fromkeys(fields, 0)

    def writer(ack: Ack) -> None:
        while True:
            n = time.monotonic_ns()
            field = fields[n // 1000 % 2]
            cli_call(journal, "profile", "set", f"{field}={n}")
            ack(f"{field} {n}")

    for _ in range(ROUNDS["profile"]):
        for line in kill_at_random(writer, rng):
            field, n = line.split()
            last_acked[field] = max(last_acked[field], int(n))
        stored = Journal(journal).profile()
        for field in fields:
            assert int(getattr(stored, field)) >= last_acked[field]
    assert counted() == ROUNDS["profile"]
    assert all(last_acked.values())


@pytest.mark.slow
def test_killed_plan_meeting_add_keeps_every_meeting_and_its_note(tmp_path: Path, counted) -> None:
    journal = tmp_path / "journal.json"
    cli_call(journal, "plan", "start", "--start", "2026-11-01", "--end", "2027-01-31")
    rng = random.Random(6)
    acknowledged: set[str] = set()

    def writer(ack: Ack) -> None:
        while True:
            note = f"meeting {time.monotonic_ns()}"
            cli_call(journal, "plan", "meeting", "add", note, "--date", "2026-11-20")
            ack(note)

    for _ in range(ROUNDS["plan"]):
        acknowledged |= set(kill_at_random(writer, rng))
        opened = Journal(journal)
        meetings = {m["note"] for m in (opened.plan() or {})["meetings"]}
        notes = [e for e in opened.entries() if e.subtype == "plan_meeting"]
        assert acknowledged <= meetings
        assert len(notes) == len(meetings), "a meeting without its note, or the reverse"
    assert counted() == ROUNDS["plan"]
    assert acknowledged


@pytest.mark.slow
def test_killed_import_is_all_or_nothing(tmp_path: Path, counted) -> None:
    journal = tmp_path / "journal.json"
    rng = random.Random(3)
    backups = []
    for i in range(40):
        source = Journal(tmp_path / f"source-{i}.json", rng=random.Random(i))
        source.add_many([Draft(DAY, "note", f"import {i} entry {k}") for k in range(25)])
        backup = tmp_path / f"backup-{i}.json"
        backup.write_text(json.dumps(source.snapshot()), encoding="utf-8")
        backups.append((backup, {e.id for e in source.entries()}))
    acknowledged: set[int] = set()
    cli_call(journal, "import", str(backups[0][0]))
    acknowledged.add(0)

    def writer(ack: Ack) -> None:
        for index in rng.sample(range(len(backups)), len(backups)):
            cli_call(journal, "import", str(backups[index][0]))
            ack(str(index))

    for _ in range(ROUNDS["import"]):
        acknowledged |= {int(i) for i in kill_at_random(writer, rng, acks=(0, 1), pause=0.05)}
        present = {e.id for e in Journal(journal).entries()}
        for index, (_, ids) in enumerate(backups):
            overlap = ids & present
            assert overlap in (set(), ids), f"import {index} was half applied"
            if index in acknowledged:
                assert overlap == ids
    assert counted() == ROUNDS["import"]
    assert len(acknowledged) > 1
