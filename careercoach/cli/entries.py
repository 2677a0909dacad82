"""Journal entry commands: add, list, show, edit, delete."""

from __future__ import annotations

import sys
from collections.abc import Mapping

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import console, echo_json, echo_text
from careercoach.errors import ValidationError
from careercoach.journal import Draft, Journal, filter_entries
from careercoach.model import (
    KINDS,
    DetailValue,
    Entry,
    check_kind,
    follow_jlpt_pass,
    parse_date,
    parse_detail_pairs,
    parse_detail_value,
    with_changes,
)
from careercoach.textsafe import terminal_safe

KIND_LIST = ", ".join(KINDS)
pass_app = click.make_pass_decorator(AppContext)


def notes_from_editor(start: str) -> str:
    """The notes as written in the user's editor; closing it without saving keeps `start`.
    The entry is checked only afterwards, so a long note is never typed for nothing."""
    try:
        written = click.edit(start, extension=".md", require_save=True)
    except click.ClickException as exc:  # the editor would not start, or failed
        raise ValidationError(f"--edit: {exc.format_message()} (check $EDITOR)") from None
    return start if written is None else written.rstrip("\n")


def _follow_jlpt_pass(journal: Journal, entry: Entry) -> None:
    """Said on stderr: the id on stdout stays the only thing scripts read."""
    news = follow_jlpt_pass(journal.change_profile, entry)
    if news:
        click.echo(news, err=True)


def _details_with_type(kind: str, subtype: str | None, pairs: tuple[str, ...]) -> dict:
    details = parse_detail_pairs(kind, pairs)
    if subtype:
        details["type"] = parse_detail_value(kind, "type", subtype)
    return details


@click.command()
@click.argument("kind", metavar="KIND")
@click.argument("title")
@click.option(
    "--date",
    "-d",
    "date_text",
    default="today",
    show_default=True,
    help="YYYY-MM-DD, today or yesterday.",
)
@click.option("--note", "-n", default="", help="Longer notes.")
@click.option("--ja", "title_ja", default="", help="The title in Japanese, for Japanese scripts.")
@click.option("--tag", "-t", "tags", multiple=True, help="A tag (repeatable).")
@click.option("--type", "subtype", help="Sub-type, e.g. meeting_room or jlpt.")
@click.option(
    "--detail",
    "details",
    multiple=True,
    metavar="KEY=VALUE",
    help="A kind-specific detail, e.g. level=N2 (repeatable).",
)
@click.option("--star", is_flag=True, help="Mark it as a highlight (cited first).")
@click.option(
    "--edit", "edit_notes", is_flag=True, help="Write the notes in $VISUAL / $EDITOR first."
)
@pass_app
def add(
    app: AppContext,
    kind: str,
    title: str,
    date_text: str,
    note: str,
    title_ja: str,
    tags: tuple[str, ...],
    subtype: str | None,
    details: tuple[str, ...],
    star: bool,
    edit_notes: bool,
) -> None:
    """Log an entry and print its id."""
    kind = check_kind(kind)
    if edit_notes:
        note = notes_from_editor(note)
    draft = Draft(
        date=parse_date(date_text, app.today),
        kind=kind,
        title=title,
        notes=note,
        tags=tags,
        details=_details_with_type(kind, subtype, details),
        starred=star,
        title_ja=title_ja,
    )
    journal = app.journal()
    entry = journal.add(draft)
    click.echo(entry.id)
    _follow_jlpt_pass(journal, entry)


add.help = f"Log an entry and print its id.\n\nKIND is one of: {KIND_LIST}."


_JA_SEPARATOR = " ／ "  # between the title and its Japanese title in `list`


STAR = "★ "  # before a starred entry's title, on a terminal and through a pipe alike


