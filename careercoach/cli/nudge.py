"""`careercoach nudge`: one line for a shell start-up file, or nothing; never an error."""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.errors import CareerCoachError

pass_app = click.make_pass_decorator(AppContext)


@click.command()
@pass_app
def nudge(app: AppContext) -> None:
    """One line when the week's check-in is late or a date is near; otherwise nothing.

    The check-in is late once its weekday (the one chosen for `careercoach calendar`,
    else Friday) has come with nothing logged this week, or after a week without entries.

    For a shell start-up file: it always exits 0, and a journal it cannot read gets
    a hint to run `careercoach doctor` instead of an error.
    """
    from careercoach.review import DOCTOR_LINE
    from careercoach.review import nudge as nudge_for
    from careercoach.settings import load_settings

    try:
        today = app.today
    except CareerCoachError as exc:  # a bad CAREERCOACH_TODAY: say so, still exit 0
        click.echo(f"careercoach: {exc}")
        return
    try:
        line = nudge_for(app.journal(), today, load_settings().checkin_day)
    except Exception:  # the user's shell start-up must never see a traceback
        line = DOCTOR_LINE
    if line:
        click.echo(line)
