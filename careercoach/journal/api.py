"""The one API for reading and writing the journal: entries, profile and plan.

Every change runs inside `transaction()`: a cross-process file lock, a fresh look at
the file (another process may have written), the change, one atomic write. Reads
need no lock because writes replace the file whole.
"""

from __future__ import annotations

import datetime as dt
import operator
import os
import random
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from functools import cached_property
from pathlib import Path
from typing import Any

import msgspec
import msgspec.structs

from careercoach import collector, paths
from careercoach.errors import (
    CareerCoachError,
    JournalError,
    JournalLockedError,
    NotFoundError,
    ValidationError,
)
from careercoach.journal import locking, soundness
from careercoach.journal.backups import BackupPolicy
from careercoach.journal.merge import three_way
from careercoach.journal.plan_schema import check_plan_record
from careercoach.journal.schema import META_TABLE, SCHEMA_VERSION, is_current_meta
from careercoach.journal.storage import JournalStorage, read_journal_bytes
from careercoach.model import Draft, Entry, Profile, make_entry, with_changes

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 6
LOCK_TIMEOUT_S = 10.0

ENTRIES = "entries"
PROFILE = "profile"
PLAN = "plan"
# Deleted entries wait here, out of every read, score and export, until restored or
# TRASH_DAYS old: {doc id: {"entry": the entry's record, "deleted": timestamp}}.
TRASH = "trash"
TRASH_DAYS = 30


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def timestamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).isoformat(timespec="seconds")


