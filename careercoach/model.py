"""Journal entries and the profile: plain value types (msgspec Structs) plus their validation.

Everything that enters the journal passes through `make_entry` / `Profile.validated`,
so the storage layer can trust what it writes and the engines can trust what they read.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Union

import msgspec
import msgspec.structs

from careercoach.errors import ValidationError

TITLE_MAX = 200
NOTES_MAX = 20_000
TAGS_MAX = 20
TAG_MAX_LEN = 40
DETAIL_TEXT_MAX = 500

DetailValue = Union[str, int, bool]  # noqa: UP007 - a runtime alias on 3.10

JLPT_LEVELS = ("N5", "N4", "N3", "N2", "N1")  # easiest first: index = rank

# Every date the app accepts, anywhere: a year of windows and trends either side
# still fits in Python's calendar, so no computation can overflow.
DATE_MIN = dt.date(1900, 1, 1)
DATE_MAX = dt.date(2200, 12, 31)
DATE_RANGE_TEXT = "out of range (1900 to 2200)"

# JLPT scoring as the official site (jlpt.jp, "Scoring" and "Pass or fail") states it.
# content/criteria.yaml cites the same facts, and its loader refuses to disagree with
# this table. A result passes when the total reaches the level's pass mark AND every
# section reaches its minimum; N4 and N5 score language knowledge and reading together.
JLPT_TOTAL_MAX = 180
JLPT_PASS_MARKS = {"N1": 100, "N2": 90, "N3": 95, "N4": 90, "N5": 80}
_SEPARATE = (("knowledge", 60, 19), ("reading", 60, 19), ("listening", 60, 19))
_COMBINED = (("knowledge_reading", 120, 38), ("listening", 60, 19))
JLPT_SECTIONS: dict[str, tuple[tuple[str, int, int], ...]] = {
    "N1": _SEPARATE,
    "N2": _SEPARATE,
    "N3": _SEPARATE,
    "N4": _COMBINED,
    "N5": _COMBINED,
}  # level -> (section key, most points, minimum to pass)
JLPT_SECTION_KEYS = ("knowledge", "reading", "listening", "knowledge_reading")
JLPT_RESULT_KEYS = ("passed", "score", *JLPT_SECTION_KEYS)

# When the JLPT is held in Japan and when one applies, as jlpt.jp states it: the first
# Sunday of July and of December; applications are taken for a few weeks, opening about
# four months before the exam and closing about three months before, counted here from
# the first of those months (never calling an exam open after it closed). The same
# table for the nudge, the calendar, the review and readiness actions; the cited
# `jlpt:` block of content/criteria.yaml must agree with it.
JLPT_EXAM_MONTHS = (7, 12)
JLPT_REGISTRATION_OPENS_MONTHS_BEFORE = 4
JLPT_REGISTRATION_CLOSES_MONTHS_BEFORE = 3


def first_sunday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7)


def jlpt_exams(as_of: dt.date, count: int = 2) -> list[dt.date]:
    """The next `count` JLPT days in Japan on or after `as_of`, soonest first."""
    found: list[dt.date] = []
    year = as_of.year
    while len(found) < count:
        found += [day for m in JLPT_EXAM_MONTHS if (day := first_sunday(year, m)) >= as_of]
        year += 1
    return found[:count]


def months_before(day: dt.date, months: int) -> dt.date:
    """The first day of the month `months` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def jlpt_registration(exam: dt.date) -> tuple[dt.date, dt.date]:
    """About when applications for the exam on `exam` open, and the day by which they
    have closed (on it, it is too late)."""
    return (
        months_before(exam, JLPT_REGISTRATION_OPENS_MONTHS_BEFORE),
        months_before(exam, JLPT_REGISTRATION_CLOSES_MONTHS_BEFORE),
    )


def jlpt_exams_to_register(as_of: dt.date, count: int = 2) -> list[dt.date]:
    """The next `count` JLPT days one can still apply for on `as_of` (registration open
    or not yet open): an exam whose registration closed is no goal to name."""
    ahead = jlpt_exams(as_of, count + len(JLPT_EXAM_MONTHS))  # closing is under a year ahead
    return [day for day in ahead if as_of < jlpt_registration(day)[1]][:count]


