"""`careercoach plan goal ...` and `careercoach plan meeting`: what was agreed and met.

Meeting a goal and holding a check-in also log a dated note in the journal, so they
join the evidence trail.
"""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.cli.plan_shared import flag_words, given, load_plan, pass_app, save_plan, user_date
from careercoach.errors import ValidationError
from careercoach.plan import (
    add_goal,
    add_meeting,
    edit_goal,
    evidence_note,
    meeting_note,
    save_with_evidence,
    set_goal_status,
)


@click.group("goal")
def goal() -> None:
    """Add goals and record their outcome."""


def _goal_flags(func):
    """The four goal qualities as --x/--not-x switches (None when not given)."""
    options = [
        ("--specific/--vague", "specific", "Is it concrete about what must be done?"),
        ("--measurable/--unmeasurable", "measurable", "Is there a number or clear finish line?"),
        (
            "--in-my-control/--depends-on-others",
            "within_my_control",
            "Can you reach it by your own work?",
        ),
        ("--agreed/--not-agreed", "agreed", "Did you and your manager agree on it?"),
    ]
    for flag, name, text in reversed(options):
        func = click.option(flag, name, default=None, help=text)(func)
    return func


@goal.command("add")
@click.argument("text")
@_goal_flags
@pass_app
def goal_add(app: AppContext, text: str, **flags: bool | None) -> None:
    """Add a goal. It counts as specific, measurable or agreed only when you say so."""
    journal, record = load_plan(app)
    record = add_goal(record, text, **given(**flags))
    save_plan(journal, record)
    number = len(record.goals)
    click.echo(f"goal {number} added ({flag_words(record.goal(number))})")


@goal.command("edit")
@click.argument("number", type=int)
@click.option("--text", help="New wording of the goal.")
@_goal_flags
@pass_app
def goal_edit(app: AppContext, number: int, text: str | None, **flags: bool | None) -> None:
    """Change a goal's wording or qualities."""
    changes = given(**flags)
    if text is not None:
        changes["text"] = text
    if not changes:
        raise ValidationError("nothing to change: give --text or a flag such as --specific")
    journal, record = load_plan(app)
    record = edit_goal(record, number, **changes)
    save_plan(journal, record)
    click.echo(f"goal {number} updated ({flag_words(record.goal(number))})")


@goal.command("met")
@click.argument("number", type=int)
@click.option("--date", "date_text", default="today", show_default=True, help="When it was met.")
@click.option(
    "--recognised/--not-recognised",
    default=None,
    help="Whether the company acknowledged it (leave out if not yet confirmed).",
)
@pass_app
def goal_met(app: AppContext, number: int, date_text: str, recognised: bool | None) -> None:
    """Mark a goal met; also logs a dated plan_goal_met note in the journal."""
    journal, record = load_plan(app)
    on = user_date(date_text, app)
    record = set_goal_status(record, number, "met", on=on, recognised=recognised)
    acknowledged = {True: "yes", False: "no", None: "not confirmed yet"}[recognised]
    note = evidence_note(
        on,
        "plan_goal_met",
        f"Plan goal {number} met: {record.goal(number).text}",
        f"Recognised by the company: {acknowledged}.",
    )
    [entry] = save_with_evidence(journal, record, [note])
    click.echo(f"goal {number} marked met on {on} (journal entry {entry.id})")
    if recognised is not True:
        click.echo("Tip: ask for the result to be acknowledged in writing, and keep a copy.")


@goal.command("missed")
@click.argument("number", type=int)
@pass_app
def goal_missed(app: AppContext, number: int) -> None:
    """Mark a goal not met."""
    journal, record = load_plan(app)
    save_plan(journal, set_goal_status(record, number, "not_met"))
    click.echo(f"goal {number} marked not met")


@goal.command("reopen")
@click.argument("number", type=int)
@pass_app
def goal_reopen(app: AppContext, number: int) -> None:
    """Mark a goal open again."""
    journal, record = load_plan(app)
    save_plan(journal, set_goal_status(record, number, "open"))
    click.echo(f"goal {number} is open again")


@click.command("meeting")
@click.argument("note")
@click.option("--date", "date_text", default="today", show_default=True, help="Day of the meeting.")
@pass_app
def meeting(app: AppContext, note: str, date_text: str) -> None:
    """Record a check-in meeting; also logs a dated plan_meeting note in the journal."""
    journal, record = load_plan(app)
    on = user_date(date_text, app)
    record = add_meeting(record, on, note)
    [entry] = save_with_evidence(journal, record, [meeting_note(on, note)])
    click.echo(f"meeting on {on} recorded (journal entry {entry.id})")
