"""The Performance Improvement Plan navigator engine: what the plan record tells you.

Pure functions over a `PlanRecord` (plan/record.py) and
the checked content in content/improvement_plan.yaml:

- `assess_plan(plan, as_of)`: a verdict ("stay" / "mixed" / "exit"), the signs that
  drove it, and warnings read from the record itself.
- `key_dates(plan, as_of, employment_end=None)`: plan start and end, the review window
  before signing, and the commonly cited job-search window after employment ends.
- `evidence_timeline(entries, plan)`: the dated trail of plan evidence in the journal.
- `load_plan_content()`: the signs, checklist, exit options, rules, help and the
  "not legal advice" notice, which must accompany any advice shown.

"Today" is always a parameter; nothing here reads the clock or writes files.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools
from collections.abc import Iterable, Mapping
from typing import Any

import msgspec

from careercoach.model import Entry, is_plan_evidence
from careercoach.plan.content import (
    EXIT_RISK,
    FIXABLE,
    SUGGESTIVE_FACTS,
    PlanContent,
    Sign,
    load_plan_content,
)
from careercoach.plan.record import (
    HELP_KINDS,
    Goal,
    PlanRecord,
)

# The verdict rule (PIP guide §2 "rule of thumb"): clarity and support with no red flag
# means staying is realistic; several red flags, or red flags outweighing the fixable
# signs, mean preparing an exit alongside the work; anything else is mixed.
STAY_MIN_FIXABLE = 2
EXIT_MIN_RED_FLAGS = 3
EXIT_MIN_OUTWEIGHING = 2


# -- assessment ------------------------------------------------------------------


class SignFinding(msgspec.Struct, frozen=True):
    """One sign with the answer that counts: the user's, or one read from the record."""

    id: str
    label: str
    question: str
    section: str
    yes_means: str  # "fixable" | "exit_risk"
    answer: str | None  # "yes" | "no" | "unsure" | None (not answered)
    inferred: bool  # True when the answer comes from the plan record
    because: str  # why this answer: "you answered yes" or what the record shows

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "label": self.label,
            "question": self.question,
            "section": self.section,
            "yes_means": self.yes_means,
            "answer": self.answer,
            "inferred": self.inferred,
            "because": self.because,
        }


class PlanWarning(msgspec.Struct, frozen=True):
    """A problem visible in the record itself, with the goals (1-based) it concerns."""

    id: str
    title: str
    advice: str
    section: str
    goals: tuple[int, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "advice": self.advice,
            "section": self.section,
            "goals": list(self.goals),
        }


class PlanAssessment(msgspec.Struct, frozen=True):
    """What `assess_plan` concludes. `notice` must be shown with it."""

    as_of: dt.date
    verdict: str  # "stay" | "mixed" | "exit"
    headline: str
    advice: str
    section: str
    reasons: tuple[str, ...]
    drivers: tuple[SignFinding, ...]  # signs answered "yes", red flags first
    open_questions: tuple[SignFinding, ...]  # signs answered "unsure": find out
    signs: tuple[SignFinding, ...]  # every sign, in content order
    warnings: tuple[PlanWarning, ...]
    fixable_count: int
    red_flag_count: int
    answered_count: int
    phase: str  # "not_started" | "running" | "ended"
    days_left: int  # until the plan end (negative once it has passed)
    notice: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "as_of": self.as_of.isoformat(),
            "verdict": self.verdict,
            "headline": self.headline,
            "advice": self.advice,
            "section": self.section,
            "reasons": list(self.reasons),
            "drivers": [s.id for s in self.drivers],
            "open_questions": [s.id for s in self.open_questions],
            "signs": [s.to_dict() for s in self.signs],
            "warnings": [w.to_dict() for w in self.warnings],
            "fixable_count": self.fixable_count,
            "red_flag_count": self.red_flag_count,
            "answered_count": self.answered_count,
            "phase": self.phase,
            "days_left": self.days_left,
            "notice": self.notice,
        }


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 -> 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _numbers(goals: Iterable[tuple[int, Goal]]) -> str:
    found = [str(n) for n, _ in goals]
    return ("goal " if len(found) == 1 else "goals ") + ", ".join(found)


