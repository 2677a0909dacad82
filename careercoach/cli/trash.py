"""`careercoach restore`: bring back an entry deleted in the last 30 days."""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.journal import TRASH_DAYS

pass_app = click.make_pass_decorator(AppContext)


@click.command()
@click.argument("entry_id", metavar="ID", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the deleted entries as JSON.")
@pass_app
def restore(app: AppContext, entry_id: str | None, as_json: bool) -> None:
    """Restore a deleted entry by its ID; without an ID, list what can be restored."""
    journal = app.journal()
    if entry_id is not None:
        entry = journal.restore_deleted(entry_id)
        echo_text(f"restored {entry.id} ({entry.date.isoformat()}: {entry.title})")
        return
    deleted = journal.trash()
    if as_json:
        echo_json([{"deleted": d.deleted.isoformat(), "entry": d.entry.to_dict()} for d in deleted])
        return
    if not deleted:
        click.echo(f"Nothing deleted in the last {TRASH_DAYS} days.")
        return
    for item in deleted:
        entry = item.entry
        when = item.deleted.astimezone().strftime("%Y-%m-%d %H:%M")
        echo_text(f"{entry.id}  deleted {when}  {entry.date.isoformat()}  {entry.title}")
