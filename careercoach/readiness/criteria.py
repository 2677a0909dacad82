"""The readiness criteria: loading `content/criteria.yaml` and checking every field.

The criteria are content, not code, so a reviewer can see each rule, its weight and
the guide section it comes from. A user may re-weight them (and change targets) with
a `criteria.yaml` in the config folder, nothing more: the text and the rules stay ours.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import msgspec
import msgspec.structs

from careercoach import content, paths
from careercoach.content import Checker
from careercoach.model import (
    COMPANY_TYPES,
    JLPT_EXAM_MONTHS,
    JLPT_LEVELS,
    JLPT_PASS_MARKS,
    JLPT_REGISTRATION_CLOSES_MONTHS_BEFORE,
    JLPT_REGISTRATION_OPENS_MONTHS_BEFORE,
    JLPT_SECTIONS,
    JLPT_TOTAL_MAX,
    KINDS,
    TARGET_ROLES,
)

ANY_KIND = "any"
METHODS = ("evidence", "stability", "japanese", "timing")
SPECIAL_METHODS = ("stability", "japanese", "timing")

# Keys each measure method needs besides `method`; the value says how to check it.
_SHARE = ("share", 0.0, 1.0)
_DAYS = ("days", 1, 3650)
MEASURE_KEYS: dict[str, dict[str, tuple[Any, ...]]] = {
    "evidence": {},
    "stability": {"tenure_days": _DAYS, "tenure_share": _SHARE},
    "japanese": {"level_share": _SHARE, "bar": ("bar",)},
    "timing": {
        "after_project_days": _DAYS,
        "after_evaluation_days": _DAYS,
        "japanese_improved_days": _DAYS,
        "contract_renewal_days": _DAYS,
        "ask_cooldown_days": _DAYS,
        "ready_overall": ("score",),
    },
}

# Action conditions: which methods may use them. `no_recent_evidence` needs `days`.
CONDITIONS: dict[str, tuple[str, ...]] = {
    "no_recent_evidence": METHODS,
    "below_target": METHODS,
    "no_start_date": ("stability",),
    "irregular_checkins": ("stability",),
    "no_jlpt_level": ("japanese",),
    "below_jlpt_bar": ("japanese",),
    "no_occasion": ("timing",),
    "repeated_asks": ("timing",),
}
# Entries older than a window must not count, so occasions must fit inside it.
OCCASION_WINDOW_KEYS = ("after_project_days", "after_evaluation_days", "japanese_improved_days")

CRITERION_KEYS = (
    "id",
    "title",
    "section",
    "why",
    "label",
    "weight",
    "evidence",
    "window_days",
    "target",
    "half_life_days",
    "actions",
)
OVERRIDABLE = ("weight", "target")
DOCUMENT_KEYS = ("weightings", "diminishing_returns", "jlpt", "criteria")
# A sub-type may raise an entry's credit (a JLPT attempt, a major project), never
# lower it: an entry logged without one always earns the full base credit.
MAX_CREDIT = 5.0
MAX_FACTORS = 20
EXAM_PLACEHOLDER = "$next_exam"


class EvidenceRule(msgspec.Struct, frozen=True):
    """Every entry of `kind` (any kind for "any") counts; `credit` raises some sub-types."""

    kind: str
    credit: Mapping[str, float] = msgspec.field(default_factory=lambda: MappingProxyType({}))

    def matches(self, kind: str) -> bool:
        return self.kind in (ANY_KIND, kind)

    def credit_for(self, subtype: Any) -> float:
        return self.credit.get(subtype, 1.0) if isinstance(subtype, str) else 1.0


class Weighting(msgspec.Struct, frozen=True):
    """One set of criterion weights, chosen by the profile's company type (guide §9)."""

    id: str
    title: str
    company_types: tuple[str, ...]
    why: str


class Returns(msgspec.Struct, frozen=True):
    """Diminishing returns: the k-th entry of a day (then of a week) counts factor k;
    entries past the end of a list count nothing. A habit beats a burst (guide §1)."""

    per_day: tuple[float, ...]
    per_week: tuple[float, ...]
    section: str
    why: str


class JlptFacts(msgspec.Struct, frozen=True):
    """The official JLPT facts the actions and explanations quote (cited in the content)."""

    source: str
    results_after_days: int
    registration: str


