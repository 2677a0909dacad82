"""Promotion readiness: an explainable score from the guide's criteria, and its trend.

Pure functions of (entries, profile, criteria, as_of): the same journal on the same
day always gives the same answer, and nothing here reads the clock or the disk.
The journal is indexed once (readiness_index), each criterion is measured and explained
from that index (readiness_measure), and the timing verdict says whether now is the
moment to ask (readiness_timing); this module puts them together and picks the actions.

Every explanation, reason and action is built from our own words, numbers and dates,
never from an entry's title or notes, so nothing here can carry markup from the user.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import msgspec

from careercoach.model import Entry, Profile, jlpt_rank
from careercoach.readiness.criteria import EXAM_PLACEHOLDER, Action, Criterion, Weighting
from careercoach.readiness.exams import next_exams_text
from careercoach.readiness.index import Index, count_between
from careercoach.readiness.measure import Measurement, evidence_ids, measure
from careercoach.readiness.timing import TimingVerdict, verdict

REPEATED_ASKS_DAYS = 365


class Band(msgspec.Struct, frozen=True):
    name: str
    meaning: str


# (lowest overall score, band), lowest first.
BANDS: tuple[tuple[int, Band], ...] = (
    (0, Band("Getting started", "Little on record yet: build weekly habits before asking.")),
    (35, Band("Building", "Some strengths on record: close the biggest gaps first.")),
    (60, Band("Nearly ready", "A solid record: fill a gap or two and prepare the ask.")),
    (80, Band("Ready", "A strong record: pick a good moment and ask.")),
)


class CriterionScore(msgspec.Struct, frozen=True):
    id: str
    title: str
    section: str
    weight: float
    score: int
    explanation: str
    evidence_ids: tuple[str, ...]
    gap: float
    actions: tuple[str, ...]


class Assessment(msgspec.Struct, frozen=True):
    as_of: dt.date
    overall: int
    band: Band
    criteria: tuple[CriterionScore, ...]
    next_actions: tuple[str, ...]
    timing: TimingVerdict
    weighting: Weighting | None = None
    """The weights the profile's company type selected (None: no criteria)."""

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape of `careercoach score --json`."""
        weighting = self.weighting
        return {
            "as_of": self.as_of.isoformat(),
            "overall": self.overall,
            "band": {"name": self.band.name, "meaning": self.band.meaning},
            "weighting": (
                {"id": weighting.id, "title": weighting.title, "why": weighting.why}
                if weighting
                else None
            ),
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


class TrendPoint(msgspec.Struct, frozen=True):
    date: dt.date
    overall: int
    per_criterion: dict[str, int]


MAX_NEXT_ACTIONS = 5


def assess(
    entries: Iterable[Entry],
    profile: Profile,
    criteria: Sequence[Criterion],
    as_of: dt.date,
    *,
    plan_active: bool = False,
    plan_next: tuple[dt.date, str] | None = None,
) -> Assessment:
    """Score every criterion at `as_of`, explain it, and say whether now is the time to ask
    (never while an improvement plan is running: `plan_active`, from the caller)."""
    plan = {"plan_active": plan_active, "plan_next": plan_next}
    return _assess(Index(entries, criteria), profile, criteria, as_of, **plan)


def trend(
    entries: Iterable[Entry],
    profile: Profile,
    criteria: Sequence[Criterion],
    as_of: dt.date,
    weeks: int = 26,
) -> list[TrendPoint]:
    """Weekly scores, oldest first, ending at `as_of`; the journal is indexed only once."""
    return _trend(Index(entries, criteria), profile, criteria, as_of, weeks)


def assess_with_trend(
    entries: Iterable[Entry],
    profile: Profile,
    criteria: Sequence[Criterion],
    as_of: dt.date,
    weeks: int = 26,
    *,
    plan_active: bool = False,
    plan_next: tuple[dt.date, str] | None = None,
) -> tuple[Assessment, list[TrendPoint]]:
    """`assess` and `trend` together, reading the entries once (half the work of both)."""
    index = Index(entries, criteria)
    plan = {"plan_active": plan_active, "plan_next": plan_next}
    return (
        _assess(index, profile, criteria, as_of, **plan),
        _trend(index, profile, criteria, as_of, weeks),
    )


def _assess(
    index: Index,
    profile: Profile,
    criteria: Sequence[Criterion],
    as_of: dt.date,
    *,
    plan_active: bool = False,
    plan_next: tuple[dt.date, str] | None = None,
) -> Assessment:
    day = as_of.toordinal()
    weighting = _weighting(criteria, profile)
    weights = _weights(criteria, weighting)
    results = [measure(index, c, profile, day) for c in criteria]
    scores = [_percent(r.fraction) for r in results]
    overall = overall_score(weights, scores)
    timing = verdict(
        index, profile, criteria, day, overall, plan_active=plan_active, plan_next=plan_next
    )
    criterion_scores = tuple(
        CriterionScore(
            id=c.id,
            title=c.title,
            section=c.section,
            weight=weight,
            score=score,
            explanation=r.explanation(c, profile),
            evidence_ids=evidence_ids(index, c, day, r),
            gap=round(max(0.0, 1.0 - r.fraction), 3),
            actions=_actions(index, c, profile, day, r, score, timing),
        )
        for c, r, score, weight in zip(criteria, results, scores, weights, strict=True)
    )
    return Assessment(
        as_of=as_of,
        overall=overall,
        band=band_for(overall),
        criteria=criterion_scores,
        next_actions=_next_actions(criterion_scores),
        timing=timing,
        weighting=weighting,
    )


def _weighting(criteria: Sequence[Criterion], profile: Profile) -> Weighting | None:
    return criteria[0].rules.weighting_for(profile.company_type) if criteria else None


def _weights(criteria: Sequence[Criterion], weighting: Weighting | None) -> list[float]:
    return [c.weight_for(weighting) if weighting else 0.0 for c in criteria]


def _trend(
    index: Index, profile: Profile, criteria: Sequence[Criterion], as_of: dt.date, weeks: int
) -> list[TrendPoint]:
    points = []
    weights = _weights(criteria, _weighting(criteria, profile))
    for back in range(max(1, weeks) - 1, -1, -1):
        date = as_of - dt.timedelta(weeks=back)
        day = date.toordinal()
        scores = [_percent(measure(index, c, profile, day).fraction) for c in criteria]
        points.append(
            TrendPoint(
                date=date,
                overall=overall_score(weights, scores),
                per_criterion={c.id: s for c, s in zip(criteria, scores, strict=True)},
            )
        )
    return points


def band_for(overall: int) -> Band:
    """The highest band whose lower bound the score reaches."""
    return next(band for low, band in reversed(BANDS) if overall >= low)


def _half_up(value: float) -> int:
    """`value` rounded half up to a whole point from 0 to 100, as a person rounds. It is
    rounded to nine decimals first: float arithmetic can leave an exact half a hair
    below (weights 0.2, 1.3 and 1.1 on 94, 59 and 16 give 43.49999999999999)."""
    return min(100, max(0, int(round(value, 9) + 0.5)))


def _percent(fraction: float) -> int:
    return _half_up(fraction * 100)


def overall_score(weights: Sequence[float], scores: Sequence[int]) -> int:
    """The weighted mean of the criteria's scores, rounded half up: what a user works
    out by hand from `score --explain` (a mean of 14.5 is 15; taken as a fraction of
    100 and back, it once came to 14.499999999999998 and showed 14)."""
    total = sum(weights)
    if total <= 0:
        return 0
    return _half_up(sum(w * s for w, s in zip(weights, scores, strict=True)) / total)


# -- next actions ---------------------------------------------------------------


def _actions(
    index: Index,
    criterion: Criterion,
    profile: Profile,
    day: int,
    result: Measurement,
    score: int,
    timing: TimingVerdict,
) -> tuple[str, ...]:
    """The criterion's suggestions whose condition holds; none once the criterion is met."""
    if score >= 100:
        return ()
    chosen = [
        a.text
        for a in criterion.actions
        if _applies(a, index, criterion, profile, day, result, timing)
    ]
    if any(EXAM_PLACEHOLDER in text for text in chosen):
        exams = next_exams_text(criterion.rules.jlpt, dt.date.fromordinal(day))
        chosen = [text.replace(EXAM_PLACEHOLDER, exams) for text in chosen]
    return tuple(chosen)


def _applies(
    action: Action,
    index: Index,
    criterion: Criterion,
    profile: Profile,
    day: int,
    result: Measurement,
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
        return count_between(index.asks, day - REPEATED_ASKS_DAYS + 1, day) >= 2
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