def _entry_row(entry: Entry) -> list[str]:
    """One row of `list`: every cell one inert line, so tabs and newlines in a title,
    a tag or a hand-edited sub-type cannot shift the columns."""
    cells = [
        entry.id,
        entry.date.isoformat(),
        entry.kind + (f"/{entry.subtype}" if entry.subtype else ""),
        (STAR if entry.starred else "")
        + entry.title
        + _JA_SEPARATOR * bool(entry.title_ja)
        + entry.title_ja,
        " ".join(entry.tags),
    ]
    return [terminal_safe(cell, keep_newlines=False) for cell in cells]


@click.command("list")
@click.option("--kind", "-k", help=f"Only this kind ({KIND_LIST}).")
@click.option("--since", help="From this date (YYYY-MM-DD, today, yesterday).")
@click.option("--until", help="Up to this date.")
@click.option("--tag", "-t", help="Only entries with this tag.")
@click.option("--search", "-s", help="Text to find in titles and notes.")
@click.option("--starred", is_flag=True, help="Only starred entries (your highlights).")
@click.option("--limit", type=click.IntRange(min=1), help="At most this many entries.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_app
def list_entries(
    app: AppContext,
    kind: str | None,
    since: str | None,
    until: str | None,
    tag: str | None,
    search: str | None,
    starred: bool,
    limit: int | None,
    as_json: bool,
) -> None:
    """List entries, newest first (★ marks a starred entry)."""
    today = app.today
    since_date = parse_date(since, today) if since else None
    until_date = parse_date(until, today) if until else None
    if since_date and until_date and since_date > until_date:
        raise ValidationError("--since is after --until: nothing could match")
    entries = filter_entries(
        app.journal().entries(),
        kind=check_kind(kind) if kind else None,
        since=since_date,
        until=until_date,
        tag=tag,
        text=search,
        starred=starred,
    )
    if limit:
        entries = entries[:limit]
    if as_json:
        echo_json([e.to_dict() for e in entries])
        return
    if not entries:
        click.echo("No entries match." if app.journal().count() else _EMPTY_HINT)
        return
    if not sys.stdout.isatty():
        for entry in entries:
            click.echo("\t".join(_entry_row(entry)))
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(box=None, header_style="bold")
    for column in ("id", "date", "kind", "title", "tags"):
        table.add_column(column, overflow="fold" if column == "title" else "ellipsis")
    for entry in entries:
        table.add_row(*(Text(cell) for cell in _entry_row(entry)))
    console().print(table)


_EMPTY_HINT = (
    "Your journal is empty. Log something: "
    'careercoach add invisible "Prepared the meeting room" --type meeting_room'
)


@click.command()
@click.argument("entry_id", metavar="ID")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_app
def show(app: AppContext, entry_id: str, as_json: bool) -> None:
    """Show one entry in full."""
    entry = app.journal().get(entry_id)
    if as_json:
        echo_json(entry.to_dict())
        return
    lines = [
        f"{entry.id}  {entry.date.isoformat()}  {KINDS[entry.kind].label}",
        entry.title,
    ]
    if entry.starred:
        lines.append("starred: yes")
    if entry.title_ja:
        lines.append(f"日本語: {entry.title_ja}")
    if entry.tags:
        lines.append("tags: " + " ".join(entry.tags))
    for key, value in entry.details.items():
        lines.append(f"{key}: {value}")
    if entry.notes:
        lines += ["", entry.notes]
    lines += ["", f"created {entry.created}, updated {entry.updated}"]
    echo_text("\n".join(lines))


@click.command()
@click.argument("entry_id", metavar="ID")
@click.option("--date", "date_text", help="New date.")
@click.option("--kind", help="New kind (its details must still fit).")
@click.option("--title", help="New title.")
@click.option("--ja", "title_ja", help="New Japanese title (empty removes it).")
@click.option("--note", help="New notes (replaces the old ones).")
@click.option("--tag", "tags", multiple=True, help="Replace all tags (repeatable).")
@click.option("--add-tag", "add_tags", multiple=True, help="Add a tag.")
@click.option("--remove-tag", "remove_tags", multiple=True, help="Remove a tag.")
@click.option("--type", "subtype", help="New sub-type.")
@click.option(
    "--detail",
    "details",
    multiple=True,
    metavar="KEY=VALUE",
    help="Set a detail; KEY= with no value removes it.",
)
@click.option("--star/--unstar", "star", default=None, help="Mark or unmark it as a highlight.")
@pass_app
def edit(
    app: AppContext,
    entry_id: str,
    date_text: str | None,
    kind: str | None,
    title: str | None,
    title_ja: str | None,
    note: str | None,
    tags: tuple[str, ...],
    add_tags: tuple[str, ...],
    remove_tags: tuple[str, ...],
    subtype: str | None,
    details: tuple[str, ...],
    star: bool | None,
) -> None:
    """Change an entry's fields; what you do not name stays as it is.

    The options become one operation applied to the entry as it is on disk under the
    lock, so two edits made at once (two tags added) both land.
    """
    new_date = parse_date(date_text, app.today) if date_text is not None else None
    new_kind = check_kind(kind) if kind else None
    named = (new_date, new_kind, title, title_ja, note, subtype, star)
    if all(v is None for v in named) and not (tags or add_tags or remove_tags or details):
        raise ValidationError("nothing to change: name at least one field, e.g. --title")

    def change(current: Entry) -> Entry:
        changes: dict = {}
        if new_date is not None:
            changes["date"] = new_date
        if new_kind is not None:
            changes["kind"] = new_kind
        if title is not None:
            changes["title"] = title
        if title_ja is not None:
            changes["title_ja"] = title_ja
        if note is not None:
            changes["notes"] = note
        if tags or add_tags or remove_tags:
            changes["tags"] = _changed_tags(current.tags, tags, add_tags, remove_tags)
        if details or subtype or new_kind:
            changes["details"] = _changed_details(
                current.details, new_kind or current.kind, subtype, details
            )
        if star is not None:
            changes["starred"] = star
        return with_changes(current, **changes)

    journal = app.journal()
    updated = journal.change_entry(entry_id, change)
    click.echo(f"updated {updated.id}")
    _follow_jlpt_pass(journal, updated)


def _tag_key(tag: str) -> str:
    return tag.lower().lstrip("#@")


def _changed_tags(
    current: tuple[str, ...],
    replace: tuple[str, ...],
    add: tuple[str, ...],
    remove: tuple[str, ...],
) -> list[str]:
    """`--tag` replaces the tags, `--add-tag` adds, `--remove-tag` removes (in that order)."""
    removed = {_tag_key(t) for t in remove}
    result = list(replace) if replace else list(current)
    return [t for t in [*result, *add] if _tag_key(t) not in removed]


def _changed_details(
    current: Mapping[str, DetailValue], kind: str, subtype: str | None, pairs: tuple[str, ...]
) -> dict[str, DetailValue]:
    """`KEY=VALUE` sets a detail, `KEY=` removes it; `--type` sets the sub-type."""
    merged = dict(current)
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if sep and not value.strip():
            merged.pop(key.strip().lower(), None)
        else:
            merged.update(parse_detail_pairs(kind, [pair]))
    if subtype:
        merged["type"] = subtype
    return merged


@click.command()
@click.argument("entry_id", metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def delete(app: AppContext, entry_id: str, yes: bool) -> None:
    """Delete an entry (restorable for 30 days with `careercoach restore ID`)."""
    journal = app.journal()
    entry = journal.get(entry_id)
    if not yes:
        if not sys.stdin.isatty():
            raise ValidationError("not deleting without confirmation: add --yes")
        label = terminal_safe(entry.title, keep_newlines=False)
        click.confirm(f"Delete {entry.id} ({entry.date}: {label})?", abort=True)
    journal.delete(entry.id)
    click.echo(f"deleted {entry.id} (restorable for 30 days: careercoach restore {entry.id})")
