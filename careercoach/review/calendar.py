"""`careercoach calendar`: the dates that matter as an iCalendar (.ics) file.

Built with the `icalendar` library (imported only here, when a calendar is made).
Every event is an all-day event with an alarm at 09:00 on the day it should be
prepared for, and a UID that names the event rather than its date ("evaluation",
"plan-plan_end", "jlpt-2027-07"): importing a newer file updates the events already
in the calendar instead of adding copies, and its SEQUENCE (minutes since the epoch
at export) makes the newer file win. No journal text goes into the file: titles and
descriptions are our own words and dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from careercoach.journal import Journal, write_user_file
from careercoach.review.upcoming import DueDate, journal_dates

PRODID = "-//careercoach//Career dates//EN"
UID_DOMAIN = "careercoach"
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
ICAL_DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
ALARM_HOUR = 9
CHECKIN_ALARM_HOUR = 16
CHECKIN_KEY = "weekly-checkin"


def uid_for(key: str) -> str:
    return f"{key}@{UID_DOMAIN}"


def next_weekday(today: dt.date, weekday: int) -> dt.date:
    """The first day on or after `today` that falls on `weekday` (0 = Monday)."""
    return today + dt.timedelta(days=(weekday - today.weekday()) % 7)


def render_calendar(
    due: Sequence[DueDate], *, checkin_weekday: int, today: dt.date, stamp: dt.datetime
) -> bytes:
    """The calendar file: every date in `due`, plus the weekly check-in reminder."""
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", "careercoach")
    sequence = int(stamp.timestamp()) // 60

    def event(key: str, day: dt.date, summary: str, description: str) -> Event:
        item = Event()
        item.add("uid", uid_for(key))
        item.add("dtstamp", stamp.astimezone(dt.timezone.utc))
        item.add("sequence", sequence)
        item.add("dtstart", day)
        item.add("dtend", day + dt.timedelta(days=1))
        item.add("summary", summary)
        item.add("description", description)
        item.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
        return item

    def alarm(text: str, before: dt.timedelta) -> Alarm:
        item = Alarm()
        item.add("action", "DISPLAY")
        item.add("description", text)
        item.add("trigger", before)
        return item

    for date in due:
        item = event(date.key, date.date, date.title, f"{date.detail} ({date.section})")
        lead = dt.timedelta(days=-date.alarm_days, hours=ALARM_HOUR)
        item.add_component(alarm(date.title, lead))
        calendar.add_component(item)

    checkin = event(
        CHECKIN_KEY,
        next_weekday(today, checkin_weekday),
        "careercoach weekly check-in",
        "Five minutes: tick what you did for the team this week (run careercoach, then w). "
        "Steady weekly habits are what trust is built on (promotion guide §1).",
    )
    checkin.add("rrule", {"freq": "weekly", "byday": ICAL_DAYS[checkin_weekday]})
    checkin.add_component(
        alarm("careercoach weekly check-in", dt.timedelta(hours=CHECKIN_ALARM_HOUR))
    )
    calendar.add_component(checkin)
    return calendar.to_ical()


def journal_calendar(
    journal: Journal, *, today: dt.date, stamp: dt.datetime, checkin_weekday: int
) -> tuple[bytes, int]:
    """The journal's calendar file and how many events it holds."""
    due = journal_dates(journal, today)
    payload = render_calendar(due, checkin_weekday=checkin_weekday, today=today, stamp=stamp)
    return payload, len(due) + 1


def write_calendar(
    journal: Journal,
    path: Path,
    *,
    today: dt.date,
    stamp: dt.datetime,
    checkin_weekday: int,
    force: bool = False,
) -> int:
    """Write the journal's calendar to `path` (0600, atomic, never over a file without
    `force`, never over the journal) and return how many events it holds."""
    payload, count = journal_calendar(
        journal, today=today, stamp=stamp, checkin_weekday=checkin_weekday
    )
    write_user_file(path, payload, force=force, protect=(journal.path,))
    return count