class DetailSpec(msgspec.Struct, frozen=True):
    """One allowed detail key of a kind: its type and, for choices, its values."""

    type: str  # "choice" | "int" | "bool" | "text"
    choices: tuple[str, ...] = ()
    minimum: int = 0
    maximum: int = 0


class KindSpec(msgspec.Struct, frozen=True):
    """An entry kind from the promotion guide, with its sub-types and details."""

    id: str
    label: str
    subtypes: tuple[str, ...]
    details: Mapping[str, DetailSpec] = msgspec.field(default_factory=dict)


def _choice(*values: str) -> DetailSpec:
    return DetailSpec("choice", values)


KINDS: dict[str, KindSpec] = {
    spec.id: spec
    for spec in (
        KindSpec(
            "invisible",
            "Invisible work",
            (
                "meeting_room",
                "clean_documents",
                "meeting_notes",
                "early",
                "dull_task",
                "stayed_late",
                "other",
            ),
        ),
        KindSpec(
            "japanese",
            "Japanese",
            ("study", "at_work", "jlpt"),
            {
                "level": _choice(*JLPT_LEVELS),
                "passed": DetailSpec("bool"),
                "score": DetailSpec("int", minimum=0, maximum=180),
                "knowledge": DetailSpec("int", minimum=0, maximum=60),
                "reading": DetailSpec("int", minimum=0, maximum=60),
                "listening": DetailSpec("int", minimum=0, maximum=60),
                "knowledge_reading": DetailSpec("int", minimum=0, maximum=120),
                "minutes": DetailSpec("int", minimum=0, maximum=1440),
            },
        ),
        KindSpec(
            "bridge",
            "Bridge role",
            ("communication", "culture", "misunderstanding", "translation", "other"),
        ),
        KindSpec(
            "proposal",
            "Soft proposal",
            ("idea", "alternative", "feedback"),
            {"adopted": DetailSpec("bool")},
        ),
        KindSpec(
            "documentation",
            "Documentation & systems",
            ("sheet", "checklist", "system", "procedure", "manual", "bilingual"),
        ),
        KindSpec(
            "team_event",
            "Team event",
            ("drinking_party", "lunch", "seasonal_party", "outing", "coffee"),
        ),
        KindSpec(
            "achievement",
            "Achievement",
            ("major_project", "milestone", "recognition"),
        ),
        KindSpec(
            "conversation",
            "Career conversation",
            ("evaluation", "feedback", "promotion_ask", "one_on_one"),
            {"outcome": DetailSpec("text")},
        ),
        KindSpec(
            "note",
            "Note / evidence",
            ("note", "evidence", "plan_goal_met", "plan_instruction", "plan_meeting"),
        ),
    )
}

PLAN_EVIDENCE_TYPES = ("plan_goal_met", "plan_instruction", "plan_meeting")
PIP_TAG = "pip"

# The three employer types (promotion guide §1, §9) first; "foreign" is the
# stored value of foreign-affiliated (journals hold it), and startup and other stay.
COMPANY_TYPES = ("japanese", "foreign", "mixed", "startup", "other")
# What one may type for a stored value, besides the value itself.
COMPANY_TYPE_ALIASES = {"foreign-affiliated": "foreign", "foreign_affiliated": "foreign"}
TARGET_ROLES = ("specialist", "manager")
# How people read these values: the app's profile form and the promotion packet.
COMPANY_TYPE_LABELS = {
    "japanese": "Japanese company",
    "foreign": "Foreign-affiliated",
    "mixed": "Mixed (Japanese and foreign ways)",
    "startup": "Startup",
    "other": "Other",
}
# The names `profile set company_type=` offers (each also accepted as stored).
COMPANY_TYPE_NAMES = ("japanese", "foreign-affiliated", "mixed", "startup", "other")
TARGET_ROLE_LABELS = {"specialist": "Specialist", "manager": "Manager"}
SCRIPT_LANGUAGES = ("en", "ja", "both")
# title: 佐藤課長 when a title is set; san: 佐藤さん / Sato-san; name: the bare name in English.
MANAGER_ADDRESSING = ("title", "san", "name")

