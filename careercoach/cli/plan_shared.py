"""What every `careercoach plan` command module shares: loading and saving the plan,
reading dates as the user typed them, and the common options.
"""

from __future__ import annotations

import datetime as dt

import click

from careercoach.cli.context import AppContext
from careercoach.errors import CareerCoachError, JournalError, ValidationError
from careercoach.journal import Journal
from careercoach.model import parse_date
from careercoach.plan import Goal, PlanRecord

pass_app = click.make_pass_decorator(AppContext)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
NO_PLAN = "no improvement plan yet: start one with `careercoach plan start --start D --end D`"


def load_plan(app: AppContext) -> tuple[Journal, PlanRecord]:
    """The journal and its plan, or one line saying there is none / it is damaged."""
    journal = app.journal()
    stored = journal.plan()
    if stored is None:
        raise ValidationError(NO_PLAN)
    try:
        return journal, PlanRecord.from_dict(stored)
    except CareerCoachError as exc:
        raise JournalError(
            f"{journal.path}: {exc} (`careercoach doctor` can restore a backup, "
            "or `careercoach plan start --replace` starts over)"
        ) from None


def user_date(text: str, app: AppContext) -> dt.date:
    return parse_date(text, app.today)


def flag_words(goal: Goal) -> str:
    words = [
        "specific" if goal.specific else "not specific",
        "measurable" if goal.measurable else "not measurable",
        "in my control" if goal.within_my_control else "depends on others",
        "agreed" if goal.agreed else "not agreed",
    ]
    return ", ".join(words)


def given(**flags: bool | None) -> dict[str, bool]:
    return {k: v for k, v in flags.items() if v is not None}