def record_facts(
    plan: PlanRecord, as_of: dt.date, content: PlanContent | None = None
) -> dict[str, str]:
    """Facts the record shows (fact id -> a sentence saying why), for inferred answers."""
    timing = (content or load_plan_content()).timing
    numbered = list(enumerate(plan.goals, start=1))
    facts: dict[str, str] = {}
    unclear = [(n, g) for n, g in numbered if not (g.specific and g.measurable)]
    if plan.goals and not unclear:
        facts["goals_clear"] = "every goal in your record is specific and measurable"
    if unclear:
        facts["goals_unclear"] = f"{_numbers(unclear)} not marked specific and measurable"
    outside = [(n, g) for n, g in numbered if not g.within_my_control]
    if outside:
        facts["goals_outside_control"] = f"{_numbers(outside)} marked as depending on others"
    if plan.support.any_help:
        offered = [k.replace("_", " ") for k in plan.support.offered() if k in HELP_KINDS]
        facts["support_offered"] = "your record lists " + ", ".join(offered) + " as offered"
    if plan.support.transfer_discussed:
        facts["transfer_discussed"] = "your record says a transfer was discussed"
    if _is_short(plan, timing.short_plan_months) and not plan.support.any_help:
        facts["short_without_support"] = (
            f"the plan runs {plan.length_days} days with no support recorded"
        )
    held = sorted(m.date for m in plan.meetings if m.date <= as_of)
    if len(held) >= 2:
        checkpoints = [*held, min(as_of, plan.end)]
        gaps = [(b - a).days for a, b in itertools.pairwise(checkpoints)]
        if max(gaps) <= timing.checkin_max_gap_days:
            facts["regular_meetings"] = f"{len(held)} check-ins recorded, none far apart"
    ignored = [(n, g) for n, g in numbered if g.status == "met" and g.recognised is False]
    if ignored:
        facts["goal_met_not_recognised"] = f"{_numbers(ignored)} met but not recognised"
    return facts


def _is_short(plan: PlanRecord, months: int) -> bool:
    return plan.end < add_months(plan.start, months)


def _findings(
    plan: PlanRecord, facts: Mapping[str, str], content: PlanContent
) -> tuple[SignFinding, ...]:
    return tuple(_finding(sign, plan.answers.get(sign.id), facts) for sign in content.signs)


def _finding(sign: Sign, answer: str | None, facts: Mapping[str, str]) -> SignFinding:
    """The answer that counts for one sign, and why.

    A record fact that settles the sign overrides a contrary answer and says so, in
    either direction; a merely suggestive one only fills in an unanswered sign.
    """
    inferred = False
    yes_fact = facts.get(sign.inferred_from or "")
    no_fact = facts.get(sign.ruled_out_by or "")
    settles = sign.inferred_from not in SUGGESTIVE_FACTS
    if answer in ("no", "unsure") and yes_fact is not None and settles:
        answer, inferred, because = "yes", True, _overridden(yes_fact, answer)
    elif answer in ("yes", "unsure") and no_fact is not None:
        answer, inferred, because = "no", True, _overridden(no_fact, answer)
    elif answer is not None:
        because = f"you answered {answer}"
    elif yes_fact is not None:
        answer, inferred, because = "yes", True, f"from your record: {yes_fact}"
    elif no_fact is not None:
        answer, inferred, because = "no", True, f"from your record: {no_fact}"
    else:
        because = "not answered yet"
    return SignFinding(
        id=sign.id,
        label=sign.label,
        question=sign.question,
        section=sign.section,
        yes_means=sign.yes_means,
        answer=answer,
        inferred=inferred,
        because=because,
    )


def _overridden(fact: str, answer: str) -> str:
    return (
        f"from your record: {fact}; you answered {answer}, "
        "but the record counts until you change one of them"
    )


def _verdict(fixable: int, red: int) -> str:
    if red >= EXIT_MIN_RED_FLAGS or (red >= EXIT_MIN_OUTWEIGHING and red > fixable):
        return "exit"
    if red == 0 and fixable >= STAY_MIN_FIXABLE:
        return "stay"
    return "mixed"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def _count_reason(verdict: str, fixable: int, red: int, answered: int, total: int) -> str:
    signs = f"{_plural(fixable, 'fixable sign')} and {_plural(red, 'red flag')}"
    if verdict == "stay":
        return f"{signs}: clarity and support with nothing pointing the other way."
    if verdict == "exit" and red >= EXIT_MIN_RED_FLAGS:
        return f"{signs}: {EXIT_MIN_RED_FLAGS} or more red flags call for a plan B."
    if verdict == "exit":
        return f"{signs}: the red flags outweigh the fixable signs."
    if fixable + red == 0 or (red == 0 and fixable < STAY_MIN_FIXABLE):
        return (
            f"{signs} so far ({answered} of {total} signs answered): "
            "not enough to tell yet, so keep both paths open."
        )
    return f"{signs}: signs point both ways."