class Rules(msgspec.Struct, frozen=True):
    """The document-wide rules every criterion carries, so any subset still scores."""

    weightings: tuple[Weighting, ...]
    default_weighting: str
    returns: Returns
    jlpt: JlptFacts

    def weighting_for(self, company_type: str) -> Weighting:
        """The weighting the company type selects; no company type gives the default."""
        for weighting in self.weightings:
            if company_type in weighting.company_types:
                return weighting
        return next(w for w in self.weightings if w.id == self.default_weighting)


class Action(msgspec.Struct, frozen=True):
    """A next-action suggestion and the condition (`when`) that selects it."""

    when: str
    text: str
    days: int = 0
    types: tuple[str, ...] = ()


class Criterion(msgspec.Struct, frozen=True):
    """One point of the promotion guide, as a scoring rule."""

    id: str
    title: str
    section: str
    why: str
    label: str
    weights: Mapping[str, float]
    evidence: tuple[EvidenceRule, ...]
    window_days: int
    target: float
    half_life_days: float
    actions: tuple[Action, ...]
    rules: Rules
    method: str = "evidence"
    measure: Mapping[str, Any] = msgspec.field(default_factory=lambda: MappingProxyType({}))

    def credit(self, kind: str, subtype: Any) -> float:
        """What one entry of this kind and sub-type is worth here (0: not evidence)."""
        return max((r.credit_for(subtype) for r in self.evidence if r.matches(kind)), default=0.0)

    def counts(self, kind: str, subtype: Any) -> bool:
        """Whether an entry of this kind is evidence here (every sub-type, or none, is)."""
        return self.credit(kind, subtype) > 0

    def weight_for(self, weighting: Weighting) -> float:
        return self.weights[weighting.id]


def load_criteria(
    path: Path | None = None, *, override: Path | None = None
) -> tuple[Criterion, ...]:
    """The built-in criteria (or `path`), with the user's weights and targets applied."""
    source = path or content.builtin_path("criteria.yaml")
    criteria = parse_criteria(content.load_yaml(source), source)
    if override is None:
        user_file = paths.user_criteria_path()
        override = user_file if user_file.is_file() else None
    if override is not None:
        criteria = apply_override(criteria, content.load_yaml(override), override)
    return criteria


def parse_criteria(data: Any, source: str | Path) -> tuple[Criterion, ...]:
    """Validate the whole criteria document; the first mistake raises ContentError."""
    check = Checker(source)
    root = check.mapping(data, "document", required=DOCUMENT_KEYS)
    rules = Rules(
        *_weightings(check, root["weightings"]),
        returns=_returns(check, root["diminishing_returns"]),
        jlpt=_jlpt(check, root["jlpt"]),
    )
    items = check.sequence(root["criteria"], "criteria")
    criteria = tuple(
        _criterion(check, item, f"criteria[{i}]", rules) for i, item in enumerate(items)
    )
    seen: set[str] = set()
    for i, criterion in enumerate(criteria):
        if criterion.id in seen:
            raise check.fail(f"criteria[{i}].id", f"duplicate id {criterion.id!r}")
        seen.add(criterion.id)
    for method in SPECIAL_METHODS:
        count = sum(c.method == method for c in criteria)
        if count != 1:
            raise check.fail("criteria", f"needs exactly one criterion with method {method!r}")
    _check_total_weight(check, criteria)
    return criteria


def apply_override(
    criteria: tuple[Criterion, ...], data: Any, source: str | Path
) -> tuple[Criterion, ...]:
    """Apply a user file of `criteria: {id: {weight: .., target: ..}}`."""
    check = Checker(source)
    root = check.mapping(data, "document", required=("criteria",))
    by_id = {c.id: c for c in criteria}
    changes = check.mapping(root["criteria"], "criteria")
    updated = dict(by_id)
    for criterion_id, raw in changes.items():
        where = f"criteria.{criterion_id}"
        if criterion_id not in by_id:
            raise check.fail(where, f"unknown criterion (known: {', '.join(by_id)})")
        if not isinstance(raw, Mapping):
            raise check.fail(where, f"expected a mapping, got {content.type_name(raw)}")
        for key in raw:
            if key not in OVERRIDABLE:
                raise check.fail(
                    f"{where}.{key}", "unknown key (an override may set only weight and target)"
                )
        current = by_id[criterion_id]
        weights = current.weights
        if "weight" in raw:  # one number: the same weight whatever the company type
            weight = _weight(check, raw["weight"], f"{where}.weight")
            weights = MappingProxyType(dict.fromkeys(weights, weight))
        target = current.target
        if "target" in raw:
            target = _target(check, raw["target"], f"{where}.target", current.method)
        updated[criterion_id] = msgspec.structs.replace(current, weights=weights, target=target)
    result = tuple(updated[c.id] for c in criteria)
    _check_total_weight(check, result)
    return result


