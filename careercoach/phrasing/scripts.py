"""Promotion-request scripts in English and Japanese, filled from the journal.

The promotion guide (§8) says foreigners have to ask for promotion themselves,
politely and at a good moment, framed as wanting to contribute more and asking
which skills to build. The wording lives in `content/phrasing.yaml`; this module
fills its slots from the profile and the facts the journal backs up, and puts an
email or a chat message in the shape a Japanese manager expects (件名, 宛名,
挨拶と名乗り, 本文, 結び: see the business-writing reference).

A sentence whose slot has nothing to fill it falls back to its `otherwise` wording
or is left out, so a new user gets a shorter script, never a placeholder. Entries
are cited as items after a complete lead-in sentence, never inside one. User text
is data: slots are filled by `string.Template.substitute` on our own template in
one pass, and titles are appended as item lines as they are, so `$x`, `{x}` or
`[b]` in a title come out literally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from careercoach.errors import ValidationError
from careercoach.model import Profile
from careercoach.phrasing.addressing import address_manager
from careercoach.phrasing.citations import MAX_ITEMS, MAX_SPOKEN_ITEMS, Citation, cite_items
from careercoach.phrasing.content import (
    FORMATS,
    LANGUAGES,
    SITUATIONS,
    Paragraph,
    PhrasingContent,
    Sentence,
    load_phrasing,
)
from careercoach.phrasing.facts import JournalFacts

if TYPE_CHECKING:
    from careercoach.readiness import Assessment

DEFAULT_SITUATION = "career_growth"
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


class Script(msgspec.Struct, frozen=True):
    """A ready-to-send script and the journal entries it cites.

    `untitled` holds the entries a Japanese talk leaves out for want of a Japanese
    title: an English title is never read aloud in a Japanese 1:1.
    """

    text: str
    cited_ids: tuple[str, ...]
    citations: tuple[Citation, ...] = ()
    untitled: tuple[Citation, ...] = ()


class _Slots(msgspec.Struct, frozen=True):
    """Slot values for one script: text to insert, entries to list, ids each one cites."""

    text: dict[str, str]
    items: dict[str, tuple[Citation, ...]]
    cites: dict[str, tuple[str, ...]]


def draft(
    situation: str,
    lang: str,
    fmt: str,
    facts: JournalFacts,
    profile: Profile,
    content: PhrasingContent | None = None,
) -> Script:
    """Fill one script: `fmt` is talk (a 1:1), email or chat."""
    _check_choice("situation", situation, tuple(SITUATIONS))
    _check_choice("language", lang, LANGUAGES)
    _check_choice("format", fmt, FORMATS)
    content = content or load_phrasing()
    script = content.scripts[(situation, lang)]
    used = {s.items for paragraph in script.forms[fmt] for s in paragraph if s.items}
    slots = _slot_values(facts, profile, lang, content, project_slot="project" in used)
    untitled: list[Citation] = []
    if lang == "ja" and fmt == "talk":
        slots = _spoken_japanese(slots, used, untitled)
    limit = MAX_SPOKEN_ITEMS if fmt == "talk" else MAX_ITEMS
    cited: list[Citation] = []
    cited_ids: list[str] = []
    body = [
        text
        for paragraph in script.forms[fmt]
        if (text := _paragraph(paragraph, slots, lang, limit, cited, cited_ids))
    ]
    frame = content.frames[lang]
    if fmt == "email":
        subject = _sentence_text(script.subject, slots, cited_ids, alone=True)
        parts = [
            frame.subject + (subject or ""),
            _sentence_text(frame.addressee, slots, cited_ids, alone=True),
            _sentence_text(frame.greeting, slots, cited_ids, alone=True),
            *body,
        ]
        if frame.signature is not None:
            parts.append(_sentence_text(frame.signature, slots, cited_ids, alone=True))
        text = "\n\n".join(part for part in parts if part)
    elif fmt == "chat":
        opening = _sentence_text(frame.chat_opening, slots, cited_ids, alone=True)
        text = "\n".join(part for part in (opening, *body) if part)
    else:
        text = "\n\n".join(body)
    return Script(
        text=text,
        cited_ids=tuple(dict.fromkeys(cited_ids)),
        citations=tuple(dict.fromkeys(cited)),
        untitled=tuple(dict.fromkeys(untitled)),
    )


def _spoken_japanese(slots: _Slots, used: set[str], untitled: list[Citation]) -> _Slots:
    """Only entries with a Japanese title, for a Japanese 1:1; the others the script
    would have cited (its `used` item slots) go to `untitled`."""
    items: dict[str, tuple[Citation, ...]] = {}
    for name, citations in slots.items.items():
        items[name] = tuple(c for c in citations if c.title_ja)
        if name in used:
            untitled.extend(c for c in citations[:MAX_SPOKEN_ITEMS] if not c.title_ja)
    return _Slots(text=slots.text, items=items, cites=slots.cites)


def _paragraph(
    paragraph: Paragraph,
    slots: _Slots,
    lang: str,
    limit: int,
    cited: list[Citation],
    cited_ids: list[str],
) -> str:
    """Sentences run on one line; a citation's items follow its lead-in, one per line."""
    joiner = " " if lang == "en" else ""
    lines: list[str] = []
    line: list[str] = []
    for sentence in paragraph:
        alone = not (lines or line)
        items = slots.items.get(sentence.items, ()) if sentence.items else ()
        if sentence.items and not items:
            text = sentence.otherwise
        else:
            text = _sentence_text(sentence, slots, cited_ids, alone=alone)
        if not text:
            continue
        line.append(text)
        if items and text != sentence.otherwise:
            shown = items[:limit]
            cited.extend(shown)
            cited_ids.extend(c.entry_id for c in shown)
            lines.append(joiner.join(line))
            lines.extend(cite_items(shown, lang, limit=limit))
            line = []
    if line:
        lines.append(joiner.join(line))
    return "\n".join(lines)


