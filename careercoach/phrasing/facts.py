"""What a script can say about the user, each fact traceable to a journal entry.

Evidence kept for an improvement plan is never cited: it is private to the plan.

A JLPT pass is news only by the readiness timing's own rule for "right after
improving your Japanese" (promotion guide §8): logged within its window, raising the
best level passed so far, and reaching the profile's level. A level that has sat in
the profile for years is not something to announce, and neither is an N4 pass logged
by someone whose profile says N2. (The readiness index holds that rule, but not
behind careercoach.readiness's front door, so it is restated in `_jlpt_news`; a test
holds the two together.)
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable

import msgspec

from careercoach.model import Entry, Profile, is_plan_evidence, jlpt_rank
from careercoach.phrasing.citations import MAX_ITEMS, Citation, citation_of

RECENT_DAYS = 365  # achievements, bridge work and documentation count for a year
PROJECT_DAYS = 180  # "now that the project is complete" needs a fresh project
_FACT_KINDS = frozenset(("achievement", "bridge", "documentation", "japanese"))


class JournalFacts(msgspec.Struct, frozen=True):
    """What the scripts can say about the user, each fact traceable to an entry."""

    project: Citation | None = None
    achievements: tuple[Citation, ...] = ()  # work done, the project excluded
    recognition: tuple[Citation, ...] = ()  # thanks and praise received: not work done
    bridge: tuple[Citation, ...] = ()
    documentation: tuple[Citation, ...] = ()
    jlpt_news: str = ""  # a level passed within the news window, else ""
    jlpt_entry_id: str | None = None
    tenure_months: int | None = None


@functools.lru_cache(maxsize=1)
def jlpt_news_days() -> int:
    """The readiness timing's window for "right after improving your Japanese" (from the
    shipped criteria: a user's criteria override changes weights and targets, not it)."""
    from careercoach.readiness import load_criteria

    for criterion in load_criteria():
        if criterion.method == "timing":
            return int(criterion.measure["japanese_improved_days"])
    raise LookupError("the criteria have no timing criterion")


def gather_facts(
    entries: Iterable[Entry], profile: Profile, as_of: dt.date, *, news_days: int | None = None
) -> JournalFacts:
    """Pick the newest relevant entries up to `as_of` (entries after it are ignored)."""
    if news_days is None:
        news_days = jlpt_news_days()
    dated = [
        e for e in entries if e.kind in _FACT_KINDS and e.date <= as_of and not is_plan_evidence(e)
    ]
    dated.sort(key=lambda e: (e.date, e.created, e.id), reverse=True)
    fresh = as_of - dt.timedelta(days=PROJECT_DAYS)
    project = next(
        (
            citation_of(e)
            for e in dated
            if e.kind == "achievement" and e.subtype == "major_project" and e.date > fresh
        ),
        None,
    )
    jlpt = _jlpt_news(dated, jlpt_rank(profile.jlpt_level), as_of - dt.timedelta(days=news_days))
    recent = as_of - dt.timedelta(days=RECENT_DAYS)
    skip = {project.entry_id} if project else set()
    work = [e for e in dated if e.subtype != "recognition"]
    return JournalFacts(
        project=project,
        achievements=_recent(work, "achievement", recent, skip),
        recognition=_recent(dated, "achievement", recent, skip, subtype="recognition"),
        bridge=_recent(dated, "bridge", recent, skip),
        documentation=_recent(dated, "documentation", recent, skip),
        jlpt_news=str(jlpt.details["level"]) if jlpt else "",
        jlpt_entry_id=jlpt.id if jlpt else None,
        tenure_months=_months_between(profile.start_date, as_of),
    )


def _jlpt_news(newest_first: list[Entry], floor: int, since: dt.date) -> Entry | None:
    """The newest pass after `since` that raised the best level passed before it and
    reaches `floor` (the profile's level): the readiness timing's "Japanese improved"."""
    passes = sorted(
        (
            e
            for e in newest_first
            if e.kind == "japanese"
            and e.subtype in ("jlpt", None)
            and e.details.get("passed") is True
            and jlpt_rank(str(e.details.get("level", "")))
        ),
        key=lambda e: (e.date, e.id),
    )
    news: Entry | None = None
    best = 0
    for entry in passes:
        rank = jlpt_rank(str(entry.details["level"]))
        if rank > best and rank >= floor and entry.date > since:
            news = entry
        best = max(best, rank)
    return news


def _recent(
    newest_first: list[Entry],
    kind: str,
    since: dt.date,
    skip: set[str],
    *,
    subtype: str | None = None,
) -> tuple[Citation, ...]:
    """Up to MAX_ITEMS distinct titles, starred ones first: a weekly habit should not
    fill the list three times."""
    recent = [
        e
        for e in newest_first
        if e.kind == kind
        and (subtype is None or e.subtype == subtype)
        and e.date > since
        and e.id not in skip
    ]
    recent.sort(key=lambda e: not e.starred)  # stable: highlights first, then newest
    found: list[Citation] = []
    seen: set[str] = set()
    for entry in recent:
        key = entry.title.casefold()
        if key in seen:
            continue
        seen.add(key)
        found.append(citation_of(entry))
        if len(found) == MAX_ITEMS:
            break
    return tuple(found)


def _months_between(start: dt.date | None, as_of: dt.date) -> int | None:
    if start is None or start > as_of:
        return None
    months = (as_of.year - start.year) * 12 + as_of.month - start.month
    if as_of.day < start.day:
        months -= 1
    return months if months >= 1 else None
