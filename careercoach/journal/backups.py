"""The journal's backup history: which backups exist, in what order, and which to keep.

Every save first keeps the version it replaces (a hard link: no copy, no cost). A
backup's name carries a sequence number, one more than the highest in the folder,
taken under the journal's lock: that number, not the clock, says which backup was
made last, so a backup named with a wrong time (a clock that was once off, a copied
folder) can neither stop new backups nor win a restore over a newer one.

What is kept is tiered: the last few saves, then one an hour for a day, one a day
for a month and one a week for a year, within a total size; older ones go.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import msgspec

from careercoach import paths
from careercoach.journal.private_file import random_hex

HOUR = 3600.0
DAY = 24 * HOUR
_STAMP = "%Y%m%dT%H%M%S%f"
# journal-000000042-20261120T090000000000-ab12.json (at least nine digits: past
# 999999999 the number grows one); older versions wrote no number
_NAME = re.compile(r"^(?:(?P<seq>\d{9,})-)?(?P<stamp>\d{8}T\d{12})-[0-9a-f]+$")


class BackupPolicy(msgspec.Struct, frozen=True):
    """How much history to keep (the defaults suit a journal of any size)."""

    recent: int = 5  # the last saves, whatever their age
    hourly_for: float = DAY
    daily_for: float = 31 * DAY
    weekly_for: float = 365 * DAY
    max_total_bytes: int = 100 * 1024 * 1024  # the `recent` ones are kept even beyond it


class Backup(msgspec.Struct, frozen=True):
    path: Path
    seq: int  # 0 for backups named before sequence numbers
    named_time: float  # seconds since the epoch, as the name says
    size: int
    mtime: float


def _parse(path: Path, prefix: str) -> Backup | None:
    if not path.name.startswith(prefix) or path.suffix != ".json":
        return None
    found = _NAME.match(path.stem[len(prefix) :])
    if found is None:
        return None
    try:
        moment = dt.datetime.strptime(found["stamp"], _STAMP).replace(tzinfo=dt.timezone.utc)
        info = path.lstat()
    except (ValueError, OSError):
        return None
    return Backup(path, int(found["seq"] or 0), moment.timestamp(), info.st_size, info.st_mtime)


def list_backups(journal: Path) -> list[Path]:
    """Backups of `journal`, the one made last first."""
    return [b.path for b in find(journal)]


def find(journal: Path) -> list[Backup]:
    """Backups of `journal`, the one made last first.

    Numbered backups by number; those from before numbering after them all, by the
    time their content was written (the file's mtime) rather than by their name.
    """
    folder = paths.backup_dir(journal)
    prefix = journal.stem + "-"
    try:
        found = [b for p in folder.iterdir() if (b := _parse(p, prefix)) is not None]
    except OSError:
        return []
    return sorted(found, key=lambda b: (b.seq, b.mtime if not b.seq else 0.0), reverse=True)


def to_keep(backups: list[Backup], now: float, policy: BackupPolicy) -> list[Backup]:
    """The backups the policy keeps, newest first (`backups` made-last first)."""
    kept: list[Backup] = []
    buckets: set[tuple[str, int]] = set()
    tiers = (("hour", HOUR, policy.hourly_for), ("day", DAY, policy.daily_for))
    tiers += (("week", 7 * DAY, policy.weekly_for),)
    for index, backup in enumerate(backups):
        moment = min(backup.named_time, now)  # a name from a clock that ran ahead: now
        age = now - moment
        keep = index < policy.recent
        for name, width, span in tiers:
            bucket = (name, int(moment // width))
            if age < span and bucket not in buckets:
                buckets.add(bucket)
                keep = True
        if keep:
            kept.append(backup)
    total = sum(b.size for b in kept)
    while len(kept) > policy.recent and total > policy.max_total_bytes:
        total -= kept.pop().size
    return kept


def make(journal: Path, now: float, policy: BackupPolicy) -> None:
    """Keep the current journal as the newest backup, then thin out the history.

    Called under the journal's lock, just before a save replaces the file.
    """
    if not journal.exists():
        return
    existing = find(journal)
    seq = max((b.seq for b in existing), default=0) + 1
    folder = paths.backup_dir(journal)
    paths.make_private_dir(folder)
    stamp = dt.datetime.fromtimestamp(now, dt.timezone.utc).strftime(_STAMP)
    target = folder / f"{journal.stem}-{seq:09d}-{stamp}-{random_hex(2)}.json"
    try:
        os.link(journal, target)
    except OSError:
        shutil.copy2(journal, target)
        os.chmod(target, 0o600)
    prune(journal, now, policy)


def prune(journal: Path, now: float, policy: BackupPolicy) -> None:
    backups = find(journal)
    kept = {b.path for b in to_keep(backups, now, policy)}
    for backup in backups:
        if backup.path not in kept:
            backup.path.unlink(missing_ok=True)
