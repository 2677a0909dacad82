"""What the insight screens show, computed once per journal state and shared.

The dashboard, readiness and scripts screens all need the same assessment; with a
large journal it costs real time, so the result is kept per journal file and reused
while the file on disk (its storage signature) and the date are unchanged. Runs in
worker threads: a lock guards the cache.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Sequence
from functools import cached_property
from pathlib import Path

import msgspec
import msgspec.structs

from careercoach.clock import week_start
from careercoach.journal import Journal
from careercoach.model import Entry, Profile, is_plan_evidence
from careercoach.readiness import (
    Assessment,
    Criterion,
    TrendPoint,
    assess,
    assess_with_trend,
    load_criteria,
    trend,
)

TREND_WEEKS = 26
ONE_WEEK = dt.timedelta(weeks=1)


class Insight(msgspec.Struct, frozen=True, dict=True):  # dict: room for cached_property
    """One consistent reading of the journal and the assessment made from it."""

    signature: tuple[int, ...] | None
    as_of: dt.date
    entries: Sequence[Entry]
    """In the order they were added: sort where order matters (scoring needs none)."""
    profile: Profile
    criteria: tuple[Criterion, ...]
    assessment: Assessment
    trend: tuple[TrendPoint, ...] | None = None

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}


_lock = threading.Lock()
_cache: dict[Path, Insight] = {}


def plan_facts(journal: Journal, as_of: dt.date) -> dict[str, object]:
    """What the timing verdict needs to know about an improvement plan. Most journals
    hold none: the plan package (about 20 ms to import) then stays out of start-up."""
    if journal.plan() is None:
        return {"plan_active": False, "plan_next": None}
    from careercoach.plan import change as plan_change

    return plan_change.timing_facts(journal, as_of)


def load_insight(journal: Journal, as_of: dt.date, *, with_trend: bool = False) -> Insight:
    """The assessment (and optionally the trend) for the journal as it is now."""
    signature = journal.version()
    key = journal.path.resolve()
    with _lock:
        cached = _cache.get(key)
    if cached is None or cached.signature != signature or cached.as_of != as_of:
        entries = journal.unordered_entries()
        profile = journal.profile()
        criteria = load_criteria()
        plan = plan_facts(journal, as_of)  # no promotion ask during a plan
        points: tuple[TrendPoint, ...] | None = None
        if with_trend:  # one pass over the entries for both
            assessment, weekly = assess_with_trend(
                entries, profile, criteria, as_of, weeks=TREND_WEEKS, **plan
            )
            points = tuple(weekly)
        else:
            assessment = assess(entries, profile, criteria, as_of, **plan)
        cached = Insight(
            signature=signature,
            as_of=as_of,
            entries=entries,
            profile=profile,
            criteria=criteria,
            assessment=assessment,
            trend=points,
        )
    elif with_trend and cached.trend is None:
        points = trend(cached.entries, cached.profile, cached.criteria, as_of, weeks=TREND_WEEKS)
        cached = msgspec.structs.replace(cached, trend=tuple(points))
    with _lock:
        _cache[key] = cached
    return cached


def is_current(journal: Journal, insight: Insight | None, as_of: dt.date) -> bool:
    """False when the file changed on disk (e.g. the CLI added an entry) or the day turned."""
    return insight is not None and insight.as_of == as_of and insight.signature == journal.version()


class Activity(msgspec.Struct, frozen=True):
    """How regularly the user journals: the habit the weekly check-in builds."""

    last_entry: dt.date | None
    days_since_last: int | None
    streak_weeks: int


def activity(entries: Iterable[Entry], as_of: dt.date) -> Activity:
    """Days since the newest entry and the run of consecutive weeks (Monday to Sunday,
    the one week of the check-in and the stability criterion) with entries.

    Improvement-plan evidence is left out of the streak, as the stability criterion
    leaves it out: the same week earns the same credit on both. Entries may come in
    any order; only their distinct days are walked, newest first, and only as far back
    as the streak goes. The streak may end this week or last week: a week not yet
    logged does not break it until it is over. Entries dated after `as_of` are ignored.
    """
    logged = [entry for entry in entries if entry.date <= as_of]
    last = max((entry.date for entry in logged), default=None)
    if last is None:
        return Activity(last_entry=None, days_since_last=None, streak_weeks=0)
    habit = sorted({e.date for e in logged if not is_plan_evidence(e)}, reverse=True)
    return Activity(
        last_entry=last, days_since_last=(as_of - last).days, streak_weeks=_streak(habit, as_of)
    )


def _streak(days_newest_first: list[dt.date], as_of: dt.date) -> int:
    """Consecutive weeks with a day in them, ending this week or last week."""
    if not days_newest_first:
        return 0
    week = week_start(days_newest_first[0])
    this_week = week_start(as_of)
    if week not in (this_week, this_week - ONE_WEEK):
        return 0
    streak = 1
    for day in days_newest_first[1:]:  # a day before `week` starts an earlier week
        if day >= week:
            continue
        week -= ONE_WEEK
        if day < week:
            break
        streak += 1
    return streak
