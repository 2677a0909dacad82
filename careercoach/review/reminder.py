"""`careercoach nudge`: one line for a shell start-up file, or nothing.

Silent when the week's check-in is done (something logged since Monday: the one
definition of a week that the check-in, the streak and the score share) and nothing
is due within seven days. It runs at
every new shell, so it reads the journal once, unsorted, and loads the plan
navigator only when there is a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from careercoach.clock import week_start
from careercoach.journal import Journal
from careercoach.model import Entry, Profile
from careercoach.review.upcoming import DueDate, journal_dates, upcoming

DUE_WITHIN_DAYS = 7
SHOWN_DUE = 2
DOCTOR_LINE = "careercoach: your journal could not be read; run `careercoach doctor` to check it."


def last_entry_date(entries: Iterable[Entry], today: dt.date) -> dt.date | None:
    """The newest entry's date up to today (entries dated later are plans, not logs)."""
    return max((e.date for e in entries if e.date <= today), default=None)


def when(days: int) -> str:
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    return f"in {days} days"


def nudge_line(last_entry: dt.date | None, due: Sequence[DueDate], today: dt.date) -> str | None:
    """The nudge for these facts: None when there is nothing to say."""
    parts = []
    if last_entry is None:
        parts.append("Weekly check-in: nothing logged yet")
    elif last_entry < week_start(today):
        days = (today - last_entry).days
        parts.append(f"Weekly check-in: nothing logged this week (last entry {days} days ago)")
    soon = [d for d in due if 0 <= d.days_from(today) <= DUE_WITHIN_DAYS]
    parts += [f"{d.title} {when(d.days_from(today))}" for d in soon[:SHOWN_DUE]]
    if len(soon) > SHOWN_DUE:
        parts.append(f"{len(soon) - SHOWN_DUE} more date(s) this week")
    if not parts:
        return None
    return ". ".join(parts) + ". Run careercoach."


def nudge(journal: Journal, today: dt.date) -> str | None:
    """The nudge for this journal today. Any failure to read it gives the doctor line."""
    try:
        if not journal.exists():
            return nudge_line(None, upcoming(Profile(), today), today)
        last = last_entry_date(journal.unordered_entries(), today)
        due = journal_dates(journal, today)
    except Exception:  # a damaged journal must not break the user's shell start-up
        return DOCTOR_LINE
    return nudge_line(last, due, today)
