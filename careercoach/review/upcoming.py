"""The dates that matter to the user, from today on: one list for the nudge and the calendar.

The next evaluation and the contract renewal come from the profile; the JLPT is held
in Japan on the first Sunday of July and of December, and registration closes months
before (promotion guide §2: the level is the floor for a career here); an
improvement plan contributes its key dates, whatever the plan navigator lists.
Pure: "today" and the plan's key dates are parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING

import msgspec

from careercoach.journal import Journal
from careercoach.model import Profile

if TYPE_CHECKING:
    from careercoach.plan import KeyDate

JLPT_MONTHS = (7, 12)
JLPT_EXAMS_SHOWN = 2
# Registration for the July exam runs around March, for December around August: a
# reminder four months before leaves time to find the dates and apply.
REGISTRATION_LEAD_MONTHS = 4
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


def first_sunday(year: int, month: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7)


def jlpt_exam_days(today: dt.date, count: int = JLPT_EXAMS_SHOWN) -> list[dt.date]:
    """The next `count` JLPT days in Japan (first Sundays of July and December), today
    included."""
    days: list[dt.date] = []
    year = today.year
    while len(days) < count:
        days += [d for m in JLPT_MONTHS if (d := first_sunday(year, m)) >= today]
        year += 1
    return days[:count]


def next_exam_to_register(today: dt.date) -> dt.date:
    """The first JLPT day whose registration has not yet opened (so one can still apply)."""
    year_ahead = jlpt_exam_days(today, count=3)
    return next(d for d in year_ahead if months_before(d, REGISTRATION_LEAD_MONTHS) >= today)


def months_before(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def jlpt_dates(today: dt.date) -> list[DueDate]:
    """The next two exam days, each with its registration reminder (if still ahead)."""
    result = []
    for exam in jlpt_exam_days(today):
        label = exam.strftime("%B %Y")
        register = months_before(exam, REGISTRATION_LEAD_MONTHS)
        if register >= today:
            result.append(
                DueDate(
                    key=f"jlpt-{exam:%Y-%m}-registration",
                    date=register,
                    title=f"JLPT {label}: registration opens in the coming weeks",
                    detail=(
                        f"Applications for the JLPT on {exam.isoformat()} are taken for a "
                        "few weeks only, about three months ahead: look up this session's "
                        "dates on the official JLPT site and apply."
                    ),
                    section=JLPT_SECTION,
                    alarm_days=0,
                )
            )
        result.append(
            DueDate(
                key=f"jlpt-{exam:%Y-%m}",
                date=exam,
                title=f"JLPT exam day ({label})",
                detail="The JLPT is held in Japan on the first Sunday of July and December.",
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