def assess_plan(
    plan: PlanRecord, as_of: dt.date, content: PlanContent | None = None
) -> PlanAssessment:
    """Verdict, the signs behind it, and warnings from the record. Deterministic, pure.

    A sign you have not answered takes what the record shows (e.g. a goal marked as
    depending on others counts as "yes"). Where the record settles a sign, it also
    counts over a contrary answer of yours, in either direction, and the reasons say
    so; where it only suggests an answer (SUGGESTIVE_FACTS), your answer stands.
    Answers for signs the content no longer has are ignored.
    """
    content = content or load_plan_content()
    findings = _findings(plan, record_facts(plan, as_of, content), content)
    yes = [f for f in findings if f.answer == "yes"]
    red = [f for f in yes if f.yes_means == EXIT_RISK]
    fixable = [f for f in yes if f.yes_means == FIXABLE]
    answered = sum(1 for f in findings if f.answer is not None and not f.inferred)
    verdict = _verdict(len(fixable), len(red))
    text = content.verdicts[verdict]
    reasons = [_count_reason(verdict, len(fixable), len(red), answered, len(findings))]
    reasons += [f"Red flag: {f.label} ({f.because})." for f in red]
    reasons += [f"Fixable sign: {f.label} ({f.because})." for f in fixable]
    reasons += [
        f"Not a {'red flag' if f.yes_means == EXIT_RISK else 'fixable sign'}: "
        f"{f.label} ({f.because})."
        for f in findings
        if f.answer == "no" and f.inferred and f.id in plan.answers
    ]
    phase, days_left = _phase(plan, as_of)
    open_goals = sum(1 for g in plan.goals if g.status == "open")
    if phase == "ended" and open_goals:
        reasons.append(
            f"The plan ended on {plan.end.isoformat()} with "
            f"{_plural(open_goals, 'goal')} still marked open: record the outcome."
        )
    return PlanAssessment(
        as_of=as_of,
        verdict=verdict,
        headline=text.title,
        advice=text.text,
        section=text.section,
        reasons=tuple(reasons),
        drivers=(*red, *fixable),
        open_questions=tuple(f for f in findings if f.answer == "unsure"),
        signs=findings,
        warnings=plan_warnings(plan, content),
        fixable_count=len(fixable),
        red_flag_count=len(red),
        answered_count=answered,
        phase=phase,
        days_left=days_left,
        notice=content.notice,
    )


def _phase(plan: PlanRecord, as_of: dt.date) -> tuple[str, int]:
    days_left = (plan.end - as_of).days
    if as_of < plan.start:
        return "not_started", days_left
    return ("ended" if as_of > plan.end else "running"), days_left


def plan_warnings(plan: PlanRecord, content: PlanContent | None = None) -> tuple[PlanWarning, ...]:
    """The warnings the record itself supports, in a fixed order."""
    content = content or load_plan_content()
    numbered = list(enumerate(plan.goals, start=1))
    selectors = {
        "vague_goals": lambda g: not (g.specific and g.measurable),
        "outside_control": lambda g: not g.within_my_control,
        "not_agreed": lambda g: not g.agreed,
        "met_not_recognised": lambda g: g.status == "met" and g.recognised is False,
        "met_unconfirmed": lambda g: g.status == "met" and g.recognised is None,
    }
    found: list[PlanWarning] = []
    for warning_id, text in content.warnings.items():
        if warning_id == "short_no_support":
            hit, goals = (
                (_is_short(plan, content.timing.short_plan_months) and not plan.support.any_help),
                (),
            )
        elif warning_id == "no_goals":
            hit, goals = not plan.goals, ()
        else:
            goals = tuple(n for n, g in numbered if selectors[warning_id](g))
            hit = bool(goals)
        if hit:
            found.append(PlanWarning(warning_id, text.title, text.text, text.section, goals))
    return tuple(found)


