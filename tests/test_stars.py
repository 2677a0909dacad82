"""Highlights: starring entries from the command line, and starred entries cited first."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.exchange import render_export
from careercoach.journal import Draft, Journal
from careercoach.model import Entry, Profile, make_entry
from careercoach.phrasing import gather_facts

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--journal", str(journal_path), *args])

    return invoke


def test_add_star_and_list_starred(run) -> None:
    starred = run("add", "achievement", "Shipped the billing migration", "--star").output.strip()
    plain = run("add", "invisible", "Set up the room").output.strip()
    listed = json.loads(run("list", "--starred", "--json").output)
    assert [e["id"] for e in listed] == [starred]
    assert listed[0]["starred"] is True
    everything = {e["id"]: e["starred"] for e in json.loads(run("list", "--json").output)}
    assert everything == {starred: True, plain: False}
    assert "starred: yes" in run("show", starred).output
    assert "starred" not in run("show", plain).output


def test_edit_star_and_unstar(run, journal_path: Path) -> None:
    entry_id = run("add", "bridge", "Explained the release freeze to HQ").output.strip()
    assert run("edit", entry_id, "--star").exit_code == 0
    assert Journal(journal_path).get(entry_id).starred is True
    assert run("edit", entry_id, "--unstar").exit_code == 0
    assert Journal(journal_path).get(entry_id).starred is False
    assert run("list", "--starred").output.strip() == "No entries match."


def test_editing_another_field_keeps_the_star(run, journal_path: Path) -> None:
    entry_id = run("add", "bridge", "Relayed the spec", "--star").output.strip()
    assert run("edit", entry_id, "--title", "Relayed the API spec").exit_code == 0
    assert Journal(journal_path).get(entry_id).starred is True


def test_star_survives_a_backup_round_trip(journal: Journal, tmp_path: Path) -> None:
    journal.add(Draft(date=TODAY, kind="achievement", title="Led the launch", starred=True))
    payload, _ = render_export(journal, "json", as_of=TODAY)
    backup = tmp_path / "backup.json"
    backup.write_bytes(payload)
    other = Journal(tmp_path / "other" / "journal.json")
    from careercoach.exchange import import_file

    import_file(other, backup)
    [entry] = other.entries()
    assert entry.starred is True


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_a_backup_with_a_non_boolean_star_is_refused(value: object) -> None:
    record = {"id": "abc234", "date": "2026-01-01", "kind": "note", "title": "x"}
    from careercoach.errors import ValidationError

    with pytest.raises(ValidationError, match="starred must be true or false"):
        Entry.from_dict({**record, "starred": value})


def _entry(entry_id: str, day: int, kind: str, title: str, *, starred: bool = False) -> Entry:
    return make_entry(
        entry_id=entry_id,
        date=dt.date(2026, 11, day),
        kind=kind,
        title=title,
        starred=starred,
    )


def test_scripts_cite_starred_entries_first() -> None:
    entries = [
        _entry("aaa001", 18, "achievement", "Newest"),
        _entry("aaa002", 17, "achievement", "Second"),
        _entry("aaa003", 16, "achievement", "Third"),
        _entry("aaa004", 2, "achievement", "Old but starred", starred=True),
    ]
    facts = gather_facts(entries, Profile(), TODAY)
    assert [f.title for f in facts.achievements] == ["Old but starred", "Newest", "Second"]


def test_the_packet_lists_starred_entries_first_with_a_mark(journal: Journal) -> None:
    journal.add_many(
        [
            Draft(date=TODAY, kind="bridge", title="Newest bridge"),
            Draft(date=TODAY - dt.timedelta(days=20), kind="bridge", title="Starred", starred=True),
        ]
    )
    text = render_export(journal, "md", as_of=TODAY)[0].decode()
    assert text.index("Starred") < text.index("Newest bridge")
    assert "- ★ **" in text


def test_a_starred_jrnl_entry_is_starred_here(journal: Journal, tmp_path: Path) -> None:
    from careercoach.exchange import import_file

    export = tmp_path / "jrnl.json"
    records = [
        {"title": "Led the launch.", "body": "", "date": "2026-04-01", "time": "10:00",
         "tags": [], "starred": True},
        {"title": "Tidied the drive.", "body": "", "date": "2026-04-02", "time": "10:00",
         "tags": [], "starred": False},
    ]  # fmt: skip
    export.write_text(json.dumps({"tags": {}, "entries": records}), encoding="utf-8")
    import_file(journal, export, source="jrnl")
    assert {e.title: e.starred for e in journal.entries()} == {
        "Led the launch.": True,
        "Tidied the drive.": False,
    }


def test_a_piped_list_marks_starred_entries(run) -> None:
    starred = run("add", "achievement", "Shipped the billing migration", "--star").output.strip()
    plain = run("add", "invisible", "Set up the room").output.strip()
    rows = {line.split("\t")[0]: line.split("\t") for line in run("list").output.splitlines()}
    assert rows[starred][3] == "★ Shipped the billing migration"
    assert rows[plain][3] == "Set up the room"
    assert "★" in run("list", "--help").output
