"""Turning a jrnl JSON export into careercoach entries.

jrnl (`jrnl --export json`) writes `{"tags": {"@tag": n}, "entries": [...]}`, each entry
with `title`, `body`, `date` (YYYY-MM-DD), `time` (HH:MM), `tags` (["@work"]) and
`starred`; exported to a folder, it writes one entry object per `.json` file.

Decisions, so re-importing is safe and nothing is silently reshaped:
- Ids are derived from date + time + title (a hash written in the journal's id alphabet,
  8 characters, so they never collide with the journal's own 6-character ids). The same
  export imported twice adds nothing; a repeated date+time+title gets its occurrence
  number mixed in.
- An entry already in the journal is skipped, never overwritten: careercoach is where
  you refine kinds and sub-types, and re-importing must not undo that.
- The kind comes from the tags (`--map @tag=kind[/type]` first, then DEFAULT_TAG_MAP);
  when several tags map, KIND_PRECEDENCE decides, so jrnl's tag order does not matter.
  Unmapped entries become notes. Tags are kept without "@", sorted; a starred jrnl entry
  is starred here too (a highlight) and keeps the tag "starred" (for --map).
- A title over 200 characters is cut at a word boundary with "…", and the full title
  opens the notes. Notes over 20,000 characters are cut with a marker saying how much
  is left in jrnl (jrnl stays the full record); the report lists those entries.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import msgspec

from careercoach.errors import CareerCoachError, ValidationError
from careercoach.exchange.backup_import import load_json_file, record_error
from careercoach.journal import ID_ALPHABET
from careercoach.model import (
    NOTES_MAX,
    TAG_MAX_LEN,
    TAGS_MAX,
    TITLE_MAX,
    Entry,
    check_kind,
    make_entry,
    parse_date,
    parse_detail_value,
)

JRNL_ID_LENGTH = 8
STARRED_TAG = "starred"

# jrnl tag (without "@") -> (kind, sub-type or None)
DEFAULT_TAG_MAP: dict[str, tuple[str, str | None]] = {
    "invisible": ("invisible", None),
    "nemawashi": ("invisible", None),
    "japanese": ("japanese", None),
    "jlpt": ("japanese", None),
    "nihongo": ("japanese", None),
    "keigo": ("japanese", None),
    "bridge": ("bridge", None),
    "translation": ("bridge", "translation"),
    "proposal": ("proposal", None),
    "idea": ("proposal", "idea"),
    "docs": ("documentation", None),
    "documentation": ("documentation", None),
    "nomikai": ("team_event", "drinking_party"),
    "lunch": ("team_event", "lunch"),
    "team": ("team_event", None),
    "win": ("achievement", None),
    "achievement": ("achievement", None),
    "milestone": ("achievement", "milestone"),
    "1on1": ("conversation", "one_on_one"),
    "review": ("conversation", "evaluation"),
    "feedback": ("conversation", "feedback"),
}

# When an entry's tags map to several kinds, the first kind here wins.
KIND_PRECEDENCE = (
    "achievement",
    "conversation",
    "japanese",
    "proposal",
    "bridge",
    "documentation",
    "invisible",
    "team_event",
    "note",
)

_TAG_OK = re.compile(r"^[\w][\w\-./+]*$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

TagMap = Mapping[str, tuple[str, str | None]]


class JrnlImport(msgspec.Struct, frozen=True):
    """Entries built from a jrnl export, plus the ids whose notes had to be cut."""

    entries: tuple[Entry, ...]
    truncated: tuple[str, ...]


def tag_key(tag: str) -> str:
    return str(tag).strip().lstrip("@#").lower()


def parse_tag_map(pairs: Iterable[str]) -> dict[str, tuple[str, str | None]]:
    """`@tag=kind` or `@tag=kind/type` from the command line, checked against KINDS."""
    result: dict[str, tuple[str, str | None]] = {}
    for pair in pairs:
        tag, sep, target = str(pair).partition("=")
        key = tag_key(tag)
        if not sep or not key or not target.strip():
            raise ValidationError(f"--map {pair!r}: write it as @tag=kind or @tag=kind/type")
        kind_text, _, subtype = target.strip().partition("/")
        try:
            kind = check_kind(kind_text)
            checked = str(parse_detail_value(kind, "type", subtype)) if subtype else None
        except CareerCoachError as exc:
            raise ValidationError(f"--map {pair!r}: {exc}") from None
        result[key] = (kind, checked)
    return result


def jrnl_id(date: str, time: str, title: str, occurrence: int = 0) -> str:
    """A stable id for a jrnl entry (its identity in jrnl is date, time and title)."""
    key = f"{date}\x1f{time}\x1f{title}"
    if occurrence:
        key += f"\x1f{occurrence}"
    number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big")
    base = len(ID_ALPHABET)
    chars = []
    for _ in range(JRNL_ID_LENGTH):
        number, digit = divmod(number, base)
        chars.append(ID_ALPHABET[digit])
    return "".join(chars)


def choose_kind(tags: Iterable[str], user_map: TagMap) -> tuple[str, str | None]:
    """The kind (and sub-type) for a set of tags; user mappings beat the defaults."""
    for table in (user_map, DEFAULT_TAG_MAP):
        found = [table[t] for t in tags if t in table]
        if found:
            return min(found, key=lambda m: (KIND_PRECEDENCE.index(m[0]), m[1] or ""))
    return ("note", None)


def _short_title(title: str) -> str:
    """Cut a long title at a word boundary, ending with an ellipsis."""
    limit = TITLE_MAX - 1
    cut = title[:limit]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip() + "…"


def _cut_notes(notes: str) -> str:
    marker_template = "\n\n[… cut here: {n} more characters are in the jrnl entry]"
    room = NOTES_MAX - len(marker_template.format(n=len(notes)))
    return notes[:room] + marker_template.format(n=len(notes) - room)


def _clean_tags(raw_tags: Any, starred: bool) -> list[str]:
    """jrnl tags without "@", sorted; ones careercoach cannot hold stay in the text only."""
    keys = {tag_key(t) for t in raw_tags}
    kept = sorted(k for k in keys if k and len(k) <= TAG_MAX_LEN and _TAG_OK.match(k))
    if starred:
        kept = [STARRED_TAG, *(k for k in kept if k != STARRED_TAG)]
    return kept[:TAGS_MAX]


def _text(record: Mapping[str, Any], key: str) -> str:
    value = record.get(key, "")
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValidationError(f"{key!r} must be text")
    return value


def convert_record(
    record: Any, user_map: TagMap, occurrence: dict[tuple[str, str, str], int]
) -> tuple[Entry, bool]:
    """One jrnl entry object -> (entry, whether its notes were cut)."""
    if not isinstance(record, Mapping):
        raise ValidationError("a jrnl entry must be a JSON object")
    date_text = record.get("date")
    if not isinstance(date_text, str) or not _DATE_RE.match(date_text):
        raise ValidationError(f"bad date {date_text!r}: expected YYYY-MM-DD")
    date = parse_date(date_text, dt.date.min)  # ISO only: "today" never reaches here
    time_text = record.get("time", "00:00")
    if not isinstance(time_text, str) or not _TIME_RE.match(time_text):
        raise ValidationError(f"bad time {time_text!r}: expected HH:MM")
    raw_tags = record.get("tags", [])
    if not isinstance(raw_tags, list) or not all(isinstance(t, str) for t in raw_tags):
        raise ValidationError("'tags' must be a list of text")
    starred = record.get("starred", False)
    if not isinstance(starred, bool):
        raise ValidationError("'starred' must be true or false")
    raw_title = _text(record, "title")
    body = _text(record, "body").strip()
    title = " ".join(raw_title.split())
    if not title:
        first_line = next((line.strip() for line in body.splitlines() if line.strip()), "")
        if not first_line:
            raise ValidationError("the entry has neither a title nor a body")
        title = " ".join(first_line.split())
    notes = body
    if len(title) > TITLE_MAX:
        notes = f"{title}\n\n{body}" if body else title
        title = _short_title(title)
    cut = len(notes) > NOTES_MAX
    if cut:
        notes = _cut_notes(notes)
    identity = (date_text, time_text, raw_title)
    seen = occurrence.get(identity, 0)
    occurrence[identity] = seen + 1
    tags = _clean_tags(raw_tags, starred)
    kind, subtype = choose_kind(tags, user_map)
    stamp = f"{date_text}T{time_text}:00"
    entry = make_entry(
        entry_id=jrnl_id(date_text, time_text, raw_title, seen),
        date=date,
        kind=kind,
        title=title,
        notes=notes,
        tags=tags,
        details={"type": subtype} if subtype else {},
        created=stamp,
        updated=stamp,
        starred=starred,
    )
    return entry, cut


def _records_in(path: Path) -> list[tuple[Path, str, Any]]:
    """(file, label, record) for every entry in a jrnl export file or folder."""
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".json" and p.is_file())
        if not files:
            raise ValidationError(f"{path}: the folder holds no .json files from jrnl")
        records = []
        for file in files:
            data = load_json_file(file)
            if isinstance(data, Mapping) and isinstance(data.get("entries"), list):
                records += _journal_records(file, data)
            else:
                records.append((file, "entry", data))
        return records
    data = load_json_file(path)
    if not isinstance(data, Mapping) or not isinstance(data.get("entries"), list):
        raise ValidationError(
            f"{path}: not a jrnl JSON export (expected an object with an 'entries' list; "
            "make one with `jrnl --export json`)"
        )
    return _journal_records(path, data)


def _journal_records(path: Path, data: Mapping[str, Any]) -> list[tuple[Path, str, Any]]:
    if not isinstance(data.get("tags", {}), Mapping):
        raise ValidationError(f"{path}: 'tags' must be an object")
    return [(path, f"entry {n}", record) for n, record in enumerate(data["entries"], start=1)]


def _describe(label: str, record: Any) -> str:
    if isinstance(record, Mapping):
        title = str(record.get("title", ""))[:40]
        return f"{label} ({record.get('date')} {record.get('time')} {title!r})"
    return label


def read_jrnl(path: Path, user_map: TagMap | None = None) -> JrnlImport:
    """Validate a whole jrnl export (file or folder) into entries, or refuse it all."""
    occurrence: dict[tuple[str, str, str], int] = {}
    entries: list[Entry] = []
    truncated: list[str] = []
    for source, label, record in _records_in(path):
        try:
            entry, cut = convert_record(record, user_map or {}, occurrence)
        except CareerCoachError as exc:
            raise record_error(source, _describe(label, record), exc) from None
        entries.append(entry)
        if cut:
            truncated.append(entry.id)
    return JrnlImport(entries=tuple(entries), truncated=tuple(truncated))
