"""`careercoach calendar`: the dates that matter as an .ics file to import."""

from __future__ import annotations

from pathlib import Path

import click

from careercoach import clock
from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_text

pass_app = click.make_pass_decorator(AppContext)
WEEKDAY_CHOICES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@click.command("calendar")
@click.option("--output", "-o", required=True, help="The .ics file to write.")
@click.option(
    "--checkin-day",
    type=click.Choice(WEEKDAY_CHOICES, case_sensitive=False),
    default="fri",
    show_default=True,
    help="The weekday of the weekly check-in reminder.",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@pass_app
def calendar(app: AppContext, output: str, checkin_day: str, force: bool) -> None:
    """Write your evaluation, contract renewal, JLPT days, plan dates and a weekly
    check-in reminder as an iCalendar file.

    Each event has an alarm and a stable id: importing a newer file updates the
    events instead of adding copies. The file is private (0600) and never replaces
    an existing one without --force.
    """
    from careercoach.review import write_calendar

    path = Path(output).expanduser()
    count = write_calendar(
        app.journal(),
        path,
        today=app.today,
        stamp=clock.now(),
        checkin_weekday=WEEKDAY_CHOICES.index(checkin_day.lower()),
        force=force,
    )
    echo_text(f"wrote {count} events to {path}")
