"""The dated journal notes that plan changes leave, so they join the evidence trail.

A goal met or a check-in held is saved together with its note in one write
(`Journal.add_with_plan`): a crash or a full disk can never keep one without the
other. The command line and the app both build and save these notes here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from careercoach.journal import Draft, Journal
from careercoach.model import TITLE_MAX, Entry
from careercoach.plan.navigator import PIP_TAG
from careercoach.plan.record import PlanRecord

CHECK_IN_PREFIX = "Plan check-in: "


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


def save_with_evidence(journal: Journal, record: PlanRecord, notes: Sequence[Draft]) -> list[Entry]:
    """Save the plan and add its evidence notes (if any) in one write; return the new
    entries."""
    if not notes:
        journal.save_plan(record.to_dict())
        return []
    return journal.add_with_plan(notes, record.to_dict())
