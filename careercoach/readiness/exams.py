"""JLPT dates for readiness and the demo: the exams one can still apply for, named in
actions with the cited registration advice, and when results are published.

The exam days and registration windows are the model's table (which the cited content
must agree with), shared with the nudge, the calendar and the review.
"""

from __future__ import annotations

import datetime as dt

from careercoach.model import jlpt_exams_to_register
from careercoach.readiness.criteria import JlptFacts


def results_date(facts: JlptFacts, exam: dt.date) -> dt.date:
    """Roughly when the results of the exam held on `exam` are published."""
    return exam + dt.timedelta(days=facts.results_after_days)


def next_exams_text(facts: JlptFacts, as_of: dt.date) -> str:
    """`2026-12-06 and 2027-07-04 (registration closes months before ...)`: the next two
    exams one can still apply for."""
    first, second = jlpt_exams_to_register(as_of)
    return f"{first.isoformat()} and {second.isoformat()} ({facts.registration})"
