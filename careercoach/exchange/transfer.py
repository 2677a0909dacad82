"""Export and import entry points shared by the CLI and the TUI.

`export_to_path` writes md/csv/json (0600, atomic, never over an existing file
without `force`); `import_file` brings in a careercoach backup or a jrnl export in
one atomic write, or nothing at all.

Import semantics (backup):
- merge (default): entries are matched by id; new ids are added, changed ones updated,
  entries not in the file kept. The profile is taken only when the journal's profile is
  empty, the improvement plan only when the journal has none. Importing twice changes
  nothing the second time.
- replace (`--replace`): an exact restore; the journal becomes the backup (entries,
  profile and plan). A backup exported for a date range is refused here, since
  restoring it would delete everything outside the range.
jrnl imports only ever add: an entry already in the journal is skipped (see jrnl_import).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import msgspec
import msgspec.structs

from careercoach import collector
from careercoach.errors import ValidationError
from careercoach.exchange.backup_import import read_backup
from careercoach.journal import Journal, check_user_file, filter_entries, write_user_file
from careercoach.model import Entry, follow_jlpt_passes, is_plan_evidence, jlpt_level_news

FORMATS = ("md", "csv", "json")
SOURCES = ("backup", "jrnl")


class ExportSummary(msgspec.Struct, frozen=True):
    """What an export wrote, for the CLI line and the TUI notification."""

    format: str
    path: str  # "-" for stdout
    entries: int
    bytes: int


class ImportReport(msgspec.Struct, frozen=True):
    """What an import did, or in a dry run would do. Tuples hold entry ids."""

    source: str
    path: str
    dry_run: bool
    replace: bool
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    skipped: tuple[str, ...] = ()  # jrnl: already in the journal, left as it is
    removed: tuple[str, ...] = ()  # replace: in the journal, not in the backup
    truncated: tuple[str, ...] = ()  # jrnl: notes cut at the notes limit
    profile: str = "same"  # "same" | "imported" | "replaced" | "kept" (the journal's differs)
    plan: str = "same"  # "same" | "imported" | "replaced" | "removed" | "kept"
    jlpt_level: str = ""  # an imported pass raised the profile's JLPT level: the news

    @property
    def changed(self) -> bool:
        return bool(
            self.added
            or self.updated
            or self.removed
            or self.profile not in ("same", "kept")
            or self.plan not in ("same", "kept")
        )

    def to_dict(self) -> dict[str, Any]:
        data = msgspec.structs.asdict(self)
        for key in ("added", "updated", "unchanged", "skipped", "removed", "truncated"):
            data[key] = list(data[key])
        return data


def check_range(since: dt.date | None, until: dt.date | None) -> None:
    if since and until and since > until:
        raise ValidationError("--since is after --until: nothing could match")


def render_export(
    journal: Journal,
    fmt: str,
    *,
    as_of: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
    kind: str | None = None,
    starred: bool = False,
    include_plan: bool = False,
) -> tuple[bytes, int]:
    """The export's bytes and how many entries it holds. `kind` and `starred` narrow
    the packet and the CSV; a JSON backup always holds every entry of its dates.
    Improvement-plan evidence stays out of the packet and the CSV unless `include_plan`."""
    if fmt not in FORMATS:
        raise ValidationError(f"unknown export format {fmt!r}: choose from {', '.join(FORMATS)}")
    check_range(since, until)
    if fmt == "json" and (kind or starred):
        raise ValidationError(
            "--kind and --starred choose what the packet (md) and the CSV show; "
            "a JSON backup always holds every entry"
        )
    from careercoach.exchange import formats as export

    with collector.paused():
        everything = journal.entries()
        entries = filter_entries(everything, since=since, until=until, kind=kind, starred=starred)
        if fmt != "json" and not include_plan:
            entries = [e for e in entries if not is_plan_evidence(e)]
        if fmt == "json":
            payload = export.render_json(
                entries, journal.profile(), journal.plan(), since=since, until=until
            )
        elif fmt == "csv":
            payload = export.render_csv(entries)
        else:
            assessment = _assess(everything, journal, as_of)
            payload = export.render_markdown(
                entries,
                journal.profile(),
                assessment,
                since=since,
                until=until,
                selection=export.selection_words(kind, starred),
            )
    return payload, len(entries)


def _assess(entries: list[Entry], journal: Journal, as_of: dt.date):
    from careercoach.plan import change
    from careercoach.readiness import assess, load_criteria

    plan = change.timing_facts(journal, as_of)
    return assess(entries, journal.profile(), load_criteria(), as_of, **plan)


def export_to_path(
    journal: Journal,
    fmt: str,
    path: str | os.PathLike[str],
    *,
    as_of: dt.date,
    since: dt.date | None = None,
    until: dt.date | None = None,
    force: bool = False,
    kind: str | None = None,
    starred: bool = False,
    include_plan: bool = False,
) -> ExportSummary:
    """Write an export to a file (0600, atomically) and say what was written."""
    target = Path(path).expanduser()
    protect = (journal.path,)
    check_user_file(target, force=force, protect=protect)  # before the work of rendering
    payload, count = render_export(
        journal,
        fmt,
        as_of=as_of,
        since=since,
        until=until,
        kind=kind,
        starred=starred,
        include_plan=include_plan,
    )
    write_user_file(target, payload, force=force, protect=protect)
    return ExportSummary(format=fmt, path=str(target), entries=count, bytes=len(payload))


def import_file(
    journal: Journal,
    path: str | os.PathLike[str],
    *,
    source: str = "backup",
    tag_map: Iterable[str] = (),
    replace: bool = False,
    dry_run: bool = False,
) -> ImportReport:
    """Import a careercoach backup or a jrnl export: all of it, or (on error) nothing."""
    target = Path(path).expanduser()
    tag_map = tuple(tag_map)
    if source not in SOURCES:
        raise ValidationError(f"unknown import source {source!r}: choose from {', '.join(SOURCES)}")
    if source == "jrnl" and replace:
        raise ValidationError("--replace restores careercoach backups only, not jrnl")
    if source == "backup" and tag_map:
        raise ValidationError("--map is for jrnl imports: add --from jrnl")
    if source == "backup" and target.is_dir():
        raise ValidationError(
            f"{target}: is a folder; name the backup file (a jrnl folder export needs --from jrnl)"
        )
    with collector.paused():
        if source == "jrnl":
            return _import_jrnl(journal, target, tag_map, dry_run=dry_run)
        return _import_backup(journal, target, replace=replace, dry_run=dry_run)


def _import_backup(journal: Journal, path: Path, *, replace: bool, dry_run: bool) -> ImportReport:
    backup = read_backup(path)
    if replace and backup.partial:
        raise ValidationError(
            f"{path}: this backup holds only a date range; --replace would delete every "
            "other entry. Import it without --replace to merge it"
        )
    with journal.transaction():
        current_profile, current_plan = journal.profile(), journal.plan()
        if replace:
            profile, plan = backup.profile, backup.plan
            wanted = {e.id for e in backup.entries}
            removed = tuple(e.id for e in journal.entries() if e.id not in wanted)
        else:
            fill_profile = current_profile.is_empty() and not backup.profile.is_empty()
            profile = backup.profile if fill_profile else None
            plan = backup.plan if current_plan is None else None
            removed = ()
        preview = journal.merge(
            backup.entries, profile=profile, plan=plan, replace_all=replace, dry_run=True
        )
        outcome = _outcome(current_profile, backup.profile, profile is not None, replace)
        # A merged-in pass raises the profile's JLPT level, as one logged with `add` does,
        # in the same write (a --replace restores the backup's profile exactly).
        arrived = set() if replace else set(preview.added) | set(preview.updated)
        before = profile or current_profile
        followed = follow_jlpt_passes(before, (e for e in backup.entries if e.id in arrived))
        report = ImportReport(
            source="backup",
            path=str(path),
            dry_run=dry_run,
            replace=replace,
            added=preview.added,
            updated=preview.updated,
            unchanged=preview.unchanged,
            removed=removed,
            profile=outcome,
            plan=_outcome(current_plan, backup.plan, plan is not None, replace),
            jlpt_level=jlpt_level_news(before.jlpt_level, followed.jlpt_level),
        )
        if report.changed and not dry_run:
            profile = followed if followed is not before else profile
            journal.merge(backup.entries, profile=profile, plan=plan, replace_all=replace)
    return report


def _outcome(current: object, incoming: object, taken: bool, replace: bool) -> str:
    """How the profile or plan fared, in the words of ImportReport."""
    if incoming == current:
        return "same"
    if replace:
        return "removed" if incoming is None else "replaced"
    return "imported" if taken else "kept"


def _import_jrnl(
    journal: Journal, path: Path, tag_map: Iterable[str], *, dry_run: bool
) -> ImportReport:
    from careercoach.exchange.jrnl_import import parse_tag_map, read_jrnl

    converted = read_jrnl(path, parse_tag_map(tag_map))
    with journal.transaction():
        existing = {e.id for e in journal.entries()}
        fresh = [e for e in converted.entries if e.id not in existing]
        skipped = tuple(e.id for e in converted.entries if e.id in existing)
        if fresh and not dry_run:
            journal.merge(fresh)
    return ImportReport(
        source="jrnl",
        path=str(path),
        dry_run=dry_run,
        replace=False,
        added=tuple(e.id for e in fresh),
        skipped=skipped,
        truncated=tuple(i for i in converted.truncated if i not in existing),
    )
