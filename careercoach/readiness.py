"""Promotion readiness: an explainable score from the guide's criteria, and its trend.

Pure functions of (entries, profile, criteria, as_of): the same journal on the same
day always gives the same answer, and nothing here reads the clock or the disk.
The journal is indexed once (sorted by date, grouped per criterion, counted per day),
so a score at any date is a few bisects plus a sum over at most `window_days` days;
that is what lets `trend` compute 26 weekly points over 100k entries quickly.

Every explanation, reason and action is built from our own words, numbers and dates,
never from an entry's title or notes, so nothing here can carry markup from the user.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from careercoach.criteria import Action, Criterion, find_method
from careercoach.model import Entry, Profile, jlpt_rank

OCCASIONS = ("after_project", "after_evaluation", "contract_renewal", "japanese_improved")
REPEATED_ASKS_DAYS = 365


@dataclass(frozen=True)
class Band:
    name: str
    meaning: str


# (lowest overall score, band), lowest first.
BANDS: tuple[tuple[int, Band], ...] = (
    (0, Band("Getting started", "Little on record yet: build weekly habits before asking.")),
    (35, Band("Building", "Some strengths on record: close the biggest gaps first.")),
    (60, Band("Nearly ready", "A solid record: fill a gap or two and prepare the ask.")),
    (80, Band("Ready", "A strong record: pick a good moment and ask.")),
)


@dataclass(frozen=True)
class CriterionScore:
    id: str
    title: str
    section: str
    weight: float
    score: int
    explanation: str
    evidence_ids: tuple[str, ...]
    gap: float
    actions: tuple[str, ...]


@dataclass(frozen=True)
class TimingVerdict:
    good: bool
    headline: str
    reasons: tuple[str, ...]
    occasions: tuple[str, ...]


@dataclass(frozen=True)
class Assessment:
    as_of: dt.date
    overall: int
    band: Band
    criteria: tuple[CriterionScore, ...]
    next_actions: tuple[str, ...]
    timing: TimingVerdict

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of `careercoach score --json`."""
        return {
            "as_of": self.as_of.isoformat(),
            "overall": self.overall,
            "band": {"name": self.band.name, "meaning": self.band.meaning},
            "criteria": [
                {
                    "id": c.id,
                    "title": c.title,
                    "section": c.section,
                    "weight": c.weight,
                    "score": c.score,
                    "explanation": c.explanation,
                    "evidence_ids": list(c.evidence_ids),
                    "gap": c.gap,
                    "actions": list(c.actions),
                }
                for c in self.criteria
            ],
            "next_actions": list(self.next_actions),
            "timing": {
                "good": self.timing.good,
                "headline": self.timing.headline,
                "reasons": list(self.timing.reasons),
                "occasions": list(self.timing.occasions),
            },
        }


@dataclass(frozen=True)
class TrendPoint:
    date: dt.date
    overall: int
    per_criterion: dict[str, int]


MAX_NEXT_ACTIONS = 5


def assess(
    entries: Iterable[Entry], profile: Profile, criteria: Sequence[Criterion], as_of: dt.date
) -> Assessment:
    """Score every criterion at `as_of`, explain it, and say whether now is the time to ask."""
    return _assess(_Index(entries, criteria), profile, criteria, as_of)


def trend(
    entries: Iterable[Entry],
    profile: Profile,
    criteria: Sequence[Criterion],
    as_of: dt.date,
    weeks: int = 26,
) -> list[TrendPoint]:
    """Weekly scores, oldest first, ending at `as_of`; the journal is indexed only once."""
    return _trend(_Index(entries, criteria), profile, criteria, as_of, weeks)


def assess_with_trend(
    entries: Iterable[Entry],
    profile: Profile,
    criteria: Sequence[Criterion],
    as_of: dt.date,
    weeks: int = 26,
) -> tuple[Assessment, list[TrendPoint]]:
    """`assess` and `trend` together, reading the entries once (half the work of both)."""
    index = _Index(entries, criteria)
    return _assess(index, profile, criteria, as_of), _trend(index, profile, criteria, as_of, weeks)


