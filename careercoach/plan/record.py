"""The improvement-plan record the user keeps, and the edits that keep it valid.

Stored as a plain JSON dict through `Journal.plan()` / `Journal.save_plan()`:
`PlanRecord.to_dict()` writes it, `PlanRecord.from_dict()` reads it back and checks
every field, so a damaged record gives one clear line instead of a wrong verdict.
Every edit helper returns a new record that has passed `check_plan`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import msgspec
import msgspec.structs

from careercoach.errors import ValidationError
from careercoach.journal import (
    PLAN_ANSWERS,
    PLAN_GOAL_STATUSES,
    PLAN_GOAL_TEXT_MAX,
    PLAN_MAX_DATE,
    PLAN_MAX_DAYS,
    PLAN_MAX_GOALS,
    PLAN_MAX_MEETINGS,
    PLAN_MEETING_NOTE_MAX,
    PLAN_MIN_DATE,
    PLAN_RECORD_VERSION,
    check_plan_record,
)
from careercoach.model import clean_text
from careercoach.plan.content import PlanContent, load_plan_content

# The stored record's rules are the journal's, whose validator checks every read of it.
ANSWERS = PLAN_ANSWERS
GOAL_STATUSES = PLAN_GOAL_STATUSES
GOAL_TEXT_MAX = PLAN_GOAL_TEXT_MAX
MAX_DATE = PLAN_MAX_DATE
MAX_PLAN_DAYS = PLAN_MAX_DAYS
MAX_GOALS = PLAN_MAX_GOALS
MAX_MEETINGS = PLAN_MAX_MEETINGS
MEETING_NOTE_MAX = PLAN_MEETING_NOTE_MAX
MIN_DATE = PLAN_MIN_DATE
RECORD_VERSION = PLAN_RECORD_VERSION
SUPPORT_LABELS = {  # each kind of support, as the app and the command line name it
    "training": "Training or reskilling offered",
    "coaching": "Coaching offered",
    "language_support": "Language support offered",
    "transfer_discussed": "A transfer or role change discussed",
}
SUPPORT_KINDS = tuple(SUPPORT_LABELS)
HELP_KINDS = ("training", "coaching", "language_support")  # what counts as "support"


_KEEP: Any = object()


# -- the record ----------------------------------------------------------------


class Goal(msgspec.Struct, frozen=True):
    """One plan goal, with the qualities the guide says make it fair to judge."""

    text: str
    specific: bool = False
    measurable: bool = False
    within_my_control: bool = True
    agreed: bool = False
    status: str = "open"
    met_on: dt.date | None = None
    recognised: bool | None = None  # None: met, but nobody has acknowledged it yet

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "specific": self.specific,
            "measurable": self.measurable,
            "within_my_control": self.within_my_control,
            "agreed": self.agreed,
            "status": self.status,
            "met_on": _iso(self.met_on),
            "recognised": self.recognised,
        }


class Meeting(msgspec.Struct, frozen=True):
    """A check-in meeting held during the plan."""

    date: dt.date
    note: str

    def to_dict(self) -> dict[str, Any]:
        return {"date": self.date.isoformat(), "note": self.note}


class Support(msgspec.Struct, frozen=True):
    """Support the company has offered; the guide counts it among the fixable signs."""

    training: bool = False
    coaching: bool = False
    language_support: bool = False
    transfer_discussed: bool = False

    @property
    def any_help(self) -> bool:
        """Training, coaching or language support (a transfer talk is not help itself)."""
        return any(getattr(self, kind) for kind in HELP_KINDS)

    def offered(self) -> tuple[str, ...]:
        return tuple(kind for kind in SUPPORT_KINDS if getattr(self, kind))

    def to_dict(self) -> dict[str, bool]:
        return {kind: getattr(self, kind) for kind in SUPPORT_KINDS}


class PlanRecord(msgspec.Struct, frozen=True):
    """The user's improvement plan as they record it. Build it with `new_plan`."""

    start: dt.date
    end: dt.date
    goals: tuple[Goal, ...] = ()
    meetings: tuple[Meeting, ...] = ()
    support: Support = Support()
    answers: Mapping[str, str] = msgspec.field(default_factory=dict)  # sign id -> yes/no/unsure
    documents_done: tuple[str, ...] = ()
    offer_date: dt.date | None = None  # a document to decide on was handed over on this day
    employment_end: dt.date | None = None

    @property
    def length_days(self) -> int:
        return (self.end - self.start).days

    def goal(self, number: int) -> Goal:
        """Goal `number`, counting from 1 as the CLI and the TUI show them."""
        return self.goals[_goal_index(self, number)]

    def meeting(self, number: int) -> Meeting:
        """Meeting `number`, counting from 1 in date order as the CLI and the TUI show them."""
        return self.meetings[_meeting_index(self, number)]

    def to_dict(self) -> dict[str, Any]:
        """The JSON shape stored in the journal."""
        return {
            "version": RECORD_VERSION,
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "goals": [g.to_dict() for g in self.goals],
            "meetings": [m.to_dict() for m in self.meetings],
            "support": self.support.to_dict(),
            "answers": dict(sorted(self.answers.items())),
            "documents_done": list(self.documents_done),
            "offer_date": _iso(self.offer_date),
            "employment_end": _iso(self.employment_end),
        }

    @classmethod
    def from_dict(cls, data: Any) -> PlanRecord:
        """Rebuild a stored record. It is checked first by the journal's own rules for a
        plan record (the validator every read applies), so damage gives the same one
        clear line here as from `doctor`; what passes builds without further checks."""
        check_plan_record(data)
        goals = tuple(
            Goal(
                text=g["text"],
                specific=g.get("specific", False),
                measurable=g.get("measurable", False),
                within_my_control=g.get("within_my_control", True),
                agreed=g.get("agreed", False),
                status=g.get("status", "open"),
                met_on=_day(g.get("met_on")),
                recognised=g.get("recognised"),
            )
            for g in data.get("goals", [])
        )
        meetings = tuple(
            Meeting(date=dt.date.fromisoformat(m["date"]), note=m.get("note", ""))
            for m in data.get("meetings", [])
        )
        return cls(
            start=dt.date.fromisoformat(data["start"]),
            end=dt.date.fromisoformat(data["end"]),
            goals=goals,
            meetings=meetings,
            support=Support(**data.get("support", {})),
            answers=dict(data.get("answers", {})),
            documents_done=tuple(data.get("documents_done", [])),
            offer_date=_day(data.get("offer_date")),
            employment_end=_day(data.get("employment_end")),
        )


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _day(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def check_plan(plan: PlanRecord) -> PlanRecord:
    """Check the rules that span fields; every edit helper ends here."""
    for name in ("start", "end", "offer_date", "employment_end"):
        value = getattr(plan, name)
        if value is not None and not MIN_DATE <= value <= MAX_DATE:
            raise ValidationError(f"{name} {value.isoformat()} is out of range (1900 to 2200)")
    if plan.end <= plan.start:
        raise ValidationError(
            f"the plan end {plan.end.isoformat()} must be after its start {plan.start.isoformat()}"
        )
    if plan.length_days > MAX_PLAN_DAYS:
        raise ValidationError(f"a plan of {plan.length_days} days is too long: at most 3 years")
    if len(plan.goals) > MAX_GOALS:
        raise ValidationError(f"too many goals ({len(plan.goals)}): at most {MAX_GOALS}")
    if len(plan.meetings) > MAX_MEETINGS:
        raise ValidationError(f"too many meetings: at most {MAX_MEETINGS}")
    for number, goal in enumerate(plan.goals, start=1):
        _check_goal_text(goal.text)
        if goal.status == "met" and goal.met_on is None:
            raise ValidationError(f"goal {number} is met but has no date")
        if goal.status != "met" and (goal.met_on is not None or goal.recognised is not None):
            raise ValidationError(f"goal {number} is not met, so it cannot have a met date")
    for meeting in plan.meetings:
        _check_note(meeting.note)
    for answer in plan.answers.values():
        if answer not in ANSWERS:
            raise ValidationError(f"bad answer {answer!r}: use yes, no or unsure")
    if len(set(plan.documents_done)) != len(plan.documents_done):
        raise ValidationError("a checklist item is listed twice")
    return plan


def _check_goal_text(text: str) -> str:
    cleaned = clean_text(text).strip()
    if not cleaned:
        raise ValidationError("the goal is empty: say in a few words what must be achieved")
    if "\n" in cleaned:
        raise ValidationError("a goal must be one line")
    if len(cleaned) > GOAL_TEXT_MAX:
        raise ValidationError(f"the goal is {len(cleaned)} characters: at most {GOAL_TEXT_MAX}")
    return cleaned


def _check_note(text: str) -> str:
    cleaned = clean_text(text).strip()
    if len(cleaned) > MEETING_NOTE_MAX:
        raise ValidationError(f"the note is {len(cleaned)} characters: at most {MEETING_NOTE_MAX}")
    return cleaned


def _goal_index(plan: PlanRecord, number: int) -> int:
    if not plan.goals:
        raise ValidationError(f"no goal {number}: the plan has no goals yet")
    if not 1 <= number <= len(plan.goals):
        raise ValidationError(f"no goal {number}: choose a number from 1 to {len(plan.goals)}")
    return number - 1


# -- edits (each returns a new, checked record) ------------------------------------


def new_plan(start: dt.date, end: dt.date) -> PlanRecord:
    return check_plan(PlanRecord(start=start, end=end))


def with_dates(
    plan: PlanRecord,
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
    offer_date: dt.date | None = _KEEP,
    employment_end: dt.date | None = _KEEP,
) -> PlanRecord:
    """Move the plan dates; pass `offer_date=None` / `employment_end=None` to clear them."""
    changes: dict[str, Any] = {}
    if start is not None:
        changes["start"] = start
    if end is not None:
        changes["end"] = end
    if offer_date is not _KEEP:
        changes["offer_date"] = offer_date
    if employment_end is not _KEEP:
        changes["employment_end"] = employment_end
    return check_plan(msgspec.structs.replace(plan, **changes))


def add_goal(
    plan: PlanRecord,
    text: str,
    *,
    specific: bool = False,
    measurable: bool = False,
    within_my_control: bool = True,
    agreed: bool = False,
) -> PlanRecord:
    goal = Goal(
        text=_check_goal_text(text),
        specific=specific,
        measurable=measurable,
        within_my_control=within_my_control,
        agreed=agreed,
    )
    return check_plan(msgspec.structs.replace(plan, goals=(*plan.goals, goal)))


def edit_goal(plan: PlanRecord, number: int, **changes: Any) -> PlanRecord:
    """Change a goal's text or flags (not its status: see `set_goal_status`)."""
    allowed = {"text", "specific", "measurable", "within_my_control", "agreed"}
    unknown = set(changes) - allowed
    if unknown:
        raise ValidationError(f"cannot change {sorted(unknown)[0]!r} of a goal here")
    if "text" in changes:
        changes["text"] = _check_goal_text(changes["text"])
    index = _goal_index(plan, number)
    goals = list(plan.goals)
    goals[index] = msgspec.structs.replace(goals[index], **changes)
    return check_plan(msgspec.structs.replace(plan, goals=tuple(goals)))


def set_goal_status(
    plan: PlanRecord,
    number: int,
    status: str,
    *,
    on: dt.date | None = None,
    recognised: bool | None = None,
) -> PlanRecord:
    """Mark a goal met (with its date and whether it was recognised), not met, or open."""
    if status not in GOAL_STATUSES:
        raise ValidationError(f"bad goal status {status!r}: use open, met or not_met")
    index = _goal_index(plan, number)
    if status == "met":
        if on is None:
            raise ValidationError("say when the goal was met")
        changed = msgspec.structs.replace(
            plan.goals[index], status=status, met_on=on, recognised=recognised
        )
    else:
        changed = msgspec.structs.replace(
            plan.goals[index], status=status, met_on=None, recognised=None
        )
    goals = list(plan.goals)
    goals[index] = changed
    return check_plan(msgspec.structs.replace(plan, goals=tuple(goals)))


def check_meeting_date(on: dt.date) -> dt.date:
    """A meeting is logged in the journal too, so its date must be one an entry can carry."""
    if not MIN_DATE <= on <= MAX_DATE:
        raise ValidationError(f"the meeting date {on.isoformat()} is out of range (1900 to 2200)")
    return on


def check_meeting_note(note: str) -> str:
    """The cleaned note of a new meeting: it must say something."""
    cleaned = _check_note(note)
    if not cleaned:
        raise ValidationError("the note is empty: say what was discussed or agreed")
    return cleaned


def add_meeting(plan: PlanRecord, on: dt.date, note: str) -> PlanRecord:
    """Record a check-in; meetings stay in date order."""
    meeting = Meeting(date=check_meeting_date(on), note=check_meeting_note(note))
    meetings = sorted((*plan.meetings, meeting), key=lambda m: m.date)
    return check_plan(msgspec.structs.replace(plan, meetings=tuple(meetings)))


def _meeting_index(plan: PlanRecord, number: int) -> int:
    if not plan.meetings:
        raise ValidationError(f"no meeting {number}: the plan has no meetings yet")
    if not 1 <= number <= len(plan.meetings):
        raise ValidationError(
            f"no meeting {number}: choose a number from 1 to {len(plan.meetings)}"
        )
    return number - 1


def edit_meeting(
    plan: PlanRecord, number: int, on: dt.date | None = None, note: str | None = None
) -> PlanRecord:
    """Change meeting `number` (counting from 1 in date order); it moves to its new
    place when its date changes."""
    index = _meeting_index(plan, number)
    current = plan.meetings[index]
    changed = Meeting(
        date=check_meeting_date(on) if on is not None else current.date,
        note=check_meeting_note(note) if note is not None else current.note,
    )
    others = [m for i, m in enumerate(plan.meetings) if i != index]
    meetings = sorted((*others, changed), key=lambda m: m.date)
    return check_plan(msgspec.structs.replace(plan, meetings=tuple(meetings)))


def delete_meeting(plan: PlanRecord, number: int) -> PlanRecord:
    index = _meeting_index(plan, number)
    meetings = tuple(m for i, m in enumerate(plan.meetings) if i != index)
    return check_plan(msgspec.structs.replace(plan, meetings=meetings))


def delete_goal(plan: PlanRecord, number: int) -> PlanRecord:
    """Remove goal `number`; the goals after it move up one number."""
    index = _goal_index(plan, number)
    goals = tuple(g for i, g in enumerate(plan.goals) if i != index)
    return check_plan(msgspec.structs.replace(plan, goals=goals))


def set_support(plan: PlanRecord, **flags: bool) -> PlanRecord:
    unknown = set(flags) - set(SUPPORT_KINDS)
    if unknown:
        raise ValidationError(
            f"unknown support {sorted(unknown)[0]!r}: choose from {', '.join(SUPPORT_KINDS)}"
        )
    return check_plan(
        msgspec.structs.replace(plan, support=msgspec.structs.replace(plan.support, **flags))
    )


def answer_sign(
    plan: PlanRecord, sign_id: str, answer: str | None, content: PlanContent | None = None
) -> PlanRecord:
    """Record yes/no/unsure for a sign (None forgets the answer)."""
    sign = (content or load_plan_content()).sign(sign_id)
    answers = dict(plan.answers)
    if answer is None:
        answers.pop(sign.id, None)
    else:
        value = str(answer).strip().lower()
        if value not in ANSWERS:
            raise ValidationError(f"bad answer {answer!r}: use yes, no or unsure")
        answers[sign.id] = value
    return check_plan(msgspec.structs.replace(plan, answers=answers))


def mark_document(
    plan: PlanRecord, item_id: str, done: bool = True, content: PlanContent | None = None
) -> PlanRecord:
    """Tick (or untick) a documentation checklist item."""
    item = (content or load_plan_content()).document(item_id)
    done_items = [d for d in plan.documents_done if d != item.id]
    if done:
        done_items.append(item.id)
    return check_plan(msgspec.structs.replace(plan, documents_done=tuple(done_items)))
