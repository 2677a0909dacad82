"""`content/phrasing.yaml` read and validated: the script wording and the softener rules.

Validation catches what would otherwise reach a manager: an unknown slot, a lone
`$`, pay mentioned, a connective (also, また, あわせて) that could open a paragraph
with nothing before it, a form that could come out empty.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from string import Template
from typing import Any

import msgspec

from careercoach.content import Checker, builtin_path, load_yaml
from careercoach.model import TARGET_ROLES
from careercoach.phrasing.softener import SoftenRule, parse_rules

SITUATIONS: dict[str, str] = {
    "after_project": "After finishing a major project",
    "after_evaluation": "After the yearly evaluation",
    "contract_renewal": "When the contract renews",
    "japanese_improved": "After your Japanese level improved",
    "career_growth": "A general career-growth conversation",
}
LANGUAGES = ("en", "ja")
FORMATS = ("talk", "email", "chat")
FORMAT_LABELS = {
    "talk": "what to say in a 1:1",
    "email": "an email with a subject line",
    "chat": "a short chat message",
}
TEXT_SLOTS = ("manager", "name", "tenure", "role", "jlpt")
ITEM_SLOTS = ("project", "achievements", "recognition", "bridge", "documentation")
FRAME_PARTS = {
    "en": ("subject", "addressee", "greeting", "signature", "chat_opening"),
    "ja": ("subject", "addressee", "greeting", "chat_opening"),
}

_PAY_WORDS = re.compile(r"salary|\bpay\b|\braise\b|bonus|[¥€£]|円|給与|給料|年収|昇給|賞与", re.I)
# A sentence that leans on one before it: it needs an `alone` wording for when it
# opens its paragraph (writing reference, "Connectives").
_LEANS_ON_PREVIOUS = re.compile(r"^(?:また|さらに|あわせて|加えて)、|\balso\b|^In addition\b", re.I)


class Sentence(msgspec.Struct, frozen=True):
    """One sentence of a script (see the comment at the top of phrasing.yaml)."""

    template: Template
    slots: frozenset[str]
    otherwise: str | None = None
    items: str | None = None
    alone: Template | None = None

    @property
    def always(self) -> bool:
        """True when the sentence is never left out."""
        return self.otherwise is not None or (not self.slots and self.items is None)


Paragraph = tuple[Sentence, ...]


class Frame(msgspec.Struct, frozen=True):
    """The parts of an email and a chat message around a situation's own sentences."""

    subject: str
    addressee: Sentence
    greeting: Sentence
    chat_opening: Sentence
    signature: Sentence | None = None


class ScriptText(msgspec.Struct, frozen=True):
    """One situation in one language: its subject line and its three forms."""

    subject: Sentence
    forms: Mapping[str, tuple[Paragraph, ...]]


class PhrasingContent(msgspec.Struct, frozen=True):
    """The validated `phrasing.yaml`."""

    roles: Mapping[str, Mapping[str, str]]
    frames: Mapping[str, Frame]
    sections: Mapping[str, str]
    scripts: Mapping[tuple[str, str], ScriptText]
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
    top = check.mapping(data, "top level", required=("roles", "frames", "situations", "softener"))
    roles_raw = check.mapping(top["roles"], "roles", required=TARGET_ROLES)
    roles: dict[str, dict[str, str]] = {}
    for role in TARGET_ROLES:
        names = check.mapping(roles_raw[role], f"roles.{role}", required=LANGUAGES)
        roles[role] = {lang: check.text(names[lang], f"roles.{role}.{lang}") for lang in LANGUAGES}
    frames_raw = check.mapping(top["frames"], "frames", required=LANGUAGES)
    frames = {lang: _parse_frame(check, frames_raw[lang], lang) for lang in LANGUAGES}
    situations = check.mapping(top["situations"], "situations", required=SITUATIONS)
    sections: dict[str, str] = {}
    scripts: dict[tuple[str, str], ScriptText] = {}
    for situation in SITUATIONS:
        where = f"situations.{situation}"
        body = check.mapping(situations[situation], where, required=("section", *LANGUAGES))
        sections[situation] = check.text(body["section"], f"{where}.section")
        for lang in LANGUAGES:
            at = f"{where}.{lang}"
            forms = check.mapping(body[lang], at, required=("subject", *FORMATS))
            subject = _parse_sentence(check, forms["subject"], f"{at}.subject")
            if subject.items or not subject.always:
                raise check.fail(f"{at}.subject", "needs an `otherwise` and no items")
            scripts[(situation, lang)] = ScriptText(
                subject=subject,
                forms={fmt: _parse_form(check, forms[fmt], f"{at}.{fmt}") for fmt in FORMATS},
            )
    softener = check.mapping(top["softener"], "softener", required=LANGUAGES)
    soften_rules = {
        lang: parse_rules(check, softener[lang], f"softener.{lang}") for lang in LANGUAGES
    }
    return PhrasingContent(
        roles=roles, frames=frames, sections=sections, scripts=scripts, soften_rules=soften_rules
    )