def _assess(
    index: _Index, profile: Profile, criteria: Sequence[Criterion], as_of: dt.date
) -> Assessment:
    day = as_of.toordinal()
    results = [_measure(index, c, profile, day) for c in criteria]
    scores = [_percent(r.fraction) for r in results]
    overall = _overall(criteria, scores)
    timing = _verdict(index, profile, criteria, day, overall)
    criterion_scores = tuple(
        CriterionScore(
            id=c.id,
            title=c.title,
            section=c.section,
            weight=c.weight,
            score=score,
            explanation=r.explanation(c, profile),
            evidence_ids=_evidence_ids(index, c, day, r),
            gap=round(max(0.0, 1.0 - r.fraction), 3),
            actions=_actions(index, c, profile, day, r, score, timing),
        )
        for c, r, score in zip(criteria, results, scores, strict=True)
    )
    return Assessment(
        as_of=as_of,
        overall=overall,
        band=band_for(overall),
        criteria=criterion_scores,
        next_actions=_next_actions(criterion_scores),
        timing=timing,
    )


def _trend(
    index: _Index, profile: Profile, criteria: Sequence[Criterion], as_of: dt.date, weeks: int
) -> list[TrendPoint]:
    points = []
    for back in range(max(1, weeks) - 1, -1, -1):
        date = as_of - dt.timedelta(weeks=back)
        day = date.toordinal()
        scores = [_percent(_measure(index, c, profile, day).fraction) for c in criteria]
        points.append(
            TrendPoint(
                date=date,
                overall=_overall(criteria, scores),
                per_criterion={c.id: s for c, s in zip(criteria, scores, strict=True)},
            )
        )
    return points


def band_for(overall: int) -> Band:
    """The highest band whose lower bound the score reaches."""
    return next(band for low, band in reversed(BANDS) if overall >= low)


def _percent(fraction: float) -> int:
    return min(100, max(0, int(fraction * 100 + 0.5)))


def _overall(criteria: Sequence[Criterion], scores: Sequence[int]) -> int:
    total = sum(c.weight for c in criteria)
    if total <= 0:
        return 0
    return _percent(sum(c.weight * s for c, s in zip(criteria, scores, strict=True)) / total / 100)


# -- the journal, indexed once ------------------------------------------------


class _Group:
    """The entries of one (kind, sub-type), oldest first, with their dates alongside."""

    def __init__(self, subtype: Any, entries: list[Entry], dates: list[dt.date]) -> None:
        self.subtype = subtype
        ascending = sorted(dates)
        if ascending != dates:
            if ascending == dates[::-1]:  # the journal's own newest-first order
                entries = entries[::-1]
            else:
                order = sorted(range(len(dates)), key=dates.__getitem__)
                entries = [entries[i] for i in order]
        self.entries = entries
        self.dates = ascending

    def ords(self) -> list[int]:
        return [d.toordinal() for d in self.dates]

    def between(self, first: dt.date, last: dt.date) -> list[Entry]:
        return self.entries[bisect_left(self.dates, first) : bisect_right(self.dates, last)]

    def latest(self, last: dt.date) -> dt.date | None:
        i = bisect_right(self.dates, last)
        return self.dates[i - 1] if i else None


class _Series:
    """One criterion's evidence: the groups that count for it, and entries per day."""

    def __init__(self, groups: list[_Group], criterion: Criterion) -> None:
        self.groups = groups
        if criterion.method == "stability":  # only which days have a check-in matters
            distinct = sorted({d for group in groups for d in set(group.dates)})
            per_day: Mapping[dt.date, int] = dict.fromkeys(distinct, 0)
        else:
            per_day = Counter()
            for group in groups:
                per_day.update(group.dates)
            distinct = sorted(per_day)
        self.days = [d.toordinal() for d in distinct]
        self.counts = [per_day[d] for d in distinct]
        half_life = criterion.half_life_days
        self.decay = [0.5 ** (age / half_life) for age in range(criterion.window_days)]
        self.window = criterion.window_days

    def weighted(self, day: int) -> tuple[int, float]:
        """(how many entries, their recency-weighted sum) in the window ending on `day`."""
        lo = bisect_left(self.days, day - self.window + 1)
        hi = bisect_right(self.days, day)
        days, counts, decay = self.days, self.counts, self.decay
        count = 0
        total = 0.0
        for i in range(lo, hi):
            count += counts[i]
            total += counts[i] * decay[day - days[i]]
        return count, total

    def in_window(self, day: int) -> list[Entry]:
        """Entries in the window ending on `day`, newest first (same day: by id)."""
        first = dt.date.fromordinal(day - self.window + 1)
        last = dt.date.fromordinal(day)
        found: list[Entry] = []
        for group in self.groups:
            found += group.between(first, last)
        found.sort(key=lambda e: (-e.date.toordinal(), e.id))
        return found

    def has_day_between(self, first: int, last: int) -> bool:
        i = bisect_left(self.days, first)
        return i < len(self.days) and self.days[i] <= last

    def latest(self, day: int, types: tuple[str, ...] = ()) -> int | None:
        """Day number of the newest entry on or before `day` (only `types` when given)."""
        last = dt.date.fromordinal(day)
        found = [g.latest(last) for g in self.groups if not types or g.subtype in types]
        dates = [d for d in found if d is not None]
        return max(dates).toordinal() if dates else None


