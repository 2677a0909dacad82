"""Measuring one readiness criterion at a date, and explaining the result in plain words.

Explanations are built from our own words, numbers and dates, never from an entry's
title or notes, so nothing here can carry markup from the user.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import msgspec

from careercoach.model import Entry, Profile, jlpt_rank
from careercoach.readiness.criteria import Criterion
from careercoach.readiness.index import Index, Series, week_of


class Measurement(msgspec.Struct, frozen=True):
    """A criterion's fulfilment (0-1) and the numbers its explanation needs."""

    fraction: float
    count: int
    weighted: float
    method: str
    extra: dict[str, Any]

    def explanation(self, criterion: Criterion, profile: Profile) -> str:
        return _EXPLAIN[self.method](criterion, profile, self)


def measure(index: Index, criterion: Criterion, profile: Profile, day: int) -> Measurement:
    series = index.series[criterion.id]
    if criterion.method == "stability":  # counts weeks, not the worth of entries
        count, weighted = series.count(day), 0.0
    else:
        count, weighted = series.weighted(day)
    practice = min(1.0, weighted / criterion.target)
    extra: dict[str, Any] = {}
    fraction = practice
    if criterion.method == "stability":
        share = criterion.measure["tenure_share"]
        tenure_days = _tenure_days(profile, day)
        tenure = min(1.0, tenure_days / criterion.measure["tenure_days"])
        weeks, checked, consistency, first_day = _checkins(series, criterion, day)
        fraction = share * tenure + (1 - share) * min(1.0, consistency / criterion.target)
        extra = {"tenure_days": tenure_days, "weeks": weeks, "checked": checked}
        extra["first_day"] = first_day
        extra["consistency"] = consistency
    elif criterion.method == "japanese":
        share = criterion.measure["level_share"]
        rank, level, pass_entry = _jlpt_level(index, profile, day)
        bar = _jlpt_bar(criterion, profile)
        fraction = share * min(1.0, rank / jlpt_rank(bar)) + (1 - share) * practice
        extra = {"level": level, "rank": rank, "bar": bar, "pass_entry": pass_entry}
    return Measurement(fraction, count, weighted, criterion.method, extra)


def evidence_ids(
    index: Index, criterion: Criterion, day: int, result: Measurement
) -> tuple[str, ...]:
    """The window's evidence, newest first; for Japanese also the pass that set the level."""
    first = result.extra.get("first_day", day - criterion.window_days + 1)
    ids = [e.id for e in index.series[criterion.id].in_window(first, day)]
    pass_entry = result.extra.get("pass_entry")
    if pass_entry is not None and pass_entry.id not in ids:
        ids.append(pass_entry.id)
    return tuple(ids)


def _tenure_days(profile: Profile, day: int) -> int:
    if profile.start_date is None:
        return 0
    return max(0, day - profile.start_date.toordinal())


def _checkins(series: Series, criterion: Criterion, day: int) -> tuple[int, int, float, int]:
    """Weeks in the window, weeks with something logged, the recency-weighted share of
    them, and the window's first day.

    Weeks run Monday to Sunday, as in the check-in and the streak. The week under way
    counts once something is logged in it; until then the window is the weeks before
    it, so a Monday morning does not read as a missed week.
    """
    weeks = criterion.window_days // 7
    this_week = week_of(day)
    if not series.has_day_between(this_week, day):
        this_week -= 7
    checked = 0
    weighted = total = 0.0
    for back in range(weeks):
        weight = 0.5 ** (7 * back / criterion.half_life_days)
        total += weight
        first = this_week - 7 * back
        if series.has_day_between(first, min(first + 6, day)):
            checked += 1
            weighted += weight
    return weeks, checked, weighted / total, this_week - 7 * (weeks - 1)


def _jlpt_level(index: Index, profile: Profile, day: int) -> tuple[int, str, Entry | None]:
    """The best of the profile's level and every exam passed by `day`: a new pass counts at once."""
    passed_rank, entry = index.passes.best(day)
    profile_rank = jlpt_rank(profile.jlpt_level)
    if entry is None or profile_rank > passed_rank:
        return profile_rank, profile.jlpt_level, None
    return passed_rank, str(entry.details["level"]), entry


def _jlpt_bar(criterion: Criterion, profile: Profile) -> str:
    bars = criterion.measure["bar"]
    return bars.get(profile.target_role, bars["specialist"])


# -- explanations (plain sentences from numbers and our own words) -------------


def _explain_evidence(criterion: Criterion, profile: Profile, r: Measurement) -> str:
    head = f"{criterion.label} in the last {criterion.window_days} days"
    if not r.count:
        return f"{head}: none yet (aim for {criterion.target:g})."
    return (
        f"{head}: {r.count}, worth {r.weighted:.1f} of the {criterion.target:g} aimed for "
        "(recent ones count more; several on one day or in one week count less)."
    )


def _explain_stability(criterion: Criterion, profile: Profile, r: Measurement) -> str:
    full = years_and_months(criterion.measure["tenure_days"] // 365 * 12)
    if profile.start_date is None:
        tenure = "No start date in your profile, so tenure cannot count yet"
    else:
        since = dt.date.fromordinal(profile.start_date.toordinal() + r.extra["tenure_days"])
        worked = years_and_months(months_between(profile.start_date, since))
        tenure = f"With your employer for {worked} (full credit at {full})"
    aim = max(1, round(criterion.target * r.extra["weeks"]))
    return (
        f"{tenure}, and something logged in {r.extra['checked']} of the last "
        f"{r.extra['weeks']} weeks, Monday to Sunday (aim for {aim})."
    )


def _explain_japanese(criterion: Criterion, profile: Profile, r: Measurement) -> str:
    role = profile.target_role or "specialist"
    if r.extra["rank"]:
        level = f"JLPT {r.extra['level']} against the {r.extra['bar']} bar for a {role} path"
    else:
        level = f"No JLPT level recorded yet (the bar for a {role} path is {r.extra['bar']})"
    return f"{level}; {_explain_evidence(criterion, profile, r)}"


def _explain_timing(criterion: Criterion, profile: Profile, r: Measurement) -> str:
    return (
        _explain_evidence(criterion, profile, r)[:-1]
        + "; the timing verdict says if now is the moment."
    )


_EXPLAIN = {
    "evidence": _explain_evidence,
    "stability": _explain_stability,
    "japanese": _explain_japanese,
    "timing": _explain_timing,
}


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from `start` to `end` (0 when `end` is earlier)."""
    months = (end.year - start.year) * 12 + end.month - start.month
    if end.day < start.day:
        months -= 1
    return max(0, months)


def years_and_months(months: int) -> str:
    """`1 year 11 months`, `2 years`, `5 months`: tenure is never rounded to whole years."""
    years, rest = divmod(months, 12)
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)
