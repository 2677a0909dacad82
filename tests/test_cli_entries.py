"""The command line as a user types it: entries, profile, doctor, demo."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal.api import Draft, Journal
from careercoach.journal.backups import list_backups


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-20")
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--journal", str(journal_path), *args], input=input)

    return invoke


def test_add_prints_the_new_id_and_list_shows_it(run) -> None:
    added = run(
        "add",
        "invisible",
        "Prepared the meeting room",
        "--type",
        "meeting_room",
        "-t",
        "Team",
        "--note",
        "for the 10:00 sync",
    )
    assert added.exit_code == 0, added.output
    entry_id = added.output.strip()
    listed = run("list", "--json")
    [record] = json.loads(listed.output)
    assert record["id"] == entry_id
    assert record["date"] == "2026-11-20"
    assert record["details"] == {"type": "meeting_room"}
    assert record["tags"] == ["team"]
    plain = run("list")
    assert entry_id in plain.output and "invisible/meeting_room" in plain.output


def test_yesterday_and_details(run) -> None:
    result = run(
        "add",
        "japanese",
        "JLPT N2",
        "--date",
        "yesterday",
        "--type",
        "jlpt",
        "--detail",
        "level=N2",
        "--detail",
        "passed=yes",
        "--detail",
        "score=120",
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(run("show", result.stdout.strip(), "--json").output)
    assert shown["date"] == "2026-11-19"
    assert shown["details"] == {"type": "jlpt", "level": "N2", "passed": True, "score": 120}
    assert "Profile JLPT level: none -> N2" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", "holiday", "x"], "unknown kind 'holiday'"),
        (["add", "note", ""], "title is empty"),
        (["add", "note", "x" * 201], "at most 200"),
        (["add", "note", "x", "--date", "2026-02-30"], "no such day"),
        (["add", "note", "x", "--date", "tomorrow-ish"], "YYYY-MM-DD"),
        (["add", "note", "x", "--detail", "level"], "key=value"),
        (["add", "japanese", "x", "--detail", "level=N9"], "bad level"),
        (["add", "note", "x", "--type", "party"], "unknown type"),
        (["show", "zzzzzz"], "no entry with id"),
        (["edit", "zzzzzz", "--title", "y"], "no entry with id"),
        (["delete", "zzzzzz", "--yes"], "no entry with id"),
        (["list", "--since", "2026-11-21", "--until", "2026-11-01"], "--since is after"),
        (["list", "--kind", "party"], "unknown kind"),
        (["profile", "set", "jlpt_level=N7"], "bad jlpt_level"),
        (["profile", "set", "salary=1"], "unknown profile field"),
        (["profile", "set", "oops"], "key=value"),
    ],
)
def test_bad_input_exits_2_with_one_line(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: ")
    assert message in lines[0]
    assert "Traceback" not in result.output


def test_demo_never_writes_into_the_default_journal(isolated_home: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--entries", "5"])
    assert result.exit_code == 2
    assert "never writes into your own journal" in result.output
    assert not (isolated_home / "journal.json").exists()


def test_edit_changes_only_named_fields(run) -> None:
    entry_id = run("add", "bridge", "Translated the report", "-t", "docs").output.strip()
    result = run(
        "edit",
        entry_id,
        "--title",
        "Translated the incident report",
        "--add-tag",
        "hq",
        "--type",
        "translation",
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(run("show", entry_id, "--json").output)
    assert shown["title"] == "Translated the incident report"
    assert shown["tags"] == ["docs", "hq"]
    assert shown["details"] == {"type": "translation"}
    assert run("edit", entry_id).exit_code == 2


def test_delete_needs_confirmation(run) -> None:
    entry_id = run("add", "note", "keep?").output.strip()
    refused = run("delete", entry_id)
    assert refused.exit_code == 2 and "--yes" in refused.output
    assert run("delete", entry_id, "--yes").exit_code == 0
    assert json.loads(run("list", "--json").output) == []


def test_user_text_is_printed_literally_and_inert(run) -> None:
    title = "[bold]x[/] $y {z} %s \x1b]0;pwned\x07\x1b[31mred"
    entry_id = run("add", "note", title).output.strip()
    shown = run("show", entry_id)
    assert "[bold]x[/] $y {z} %s red" in shown.output
    assert "\x1b" not in shown.output
    listed = run("list")
    assert "\x1b" not in listed.output and "[bold]x[/]" in listed.output
    assert json.loads(run("show", entry_id, "--json").output)["title"] == title


def test_profile_set_and_show(run) -> None:
    assert (
        run("profile", "set", "name=Alex", "jlpt_level=n2", "start_date=2023-04-01").exit_code == 0
    )
    shown = json.loads(run("profile", "show", "--json").output)
    assert shown["name"] == "Alex" and shown["jlpt_level"] == "N2"
    assert shown["start_date"] == "2023-04-01"


def test_list_filters(run) -> None:
    run("add", "team_event", "Lunch with sales", "--type", "lunch", "-t", "team")
    run("add", "note", "Old note", "--date", "2026-10-01")
    assert len(json.loads(run("list", "--kind", "team_event", "--json").output)) == 1
    assert len(json.loads(run("list", "--since", "2026-11-01", "--json").output)) == 1
    assert len(json.loads(run("list", "--search", "LUNCH", "--json").output)) == 1
    assert len(json.loads(run("list", "--tag", "team", "--json").output)) == 1
    assert "No entries match" in run("list", "--search", "nothing-like-this").output


def test_demo_is_deterministic(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for name in ("a.json", "b.json"):
        path = tmp_path / name
        result = runner.invoke(cli, ["demo", "--journal", str(path), "--as-of", "2026-11-20"])
        assert result.exit_code == 0, result.output
        outputs.append([e.to_dict() for e in Journal(path).entries()])
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) > 150
    kinds = {e["kind"] for e in outputs[0]}
    assert kinds >= {"invisible", "japanese", "bridge", "team_event", "achievement", "conversation"}


def test_demo_sizes_and_refuses_to_overwrite(tmp_path: Path) -> None:
    runner = CliRunner()
    path = tmp_path / "big.json"
    assert runner.invoke(cli, ["demo", "--entries", "1000", "--journal", str(path)]).exit_code == 0
    assert Journal(path).count() == 1000
    again = runner.invoke(cli, ["demo", "--entries", "10", "--journal", str(path)])
    assert again.exit_code == 2 and "already exists" in again.output
    assert Journal(path).count() == 1000


def test_demo_force_sets_the_old_file_aside_instead_of_deleting_it(tmp_path: Path) -> None:
    """`demo --journal PATH --force` named at a real journal by mistake loses nothing."""
    path = tmp_path / "journal.json"
    Journal(path).add(Draft(dt.date(2026, 11, 2), "note", "real work"))
    before = path.read_bytes()
    result = CliRunner().invoke(cli, ["demo", "--journal", str(path), "--force"])
    assert result.exit_code == 0, result.output
    [kept] = tmp_path.glob("journal.json.replaced-*")
    assert f"the file that was there is kept as {kept}" in result.output
    assert kept.read_bytes() == before
    assert "real work" not in {e.title for e in Journal(path).entries()}


@pytest.mark.parametrize("as_of", ["1900-01-01", "1903-04-01", "2200-12-31"])
def test_a_demo_too_near_the_edge_of_the_calendar_names_the_days_it_can_use(
    tmp_path: Path, as_of: str
) -> None:
    path = tmp_path / "demo.json"
    result = CliRunner().invoke(cli, ["demo", "--journal", str(path), "--as-of", as_of])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert f"a demo as of {as_of}" in result.output
    assert "choose a day from 1903-04-16 to 2200-08-23" in result.output
    assert not path.exists()
    ok = CliRunner().invoke(cli, ["demo", "--journal", str(path), "--as-of", "1903-04-16"])
    assert ok.exit_code == 0, ok.output


def test_doctor_reports_and_restores(run, journal_path: Path) -> None:
    first = run("add", "note", "first").output.strip()
    healthy = run("doctor")
    assert healthy.exit_code == 0 and "ok, 1 entries" in healthy.output
    run("add", "note", "second")
    assert list_backups(journal_path)
    journal_path.write_text('{"truncated": ')
    broken = run("list")
    assert broken.exit_code == 2 and "broken JSON" in broken.output and "doctor" in broken.output
    report = run("doctor")
    assert report.exit_code == 1 and "DAMAGED" in report.output
    assert "careercoach doctor --restore" in report.output
    restored = run("doctor", "--restore")
    assert restored.exit_code == 0, restored.output
    assert first in {e["id"] for e in json.loads(run("list", "--json").output)}
    kept_aside = list(journal_path.parent.glob("journal.json.replaced-*"))
    assert [p.read_text() for p in kept_aside] == ['{"truncated": ']
    assert stat.S_IMODE(journal_path.stat().st_mode) == 0o600


def test_restores_within_one_second_keep_every_damaged_original(run, journal_path: Path) -> None:
    run("add", "note", "first")
    run("add", "note", "second")
    damaged = [b'{"damage": 1', b'{"damage": 2', b'{"damage": 3']
    for raw in damaged:
        journal_path.write_bytes(raw)
        assert run("doctor", "--restore").exit_code == 0
    kept_aside = journal_path.parent.glob("journal.json.replaced-*")
    assert sorted(p.read_bytes() for p in kept_aside) == damaged


def test_doctor_without_a_good_backup_says_how_to_repair(run, journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_text(
        '{"_meta": {"1": {"app": "careercoach", "schema": 1}}, '
        '"entries": {"1": {"id": "abc234", "date": "2026-11-20", "kind": "x"}}}'
    )
    report = run("doctor")
    assert report.exit_code == 1
    assert "entry record 1 is damaged" in report.output
    assert "repair the record named above in a text editor" in report.output


def test_doctor_warns_about_loose_permissions(run, journal_path: Path) -> None:
    run("add", "note", "x")
    os.chmod(journal_path, 0o644)
    result = run("doctor", "--json")
    assert result.exit_code == 1
    assert "readable by others" in json.loads(result.output)["warnings"][0]


def test_version_and_help() -> None:
    runner = CliRunner()
    assert "careercoach, version" in runner.invoke(cli, ["--version"]).output
    help_text = runner.invoke(cli, ["--help"]).output
    for command in ("add", "list", "doctor", "score", "script", "plan", "export", "import"):
        assert command in help_text


@pytest.mark.parametrize(
    "args",
    [
        ["add", "note"],
        ["lst"],
        ["add", "note", "x", "--colour", "red"],
        ["list", "--limit", "zero"],
    ],
)
def test_usage_mistakes_are_one_line_too(run, args: list[str]) -> None:
    result = run(*args)
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and "--help" in lines[0]


@pytest.mark.parametrize(
    "journal",
    [
        "data/journal.json",  # the journal's own folder is a file
        "data/careercoach/journal.json",  # a folder above it is (XDG_DATA_HOME at a file)
    ],
)
def test_doctor_reports_a_folder_that_cannot_hold_a_journal(tmp_path: Path, journal: str) -> None:
    (tmp_path / "data").write_text("in the way")
    args = ["--journal", str(tmp_path / journal), "doctor"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "UNUSABLE" in result.output and "is a file where a folder should be" in result.output
    as_json = CliRunner().invoke(cli, [*args, "--json"])
    assert as_json.exit_code == 1 and json.loads(as_json.output)["status"] == "unusable"


def test_doctor_reports_a_folder_it_may_not_write(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if Path(p) == folder else real_access(p, mode)
    )
    result = CliRunner().invoke(cli, ["--journal", str(folder / "journal.json"), "doctor"])
    assert result.exit_code == 1 and "no permission to write in" in result.output
