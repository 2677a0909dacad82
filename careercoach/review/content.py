"""The words of the review drafts (`content/review.yaml`), loaded and checked.

Templates may hold only the numbers and names we fill in ($count, $level, $exam,
$area); a template asking for anything else is refused when the file is loaded, so
no draft can ever show a placeholder.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Any

import msgspec

from careercoach.content import Checker, builtin_path, load_yaml

LANGS = ("en", "ja")
HEADINGS = ("results", "how_i_worked", "develop_next", "ask")
HOW_I_WORKED = (
    "invisible_work",
    "bridge_role",
    "soft_assertiveness",
    "documentation",
    "relationships",
    "japanese",
)
DEVELOP_NEXT = (*HOW_I_WORKED, "stability")
AREAS = DEVELOP_NEXT
# The Japanese sentence follows what was logged: each variant's own numbers.
JAPANESE_PRACTICE = {
    "study_and_work": ("study", "work"),
    "study": ("count",),
    "at_work": ("count",),
    "exam": ("count",),
}
SLOTS = {
    "results": (),
    "how_i_worked": ("count",),
    "japanese_practice": (),  # per variant: JAPANESE_PRACTICE
    "jlpt_passed": ("level",),
    "jlpt_passed_alone": ("level",),
    "develop_next": (),
    "jlpt_goal": ("level", "exam"),
    "ask": (),
    "ask_area": ("area",),
    "ask_during_plan": (),
}


class Lead(msgspec.Struct, frozen=True):
    """One sentence (or short paragraph) in both languages, with the section it follows."""

    section: str
    en: str
    ja: str

    def text(self, lang: str, **values: object) -> str:
        """Fill our own numbers and names in; user text never goes through here."""
        return Template(self.en if lang == "en" else self.ja).substitute(values)


class ReviewContent(msgspec.Struct, frozen=True):
    headings: Mapping[str, Mapping[str, str]]
    results: Lead
    how_i_worked: Mapping[str, Lead]
    japanese_practice: Mapping[str, Lead]
    jlpt_passed: Lead
    jlpt_passed_alone: Lead
    develop_next: Mapping[str, Lead]
    jlpt_goal: Lead
    ask: Lead
    ask_area: Lead
    ask_during_plan: Lead
    areas: Mapping[str, Mapping[str, str]]


def load_review_content(path: Path | None = None) -> ReviewContent:
    if path is None:
        return _builtin()
    return parse_review_content(load_yaml(path), Checker(path))


@functools.lru_cache(maxsize=1)
def _builtin() -> ReviewContent:
    path = builtin_path("review.yaml")
    return parse_review_content(load_yaml(path), Checker(path))


def parse_review_content(data: Any, check: Checker) -> ReviewContent:
    keys = ("headings", *SLOTS, "areas")
    top = check.mapping(data, "top level", required=keys)
    headings_raw = check.mapping(top["headings"], "headings", required=LANGS)
    headings = {
        lang: {
            key: check.text(value, f"headings.{lang}.{key}")
            for key, value in check.mapping(
                headings_raw[lang], f"headings.{lang}", required=HEADINGS
            ).items()
        }
        for lang in LANGS
    }

    def lead(value: Any, where: str, slots: tuple[str, ...]) -> Lead:
        item = check.mapping(value, where, required=("section", *LANGS))
        texts = {lang: _sentences(check, item[lang], f"{where}.{lang}", lang) for lang in LANGS}
        for lang, text in texts.items():
            try:
                Template(text).substitute({slot: "0" for slot in slots})
            except (KeyError, ValueError) as exc:
                raise check.fail(f"{where}.{lang}", f"unknown or broken slot {exc}") from None
        return Lead(check.text(item["section"], f"{where}.section"), texts["en"], texts["ja"])

    def leads(key: str, ids: tuple[str, ...] | Mapping[str, tuple[str, ...]]) -> dict[str, Lead]:
        """A table of leads: each with the key's slots, or its own (`ids` a mapping)."""
        table = check.mapping(top[key], key, required=tuple(ids))
        slots = ids if isinstance(ids, Mapping) else dict.fromkeys(ids, SLOTS[key])
        return {i: lead(table[i], f"{key}.{i}", slots[i]) for i in ids}

    areas_raw = check.mapping(top["areas"], "areas", required=AREAS)
    areas = {
        area: {
            lang: check.text(text, f"areas.{area}.{lang}")
            for lang, text in check.mapping(
                areas_raw[area], f"areas.{area}", required=LANGS
            ).items()
        }
        for area in AREAS
    }
    return ReviewContent(
        headings=headings,
        results=lead(top["results"], "results", SLOTS["results"]),
        how_i_worked=leads("how_i_worked", HOW_I_WORKED),
        japanese_practice=leads("japanese_practice", JAPANESE_PRACTICE),
        jlpt_passed=lead(top["jlpt_passed"], "jlpt_passed", SLOTS["jlpt_passed"]),
        jlpt_passed_alone=lead(
            top["jlpt_passed_alone"], "jlpt_passed_alone", SLOTS["jlpt_passed_alone"]
        ),
        develop_next=leads("develop_next", DEVELOP_NEXT),
        jlpt_goal=lead(top["jlpt_goal"], "jlpt_goal", SLOTS["jlpt_goal"]),
        ask=lead(top["ask"], "ask", SLOTS["ask"]),
        ask_area=lead(top["ask_area"], "ask_area", SLOTS["ask_area"]),
        ask_during_plan=lead(top["ask_during_plan"], "ask_during_plan", SLOTS["ask_during_plan"]),
        areas=areas,
    )


def _sentences(check: Checker, value: Any, where: str, lang: str) -> str:
    """One text, or a list of sentences joined as the language writes them."""
    if isinstance(value, list):
        parts = check.text_list(value, where)
        return ("" if lang == "ja" else " ").join(parts)
    return check.text(value, where)
