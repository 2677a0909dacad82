"""Rewrite direct phrasing in the soft, options-first style (promotion guide §5).

Rules come from `content/phrasing.yaml`: a regular expression and a replacement that
may insert named groups with `\\g<name>` (as matched) or `\\L<name>` (first letter in
lower case, for a command that moves behind "Could you"). The replacement is
expanded here, not by `re`, so the matched user text is inserted once, as data:
nothing in it is ever interpreted.

The text is handled one sentence at a time, so every sentence of a longer text gets
its chance and `^`/`$` in a pattern mean the sentence's start and end; a period
after an abbreviation ("Dr. Sato", "e.g.") does not end one. Meaning is kept: a
question or a conditional sentence ("If you are wrong, tell me.", "When you are
wrong, admit it.") is left alone unless a rule is written for questions, and the
rules themselves keep negations and only reject proposals (see phrasing.yaml).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import msgspec

from careercoach.content import Checker
from careercoach.errors import ValidationError

MAX_SOFTEN_CHARS = 20_000
MAX_PASSES = 4  # a bound, not a budget: real text settles in two passes

_GROUP_REF = re.compile(r"\\([gL])<([A-Za-z_][A-Za-z0-9_]*)>")
_SENTENCE_END = re.compile(r"[。！？]+[」』）)]*\s*|[.!?]+[\"'”’)]*(?:\s+|$)|\n+")
_QUESTION = re.compile(r"[?？][\"'”’」』）)]*$")
_CONDITIONAL = re.compile(
    r"\b(?:if|unless|in case|provided that)\b|(?:^|,\s*)(?:when|whenever)\b"
    r"|もし|(?:なら|ならば|たら|れば|場合は?)、",
    re.I,
)
# A period after these is not a sentence's end ("Dr. Sato", "e.g. the login tests").
# After etc./a.m./p.m. it is one only when a capital letter follows ("by 5 p.m. Then").
_TITLE_ABBREVIATIONS = re.compile(
    r"(?:^|[\s(\"'“‘])(?:dr|mr|mrs|ms|prof|st|jr|sr|vs|e\.g|i\.e|cf|no)\.$", re.I
)
_END_ABBREVIATIONS = re.compile(r"(?:^|[\s(\"'“‘])(?:etc|a\.m|p\.m)\.$", re.I)
_ABBREVIATION_REACH = 8  # the longest one above and the character before it, and more
_OPENING_QUOTES = "\"'“‘(「"


class SoftenRule(msgspec.Struct, frozen=True):
    """One rewrite: what it matches, what it becomes, its title and why (with its source)."""

    id: str
    title: str
    section: str
    why: str
    pattern: re.Pattern[str]
    replacement: str
    questions: bool = False  # whether it may rewrite a question


class Softened(msgspec.Struct, frozen=True):
    """The rewritten text and the ids of the rules that changed it, in order."""

    text: str
    rules: tuple[str, ...]


def parse_rules(check: Checker, value: Any, where: str) -> tuple[SoftenRule, ...]:
    """Validate one language's rule list; a bad regex or group reference is a ContentError."""
    rules: list[SoftenRule] = []
    seen: set[str] = set()
    for index, raw in enumerate(check.sequence(value, where, allow_empty=True)):
        at = f"{where}[{index}]"
        data = check.mapping(
            raw,
            at,
            required=("id", "title", "section", "why", "pattern", "replacement"),
            optional=("questions",),
        )
        rule_id = check.text(data["id"], f"{at}.id")
        if rule_id in seen:
            raise check.fail(f"{at}.id", f"duplicate rule id {rule_id!r}")
        seen.add(rule_id)
        source = check.text(data["pattern"], f"{at}.pattern")
        try:
            pattern = re.compile(source, re.IGNORECASE)
        except re.error as exc:
            raise check.fail(f"{at}.pattern", f"not a valid regular expression ({exc})") from None
        if pattern.search("") is not None:
            raise check.fail(f"{at}.pattern", "matches empty text, so it would fire everywhere")
        replacement = check.text(data["replacement"], f"{at}.replacement", allow_empty=True)
        _check_replacement(check, replacement, pattern, f"{at}.replacement")
        questions = data.get("questions", False)
        if not isinstance(questions, bool):
            raise check.fail(f"{at}.questions", "must be true or false")
        rules.append(
            SoftenRule(
                id=rule_id,
                title=check.text(data["title"], f"{at}.title"),
                section=check.text(data["section"], f"{at}.section"),
                why=check.text(data["why"], f"{at}.why"),
                pattern=pattern,
                replacement=replacement,
                questions=questions,
            )
        )
    return tuple(rules)


