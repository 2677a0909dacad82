"""`careercoach profile show|set`."""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.model import (
    COMPANY_TYPE_NAMES,
    PROFILE_FIELDS,
    parse_profile_pairs,
    set_profile_fields,
)

pass_app = click.make_pass_decorator(AppContext)


@click.group()
def profile() -> None:
    """Show or set your profile (used by the score and the scripts)."""


@profile.command("show")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_app
def show_profile(app: AppContext, as_json: bool) -> None:
    """Show your profile."""
    data = app.journal().profile().to_dict()
    if as_json:
        echo_json(data)
        return
    width = max(len(k) for k in PROFILE_FIELDS)
    echo_text("\n".join(f"{k.ljust(width)}  {data[k] or '-'}" for k in PROFILE_FIELDS))


@profile.command("set")
@click.argument("pairs", nargs=-1, required=True, metavar="KEY=VALUE...")
@pass_app
def set_profile(app: AppContext, pairs: tuple[str, ...]) -> None:
    """Set profile fields (see --help for the list)."""
    values = parse_profile_pairs(pairs)
    today = app.today
    app.journal().change_profile(lambda current: set_profile_fields(current, values, today))
    click.echo("profile saved")


set_profile.help = (
    "Set profile fields, e.g. jlpt_level=N2 next_evaluation=2027-03-31.\n\n"
    f"Fields: {', '.join(PROFILE_FIELDS)}. An empty value clears a field.\n\n"
    f"company_type picks the readiness weights: {', '.join(COMPANY_TYPE_NAMES)} "
    "(see `careercoach score --explain`)."
)
