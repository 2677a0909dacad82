"""Reading a careercoach JSON backup back in, refusing anything doubtful as a whole.

A backup is the shape `Journal.snapshot()` produces (`app`, `schema`, `profile`,
`entries`, `plan`, plus `range` when it was exported for a date range). Every entry is
re-validated with `Entry.from_dict`, so a hand-edited or damaged file is refused with
one message naming the file and the first bad record, before anything is written.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from careercoach import json_codec
from careercoach.errors import CareerCoachError, ValidationError
from careercoach.journal import (
    APP_MARKER,
    MAX_JOURNAL_BYTES,
    META_TABLE,
    SCHEMA_VERSION,
    is_timestamp,  # the validator's rule: what a journal holds, a backup may hold
)
from careercoach.model import Entry, Profile
from careercoach.plan import PlanRecord

UTF8_BOM = b"\xef\xbb\xbf"
BACKUP_KEYS = ("app", "schema", "profile", "entries", "plan", "range")


class Backup(msgspec.Struct, frozen=True):
    """A validated backup, ready for `Journal.merge`."""

    entries: tuple[Entry, ...]
    profile: Profile
    plan: dict[str, Any] | None
    partial: bool  # exported with --since/--until: not the whole journal


def read_import_bytes(path: Path) -> bytes:
    """Read a file to import: a regular file, not too large, not empty."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ValidationError(f"{path}: no such file") from None
    except OSError as exc:
        raise ValidationError(f"{path}: cannot look at it ({exc.strerror})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ValidationError(f"{path}: is a folder; name the backup file itself")
    if not stat.S_ISREG(info.st_mode):
        raise ValidationError(f"{path}: is not a regular file")
    if info.st_size > MAX_JOURNAL_BYTES:
        raise ValidationError(f"{path}: {info.st_size} bytes is too large to import")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ValidationError(f"{path}: cannot read it ({exc.strerror})") from None
    if not raw.strip():
        raise ValidationError(f"{path}: the file is empty")
    return raw


def load_json_file(path: Path) -> Any:
    """Parse a JSON file; any problem becomes one line naming the file."""
    raw = read_import_bytes(path).removeprefix(UTF8_BOM)
    try:
        return json_codec.decode(raw)
    except json_codec.DecodeError as exc:
        problem = json_codec.locate_problem(raw, exc)
        if problem.not_utf8:
            raise ValidationError(f"{path}: not UTF-8 text (is it the right file?)") from None
        raise ValidationError(
            f"{path}: not valid JSON (line {problem.line} column {problem.column}: "
            f"{problem.detail})"
        ) from None


def record_error(source: Path, label: str, problem: CareerCoachError | str) -> ValidationError:
    """One message for a bad record: file, which record, what is wrong."""
    return ValidationError(f"{source}: {label}: {problem}")


def _entry_label(number: int, record: Any) -> str:
    entry_id = record.get("id") if isinstance(record, Mapping) else None
    return f"entry {number} (id {entry_id!r})" if isinstance(entry_id, str) else f"entry {number}"


def _strip_entry_prefix(message: str, record: Any) -> str:
    """`Entry.from_dict` may already say "entry 'id': ..."; the label says it once."""
    entry_id = record.get("id") if isinstance(record, Mapping) else None
    prefix = f"entry {entry_id!r}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def _check_shape(data: Any, source: Path) -> Mapping[str, Any]:
    if not isinstance(data, Mapping):
        raise ValidationError(f"{source}: not a careercoach backup (the JSON is not an object)")
    if data.get("app") != APP_MARKER:
        if isinstance(data.get("entries"), list) and "tags" in data:
            hint = "it looks like a jrnl export: use `careercoach import --from jrnl`"
        elif META_TABLE in data:
            hint = "it is a journal file; `careercoach doctor --restore --backup FILE` restores one"
        else:
            hint = "no careercoach marker"
        raise ValidationError(f"{source}: not a careercoach backup ({hint})")
    schema = data.get("schema")
    if not isinstance(schema, int) or isinstance(schema, bool) or schema < 1:
        raise ValidationError(f"{source}: the schema version is missing or invalid")
    if schema > SCHEMA_VERSION:
        raise ValidationError(
            f"{source}: written by a newer careercoach (schema {schema}; this version "
            f"reads up to {SCHEMA_VERSION}): upgrade careercoach to import it"
        )
    unknown = sorted(set(data) - set(BACKUP_KEYS))
    if unknown:
        raise ValidationError(f"{source}: unexpected top-level key {unknown[0]!r}")
    if not isinstance(data.get("entries"), list):
        raise ValidationError(f"{source}: 'entries' must be a list")
    if not isinstance(data.get("profile", {}), Mapping):
        raise ValidationError(f"{source}: 'profile' must be an object")
    plan = data.get("plan")
    if plan is not None and not isinstance(plan, Mapping):
        raise ValidationError(f"{source}: 'plan' must be an object or null")
    return data


def parse_backup(data: Any, source: Path) -> Backup:
    """Validate a parsed backup document completely (records numbered from 1)."""
    document = _check_shape(data, source)
    entries: list[Entry] = []
    first_seen: dict[str, int] = {}
    for number, record in enumerate(document["entries"], start=1):
        try:
            entry = Entry.from_dict(record)
        except CareerCoachError as exc:
            message = _strip_entry_prefix(str(exc), record)
            raise record_error(source, _entry_label(number, record), message) from None
        for field in ("created", "updated"):
            stamp = getattr(entry, field)
            if not is_timestamp(stamp):
                raise record_error(
                    source,
                    _entry_label(number, record),
                    f"{field} {stamp!r} is not a date and time (YYYY-MM-DDTHH:MM:SS+00:00)",
                )
        earlier = first_seen.setdefault(entry.id, number)
        if earlier != number:
            raise record_error(
                source, _entry_label(number, record), f"duplicate id (also entry {earlier})"
            )
        entries.append(entry)
    try:
        profile = Profile.from_dict(document.get("profile") or {})
    except CareerCoachError as exc:
        raise record_error(source, "profile", exc) from None
    plan = document.get("plan")
    if plan is not None:
        try:
            PlanRecord.from_dict(plan)
        except CareerCoachError as exc:
            raise record_error(source, "plan", exc) from None
    return Backup(
        entries=tuple(entries),
        profile=profile,
        plan=dict(plan) if plan is not None else None,
        partial=document.get("range") is not None,
    )


def read_backup(path: Path) -> Backup:
    return parse_backup(load_json_file(path), path)
