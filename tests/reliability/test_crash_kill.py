"""Writers killed with SIGKILL at random points never lose an acknowledged write.

After every kill the journal must open, and every write the writer had reported as
done must be there: adds, edits, and whole imports (never half of one).
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
from careercoach.journal.api import Draft, Journal

from .crash_harness import Ack, kill_at_random

ROUNDS = {"add": 120, "edit": 70, "import": 70}
DAY = dt.date(2026, 11, 20)


def cli_call(journal: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--journal", str(journal), *args])
    if result.exit_code != 0:
        raise RuntimeError(result.output)
    return result.output.strip()


@pytest.mark.slow
def test_killed_cli_add_loses_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    rng = random.Random(1)
    acknowledged: list[str] = []

    def writer(ack: Ack) -> None:
        for i in range(100_000):
            ack(cli_call(journal, "add", "note", f"crash test {i}", "-t", "crash"))

    for _ in range(ROUNDS["add"]):
        acknowledged += kill_at_random(writer, rng)
        present = {e.id for e in Journal(journal).entries()}
        assert set(acknowledged) <= present
    assert len(acknowledged) > ROUNDS["add"], "the writer barely ran: the test proved little"


@pytest.mark.slow
def test_killed_cli_edit_keeps_the_last_acknowledged_version(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    ids = [cli_call(journal, "add", "note", "version 0") for _ in range(5)]
    rng = random.Random(2)
    last_acked: dict[str, int] = dict.fromkeys(ids, 0)

    def writer(ack: Ack) -> None:
        while True:
            n = time.monotonic_ns()  # increases across successive children too
            target = ids[n // 1000 % len(ids)]
            cli_call(journal, "edit", target, "--title", f"version {n}")
            ack(f"{target} {n}")

    for _ in range(ROUNDS["edit"]):
        for line in kill_at_random(writer, rng):
            target, n = line.split()
            last_acked[target] = max(last_acked[target], int(n))
        for entry in Journal(journal).entries():
            assert int(entry.title.split()[1]) >= last_acked[entry.id]
    assert sum(last_acked.values()) > 0


@pytest.mark.slow
def test_killed_import_is_all_or_nothing(tmp_path: Path) -> None:
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

    def writer(ack: Ack) -> None:
        for index in rng.sample(range(len(backups)), len(backups)):
            cli_call(journal, "import", str(backups[index][0]))
            ack(str(index))

    for _ in range(ROUNDS["import"]):
        acknowledged |= {int(i) for i in kill_at_random(writer, rng, high=0.3)}
        present = {e.id for e in Journal(journal).entries()} if journal.exists() else set()
        for index, (_, ids) in enumerate(backups):
            overlap = ids & present
            assert overlap in (set(), ids), f"import {index} was half applied"
            if index in acknowledged:
                assert overlap == ids
    assert acknowledged
