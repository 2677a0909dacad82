"""`careercoach export` and `careercoach import`."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.errors import ValidationError
from careercoach.exchange import FORMATS, ImportReport, export_to_path, import_file, render_export
from careercoach.model import check_kind, parse_date
from careercoach.textsafe import terminal_safe

pass_app = click.make_pass_decorator(AppContext)
LISTED_IDS = 10


def _format_for(fmt: str | None, output: str) -> str:
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower().lstrip(".")
    if output != "-" and suffix in FORMATS:
        return suffix
    raise ValidationError(f"name the format with --format ({'|'.join(FORMATS)})")


@click.command()
@click.option(
    "--format",
    "-f",
    "fmt",
    type=click.Choice(FORMATS),
    help="md: promotion packet; csv: spreadsheet; json: full backup (default: from the file name).",
)
@click.option("--since", help="Only entries from this date (YYYY-MM-DD, today, yesterday).")
@click.option("--until", help="Only entries up to this date.")
@click.option("--output", "-o", required=True, help="File to write, or - for stdout.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--since-last-evaluation",
    "last_evaluation",
    is_flag=True,
    help="From the day after your last logged evaluation (else the profile's date).",
)
@click.option("--kind", "-k", help="md and csv: only entries of this kind.")
@click.option("--starred", is_flag=True, help="md and csv: only starred entries (highlights).")
@click.option(
    "--include-plan",
    is_flag=True,
    help="Include improvement-plan evidence (plan notes, entries tagged pip) in md and csv.",
)
@pass_app
def export(
    app: AppContext,
    fmt: str | None,
    since: str | None,
    until: str | None,
    output: str,
    force: bool,
    last_evaluation: bool,
    kind: str | None,
    starred: bool,
    include_plan: bool,
) -> None:
    """Export a promotion packet (md), a spreadsheet (csv) or a full backup (json).

    Files are private (0600) and never overwritten without --force. Improvement-plan
    evidence stays out of the packet and the CSV unless --include-plan; the JSON backup
    always holds everything.
    """
    fmt = _format_for(fmt, output)
    today = app.today
    since_date = parse_date(since, today) if since else None
    until_date = parse_date(until, today) if until else None
    journal = app.journal()
    if last_evaluation:
        if since_date is not None:
            raise ValidationError("use --since or --since-last-evaluation, not both")
        from careercoach.review import evaluation_period_start

        since_date = evaluation_period_start(journal, today=today, until=until_date)
    selection = {"kind": check_kind(kind) if kind else None, "starred": starred}
    if output == "-":
        payload, _ = render_export(
            journal,
            fmt,
            as_of=today,
            since=since_date,
            until=until_date,
            include_plan=include_plan,
            **selection,
        )
        if sys.stdout.isatty():
            click.echo(terminal_safe(payload.decode("utf-8-sig")), nl=False)
        else:
            with click.open_file("-", "wb") as stdout:  # "-": standard output, left open
                stdout.write(payload)
        return
    summary = export_to_path(
        journal,
        fmt,
        output,
        as_of=today,
        since=since_date,
        until=until_date,
        force=force,
        **selection,
        include_plan=include_plan,
    )
    echo_text(f"wrote {summary.entries} entries as {summary.format} to {summary.path}")


def _id_list(ids: tuple[str, ...]) -> str:
    shown = " ".join(ids[:LISTED_IDS])
    more = len(ids) - LISTED_IDS
    return shown + (f" ... and {more} more" if more > 0 else "")


def _report_lines(report: ImportReport) -> list[str]:
    verb = "would be" if report.dry_run else "were"
    lines = [f"{report.path} ({report.source}):"]
    if report.source == "backup":
        rows = [
            ("added", report.added),
            ("updated", report.updated),
            ("unchanged", report.unchanged),
            ("removed (not in the backup)", report.removed),
        ]
    else:
        rows = [("added", report.added), ("skipped (already in the journal)", report.skipped)]
    for label, ids in rows:
        if ids or not label.startswith("removed"):
            detail = f": {_id_list(ids)}" if ids and label != "unchanged" else ""
            lines.append(f"  {len(ids)} {verb} {label}{detail}")
    if report.source == "backup":
        lines.append(f"  profile: {report.profile}; improvement plan: {report.plan}")
        if report.profile == "kept" and not report.replace:
            lines.append("  (your profile is kept; --replace restores the backup's exactly)")
    if report.truncated:
        lines.append(
            f"  notes cut at 20,000 characters (the rest stays in jrnl): "
            f"{_id_list(report.truncated)}"
        )
    if report.dry_run:
        lines.append("dry run: nothing was written")
    elif not report.changed:
        lines.append("nothing to change: the journal already holds all of it")
    return lines


@click.command("import")
@click.argument("file", type=click.Path(path_type=Path))
@click.option(
    "--from",
    "source",
    type=click.Choice(("backup", "jrnl")),
    default="backup",
    show_default=True,
    help="backup: a careercoach JSON backup; jrnl: `jrnl --export json` (a file or a folder).",
)
@click.option(
    "--map",
    "tag_map",
    multiple=True,
    metavar="@TAG=KIND[/TYPE]",
    help="jrnl: map a tag to an entry kind, e.g. @standup=conversation/one_on_one (repeatable).",
)
@click.option(
    "--replace",
    is_flag=True,
    help="Restore exactly: the journal becomes the backup (entries, profile, plan).",
)
@click.option("--dry-run", is_flag=True, help="Show what would change; write nothing.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_app
def import_command(
    app: AppContext,
    file: Path,
    source: str,
    tag_map: tuple[str, ...],
    replace: bool,
    dry_run: bool,
    as_json: bool,
) -> None:
    """Import a careercoach JSON backup (merged by id) or a jrnl export.

    A backup is merged by id: new entries are added, changed ones updated, the rest
    kept; its profile and plan are used only where yours are empty. --replace restores
    it exactly instead. jrnl entries already imported are skipped, never overwritten.
    Importing the same file twice adds nothing. A bad file is refused as a whole,
    naming the first bad record; nothing is half-imported.
    """
    report = import_file(
        app.journal(), file, source=source, tag_map=tag_map, replace=replace, dry_run=dry_run
    )
    if as_json:
        echo_json(report.to_dict())
    else:
        echo_text("\n".join(_report_lines(report)))
    if report.jlpt_level and not report.dry_run:
        click.echo(report.jlpt_level, err=True)  # as `add` says it: stdout stays the report
