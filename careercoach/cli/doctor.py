"""`careercoach doctor`: is my journal healthy, and can I get a backup back?"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.journal import examine, restore

pass_app = click.make_pass_decorator(AppContext)


@click.command()
@click.option(
    "--restore",
    "do_restore",
    is_flag=True,
    help="Put the newest good backup in place (the current file is kept aside).",
)
@click.option(
    "--backup",
    "backup_path",
    type=click.Path(exists=True, dir_okay=False),
    help="With --restore: this backup instead of the newest good one.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_app
def doctor(app: AppContext, do_restore: bool, backup_path: str | None, as_json: bool) -> None:
    """Check the journal, its permissions and its backups. Exit 1 if something is wrong."""
    if do_restore:
        chosen = restore(app.journal(), Path(backup_path) if backup_path else None)
        click.echo(f"restored {app.journal_path} from {chosen}")
    report = examine(app.journal_path)
    if as_json:
        echo_json(report.to_dict())
    else:
        lines = [f"journal: {report.journal}"]
        if report.status == "ok":
            lines.append(f"status:  ok, {report.entries} entries, schema {report.schema}")
        elif report.status == "missing":
            lines.append("status:  no journal yet (it is created by the first entry)")
        elif report.status == "unusable":
            lines.append(f"status:  UNUSABLE: {report.problem}")
            lines.append(
                "fix:     point --journal or CAREERCOACH_HOME at a folder you can write to, "
                "or move what is in the way"
            )
        else:
            lines.append(f"status:  DAMAGED: {report.problem}")
        lines += [f"warning: {w}" for w in report.warnings]
        good = [b for b in report.backups if b.ok]
        lines.append(f"backups: {len(report.backups)} ({len(good)} readable)")
        for backup in report.backups[:5]:
            state = f"{backup.entries} entries" if backup.ok else "unreadable"
            lines.append(f"  {backup.path.name}  {state}")
        if report.status == "damaged":
            lines.append(
                "fix:     careercoach doctor --restore (the damaged file is kept beside it)"
                if good
                else "fix:     repair the record named above in a text editor (the file is "
                "JSON), or restore a copy with `careercoach doctor --restore --backup FILE`"
            )
        echo_text("\n".join(lines))
    if not report.healthy:
        sys.exit(1)
