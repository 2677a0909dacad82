"""Evaluation season: the dates that matter (nudge, calendar) and the review of a period.

The nudge runs at every shell start, so what it needs (the dates, the nudge) loads
without the readiness engine, the phrasing or the iCalendar library.
"""

from __future__ import annotations

from careercoach.review.calendar import (
    WEEKDAYS,
    journal_calendar,
    render_calendar,
    write_calendar,
)
from careercoach.review.period_review import (
    LANG_CHOICES,
    ReviewResult,
    evaluation_period_start,
    languages,
    review_journal,
)
from careercoach.review.reminder import DOCTOR_LINE, nudge, nudge_line
from careercoach.review.upcoming import DueDate, jlpt_exam_days, journal_dates, upcoming

__all__ = [
    "DOCTOR_LINE",
    "LANG_CHOICES",
    "WEEKDAYS",
    "DueDate",
    "ReviewResult",
    "evaluation_period_start",
    "jlpt_exam_days",
    "journal_calendar",
    "journal_dates",
    "languages",
    "nudge",
    "nudge_line",
    "render_calendar",
    "review_journal",
    "upcoming",
    "write_calendar",
]
