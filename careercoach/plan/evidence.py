"""The dated journal notes that plan changes leave, so they join the evidence trail.

A goal met or a check-in held is saved together with its note in one write
(`PlanStep.save`): a crash or a full disk can never keep one without the
other. A meeting or goal edited or deleted finds its note here, so the note changes
or goes in the same write.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from careercoach.journal import Draft
from careercoach.model import PIP_TAG, TITLE_MAX, Entry
from careercoach.plan.record import Goal, Meeting

CHECK_IN_PREFIX = "Plan check-in: "
_GOAL_MET_TITLE = re.compile(r"^Plan goal (\d+) met: ")
RECOGNISED_WORDS = {True: "yes", False: "no", None: "not confirmed yet"}
NOTE_GONE = "its journal note is gone"  # how every view marks a meeting whose note was deleted


def evidence_note(on: dt.date, subtype: str, title: str, notes: str = "") -> Draft:
    """A note tagged "pip" and typed as plan evidence; its title squeezed onto one
    line and cut to fit, as a journal title must be."""
    title = " ".join(title.split())
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1] + "…"
    return Draft(
        date=on, kind="note", title=title, notes=notes, tags=(PIP_TAG,), details={"type": subtype}
    )


def meeting_note(on: dt.date, note: str) -> Draft:
    """The note for a check-in: the whole note in its title when that fits on one line,
    else the first line as the title and the whole note kept in the notes."""
    title = CHECK_IN_PREFIX + note.strip()
    lines = title.splitlines()  # every line break Python knows, not only "\n"
    notes = "" if len(lines) == 1 and len(title) <= TITLE_MAX else note
    return evidence_note(on, "plan_meeting", lines[0], notes)


def goal_met_note(number: int, goal: Goal) -> Draft:
    """The note for a goal met: its number and wording, and whether it was recognised."""
    if goal.met_on is None:
        raise ValueError("only a met goal has a note")
    return evidence_note(
        goal.met_on,
        "plan_goal_met",
        f"Plan goal {number} met: {goal.text}",
        f"Recognised by the company: {RECOGNISED_WORDS[goal.recognised]}.",
    )


def _same_note(entry: Entry, draft: Draft) -> bool:
    return (
        entry.kind == draft.kind
        and entry.date == draft.date
        and entry.subtype == (draft.details or {}).get("type")
        and entry.title == draft.title
    )


def find_meeting_note(entries: Iterable[Entry], meeting: Meeting) -> Entry | None:
    """The journal note a meeting left (the first, if it was logged twice)."""
    expected = meeting_note(meeting.date, meeting.note)
    return next((e for e in entries if _same_note(e, expected) and e.notes == expected.notes), None)


def meetings_without_note(
    entries: Iterable[Entry], meetings: Iterable[Meeting]
) -> frozenset[Meeting]:
    """The meetings whose journal note has been deleted: every view that lists meetings
    marks them, so none presents a meeting as logged in the journal when it no longer is."""
    kept = tuple(entries)
    return frozenset(m for m in meetings if find_meeting_note(kept, m) is None)


def find_goal_met_note(entries: Iterable[Entry], goal: Goal) -> Entry | None:
    """The note a met goal left, whatever number the goal had when it was met."""
    if goal.met_on is None:
        return None
    for entry in entries:
        found = _GOAL_MET_TITLE.match(entry.title)
        if found and _same_note(entry, goal_met_note(int(found.group(1)), goal)):
            return entry
    return None
