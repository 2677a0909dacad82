"""Importing careercoach JSON backups: merge, exact restore, dry run, and refusals."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.exchange.transfer import import_file
from careercoach.journal.api import Draft, Journal
from careercoach.journal.schema import SCHEMA_VERSION
from careercoach.model import Profile
from careercoach.plan.record import add_goal, new_plan

DAY = dt.date(2026, 11, 2)
PLAN = add_goal(new_plan(dt.date(2026, 10, 1), dt.date(2026, 12, 31)), "Ship the report").to_dict()


def run(journal_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--journal", str(journal_path), "import", *args])


def record(entry_id: str, **fields) -> dict:
    data = {
        "id": entry_id,
        "date": "2026-10-05",
        "kind": "note",
        "title": f"Entry {entry_id}",
        "notes": "",
        "tags": [],
        "details": {},
        "created": "2026-10-05T09:00:00+00:00",
        "updated": "2026-10-05T09:00:00+00:00",
    }
    data.update(fields)
    return data


def backup(*entries: dict, profile: dict | None = None, plan: dict | None = None, **top) -> dict:
    document = {
        "app": "careercoach",
        "schema": SCHEMA_VERSION,
        "profile": profile or {},
        "plan": plan,
        "entries": list(entries),
    }
    document.update(top)
    return document


def write(path: Path, document: dict) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def filled(journal: Journal) -> Journal:
    journal.add(Draft(DAY, "achievement", "Led the launch", details={"type": "major_project"}))
    journal.save_profile(Profile(name="Alex", jlpt_level="N2"))
    return journal


def test_merge_twice_adds_nothing_the_second_time(journal: Journal, tmp_path: Path) -> None:
    source = write(tmp_path / "b.json", backup(record("aaa111"), record("bbb222")))
    first = import_file(journal, source)
    second = import_file(journal, source)
    assert sorted(first.added) == ["aaa111", "bbb222"]
    assert (second.added, second.updated, sorted(second.unchanged)) == (
        (),
        (),
        ["aaa111", "bbb222"],
    )
    assert journal.count() == 2
    assert not second.changed


def test_merge_adds_updates_and_keeps_what_the_file_lacks(filled: Journal, tmp_path: Path) -> None:
    mine = filled.entries()[0]
    changed = mine.to_dict() | {"title": "Led the launch (edited elsewhere)"}
    source = write(
        tmp_path / "b.json",
        backup(changed, record("ccc333"), profile={"name": "Someone Else"}, plan=PLAN),
    )
    report = import_file(filled, source)
    assert report.added == ("ccc333",)
    assert report.updated == (mine.id,)
    assert filled.get(mine.id).title == "Led the launch (edited elsewhere)"
    assert report.profile == "kept"
    assert filled.profile().name == "Alex"  # a non-empty profile is never overwritten
    assert report.plan == "imported"
    assert filled.plan() == PLAN


def test_merge_takes_the_profile_into_an_empty_journal(journal: Journal, tmp_path: Path) -> None:
    source = write(tmp_path / "b.json", backup(profile={"name": "Alex", "jlpt_level": "N3"}))
    report = import_file(journal, source)
    assert report.profile == "imported"
    assert journal.profile() == Profile(name="Alex", jlpt_level="N3")


def test_merge_keeps_an_existing_plan(filled: Journal, tmp_path: Path) -> None:
    filled.save_plan(PLAN)
    source = write(
        tmp_path / "b.json",
        backup(plan=new_plan(dt.date(2020, 1, 1), dt.date(2020, 3, 31)).to_dict()),
    )
    report = import_file(filled, source)
    assert (report.plan, report.profile) == ("kept", "kept")
    assert filled.plan() == PLAN


def test_replace_makes_the_journal_the_backup(filled: Journal, tmp_path: Path) -> None:
    filled.save_plan(PLAN)
    old_id = filled.entries()[0].id
    source = write(tmp_path / "b.json", backup(record("ddd444"), profile={"name": "Kim"}))
    report = import_file(filled, source, replace=True)
    assert report.removed == (old_id,)
    assert (report.profile, report.plan) == ("replaced", "removed")
    assert [e.id for e in filled.entries()] == ["ddd444"]
    assert filled.profile() == Profile(name="Kim")
    assert filled.plan() is None


def test_dry_run_reports_and_writes_nothing(filled: Journal, journal_path: Path, tmp_path: Path):
    before = journal_path.read_bytes()
    mine = filled.entries()[0].to_dict()
    source = write(tmp_path / "b.json", backup(mine | {"title": "New"}, record("eee555")))
    result = run(journal_path, "--dry-run", str(source))
    assert result.exit_code == 0, result.output
    assert "1 would be added: eee555" in result.output
    assert f"1 would be updated: {mine['id']}" in result.output
    assert "dry run: nothing was written" in result.output
    assert journal_path.read_bytes() == before


def test_replace_dry_run_lists_removals(filled: Journal, journal_path: Path, tmp_path: Path):
    before = journal_path.read_bytes()
    source = write(tmp_path / "b.json", backup(record("fff666")))
    result = run(journal_path, "--replace", "--dry-run", str(source))
    assert result.exit_code == 0, result.output
    assert f"1 would be removed (not in the backup): {filled.entries()[0].id}" in result.output
    assert journal_path.read_bytes() == before


def test_partial_backup_cannot_replace(filled: Journal, journal_path: Path, tmp_path: Path):
    ranged = backup(record("ggg777"), range={"since": "2026-10-01", "until": None})
    source = write(tmp_path / "b.json", ranged)
    result = run(journal_path, "--replace", str(source))
    assert result.exit_code == 2
    assert "holds only a date range" in result.output
    assert import_file(filled, source).added == ("ggg777",)  # merging it is fine


def test_map_needs_from_jrnl(journal_path: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "b.json", backup())
    result = run(journal_path, "--map", "@x=note", str(source))
    assert result.exit_code == 2
    assert "--map is for jrnl imports" in result.output


NEWER = SCHEMA_VERSION + 1


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"   \n", "the file is empty"),
        (b"\x00\x01\x02\xff\xfe\xfd binary", "not UTF-8 text"),
        (b'{"app": "careercoach", "title": "caf\xe9"}', "not UTF-8 text"),
        (b"{not json", "not valid JSON (line 1 column 2"),
        (b"[1, 2, 3]", "not a careercoach backup (the JSON is not an object)"),
        (b'{"entries": []}', "not a careercoach backup (no careercoach marker)"),
        (b'{"tags": {}, "entries": []}', "looks like a jrnl export"),
        (b'{"_meta": {"1": {}}, "entries": {}}', "it is a journal file"),
        (b'{"app": "careercoach", "entries": []}', "schema version is missing"),
        (b'{"app": "careercoach", "schema": "1", "entries": []}', "schema version is missing"),
        (
            f'{{"app": "careercoach", "schema": {NEWER}, "entries": []}}'.encode(),
            "newer careercoach",
        ),
        (b'{"app": "careercoach", "schema": 1, "entries": {}}', "'entries' must be a list"),
        (b'{"app": "careercoach", "schema": 1, "entries": [], "x": 1}', "unexpected top-level"),
        (b'{"app": "careercoach", "schema": 1, "entries": [], "plan": []}', "'plan' must be"),
        (b'{"app": "careercoach", "schema": 1, "entries": [], "plan": {"a": 1}}', "plan: "),
        (b'{"app": "careercoach", "schema": 1, "entries": [], "profile": []}', "'profile' must"),
    ],
)
def test_bad_files_are_refused(journal_path: Path, tmp_path: Path, content: bytes, problem: str):
    source = tmp_path / "backup.json"
    source.write_bytes(content)
    result = run(journal_path, str(source))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {source}: ")
    assert problem in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not journal_path.exists()


@pytest.mark.parametrize(
    ("bad", "where", "problem"),
    [
        (record("bad999", kind="foo"), "entry 3 (id 'bad999')", "unknown kind 'foo'"),
        (record("bad999", date="2026-13-01"), "entry 3 (id 'bad999')", "bad date '2026-13-01'"),
        (record("bad999", date="yesterday"), "entry 3 (id 'bad999')", "bad date 'yesterday'"),
        (record("bad999", title=""), "entry 3 (id 'bad999')", "the title is empty"),
        (record("bad999", tags="x"), "entry 3 (id 'bad999')", "tags must be a list"),
        (record("BAD 9"), "entry 3 (id 'BAD 9')", "bad entry id"),
        (record("aaa111"), "entry 3 (id 'aaa111')", "duplicate id (also entry 1)"),
        ({"title": "no id"}, "entry 3", "missing"),
        ("just text", "entry 3", "must be a JSON object"),
    ],
)
def test_first_bad_record_is_named_and_nothing_is_imported(
    filled: Journal, journal_path: Path, tmp_path: Path, bad, where: str, problem: str
) -> None:
    before = journal_path.read_bytes()
    document = backup(record("aaa111"), record("bbb222"), bad, record("ccc333", kind="nope"))
    source = write(tmp_path / "backup.json", document)
    result = run(journal_path, str(source))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {source}: {where}: ")
    assert problem in result.output
    assert journal_path.read_bytes() == before


def test_bad_profile_is_named(journal_path: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "b.json", backup(profile={"jlpt_level": "N9"}))
    result = run(journal_path, str(source))
    assert result.exit_code == 2
    assert f"Error: {source}: profile: bad jlpt_level 'N9'" in result.output


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("missing.json", "no such file"),
        (".", "is a folder"),
    ],
)
def test_missing_file_or_folder(journal_path: Path, tmp_path: Path, name: str, problem: str):
    result = run(journal_path, str(tmp_path / name))
    assert result.exit_code == 2
    assert problem in result.output


def test_json_report_for_scripts(journal_path: Path, tmp_path: Path) -> None:
    source = write(tmp_path / "b.json", backup(record("aaa111")))
    result = run(journal_path, "--json", str(source))
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["added"] == ["aaa111"]
    assert report["dry_run"] is False


def jlpt_record(entry_id: str, level: str, passed: bool) -> dict:
    details = {"type": "jlpt", "level": level, "passed": passed}
    return record(entry_id, kind="japanese", title=f"JLPT {level}", details=details)


def test_an_imported_pass_raises_the_profile_level_and_says_so(
    filled: Journal, journal_path: Path, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "b.json",
        backup(jlpt_record("jl0001", "N1", True), jlpt_record("jl0002", "N3", True)),
    )
    dry = run(journal_path, "--dry-run", str(source))
    assert dry.exit_code == 0 and "Profile JLPT level" not in dry.output
    assert filled.profile().jlpt_level == "N2"
    result = run(journal_path, "--json", str(source))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["added"] == ["jl0001", "jl0002"]  # stdout: the report only
    assert "Profile JLPT level: N2 -> N1" in result.stderr
    assert filled.profile().jlpt_level == "N1"
    assert filled.profile().name == "Alex"  # the rest of the profile kept


def test_an_imported_fail_or_lower_pass_leaves_the_profile_level(
    filled: Journal, journal_path: Path, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "b.json",
        backup(jlpt_record("jl0001", "N1", False), jlpt_record("jl0002", "N4", True)),
    )
    result = run(journal_path, str(source))
    assert result.exit_code == 0, result.output
    assert "Profile JLPT level" not in result.output
    assert filled.profile().jlpt_level == "N2"
