"""The one judge of whether a journal's records are sound.

Every read of the journal (the fast one straight into entries and the careful one
through the storage), every write (which reads first), `doctor` and the backup list
ask this module, so what a command refuses `doctor` reports as damaged, and no
command ever writes over a journal that fails it. Each problem is one line naming
the record and what is wrong with it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import operator
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from careercoach.errors import CareerCoachError, JournalError
from careercoach.journal.plan_schema import check_plan_record
from careercoach.journal.schema import DOCTOR_HINT
from careercoach.model import (
    DATE_MAX,
    DATE_MIN,
    KINDS,
    NOTES_MAX,
    TAGS_MAX,
    TITLE_MAX,
    Entry,
    Profile,
    check_id,
    make_entry,
    normalise_tags,
    parse_detail_value,
)

_ID = operator.attrgetter("id")
_KIND = operator.attrgetter("kind")
_TITLE = operator.attrgetter("title")
_DATE = operator.attrgetter("date")
_TITLE_JA = operator.attrgetter("title_ja")
_NOTES = operator.attrgetter("notes")
_TAGS = operator.attrgetter("tags")
_STAMPS = operator.attrgetter("created", "updated")
_KEYS_RE = re.compile(r"[1-9][0-9]*(?:\n[1-9][0-9]*)*")  # as doc_id accepts them
_IDS_RE = re.compile(r"[a-z0-9]{3,16}(?:\n[a-z0-9]{3,16})*")
# every line starts with a digit and is at most 40 characters long
_STAMP_LINES = re.compile(r"\d.{0,39}(?:\n\d.{0,39})*")


def damaged(source: Path, what: str) -> JournalError:
    return JournalError(f"{source}: {what}; {DOCTOR_HINT}")


def doc_id(key: str, source: Path) -> int:
    """A record's key in the entries table: a plain positive number, as the journal writes."""
    if not (key.isascii() and key.isdigit() and key == str(int(key)) and int(key) > 0):
        raise damaged(source, f"entry record key {key!r} is not a positive whole number")
    return int(key)


def entries_from_records(table: Mapping[str, Any], source: Path) -> dict[int, Entry]:
    """Typed entries from the raw entries table, or one line naming the bad record."""
    keys = "\n".join(table)
    if keys and _KEYS_RE.fullmatch(keys) is not None:  # the whole column at once
        numbers = list(map(int, table))
    else:
        numbers = [doc_id(key, source) for key in table]  # names the bad key
    try:
        entries = msgspec.convert(list(table.values()), list[Entry])
    except msgspec.ValidationError:
        for key, record in table.items():  # find the record to name (rare: slow is fine)
            try:
                msgspec.convert(record, Entry)
            except msgspec.ValidationError as exc:
                raise damaged(source, f"entry record {key} is damaged ({exc})") from None
        raise
    return dict(zip(numbers, entries, strict=True))


def _check_entry(entry: Entry, record: str, source: Path) -> None:
    """What `edit` and `import` would refuse, named (`record`: which record): the slow
    path, for a journal that failed `_all_sound`, and for the few records in the trash."""
    try:
        if check_id(entry.id) != entry.id:
            raise CareerCoachError("not lower-case")
    except CareerCoachError:
        raise damaged(source, f"{record} has a bad id {entry.id!r}") from None
    where = f"{record} ({entry.id})"
    if entry.kind not in KINDS:
        raise damaged(source, f"{where} has an unknown kind {entry.kind!r}")
    try:
        make_entry(
            entry_id=entry.id,
            date=entry.date,
            kind=entry.kind,
            title=entry.title,
            title_ja=entry.title_ja,
            notes=entry.notes,
            tags=entry.tags,
        )
    except CareerCoachError as exc:
        raise damaged(source, f"{where}: {exc}") from None
    bad_tag = next((tag for tag in entry.tags if not _tag_ok(tag)), None)
    if bad_tag is not None:
        raise damaged(source, f"{where} has a tag `edit` would not store: {bad_tag!r}")
    for key, value in entry.details.items():
        if not _detail_ok(entry.kind, key, value):
            raise damaged(source, f"{where} has a bad detail {key}={value!r}")
    for field, stamp in zip(("created", "updated"), _STAMPS(entry), strict=True):
        if not is_timestamp(stamp):
            raise damaged(source, f"{where}: {field} {stamp!r} is not a date and time")


def is_timestamp(text: str) -> bool:
    """Empty, or a real ISO 8601 date and time: what `created`/`updated` may hold (the
    rule a backup's import applies, so that a journal exports what imports back)."""
    if not text:
        return True
    if not text.isascii() or len(text) > 40 or not text[:1].isdigit():
        return False
    try:
        dt.datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def _tag_ok(tag: str) -> bool:
    """A tag as `edit` stores it: already lower-case and of the allowed characters."""
    try:
        return normalise_tags([tag]) == (tag,)
    except CareerCoachError:
        return False


def _detail_ok(kind: str, key: str, value: Any) -> bool:
    """What `edit` would accept: a sub-type or detail the kind has, of the right value."""
    try:
        parse_detail_value(kind, key, value)
    except CareerCoachError:
        return False
    return True


def _all_sound(entries: Mapping[int, Entry]) -> bool:
    """The rules of `_check_entry` plus unique ids, checked a column at a time.

    A journal of 100k entries passes in tens of milliseconds this way; only a journal
    that fails is walked entry by entry to name the record. Tags, details and
    timestamps repeat across entries, so each distinct one is checked once. Each
    column's check builds and drops its own lists, so the check adds little to the
    memory the entries take while the app starts.
    """
    if not entries:
        return True
    values = entries.values()
    return min(entries) > 0 and all(check(values) for check in _COLUMN_CHECKS)


