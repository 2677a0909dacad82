"""`careercoach demo`: write a demo journal to a path you name."""

from __future__ import annotations

import random

import click

from careercoach.cli.context import AppContext
from careercoach.demo import DEFAULT_SEED, write_demo
from careercoach.errors import ValidationError
from careercoach.model import parse_date

pass_app = click.make_pass_decorator(AppContext)


@click.command()
@click.option(
    "--entries",
    type=click.IntRange(min=1, max=1_000_000),
    help="Exact number of entries (default: a natural year, about 250).",
)
@click.option(
    "--seed", type=int, default=DEFAULT_SEED, show_default=True, help="Same seed, same journal."
)
@click.option("--as-of", "as_of", help="The demo's 'today' (default: today).")
@click.option(
    "--journal",
    "target",
    type=click.Path(dir_okay=False),
    help="Where to write it (or the global --journal).",
)
@click.option("--force", is_flag=True, help="Replace an existing journal at that path.")
@pass_app
def demo(
    app: AppContext,
    entries: int | None,
    seed: int,
    as_of: str | None,
    target: str | None,
    force: bool,
) -> None:
    """Write a realistic demo journal: a year at a Tokyo company, or N entries."""
    if target is not None and not target.strip():
        raise ValidationError("--journal is empty: name the demo file (is a variable unset?)")
    path = target or app.journal_override
    if not path:
        raise ValidationError(
            "name the file with --journal PATH: the demo never writes into your own journal"
        )
    day = parse_date(as_of, app.today) if as_of else app.today
    count, kept = write_demo(
        path, day, seed=seed, entries=entries, force=force, rng=random.Random(seed)
    )
    click.echo(f"wrote {count} demo entries to {path}")
    if kept is not None:
        click.echo(f"the file that was there is kept as {kept}")
