"""Health check and backup restore for a journal file.

A damaged journal is never overwritten in place: restoring first moves it aside
(`journal.json.damaged-<time>`) so nothing the user had is lost, even by us.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import msgspec

from careercoach import paths
from careercoach.errors import JournalError
from careercoach.journal.api import ENTRIES, Journal
from careercoach.journal.backups import list_backups
from careercoach.journal.private_file import check_regular_file, random_hex, write_private_file
from careercoach.journal.storage import read_journal_file


class BackupInfo(msgspec.Struct):
    path: Path
    ok: bool
    entries: int
    problem: str = ""


class Report(msgspec.Struct):
    journal: Path
    status: str  # "ok" | "missing" | "damaged" | "unusable" (no journal can be kept there,
    # or a folder or link is in its place)
    problem: str = ""
    entries: int = 0
    schema: int | None = None
    warnings: list[str] = msgspec.field(default_factory=list)
    backups: list[BackupInfo] = msgspec.field(default_factory=list)

    @property
    def healthy(self) -> bool:
        return self.status in ("ok", "missing") and not self.warnings

    def to_dict(self) -> dict:
        return {
            "journal": str(self.journal),
            "status": self.status,
            "problem": self.problem,
            "entries": self.entries,
            "schema": self.schema,
            "warnings": self.warnings,
            "backups": [
                {"path": str(b.path), "ok": b.ok, "entries": b.entries, "problem": b.problem}
                for b in self.backups
            ],
        }


def inspect_backup(path: Path) -> BackupInfo:
    try:
        data, _, _ = read_journal_file(path)
    except JournalError as exc:
        return BackupInfo(path, False, 0, str(exc))
    return BackupInfo(path, True, len(data.get(ENTRIES, {})))


def examine(journal: Path) -> Report:
    """Look at the journal, its folder and its backups without changing anything."""
    report = Report(journal=journal, status="missing")
    unusable = folder_problem(journal.parent)
    if unusable:
        report.status, report.problem = "unusable", unusable
        return report
    try:
        check_regular_file(journal)
    except JournalError as exc:  # a folder or a link in the journal's place: no text to repair
        report.status, report.problem = "unusable", str(exc)
    else:
        try:
            data, version, _ = read_journal_file(journal) if journal.exists() else ({}, None, None)
            if version is not None:
                report.status, report.schema = "ok", version
                report.entries = len(data.get(ENTRIES, {}))
        except JournalError as exc:
            report.status, report.problem = "damaged", str(exc)
    if journal.is_file() and not journal.is_symlink():
        mode = stat.S_IMODE(journal.stat().st_mode)
        if mode & 0o077:
            report.warnings.append(f"{journal} is readable by others (mode {mode:o}); expected 600")
    leftovers = (
        list(journal.parent.glob(paths.temp_prefix(journal) + "*"))
        if journal.parent.is_dir()
        else []
    )
    if leftovers:
        report.warnings.append(
            f"{len(leftovers)} leftover temp file(s) from an interrupted save; "
            "they are removed on the next save"
        )
    report.backups = [inspect_backup(p) for p in list_backups(journal)]
    return report


def folder_problem(folder: Path) -> str:
    """Why no journal can be kept in `folder`, or "" when one can (or could be created)."""
    existing = folder
    while not (existing.exists() or existing.is_symlink()) and existing.parent != existing:
        existing = existing.parent
    if not existing.is_dir():
        return f"{existing} is a file where a folder should be: no journal can be kept in {folder}"
    if not os.access(existing, os.W_OK | os.X_OK):
        return f"no permission to write in {existing}"
    return ""


def restore(journal: Journal, backup: Path | None = None) -> Path:
    """Put the named backup (default: the newest good one) in place of the journal."""
    candidates = [backup] if backup else list_backups(journal.path)
    chosen = None
    for candidate in candidates:
        info = inspect_backup(Path(candidate))
        if info.ok:
            chosen = info.path
            break
        if backup:
            raise JournalError(f"cannot restore: {info.problem}")
    if chosen is None:
        raise JournalError(f"no good backup of {journal.path} to restore")
    raw = chosen.read_bytes()
    with journal.transaction():
        current = journal.path
        if current.exists() or current.is_symlink():
            os.replace(current, aside_name(current))
        write_private_file(journal.path, raw)
    return chosen


def set_aside(journal: Journal) -> Path | None:
    """Move the journal file aside, under the lock, before something takes its place
    (a demo written over it with --force): where it went, or None if there was none."""
    with journal.transaction():
        current = journal.path
        if not current.is_file() or current.is_symlink():
            return None
        aside = aside_name(current)
        os.replace(current, aside)
        return aside


def aside_name(current: Path) -> Path:
    """A name no file has yet, for the journal a restore replaces: every damaged
    original is kept, however many restores run within a second."""
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S")
    while True:
        aside = current.with_name(f"{current.name}.replaced-{stamp}-{random_hex(3)}")
        if not (aside.exists() or aside.is_symlink()):
            return aside
