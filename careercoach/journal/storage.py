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

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from careercoach import collector, json_codec
from careercoach.errors import JournalError
from careercoach.journal import backups
from careercoach.journal.private_file import (
    check_regular_file,
    describe_os_error,
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
from careercoach.model import Entry


def parse_journal_bytes(
    raw: bytes, source: Path
) -> tuple[dict[str, Any], int, dict[int, Entry] | None]:
    """Parse and check journal bytes: the document, its on-disk schema and, for the
    current schema, its entries as the check typed them (by record number)."""
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
    entries = check_journal(data, source) if version == SCHEMA_VERSION else None
    return data, version, entries


def read_journal_file(path: Path) -> tuple[dict[str, Any], int, dict[int, Entry] | None]:
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


class JournalStorage:
    """TinyDB storage: atomic replace, rotating hard-link backups, stat-checked cache.

    TinyDB only calls `read`, `write` and `close`, so this does not subclass its
    `Storage`: a plain read (the app's start) then never imports TinyDB at all.
    """

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        backup_policy: backups.BackupPolicy | None = None,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.path = Path(path)
        self.backup_policy = backup_policy or backups.BackupPolicy()
        self._wall_clock = wall_clock
        self._cache: dict[str, Any] | None = None
        self._signature: tuple[int, ...] | None = None
        self._entries: dict[int, Entry] | None = None  # the cached document's, as checked
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
            self._cache, self._signature, self._entries = None, None, None
            return None
        if self._cache is not None and signature == self._signature:
            return self._cache
        data, version, entries = read_journal_file(self.path)
        if version < SCHEMA_VERSION:
            data = migrate(data, version)
            entries = check_journal(data, self.path)
            self.migrated_from = version
        self._cache, self._signature, self._entries = data, signature, entries
        return data

    def holds(self, signature: tuple[int, ...] | None) -> bool:
        """Whether the document in memory is the file on disk with this signature (the
        one this process last read or wrote, unchanged since)."""
        return signature is not None and self._cache is not None and signature == self._signature

    def checked_entries(self) -> dict[int, Entry] | None:
        """The entries of the document `read` last returned, as its check typed them
        (None after a write: the document written was never read back)."""
        return self._entries if self._cache is not None else None

    def release_cache(self) -> None:
        """Forget the parsed document (the next read parses the file again)."""
        self._cache, self._signature, self._entries = None, None, None

    def write(self, data: dict[str, Any]) -> None:
        data[META_TABLE] = meta_table()
        try:
            payload = json_codec.encode(data)
            backups.make(self.path, self._wall_clock(), self.backup_policy)
            write_private_file(self.path, payload)
        except OSError as exc:
            self._cache, self._signature, self._entries = None, None, None
            raise JournalError(
                f"could not save {self.path}: {describe_os_error(exc)}; "
                "the previous version is intact"
            ) from None
        except json_codec.EncodeError as exc:
            self._cache, self._signature, self._entries = None, None, None
            raise JournalError(f"could not save {self.path}: {exc}; nothing was changed") from None
        except BaseException:
            self._cache, self._signature, self._entries = None, None, None
            raise
        self._cache, self._signature, self._entries = data, self.signature(), None

    def close(self) -> None:
        self._cache, self._signature, self._entries = None, None, None
