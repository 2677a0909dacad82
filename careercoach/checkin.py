"""The weekly check-in: areas of the promotion guide, and turning ticks into entries.

The areas come from `content/checkin.yaml`, the answers from whoever asks (the TUI),
and the week and "today" are parameters. A week's check-in is one form over that
week's check-in entries: `week_log` reads what is already there (shown, and ticked
again), `plan_checkin` works out what the answers change, and `save_checkin` applies
that under one hold of the journal's lock, so running the check-in twice edits the
week instead of logging everything again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

import msgspec
import msgspec.structs

from careercoach import content
from careercoach.clock import week_start
from careercoach.errors import ValidationError
from careercoach.journal import EditConflict, FieldConflict, Journal, Side
from careercoach.model import KINDS, Draft, Entry, clean_text, with_changes

CHECKIN_FILE = "checkin.yaml"
CHECKIN_TAG = "checkin"  # every check-in entry carries it, so streaks can find them


class Example(msgspec.Struct, frozen=True):
    """One tickable example from the guide and the entry it becomes."""

    id: str
    label: str
    type: str
    title: str


class Area(msgspec.Struct, frozen=True):
    """One habit the guide says gets noticed, with its examples."""

    id: str
    title: str
    prompt: str
    kind: str
    section: str
    examples: tuple[Example, ...]
    free_type: str | None = None


class AreaAnswer(msgspec.Struct, frozen=True):
    """What the user ticked in one area, plus anything typed on its free line."""

    examples: tuple[str, ...] = ()
    free_text: str = ""
    free_text_ja: str = ""  # the free line's title in Japanese, for Japanese scripts


def load_checkin(path: Path | None = None) -> tuple[Area, ...]:
    """Load and validate the check-in areas (the built-in file by default)."""
    source = path or content.builtin_path(CHECKIN_FILE)
    return parse_checkin(content.load_yaml(source), source)


def parse_checkin(data: object, source: str | Path) -> tuple[Area, ...]:
    check = content.Checker(source)
    root = check.mapping(data, "(top)", required=("areas",))
    areas: list[Area] = []
    seen: set[str] = set()
    for i, raw in enumerate(check.sequence(root["areas"], "areas")):
        where = f"areas[{i}]"
        item = check.mapping(
            raw,
            where,
            required=("id", "title", "prompt", "kind", "section", "examples"),
            optional=("free_type",),
        )
        area_id = check.text(item["id"], f"{where}.id")
        if area_id in seen:
            raise check.fail(f"{where}.id", f"duplicate area id {area_id!r}")
        seen.add(area_id)
        kind = check.choice(item["kind"], f"{where}.kind", KINDS)
        subtypes = KINDS[kind].subtypes
        free_type = item.get("free_type")
        if free_type is not None:
            check.choice(free_type, f"{where}.free_type", subtypes)
        examples = _parse_examples(check, item["examples"], f"{where}.examples", subtypes)
        areas.append(
            Area(
                id=area_id,
                title=check.text(item["title"], f"{where}.title"),
                prompt=check.text(item["prompt"], f"{where}.prompt"),
                kind=kind,
                section=check.text(item["section"], f"{where}.section"),
                examples=examples,
                free_type=free_type,
            )
        )
    return tuple(areas)


def _parse_examples(
    check: content.Checker, value: object, where: str, subtypes: tuple[str, ...]
) -> tuple[Example, ...]:
    examples: list[Example] = []
    for j, raw in enumerate(check.sequence(value, where)):
        at = f"{where}[{j}]"
        item = check.mapping(raw, at, required=("id", "label", "type", "title"))
        example_id = check.text(item["id"], f"{at}.id")
        if any(e.id == example_id for e in examples):
            raise check.fail(f"{at}.id", f"duplicate example id {example_id!r}")
        examples.append(
            Example(
                id=example_id,
                label=check.text(item["label"], f"{at}.label"),
                type=check.choice(item["type"], f"{at}.type", subtypes),
                title=check.text(item["title"], f"{at}.title"),
            )
        )
    return tuple(examples)


def entry_date(monday: dt.date, today: dt.date) -> dt.date:
    """The date check-in entries get: today in the current week, else that week's Friday."""
    if monday != week_start(monday):
        raise ValidationError(f"{monday.isoformat()} is not a Monday")
    if monday > today:
        raise ValidationError("that week has not started yet: check in once it is under way")
    return min(monday + dt.timedelta(days=4), today)