_LATIN_RE = re.compile(r"[A-Za-z]")
_TAG_RE = re.compile(r"^[\w][\w\-./+]*$")
_ISO_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def parse_date(text: str, today: dt.date) -> dt.date:
    """Read a user date: ISO `YYYY-MM-DD`, `today` or `yesterday`."""
    value = str(text).strip().lower()
    if value == "today":
        return today
    if value == "yesterday":
        return today - dt.timedelta(days=1)
    if not _ISO_DATE_RE.match(value):
        raise ValidationError(f"bad date {text!r}: use YYYY-MM-DD, 'today' or 'yesterday'")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise ValidationError(f"bad date {text!r}: no such day in the calendar") from None
    if not DATE_MIN <= day <= DATE_MAX:
        raise ValidationError(f"date {value} is {DATE_RANGE_TEXT}")
    return day


def parse_bool(text: str) -> bool:
    """Read yes/no style answers the way people type them."""
    value = str(text).strip().lower()
    if value in ("yes", "y", "true", "1", "pass", "passed"):
        return True
    if value in ("no", "n", "false", "0", "fail", "failed"):
        return False
    raise ValidationError(f"expected yes or no, got {text!r}")


def clean_text(text: str) -> str:
    """Normalise line endings and strip NULs; keep everything else the user typed."""
    text = str(text)
    if not text.isascii():
        text = text.encode("utf-8", "replace").decode("utf-8")  # lone surrogates -> "?"
        text = unicodedata.normalize("NFC", text)
    return text.replace("\r\n", "\n").replace("\x00", "")


def normalise_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Lower-case, de-duplicate (keeping order) and check every tag."""
    result: list[str] = []
    for raw in tags:
        tag = clean_text(raw).strip().lstrip("#@").lower()
        if not tag:
            continue
        if len(tag) > TAG_MAX_LEN or not _TAG_RE.match(tag):
            raise ValidationError(
                f"bad tag {raw!r}: use letters, digits, - _ . / + "
                f"(at most {TAG_MAX_LEN} characters)"
            )
        if tag not in result:
            result.append(tag)
    if len(result) > TAGS_MAX:
        raise ValidationError(f"too many tags ({len(result)}): at most {TAGS_MAX}")
    return tuple(result)


def parse_detail_value(kind: str, key: str, raw: Any) -> DetailValue:
    """Check one detail against its kind's spec and return it typed."""
    spec = KINDS[kind]
    if key == "type":
        value = str(raw).strip().lower()
        if value not in spec.subtypes:
            raise ValidationError(
                f"unknown type {raw!r} for {kind}: choose from {', '.join(spec.subtypes)}"
            )
        return value
    detail = spec.details.get(key)
    if detail is None:
        allowed = ", ".join(("type", *spec.details)) or "type"
        raise ValidationError(f"unknown detail {key!r} for {kind}: allowed are {allowed}")
    if detail.type == "choice":
        value = str(raw).strip().upper() if key == "level" else str(raw).strip().lower()
        if value not in detail.choices:
            raise ValidationError(f"bad {key} {raw!r}: choose from {', '.join(detail.choices)}")
        return value
    if detail.type == "bool":
        return raw if isinstance(raw, bool) else parse_bool(raw)
    if detail.type == "int":
        if isinstance(raw, bool):
            raise ValidationError(f"bad {key} {raw!r}: expected a whole number")
        try:
            number = int(str(raw).strip())
        except ValueError:
            raise ValidationError(f"bad {key} {raw!r}: expected a whole number") from None
        if not detail.minimum <= number <= detail.maximum:
            raise ValidationError(
                f"bad {key} {number}: must be between {detail.minimum} and {detail.maximum}"
            )
        return number
    text = clean_text(raw).strip()
    if len(text) > DETAIL_TEXT_MAX:
        raise ValidationError(f"{key} is too long: at most {DETAIL_TEXT_MAX} characters")
    return text