def _check_total_weight(check: Checker, criteria: tuple[Criterion, ...]) -> None:
    for weighting in criteria[0].rules.weightings if criteria else ():
        if not any(c.weight_for(weighting) > 0 for c in criteria):
            raise check.fail(
                "criteria", f"at least one criterion needs a {weighting.id} weight above 0"
            )


def _weightings(check: Checker, raw: Any) -> tuple[tuple[Weighting, ...], str]:
    where = "weightings"
    data = check.mapping(raw, where, required=("default", "sets"))
    weightings: list[Weighting] = []
    claimed: set[str] = set()
    for i, item in enumerate(check.sequence(data["sets"], f"{where}.sets")):
        at = f"{where}.sets[{i}]"
        fields = check.mapping(item, at, required=("id", "title", "company_types", "why"))
        weighting_id = check.text(fields["id"], f"{at}.id")
        if any(w.id == weighting_id for w in weightings):
            raise check.fail(f"{at}.id", f"duplicate weighting {weighting_id!r}")
        types = check.text_list(fields["company_types"], f"{at}.company_types", allow_empty=True)
        for j, company_type in enumerate(types):
            check.choice(company_type, f"{at}.company_types[{j}]", COMPANY_TYPES)
            if company_type in claimed:
                raise check.fail(f"{at}.company_types[{j}]", f"{company_type!r} is taken")
            claimed.add(company_type)
        why = _section(check, fields["why"], f"{at}.why")
        weightings.append(
            Weighting(weighting_id, check.text(fields["title"], f"{at}.title"), types, why)
        )
    ids = tuple(w.id for w in weightings)
    default = check.choice(data["default"], f"{where}.default", ids)
    return tuple(weightings), default


def _returns(check: Checker, raw: Any) -> Returns:
    where = "diminishing_returns"
    data = check.mapping(raw, where, required=("section", "why", "per_day", "per_week"))
    factors = {}
    for key in ("per_day", "per_week"):
        items = check.sequence(data[key], f"{where}.{key}")
        if len(items) > MAX_FACTORS:
            raise check.fail(f"{where}.{key}", f"at most {MAX_FACTORS} factors")
        values = tuple(_finite(check, v, f"{where}.{key}[{i}]", 0, 1) for i, v in enumerate(items))
        if values[0] != 1 or any(b > a for a, b in itertools.pairwise(values)):
            raise check.fail(f"{where}.{key}", "start at 1 and never rise (each entry counts less)")
        factors[key] = values
    return Returns(
        per_day=factors["per_day"],
        per_week=factors["per_week"],
        section=_section(check, data["section"], f"{where}.section"),
        why=check.text(data["why"], f"{where}.why"),
    )


def _jlpt(check: Checker, raw: Any) -> JlptFacts:
    """The cited facts; the scoring part must agree with the model's validation table."""
    where = "jlpt"
    keys = ("source", "total", "pass_marks", "sections", "exam_months", "results_after_days")
    window = ("registration_opens_months_before", "registration_closes_months_before")
    data = check.mapping(raw, where, required=(*keys, "registration", *window))
    check.text(data["source"], f"{where}.source")
    if data["total"] != JLPT_TOTAL_MAX:
        raise check.fail(f"{where}.total", f"the validation table says {JLPT_TOTAL_MAX}")
    marks = check.mapping(data["pass_marks"], f"{where}.pass_marks", required=JLPT_LEVELS)
    sections = check.mapping(data["sections"], f"{where}.sections", required=JLPT_LEVELS)
    for level in JLPT_LEVELS:
        if marks[level] != JLPT_PASS_MARKS[level]:
            raise check.fail(
                f"{where}.pass_marks.{level}",
                f"the validation table says {JLPT_PASS_MARKS[level]}",
            )
        stated = check.mapping(sections[level], f"{where}.sections.{level}")
        expected = {name: [most, least] for name, most, least in JLPT_SECTIONS[level]}
        if {k: list(v) if isinstance(v, list) else v for k, v in stated.items()} != expected:
            raise check.fail(f"{where}.sections.{level}", f"the validation table says {expected}")
    months = check.sequence(data["exam_months"], f"{where}.exam_months")
    stated_months = tuple(
        check.integer(m, f"{where}.exam_months[{i}]", minimum=1, maximum=12)
        for i, m in enumerate(months)
    )
    if stated_months != JLPT_EXAM_MONTHS:
        raise check.fail(f"{where}.exam_months", f"the exam table says {list(JLPT_EXAM_MONTHS)}")
    table = (JLPT_REGISTRATION_OPENS_MONTHS_BEFORE, JLPT_REGISTRATION_CLOSES_MONTHS_BEFORE)
    for key, expected in zip(window, table, strict=True):
        if check.integer(data[key], f"{where}.{key}", minimum=1, maximum=11) != expected:
            raise check.fail(f"{where}.{key}", f"the exam table says {expected}")
    return JlptFacts(
        source=data["source"],
        results_after_days=check.integer(
            data["results_after_days"], f"{where}.results_after_days", minimum=1, maximum=365
        ),
        registration=check.text(data["registration"], f"{where}.registration"),
    )