def drafts_for_week(
    answers: Mapping[str, AreaAnswer],
    monday: dt.date,
    *,
    today: dt.date,
    areas: Iterable[Area] | None = None,
) -> list[Draft]:
    """One draft per ticked example and per free-text line, dated inside that week."""
    known = {area.id: area for area in (load_checkin() if areas is None else areas)}
    unknown = set(answers) - set(known)
    if unknown:
        raise ValidationError(f"unknown check-in area {sorted(unknown)[0]!r}")
    day = entry_date(monday, today)
    drafts: list[Draft] = []
    for area_id, area in known.items():
        answer = answers.get(area_id)
        if answer is None:
            continue
        examples = {e.id: e for e in area.examples}
        for example_id in answer.examples:
            example = examples.get(example_id)
            if example is None:
                raise ValidationError(f"unknown example {example_id!r} in {area.title}")
            drafts.append(
                Draft(
                    day,
                    area.kind,
                    example.title,
                    tags=(CHECKIN_TAG,),
                    details={"type": example.type},
                )
            )
        free = answer.free_text.strip()
        if free:
            details = {"type": area.free_type} if area.free_type else {}
            drafts.append(
                Draft(
                    day,
                    area.kind,
                    free,
                    tags=(CHECKIN_TAG,),
                    details=details,
                    title_ja=answer.free_text_ja.strip(),
                )
            )
    return drafts


class AreaLog(msgspec.Struct, frozen=True):
    """One area's entries in a week: the check-in's own, and anything else logged."""

    ticked: dict[str, Entry]  # example id -> the check-in entry it wrote
    free: Entry | None  # the check-in entry written from the free line
    others: tuple[Entry, ...]  # the area's kind logged any other way, oldest first


class CheckinPlan(msgspec.Struct, frozen=True):
    """What saving the answers changes: new entries, retitled ones, removed ones."""

    add: list[Draft]
    retitle: dict[str, tuple[str, str]]  # entry id -> new title and Japanese title
    remove: list[str]

    def is_empty(self) -> bool:
        return not (self.add or self.retitle or self.remove)

    def summary(self) -> str:
        parts = [
            f"{count} {verb}"
            for count, verb in (
                (len(self.add), "added"),
                (len(self.retitle), "changed"),
                (len(self.remove), "removed"),
            )
            if count
        ]
        return ", ".join(parts) or "nothing changed"


def week_log(
    entries: Iterable[Entry], monday: dt.date, areas: Iterable[Area]
) -> dict[str, AreaLog]:
    """What the journal already holds for the week starting `monday`, per area."""
    sunday = monday + dt.timedelta(days=6)
    week = sorted(
        (e for e in entries if monday <= e.date <= sunday),
        key=lambda e: (e.date, e.created, e.id),
    )
    logs: dict[str, AreaLog] = {}
    for area in areas:
        by_title = {(e.type, e.title): e.id for e in area.examples}
        ticked: dict[str, Entry] = {}
        free: Entry | None = None
        others: list[Entry] = []
        for entry in (e for e in week if e.kind == area.kind):
            example = by_title.get((entry.subtype or "", entry.title))
            if CHECKIN_TAG not in entry.tags:
                others.append(entry)
            elif example is not None and example not in ticked:
                ticked[example] = entry
            elif example is None and free is None:
                free = entry
            else:
                others.append(entry)
        logs[area.id] = AreaLog(ticked, free, tuple(others))
    return logs


def as_stored(line: str) -> str:
    """A typed line as an entry's title keeps it (normalised, trimmed), so comparing
    it with what the week holds never sees a change where the save would make none."""
    return clean_text(line).strip()


def _line(entry: Entry | None) -> tuple[str, str]:
    """A free-line entry as the form shows it: its title and Japanese title."""
    return (entry.title, entry.title_ja) if entry is not None else ("", "")


class CheckinConflict(EditConflict):
    """A free line the user changed was changed differently on disk meanwhile (one
    FieldConflict per area, named by area id); nothing was saved. `current` is the
    week as it was on disk, for `settle_checkin`."""

    def __init__(self, conflicts: Iterable[FieldConflict], current: Mapping[str, AreaLog]) -> None:
        super().__init__(conflicts)
        self.current = dict(current)


