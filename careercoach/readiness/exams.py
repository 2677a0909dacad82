"""JLPT exam dates from the cited facts: the first Sunday of each exam month.

Readiness actions name the next exams, and the demo dates its results the way they
are really published (some weeks after the exam), from the same facts.
"""

from __future__ import annotations

import datetime as dt

from careercoach.readiness.criteria import JlptFacts

SUNDAY = 6


def first_sunday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(SUNDAY - first.weekday()) % 7)


def next_exams(facts: JlptFacts, as_of: dt.date, count: int = 2) -> list[dt.date]:
    """The next `count` exam days on or after `as_of`, soonest first."""
    found: list[dt.date] = []
    year = as_of.year
    while len(found) < count:
        found += [
            day
            for day in (first_sunday(year, month) for month in sorted(facts.exam_months))
            if day >= as_of
        ]
        year += 1
    return found[:count]


def results_date(facts: JlptFacts, exam: dt.date) -> dt.date:
    """Roughly when the results of the exam held on `exam` are published."""
    return exam + dt.timedelta(days=facts.results_after_days)


def next_exams_text(facts: JlptFacts, as_of: dt.date) -> str:
    """`2026-12-06 and 2027-07-04 (registration closes months before ...)`."""
    first, second = next_exams(facts, as_of)
    return f"{first.isoformat()} and {second.isoformat()} ({facts.registration})"
