"""The review of a journal: choose the period, build it, write the drafts.

The one function the command line and the app both call, so they show the same.
The scoring engine and the drafts load when a review is made, not when the
package is imported: `careercoach nudge` imports this package at every shell start.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from careercoach.errors import ValidationError
from careercoach.journal import Journal
from careercoach.review.upcoming import next_exam_to_register

if TYPE_CHECKING:
    from careercoach.review.engine import Review

LANGS = ("en", "ja")
LANG_CHOICES = ("en", "ja", "both")


class ReviewResult(msgspec.Struct, frozen=True):
    review: Review
    drafts: dict[str, str]  # language -> the self-evaluation draft

    def text(self) -> str:
        from careercoach.review.draft import report

        return report(self.review, self.drafts)

    def plan_note(self) -> str:
        """Plan evidence left out, said apart from the review (never in its text)."""
        from careercoach.review.draft import plan_note

        return plan_note(self.review)

    def to_dict(self) -> dict[str, Any]:
        from careercoach.review.draft import review_dict

        return review_dict(self.review, self.drafts)


def languages(choice: str) -> tuple[str, ...]:
    if choice not in LANG_CHOICES:
        raise ValidationError(f"unknown language {choice!r}: choose from en, ja, both")
    return LANGS if choice == "both" else (choice,)


def plan_running(plan: Any, today: dt.date) -> bool:
    """An improvement plan is active today, as the plan navigator counts it."""
    if plan is None:
        return False
    from careercoach.plan import PlanRecord, plan_is_active

    return plan_is_active(PlanRecord.from_dict(plan), today)


def evaluation_period_start(
    journal: Journal, *, today: dt.date, until: dt.date | None = None
) -> dt.date:
    """The first day after the last evaluation (logged, else from the profile), as
    `--since-last-evaluation` means it everywhere; explains when none is known."""
    from careercoach.review.engine import choose_period

    entries = journal.unordered_entries()
    period = choose_period(
        entries, journal.profile(), today=today, until=until, last_evaluation_start=True
    )
    return period.since


def review_journal(
    journal: Journal,
    *,
    today: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
    since_last_evaluation: bool = False,
    langs: Sequence[str] = LANGS,
    include_plan: bool = False,
) -> ReviewResult:
    from careercoach.readiness import load_criteria
    from careercoach.review.content import load_review_content
    from careercoach.review.draft import self_evaluation
    from careercoach.review.engine import build_review, choose_period

    entries = journal.unordered_entries()
    profile = journal.profile()
    period = choose_period(
        entries,
        profile,
        today=today,
        since=since,
        until=until,
        last_evaluation_start=since_last_evaluation,
    )
    review = build_review(
        entries,
        profile,
        load_criteria(),
        period,
        plan_running=plan_running(journal.plan(), today),
        include_plan=include_plan,
    )
    content = load_review_content()
    exam = next_exam_to_register(max(today, period.until))
    drafts = {lang: self_evaluation(review, content, lang, exam) for lang in langs}
    return ReviewResult(review, drafts)