def _criterion(check: Checker, raw: Any, where: str, rules: Rules) -> Criterion:
    data = check.mapping(raw, where, required=CRITERION_KEYS, optional=("measure",))
    criterion_id = check.text(data["id"], f"{where}.id")
    if not criterion_id.replace("_", "").isalnum() or not criterion_id.islower():
        raise check.fail(f"{where}.id", "use lowercase letters, digits and _")
    method, measure = _measure(check, data.get("measure", {"method": "evidence"}), where)
    evidence = _evidence(check, data["evidence"], f"{where}.evidence")
    window = check.integer(data["window_days"], f"{where}.window_days", minimum=7, maximum=3650)
    for key in OCCASION_WINDOW_KEYS:
        if key in measure and measure[key] > window:
            raise check.fail(f"{where}.measure.{key}", f"must not exceed window_days ({window})")
    return Criterion(
        id=criterion_id,
        title=check.text(data["title"], f"{where}.title"),
        section=_section(check, data["section"], f"{where}.section"),
        why=check.text(data["why"], f"{where}.why"),
        label=check.text(data["label"], f"{where}.label"),
        weights=_weights(check, data["weight"], f"{where}.weight", rules.weightings),
        evidence=evidence,
        window_days=window,
        target=_target(check, data["target"], f"{where}.target", method),
        half_life_days=_finite(check, data["half_life_days"], f"{where}.half_life_days", 1, 3650),
        actions=_actions(check, data["actions"], f"{where}.actions", method, evidence),
        rules=rules,
        method=method,
        measure=MappingProxyType(measure),
    )


def _section(check: Checker, value: Any, where: str) -> str:
    text = check.text(value, where)
    if "§" not in text:
        raise check.fail(where, "cite the guide section, e.g. 'promotion guide §3'")
    return text


def _finite(check: Checker, value: Any, where: str, minimum: float, maximum: float) -> float:
    """A number in range; YAML's .nan would slip past plain comparisons, so refuse it."""
    number = float(check.number(value, where, minimum=minimum, maximum=maximum))
    if not math.isfinite(number):
        raise check.fail(where, "must be a finite number")
    return number


def _weight(check: Checker, value: Any, where: str) -> float:
    return _finite(check, value, where, 0, 100)


def _weights(
    check: Checker, value: Any, where: str, weightings: tuple[Weighting, ...]
) -> Mapping[str, float]:
    """One number for every weighting, or a number per weighting id (all of them)."""
    ids = tuple(w.id for w in weightings)
    if not isinstance(value, Mapping):
        return MappingProxyType(dict.fromkeys(ids, _weight(check, value, where)))
    data = check.mapping(value, where, required=ids)
    return MappingProxyType({i: _weight(check, data[i], f"{where}.{i}") for i in ids})


def _target(check: Checker, value: Any, where: str, method: str) -> float:
    """Stability's target is a share of weeks (0-1]; the others count evidence."""
    maximum = 1.0 if method == "stability" else 1000.0
    target = _finite(check, value, where, -math.inf, maximum)
    if target <= 0:
        raise check.fail(where, f"must be above 0, got {target:g}")
    return target