class _Index:
    """Entries grouped, sorted and counted per day once, so any date scores cheaply.

    One pass reads each entry (reading 100k scattered objects is the main cost);
    everything after works on the grouped lists.
    """

    def __init__(self, entries: Iterable[Entry], criteria: Sequence[Criterion]) -> None:
        by_key: dict[tuple[str, Any], tuple[list[Entry], list[dt.date]]] = {}
        for entry in entries:
            key = (entry.kind, entry.details.get("type"))
            lists = by_key.get(key)
            if lists is None:
                lists = by_key[key] = ([], [])
            lists[0].append(entry)
            lists[1].append(entry.date)
        groups = {key: _Group(key[1], *lists) for key, lists in by_key.items()}
        self.series = {
            c.id: _Series([g for key, g in groups.items() if c.counts(*key)], c) for c in criteria
        }
        empty = _Group(None, [], [])
        self.passes = _JlptPasses(groups.get(("japanese", "jlpt"), empty))
        self.projects = groups.get(("achievement", "major_project"), empty).ords()
        self.evaluations = groups.get(("conversation", "evaluation"), empty).ords()
        self.asks = groups.get(("conversation", "promotion_ask"), empty).ords()


class _JlptPasses:
    """Passed JLPT exams, oldest first, with the best level reached by each point."""

    def __init__(self, group: _Group) -> None:
        passed = sorted(
            (
                (e.date.toordinal(), jlpt_rank(str(e.details.get("level", ""))), e)
                for e in group.entries
                if e.details.get("passed") is True
            ),
            key=lambda p: (p[0], p[2].id),
        )
        passed = [p for p in passed if p[1]]
        self.ords = [p[0] for p in passed]
        self.ranks = [p[1] for p in passed]
        self.entries = [p[2] for p in passed]
        self.best_so_far: list[int] = []  # best rank among passes[0..i]
        best = 0
        for rank in self.ranks:
            best = max(best, rank)
            self.best_so_far.append(best)

    def best(self, day: int) -> tuple[int, Entry | None]:
        """Best passed rank on or before `day`, and the (first) entry that reached it."""
        n = bisect_right(self.ords, day)
        if not n:
            return 0, None
        rank = self.best_so_far[n - 1]
        return rank, self.entries[self.best_so_far.index(rank)]

    def improved_since(self, day: int, first: int, floor: int) -> int | None:
        """Ordinal of a pass in [first, day] that raised the best level (and reaches `floor`)."""
        for i in range(bisect_right(self.ords, day) - 1, bisect_left(self.ords, first) - 1, -1):
            before = self.best_so_far[i - 1] if i else 0
            if self.ranks[i] > before and self.ranks[i] >= floor:
                return self.ords[i]
        return None


# -- measuring one criterion --------------------------------------------------


@dataclass(frozen=True)
class _Result:
    """A criterion's fulfilment (0-1) and the numbers its explanation needs."""

    fraction: float
    count: int
    weighted: float
    method: str
    extra: dict[str, Any]

    def explanation(self, criterion: Criterion, profile: Profile) -> str:
        return _EXPLAIN[self.method](criterion, profile, self)


def _measure(index: _Index, criterion: Criterion, profile: Profile, day: int) -> _Result:
    series = index.series[criterion.id]
    count, weighted = series.weighted(day)
    practice = min(1.0, weighted / criterion.target)
    extra: dict[str, Any] = {}
    fraction = practice
    if criterion.method == "stability":
        share = criterion.measure["tenure_share"]
        tenure_days = _tenure_days(profile, day)
        tenure = min(1.0, tenure_days / criterion.measure["tenure_days"])
        weeks, checked, consistency = _checkins(series, criterion, day)
        fraction = share * tenure + (1 - share) * min(1.0, consistency / criterion.target)
        extra = {"tenure_days": tenure_days, "weeks": weeks, "checked": checked}
        extra["consistency"] = consistency
    elif criterion.method == "japanese":
        share = criterion.measure["level_share"]
        rank, level, pass_entry = _jlpt_level(index, profile, day)
        bar = _jlpt_bar(criterion, profile)
        fraction = share * min(1.0, rank / jlpt_rank(bar)) + (1 - share) * practice
        extra = {"level": level, "rank": rank, "bar": bar, "pass_entry": pass_entry}
    return _Result(fraction, count, weighted, criterion.method, extra)


