"""The journal indexed once for readiness scoring: grouped, sorted and counted per day.

Entries are read in one pass and grouped per (kind, sub-type); each criterion then gets
its evidence as a few values per day, so a score at any date is a few bisects plus a sum
over at most `window_days` days. That is what lets `trend` compute 26 weekly points over
100k entries quickly.
"""

from __future__ import annotations

import datetime as dt
import math
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from careercoach.model import Entry, is_plan_evidence, jlpt_rank
from careercoach.readiness.criteria import Criterion


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


def week_of(day: int) -> int:
    """The day number of the Monday starting `day`'s week (day 1, 0001-01-01, is a Monday)."""
    return day - (day - 1) % 7


class Series:
    """One criterion's evidence: the groups that count for it, and their value per day.

    Each day keeps the credits of its best entries, already scaled by the per-day
    factors (later entries of a day count less); `weighted` then ranks a week's values
    and applies the per-week factors. Ranking best first is what keeps the score from
    ever dropping when an entry is added.
    """

    def __init__(self, groups: list[tuple[_Group, float]], criterion: Criterion) -> None:
        self.groups = [group for group, _ in groups]
        self.credited = groups
        if criterion.method == "stability":  # only which days have an entry matters
            distinct = sorted({d for group in self.groups for d in set(group.dates)})
            per_day: Mapping[dt.date, int] = dict.fromkeys(distinct, 0)
        else:
            per_day = Counter()
            for group in self.groups:
                per_day.update(group.dates)
            distinct = sorted(per_day)
        self.dates = distinct
        self.days = [d.toordinal() for d in distinct]
        self.counts = [per_day[d] for d in distinct]
        self.half_life = criterion.half_life_days
        self.per_day = criterion.rules.returns.per_day
        self.per_week = criterion.rules.returns.per_week
        self.decay = [0.5 ** (age / self.half_life) for age in range(criterion.window_days)]
        self.window = criterion.window_days
        # Each day's values, worked out the first time a score reaches that day.
        self.values: list[list[tuple[float, float, int]] | None] = [None] * len(distinct)
        self.weeks: dict[int, float] = {}

    def day_values(self, i: int) -> list[tuple[float, float, int]]:
        """The i-th day's best credits scaled by the per-day factors, as (rank key, value,
        day). A value's rank within its week never depends on the scoring date: every
        value of a week decays by the same factor."""
        found = self.values[i]
        if found is None:
            date, day = self.dates[i], self.days[i]
            credits: list[float] = []
            for group, credit in self.credited:
                n = bisect_right(group.dates, date) - bisect_left(group.dates, date)
                credits += [credit] * min(n, len(self.per_day))
            credits.sort(reverse=True)
            found = self.values[i] = [
                (math.log2(c * f) + day / self.half_life, c * f, day)
                for c, f in zip(credits, self.per_day, strict=False)
                if c * f > 0
            ]
        return found

    def count(self, day: int) -> int:
        """How many entries fall in the window ending on `day`."""
        lo = bisect_left(self.days, day - self.window + 1)
        return sum(self.counts[lo : bisect_right(self.days, day)])

    def weighted(self, day: int) -> tuple[int, float]:
        """(how many entries, their weighted worth) in the window ending on `day`."""
        first = day - self.window + 1
        days = self.days
        lo = bisect_left(days, first)
        hi = bisect_right(days, day)
        count = sum(self.counts[lo:hi])
        total = 0.0
        i = lo
        while i < hi:
            week = week_of(days[i])
            j = bisect_left(days, week + 7, i, hi)
            if week >= first and week + 6 <= day:  # a whole week: its worth is kept
                total += self._whole_week(week, i, j) * self.decay[day - week]
            else:
                items = [value for k in range(i, j) for value in self.day_values(k)]
                total += self._ranked_worth(items, day)
            i = j
        return count, total

    def _whole_week(self, week: int, i: int, j: int) -> float:
        """A whole week's worth as if scored on its Monday (later, it only decays)."""
        worth = self.weeks.get(week)
        if worth is None:
            items = [value for k in range(i, j) for value in self.day_values(k)]
            items.sort(reverse=True)
            worth = self.weeks[week] = sum(
                value * factor * 2 ** ((at - week) / self.half_life)
                for (_, value, at), factor in zip(items, self.per_week, strict=False)
            )
        return worth

    def _ranked_worth(self, items: list[tuple[float, float, int]], day: int) -> float:
        items.sort(reverse=True)
        decay = self.decay
        return sum(
            value * factor * decay[day - at]
            for (_, value, at), factor in zip(items, self.per_week, strict=False)
        )

    def in_window(self, first_day: int, day: int) -> list[Entry]:
        """Entries dated `first_day` to `day`, newest first (same day: by id)."""
        first = dt.date.fromordinal(first_day)
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
        """Day number of the newest entry on or before `day`; with `types`, only those
        sub-types and entries without one (which may well be of those types)."""
        last = dt.date.fromordinal(day)
        found = [
            g.latest(last)
            for g in self.groups
            if not types or g.subtype in types or g.subtype is None
        ]
        dates = [d for d in found if d is not None]
        return max(dates).toordinal() if dates else None


class Index:
    """Entries grouped, sorted and counted per day once, so any date scores cheaply.

    One pass reads each entry (reading 100k scattered objects is the main cost);
    everything after works on the grouped lists.
    """

    def __init__(self, entries: Iterable[Entry], criteria: Sequence[Criterion]) -> None:
        by_key: dict[tuple[str, Any], tuple[list[Entry], list[dt.date]]] = {}
        for entry in entries:
            if is_plan_evidence(entry):
                continue  # plan notes are not promotion evidence
            key = (entry.kind, entry.details.get("type"))
            lists = by_key.get(key)
            if lists is None:
                lists = by_key[key] = ([], [])
            lists[0].append(entry)
            lists[1].append(entry.date)
        groups = {key: _Group(key[1], *lists) for key, lists in by_key.items()}
        self.series = {}
        for c in criteria:
            credited = [(g, c.credit(*key)) for key, g in groups.items()]
            self.series[c.id] = Series([(g, credit) for g, credit in credited if credit > 0], c)
        empty = _Group(None, [], [])
        # A result's details set its sub-type to jlpt; older entries may have none.
        results = [groups.get(("japanese", t), empty).entries for t in ("jlpt", None)]
        self.passes = _JlptPasses(results[0] + results[1])
        self.projects = groups.get(("achievement", "major_project"), empty).ords()
        self.evaluations = groups.get(("conversation", "evaluation"), empty).ords()
        self.asks = groups.get(("conversation", "promotion_ask"), empty).ords()


class _JlptPasses:
    """Passed JLPT exams, oldest first, with the best level reached by each point."""

    def __init__(self, entries: list[Entry]) -> None:
        passed = sorted(
            (
                (e.date.toordinal(), jlpt_rank(str(e.details.get("level", ""))), e)
                for e in entries
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


def latest_between(ords: list[int], first: int, last: int) -> int | None:
    """The newest day number in [first, last] of an ascending list, if any."""
    i = bisect_right(ords, last)
    return ords[i - 1] if i and ords[i - 1] >= first else None


def count_between(ords: list[int], first: int, last: int) -> int:
    """How many day numbers of an ascending list fall in [first, last]."""
    return bisect_right(ords, last) - bisect_left(ords, first)