def plan_checkin(
    answers: Mapping[str, AreaAnswer],
    loaded: Mapping[str, AreaLog],
    monday: dt.date,
    *,
    today: dt.date,
    areas: Iterable[Area],
    current: Mapping[str, AreaLog] | None = None,
) -> CheckinPlan:
    """What the user changed since the form `loaded` the week, applied to the week as it
    is on disk now (`current`, by default the week as loaded): add what is newly ticked,
    remove what was unticked (deleted entries stay in the trash for 30 days), and
    retitle, add or remove the free-line entry when its line was changed. Whatever the
    user left alone keeps what is on disk, so a change made meanwhile (from the command
    line) is never undone; CheckinConflict when a free line changed on both sides."""
    known = {area.id: area for area in areas}
    unknown = set(answers) - set(known)
    if unknown:
        raise ValidationError(f"unknown check-in area {sorted(unknown)[0]!r}")
    wanted = {area_id: _as_tick(answer, known[area_id]) for area_id, answer in answers.items()}
    now = loaded if current is None else current
    fresh: dict[str, AreaAnswer] = {}
    retitle: dict[str, tuple[str, str]] = {}
    remove: list[str] = []
    conflicts: list[FieldConflict] = []
    for area_id, area_log in loaded.items():
        answer = wanted.get(area_id, AreaAnswer())
        on_disk = now[area_id]
        new_ticks = tuple(
            x for x in answer.examples if x not in area_log.ticked and x not in on_disk.ticked
        )
        still_there = {e.id for e in on_disk.ticked.values()}
        remove += [
            e.id
            for x, e in area_log.ticked.items()
            if x not in answer.examples and e.id in still_there
        ]
        base, theirs = _line(area_log.free), _line(on_disk.free)
        mine = (as_stored(answer.free_text), as_stored(answer.free_text_ja))
        add_line = ("", "")
        if mine not in (base, theirs):  # changed in the form, and not to what is on disk
            if theirs != base:
                conflicts.append(FieldConflict(area_id, base, mine, theirs))
            elif on_disk.free is None:
                add_line = mine
            elif not mine[0]:
                remove.append(on_disk.free.id)
            else:
                retitle[on_disk.free.id] = mine
        fresh[area_id] = AreaAnswer(new_ticks, *add_line)
    if conflicts:
        raise CheckinConflict(conflicts, now)
    drafts = drafts_for_week(fresh, monday, today=today, areas=known.values())
    return CheckinPlan(drafts, retitle, remove)


def settle_checkin(
    loaded: Mapping[str, AreaLog],
    answers: Mapping[str, AreaAnswer],
    conflict: CheckinConflict,
    keep: Side,
) -> tuple[dict[str, AreaLog], dict[str, AreaAnswer]]:
    """The week as loaded and the answers to save again once the user has chosen a side.

    The conflicting lines' base becomes what was on disk, so keeping mine saves mine
    over it and taking theirs leaves it; if the disk changed yet again meanwhile, the
    next save asks again rather than overwrite that change.
    """
    base, mine = dict(loaded), dict(answers)
    for field in conflict.conflicts:
        on_disk = conflict.current[field.field]
        base[field.field] = msgspec.structs.replace(base[field.field], free=on_disk.free)
        if keep == "theirs":
            title, title_ja = _line(on_disk.free)
            answer = mine.get(field.field, AreaAnswer())
            mine[field.field] = msgspec.structs.replace(
                answer, free_text=title, free_text_ja=title_ja
            )
    return base, mine


def _as_tick(answer: AreaAnswer, area: Area) -> AreaAnswer:
    """A free line that says exactly what an example says is that example ticked: the
    entry it writes reads back as the tick, so a second run must plan it the same way
    (otherwise each run would swap the two and the week would never settle)."""
    line = as_stored(answer.free_text)
    same = next(
        (e.id for e in area.examples if e.title == line and e.type == (area.free_type or "")),
        None,
    )
    if same is None:
        return answer
    examples = answer.examples if same in answer.examples else (*answer.examples, same)
    return AreaAnswer(examples)


def save_checkin(
    journal: Journal,
    answers: Mapping[str, AreaAnswer],
    monday: dt.date,
    *,
    today: dt.date,
    areas: Iterable[Area],
    loaded: Mapping[str, AreaLog] | None = None,
) -> CheckinPlan:
    """Apply what the user changed since the form `loaded` the week (by default: the
    week as it is now, for a form opened just now) to the week as it is on disk now,
    all under one hold of the lock."""
    areas = tuple(areas)
    with journal.transaction():
        current = week_log(journal.unordered_entries(), monday, areas)
        base = current if loaded is None else loaded
        plan = plan_checkin(answers, base, monday, today=today, areas=areas, current=current)
        for entry_id, (title, title_ja) in plan.retitle.items():
            journal.change_entry(
                entry_id,
                lambda e, t=title, j=title_ja: with_changes(e, title=t, title_ja=j),
            )
        for entry_id in plan.remove:
            journal.delete(entry_id)
        if plan.add:
            journal.add_many(plan.add)
    return plan