def details_text(details: Mapping[str, Any], separator: str = ", ") -> str:
    """Details other than the sub-type as `key=value` text, e.g. `level=N2, passed=yes`.

    The same words `parse_detail_pairs` reads back, so a form can round-trip them.
    """
    parts = []
    for key, value in details.items():
        if key == "type":
            continue
        shown = ("yes" if value else "no") if isinstance(value, bool) else value
        parts.append(f"{key}={shown}")
    return separator.join(parts)


def parse_detail_pairs(kind: str, pairs: Iterable[str]) -> dict[str, DetailValue]:
    """Turn `key=value` strings from the command line into checked details."""
    details: dict[str, DetailValue] = {}
    for pair in pairs:
        key, sep, value = str(pair).partition("=")
        key = key.strip().lower()
        if not sep or not key:
            raise ValidationError(f"bad detail {pair!r}: write it as key=value")
        details[key] = parse_detail_value(kind, key, value)
    return details


def check_kind(kind: str) -> str:
    """Return the canonical kind id or explain which ones exist."""
    value = str(kind).strip().lower().replace("-", "_")
    if value not in KINDS:
        raise ValidationError(f"unknown kind {kind!r}: choose from {', '.join(KINDS)}")
    return value


def validate_details(kind: str, details: Mapping[str, Any]) -> dict[str, DetailValue]:
    """Check a whole details mapping, including rules that span keys."""
    checked = {str(k): parse_detail_value(kind, str(k), v) for k, v in details.items()}
    if kind == "japanese":
        checked = check_jlpt_result(checked)
    return checked


def check_jlpt_result(details: dict[str, DetailValue]) -> dict[str, DetailValue]:
    """A JLPT result's scores and `passed` must agree with the official pass rules.

    Result details (passed, score, section scores) make an entry a JLPT result, so
    the sub-type follows from them. The total is filled in from a full set of section
    scores and must otherwise lie between the known sections and the most the unknown
    ones can add. `passed` follows whenever every consistent completion of the section
    scores agrees on it; a `passed` that the scores contradict is refused.
    """
    if not any(key in details for key in JLPT_RESULT_KEYS):
        if details.get("type") == "jlpt" and "level" not in details:
            raise ValidationError("a JLPT entry needs a level: add --detail level=N2 (N1 to N5)")
        return details
    subtype = details.setdefault("type", "jlpt")
    if subtype != "jlpt":
        raise ValidationError(
            f"passed and scores describe a JLPT result, not {subtype}: use --type jlpt"
        )
    level = details.get("level")
    if not isinstance(level, str):
        raise ValidationError("a JLPT entry needs a level: add --detail level=N2 (N1 to N5)")
    sections = JLPT_SECTIONS[level]
    names = [name for name, _, _ in sections]
    for key in JLPT_SECTION_KEYS:
        if key in details and key not in names:
            raise ValidationError(
                f"JLPT {level} has no {key} section: its sections are {', '.join(names)}"
            )
    for name, most, _ in sections:
        value = details.get(name)
        if isinstance(value, int) and value > most:
            raise ValidationError(f"bad {name} {value}: JLPT {level} scores it out of {most}")
    known = {name: int(details[name]) for name in names if name in details}
    score = details.get("score")
    if len(known) == len(names):
        total = sum(known.values())
        if isinstance(score, int) and score != total:
            raise ValidationError(f"the section scores add up to {total}, but score is {score}")
        details["score"] = score = total
    elif isinstance(score, int):
        _check_reachable(level, score, known)
    passed, reason = _jlpt_outcome(level, score if isinstance(score, int) else None, known)
    if passed is not None:
        if "passed" in details and details["passed"] != passed:
            raise ValidationError(reason)
        details["passed"] = passed
    return details


def _unknown_sections(level: str, known: Mapping[str, int]) -> list[tuple[str, int, int]]:
    return [section for section in JLPT_SECTIONS[level] if section[0] not in known]


