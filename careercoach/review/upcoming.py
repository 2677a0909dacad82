"""The dates that matter to the user, from today on: one list for the nudge and the calendar.

The next evaluation and the contract renewal come from the profile; the JLPT exam days
and registration windows from the model's exam table, which the cited `jlpt:` block of
content/criteria.yaml must agree with (promotion guide §2: the level is the floor for
a career here); an improvement plan contributes its key dates, whatever the plan
navigator lists.
Pure: "today" and the plan's key dates are parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from careercoach.journal import Journal
from careercoach.model import (
    JLPT_EXAM_MONTHS,
    Profile,
    jlpt_exams,
    jlpt_exams_to_register,
    jlpt_registration,
)

if TYPE_CHECKING:
    from careercoach.plan import KeyDate

JLPT_EXAMS_SHOWN = 2
JLPT_SECTION = "promotion guide §2"


class DueDate(msgspec.Struct, frozen=True):
    """A dated thing to prepare for. `key` is stable across runs (it names the event, not
    its date, where the event can move: the evaluation, the renewal, a plan date)."""

    key: str
    date: dt.date
    title: str
    detail: str
    section: str
    alarm_days: int  # remind this many days before (0: on the day)

    def days_from(self, today: dt.date) -> int:
        return (self.date - today).days

    def to_dict(self, today: dt.date) -> dict[str, object]:
        return {
            "key": self.key,
            "date": self.date.isoformat(),
            "title": self.title,
            "detail": self.detail,
            "section": self.section,
            "days_away": self.days_from(today),
        }


def jlpt_exam_days(today: dt.date, count: int = JLPT_EXAMS_SHOWN) -> list[dt.date]:
    """The next `count` JLPT days in Japan, today included."""
    return jlpt_exams(today, count)


def next_exam_to_register(today: dt.date) -> dt.date:
    """The first JLPT day one can still apply for: registration open or not yet open."""
    return jlpt_exams_to_register(today, count=1)[0]


def jlpt_dates(today: dt.date) -> list[DueDate]:
    """The next two exam days, each with its registration reminder and the day its
    registration closes, while those are still ahead."""
    months = " and ".join(dt.date(2000, m, 1).strftime("%B") for m in JLPT_EXAM_MONTHS)
    result = []
    for exam in jlpt_exams(today, JLPT_EXAMS_SHOWN):
        label = exam.strftime("%B %Y")
        opens, closes = jlpt_registration(exam)
        if opens >= today:
            result.append(
                DueDate(
                    key=f"jlpt-{exam:%Y-%m}-registration",
                    date=opens,
                    title=f"JLPT {label}: registration reminder",
                    detail=(
                        f"Applications for the JLPT on {exam.isoformat()} open around now "
                        "and are taken for a few weeks only: look up this session's dates "
                        "on the official JLPT site (jlpt.jp) and apply."
                    ),
                    section=JLPT_SECTION,
                    alarm_days=0,
                )
            )
        if closes >= today:
            result.append(
                DueDate(
                    key=f"jlpt-{exam:%Y-%m}-registration-closes",
                    date=closes,
                    title=f"JLPT {label}: registration closes",
                    detail=(
                        f"Applications for the JLPT on {exam.isoformat()} close around now "
                        "(the exact day is on jlpt.jp): apply today if you mean to sit it."
                    ),
                    section=JLPT_SECTION,
                    alarm_days=7,
                )
            )
        result.append(
            DueDate(
                key=f"jlpt-{exam:%Y-%m}",
                date=exam,
                title=f"JLPT exam day ({label})",
                detail=f"The JLPT is held in Japan on the first Sunday of {months}.",
                section=JLPT_SECTION,
                alarm_days=7,
            )
        )
    return result


def profile_dates(profile: Profile, today: dt.date) -> list[DueDate]:
    result = []
    if profile.next_evaluation and profile.next_evaluation >= today:
        result.append(
            DueDate(
                key="evaluation",
                date=profile.next_evaluation,
                title="Evaluation",
                detail=(
                    "Your evaluation. A week before, run `careercoach review` for a "
                    "self-evaluation draft and the questions to ask."
                ),
                section="promotion guide §8",
                alarm_days=7,
            )
        )
    if profile.contract_renewal and profile.contract_renewal >= today:
        result.append(
            DueDate(
                key="contract-renewal",
                date=profile.contract_renewal,
                title="Contract renewal",
                detail=(
                    "A natural moment to talk about your next role: prepare what you have "
                    "contributed this term (`careercoach review`)."
                ),
                section="promotion guide §8",
                alarm_days=14,
            )
        )
    return result


def plan_due_dates(key_dates: Iterable[KeyDate], today: dt.date) -> list[DueDate]:
    """The improvement plan's key dates still ahead, whatever the navigator lists."""
    return [
        DueDate(
            key=f"plan-{item.id}",
            date=item.date,
            title=item.title,
            detail=item.detail,
            section=item.section,
            alarm_days=3,
        )
        for item in key_dates
        if item.date >= today
    ]


def upcoming(
    profile: Profile, today: dt.date, plan_key_dates: Iterable[KeyDate] = ()
) -> list[DueDate]:
    """Everything dated from today on, soonest first."""
    dates = [
        *profile_dates(profile, today),
        *jlpt_dates(today),
        *plan_due_dates(plan_key_dates, today),
    ]
    return sorted(dates, key=lambda d: (d.date, d.key))


def plan_key_dates(plan: object, today: dt.date) -> list[KeyDate]:
    """The plan's key dates, only when there is a plan (the navigator loads its content)."""
    if plan is None:
        return []
    from careercoach.plan import PlanRecord, key_dates

    return list(key_dates(PlanRecord.from_dict(plan), today))


def journal_dates(journal: Journal, today: dt.date) -> list[DueDate]:
    """`upcoming` for what the journal holds: its profile and its plan."""
    return upcoming(journal.profile(), today, plan_key_dates(journal.plan(), today))
