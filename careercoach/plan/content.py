"""The improvement-plan content (content/improvement_plan.yaml) as checked value types.

The navigator's advice is data, so it can be reviewed and corrected without touching
the engine. The vocabularies the engine relies on (record facts, warning ids, verdict
ids, key-date ids) live here so the loader can refuse a file that does not match them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import msgspec

from careercoach import content
from careercoach.content import Checker
from careercoach.errors import ValidationError

CONTENT_FILE = "improvement_plan.yaml"

FIXABLE = "fixable"
EXIT_RISK = "exit_risk"
YES_MEANS = (FIXABLE, EXIT_RISK)

VERDICT_IDS = ("stay", "mixed", "exit")

# Facts the engine reads from the plan record; a sign may name one as `inferred_from`
# (it answers "yes") or `ruled_out_by` (it answers "no").
RECORD_FACTS = (
    "goals_clear",
    "goals_unclear",
    "goals_outside_control",
    "support_offered",
    "transfer_discussed",
    "short_without_support",
    "regular_meetings",
    "goal_met_not_recognised",
)

# Facts that make a "yes" likely without settling the question: they answer a sign you
# have not answered but never override your own answer (goals marked specific and
# measurable say nothing about whether they can be reached in the time given).
SUGGESTIVE_FACTS = frozenset({"goals_clear"})

WARNING_IDS = (
    "short_no_support",
    "no_goals",
    "vague_goals",
    "outside_control",
    "not_agreed",
    "met_not_recognised",
    "met_unconfirmed",
)

KEY_DATE_IDS = (
    "plan_start",
    "plan_end",
    "decide_review",
    "employment_end",
    "immigration_notice",
    "insurance_pension",
    "status_review",
)

BUSINESS_DISMISSAL_REQUIREMENTS = 4

_ID_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class Timing(msgspec.Struct, frozen=True):
    """The numbers behind key dates and record facts, each traced to the guide."""

    review_days: int
    immigration_notice_days: int
    insurance_days: int
    status_review_months: int
    short_plan_months: int
    checkin_max_gap_days: int
    evidence_lead_days: int
    evidence_trail_days: int


class Sign(msgspec.Struct, frozen=True):
    """A yes/no question; `yes_means` says whether "yes" points to fixable or exit risk."""

    id: str
    label: str
    question: str
    yes_means: str
    section: str
    inferred_from: str | None = None  # a record fact that answers "yes"
    ruled_out_by: str | None = None  # a record fact that answers "no"
    note: str = ""  # more to know when the answer is yes


class Advice(msgspec.Struct, frozen=True):
    """A headline with what to do about it (verdicts, warnings, key dates)."""

    title: str
    text: str
    section: str


class DocumentItem(msgspec.Struct, frozen=True):
    id: str
    label: str
    hint: str
    section: str


class Principle(msgspec.Struct, frozen=True):
    title: str
    explanation: str
    section: str


class LawItem(msgspec.Struct, frozen=True):
    """One point of law or one duty, in our words, with the statute it comes from."""

    id: str
    title: str
    text: str
    section: str


class BusinessDismissal(msgspec.Struct, frozen=True):
    """The four requirements of a dismissal for business reasons, shown with `sign`."""

    sign: str
    title: str
    summary: str
    section: str
    requirements: tuple[Principle, ...]


class ExitOption(msgspec.Struct, frozen=True):
    id: str
    name: str
    summary: str
    pros: tuple[str, ...]
    cons: tuple[str, ...]
    visa: str
    section: str


class Rule(msgspec.Struct, frozen=True):
    id: str
    rule: str
    section: str


class HelpSource(msgspec.Struct, frozen=True):
    id: str
    name: str
    what: str
    section: str


class PlanContent(msgspec.Struct, frozen=True):
    """Everything the navigator shows; `notice` must accompany any advice."""

    notice: str
    timing: Timing
    signs: tuple[Sign, ...]
    verdicts: Mapping[str, Advice]
    warnings: Mapping[str, Advice]
    documents: tuple[DocumentItem, ...]
    document_caveat: str
    dismissal_law: tuple[LawItem, ...]
    business_dismissal: BusinessDismissal
    after_leaving: tuple[LawItem, ...]
    exit_options: tuple[ExitOption, ...]
    negotiable: tuple[str, ...]
    negotiable_section: str
    negotiation_rules: tuple[Rule, ...]
    help: tuple[HelpSource, ...]
    key_dates: Mapping[str, Advice]

    def sign(self, sign_id: str) -> Sign:
        """The sign with this id, or an error listing the real ones."""
        wanted = str(sign_id).strip().lower()
        for sign in self.signs:
            if sign.id == wanted:
                return sign
        raise ValidationError(
            f"unknown sign {sign_id!r}: choose from {', '.join(s.id for s in self.signs)}"
        )

    def document(self, item_id: str) -> DocumentItem:
        """The checklist item with this id, or an error listing the real ones."""
        wanted = str(item_id).strip().lower()
        for item in self.documents:
            if item.id == wanted:
                return item
        raise ValidationError(
            f"unknown checklist item {item_id!r}: "
            f"choose from {', '.join(d.id for d in self.documents)}"
        )

    def guide_dict(self) -> dict[str, Any]:
        """The reference part (exit options, rules, help) as JSON-ready data."""
        return {
            "notice": self.notice,
            "exit_options": [
                {
                    "id": o.id,
                    "name": o.name,
                    "summary": o.summary,
                    "pros": list(o.pros),
                    "cons": list(o.cons),
                    "visa": o.visa,
                    "section": o.section,
                }
                for o in self.exit_options
            ],
            "negotiable": {"items": list(self.negotiable), "section": self.negotiable_section},
            "negotiation_rules": [
                {"id": r.id, "rule": r.rule, "section": r.section} for r in self.negotiation_rules
            ],
            "dismissal_law": [msgspec.to_builtins(item) for item in self.dismissal_law],
            "business_dismissal": msgspec.to_builtins(self.business_dismissal),
            "after_leaving": [msgspec.to_builtins(item) for item in self.after_leaving],
            "help": [
                {"id": h.id, "name": h.name, "what": h.what, "section": h.section}
                for h in self.help
            ],
        }


def load_plan_content(path: Path | None = None) -> PlanContent:
    """Load and check the navigator content (the shipped file when `path` is None)."""
    if path is None:
        return _builtin()
    return parse_plan_content(content.load_yaml(path), str(path))


@functools.lru_cache(maxsize=1)
def _builtin() -> PlanContent:
    path = content.builtin_path(CONTENT_FILE)
    return parse_plan_content(content.load_yaml(path), str(path))


_TOP_KEYS = (
    "notice",
    "timing",
    "signs",
    "verdicts",
    "warnings",
    "documents",
    "document_caveat",
    "dismissal_law",
    "business_dismissal",
    "after_leaving",
    "exit_options",
    "negotiable",
    "negotiable_section",
    "negotiation_rules",
    "help",
    "key_dates",
)


def parse_plan_content(data: Any, source: str) -> PlanContent:
    """Turn parsed YAML into `PlanContent`; every error names file, key path and problem."""
    check = Checker(source)
    top = check.mapping(data, "top level", required=_TOP_KEYS)
    signs = tuple(
        _sign(check, raw, f"signs[{i}]") for i, raw in enumerate(_list(check, top, "signs"))
    )
    _unique(check, "signs", [s.id for s in signs])
    for direction in YES_MEANS:
        if not any(s.yes_means == direction for s in signs):
            raise check.fail("signs", f"needs at least one sign whose yes_means is {direction}")
    documents = tuple(
        DocumentItem(**_fields(check, raw, f"documents[{i}]", ("id", "label", "hint", "section")))
        for i, raw in enumerate(_list(check, top, "documents"))
    )
    _unique(check, "documents", [d.id for d in documents])
    law = _law_items(check, top, "dismissal_law")
    after_leaving = _law_items(check, top, "after_leaving")
    business = _business_dismissal(check, top["business_dismissal"], [s.id for s in signs])
    options = tuple(
        _exit_option(check, raw, f"exit_options[{i}]")
        for i, raw in enumerate(_list(check, top, "exit_options"))
    )
    _unique(check, "exit_options", [o.id for o in options])
    rules = tuple(
        Rule(**_fields(check, raw, f"negotiation_rules[{i}]", ("id", "rule", "section")))
        for i, raw in enumerate(_list(check, top, "negotiation_rules"))
    )
    _unique(check, "negotiation_rules", [r.id for r in rules])
    helpers = tuple(
        HelpSource(**_fields(check, raw, f"help[{i}]", ("id", "name", "what", "section")))
        for i, raw in enumerate(_list(check, top, "help"))
    )
    _unique(check, "help", [h.id for h in helpers])
    return PlanContent(
        notice=_text(check, top["notice"], "notice"),
        timing=_timing(check, top["timing"]),
        signs=signs,
        verdicts=_advice_map(check, top["verdicts"], "verdicts", VERDICT_IDS, "headline"),
        warnings=_advice_map(check, top["warnings"], "warnings", WARNING_IDS, "title"),
        documents=documents,
        document_caveat=_text(check, top["document_caveat"], "document_caveat"),
        dismissal_law=law,
        business_dismissal=business,
        after_leaving=after_leaving,
        exit_options=options,
        negotiable=tuple(
            _text(check, t, f"negotiable[{i}]")
            for i, t in enumerate(_list(check, top, "negotiable"))
        ),
        negotiable_section=_text(check, top["negotiable_section"], "negotiable_section"),
        negotiation_rules=rules,
        help=helpers,
        key_dates=_advice_map(check, top["key_dates"], "key_dates", KEY_DATE_IDS, "title"),
    )


def _text(check: Checker, value: Any, where: str) -> str:
    """Text with folded-scalar line breaks and stray spaces collapsed."""
    return " ".join(check.text(value, where).split())


def _list(check: Checker, top: Mapping[str, Any], key: str) -> list[Any]:
    return check.sequence(top[key], key)


def _id(check: Checker, value: Any, where: str) -> str:
    text = check.text(value, where)
    if not _ID_RE.match(text):
        raise check.fail(where, f"{text!r} is not an id (lower-case letters, digits, _)")
    return text


def _unique(check: Checker, where: str, ids: list[str]) -> None:
    seen: set[str] = set()
    for i, item in enumerate(ids):
        if item in seen:
            raise check.fail(f"{where}[{i}].id", f"duplicate id {item!r}")
        seen.add(item)


def _fields(check: Checker, raw: Any, where: str, keys: tuple[str, ...]) -> dict[str, str]:
    """A mapping of exactly `keys`, all text; `id` keys must look like ids."""
    data = check.mapping(raw, where, required=keys)
    return {
        key: _id(check, data[key], f"{where}.{key}")
        if key == "id"
        else _text(check, data[key], f"{where}.{key}")
        for key in keys
    }


def _law_items(check: Checker, top: Mapping[str, Any], key: str) -> tuple[LawItem, ...]:
    items = tuple(
        LawItem(**_fields(check, raw, f"{key}[{i}]", ("id", "title", "text", "section")))
        for i, raw in enumerate(_list(check, top, key))
    )
    _unique(check, key, [item.id for item in items])
    return items


def _business_dismissal(check: Checker, raw: Any, sign_ids: list[str]) -> BusinessDismissal:
    where = "business_dismissal"
    data = check.mapping(
        raw, where, required=("sign", "title", "summary", "section", "requirements")
    )
    requirements = tuple(
        Principle(**_fields(check, item, f"{where}.requirements[{i}]", Principle.__struct_fields__))
        for i, item in enumerate(check.sequence(data["requirements"], f"{where}.requirements"))
    )
    if len(requirements) != BUSINESS_DISMISSAL_REQUIREMENTS:
        raise check.fail(
            f"{where}.requirements",
            f"expected {BUSINESS_DISMISSAL_REQUIREMENTS} requirements, got {len(requirements)}",
        )
    return BusinessDismissal(
        sign=check.choice(data["sign"], f"{where}.sign", tuple(sign_ids)),
        title=_text(check, data["title"], f"{where}.title"),
        summary=_text(check, data["summary"], f"{where}.summary"),
        section=_text(check, data["section"], f"{where}.section"),
        requirements=requirements,
    )


def _sign(check: Checker, raw: Any, where: str) -> Sign:
    keys = ("id", "label", "question", "yes_means", "section")
    data = check.mapping(
        raw, where, required=keys, optional=("inferred_from", "ruled_out_by", "note")
    )
    facts = {
        key: check.choice(data[key], f"{where}.{key}", RECORD_FACTS)
        for key in ("inferred_from", "ruled_out_by")
        if key in data
    }
    return Sign(
        id=_id(check, data["id"], f"{where}.id"),
        label=_text(check, data["label"], f"{where}.label"),
        question=_text(check, data["question"], f"{where}.question"),
        yes_means=check.choice(data["yes_means"], f"{where}.yes_means", YES_MEANS),
        section=_text(check, data["section"], f"{where}.section"),
        inferred_from=facts.get("inferred_from"),
        ruled_out_by=facts.get("ruled_out_by"),
        note=_text(check, data["note"], f"{where}.note") if "note" in data else "",
    )


def _exit_option(check: Checker, raw: Any, where: str) -> ExitOption:
    keys = ("id", "name", "summary", "pros", "cons", "visa", "section")
    data = check.mapping(raw, where, required=keys)
    return ExitOption(
        id=_id(check, data["id"], f"{where}.id"),
        name=_text(check, data["name"], f"{where}.name"),
        summary=_text(check, data["summary"], f"{where}.summary"),
        pros=tuple(" ".join(t.split()) for t in check.text_list(data["pros"], f"{where}.pros")),
        cons=tuple(" ".join(t.split()) for t in check.text_list(data["cons"], f"{where}.cons")),
        visa=_text(check, data["visa"], f"{where}.visa"),
        section=_text(check, data["section"], f"{where}.section"),
    )


def _advice_map(
    check: Checker, raw: Any, where: str, ids: tuple[str, ...], title_key: str
) -> dict[str, Advice]:
    """A mapping keyed by exactly the engine's ids, each with a title, text and section."""
    data = check.mapping(raw, where, required=ids)
    text_key = "detail" if where == "key_dates" else "advice"
    result = {}
    for key in ids:
        item = _fields(check, data[key], f"{where}.{key}", (title_key, text_key, "section"))
        result[key] = Advice(item[title_key], item[text_key], item["section"])
    return result


def _timing(check: Checker, raw: Any) -> Timing:
    keys = (
        "review_days",
        "immigration_notice_days",
        "insurance_days",
        "status_review_months",
        "short_plan_months",
        "checkin_max_gap_days",
        "evidence_lead_days",
        "evidence_trail_days",
    )
    data = check.mapping(raw, "timing", required=keys)
    limits = {
        "review_days": (1, 30),
        "immigration_notice_days": (1, 90),
        "insurance_days": (1, 90),
        "status_review_months": (1, 24),
        "short_plan_months": (1, 24),
        "checkin_max_gap_days": (1, 366),
        "evidence_lead_days": (0, 366),
        "evidence_trail_days": (0, 366),
    }
    values = {
        key: check.integer(data[key], f"timing.{key}", minimum=low, maximum=high)
        for key, (low, high) in limits.items()
    }
    return Timing(**values)
