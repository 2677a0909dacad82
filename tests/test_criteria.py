"""The criteria content: the shipped file is valid; each kind of mistake gets one clear line."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
import yaml

from careercoach.content import loader as content
from careercoach.errors import ContentError
from careercoach.readiness.criteria import load_criteria

GUIDE_POINTS = {
    "stability": "§1",
    "japanese": "§2",
    "invisible_work": "§3",
    "bridge_role": "§4",
    "soft_assertiveness": "§5",
    "documentation": "§6",
    "relationships": "§7",
    "asking_timing": "§8",
    "results": "§9",
}


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERCOACH_HOME", str(tmp_path / "home"))
    return tmp_path / "home"


def builtin_data() -> dict[str, Any]:
    return content.load_yaml(content.builtin_path("criteria.yaml"))


def write(tmp_path: Path, data: Any, name: str = "criteria.yaml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True))
    return path


def test_builtin_criteria_cover_each_point_of_the_guide_once() -> None:
    criteria = load_criteria()
    assert {c.id: c.section.split()[-1] for c in criteria} == GUIDE_POINTS
    assert all(c.section.startswith("promotion guide §") for c in criteria)
    assert all(c.target > 0 and c.actions and c.why for c in criteria)
    assert all(w > 0 for c in criteria for w in c.weights.values())


def test_results_weigh_most_at_a_foreign_affiliated_employer() -> None:
    """Guide §9 (and §1): results count for little at a Japanese company, much at a
    foreign-affiliated one."""
    results = next(c for c in load_criteria() if c.id == "results")
    weights = results.weights
    assert weights["japanese"] < weights["mixed"] < weights["foreign_affiliated"]
    assert all(w.why.endswith(").") and "§" in w.why for w in results.rules.weightings)


def test_declared_returns_make_a_burst_worth_less_than_a_habit() -> None:
    returns = load_criteria()[0].rules.returns
    assert returns.per_day[0] == 1 and sum(returns.per_day) < 2
    assert sum(returns.per_week) < 7 * sum(returns.per_day)


def test_builtin_relationships_suggests_a_team_lunch_after_six_quiet_weeks() -> None:
    relationships = next(c for c in load_criteria() if c.id == "relationships")
    first = relationships.actions[0]
    assert (first.when, first.days) == ("no_recent_evidence", 42)
    assert "team lunch" in first.text


def mutate(change):
    """A builtin document with one change applied to the first criterion (or the root)."""
    data = builtin_data()
    change(data)
    return data


def _set(path: tuple, value: Any):
    def change(data: dict) -> None:
        target = data["criteria"][0]
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


def _drop(key: str):
    return lambda data: data["criteria"][0].pop(key)


def _duplicate_id(data: dict) -> None:
    data["criteria"][1]["id"] = data["criteria"][0]["id"]


def _second_japanese(data: dict) -> None:
    data["criteria"].append(copy.deepcopy(data["criteria"][1]))
    data["criteria"][-1]["id"] = "japanese_again"


def _no_weight(data: dict) -> None:
    for criterion in data["criteria"]:
        criterion["weight"] = 0


def _root(key: str, value: Any):
    def change(data: dict) -> None:
        target = data
        keys = key.split(".")
        for part in keys[:-1]:
            target = target[int(part)] if isinstance(target, list) else target[part]
        target[keys[-1]] = value

    return change


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (_set(("weight",), "heavy"), "criteria[0].weight: expected a number, got text"),
        (_set(("colour",), "red"), "criteria[0].colour: unknown key"),
        (_drop("why"), "criteria[0]: missing field 'why'"),
        (_set(("weight",), -1), "criteria[0].weight: must be at least 0, got -1"),
        (_set(("target",), 0), "criteria[0].target: must be above 0"),
        (_set(("target",), float("nan")), "criteria[0].target: must be a finite number"),
        (_set(("weight",), 1000), "criteria[0].weight: must be at most 100"),
        (_set(("target",), 3), "criteria[0].target: must be at most 1"),
        (_set(("window_days",), 2.5), "criteria[0].window_days: expected a whole number"),
        (_set(("section",), "the guide"), "criteria[0].section: cite the guide section"),
        (_set(("evidence",), [{"kind": "gossip"}]), "criteria[0].evidence[0].kind: 'gossip'"),
        (_set(("evidence",), []), "criteria[0].evidence: must not be empty"),
        (_set(("measure", "method"), "vibes"), "criteria[0].measure.method: 'vibes' is not"),
        (_set(("measure", "tenure_share"), 1.5), "criteria[0].measure.tenure_share: must be at"),
        (_set(("actions", 0, "when"), "never"), "criteria[0].actions[0].when: 'never'"),
        (_set(("actions", 0, "when"), "below_jlpt_bar"), "does not apply to method 'stability'"),
        (_set(("actions", 0, "days"), 3), "criteria[0].actions[0].days: only no_recent_evidence"),
        (_set(("actions", 2, "types"), ["karaoke"]), "criteria[0].actions[2].types[0]"),
        (
            _set(("weight",), {"japanese": 1}),
            "criteria[0].weight: missing field 'foreign_affiliated'",
        ),
        (_set(("evidence",), [{"kind": "any", "credit": {"x": 2}}]), "'any' takes no credit"),
        (
            _set(("evidence",), [{"kind": "invisible", "credit": {"early": 0.5}}]),
            "criteria[0].evidence[0].credit.early: must be at least 1",
        ),
        (_set(("actions", 0, "text"), "On $next_exam"), "only the japanese criterion may use"),
        (_duplicate_id, "criteria[1].id: duplicate id 'stability'"),
        (_second_japanese, "needs exactly one criterion with method 'japanese'"),
        (_no_weight, "at least one criterion needs a japanese weight above 0"),
        (_root("weightings.default", "swiss"), "weightings.default: 'swiss' is not one of"),
        (_root("weightings.sets.0.company_types", ["foreign"]), "'foreign' is taken"),
        (_root("weightings.sets.0.company_types", ["bank"]), "'bank' is not one of"),
        (_root("diminishing_returns.per_day", [1, 0.5, 0.75]), "start at 1 and never rise"),
        (_root("diminishing_returns.per_week", [0.5]), "start at 1 and never rise"),
        (_root("diminishing_returns.per_day", []), "per_day: must not be empty"),
        (_root("jlpt.pass_marks.N1", 95), "jlpt.pass_marks.N1: the validation table says 100"),
        (_root("jlpt.sections.N4", {"listening": [60, 19]}), "jlpt.sections.N4: the validation"),
        (_root("jlpt.exam_months", [13]), "jlpt.exam_months[0]: must be at most 12"),
        (_root("jlpt.exam_months", [6, 12]), "jlpt.exam_months: the exam table says [7, 12]"),
        (
            _root("jlpt.registration_closes_months_before", 2),
            "jlpt.registration_closes_months_before: the exam table says 3",
        ),
    ],
)
def test_content_mistake_gives_one_line_naming_file_and_key(tmp_path, change, expected) -> None:
    path = write(tmp_path, mutate(change))
    with pytest.raises(ContentError) as caught:
        load_criteria(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("criteria: !!python/object/apply:os.system ['true']\n", "line 1"),
        ("base: &w {weight: 1}\ncriteria: [*w]\n", "YAML aliases (*w) are not allowed"),
        ("criteria: [\n", "line"),
        ("- just\n- a list\n", "expected a mapping, got a list"),
    ],
)
def test_unsafe_or_broken_yaml_is_refused(tmp_path, text, expected) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ContentError, match=r"criteria\.yaml") as caught:
        load_criteria(path)
    assert expected in str(caught.value)


def test_user_override_changes_weights_and_targets(home: Path) -> None:
    override = home / "config" / "criteria.yaml"
    override.parent.mkdir(parents=True)
    override.write_text("criteria:\n  japanese: {weight: 3}\n  relationships: {target: 2}\n")
    by_id = {c.id: c for c in load_criteria()}
    assert set(by_id["japanese"].weights.values()) == {3}
    assert by_id["relationships"].target == 2
    assert by_id["relationships"].weights["japanese"] == 1.0
    assert [c.id for c in load_criteria()] == list(GUIDE_POINTS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("criteria:\n  japanese: {weight: lots}\n", "criteria.japanese.weight: expected a number"),
        ("criteria:\n  japanese: {window_days: 3}\n", "criteria.japanese.window_days: unknown key"),
        ("criteria:\n  karaoke: {weight: 1}\n", "criteria.karaoke: unknown criterion"),
        ("criteria:\n  japanese: {weight: -2}\n", "criteria.japanese.weight: must be at least 0"),
        ("criteria:\n  japanese: {weight: .nan}\n", "criteria.japanese.weight: must be a finite"),
        ("criteria:\n  stability: {target: 4}\n", "criteria.stability.target: must be at most 1"),
        ("criteria:\n  japanese: 3\n", "criteria.japanese: expected a mapping, got a number"),
        ("weights: {}\n", "document.weights: unknown key"),
        ("criteria:\n  japanese: !!python/name:os.system {}\n", "line 2"),
        ("a: &x {weight: 1}\ncriteria:\n  japanese: *x\n", "YAML aliases (*x) are not allowed"),
    ],
)
def test_bad_user_override_names_its_file_and_key(home: Path, text: str, expected: str) -> None:
    override = home / "config" / "criteria.yaml"
    override.parent.mkdir(parents=True)
    override.write_text(text)
    with pytest.raises(ContentError) as caught:
        load_criteria()
    assert str(caught.value).startswith(str(override))
    assert expected in str(caught.value)


def test_override_may_not_zero_every_weight(tmp_path: Path) -> None:
    lines = ["criteria:"] + [f"  {cid}: {{weight: 0}}" for cid in GUIDE_POINTS]
    override = write(tmp_path, "\n".join(lines) + "\n", "override.yaml")
    with pytest.raises(ContentError, match="at least one criterion needs a japanese weight"):
        load_criteria(override=override)


def test_oversized_content_file_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "# padding\n" * (content.MAX_CONTENT_BYTES // 10 + 1))
    with pytest.raises(ContentError, match="too large"):
        load_criteria(path)
