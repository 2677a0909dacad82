"""`careercoach plan goal ...` and `careercoach plan meeting ...`: what was agreed and met.

Meeting a goal and holding a check-in also log a dated note in the journal, so they
join the evidence trail; editing or deleting them changes or removes that note in the
same write. Each command saves the same step the app saves (`careercoach.plan.change`).
"""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.cli.plan_shared import flag_words, given, load_plan, pass_app, user_date
from careercoach.errors import ValidationError
from careercoach.plan import change


@click.group("goal")
def goal() -> None:
    """Add, edit or delete goals and record their outcome."""


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
    journal, _ = load_plan(app)
    record = change.add_goal(text, **given(**flags)).save(journal).plan
    number = len(record.goals)
    click.echo(f"goal {number} added ({flag_words(record.goal(number))})")


@goal.command("edit")
@click.argument("number", type=int)
@click.option("--text", help="New wording of the goal.")
@_goal_flags
@pass_app
def goal_edit(app: AppContext, number: int, text: str | None, **flags: bool | None) -> None:
    """Change a goal's wording or qualities (a met goal's journal note follows)."""
    changes = given(**flags)
    if text is not None:
        changes["text"] = text
    if not changes:
        raise ValidationError("nothing to change: give --text or a flag such as --specific")
    journal, _ = load_plan(app)
    record = change.edit_goal(number, **changes).save(journal).plan
    click.echo(f"goal {number} updated ({flag_words(record.goal(number))})")


@goal.command("delete")
@click.argument("number", type=int)
@pass_app
def goal_delete(app: AppContext, number: int) -> None:
    """Delete a goal, and its "goal met" note in the journal; later goals move up one."""
    journal, _ = load_plan(app)
    saved = change.delete_goal(number).save(journal)
    gone = f" and its journal note {saved.deleted[0]}" if saved.deleted else ""
    click.echo(f"goal {number} deleted{gone}")


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
    journal, _ = load_plan(app)
    on = user_date(date_text, app)
    saved = change.goal_status(number, "met", on=on, recognised=recognised).save(journal)
    noted = [e.id for e in saved.added] or list(saved.replaced)
    where = f"journal entry {noted[0]}" if noted else "its journal note unchanged"
    click.echo(f"goal {number} marked met on {on} ({where})")
    if recognised is not True:
        click.echo("Tip: ask for the result to be acknowledged in writing, and keep a copy.")


@goal.command("missed")
@click.argument("number", type=int)
@pass_app
def goal_missed(app: AppContext, number: int) -> None:
    """Mark a goal not met."""
    journal, _ = load_plan(app)
    change.goal_status(number, "not_met").save(journal)
    click.echo(f"goal {number} marked not met")


@goal.command("reopen")
@click.argument("number", type=int)
@pass_app
def goal_reopen(app: AppContext, number: int) -> None:
    """Mark a goal open again."""
    journal, _ = load_plan(app)
    change.goal_status(number, "open").save(journal)
    click.echo(f"goal {number} is open again")


class _AddByDefault(click.Group):
    """`plan meeting NOTE` adds a meeting; `plan meeting edit|delete N` change one."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["add", *args]
        return super().parse_args(ctx, args)


@click.group("meeting", cls=_AddByDefault)
def meeting() -> None:
    """Record check-in meetings (plan meeting NOTE), or edit and delete them."""


@meeting.command("add")
@click.argument("note")
@click.option("--date", "date_text", default="today", show_default=True, help="Day of the meeting.")
@pass_app
def meeting_add(app: AppContext, note: str, date_text: str) -> None:
    """Record a check-in meeting; also logs a dated plan_meeting note in the journal."""
    journal, _ = load_plan(app)
    on = user_date(date_text, app)
    saved = change.add_meeting(on, note).save(journal)
    click.echo(f"meeting on {on} recorded (journal entry {saved.added[0].id})")


@meeting.command("edit")
@click.argument("number", type=int)
@click.option("--note", help="What was discussed or agreed, in full.")
@click.option("--date", "date_text", help="The day of the meeting.")
@pass_app
def meeting_edit(app: AppContext, number: int, note: str | None, date_text: str | None) -> None:
    """Change meeting NUMBER (as `plan show` lists them); its journal note follows."""
    on = user_date(date_text, app) if date_text is not None else None
    journal, _ = load_plan(app)
    saved = change.edit_meeting(number, on, note).save(journal)
    entry_id = saved.replaced[0] if saved.replaced else saved.added[0].id
    click.echo(f"meeting {number} updated (journal entry {entry_id})")


@meeting.command("delete")
@click.argument("number", type=int)
@pass_app
def meeting_delete(app: AppContext, number: int) -> None:
    """Delete meeting NUMBER and the journal note it left."""
    journal, _ = load_plan(app)
    saved = change.delete_meeting(number).save(journal)
    gone = f" and its journal note {saved.deleted[0]}" if saved.deleted else ""
    click.echo(f"meeting {number} deleted{gone}")
