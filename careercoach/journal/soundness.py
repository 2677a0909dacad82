"""The one judge of whether a journal's records are sound.

Every read of the journal (the fast one straight into entries and the careful one
through the storage), every write (which reads first), `doctor` and the backup list
ask this module, so what a command refuses `doctor` reports as damaged, and no
command ever writes over a journal that fails it. Each problem is one line naming
the record and what is wrong with it.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
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
    Entry,
    Profile,
    check_id,
    parse_detail_value,
)

_ID = operator.attrgetter("id")
_KIND = operator.attrgetter("kind")
_TITLE = operator.attrgetter("title")
_DATE = operator.attrgetter("date")
_IDS_RE = re.compile(r"[a-z0-9]{3,16}(?:\n[a-z0-9]{3,16})*")


def damaged(source: Path, what: str) -> JournalError:
    return JournalError(f"{source}: {what}; {DOCTOR_HINT}")


def doc_id(key: str, source: Path) -> int:
    """A record's key in the entries table: a plain positive number, as the journal writes."""
    if not (key.isascii() and key.isdigit() and key == str(int(key)) and int(key) > 0):
        raise damaged(source, f"entry record key {key!r} is not a positive whole number")
    return int(key)


def entries_from_records(table: Mapping[str, Any], source: Path) -> dict[int, Entry]:
    """Typed entries from the raw entries table, or one line naming the bad record."""
    numbers = [doc_id(key, source) for key in table]
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


def _check_entry(entry: Entry, number: int, source: Path) -> None:
    where = f"entry record {number}"
    if number <= 0:
        raise damaged(source, f"{where}: the record key is not a positive whole number")
    try:
        check_id(entry.id)
    except CareerCoachError:
        raise damaged(source, f"{where} has a bad id {entry.id!r}") from None
    if entry.kind not in KINDS:
        raise damaged(source, f"{where} ({entry.id}) has an unknown kind {entry.kind!r}")
    if not entry.title or "\n" in entry.title:
        raise damaged(source, f"{where} ({entry.id}) has no one-line title")
    if not DATE_MIN <= entry.date <= DATE_MAX:
        raise damaged(source, f"{where} ({entry.id}) has a date out of range ({entry.date})")
    for key, value in entry.details.items():
        if not _detail_ok(entry.kind, key, value):
            raise damaged(source, f"{where} ({entry.id}) has a bad detail {key}={value!r}")


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
    that fails is walked entry by entry to name the record.
    """
    if not entries:
        return True
    values = entries.values()
    ids = list(map(_ID, values))
    titles = list(map(_TITLE, values))
    dates = list(map(_DATE, values))
    details = {(e.kind, key, value) for e in values for key, value in e.details.items()}
    return (
        min(entries) > 0
        and len(set(ids)) == len(ids)
        and _IDS_RE.fullmatch("\n".join(ids)) is not None
        and set(map(_KIND, values)) <= KINDS.keys()
        and "" not in titles
        and "\n" not in "\x00".join(titles)
        and min(dates) >= DATE_MIN
        and max(dates) <= DATE_MAX
        and all(_detail_ok(*triple) for triple in details)  # a few dozen distinct ones
    )


def check_records(entries: Mapping[int, Entry], profile: Any, plan: Any, source: Path) -> None:
    """Raise a one-line JournalError unless every entry, the profile and the plan are sound."""
    if not _all_sound(entries):
        seen: dict[str, int] = {}
        for number, entry in entries.items():
            _check_entry(entry, number, source)
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


def check_journal(data: Mapping[str, Any], source: Path) -> dict[int, Entry]:
    """Check a parsed journal of the current schema; its entries by record number."""
    entries = entries_from_records(data.get("entries", {}), source)
    check_records(entries, data.get("profile", {}).get("1"), data.get("plan", {}).get("1"), source)
    return entries