def _sentence_text(
    sentence: Sentence, slots: _Slots, cited_ids: list[str], *, alone: bool
) -> str | None:
    """The sentence filled in, its `otherwise` wording, or None when it is left out."""
    if not sentence.slots <= slots.text.keys():
        return sentence.otherwise
    template = sentence.alone if alone and sentence.alone is not None else sentence.template
    for slot in sentence.slots:
        cited_ids.extend(slots.cites.get(slot, ()))
    return template.substitute({slot: slots.text[slot] for slot in sentence.slots})


def _check_choice(name: str, value: str, choices: tuple[str, ...]) -> None:
    if value not in choices:
        raise ValidationError(f"unknown {name} {value!r}: choose from {', '.join(choices)}")


def _slot_values(
    facts: JournalFacts,
    profile: Profile,
    lang: str,
    content: PhrasingContent,
    *,
    project_slot: bool,
) -> _Slots:
    """Slots with something to say; the others are absent, so their sentences fall back.

    A script without a project slot cites the project first among the achievements:
    the newest major project is the strongest evidence wherever it is asked.
    """
    text: dict[str, str] = {}
    cites: dict[str, tuple[str, ...]] = {}
    manager = address_manager(profile, lang)
    if manager:
        text["manager"] = manager
    name = (profile.name_ja if lang == "ja" else "") or profile.name
    if name:
        text["name"] = name
    if facts.jlpt_news:
        text["jlpt"] = facts.jlpt_news
        cites["jlpt"] = (facts.jlpt_entry_id,) if facts.jlpt_entry_id else ()
    if facts.tenure_months:
        text["tenure"] = _tenure(facts.tenure_months, lang)
    role = content.roles.get(profile.target_role, {}).get(lang, "")
    if role:
        text["role"] = role
    project = (facts.project,) if facts.project else ()
    items = {
        "project": project,
        "achievements": facts.achievements if project_slot else project + facts.achievements,
        "recognition": facts.recognition,
        "bridge": facts.bridge,
        "documentation": facts.documentation,
    }
    return _Slots(text=text, items=items, cites=cites)


def _tenure(months: int, lang: str) -> str:
    """Years and months, never rounded: 23 months is one year and eleven months."""
    years, rest = divmod(months, 12)
    if lang == "ja":
        return (f"{years}年" if years else "") + (f"{rest}か月" if rest else "")
    parts = [_count(n, unit) for n, unit in ((years, "year"), (rest, "month")) if n]
    return " and ".join(parts)


def _count(count: int, unit: str) -> str:
    word = _NUMBER_WORDS[count] if count < len(_NUMBER_WORDS) else str(count)
    return f"{word} {unit}" + ("s" if count > 1 else "")


def suggest_situation(assessment: Assessment) -> str:
    """The first applicable occasion from the readiness timing verdict, else a general talk.

    Every script is a humble question about growth, so an applicable occasion is used
    even when the verdict says the overall timing is not ideal.
    """
    for occasion in assessment.timing.occasions:
        if occasion in SITUATIONS:
            return occasion
    return DEFAULT_SITUATION