def _check_replacement(check: Checker, text: str, pattern: re.Pattern[str], where: str) -> None:
    for _, name in _GROUP_REF.findall(text):
        if name not in pattern.groupindex:
            raise check.fail(where, f"\\g<{name}> names no group of the pattern")
    if "\\" in _GROUP_REF.sub("", text):
        raise check.fail(where, "only \\g<name> or \\L<name> may follow a backslash")


def split_sentences(text: str) -> list[str]:
    """The text cut after each sentence's end, each piece keeping its trailing space."""
    pieces: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.end() > start and not _after_abbreviation(text, end):
            pieces.append(text[start : end.end()])
            start = end.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces


def _after_abbreviation(text: str, end: re.Match[str]) -> bool:
    """Whether this "." ends an abbreviation inside the sentence, not the sentence."""
    if not end.group(0).startswith(".") or end.end() == len(text):
        return False
    # Only the few characters before the "." can hold an abbreviation (the patterns are
    # anchored at it): searching all the text before it made a long text quadratic.
    window = (max(0, end.start() - _ABBREVIATION_REACH), end.start() + 1)
    if _TITLE_ABBREVIATIONS.search(text, *window):
        return True
    return (
        bool(_END_ABBREVIATIONS.search(text, *window))
        and not text[end.end() : end.end() + 1].isupper()
    )


def apply_rules(text: str, rules: Sequence[SoftenRule]) -> Softened:
    """Soften each sentence with the rules in order; report the ones that changed it.

    One rule's rewrite can expose words an earlier rule softens ("I obviously
    disagree" loses "obviously" and becomes "I disagree"), so the rules run again
    until nothing changes: softening the result once more must change nothing.
    """
    if len(text) > MAX_SOFTEN_CHARS:
        raise ValidationError(
            f"the text is {len(text)} characters: the softener takes at most {MAX_SOFTEN_CHARS}"
        )
    if not text.strip():
        raise ValidationError("there is nothing to soften: give a sentence, e.g. 'This is wrong.'")
    applied: list[str] = []
    out: list[str] = []
    for piece in split_sentences(text):
        body = piece.strip()
        if not body:
            out.append(piece)
            continue
        start = piece.index(body)
        out.append(
            piece[:start] + _soften_sentence(body, rules, applied) + piece[start + len(body) :]
        )
    return Softened(text="".join(out), rules=tuple(applied))


def _soften_sentence(sentence: str, rules: Sequence[SoftenRule], applied: list[str]) -> str:
    if _CONDITIONAL.search(sentence):
        return sentence
    question = bool(_QUESTION.search(sentence))
    for _ in range(MAX_PASSES):
        before = sentence
        for rule in rules:
            if question and not rule.questions:
                continue
            rewritten = rule.pattern.sub(lambda m, rule=rule: _rewrite(rule, m), sentence)
            if rewritten != sentence:
                if rule.id not in applied:
                    applied.append(rule.id)
                sentence = rewritten
        if sentence == before:
            break
    return sentence


def _rewrite(rule: SoftenRule, match: re.Match[str]) -> str:
    matched = match.group(0)
    if not matched:
        return matched
    result = _GROUP_REF.sub(lambda ref: _group(match, ref.group(1), ref.group(2)), rule.replacement)
    if result and matched[0].isupper() and _starts_sentence(match.string, match.start()):
        result = result[0].upper() + result[1:]
    return result


def _group(match: re.Match[str], how: str, name: str) -> str:
    text = match.group(name) or ""
    if how == "L" and text[:1].isupper() and not text[1:2].isupper():
        return text[0].lower() + text[1:]
    return text


def _starts_sentence(text: str, index: int) -> bool:
    return not text[:index].strip(" \t" + _OPENING_QUOTES)