def _measure(check: Checker, raw: Any, where: str) -> tuple[str, dict[str, Any]]:
    where = f"{where}.measure"
    if not isinstance(raw, Mapping):
        raise check.fail(where, f"expected a mapping, got {content.type_name(raw)}")
    if "method" not in raw:
        raise check.fail(where, "missing field 'method'")
    method = check.choice(raw["method"], f"{where}.method", METHODS)
    specs = MEASURE_KEYS[method]
    check.mapping(raw, where, required=("method", *specs))
    measure: dict[str, Any] = {}
    for key, spec in specs.items():
        value, at = raw[key], f"{where}.{key}"
        if spec[0] == "share":
            measure[key] = _finite(check, value, at, spec[1], spec[2])
        elif spec[0] == "days":
            measure[key] = check.integer(value, at, minimum=spec[1], maximum=spec[2])
        elif spec[0] == "score":
            measure[key] = check.integer(value, at, minimum=0, maximum=100)
        else:
            bar = check.mapping(value, at, required=TARGET_ROLES)
            measure[key] = MappingProxyType(
                {
                    role: check.choice(bar[role], f"{at}.{role}", JLPT_LEVELS)
                    for role in TARGET_ROLES
                }
            )
    return method, measure


def _evidence(check: Checker, raw: Any, where: str) -> tuple[EvidenceRule, ...]:
    rules = []
    for i, item in enumerate(check.sequence(raw, where)):
        at = f"{where}[{i}]"
        data = check.mapping(item, at, required=("kind",), optional=("credit",))
        kind = check.choice(data["kind"], f"{at}.kind", (ANY_KIND, *KINDS))
        credit: dict[str, float] = {}
        if "credit" in data:
            if kind == ANY_KIND:
                raise check.fail(f"{at}.credit", "kind 'any' takes no credit")
            raw_credit = check.mapping(data["credit"], f"{at}.credit")
            for subtype, value in raw_credit.items():
                check.choice(subtype, f"{at}.credit", KINDS[kind].subtypes)
                credit[subtype] = _finite(check, value, f"{at}.credit.{subtype}", 1, MAX_CREDIT)
        rules.append(EvidenceRule(kind, MappingProxyType(credit)))
    return tuple(rules)


def _actions(
    check: Checker, raw: Any, where: str, method: str, evidence: tuple[EvidenceRule, ...]
) -> tuple[Action, ...]:
    actions = []
    known_types = _evidence_types(evidence)
    for i, item in enumerate(check.sequence(raw, where)):
        at = f"{where}[{i}]"
        data = check.mapping(item, at, required=("when", "text"), optional=("days", "types"))
        when = check.choice(data["when"], f"{at}.when", CONDITIONS)
        if method not in CONDITIONS[when]:
            raise check.fail(f"{at}.when", f"{when!r} does not apply to method {method!r}")
        text = check.text(data["text"], f"{at}.text")
        if EXAM_PLACEHOLDER in text and method != "japanese":
            raise check.fail(
                f"{at}.text", f"only the japanese criterion may use {EXAM_PLACEHOLDER}"
            )
        if when != "no_recent_evidence":
            for key in ("days", "types"):
                if key in data:
                    raise check.fail(f"{at}.{key}", f"only no_recent_evidence takes {key}")
            actions.append(Action(when, text))
            continue
        if "days" not in data:
            raise check.fail(at, "missing field 'days'")
        days = check.integer(data["days"], f"{at}.days", minimum=1, maximum=3650)
        types: tuple[str, ...] = ()
        if "types" in data:
            names = check.text_list(data["types"], f"{at}.types")
            types = tuple(
                check.choice(t, f"{at}.types[{j}]", known_types) for j, t in enumerate(names)
            )
        actions.append(Action(when, text, days, types))
    return tuple(actions)


def _evidence_types(evidence: tuple[EvidenceRule, ...]) -> tuple[str, ...]:
    """Every sub-type of the criterion's evidence kinds (for action filters)."""
    names: list[str] = []
    for rule in evidence:
        kinds = KINDS.values() if rule.kind == ANY_KIND else (KINDS[rule.kind],)
        for spec in kinds:
            names += [t for t in spec.subtypes if t not in names]
    return tuple(names)


def find_method(criteria: tuple[Criterion, ...], method: str) -> Criterion | None:
    """The criterion computed by `method` ("stability", "japanese" or "timing")."""
    return next((c for c in criteria if c.method == method), None)
