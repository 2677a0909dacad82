"""The review of a period: the record by the guide's criteria, readiness then and now,
and what moved it. Pure: entries, profile, plan and dates are parameters.

The period's entries are grouped by the criteria of `content/criteria.yaml` (an
entry counts wherever the criterion counts its kind, as the score does), with
achievements as the period's results. Highlights are the entries a draft cites:
starred first, then the newest, one per distinct title. Improvement-plan evidence
stays out of everything here, the score included, unless the caller asks for it
(`careercoach.model.is_plan_evidence`, the predicate the packet and the scripts use).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import msgspec

from careercoach.errors import ValidationError
from careercoach.model import JLPT_LEVELS, Entry, Profile, is_plan_evidence, jlpt_rank
from careercoach.readiness import Assessment, Criterion, assess

MAX_HIGHLIGHTS = 3
DEFAULT_MONTHS = 12
RESULTS_KIND = "achievement"
RESULTS_ID = "results"  # the criterion whose evidence is the period's results


class Period(msgspec.Struct, frozen=True):
    """The dates reviewed (both included) and how the start was chosen."""

    since: dt.date
    until: dt.date
    basis: str  # words for people: "since the evaluation logged on 2026-05-19"

    @property
    def day_before(self) -> dt.date:
        """The start is scored as of this day, so the period's first day counts as moved."""
        return self.since - dt.timedelta(days=1)


class Group(msgspec.Struct, frozen=True):
    """One criterion's part of the record: how many entries, and the ones to cite."""

    id: str
    title: str
    section: str
    count: int
    highlights: tuple[Entry, ...]


class Movement(msgspec.Struct, frozen=True):
    """How one criterion's score changed over the period, and why as of its end."""

    id: str
    title: str
    start: int
    end: int
    explanation: str

    @property
    def change(self) -> int:
        return self.end - self.start


class Review(msgspec.Struct, frozen=True):
    period: Period
    entries: int
    plan_evidence_left_out: int
    results: Group
    groups: tuple[Group, ...]
    weeks: int
    weeks_logged: int
    start: Assessment
    end: Assessment
    moved: tuple[Movement, ...]
    japanese_practice: dict[str, int]  # Japanese entries by sub-type ("" for none)
    jlpt_passed: str  # a level passed (logged) in the period, else ""
    jlpt_level: str  # the best level known at the end of the period
    jlpt_bar: str  # the level the target role asks for
    plan_running: bool

    @property
    def weakest(self) -> tuple[str, ...]:
        """Criterion ids from the lowest score at the end of the period (ties: by weight)."""
        ranked = sorted(self.end.criteria, key=lambda c: (c.score, -c.weight))
        return tuple(c.id for c in ranked)


def last_evaluation(entries: Iterable[Entry], until: dt.date) -> dt.date | None:
    """The newest evaluation conversation logged before `until` (one on the last day
    is the meeting this review prepares, not the start of its period)."""
    return max(
        (
            e.date
            for e in entries
            if e.kind == "conversation" and e.subtype == "evaluation" and e.date < until
        ),
        default=None,
    )


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def since_last_evaluation(
    entries: Iterable[Entry], profile: Profile, until: dt.date
) -> tuple[dt.date, str] | None:
    """The day after the last logged evaluation; else from the profile: its evaluation
    date if it has passed, or a year before it if it is still ahead."""
    logged = last_evaluation(entries, until)
    if logged is not None:
        return logged + dt.timedelta(days=1), f"since the evaluation logged on {logged}"
    planned = profile.next_evaluation
    if planned is not None:
        if planned < until:
            return planned + dt.timedelta(days=1), f"since the evaluation on {planned} (profile)"
        start = add_years(planned, -1) + dt.timedelta(days=1)
        if start <= until:
            return start, f"the year up to the evaluation on {planned} (profile)"
    return None


def choose_period(
    entries: Sequence[Entry],
    profile: Profile,
    *,
    today: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
    last_evaluation_start: bool = False,
) -> Period:
    """The period to review. Without a start: since the last evaluation when one is
    known, else the last twelve months."""
    end = until or today
    if since is not None and last_evaluation_start:
        raise ValidationError("use --since or --since-last-evaluation, not both")
    if since is not None:
        if since > end:
            raise ValidationError("--since is after --until: nothing could match")
        return Period(since, end, "the dates you chose")
    found = since_last_evaluation(entries, profile, end)
    if found is not None:
        return Period(found[0], end, found[1])
    if last_evaluation_start:
        raise ValidationError(
            "no evaluation is logged and your profile has no evaluation date: log it "
            "(careercoach add conversation ... --type evaluation), set next_evaluation, "
            "or use --since DATE"
        )
    start = add_years(end, -1) + dt.timedelta(days=1)
    return Period(start, end, "the last twelve months: no evaluation known")


