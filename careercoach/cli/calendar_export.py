"""`careercoach calendar`: the dates that matter as an .ics file to import."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from careercoach import clock
from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_text
from careercoach.settings import WEEKDAYS as WEEKDAY_CHOICES
from careercoach.settings import load_settings, remember
from careercoach.textsafe import terminal_safe

pass_app = click.make_pass_decorator(AppContext)


@click.command("calendar")
@click.option("--output", "-o", required=True, help="The .ics file to write, or - for stdout.")
@click.option(
    "--checkin-day",
    type=click.Choice(WEEKDAY_CHOICES, case_sensitive=False),
    help="The weekday of the weekly check-in reminder (default: the last one chosen, else fri).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@pass_app
def calendar(app: AppContext, output: str, checkin_day: str | None, force: bool) -> None:
    """Write your evaluation, contract renewal, JLPT days, plan dates and a weekly
    check-in reminder as an iCalendar file.

    Each event has an alarm and a stable id: importing a newer file updates the
    events instead of adding copies. The file is private (0600) and never replaces
    an existing one without --force. The check-in weekday is remembered: `careercoach
    nudge` waits for it before reminding you of the week's check-in.
    """
    from careercoach.review import journal_calendar, write_calendar

    day = checkin_day.lower() if checkin_day else WEEKDAY_CHOICES[load_settings().checkin_day]
    options = {
        "today": app.today,
        "stamp": clock.now(),
        "checkin_weekday": WEEKDAY_CHOICES.index(day),
    }
    if output == "-":  # standard output, as for export
        payload, _ = journal_calendar(app.journal(), **options)
        if sys.stdout.isatty():
            click.echo(terminal_safe(payload.decode("utf-8")), nl=False)
        else:
            with click.open_file("-", "wb") as stdout:  # "-": standard output, left open
                stdout.write(payload)
    else:
        path = Path(output).expanduser()
        count = write_calendar(app.journal(), path, force=force, **options)
        echo_text(f"wrote {count} {'event' if count == 1 else 'events'} to {path}")
    remember(checkin_weekday=day)