def _ids_sound(values: Iterable[Entry]) -> bool:
    ids = list(map(_ID, values))
    return len(set(ids)) == len(ids) and _IDS_RE.fullmatch("\n".join(ids)) is not None


def _kinds_sound(values: Iterable[Entry]) -> bool:
    return set(map(_KIND, values)) <= KINDS.keys()


def _titles_sound(values: Iterable[Entry]) -> bool:
    return (
        all(map(str.strip, map(_TITLE, values)))
        and max(map(len, map(_TITLE, values))) <= TITLE_MAX
        and "\n" not in "\x00".join(map(_TITLE, values))
    )


def _titles_ja_sound(values: Iterable[Entry]) -> bool:
    return max(map(len, map(_TITLE_JA, values))) <= TITLE_MAX and "\n" not in "\x00".join(
        map(_TITLE_JA, values)
    )


def _sizes_sound(values: Iterable[Entry]) -> bool:
    return (
        max(map(len, map(_NOTES, values))) <= NOTES_MAX
        and max(map(len, map(_TAGS, values))) <= TAGS_MAX
    )


def _tags_sound(values: Iterable[Entry]) -> bool:
    return all(map(_tag_ok, set(itertools.chain.from_iterable(map(_TAGS, values)))))


def _dates_sound(values: Iterable[Entry]) -> bool:
    return min(map(_DATE, values)) >= DATE_MIN and max(map(_DATE, values)) <= DATE_MAX


def _details_sound(values: Iterable[Entry]) -> bool:
    details = {(e.kind, key, value) for e in values for key, value in e.details.items()}
    return all(_detail_ok(*triple) for triple in details)  # a few dozen distinct ones


def _stamps_sound(values: Iterable[Entry]) -> bool:
    """`is_timestamp` for every created/updated stamp, a slice of the column at a time:
    every entry's stamps differ, so each slice is checked whole in C (one join, one
    pattern, one parse each) rather than by 20k calls of the one-at-a-time check."""
    stamps = itertools.chain.from_iterable(map(_STAMPS, values))
    while chunk := list(itertools.islice(stamps, _STAMP_SLICE)):
        given = list(filter(None, chunk))
        if not given:
            continue
        joined = "\n".join(given)
        if not joined.isascii() or not _STAMP_LINES.fullmatch(joined):
            return False
        try:
            list(map(dt.datetime.fromisoformat, given))
        except ValueError:
            return False
    return True


_STAMP_SLICE = 4096
_COLUMN_CHECKS = (
    _ids_sound,
    _kinds_sound,
    _titles_sound,
    _titles_ja_sound,
    _sizes_sound,
    _tags_sound,
    _dates_sound,
    _details_sound,
    _stamps_sound,
)


class TrashRecord(msgspec.Struct, frozen=True):
    """A deleted entry waiting in the trash, as `Journal.delete` writes it."""

    entry: Entry
    deleted: str


def trash_records(table: Mapping[str, Any], source: Path) -> dict[str, tuple[Entry, dt.datetime]]:
    """The trash's records, each a sound entry and the moment it was deleted, or one
    line naming the damaged record: a record that cannot be read is never dropped."""
    found = {}
    for key, raw in table.items():
        where = f"trash record {key}"
        doc_id(key, source)
        try:
            record = msgspec.convert(raw, TrashRecord)
        except msgspec.ValidationError as exc:
            raise damaged(source, f"{where} is damaged ({exc})") from None
        _check_entry(record.entry, where, source)
        try:
            moment = dt.datetime.fromisoformat(record.deleted)
        except ValueError:
            moment = None
        if moment is None or moment.tzinfo is None:
            raise damaged(source, f"{where}: deleted {record.deleted!r} is not a date and time")
        found[key] = (record.entry, moment)
    return found


def check_records(
    entries: Mapping[int, Entry], profile: Any, plan: Any, source: Path, trash: Any = None
) -> None:
    """Raise a one-line JournalError unless every entry, the profile, the plan and the
    trash are sound."""
    if not _all_sound(entries):
        seen: dict[str, int] = {}
        for number, entry in entries.items():
            if number <= 0:
                raise damaged(source, f"entry record {number}: the key is not a positive number")
            _check_entry(entry, f"entry record {number}", source)
            other = seen.setdefault(entry.id, number)
            if other != number:
                raise damaged(
                    source, f"entry records {other} and {number} have the same id {entry.id!r}"
                )
    if profile is not None:
        try:
            Profile.from_dict(profile)
        except CareerCoachError as exc:
            raise damaged(source, f"the profile record is damaged ({exc})") from None
    if plan:  # an empty record is no plan, as `Journal.plan` reads it
        try:
            check_plan_record(plan)
        except CareerCoachError as exc:
            raise damaged(source, f"the plan record is damaged ({exc})") from None
    if trash:
        trash_records(trash, source)


def check_journal(data: Mapping[str, Any], source: Path) -> dict[int, Entry]:
    """Check a parsed journal of the current schema; its entries by record number."""
    entries = entries_from_records(data.get("entries", {}), source)
    profile, plan = data.get("profile", {}).get("1"), data.get("plan", {}).get("1")
    check_records(entries, profile, plan, source, data.get("trash"))
    return entries
