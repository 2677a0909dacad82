"""Rewrite direct phrasing in the soft, options-first style (promotion guide §5).

Rules come from `content/phrasing.yaml`: a regular expression and a replacement that
may insert named groups with `\\g<name>`. The replacement is expanded here, not by
`re`, so the only syntax it has is `\\g<name>` and the matched user text is inserted
once, as data: nothing in it is ever interpreted.
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

_GROUP_REF = re.compile(r"\\g<([A-Za-z_][A-Za-z0-9_]*)>")
_SENTENCE_END = ".!?。！？\n"
_OPENING_QUOTES = "\"'“‘(「"


class SoftenRule(msgspec.Struct, frozen=True):
    """One rewrite: what it matches, what it becomes, and why (with its source)."""

    id: str
    section: str
    why: str
    pattern: re.Pattern[str]
    replacement: str


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
        data = check.mapping(raw, at, required=("id", "section", "why", "pattern", "replacement"))
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
        rules.append(
            SoftenRule(
                id=rule_id,
                section=check.text(data["section"], f"{at}.section"),
                why=check.text(data["why"], f"{at}.why"),
                pattern=pattern,
                replacement=replacement,
            )
        )
    return tuple(rules)


def _check_replacement(check: Checker, text: str, pattern: re.Pattern[str], where: str) -> None:
    for name in _GROUP_REF.findall(text):
        if name not in pattern.groupindex:
            raise check.fail(where, f"\\g<{name}> names no group of the pattern")
    if "\\" in _GROUP_REF.sub("", text):
        raise check.fail(where, "only \\g<name> may follow a backslash")


def apply_rules(text: str, rules: Sequence[SoftenRule]) -> Softened:
    """Run the rules in order over the text; report the ones that changed it.

    One rule's rewrite can expose words an earlier rule softens ("I obviously,
    disagree" loses "obviously" and becomes "I disagree"), so the rules run again
    until nothing changes: softening the result once more must change nothing.
    """
    if len(text) > MAX_SOFTEN_CHARS:
        raise ValidationError(
            f"the text is {len(text)} characters: the softener takes at most {MAX_SOFTEN_CHARS}"
        )
    applied: list[str] = []
    for _ in range(MAX_PASSES):
        before = text
        for rule in rules:
            rewritten = rule.pattern.sub(lambda match, rule=rule: _rewrite(rule, match), text)
            if rewritten != text:
                if rule.id not in applied:
                    applied.append(rule.id)
                text = rewritten
        if text == before:
            break
    return Softened(text=text, rules=tuple(applied))


def _rewrite(rule: SoftenRule, match: re.Match[str]) -> str:
    matched = match.group(0)
    if not matched:
        return matched
    result = _GROUP_REF.sub(lambda ref: match.group(ref.group(1)) or "", rule.replacement)
    if result and matched[0].isupper() and _starts_sentence(match.string, match.start()):
        result = result[0].upper() + result[1:]
    return result


def _starts_sentence(text: str, index: int) -> bool:
    before = text[:index].rstrip(" \t").rstrip(_OPENING_QUOTES).rstrip(" \t")
    return not before or before[-1] in _SENTENCE_END
