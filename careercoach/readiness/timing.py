"""The timing verdict: is now a good moment to ask for a promotion?

It names the good moments that apply (guide §8) and the reasons to wait, in our own
words, numbers and dates only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import msgspec

from careercoach.model import Profile, jlpt_rank
from careercoach.readiness.criteria import Criterion, find_method
from careercoach.readiness.index import Index, latest_between

OCCASIONS = ("after_project", "after_evaluation", "contract_renewal", "japanese_improved")


class TimingVerdict(msgspec.Struct, frozen=True):
    good: bool
    headline: str
    reasons: tuple[str, ...]
    occasions: tuple[str, ...]
    plan_active: bool = False  # an improvement plan is running: not the moment to ask


PLAN_HEADLINE = "Not now: an improvement plan is running"
PLAN_REASON = (
    "While an improvement plan is running, a promotion request would compete with the "
    "plan's goals and can look out of touch: put your effort into the plan, keep its "
    "evidence, and ask once it has ended well (PIP guide §2; promotion guide §8)."
)


def verdict(
    index: Index,
    profile: Profile,
    criteria: Sequence[Criterion],
    day: int,
    overall: int,
    *,
    plan_active: bool = False,
    plan_next: tuple[dt.date, str] | None = None,
) -> TimingVerdict:
    """Whether now is a good moment to ask. `plan_active` and `plan_next` (the plan's next
    key date and what it is) come from the caller: readiness does not read the plan."""
    timing = find_method(tuple(criteria), "timing")
    if timing is None:
        raise ValueError("the criteria have no 'timing' criterion")
    rules = timing.measure
    today = dt.date.fromordinal(day)
    found: dict[str, str] = {}

    project = latest_between(index.projects, day - rules["after_project_days"] + 1, day)
    if project is not None:
        found["after_project"] = (
            f"You finished a major project {_ago(day - project)}: the result is fresh "
            "in everyone's mind (guide §8)."
        )
    evaluation = latest_between(index.evaluations, day - rules["after_evaluation_days"] + 1, day)
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

    last_ask = latest_between(index.asks, day - rules["ask_cooldown_days"] + 1, day)
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

    if plan_active:
        reasons.insert(0, PLAN_REASON)
        if plan_next is not None:
            on, title = plan_next
            reasons.insert(1, f"The plan's next key date: {on.isoformat()}, {title}.")
        return TimingVerdict(False, PLAN_HEADLINE, tuple(reasons), occasions, plan_active=True)

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


def _ago(days: int) -> str:
    if days == 0:
        return "today"
    return "yesterday" if days == 1 else f"{days} days ago"


def _ahead(days: int) -> str:
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"