def highlight_order(entries: Iterable[Entry]) -> list[Entry]:
    """Starred first, then newest; one entry per distinct title."""
    ordered = sorted(entries, key=lambda e: (not e.starred, -e.date.toordinal(), e.id))
    seen: set[str] = set()
    result = []
    for entry in ordered:
        key = entry.title.casefold()
        if key not in seen:
            seen.add(key)
            result.append(entry)
    return result


def _group(criterion_id: str, title: str, section: str, entries: list[Entry]) -> Group:
    return Group(
        criterion_id,
        title,
        section,
        len(entries),
        tuple(highlight_order(entries)[:MAX_HIGHLIGHTS]),
    )


def _weeks(entries: Iterable[Entry], period: Period) -> tuple[int, int]:
    """Weeks (Monday to Sunday) touching the period, and how many have an entry."""
    first = period.since - dt.timedelta(days=period.since.weekday())
    total = (period.until - first).days // 7 + 1
    logged = {(e.date - first).days // 7 for e in entries}
    return total, len(logged)


def _best_level(entries: Iterable[Entry], profile: Profile, until: dt.date) -> str:
    levels = [profile.jlpt_level] + [
        str(e.details.get("level"))
        for e in entries
        if e.kind == "japanese"
        and e.subtype == "jlpt"
        and e.details.get("passed") is True
        and e.date <= until
    ]
    return max(levels, key=jlpt_rank, default="") if any(levels) else ""


def _passed_in(entries: Iterable[Entry]) -> str:
    passed = [
        str(e.details.get("level"))
        for e in entries
        if e.kind == "japanese" and e.subtype == "jlpt" and e.details.get("passed") is True
    ]
    return max(passed, key=jlpt_rank, default="")


def _by_subtype(entries: Iterable[Entry], kind: str) -> dict[str, int]:
    """How many entries of `kind` per sub-type: the drafts claim only what was logged."""
    counts: dict[str, int] = {}
    for entry in entries:
        if entry.kind == kind:
            key = entry.subtype or ""
            counts[key] = counts.get(key, 0) + 1
    return counts


def next_level(level: str, bar: str) -> str:
    """The next JLPT level to aim for on the way to `bar` ("" once it is reached)."""
    rank = jlpt_rank(level)
    if rank >= jlpt_rank(bar):
        return ""
    return JLPT_LEVELS[rank]  # index `rank` is one level above `level`


def build_review(
    entries: Sequence[Entry],
    profile: Profile,
    criteria: Sequence[Criterion],
    period: Period,
    *,
    plan_running: bool = False,
    include_plan: bool = False,
) -> Review:
    """The review of `period` from the whole journal's `entries`."""
    dated = [e for e in entries if period.since <= e.date <= period.until]
    usable = [e for e in entries if include_plan or not is_plan_evidence(e)]
    in_period = [e for e in usable if period.since <= e.date <= period.until]
    start = assess(usable, profile, criteria, period.day_before)
    end = assess(usable, profile, criteria, period.until)
    groups = []
    for criterion in criteria:
        # stability: every entry counts, shown as weeks instead; results: shown first
        if criterion.method == "stability" or criterion.id == RESULTS_ID:
            continue
        matching = [e for e in in_period if criterion.counts(e.kind, e.subtype)]
        groups.append(_group(criterion.id, criterion.title, criterion.section, matching))
    named = next((c for c in criteria if c.id == RESULTS_ID), None)
    results = _group(
        RESULTS_ID,
        named.title if named else "Delivered results",
        named.section if named else "promotion guide §1, §9",
        [e for e in in_period if e.kind == RESULTS_KIND],
    )
    weeks, logged = _weeks(in_period, period)
    start_scores = {c.id: c.score for c in start.criteria}
    moved = sorted(
        (
            Movement(c.id, c.title, start_scores[c.id], c.score, c.explanation)
            for c in end.criteria
            if c.score != start_scores[c.id]
        ),
        key=lambda m: -abs(m.change),
    )
    japanese = next((c for c in criteria if c.method == "japanese"), None)
    bars: Mapping[str, Any] = japanese.measure.get("bar", {}) if japanese else {}
    return Review(
        period=period,
        entries=len(in_period),
        plan_evidence_left_out=len(dated) - len(in_period),
        results=results,
        groups=tuple(groups),
        weeks=weeks,
        weeks_logged=logged,
        start=start,
        end=end,
        moved=tuple(moved),
        japanese_practice=_by_subtype(in_period, "japanese"),
        jlpt_passed=_passed_in(in_period),
        jlpt_level=_best_level(usable, profile, period.until),
        jlpt_bar=str(bars.get(profile.target_role, bars.get("specialist", ""))),
        plan_running=plan_running,
    )
