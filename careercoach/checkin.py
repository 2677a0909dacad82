"""The weekly check-in: areas of the promotion guide, and turning ticks into entries.

Pure: the areas come from `content/checkin.yaml`, the answers from whoever asks
(the TUI), and the week and "today" are parameters. Nothing here writes the journal;
the caller passes the drafts to `Journal.add_many` so a check-in is one write.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

import msgspec

from careercoach import content
from careercoach.clock import week_start
from careercoach.errors import ValidationError
from careercoach.model import KINDS, Draft

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