def _named(known: Mapping[str, int]) -> str:
    return ", ".join(f"{name} {value}" for name, value in known.items())


def _check_reachable(level: str, score: int, known: Mapping[str, int]) -> None:
    """A total must lie between the known sections and the most the others can add."""
    floor = sum(known.values())
    if floor > score:
        raise ValidationError(
            f"the section scores ({_named(known)}) already add up to {floor}, "
            f"more than score {score}"
        )
    ceiling = floor + sum(most for _, most, _ in _unknown_sections(level, known))
    if ceiling < score:
        raise ValidationError(
            f"a score of {score} is out of reach: with {_named(known)} the JLPT {level} "
            f"total is at most {ceiling}"
        )


def _jlpt_outcome(
    level: str, score: int | None, known: Mapping[str, int]
) -> tuple[bool | None, str]:
    """Pass or fail when every completion of the unknown section scores consistent with
    what is known agrees (None when they disagree), and the reason, for a refusal.

    A pass needs the total at the pass mark and every section at its minimum."""
    mark = JLPT_PASS_MARKS[level]
    for name, _, least in JLPT_SECTIONS[level]:
        if name in known and known[name] < least:
            return False, (
                f"{name} {known[name]} is under the JLPT {level} section minimum of {least}: "
                "that is a fail, not a pass"
            )
    unknown = _unknown_sections(level, known)
    if score is None:
        ceiling = sum(known.values()) + sum(most for _, most, _ in unknown)
        if ceiling < mark:
            return False, (
                f"{_named(known)} leave at most {ceiling} of {JLPT_TOTAL_MAX}, under the "
                f"JLPT {level} pass mark of {mark}: that is a fail, not a pass"
            )
        return None, ""
    if score < mark:
        return False, (
            f"JLPT {level} passes at {mark} of {JLPT_TOTAL_MAX}: "
            f"a score of {score} cannot be a pass"
        )
    rest = score - sum(known.values())
    need = sum(least for _, _, least in unknown)
    if rest < need:
        return False, (
            f"a score of {score} leaves {rest} for {', '.join(n for n, _, _ in unknown)}, "
            f"under the {need} the JLPT {level} section minimums need: that is a fail, not a pass"
        )
    most_unknown = sum(most for _, most, _ in unknown)
    if any(rest - (most_unknown - most) < least for _, most, least in unknown):
        return None, ""  # one of the unknown sections may still be under its minimum
    if not unknown:
        return True, (
            f"a score of {score} with every section at or above its minimum passes "
            f"JLPT {level} (pass mark {mark} of {JLPT_TOTAL_MAX}): that is a pass, not a fail"
        )
    return True, (
        f"a score of {score} passes JLPT {level} (pass mark {mark} of {JLPT_TOTAL_MAX}) "
        "and at that total no section can be under its minimum: that is a pass, not a fail"
    )


def jlpt_pass_level(entry: Entry) -> str:
    """The level an entry records as passed, or "" when it records no pass."""
    if entry.kind != "japanese" or entry.details.get("passed") is not True:
        return ""
    level = entry.details.get("level")
    return level if isinstance(level, str) and level in JLPT_LEVELS else ""


def jlpt_level_news(before: str, after: str) -> str:
    """What to tell the user when a logged pass raised the profile's JLPT level."""
    if before == after:
        return ""
    return (
        f"Profile JLPT level: {before or 'none'} -> {after} (it follows your highest logged pass)."
    )


def follow_jlpt_pass(
    change_profile: Callable[[Callable[[Profile], Profile]], Profile], entry: Entry
) -> str:
    """Raise the profile's JLPT level to a newly logged pass, as an operation on the
    profile as it is on disk (pass `Journal.change_profile`); the news, or ""."""
    if not jlpt_pass_level(entry):
        return ""
    before: list[str] = []

    def follow(profile: Profile) -> Profile:
        before.append(profile.jlpt_level)
        return follow_jlpt_passes(profile, [entry])

    after = change_profile(follow).jlpt_level
    return jlpt_level_news(before[-1], after)