def _evidence_ids(
    index: _Index, criterion: Criterion, day: int, result: _Result
) -> tuple[str, ...]:
    """The window's evidence, newest first; for Japanese also the pass that set the level."""
    ids = [e.id for e in index.series[criterion.id].in_window(day)]
    pass_entry = result.extra.get("pass_entry")
    if pass_entry is not None and pass_entry.id not in ids:
        ids.append(pass_entry.id)
    return tuple(ids)


def _tenure_days(profile: Profile, day: int) -> int:
    if profile.start_date is None:
        return 0
    return max(0, day - profile.start_date.toordinal())


def _checkins(series: _Series, criterion: Criterion, day: int) -> tuple[int, int, float]:
    """Weeks in the window, weeks with a check-in, and the recency-weighted share of them."""
    weeks = criterion.window_days // 7
    checked = 0
    weighted = total = 0.0
    for back in range(weeks):
        weight = 0.5 ** (7 * back / criterion.half_life_days)
        total += weight
        last = day - 7 * back
        if series.has_day_between(last - 6, last):
            checked += 1
            weighted += weight
    return weeks, checked, weighted / total


def _jlpt_level(index: _Index, profile: Profile, day: int) -> tuple[int, str, Entry | None]:
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


def _explain_evidence(criterion: Criterion, profile: Profile, r: _Result) -> str:
    head = f"{criterion.label} in the last {criterion.window_days} days"
    if not r.count:
        return f"{head}: none yet (aim for {criterion.target:g})."
    return (
        f"{head}: {r.count}, worth {r.weighted:.1f} of the {criterion.target:g} aimed for "
        "(recent ones count more)."
    )


def _explain_stability(criterion: Criterion, profile: Profile, r: _Result) -> str:
    full = _duration(criterion.measure["tenure_days"])
    if profile.start_date is None:
        tenure = "No start date in your profile, so tenure cannot count yet"
    else:
        tenure = (
            f"With your employer for {_duration(r.extra['tenure_days'])} (full credit at {full})"
        )
    aim = max(1, round(criterion.target * r.extra["weeks"]))
    return (
        f"{tenure}, and a check-in in {r.extra['checked']} of the last {r.extra['weeks']} weeks "
        f"(aim for {aim})."
    )


def _explain_japanese(criterion: Criterion, profile: Profile, r: _Result) -> str:
    role = profile.target_role or "specialist"
    if r.extra["rank"]:
        level = f"JLPT {r.extra['level']} against the {r.extra['bar']} bar for a {role} path"
    else:
        level = f"No JLPT level recorded yet (the bar for a {role} path is {r.extra['bar']})"
    return f"{level}; {_explain_evidence(criterion, profile, r)}"


def _explain_timing(criterion: Criterion, profile: Profile, r: _Result) -> str:
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


def _duration(days: int) -> str:
    years, months = days // 365, (days % 365) // 30
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


# -- next actions ---------------------------------------------------------------


def _actions(
    index: _Index,
    criterion: Criterion,
    profile: Profile,
    day: int,
    result: _Result,
    score: int,
    timing: TimingVerdict,
) -> tuple[str, ...]:
    """The criterion's suggestions whose condition holds; none once the criterion is met."""
    if score >= 100:
        return ()
    return tuple(
        a.text
        for a in criterion.actions
        if _applies(a, index, criterion, profile, day, result, timing)
    )


def _applies(
    action: Action,
    index: _Index,
    criterion: Criterion,
    profile: Profile,
    day: int,
    result: _Result,
    timing: TimingVerdict,
) -> bool:
    when = action.when
    if when == "no_recent_evidence":
        newest = index.series[criterion.id].latest(day, action.types)
        return newest is None or day - newest >= action.days
    if when == "below_target":
        return result.fraction < 1.0
    if when == "no_start_date":
        return profile.start_date is None
    if when == "irregular_checkins":
        return result.extra["consistency"] < criterion.target
    if when == "no_jlpt_level":
        return not result.extra["rank"]
    if when == "below_jlpt_bar":
        return 0 < result.extra["rank"] < jlpt_rank(result.extra["bar"])
    if when == "no_occasion":
        return not timing.occasions
    if when == "repeated_asks":
        return _count_between(index.asks, day - REPEATED_ASKS_DAYS + 1, day) >= 2
    raise ValueError(f"unknown action condition {when!r}")


