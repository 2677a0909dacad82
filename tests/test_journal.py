"""The journal API, and the two promises that matter most: no lost or torn writes."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careercoach.demo import write_demo
from careercoach.errors import JournalError, JournalLockedError, NotFoundError, ValidationError
from careercoach.journal.api import Draft, Journal, filter_entries
from careercoach.journal.backups import BackupPolicy, list_backups
from careercoach.journal.storage import JournalStorage
from careercoach.model import Profile
from careercoach.plan import PlanRecord

DAY = dt.date(2026, 11, 20)

# A child that adds entries forever and reports each id once `add` has returned.
WRITER = """
import datetime as dt, sys
from careercoach.journal.api import Draft, Journal
journal = Journal(sys.argv[1])
limit = int(sys.argv[2])
for i in range(limit):
    entry = journal.add(Draft(dt.date(2026, 11, 20), "note", f"{sys.argv[3]} {i}"))
    sys.stdout.write(entry.id + "\\n")
    sys.stdout.flush()
"""


def test_add_get_update_delete(journal: Journal) -> None:
    added = journal.add(
        Draft(
            DAY,
            "japanese",
            "JLPT N2 passed",
            tags=("JLPT",),
            details={"type": "jlpt", "level": "N2", "passed": True},
        )
    )
    assert len(added.id) == 6
    assert added.created == "2026-11-20T09:00:00+00:00"
    assert journal.get(added.id.upper()) == added
    changed = journal.update(added.id, title="JLPT N2: passed!", tags=["jlpt", "milestone"])
    assert journal.get(added.id).title == "JLPT N2: passed!"
    assert changed.tags == ("jlpt", "milestone")
    assert changed.created == added.created
    journal.delete(added.id)
    with pytest.raises(NotFoundError, match="careercoach list"):
        journal.get(added.id)


def test_invalid_update_changes_nothing(journal: Journal, journal_path: Path) -> None:
    added = journal.add(Draft(DAY, "note", "keep me"))
    before = journal_path.read_bytes()
    with pytest.raises(ValidationError):
        journal.update(added.id, title="")
    assert journal_path.read_bytes() == before


def test_add_many_is_all_or_nothing(journal: Journal) -> None:
    journal.add(Draft(DAY, "note", "existing"))
    with pytest.raises(ValidationError):
        journal.add_many([Draft(DAY, "note", "fine"), Draft(DAY, "note", "")])
    assert [e.title for e in journal.entries()] == ["existing"]


def test_entries_are_newest_first(journal: Journal) -> None:
    for offset in (3, 1, 2):
        journal.add(Draft(DAY - dt.timedelta(days=offset), "note", f"{offset} days ago"))
    assert [e.title for e in journal.entries()] == ["1 days ago", "2 days ago", "3 days ago"]


def test_unordered_entries_are_the_same_entries_in_the_order_added(journal: Journal) -> None:
    """Scoring reads them unsorted; the journal list and lookups still see the order."""
    for offset in (3, 1, 2):
        journal.add(Draft(DAY - dt.timedelta(days=offset), "note", f"{offset} days ago"))
    gone = journal.add(Draft(DAY, "note", "deleted later"))
    journal.delete(gone.id)
    unordered = journal.unordered_entries()
    assert [e.title for e in unordered] == ["3 days ago", "1 days ago", "2 days ago"]
    assert sorted(unordered, key=lambda e: e.id) == sorted(journal.entries(), key=lambda e: e.id)
    assert journal.count() == 3
    assert journal.get(unordered[0].id) == unordered[0]


def test_a_plain_read_and_a_read_inside_a_write_see_the_same_journal(journal_path: Path) -> None:
    """Outside a write the file is decoded straight into entries; inside one it goes
    through the storage's raw documents. Both must give the very same journal."""
    write_demo(journal_path, DAY, entries=600, seed=3)
    Journal(journal_path).save_plan(
        {"start": "2026-11-01", "end": "2027-01-31", "goals": [{"text": "ship"}]}
    )
    plain = Journal(journal_path)
    seen_plainly = (
        plain.entries(),
        plain.unordered_entries(),
        plain.profile(),
        plain.plan(),
        plain.count(),
    )
    careful = Journal(journal_path)
    with careful.transaction():
        seen_in_a_write = (
            careful.entries(),
            careful.unordered_entries(),
            careful.profile(),
            careful.plan(),
            careful.count(),
        )
    assert seen_plainly == seen_in_a_write
    assert len(seen_plainly[0]) == 600 and seen_plainly[2].name
    assert plain.get(seen_plainly[0][123].id) == seen_in_a_write[0][123]


