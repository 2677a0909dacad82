"""The readiness criteria: loading `content/criteria.yaml` and checking every field.

The criteria are content, not code, so a reviewer can see each rule, its weight and
the guide section it comes from. A user may re-weight them (and change targets) with
a `criteria.yaml` in the config folder, nothing more: the text and the rules stay ours.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

import msgspec
import msgspec.structs

from careercoach import content, paths
from careercoach.content import Checker
from careercoach.model import JLPT_LEVELS, KINDS, TARGET_ROLES

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


class EvidenceRule(msgspec.Struct, frozen=True):
    """Entries of `kind` (any kind for "any") and, when given, only these sub-types."""

    kind: str
    types: tuple[str, ...] = ()

    def matches(self, kind: str, subtype: Any) -> bool:
        if self.kind != ANY_KIND and kind != self.kind:
            return False
        return not self.types or subtype in self.types


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
    weight: float
    evidence: tuple[EvidenceRule, ...]
    window_days: int
    target: float
    half_life_days: float
    actions: tuple[Action, ...]
    method: str = "evidence"
    measure: Mapping[str, Any] = msgspec.field(default_factory=lambda: MappingProxyType({}))

    def counts(self, kind: str, subtype: Any) -> bool:
        """Whether an entry of this kind and sub-type is evidence for the criterion."""
        return any(rule.matches(kind, subtype) for rule in self.evidence)


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
    root = check.mapping(data, "document", required=("criteria",))
    items = check.sequence(root["criteria"], "criteria")
    criteria = tuple(_criterion(check, item, f"criteria[{i}]") for i, item in enumerate(items))
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
        weight = current.weight
        if "weight" in raw:
            weight = _weight(check, raw["weight"], f"{where}.weight")
        target = current.target
        if "target" in raw:
            target = _target(check, raw["target"], f"{where}.target", current.method)
        updated[criterion_id] = msgspec.structs.replace(current, weight=weight, target=target)
    result = tuple(updated[c.id] for c in criteria)
    _check_total_weight(check, result)
    return result


def _check_total_weight(check: Checker, criteria: tuple[Criterion, ...]) -> None:
    if not any(c.weight > 0 for c in criteria):
        raise check.fail("criteria", "at least one criterion needs a weight above 0")


def _criterion(check: Checker, raw: Any, where: str) -> Criterion:
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
        weight=_weight(check, data["weight"], f"{where}.weight"),
        evidence=evidence,
        window_days=window,
        target=_target(check, data["target"], f"{where}.target", method),
        half_life_days=_finite(check, data["half_life_days"], f"{where}.half_life_days", 1, 3650),
        actions=_actions(check, data["actions"], f"{where}.actions", method, evidence),
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
        data = check.mapping(item, at, required=("kind",), optional=("types",))
        kind = check.choice(data["kind"], f"{at}.kind", (ANY_KIND, *KINDS))
        types: tuple[str, ...] = ()
        if "types" in data:
            if kind == ANY_KIND:
                raise check.fail(f"{at}.types", "kind 'any' takes no types")
            names = check.text_list(data["types"], f"{at}.types")
            types = tuple(
                check.choice(t, f"{at}.types[{j}]", KINDS[kind].subtypes)
                for j, t in enumerate(names)
            )
        rules.append(EvidenceRule(kind, types))
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
    """Every sub-type that can be evidence for a criterion (for action filters)."""
    names: list[str] = []
    for rule in evidence:
        kinds = KINDS.values() if rule.kind == ANY_KIND else (KINDS[rule.kind],)
        for spec in kinds:
            names += [t for t in (rule.types or spec.subtypes) if t not in names]
    return tuple(names)


def find_method(criteria: tuple[Criterion, ...], method: str) -> Criterion | None:
    """The criterion computed by `method` ("stability", "japanese" or "timing")."""
    return next((c for c in criteria if c.method == method), None)