def _next_actions(scores: Sequence[CriterionScore]) -> tuple[str, ...]:
    """First the top suggestion of each criterion, biggest weighted gap first, then the rest."""
    ranked = sorted(scores, key=lambda s: -s.weight * s.gap)
    chosen: list[str] = []
    depth = max((len(s.actions) for s in scores), default=0)
    for level in range(depth):
        for s in ranked:
            if level < len(s.actions) and s.actions[level] not in chosen:
                chosen.append(s.actions[level])
    return tuple(chosen[:MAX_NEXT_ACTIONS])


# -- timing: is now a good moment to ask? ----------------------------------------


def _verdict(
    index: _Index, profile: Profile, criteria: Sequence[Criterion], day: int, overall: int
) -> TimingVerdict:
    timing = find_method(tuple(criteria), "timing")
    if timing is None:
        raise ValueError("the criteria have no 'timing' criterion")
    rules = timing.measure
    today = dt.date.fromordinal(day)
    found: dict[str, str] = {}

    project = _latest_between(index.projects, day - rules["after_project_days"] + 1, day)
    if project is not None:
        found["after_project"] = (
            f"You finished a major project {_ago(day - project)}: the result is fresh "
            "in everyone's mind (guide §8)."
        )
    evaluation = _latest_between(index.evaluations, day - rules["after_evaluation_days"] + 1, day)
    planned = profile.next_evaluation
    if (
        evaluation is None
        and planned
        and 0 <= day - planned.toordinal() < rules["after_evaluation_days"]
    ):
        evaluation = planned.toordinal()
    if evaluation is not None:
        found["after_evaluation"] = (
            f"Your evaluation was {_ago(day - evaluation)}: just after the yearly review "
            "is a natural time to talk about the next step (guide §8)."
        )
    renewal = profile.contract_renewal
    if renewal and 0 <= renewal.toordinal() - day <= rules["contract_renewal_days"]:
        found["contract_renewal"] = (
            f"Your contract renews on {renewal.isoformat()}, {_ahead(renewal.toordinal() - day)}: "
            "terms are being discussed anyway (guide §8)."
        )
    floor = jlpt_rank(profile.jlpt_level)
    improved = index.passes.improved_since(day, day - rules["japanese_improved_days"] + 1, floor)
    if improved is not None:
        found["japanese_improved"] = (
            f"You passed a higher JLPT level {_ago(day - improved)}: new language skill "
            "is a strong reason to ask (guide §8)."
        )
    occasions = tuple(code for code in OCCASIONS if code in found)
    reasons = [found[code] for code in occasions]

    last_ask = _latest_between(index.asks, day - rules["ask_cooldown_days"] + 1, day)
    ready = overall >= rules["ready_overall"]
    if not occasions:
        reasons.append("None of the good moments to ask applies right now (guide §8).")
    if planned and planned >= today:
        when = _ahead(planned.toordinal() - day)
        reasons.append(
            f"Your next evaluation is on {planned.isoformat()}, {when}; "
            "just after it is another natural moment to ask."
        )
    if last_ask is not None:
        reasons.append(
            f"You last asked {_ago(day - last_ask)}: give your manager time to act before "
            "asking again; patience is part of the strategy."
        )
    if not ready:
        reasons.append(
            f"Your readiness is {overall}/100: aim for {rules['ready_overall']} or more so the "
            "request is backed by a clear record."
        )

    good = bool(occasions) and ready and last_ask is None
    if good:
        headline = "Yes: a good moment to ask"
    elif last_ask is not None:
        headline = "Not yet: you asked recently, give it time"
    elif not ready:
        headline = "Not yet: build your record first"
    elif planned and planned >= today:
        headline = f"Not yet: wait until just after your evaluation on {planned.isoformat()}"
    else:
        headline = "Not yet: wait for a good moment"
    return TimingVerdict(good, headline, tuple(reasons), occasions)


def _latest_between(ords: list[int], first: int, last: int) -> int | None:
    i = bisect_right(ords, last)
    return ords[i - 1] if i and ords[i - 1] >= first else None


def _count_between(ords: list[int], first: int, last: int) -> int:
    return bisect_right(ords, last) - bisect_left(ords, first)


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def _ahead(days: int) -> str:
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"
