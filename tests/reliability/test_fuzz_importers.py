"""Fuzz every importer and content loader: accept, or refuse with our own error.

Any other exception (TypeError, KeyError, ...) would reach the user as a traceback.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercoach.checkin import parse_checkin
from careercoach.content import loader as content
from careercoach.errors import CareerCoachError
from careercoach.exchange.backup_import import parse_backup
from careercoach.exchange.jrnl_import import read_jrnl
from careercoach.journal.plan_schema import RECORD_FIELDS
from careercoach.phrasing import load_phrasing
from careercoach.plan.content import parse_plan_content
from careercoach.plan.record import PlanRecord
from careercoach.readiness.criteria import parse_criteria

fuzz = settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=True),
    st.text(max_size=20),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4), st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=25,
)
entry_keys = st.sampled_from(
    ["id", "date", "kind", "title", "notes", "tags", "details", "created", "updated", "extra"]
)
entry_like = st.dictionaries(entry_keys, json_values, max_size=9)
backup_like = st.fixed_dictionaries(
    {
        "app": st.just("careercoach"),
        "schema": st.one_of(st.just(1), scalars),
        "entries": st.one_of(st.lists(entry_like, max_size=4), json_values),
    },
    optional={"profile": json_values, "plan": json_values, "range": json_values},
)
jrnl_entry = st.dictionaries(
    st.sampled_from(["title", "body", "date", "time", "tags", "starred"]),
    st.one_of(json_values, st.just("2026-11-20"), st.just("09:30"), st.just(["@work"])),
    max_size=6,
)
jrnl_like = st.fixed_dictionaries(
    {"tags": json_values, "entries": st.one_of(st.lists(jrnl_entry, max_size=4), json_values)}
)


# libyaml's emitter when PyYAML has it: the pure-Python one took most of the time of
# the phrasing fuzz test (writing a mutated copy of the file for each example).
SafeDumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


def accepts_or_explains(action) -> None:
    with contextlib.suppress(CareerCoachError):
        action()


@fuzz
@given(st.one_of(backup_like, json_values))
def test_backup_parser(document) -> None:
    accepts_or_explains(lambda: parse_backup(document, Path("backup.json")))


@fuzz
@given(st.one_of(jrnl_like, json_values))
def test_jrnl_reader(tmp_path_factory, document) -> None:
    path = tmp_path_factory.mktemp("jrnl") / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    accepts_or_explains(lambda: read_jrnl(path))


@fuzz
@given(
    st.one_of(
        st.dictionaries(
            st.sampled_from(RECORD_FIELDS),
            json_values,
            max_size=10,
        ),
        json_values,
    )
)
def test_plan_record(document) -> None:
    accepts_or_explains(lambda: PlanRecord.from_dict(document))


def mutations(name: str):
    """The shipped content file with one value somewhere replaced by something random."""
    original = yaml.safe_load(content.builtin_path(name).read_text(encoding="utf-8"))

    def mutate(value, pick, replacement):
        if isinstance(value, dict) and value:
            key = sorted(value)[pick % len(value)]
            return {
                **value,
                key: mutate(value[key], pick // 7, replacement) if pick % 3 else replacement,
            }
        if isinstance(value, list) and value:
            index = pick % len(value)
            copy = list(value)
            copy[index] = mutate(value[index], pick // 5, replacement) if pick % 2 else replacement
            return copy
        return replacement

    return st.builds(
        lambda pick, rep: mutate(original, pick, rep), st.integers(0, 10**6), json_values
    )


@fuzz
@given(mutations("criteria.yaml"))
def test_criteria_loader(document) -> None:
    accepts_or_explains(lambda: parse_criteria(document, "criteria.yaml"))


@fuzz
@given(mutations("improvement_plan.yaml"))
def test_plan_content_loader(document) -> None:
    accepts_or_explains(lambda: parse_plan_content(document, "improvement_plan.yaml"))


@fuzz
@given(mutations("checkin.yaml"))
def test_checkin_loader(document) -> None:
    accepts_or_explains(lambda: parse_checkin(document, "checkin.yaml"))


@fuzz
@given(mutations("phrasing.yaml"))
def test_phrasing_loader(tmp_path_factory, document) -> None:
    path = tmp_path_factory.mktemp("phrasing") / "phrasing.yaml"
    path.write_text(yaml.dump(document, Dumper=SafeDumper, allow_unicode=True), encoding="utf-8")
    accepts_or_explains(lambda: load_phrasing(path))
