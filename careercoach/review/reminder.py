"""`careercoach nudge`: one line for a shell start-up file, or nothing.

Silent when nothing is due within seven days and the week's check-in is not late.
It is late once the user's check-in weekday has come this week (Monday to Sunday:
the one definition of a week that the check-in, the streak and the score share)
with nothing logged since Monday, or whenever the last entry is more than seven days
old: a Friday check-in is not nagged about from Monday to Thursday. It runs at every
new shell, so it reads the journal once, unsorted, and loads the plan navigator only
when there is a plan.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from careercoach.clock import week_start
from careercoach.journal import Journal
from careercoach.model import Entry, Profile
from careercoach.review.upcoming import DueDate, journal_dates, upcoming

DUE_WITHIN_DAYS = 7
CHECKIN_LATE_DAYS = 7
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


def checkin_late(last_entry: dt.date, today: dt.date, checkin_weekday: int) -> bool:
    """Nothing logged this week once its check-in day has come, or nothing for a week."""
    days = (today - last_entry).days
    this_week_missed = today.weekday() >= checkin_weekday and last_entry < week_start(today)
    return this_week_missed or days > CHECKIN_LATE_DAYS


def nudge_line(
    last_entry: dt.date | None, due: Sequence[DueDate], today: dt.date, checkin_weekday: int
) -> str | None:
    """The nudge for these facts (`checkin_weekday`: 0 = Monday): None when there is
    nothing to say."""
    parts = []
    if last_entry is None:
        parts.append("Weekly check-in: nothing logged yet")
    elif checkin_late(last_entry, today, checkin_weekday):
        days = (today - last_entry).days
        ago = "yesterday" if days == 1 else f"{days} days ago"
        parts.append(f"Weekly check-in: nothing logged this week (last entry {ago})")
    soon = [d for d in due if 0 <= d.days_from(today) <= DUE_WITHIN_DAYS]
    parts += [f"{d.title} {when(d.days_from(today))}" for d in soon[:SHOWN_DUE]]
    if len(soon) > SHOWN_DUE:
        parts.append(f"{len(soon) - SHOWN_DUE} more date(s) this week")
    if not parts:
        return None
    return ". ".join(parts) + ". Run careercoach."


def nudge(journal: Journal, today: dt.date, checkin_weekday: int) -> str | None:
    """The nudge for this journal today. Any failure to read it gives the doctor line."""
    try:
        if not journal.exists():
            return nudge_line(None, upcoming(Profile(), today), today, checkin_weekday)
        last = last_entry_date(journal.unordered_entries(), today)
        due = journal_dates(journal, today)
    except Exception:  # a damaged journal must not break the user's shell start-up
        return DOCTOR_LINE
    return nudge_line(last, due, today, checkin_weekday)
