"""The rules a stored improvement-plan record must meet, in one place.

The journal decides whether a journal is sound, and it may not import the plan
package (the layers run the other way), so the stored record's shape and limits live
here: the validator applies them on every read, and the plan package's reader
(`PlanRecord.from_dict`) applies the same check before it builds the record, so a
record `plan show` refuses is one `doctor` reports as damaged, in the same words.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from typing import Any

from careercoach.errors import ValidationError
from careercoach.model import clean_text

RECORD_VERSION = 1
ANSWERS = ("yes", "no", "unsure")
GOAL_STATUSES = ("open", "met", "not_met")
SUPPORT_KINDS = ("training", "coaching", "language_support", "transfer_discussed")
RECORD_FIELDS = (
    "version",
    "start",
    "end",
    "goals",
    "meetings",
    "support",
    "answers",
    "documents_done",
    "offer_date",
    "employment_end",
)
GOAL_FIELDS = (
    "text",
    "specific",
    "measurable",
    "within_my_control",
    "agreed",
    "status",
    "met_on",
    "recognised",
)
GOAL_TEXT_MAX = 500
MEETING_NOTE_MAX = 5_000
MAX_GOALS = 50
MAX_MEETINGS = 2_000
MAX_PLAN_DAYS = 3 * 366
MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)
_ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _fail(where: str, problem: str) -> ValidationError:
    return ValidationError(f"improvement plan record: {where}: {problem}")


def _mapping(value: Any, where: str, keys: Iterable[str]) -> Mapping[str, Any]:
    if not isinstance(value, Mapping):
        raise _fail(where, "expected an object")
    unknown = sorted(set(value) - set(keys))
    if unknown:
        raise _fail(where, f"unknown field {unknown[0]!r}")
    return value


def _date(value: Any, where: str, *, optional: bool = False) -> dt.date | None:
    return None if value is None and optional else _day(value, where)


def _day(value: Any, where: str) -> dt.date:
    if not isinstance(value, str) or not _ISO_RE.match(value):
        raise _fail(where, f"expected a YYYY-MM-DD date, got {value!r}")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise _fail(where, f"no such day {value!r}") from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise _fail(where, f"{value} is out of range (1900 to 2200)")
    return day


def _boolean(value: Any, where: str) -> None:
    if not isinstance(value, bool):
        raise _fail(where, f"expected true or false, got {value!r}")


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise _fail(where, f"expected text, got {value!r}")
    return clean_text(value).strip()


def _items(value: Any, where: str, most: int | None = None) -> list[Any]:
    if not isinstance(value, list):
        raise _fail(where, "expected a list")
    if most is not None and len(value) > most:
        raise _fail(where, f"{len(value)} of them: at most {most}")
    return value


def _goal(raw: Any, number: int) -> None:
    where = f"goals[{number - 1}]"
    data = _mapping(raw, where, GOAL_FIELDS)
    if "text" not in data:
        raise _fail(where, "missing 'text'")
    text = _text(data["text"], f"{where}.text")
    if not text or "\n" in text or len(text) > GOAL_TEXT_MAX:
        raise _fail(f"{where}.text", f"expected one line of 1 to {GOAL_TEXT_MAX} characters")
    status = data.get("status", "open")
    if status not in GOAL_STATUSES:
        raise _fail(f"{where}.status", f"{status!r} is not one of open, met, not_met")
    for flag in ("specific", "measurable", "within_my_control", "agreed"):
        _boolean(data.get(flag, False), f"{where}.{flag}")
    recognised = data.get("recognised")
    if recognised is not None:
        _boolean(recognised, f"{where}.recognised")
    met_on = _date(data.get("met_on"), f"{where}.met_on", optional=True)
    if status == "met" and met_on is None:
        raise _fail(where, f"goal {number} is met but has no date")
    if status != "met" and (met_on is not None or recognised is not None):
        raise _fail(where, f"goal {number} is not met, so it cannot have a met date")


def _meeting(raw: Any, where: str) -> None:
    data = _mapping(raw, where, ("date", "note"))
    if "date" not in data:
        raise _fail(where, "missing 'date'")
    _day(data["date"], f"{where}.date")
    if len(_text(data.get("note", ""), f"{where}.note")) > MEETING_NOTE_MAX:
        raise _fail(f"{where}.note", f"longer than {MEETING_NOTE_MAX} characters")


def check_plan_record(data: Any) -> None:
    """Raise a one-line ValidationError naming the field unless the plan reads back."""
    data = _mapping(data, "the record", RECORD_FIELDS)
    for required in ("start", "end"):
        if required not in data:
            raise _fail("the record", f"missing {required!r}")
    version = data.get("version", RECORD_VERSION)
    if version != RECORD_VERSION:
        raise _fail("version", f"unsupported version {version!r}")
    for kind, value in _mapping(data.get("support", {}), "support", SUPPORT_KINDS).items():
        _boolean(value, f"support.{kind}")
    answers = data.get("answers", {})
    if not isinstance(answers, Mapping):
        raise _fail("answers", "expected an object")
    for sign_id, answer in answers.items():
        if not isinstance(sign_id, str) or not sign_id:
            raise _fail("answers", f"bad sign id {sign_id!r}")
        if answer not in ANSWERS:
            raise _fail(f"answers.{sign_id}", f"{answer!r} is not one of yes, no, unsure")
    start, end = _day(data["start"], "start"), _day(data["end"], "end")
    if end <= start:
        raise _fail(
            "end", f"the plan end {end.isoformat()} must be after its start {start.isoformat()}"
        )
    if (end - start).days > MAX_PLAN_DAYS:
        raise _fail("end", f"a plan of {(end - start).days} days is too long: at most 3 years")
    for number, goal in enumerate(_items(data.get("goals", []), "goals", MAX_GOALS), start=1):
        _goal(goal, number)
    for i, meeting in enumerate(_items(data.get("meetings", []), "meetings", MAX_MEETINGS)):
        _meeting(meeting, f"meetings[{i}]")
    done = _items(data.get("documents_done", []), "documents_done")
    for i, item in enumerate(done):
        _text(item, f"documents_done[{i}]")
    if len(set(done)) != len(done):
        raise _fail("documents_done", "a checklist item is listed twice")
    _date(data.get("offer_date"), "offer_date", optional=True)
    _date(data.get("employment_end"), "employment_end", optional=True)