# -- key dates -------------------------------------------------------------------


class KeyDate(msgspec.Struct, frozen=True):
    """A date worth knowing, with what to do about it and where the rule comes from."""

    id: str  # one of plan.content.KEY_DATE_IDS
    date: dt.date
    title: str
    detail: str
    section: str
    days_away: int  # from as_of; negative once passed

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat(),
            "title": self.title,
            "detail": self.detail,
            "section": self.section,
            "days_away": self.days_away,
        }


def key_dates(
    plan: PlanRecord,
    as_of: dt.date,
    employment_end: dt.date | None = None,
    *,
    offer_date: dt.date | None = None,
    content: PlanContent | None = None,
) -> tuple[KeyDate, ...]:
    """Plan start and end; the earliest day to decide on a document handed over on
    `offer_date`; once the end of employment is known, that day, the two 14-day duties
    (Immigration; health insurance and pension) and the three-month mark for the
    residence status. Arguments override the record's own dates. Sorted by date.
    """
    content = content or load_plan_content()
    timing = content.timing
    employment_end = employment_end or plan.employment_end
    offer_date = offer_date or plan.offer_date
    dated = [("plan_start", plan.start), ("plan_end", plan.end)]
    if offer_date is not None:
        dated.append(("decide_review", offer_date + dt.timedelta(days=timing.review_days)))
    if employment_end is not None:
        dated += [
            ("employment_end", employment_end),
            (
                "immigration_notice",
                employment_end + dt.timedelta(days=timing.immigration_notice_days),
            ),
            ("insurance_pension", employment_end + dt.timedelta(days=timing.insurance_days)),
            ("status_review", add_months(employment_end, timing.status_review_months)),
        ]
    order = {key: i for i, key in enumerate(content.key_dates)}
    dated.sort(key=lambda item: (item[1], order[item[0]]))
    result = []
    for key, day in dated:
        text = content.key_dates[key]
        result.append(KeyDate(key, day, text.title, text.text, text.section, (day - as_of).days))
    return tuple(result)


def next_key_date(
    plan: PlanRecord, as_of: dt.date, content: PlanContent | None = None
) -> KeyDate | None:
    """The first key date from `as_of` on (today included), if any is still ahead."""
    return next((d for d in key_dates(plan, as_of, content=content) if d.days_away >= 0), None)


def plan_is_active(plan: PlanRecord | None, as_of: dt.date) -> bool:
    """A plan counts as active from its start until employment ends, or until its end
    when no end of employment is recorded (then it is over, whatever the outcome)."""
    if plan is None or as_of < plan.start:
        return False
    last = max(plan.end, plan.employment_end) if plan.employment_end else plan.end
    return as_of <= last


# -- evidence --------------------------------------------------------------------

EVIDENCE_LABELS = {
    "plan_goal_met": "Goal met",
    "plan_instruction": "Instruction",
    "plan_meeting": "Meeting",
}


class TimelineItem(msgspec.Struct, frozen=True):
    """One journal entry in the plan's evidence trail."""

    date: dt.date
    entry_id: str
    label: str  # "Goal met" | "Instruction" | "Meeting" | "Tagged pip"
    title: str
    notes: str
    tags: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat(),
            "entry_id": self.entry_id,
            "label": self.label,
            "title": self.title,
            "notes": self.notes,
            "tags": list(self.tags),
        }


def evidence_timeline(
    entries: Iterable[Entry], plan: PlanRecord, *, content: PlanContent | None = None
) -> tuple[TimelineItem, ...]:
    """Plan evidence dated from shortly before the plan start to shortly after its end,
    oldest first (ties keep creation order)."""
    timing = (content or load_plan_content()).timing
    first = plan.start - dt.timedelta(days=timing.evidence_lead_days)
    last = plan.end + dt.timedelta(days=timing.evidence_trail_days)
    chosen = [e for e in entries if first <= e.date <= last and is_plan_evidence(e)]
    chosen.sort(key=lambda e: (e.date, e.created, e.id))
    return tuple(
        TimelineItem(
            date=e.date,
            entry_id=e.id,
            label=EVIDENCE_LABELS.get(e.subtype or "", "Tagged pip")
            if e.kind == "note"
            else "Tagged pip",
            title=e.title,
            notes=e.notes,
            tags=e.tags,
        )
        for e in chosen
    )