class MergeReport(msgspec.Struct, frozen=True):
    """What an import did (or, in a dry run, would do)."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()


class PlanSave(msgspec.Struct, frozen=True):
    """What `Journal.change_plan_and_notes` wrote: the plan record, the notes it added,
    and the ids of the notes it rewrote or deleted."""

    plan: dict[str, Any] | None
    added: list[Entry]
    replaced: tuple[str, ...]


def sort_newest_first(entries: Iterable[Entry]) -> list[Entry]:
    return sorted(entries, key=operator.attrgetter("date", "created", "id"), reverse=True)


def filter_entries(
    entries: Iterable[Entry],
    *,
    kind: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    tag: str | None = None,
    text: str | None = None,
    starred: bool = False,
) -> list[Entry]:
    """The shared filter behind `careercoach list` and the TUI's journal view;
    `starred` keeps only the highlights."""
    needle = text.casefold() if text else None
    tag = tag.lower().lstrip("#@") if tag else None
    result = []
    for entry in entries:
        if kind and entry.kind != kind:
            continue
        if since and entry.date < since:
            continue
        if until and entry.date > until:
            continue
        if tag and tag not in entry.tags:
            continue
        if starred and not entry.starred:
            continue
        if needle and needle not in entry.title.casefold() and needle not in entry.notes.casefold():
            continue
        result.append(entry)
    return result


class Deleted(msgspec.Struct, frozen=True):
    """An entry in the trash and when it was deleted (restorable for TRASH_DAYS)."""

    entry: Entry
    deleted: dt.datetime


class _View:
    """One version of the journal file, parsed: what every read needs.

    The newest-first order and the id index are built on first use: scoring reads the
    entries in any order, so opening the dashboard on a big journal skips both, and
    only the journal list, lookups and writes pay for them.
    """

    def __init__(
        self,
        signature: tuple[int, ...] | None,
        by_doc_id: dict[int, Entry],
        profile: Mapping[str, Any] | None,
        plan: Mapping[str, Any] | None,
    ) -> None:
        self.signature = signature
        self.by_doc_id = by_doc_id  # TinyDB's document ids: the order entries were added
        self.profile = profile
        self.plan = plan

    @cached_property
    def in_file_order(self) -> list[Entry]:
        return list(self.by_doc_id.values())

    @cached_property
    def entries(self) -> list[Entry]:
        return sort_newest_first(self.by_doc_id.values())

    @cached_property
    def doc_ids(self) -> dict[str, int]:
        return {entry.id: doc_id for doc_id, entry in self.by_doc_id.items()}


class _StoredJournal(msgspec.Struct, forbid_unknown_fields=True):
    """The journal file as a plain read sees it, entries decoded straight into `Entry`.

    No raw record is built on the way: at 10k entries this halves the time to open
    the journal and keeps memory near the size of the entries themselves. Every table
    is typed as an object of objects, and a table of any other name sends the read
    down the careful path, so the fast read skips none of `check_document`'s checks.
    """

    entries: dict[int, Entry] = {}  # TinyDB's document ids, as the numbers they are
    profile: dict[str, dict[str, Any]] = {}
    plan: dict[str, dict[str, Any]] = {}
    trash: dict[str, dict[str, Any]] = {}
    meta: dict[str, dict[str, Any]] = msgspec.field(default_factory=dict, name=META_TABLE)


_STORED_DECODER = msgspec.json.Decoder(_StoredJournal)


class Journal:
    """A journal file on disk. Cheap to keep open; safe to share with other processes."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        now: Callable[[], dt.datetime] = utc_now,
        lock_timeout: float | None = None,
        backup_policy: BackupPolicy | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.path = Path(path)
        self._now = now
        self._rng = rng or random.SystemRandom()
        self.storage = JournalStorage(self.path, backup_policy=backup_policy)
        self._lock_timeout = LOCK_TIMEOUT_S if lock_timeout is None else lock_timeout
        self._held = threading.local()
        self._cached_view: _View | None = None

    # -- reading -------------------------------------------------------------

    def version(self) -> tuple[int, ...] | None:
        """A change token: equal tokens mean the file on disk has not changed since
        (None while there is no journal file)."""
        return self.storage.signature()

    def _raw(self) -> dict[str, Any]:
        return self.storage.read() or {}

    def exists(self) -> bool:
        return self.path.exists()

    def _view(self) -> _View:
        """The parsed journal, built once per version of the file on disk.

        Outside a write the file is decoded straight into entries, and the storage's
        raw documents (which only a write needs) are let go: a long-running app would
        otherwise hold both. A write reads the file afresh under the lock anyway.
        """
        signature = self.storage.signature()
        view = self._cached_view
        if view is not None and view.signature == signature:
            return view
        writing = getattr(self._held, "depth", 0)
        if writing or self.storage.holds(signature):
            # under the lock, or the very file this process just wrote (from a checked
            # document and checked changes): typed from the document in memory
            view = self._build_view(signature)
        else:
            view = self._decode_view(signature) or self._build_view(signature)
        self._cached_view = view
        if not writing:
            self.storage.release_cache()
        return view

    def _decode_view(self, signature: tuple[int, ...] | None) -> _View | None:
        """The fast read: the file decoded straight into entries.

        None when the file needs the careful path instead: no file yet, an older
        schema to migrate, or anything unexpected, which that path then explains.
        """
        if signature is None:
            return None
        raw = read_journal_bytes(self.path)
        try:
            with collector.paused():
                stored = _STORED_DECODER.decode(raw)
                del raw  # the file's bytes are as big as a quarter of the entries
                if not is_current_meta(stored.meta.get("1")):
                    return None
        except (ValueError, TypeError, RecursionError):  # msgspec's errors, bad UTF-8...
            return None
        profile, plan = stored.profile.get("1"), stored.plan.get("1")
        soundness.check_records(stored.entries, profile, plan, self.path, stored.trash)
        return _View(signature=signature, by_doc_id=stored.entries, profile=profile, plan=plan)

    def _build_view(self, signature: tuple[int, ...] | None) -> _View:
        """The careful read, through the storage: checks, migrations, clear errors."""
        data = self._raw()  # the storage has checked it is sound
        by_doc_id = self.storage.checked_entries()  # typed by that check: no second pass
        if by_doc_id is None:
            with collector.paused():  # 100k new objects: collecting mid-way only costs time
                by_doc_id = soundness.entries_from_records(data.get(ENTRIES, {}), self.path)
        return _View(
            signature=signature,
            by_doc_id=by_doc_id,
            profile=data.get(PROFILE, {}).get("1"),
            plan=data.get(PLAN, {}).get("1"),
        )

    def _index(self) -> tuple[list[Entry], dict[str, int]]:
        view = self._view()
        return view.entries, view.doc_ids

    def entries(self) -> list[Entry]:
        """All entries, newest first. Do not mutate the returned list."""
        return self._view().entries

    def unordered_entries(self) -> list[Entry]:
        """All entries in the order they were added: for readers that need no order
        (scoring), which then skip sorting the journal. Do not mutate the list."""
        return self._view().in_file_order

    def count(self) -> int:
        return len(self._view().by_doc_id)

    def get(self, entry_id: str) -> Entry:
        wanted = str(entry_id).strip().lower()
        entries, doc_ids = self._index()
        if wanted not in doc_ids:
            raise NotFoundError(f"no entry with id {entry_id!r}: `careercoach list` shows the ids")
        return next(e for e in entries if e.id == wanted)

    def profile(self) -> Profile:
        doc = self._view().profile
        if not doc:
            return Profile()
        try:
            return Profile.from_dict(doc)
        except CareerCoachError as exc:
            raise JournalError(f"{self.path}: the profile record is damaged ({exc})") from None

    def plan(self) -> dict[str, Any] | None:
        doc = self._view().plan
        return dict(doc) if doc else None

    # -- writing -------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the cross-process lock around one read-modify-write (re-entrant per thread)."""
        if getattr(self._held, "depth", 0):
            self._held.depth += 1
            try:
                yield
            finally:
                self._held.depth -= 1
            return
        with ExitStack() as stack:
            try:
                paths.make_private_dir(self.path.parent)
                stack.enter_context(locking.hold(paths.lock_path(self.path), self._lock_timeout))
            except locking.LockTimeout:
                raise JournalLockedError(
                    f"{self.path}: another careercoach has held the lock for over "
                    f"{self._lock_timeout:g} s; close it and try again"
                ) from None
            except OSError as exc:
                raise JournalError(
                    f"cannot lock {self.path}: {exc.strerror} (is the folder read-only?)"
                ) from None
            self._remove_stale_temp_files()
            self._held.depth = 1
            try:
                yield
            finally:
                self._held.depth = 0

    def _remove_stale_temp_files(self) -> None:
        """Under the lock no write is in flight, so any temp file is a crash leftover."""
        prefix = paths.temp_prefix(self.path)
        try:
            for leftover in self.path.parent.glob(prefix + "*"):
                leftover.unlink(missing_ok=True)
        except OSError:
            pass

    def add(self, draft: Draft) -> Entry:
        return self.add_many([draft])[0]

    def add_many(self, drafts: Sequence[Draft]) -> list[Entry]:
        """Validate every draft first, then write them all at once (or none)."""
        return self._add_and_save(drafts)

    def add_with_plan(self, drafts: Sequence[Draft], plan: Mapping[str, Any]) -> list[Entry]:
        """Save the plan record and add its evidence notes in one write: both or neither."""
        return self._add_and_save(drafts, {PLAN: {"1": _checked_plan(plan)}})

    def _add_and_save(
        self,
        drafts: Sequence[Draft],
        tables: Mapping[str, dict[str, Any]] | None = None,
        rewritten: Mapping[str, Entry | None] | None = None,
    ) -> list[Entry]:
        stamp = timestamp(self._now())
        checked = [
            make_entry(
                entry_id="tmp",
                date=d.date,
                kind=d.kind,
                title=d.title,
                title_ja=d.title_ja,
                notes=d.notes,
                tags=d.tags,
                details=d.details,
                starred=d.starred,
            )
            for d in drafts
        ]
        created: list[Entry] = []

        def add(data: dict[str, Any]) -> None:
            table = data[ENTRIES] = dict(data.get(ENTRIES, {}))
            for doc_id, entry in (rewritten or {}).items():
                if entry is None:
                    del table[doc_id]
                else:
                    table[doc_id] = entry.to_dict()
            taken = {doc.get("id") for doc in table.values()}
            next_doc = max(map(int, table), default=0) + 1
            new_ids = generate_ids(len(checked), self._rng, taken)
            for i, (entry, new_id) in enumerate(zip(checked, new_ids, strict=True)):
                made = with_changes(entry, entry_id=new_id, created=stamp, updated=stamp)
                table[str(next_doc + i)] = made.to_dict()
                created.append(made)
            data.update(tables or {})

        self._write(add)
        return created

    def _write(self, change: Callable[[dict[str, Any]], None]) -> None:
        """Apply `change` to the stored document and save it in one atomic write.

        One write is what makes a change all or nothing: TinyDB's truncate-then-insert
        would write twice, and a crash in between would lose the record.
        """
        with self.transaction():
            data = dict(self._raw())  # tables are replaced, never changed in place:
            change(data)  # a failure half-way leaves the cached document as it was
            self.storage.write(data)

    def update(self, entry_id: str, **changes: Any) -> Entry:
        """Set fields of one entry (validated as a whole) and bump `updated`."""
        return self.change_entry(entry_id, lambda current: with_changes(current, **changes))

    def change_entry(self, entry_id: str, change: Callable[[Entry], Entry]) -> Entry:
        """Apply an operation to the entry as it is on disk now, under one hold of the
        lock (add this tag, set this field), and save it. `change` gets the fresh entry
        and returns the changed one; it must not keep a copy read earlier."""
        with self.transaction():
            current = self.get(entry_id)
            changed = with_changes(change(current), updated=timestamp(self._now()))
            doc_id = str(self._index()[1][current.id])

            def store(data: dict[str, Any]) -> None:
                table = data[ENTRIES] = dict(data.get(ENTRIES, {}))
                table[doc_id] = changed.to_dict()

            self._write(store)
        return changed

    def change_profile(self, change: Callable[[Profile], Profile]) -> Profile:
        """Apply an operation to the profile as it is on disk now, under the lock."""
        with self.transaction():
            changed = change(self.profile())
            record = _checked_profile(changed)
            self._write(lambda data: data.update({PROFILE: {"1": record}}))
        return changed

    def merge_entry(self, entry_id: str, base: Entry, mine: Mapping[str, Any]) -> Entry:
        """Save a form opened on `base` (field -> value as the form has it now): fields
        the form left alone keep what is on disk; EditConflict, with nothing saved,
        when a field the form changed was changed differently on disk meanwhile."""
        return self.change_entry(
            entry_id, lambda current: with_changes(current, **three_way(base, mine, current))
        )

    def merge_profile(self, base: Profile, mine: Mapping[str, Any]) -> Profile:
        """The profile form's save, merged the same way as `merge_entry`."""
        return self.change_profile(
            lambda current: msgspec.structs.replace(current, **three_way(base, mine, current))
        )

    def change_plan(
        self,
        change: Callable[[dict[str, Any] | None], Mapping[str, Any] | None],
        drafts: Sequence[Draft] = (),
    ) -> dict[str, Any] | None:
        """Apply an operation to the plan record as it is on disk now, under the lock;
        `drafts` (evidence notes) are added in the same write, so both or neither."""
        return self.change_plan_and_notes(change, drafts).plan

    def change_plan_and_notes(
        self,
        change: Callable[[dict[str, Any] | None], Mapping[str, Any] | None],
        drafts: Sequence[Draft] = (),
        replace: Mapping[str, Draft | None] | None = None,
    ) -> PlanSave:
        """`change_plan`, and in the same write rewrite (a Draft) or delete (None) the
        plan's notes already in the journal, by entry id: a meeting edited or deleted
        takes its journal note with it."""
        replace = dict(replace or {})
        with self.transaction():
            changed = change(self.plan())
            stamp = timestamp(self._now())
            doc_ids = self._index()[1]
            rewritten: dict[str, Entry | None] = {}
            for entry_id, draft in replace.items():
                current = self.get(entry_id)
                rewritten[str(doc_ids[current.id])] = (
                    None
                    if draft is None
                    else with_changes(
                        current,
                        date=draft.date,
                        title=draft.title,
                        notes=draft.notes,
                        tags=draft.tags,
                        details=draft.details or {},
                        updated=stamp,
                    )
                )
            record = {"1": _checked_plan(changed)} if changed is not None else {}
            added = self._add_and_save(drafts, {PLAN: record}, rewritten)
        return PlanSave(dict(changed) if changed is not None else None, added, tuple(replace))

    def delete(self, entry_id: str) -> Entry:
        """Move an entry to the trash: gone from every read, restorable for TRASH_DAYS."""
        with self.transaction():
            current = self.get(entry_id)
            doc_id = str(self._index()[1][current.id])
            moment = self._now()

            def remove(data: dict[str, Any]) -> None:
                table = data[ENTRIES] = dict(data.get(ENTRIES, {}))
                del table[doc_id]
                trash = self._fresh_trash(data, moment)
                number = max(map(int, trash), default=0) + 1
                trash[str(number)] = {"entry": current.to_dict(), "deleted": timestamp(moment)}
                data[TRASH] = trash

            self._write(remove)
        return current

    def _fresh_trash(self, data: Mapping[str, Any], moment: dt.datetime) -> dict[str, Any]:
        """The trash table without the records deleted more than TRASH_DAYS ago.

        A record that cannot be read is refused (one line, nothing written), never
        dropped: the validator reports it, and `doctor` offers the way out."""
        oldest = moment - dt.timedelta(days=TRASH_DAYS)
        table = data.get(TRASH, {})
        read = soundness.trash_records(table, self.path)
        return {number: table[number] for number, (_, when) in read.items() if when >= oldest}

    def trash(self) -> list[Deleted]:
        """Entries deleted in the last TRASH_DAYS days, most recently deleted first."""
        data = self._raw()
        fresh = self._fresh_trash(data, self._now())
        read = soundness.trash_records(fresh, self.path)
        found = [Deleted(entry, when) for entry, when in read.values()]
        return sorted(found, key=operator.attrgetter("deleted"), reverse=True)

    def restore_deleted(self, entry_id: str) -> Entry:
        """Put a deleted entry back, as it was; its id must not have been taken since."""
        wanted = str(entry_id).strip().lower()
        with self.transaction():
            moment = self._now()
            data = self._raw()
            trash = self._fresh_trash(data, moment)
            number = next((n for n, r in trash.items() if _trashed_id(r) == wanted), None)
            if number is None:
                raise NotFoundError(
                    f"no deleted entry with id {entry_id!r} in the last {TRASH_DAYS} days"
                )
            if wanted in self._index()[1]:
                raise ValidationError(f"an entry with id {wanted!r} is already in the journal")
            entry = soundness.trash_records({number: trash.pop(number)}, self.path)[number][0]

            def bring_back(new_data: dict[str, Any]) -> None:
                table = new_data[ENTRIES] = dict(new_data.get(ENTRIES, {}))
                table[str(max(map(int, table), default=0) + 1)] = entry.to_dict()
                new_data[TRASH] = trash

            self._write(bring_back)
        return entry

    def save_profile(self, profile: Profile) -> None:
        record = _checked_profile(profile)
        self._write(lambda data: data.update({PROFILE: {"1": record}}))

    def save_plan(self, plan: Mapping[str, Any] | None) -> None:
        """Store the improvement-plan record (a plain JSON object), or remove it."""
        record = {"1": _checked_plan(plan)} if plan is not None else {}
        self._write(lambda data: data.update({PLAN: record}))

    def merge(
        self,
        entries: Sequence[Entry],
        *,
        profile: Profile | None = None,
        plan: Mapping[str, Any] | None = None,
        replace_all: bool = False,
        dry_run: bool = False,
    ) -> MergeReport:
        """Bring in validated entries by id: new ids are added, changed ones updated.

        Importing the same entries twice changes nothing the second time. With
        `replace_all` the journal ends up holding exactly `entries` (a restore).
        Everything happens in one write, so an import is all or nothing.
        """
        with self.transaction():
            data = self._raw()
            current, doc_ids = self._index()
            by_id = {e.id: e for e in current}
            added, updated, unchanged = [], [], []
            for entry in entries:
                existing = by_id.get(entry.id)
                if existing is None:
                    added.append(entry)
                elif existing == entry:
                    unchanged.append(entry)
                else:
                    updated.append(entry)
            report = MergeReport(
                added=tuple(e.id for e in added),
                updated=tuple(e.id for e in updated),
                unchanged=tuple(e.id for e in unchanged),
            )
            if dry_run:
                return report
            checked_plan = _checked_plan(plan) if plan is not None else None
            if replace_all:
                table = {str(i + 1): e.to_dict() for i, e in enumerate(entries)}
            else:
                table = dict(data.get(ENTRIES, {}))
                for entry in updated:
                    table[str(doc_ids[entry.id])] = entry.to_dict()
                next_doc = max(doc_ids.values(), default=0) + 1
                for i, entry in enumerate(added):
                    table[str(next_doc + i)] = entry.to_dict()

            def bring_in(new_data: dict[str, Any]) -> None:
                new_data[ENTRIES] = table
                if profile is not None:
                    new_data[PROFILE] = {"1": profile.to_dict()}
                if plan is not None:
                    new_data[PLAN] = {"1": checked_plan}
                elif replace_all:
                    new_data.pop(PLAN, None)

            self._write(bring_in)
        return report

    def snapshot(self) -> dict[str, Any]:
        """Everything in the journal as plain JSON-ready data (for backups/exports)."""
        return {
            "app": "careercoach",
            "schema": SCHEMA_VERSION,
            "profile": self.profile().to_dict(),
            "entries": [e.to_dict() for e in reversed(self.entries())],
            "plan": self.plan(),
        }


def _trashed_id(record: Mapping[str, Any]) -> str | None:
    entry = record.get("entry")
    return entry.get("id") if isinstance(entry, dict) else None


def _checked_profile(profile: Profile) -> dict[str, Any]:
    """The profile's record, refused (one line) unless it would read back: a Profile
    built in code skips the checks that reading it applies, dates in range among them."""
    record = profile.to_dict()
    Profile.from_dict(record)
    return record


def _checked_plan(plan: Mapping[str, Any]) -> dict[str, Any]:
    """The plan's record, refused (one line, nothing written) unless the journal's
    validator would pass it: a journal is never written in a state it then refuses."""
    record = dict(plan)
    if record:
        check_plan_record(record)
    return record


def generate_ids(count: int, rng: random.Random, taken: Iterable[str] = ()) -> list[str]:
    """Fresh unique ids (used by importers that must assign ids to foreign records)."""
    seen = set(taken)
    result = []
    while len(result) < count:
        candidate = "".join(rng.choice(ID_ALPHABET) for _ in range(ID_LENGTH))
        if candidate not in seen:
            seen.add(candidate)
            result.append(candidate)
    return result
