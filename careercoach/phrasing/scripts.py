"""Promotion-request scripts in English and Japanese, filled from the journal.

The promotion guide (§8) says foreigners have to ask for promotion themselves,
politely and at a good moment, framed as wanting to contribute more and asking
which skills to build. The wording lives in `content/phrasing.yaml`; this module
picks the facts that back it up (titles of real entries, the JLPT level, tenure)
and fills the slots. A slot with nothing to fill it drops its whole sentence, so a
new user gets a shorter script, never a placeholder.

User text is data: titles are inserted by `string.Template.substitute` on our own
template, in one pass, so `$x`, `{x}`, `%s` or `[b]` in a title come out literally.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from string import Template
from typing import TYPE_CHECKING, Any

import msgspec

from careercoach.content import Checker, builtin_path, load_yaml
from careercoach.errors import ValidationError
from careercoach.model import JLPT_LEVELS, TARGET_ROLES, Entry, Profile, is_plan_evidence
from careercoach.phrasing.softener import Softened, SoftenRule, apply_rules, parse_rules

if TYPE_CHECKING:
    from careercoach.readiness import Assessment

SITUATIONS: dict[str, str] = {
    "after_project": "After finishing a major project",
    "after_evaluation": "After the yearly evaluation",
    "contract_renewal": "When the contract renews",
    "japanese_improved": "After your Japanese level improved",
    "career_growth": "A general career-growth conversation",
}
DEFAULT_SITUATION = "career_growth"
LANGUAGES = ("en", "ja")
FORMATS = ("talk", "message")
SLOTS = (
    "manager",
    "project",
    "achievements",
    "bridge",
    "documentation",
    "jlpt",
    "tenure",
    "role",
)

RECENT_DAYS = 365  # achievements, bridge work and documentation count for a year
PROJECT_DAYS = 180  # "now that the project is finished" needs a fresh project
MAX_ITEMS = 3
_FACT_KINDS = frozenset(("achievement", "bridge", "documentation", "japanese"))

_PAY_WORDS = re.compile(r"salary|\bpay\b|\braise\b|bonus|[¥€£]|円|給与|給料|年収|昇給|賞与", re.I)
_HONORIFICS = ("さん", "様", "さま", "-san", " san")
_NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
)


# -- content --------------------------------------------------------------------


class Sentence(msgspec.Struct, frozen=True):
    """A template sentence; `otherwise` replaces it when one of its slots is empty."""

    template: Template
    slots: frozenset[str]
    otherwise: str | None = None


Paragraph = tuple[Sentence, ...]


class PhrasingContent(msgspec.Struct, frozen=True):
    """The validated `phrasing.yaml`."""

    roles: Mapping[str, Mapping[str, str]]
    sections: Mapping[str, str]
    scripts: Mapping[tuple[str, str, str], tuple[Paragraph, ...]]
    soften_rules: Mapping[str, tuple[SoftenRule, ...]]

    def rule(self, lang: str, rule_id: str) -> SoftenRule:
        """Look up a softener rule by the id `soften` reported."""
        return next(rule for rule in self.soften_rules[lang] if rule.id == rule_id)


def load_phrasing(path: Path | None = None) -> PhrasingContent:
    """Load and validate the scripts and softener rules (the built-in file is cached)."""
    if path is None:
        return _builtin_phrasing()
    return _parse(load_yaml(path), Checker(path))


@functools.lru_cache(maxsize=1)
def _builtin_phrasing() -> PhrasingContent:
    path = builtin_path("phrasing.yaml")
    return _parse(load_yaml(path), Checker(path))


def _parse(data: Any, check: Checker) -> PhrasingContent:
    top = check.mapping(data, "top level", required=("roles", "situations", "softener"))
    roles_raw = check.mapping(top["roles"], "roles", required=TARGET_ROLES)
    roles: dict[str, dict[str, str]] = {}
    for role in TARGET_ROLES:
        names = check.mapping(roles_raw[role], f"roles.{role}", required=LANGUAGES)
        roles[role] = {lang: check.text(names[lang], f"roles.{role}.{lang}") for lang in LANGUAGES}
    situations = check.mapping(top["situations"], "situations", required=SITUATIONS)
    sections: dict[str, str] = {}
    scripts: dict[tuple[str, str, str], tuple[Paragraph, ...]] = {}
    for situation in SITUATIONS:
        where = f"situations.{situation}"
        body = check.mapping(situations[situation], where, required=("section", *LANGUAGES))
        sections[situation] = check.text(body["section"], f"{where}.section")
        for lang in LANGUAGES:
            formats = check.mapping(body[lang], f"{where}.{lang}", required=FORMATS)
            for fmt in FORMATS:
                key = (situation, lang, fmt)
                scripts[key] = _parse_script(check, formats[fmt], f"{where}.{lang}.{fmt}")
    softener = check.mapping(top["softener"], "softener", required=LANGUAGES)
    soften_rules = {
        lang: parse_rules(check, softener[lang], f"softener.{lang}") for lang in LANGUAGES
    }
    return PhrasingContent(
        roles=roles,
        sections=sections,
        scripts=scripts,
        soften_rules=soften_rules,
    )


def _parse_script(check: Checker, value: Any, where: str) -> tuple[Paragraph, ...]:
    paragraphs = []
    for p, raw_paragraph in enumerate(check.sequence(value, where)):
        sentences = check.sequence(raw_paragraph, f"{where}[{p}]")
        paragraphs.append(
            tuple(
                _parse_sentence(check, raw, f"{where}[{p}][{s}]") for s, raw in enumerate(sentences)
            )
        )
    if not any(not s.slots or s.otherwise for paragraph in paragraphs for s in paragraph):
        raise check.fail(where, "every sentence needs a slot, so an empty journal gets no script")
    return tuple(paragraphs)


def _parse_sentence(check: Checker, raw: Any, where: str) -> Sentence:
    if isinstance(raw, str):
        template, slots = _parse_template(check, check.text(raw, where), where)
        return Sentence(template=template, slots=slots)
    data = check.mapping(raw, where, required=("text",), optional=("otherwise",))
    template, slots = _parse_template(
        check, check.text(data["text"], f"{where}.text"), f"{where}.text"
    )
    otherwise = data.get("otherwise")
    if otherwise is not None:
        at = f"{where}.otherwise"
        otherwise = check.text(otherwise, at)
        if not slots:
            raise check.fail(at, "is never used: the text has no slot that could be empty")
        if "$" in otherwise:
            raise check.fail(at, "must not use slots (it is the wording for when they are empty)")
        _check_no_pay(check, otherwise, at)
    return Sentence(template=template, slots=slots, otherwise=otherwise)


def _parse_template(check: Checker, text: str, where: str) -> tuple[Template, frozenset[str]]:
    template = Template(text)
    slots: set[str] = set()
    for match in template.pattern.finditer(text):
        name = match.group("named") or match.group("braced")
        if name is None:
            raise check.fail(where, "a lone $ is not allowed: slots are $name")
        if name not in SLOTS:
            raise check.fail(where, f"unknown slot ${name} (known: {', '.join(SLOTS)})")
        slots.add(name)
    _check_no_pay(check, template.pattern.sub("", text), where)
    return template, frozenset(slots)


def _check_no_pay(check: Checker, text: str, where: str) -> None:
    found = _PAY_WORDS.search(text)
    if found:
        raise check.fail(
            where, f"mentions pay ({found.group(0)!r}): the scripts never ask for money"
        )


# -- facts from the journal -------------------------------------------------------


class Fact(msgspec.Struct, frozen=True):
    """A journal entry the script may cite: its id and its title as the user wrote it."""

    entry_id: str
    title: str


class JournalFacts(msgspec.Struct, frozen=True):
    """What the scripts can say about the user, each fact traceable to an entry."""

    project: Fact | None = None
    achievements: tuple[Fact, ...] = ()
    bridge: tuple[Fact, ...] = ()
    documentation: tuple[Fact, ...] = ()
    jlpt_level: str = ""
    jlpt_entry_id: str | None = None
    tenure_months: int | None = None


def gather_facts(entries: Iterable[Entry], profile: Profile, as_of: dt.date) -> JournalFacts:
    """Pick the newest relevant entries up to `as_of` (entries after it are ignored)."""
    dated = [
        e for e in entries if e.kind in _FACT_KINDS and e.date <= as_of and not is_plan_evidence(e)
    ]
    dated.sort(key=lambda e: (e.date, e.created, e.id), reverse=True)
    recent = as_of - dt.timedelta(days=RECENT_DAYS)
    fresh = as_of - dt.timedelta(days=PROJECT_DAYS)
    project = next(
        (
            Fact(e.id, e.title)
            for e in dated
            if e.kind == "achievement" and e.subtype == "major_project" and e.date > fresh
        ),
        None,
    )
    jlpt = next(
        (
            e
            for e in dated
            if e.kind == "japanese"
            and e.subtype == "jlpt"
            and e.details.get("passed") is True
            and e.details.get("level") in JLPT_LEVELS
        ),
        None,
    )
    return JournalFacts(
        project=project,
        achievements=_recent_titles(dated, "achievement", recent),
        bridge=_recent_titles(dated, "bridge", recent),
        documentation=_recent_titles(dated, "documentation", recent),
        jlpt_level=str(jlpt.details["level"]) if jlpt else profile.jlpt_level,
        jlpt_entry_id=jlpt.id if jlpt else None,
        tenure_months=_months_between(profile.start_date, as_of),
    )


def _recent_titles(newest_first: list[Entry], kind: str, since: dt.date) -> tuple[Fact, ...]:
    """Up to MAX_ITEMS distinct titles, starred ones first: a weekly habit should not
    fill the list three times."""
    recent = [e for e in newest_first if e.kind == kind and e.date > since]
    recent.sort(key=lambda e: not e.starred)  # stable: highlights first, then newest
    facts: list[Fact] = []
    seen: set[str] = set()
    for entry in recent:
        key = entry.title.casefold()
        if key in seen:
            continue
        seen.add(key)
        facts.append(Fact(entry.id, entry.title))
        if len(facts) == MAX_ITEMS:
            break
    return tuple(facts)


def _months_between(start: dt.date | None, as_of: dt.date) -> int | None:
    if start is None or start > as_of:
        return None
    months = (as_of.year - start.year) * 12 + as_of.month - start.month
    if as_of.day < start.day:
        months -= 1
    return months if months >= 1 else None


# -- drafting ---------------------------------------------------------------------


class Script(msgspec.Struct, frozen=True):
    """A ready-to-use script and the journal entries it mentions."""

    text: str
    cited_ids: tuple[str, ...]


def draft(
    situation: str,
    lang: str,
    fmt: str,
    facts: JournalFacts,
    profile: Profile,
    content: PhrasingContent | None = None,
) -> Script:
    """Fill one script; a sentence whose slot is empty falls back or is left out."""
    _check_choice("situation", situation, tuple(SITUATIONS))
    _check_choice("language", lang, LANGUAGES)
    _check_choice("format", fmt, FORMATS)
    content = content or load_phrasing()
    values = _slot_values(facts, profile, lang, content)
    joiner = " " if lang == "en" else ""
    paragraphs: list[str] = []
    cited: list[str] = []
    for paragraph in content.scripts[(situation, lang, fmt)]:
        sentences: list[str] = []
        for sentence in paragraph:
            if sentence.slots <= values.keys():
                sentences.append(
                    sentence.template.substitute({slot: values[slot][0] for slot in sentence.slots})
                )
                for slot in sorted(sentence.slots, key=SLOTS.index):
                    cited.extend(values[slot][1])
            elif sentence.otherwise is not None:
                sentences.append(sentence.otherwise)
        if sentences:
            paragraphs.append(joiner.join(sentences))
    return Script(text="\n\n".join(paragraphs), cited_ids=tuple(dict.fromkeys(cited)))


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValidationError(f"unknown {name} {value!r}: choose from {', '.join(choices)}")


def _slot_values(
    facts: JournalFacts, profile: Profile, lang: str, content: PhrasingContent
) -> dict[str, tuple[str, tuple[str, ...]]]:
    """slot -> (text to insert, ids it cites); slots with nothing to say are absent."""
    values: dict[str, tuple[str, tuple[str, ...]]] = {}
    manager = _manager(profile.manager_name, lang)
    if manager:
        values["manager"] = (manager, ())
    if facts.project:
        values["project"] = (_quote(facts.project.title, lang), (facts.project.entry_id,))
    for slot in ("achievements", "bridge", "documentation"):
        items: tuple[Fact, ...] = getattr(facts, slot)
        if items:
            titles = _join([_quote(f.title, lang) for f in items], lang)
            values[slot] = (titles, tuple(f.entry_id for f in items))
    if facts.jlpt_level:
        cites = (facts.jlpt_entry_id,) if facts.jlpt_entry_id else ()
        values["jlpt"] = (facts.jlpt_level, cites)
    if facts.tenure_months:
        values["tenure"] = (_tenure(facts.tenure_months, lang), ())
    role = content.roles.get(profile.target_role, {}).get(lang, "")
    if role:
        values["role"] = (role, ())
    return values


def _manager(name: str, lang: str) -> str:
    name = name.strip()
    if lang == "en" or not name:
        return name
    for suffix in _HONORIFICS:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)].rstrip()
            break
    return f"{name}さん"


def _quote(title: str, lang: str) -> str:
    return f"“{title}”" if lang == "en" else f"「{title}」"


def _join(items: list[str], lang: str) -> str:
    if lang == "ja":
        return "、".join(items)
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " and " + items[-1]


def _tenure(months: int, lang: str) -> str:
    years, rest = divmod(months, 12)
    if lang == "ja":
        return f"{years}年" if years else f"{rest}か月"
    count, unit = (years, "year") if years else (rest, "month")
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    return f"{word} {unit}" + ("s" if count > 1 else "")


# -- timing and softening ---------------------------------------------------------


def suggest_situation(assessment: Assessment) -> str:
    """The first applicable occasion from the readiness timing verdict, else a general talk.

    Every script is a humble question about growth, so an applicable occasion is used
    even when the verdict says the overall timing is not ideal.
    """
    for occasion in assessment.timing.occasions:
        if occasion in SITUATIONS:
            return occasion
    return DEFAULT_SITUATION


def soften(text: str, lang: str = "en", content: PhrasingContent | None = None) -> Softened:
    """Rewrite direct phrasing softly with the content's rules for `lang`."""
    _check_choice("language", lang, LANGUAGES)
    content = content or load_phrasing()
    return apply_rules(text, content.soften_rules[lang])