def follow_jlpt_passes(profile: Profile, entries: Iterable[Entry]) -> Profile:
    """The profile with its JLPT level raised to the highest logged pass (never lowered:
    a level set by hand, or passed before the journal began, stays)."""
    best = profile.jlpt_level
    for entry in entries:
        level = jlpt_pass_level(entry)
        if jlpt_rank(level) > jlpt_rank(best):
            best = level
    if best == profile.jlpt_level:
        return profile
    return msgspec.structs.replace(profile, jlpt_level=best)


class Entry(msgspec.Struct, frozen=True, gc=False):
    """One journal entry. `id` is short and stable: users type it.

    A frozen msgspec Struct outside the cyclic garbage collector (`gc=False`: an
    entry holds only text, a date, a tuple and a flat mapping, so it can never be
    part of a cycle). A journal keeps 10k-100k of them alive; as tracked objects
    they made the collector's next full pass walk every one of them.
    """

    id: str
    date: dt.date
    kind: str
    title: str
    notes: str = ""
    tags: tuple[str, ...] = ()
    details: Mapping[str, DetailValue] = {}
    created: str = ""
    updated: str = ""
    starred: bool = False  # a highlight: cited first in scripts, the packet and the review
    title_ja: str = ""  # the title in Japanese, for Japanese scripts (optional)

    @property
    def subtype(self) -> str | None:
        value = self.details.get("type")
        return str(value) if value is not None else None

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape stored in the journal and in backups."""
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "kind": self.kind,
            "title": self.title,
            "title_ja": self.title_ja,
            "notes": self.notes,
            "tags": list(self.tags),
            "details": dict(self.details),
            "created": self.created,
            "updated": self.updated,
            "starred": self.starred,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Entry:
        """Rebuild and re-validate an entry from an import file or a foreign source."""
        if not isinstance(data, Mapping):
            raise ValidationError("an entry must be a JSON object")
        try:
            raw_date = data["date"]
            entry_id = data["id"]
        except KeyError as missing:
            raise ValidationError(f"entry is missing {missing.args[0]!r}") from None
        if not isinstance(raw_date, str) or not _ISO_DATE_RE.match(raw_date):
            raise ValidationError(f"entry {entry_id!r}: bad date {raw_date!r}")
        tags = data.get("tags", [])
        details = data.get("details", {})
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValidationError(f"entry {entry_id!r}: tags must be a list of text")
        if not isinstance(details, Mapping):
            raise ValidationError(f"entry {entry_id!r}: details must be an object")
        starred = data.get("starred", False)
        if not isinstance(starred, bool):
            raise ValidationError(f"entry {entry_id!r}: starred must be true or false")
        return make_entry(
            entry_id=check_id(entry_id),
            date=parse_date(raw_date, dt.date.today()),
            kind=data.get("kind", ""),
            title=data.get("title", ""),
            title_ja=data.get("title_ja", "") or "",
            notes=data.get("notes", "") or "",
            tags=tags,
            details=details,
            created=str(data.get("created", "")),
            updated=str(data.get("updated", "")),
            starred=starred,
        )


_ID_RE = re.compile(r"^[a-z0-9]{3,16}$")


def entries_from_stored(records: Sequence[Mapping[str, Any]]) -> list[Entry]:
    """Entries from records our own storage wrote (validated when they were written).

    A journal of 100k entries builds 100k of them at every open: msgspec does it in
    C, checking each field's type on the way, about twice as fast as Python code
    filling the fields. Raises `msgspec.ValidationError` for a damaged record.
    """
    return msgspec.convert(records, list[Entry])


def check_id(entry_id: Any) -> str:
    """Ids are short lowercase alphanumerics; anything else is a foreign record."""
    value = str(entry_id).strip().lower()
    if not isinstance(entry_id, str) or not _ID_RE.match(value):
        raise ValidationError(f"bad entry id {entry_id!r}")
    return value


def make_entry(
    *,
    entry_id: str,
    date: dt.date,
    kind: str,
    title: str,
    title_ja: str = "",
    notes: str = "",
    tags: Iterable[str] = (),
    details: Mapping[str, Any] | None = None,
    created: str = "",
    updated: str = "",
    starred: bool = False,
) -> Entry:
    """Build a validated entry: the only way entries should be created."""
    kind = check_kind(kind)
    if not isinstance(title, str) or not isinstance(notes, str):
        raise ValidationError("title and notes must be text")
    title = clean_text(title).strip()
    if not title:
        raise ValidationError("the title is empty: say in a few words what you did")
    if "\n" in title:
        raise ValidationError("the title must be one line: put the rest in --note")
    if len(title) > TITLE_MAX:
        raise ValidationError(f"the title is {len(title)} characters: at most {TITLE_MAX}")
    title_ja = check_title_ja(title_ja)
    notes = clean_text(notes)
    if len(notes) > NOTES_MAX:
        raise ValidationError(f"the notes are {len(notes)} characters: at most {NOTES_MAX}")
    if not DATE_MIN <= date <= DATE_MAX:
        raise ValidationError(f"date {date.isoformat()} is {DATE_RANGE_TEXT}")
    return Entry(
        id=entry_id,
        date=date,
        kind=kind,
        title=title,
        title_ja=title_ja,
        notes=notes,
        tags=normalise_tags(tags),
        details=validate_details(kind, details or {}),
        created=created,
        updated=updated,
        starred=bool(starred),
    )


def check_title_ja(title_ja: Any) -> str:
    """The optional Japanese title: one line, like the title; empty means none."""
    if not isinstance(title_ja, str):
        raise ValidationError("the Japanese title must be text")
    title_ja = clean_text(title_ja).strip()
    if "\n" in title_ja:
        raise ValidationError("the Japanese title must be one line")
    if len(title_ja) > TITLE_MAX:
        raise ValidationError(
            f"the Japanese title is {len(title_ja)} characters: at most {TITLE_MAX}"
        )
    return title_ja


def is_plan_evidence(entry: Entry) -> bool:
    """A note typed as improvement-plan evidence, or any entry tagged "pip". It stays
    out of the promotion material (packet, CSV, scripts, score) unless asked for."""
    marked = entry.kind == "note" and entry.subtype in PLAN_EVIDENCE_TYPES
    return marked or PIP_TAG in entry.tags


def with_changes(entry: Entry, **changes: Any) -> Entry:
    """Return the entry with some fields changed, validated again as a whole."""
    merged = {
        "entry_id": entry.id,
        "date": entry.date,
        "kind": entry.kind,
        "title": entry.title,
        "title_ja": entry.title_ja,
        "notes": entry.notes,
        "tags": entry.tags,
        "details": entry.details,
        "created": entry.created,
        "updated": entry.updated,
        "starred": entry.starred,
    }
    merged.update(changes)
    return make_entry(**merged)


class Profile(msgspec.Struct, frozen=True):
    """Who the user is at work; every field optional so a new user can start at once."""

    name: str = ""
    name_ja: str = ""  # for the self-introduction in Japanese (モーガンです)
    company_type: str = ""
    target_role: str = "specialist"
    start_date: dt.date | None = None
    jlpt_level: str = ""
    next_evaluation: dt.date | None = None
    contract_renewal: dt.date | None = None
    manager_name: str = ""
    manager_name_ja: str = ""  # 佐藤: Japanese scripts address 佐藤課長 / 佐藤さん
    manager_title: str = ""  # 課長, 部長, 係長, …: itself an honorific
    manager_addressing: str = ""  # "" or title | san | name (see phrasing/addressing.py)
    script_language: str = "en"

    def to_dict(self) -> dict[str, Any]:
        data = msgspec.structs.asdict(self)
        for key in PROFILE_DATE_FIELDS:
            value = getattr(self, key)
            data[key] = value.isoformat() if value else None
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Profile:
        if not isinstance(data, Mapping):
            raise ValidationError("the profile must be a JSON object")
        unknown = set(data) - set(PROFILE_FIELDS)
        if unknown:
            raise ValidationError(f"unknown profile field {sorted(unknown)[0]!r}")
        values = {k: v for k, v in data.items() if v is not None}
        return set_profile_fields(cls(), values, dt.date.today(), stored=True)

    def is_empty(self) -> bool:
        return self == Profile()


PROFILE_FIELDS = (
    "name",
    "name_ja",
    "company_type",
    "target_role",
    "start_date",
    "jlpt_level",
    "next_evaluation",
    "contract_renewal",
    "manager_name",
    "manager_name_ja",
    "manager_title",
    "manager_addressing",
    "script_language",
)
PROFILE_DATE_FIELDS = ("start_date", "next_evaluation", "contract_renewal")
PROFILE_CHOICES: dict[str, tuple[str, ...]] = {
    "company_type": COMPANY_TYPES,
    "target_role": TARGET_ROLES,
    "jlpt_level": JLPT_LEVELS,
    "script_language": SCRIPT_LANGUAGES,
    "manager_addressing": MANAGER_ADDRESSING,
}
NAME_MAX = 100


# Fields Japanese scripts print as they are (佐藤課長, モーガンです): Latin letters there
# would show in a Japanese sentence. The example each refusal gives.
JAPANESE_TEXT_FIELDS = {
    "name_ja": "モーガン",
    "manager_name_ja": "佐藤",
    "manager_title": "課長, 部長 or 係長",
}


def set_profile_fields(
    profile: Profile, values: Mapping[str, Any], today: dt.date, *, stored: bool = False
) -> Profile:
    """Apply `key -> text` changes to a profile; an empty value clears the field.

    `stored`: the values come from a journal, where an older version may have kept
    Latin letters in a Japanese field; they still load (and show as typed)."""
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        key = str(key).strip().lower().replace("-", "_")
        if key not in PROFILE_FIELDS:
            raise ValidationError(
                f"unknown profile field {key!r}: choose from {', '.join(PROFILE_FIELDS)}"
            )
        text = "" if raw is None else clean_text(raw).strip()
        if key in PROFILE_DATE_FIELDS:
            changes[key] = parse_date(text, today) if text else None
        elif key in PROFILE_CHOICES:
            choices = PROFILE_CHOICES[key]
            value = text.upper() if key == "jlpt_level" else text.lower()
            if key == "company_type":
                value = COMPANY_TYPE_ALIASES.get(value, value)
            if value and value not in choices:
                named = COMPANY_TYPE_NAMES if key == "company_type" else choices
                raise ValidationError(f"bad {key} {raw!r}: choose from {', '.join(named)}")
            if not value and key in ("target_role", "script_language"):
                value = getattr(Profile(), key)
            changes[key] = value
        else:
            if "\n" in text or len(text) > NAME_MAX:
                raise ValidationError(f"{key} must be one line of at most {NAME_MAX} characters")
            if key in JAPANESE_TEXT_FIELDS and not stored and _LATIN_RE.search(text):
                raise ValidationError(
                    f"bad {key} {raw!r}: write it in Japanese, e.g. {JAPANESE_TEXT_FIELDS[key]}"
                )
            changes[key] = text
    return msgspec.structs.replace(profile, **changes)


def parse_profile_pairs(pairs: Iterable[str]) -> dict[str, str]:
    """`key=value` strings from the command line into a mapping."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = str(pair).partition("=")
        if not sep or not key.strip():
            raise ValidationError(f"bad setting {pair!r}: write it as key=value")
        values[key.strip()] = value
    return values


def jlpt_rank(level: str | None) -> int:
    """0 for no level, 1 for N5 ... 5 for N1: higher is better."""
    if not level or level not in JLPT_LEVELS:
        return 0
    return JLPT_LEVELS.index(level) + 1


class Draft(msgspec.Struct, frozen=True):
    """What a user supplies for a new entry; the journal adds id and timestamps."""

    date: dt.date
    kind: str
    title: str
    notes: str = ""
    tags: tuple[str, ...] = ()
    details: Mapping[str, Any] | None = None
    starred: bool = False
    title_ja: str = ""
