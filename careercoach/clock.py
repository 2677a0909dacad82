"""What "today" is. Engines take dates as parameters; only the edges ask the clock.

`CAREERCOACH_TODAY=YYYY-MM-DD` pins the date for reproducible demos, screenshots and
tests; nothing else reads it.
"""

from __future__ import annotations

import datetime as dt
import os

from careercoach.errors import ValidationError

TODAY_ENV = "CAREERCOACH_TODAY"


def _utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def today() -> dt.date:
    """The user's local calendar date (Tokyo at 00:30 is already tomorrow in UTC terms)."""
    pinned = os.environ.get(TODAY_ENV, "").strip()
    if not pinned:
        return _utc_now().astimezone().date()
    try:
        return dt.date.fromisoformat(pinned)
    except ValueError:
        raise ValidationError(f"{TODAY_ENV}={pinned!r} is not a YYYY-MM-DD date") from None


def now() -> dt.datetime:
    """The current moment, consistent with `today()` when the date is pinned."""
    if os.environ.get(TODAY_ENV, "").strip():
        return dt.datetime.combine(today(), dt.time(9, 0), dt.timezone.utc)
    return _utc_now()


def week_start(day: dt.date) -> dt.date:
    """The Monday of `day`'s week. The one definition of a week (Monday to Sunday) that
    the check-in, the weekly streak and the readiness stability criterion all share."""
    return day - dt.timedelta(days=day.weekday())