def _parse_frame(check: Checker, value: Any, lang: str) -> Frame:
    where = f"frames.{lang}"
    raw = check.mapping(value, where, required=FRAME_PARTS[lang])
    parts = {
        name: _parse_sentence(check, raw[name], f"{where}.{name}")
        for name in FRAME_PARTS[lang]
        if name != "subject"
    }
    return Frame(subject=check.text(raw["subject"], f"{where}.subject"), **parts)


def _parse_form(check: Checker, value: Any, where: str) -> tuple[Paragraph, ...]:
    paragraphs: list[Paragraph] = []
    for p, raw_paragraph in enumerate(check.sequence(value, where)):
        at = f"{where}[{p}]"
        sentences = tuple(
            _parse_sentence(check, raw, f"{at}[{s}]")
            for s, raw in enumerate(check.sequence(raw_paragraph, at))
        )
        for s, sentence in enumerate(sentences):
            leans = _LEANS_ON_PREVIOUS.search(sentence.template.template)
            settled = any(before.always for before in sentences[:s])
            if leans and sentence.alone is None and not settled:
                raise check.fail(
                    f"{at}[{s}]",
                    "leans on the sentence before it (also, また, あわせて) but may open its "
                    "paragraph: add `alone`, its wording for that case",
                )
        paragraphs.append(sentences)
    if not any(s.always for paragraph in paragraphs for s in paragraph):
        raise check.fail(where, "every sentence may be left out, so an empty journal gets nothing")
    return tuple(paragraphs)


def _parse_sentence(check: Checker, raw: Any, where: str) -> Sentence:
    if isinstance(raw, str):
        template, slots = _parse_template(check, check.text(raw, where), where)
        return Sentence(template=template, slots=slots)
    data = check.mapping(raw, where, required=("text",), optional=("otherwise", "items", "alone"))
    template, slots = _parse_template(
        check, check.text(data["text"], f"{where}.text"), f"{where}.text"
    )
    items = data.get("items")
    if items is not None and items not in ITEM_SLOTS:
        raise check.fail(f"{where}.items", f"unknown item slot {items!r} (known: {ITEM_SLOTS})")
    if items is not None and slots:
        raise check.fail(f"{where}.text", "a lead-in to items cannot use slots as well")
    otherwise = data.get("otherwise")
    if otherwise is not None:
        at = f"{where}.otherwise"
        otherwise = check.text(otherwise, at)
        if not slots and items is None:
            raise check.fail(at, "is never used: the text has no slot that could be empty")
        if "$" in otherwise:
            raise check.fail(at, "must not use slots (it is the wording for when they are empty)")
        if _LEANS_ON_PREVIOUS.search(otherwise):
            raise check.fail(at, "may open a paragraph, so it cannot lean on the sentence before")
        _check_no_pay(check, otherwise, at)
    alone = None
    if data.get("alone") is not None:
        alone, alone_slots = _parse_template(
            check, check.text(data["alone"], f"{where}.alone"), f"{where}.alone"
        )
        if alone_slots != slots:
            raise check.fail(f"{where}.alone", "must use the same slots as the text")
        if _LEANS_ON_PREVIOUS.search(alone.template):
            raise check.fail(f"{where}.alone", "opens a paragraph, so it cannot lean on one")
    return Sentence(template=template, slots=slots, otherwise=otherwise, items=items, alone=alone)


def _parse_template(check: Checker, text: str, where: str) -> tuple[Template, frozenset[str]]:
    template = Template(text)
    slots: set[str] = set()
    for match in template.pattern.finditer(text):
        name = match.group("named") or match.group("braced")
        if name is None:
            raise check.fail(where, "a lone $ is not allowed: slots are $name")
        if name not in TEXT_SLOTS:
            raise check.fail(where, f"unknown slot ${name} (known: {', '.join(TEXT_SLOTS)})")
        slots.add(name)
    _check_no_pay(check, template.pattern.sub("", text), where)
    return template, frozenset(slots)


def _check_no_pay(check: Checker, text: str, where: str) -> None:
    found = _PAY_WORDS.search(text)
    if found:
        raise check.fail(
            where, f"mentions pay ({found.group(0)!r}): the scripts never ask for money"
        )