def test_saving_the_profile_or_the_plan_is_one_write(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record replaced in two writes (clear, then insert) is lost by a crash between."""
    journal.save_profile(Profile(name="Alex"))
    journal.save_plan({"start": "2026-11-01", "end": "2027-01-31"})
    writes = []
    original = JournalStorage.write
    monkeypatch.setattr(
        JournalStorage, "write", lambda self, data: (writes.append(1), original(self, data))[1]
    )
    journal.save_profile(Profile(name="Sam"))
    journal.save_plan({"start": "2026-12-01", "end": "2027-01-31"})
    journal.save_plan(None)
    assert len(writes) == 3
    assert journal.profile().name == "Sam" and journal.plan() is None


def test_ids_are_unique(journal_path: Path) -> None:
    journal = Journal(journal_path, rng=random.Random(1))
    made = journal.add_many([Draft(DAY, "note", f"n{i}") for i in range(2000)])
    assert len({e.id for e in made}) == 2000


def test_profile_and_plan_round_trip(journal: Journal, journal_path: Path) -> None:
    assert journal.profile() == Profile()
    profile = Profile(name="Alex", jlpt_level="N2", start_date=dt.date(2023, 4, 1))
    journal.save_profile(profile)
    journal.save_plan({"start": "2026-11-01", "end": "2027-01-31", "goals": []})
    reopened = Journal(journal_path)
    assert reopened.profile() == profile
    assert reopened.plan() == {"start": "2026-11-01", "end": "2027-01-31", "goals": []}
    reopened.save_plan(None)
    assert Journal(journal_path).plan() is None


def test_filter_entries(journal: Journal) -> None:
    journal.add(Draft(DAY, "team_event", "Lunch with sales", tags=("team",)))
    journal.add(Draft(DAY - dt.timedelta(days=10), "note", "Old note", notes="about LUNCH"))
    journal.add(Draft(DAY, "bridge", "Translated the report"))
    entries = journal.entries()
    assert [e.title for e in filter_entries(entries, kind="bridge")] == ["Translated the report"]
    assert len(filter_entries(entries, text="lunch")) == 2
    assert [e.title for e in filter_entries(entries, tag="#Team")] == ["Lunch with sales"]
    assert len(filter_entries(entries, since=DAY)) == 2
    assert [e.title for e in filter_entries(entries, until=DAY - dt.timedelta(days=1))] == [
        "Old note"
    ]


def test_merge_is_idempotent(journal: Journal, journal_path: Path) -> None:
    source = Journal(journal_path.with_name("other.json"))
    source.add_many([Draft(DAY, "note", f"n{i}") for i in range(3)])
    incoming = source.entries()
    first = journal.merge(incoming)
    second = journal.merge(incoming)
    assert len(first.added) == 3
    assert second.added == () and second.updated == ()
    assert len(second.unchanged) == 3
    assert sorted(e.id for e in journal.entries()) == sorted(e.id for e in incoming)


def test_merge_dry_run_writes_nothing(journal: Journal, journal_path: Path) -> None:
    journal.add(Draft(DAY, "note", "mine"))
    before = journal_path.read_bytes()
    other = Journal(journal_path.with_name("other.json"))
    other.add(Draft(DAY, "note", "theirs"))
    report = journal.merge(other.entries(), dry_run=True)
    assert len(report.added) == 1
    assert journal_path.read_bytes() == before


def test_lock_timeout_is_a_clear_error(journal_path: Path) -> None:
    holder = Journal(journal_path)
    waiter = Journal(journal_path, lock_timeout=0.2)
    with holder.transaction(), pytest.raises(JournalLockedError, match="another careercoach"):
        waiter.add(Draft(DAY, "note", "blocked"))


def _writer(path: Path, limit: int, label: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), str(limit), label],
        stdout=subprocess.PIPE,
        text=True,
    )


def test_two_processes_lose_nothing(journal_path: Path) -> None:
    writers = [_writer(journal_path, 200, label) for label in ("a", "b")]
    ids = []
    for writer in writers:
        out, _ = writer.communicate(timeout=120)
        assert writer.returncode == 0
        ids += out.split()
    entries = Journal(journal_path).entries()
    assert len(ids) == 400
    assert sorted(e.id for e in entries) == sorted(ids)


def kill_writer_at_random(path: Path, rng: random.Random) -> list[str]:
    """Start a writer, SIGKILL it a random moment after its first acknowledged add
    (however long a loaded machine takes to start it), return the ids it acknowledged."""
    writer = _writer(path, 10_000, "crash")
    assert writer.stdout is not None
    first = writer.stdout.readline()
    time.sleep(rng.uniform(0, 0.2))
    writer.send_signal(signal.SIGKILL)
    out, _ = writer.communicate()
    return (first + out).split()


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_entry(journal_path: Path) -> None:
    rng = random.Random(20261120)
    acknowledged: list[str] = []
    for _ in range(int(os.environ.get("CAREERCOACH_CRASH_ROUNDS", "12"))):
        acknowledged += kill_writer_at_random(journal_path, rng)
        present = {e.id for e in Journal(journal_path).entries()}
        missing = set(acknowledged) - present
        assert not missing, f"lost {len(missing)} acknowledged entries"
    assert acknowledged, "the writer never got to write: the test proved nothing"
    # all within the hour: the last saves only, plus one when a kill fell between
    # making a backup and thinning the history (the next save thins it)
    assert len(list_backups(journal_path)) <= BackupPolicy().recent + 1


def test_threads_sharing_a_journal_lose_nothing(journal: Journal) -> None:
    import threading

    def add_many(label: str) -> None:
        for i in range(60):
            journal.add(Draft(DAY, "note", f"{label} {i}"))

    threads = [threading.Thread(target=add_many, args=(name,)) for name in ("a", "b")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(journal.entries()) == 120


def test_transactions_nest_within_a_thread(journal: Journal) -> None:
    with journal.transaction(), journal.transaction():
        journal.add(Draft(DAY, "note", "inside two transactions"))
    assert len(journal.entries()) == 1


# -- the plan record inside the journal (issue #17) -------------------------------------

PLAN = {
    "start": "2026-11-01",
    "end": "2027-01-31",
    "goals": [{"text": "Ship the report", "status": "met", "met_on": "2026-12-01"}],
    "meetings": [{"date": "2026-11-15", "note": "agreed the goals"}],
    "support": {"coaching": True},
    "answers": {"goals_clear": "yes"},
    "documents_done": ["contract"],
}
PLAN_DAMAGE = [
    {"start": "soon"},
    {"start": "2026-02-30"},
    {"end": "2026-10-01"},
    {"end": "2030-01-01"},
    {"start": "1800-01-01"},
    {"version": 2},
    {"mood": "fine"},
    {"goals": "all"},
    {"goals": [{"text": "x", "status": "done"}]},
    {"goals": [{"text": "  "}]},
    {"goals": [{"text": "a\nb"}]},
    {"goals": [{"text": "x" * 501}]},
    {"goals": [{"text": "x", "status": "met"}]},
    {"goals": [{"text": "x", "met_on": "2026-12-01"}]},
    {"goals": [{"text": "x", "agreed": "yes"}]},
    {"goals": [{"text": "x"}] * 51},
    {"meetings": [{"note": "x"}]},
    {"meetings": [{"date": "2026-11-15", "note": "x" * 5001}]},
    {"support": {"massage": True}},
    {"support": {"coaching": 1}},
    {"answers": {"goals_clear": "maybe"}},
    {"answers": []},
    {"documents_done": ["a", "a"]},
    {"documents_done": [1]},
    {"offer_date": "tomorrow"},
]


@pytest.mark.parametrize("change", PLAN_DAMAGE, ids=repr)
def test_the_journal_refuses_every_plan_record_the_plan_reader_refuses(
    change: dict, journal_path: Path
) -> None:
    """The journal may not import the plan package: its own check must agree with it."""
    record = {**PLAN, **change}
    with pytest.raises(ValidationError, match="^improvement plan record: "):
        PlanRecord.from_dict(record)
    raw = json.loads(sound_journal_bytes(journal_path))
    raw["plan"] = {"1": record}
    journal_path.write_text(json.dumps(raw), encoding="utf-8")
    with pytest.raises(JournalError, match="the plan record is damaged .*doctor"):
        Journal(journal_path).entries()
    with pytest.raises(ValidationError, match="^improvement plan record: "):
        Journal(journal_path.with_name("other.json")).save_plan(record)


def test_a_sound_plan_record_passes_both_checks(journal_path: Path) -> None:
    PlanRecord.from_dict(PLAN)
    Journal(journal_path).save_plan(PLAN)
    assert Journal(journal_path).plan() == PLAN


def sound_journal_bytes(path: Path) -> bytes:
    Journal(path).add(Draft(dt.date(2026, 11, 20), "note", "one"))
    return path.read_bytes()
