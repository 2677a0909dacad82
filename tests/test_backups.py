"""The backup history: ordered by when backups were really made, tiered, bounded."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal
from careercoach.journal.backups import (
    DAY,
    HOUR,
    Backup,
    BackupPolicy,
    find,
    list_backups,
    to_keep,
)
from careercoach.journal.storage import JournalStorage

START = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc).timestamp()
POLICY = BackupPolicy()


def synthetic(times: list[float], size: int = 1000) -> list[Backup]:
    """Backups made at `times` (in order), as `find` returns them: made last first."""
    made = [Backup(Path(f"b{i}"), i + 1, t, size, t) for i, t in enumerate(times)]
    return made[::-1]


def test_a_year_of_saves_every_ten_minutes_keeps_the_tiers() -> None:
    times = [START + i * 600 for i in range(int(400 * DAY / 600))]
    now = times[-1] + 60
    kept = to_keep(synthetic(times), now, POLICY)
    kept_times = [b.named_time for b in kept]
    assert kept_times[: POLICY.recent] == times[::-1][: POLICY.recent]
    ages = [now - t for t in kept_times]
    assert max(ages) < POLICY.weekly_for
    for hour in range(24):
        assert any(hour * HOUR <= a < (hour + 1) * HOUR for a in ages), hour
    for day in range(1, 31):
        assert any(day * DAY <= a < (day + 1) * DAY for a in ages), day
    for week in range(5, 52):
        assert any(week * 7 * DAY <= a < (week + 1) * 7 * DAY for a in ages), week
    assert len(kept) <= POLICY.recent + 24 + 31 + 53


def test_the_history_stays_within_its_size_budget() -> None:
    times = [START + i * DAY for i in range(300)]
    policy = BackupPolicy(max_total_bytes=50_000)
    kept = to_keep(synthetic(times, size=4_000), times[-1], policy)
    assert sum(b.size for b in kept) <= 50_000
    assert [b.named_time for b in kept] == times[::-1][: len(kept)]  # the oldest go first


def test_the_newest_saves_are_kept_even_beyond_the_budget() -> None:
    times = [START + i for i in range(10)]
    kept = to_keep(synthetic(times, size=10**9), times[-1], POLICY)
    assert len(kept) == POLICY.recent


def save(storage: JournalStorage, label: str) -> None:
    data = storage.read() or {}
    table = dict(data.get("entries", {}))
    number = str(len(table) + 1)
    table[number] = {
        "id": f"e{number:0>5}",
        "date": "2026-11-20",
        "kind": "note",
        "title": label,
    }
    storage.write({**data, "entries": table})


def titles(path: Path) -> list[str]:
    return [r["title"] for r in json.loads(path.read_text())["entries"].values()]


def test_every_save_keeps_the_version_it_replaces(journal_path: Path) -> None:
    storage = JournalStorage(journal_path, wall_clock=lambda: START)
    for i in range(8):
        save(storage, f"save {i}")
    backups = list_backups(journal_path)
    assert len(backups) == POLICY.recent
    assert titles(backups[0]) == [f"save {i}" for i in range(7)]  # lost on restore: one save


def plant(journal_path: Path, name: str, title: str) -> Path:
    """A backup file someone else put there (a copied folder, a wrong clock)."""
    folder = journal_path.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    storage = JournalStorage(journal_path.parent / "planted.json")
    save(storage, title)
    target = folder / name
    os.replace(storage.path, target)
    return target


@pytest.mark.parametrize(
    "name",
    [
        "journal-20991231T235959000000-abcd.json",  # named before numbering, far ahead
        "journal-000000001-20991231T235959000000-abcd.json",  # numbered, clock ahead
    ],
)
def test_a_backup_named_in_the_future_never_stops_backups_nor_wins_a_restore(
    journal_path: Path, name: str
) -> None:
    planted = plant(journal_path, name, "from the future")
    clock = iter(START + i * HOUR for i in range(100))
    storage = JournalStorage(journal_path, wall_clock=lambda: next(clock))
    for i in range(4):
        save(storage, f"save {i}")
    made = [b for b in find(journal_path) if b.path != planted]
    assert len(made) == 3  # the first save had nothing to keep
    assert list_backups(journal_path)[0] != planted
    journal_path.write_text("damaged")
    result = CliRunner().invoke(cli, ["--journal", str(journal_path), "doctor", "--restore"])
    assert result.exit_code == 0, result.output
    assert titles(journal_path) == ["save 0", "save 1", "save 2"]


def test_a_backup_named_in_the_future_is_thinned_out_like_any_other(journal_path: Path) -> None:
    planted = plant(journal_path, "journal-20991231T235959000000-abcd.json", "future")
    clock = iter(START + i * DAY for i in range(100))
    storage = JournalStorage(journal_path, wall_clock=lambda: next(clock))
    for i in range(POLICY.recent + 3):
        save(storage, f"save {i}")
    assert not planted.exists()


def test_backups_from_before_numbering_sort_by_when_their_content_was_written(
    journal_path: Path,
) -> None:
    older = plant(journal_path, "journal-20991231T000000000000-aaaa.json", "older")
    newer = plant(journal_path, "journal-20200101T000000000000-bbbb.json", "newer")
    os.utime(older, (START, START))
    os.utime(newer, (START + DAY, START + DAY))
    assert list_backups(journal_path) == [newer, older]
    Journal(journal_path).add(Draft(dt.date(2026, 11, 20), "note", "first"))
    Journal(journal_path).add(Draft(dt.date(2026, 11, 20), "note", "second"))
    assert list_backups(journal_path)[1:] == [newer, older]


def test_a_clock_that_jumps_back_still_makes_backups(journal_path: Path) -> None:
    moments = iter([START + 10 * DAY, START, START - 365 * DAY, START])
    storage = JournalStorage(journal_path, wall_clock=lambda: next(moments))
    for i in range(4):
        save(storage, f"save {i}")
    assert [len(titles(p)) for p in list_backups(journal_path)] == [3, 2, 1]


def test_a_nine_digit_sequence_does_not_hide_the_backups_after_it(journal_path: Path) -> None:
    """Past 999999999 the number grows a digit: those backups still sort after it
    (by number, not by name), are thinned out and are what a restore picks."""
    last_nine = plant(journal_path, "journal-999999999-20200101T000000000000-abcd.json", "old")
    clock = iter(START + i * DAY for i in range(100))
    storage = JournalStorage(journal_path, wall_clock=lambda: next(clock))
    for i in range(POLICY.recent + 4):
        save(storage, f"save {i}")
    backups = find(journal_path)
    assert [b.seq for b in backups[:3]] == [1_000_000_007, 1_000_000_006, 1_000_000_005]
    assert not last_nine.exists()  # thinned out like any other
    assert len(backups) < POLICY.recent + 4  # and so are the ten-digit ones
    journal_path.write_text("damaged")
    result = CliRunner().invoke(cli, ["--journal", str(journal_path), "doctor", "--restore"])
    assert result.exit_code == 0, result.output
    assert titles(journal_path) == [f"save {i}" for i in range(POLICY.recent + 3)]
