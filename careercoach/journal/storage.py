"""Crash-safe TinyDB storage for the journal file.

TinyDB's stock JSONStorage rewrites the file in place, so a crash mid-write leaves
half a journal. This storage never touches the live file: it writes a private temp
file in the same folder, fsyncs it, `os.replace`s it over the journal and fsyncs the
folder. The previous version is hard-linked into `backups/` first (no copy, no cost),
and the parsed data is cached until the file's identity changes on disk.

Locking is the caller's job (`journal.Journal.transaction`): this class only makes
each single write atomic.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careercoach import collector, json_codec, paths
from careercoach.errors import JournalError
from careercoach.journal.private_file import (
    check_regular_file,
    describe_os_error,
    random_hex,
    write_private_file,
)
from careercoach.journal.schema import (
    DOCTOR_HINT,
    MAX_JOURNAL_BYTES,
    META_TABLE,
    SCHEMA_VERSION,
    check_document,
    meta_table,
    migrate,
)
from careercoach.journal.soundness import check_journal

BACKUP_KEEP = 10
BACKUP_INTERVAL_S = 3600.0

_BACKUP_STAMP = "%Y%m%dT%H%M%S%f"  # microseconds: names sort in time order


def parse_journal_bytes(raw: bytes, source: Path) -> tuple[dict[str, Any], int]:
    """Parse and check journal bytes; returns the document and its on-disk schema."""
    if not raw.strip():
        raise JournalError(f"{source}: the file is empty; {DOCTOR_HINT}")
    try:
        with collector.paused():
            data = json_codec.decode(raw)
    except json_codec.DecodeError as exc:
        if str(exc) == json_codec.NESTED_TOO_DEEPLY:  # no one place to point at
            raise JournalError(f"{source}: broken JSON, nested too deeply; {DOCTOR_HINT}") from None
        problem = json_codec.locate_problem(raw, exc)
        what = "not UTF-8 text" if problem.not_utf8 else "broken JSON"
        raise JournalError(
            f"{source}: {what} at line {problem.line} column {problem.column}; {DOCTOR_HINT}"
        ) from None
    version = check_document(data, source)
    if version == SCHEMA_VERSION:
        check_journal(data, source)
    return data, version


def read_journal_file(path: Path) -> tuple[dict[str, Any], int]:
    """Read and check a journal (or backup) file without following symlinks."""
    return parse_journal_bytes(read_journal_bytes(path), path)


def read_journal_bytes(path: Path) -> bytes:
    """The bytes of a journal file: a regular file of sane size, symlinks refused."""
    check_regular_file(path)
    size = path.stat().st_size
    if size > MAX_JOURNAL_BYTES:
        raise JournalError(f"{path}: {size} bytes is larger than any journal should be")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        raise JournalError(f"{path}: cannot read it ({exc.strerror})") from None
    return raw


def list_backups(journal: Path) -> list[Path]:
    """Backups of `journal`, newest first."""
    folder = paths.backup_dir(journal)
    stem = journal.stem + "-"
    try:
        found = [p for p in folder.iterdir() if p.name.startswith(stem) and p.suffix == ".json"]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name, reverse=True)


def _backup_time(backup: Path, journal: Path) -> float | None:
    stamp = backup.stem[len(journal.stem) + 1 :].split("-")[0]
    try:
        return (
            dt.datetime.strptime(stamp, _BACKUP_STAMP).replace(tzinfo=dt.timezone.utc).timestamp()
        )
    except ValueError:
        return None


class JournalStorage:
    """TinyDB storage: atomic replace, rotating hard-link backups, stat-checked cache.

    TinyDB only calls `read`, `write` and `close`, so this does not subclass its
    `Storage`: a plain read (the app's start) then never imports TinyDB at all.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backup_keep: int = BACKUP_KEEP,
        backup_interval: float = BACKUP_INTERVAL_S,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.backup_keep = backup_keep
        self.backup_interval = backup_interval
        self._wall_clock = wall_clock
        self._cache: dict[str, Any] | None = None
        self._signature: tuple[int, ...] | None = None
        self._force_backup = False
        self.migrated_from: int | None = None

    def signature(self) -> tuple[int, ...] | None:
        """Identity of the file on disk; changes with every replace."""
        try:
            st = os.lstat(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise JournalError(f"{self.path}: cannot look at it ({exc.strerror})") from None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def read(self) -> dict[str, Any] | None:
        signature = self.signature()
        if signature is None:
            self._cache, self._signature = None, None
            return None
        if self._cache is not None and signature == self._signature:
            return self._cache
        data, version = read_journal_file(self.path)
        if version < SCHEMA_VERSION:
            data = migrate(data, version)
            check_journal(data, self.path)
            self.migrated_from = version
            self._force_backup = True
        self._cache, self._signature = data, signature
        return data

    def release_cache(self) -> None:
        """Forget the parsed document (the next read parses the file again)."""
        self._cache, self._signature = None, None

    def force_next_backup(self) -> None:
        """Back up the current file on the next write whatever the interval (imports)."""
        self._force_backup = True

    def write(self, data: dict[str, Any]) -> None:
        data[META_TABLE] = meta_table()
        try:
            payload = json_codec.encode(data)
            self._backup_current()
            write_private_file(self.path, payload)
        except OSError as exc:
            self._cache, self._signature = None, None
            raise JournalError(
                f"could not save {self.path}: {describe_os_error(exc)}; "
                "the previous version is intact"
            ) from None
        except json_codec.EncodeError as exc:
            self._cache, self._signature = None, None
            raise JournalError(f"could not save {self.path}: {exc}; nothing was changed") from None
        except BaseException:
            self._cache, self._signature = None, None
            raise
        self._cache, self._signature = data, self.signature()

    def _backup_current(self) -> None:
        if not self.path.exists() or self.backup_keep <= 0:
            return
        now = self._wall_clock()
        existing = list_backups(self.path)
        if existing and not self._force_backup:
            newest = _backup_time(existing[0], self.path)
            if newest is not None and now - newest < self.backup_interval:
                return
        folder = paths.backup_dir(self.path)
        paths.make_private_dir(folder)
        stamp = dt.datetime.fromtimestamp(now, dt.timezone.utc).strftime(_BACKUP_STAMP)
        target = folder / f"{self.path.stem}-{stamp}-{random_hex(2)}.json"
        try:
            os.link(self.path, target)
        except OSError:
            shutil.copy2(self.path, target)
            os.chmod(target, 0o600)
        self._force_backup = False
        for old in list_backups(self.path)[self.backup_keep :]:
            old.unlink(missing_ok=True)

    def close(self) -> None:
        self._cache, self._signature = None, None
