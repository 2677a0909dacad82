"""Importing jrnl's JSON export: tag mapping, stars, stable ids, and refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.errors import ValidationError
from careercoach.exchange.jrnl_import import choose_kind, jrnl_id, parse_tag_map, read_jrnl
from careercoach.exchange.transfer import import_file
from careercoach.journal.api import Journal
from careercoach.model import NOTES_MAX, TITLE_MAX, check_id

FIXTURES = Path(__file__).parent / "fixtures" / "jrnl"
EXPORT = FIXTURES / "journal.json"


def run(journal_path: Path, *args: str):
    return CliRunner().invoke(cli, ["--journal", str(journal_path), "import", *args])


def by_title(journal: Journal) -> dict[str, object]:
    return {e.title: e for e in journal.entries()}


def write_export(path: Path, *entries: dict) -> Path:
    path.write_text(json.dumps({"tags": {}, "entries": list(entries)}), encoding="utf-8")
    return path


def jrnl_entry(**fields) -> dict:
    entry = {
        "title": "Wrote the release notes.",
        "body": "",
        "date": "2026-04-01",
        "time": "10:00",
        "tags": [],
        "starred": False,
    }
    entry.update(fields)
    return entry


def test_default_tag_map_kinds_stars_and_japanese(journal: Journal) -> None:
    report = import_file(journal, EXPORT, source="jrnl")
    assert len(report.added) == 7
    entries = by_title(journal)
    meeting = entries["Prepared the meeting room for the client visit."]
    assert (meeting.kind, meeting.tags) == ("invisible", ("nemawashi",))
    one_on_one = entries["1:1 with Sato-san about next year."]
    assert (one_on_one.kind, one_on_one.subtype) == ("conversation", "one_on_one")
    assert one_on_one.tags == ("starred", "1on1", "career")
    assert "来年の評価について相談した。" in one_on_one.notes
    assert entries["Passed the N2 mock exam."].kind == "achievement"  # @win beats @jlpt
    party = entries["Team nomikai after the release."]
    assert (party.kind, party.subtype) == ("team_event", "drinking_party")
    personal = entries["Thought about the weekend."]
    assert (personal.kind, personal.tags) == ("note", ("personal",))
    untagged = entries["Wrote the deploy checklist."]
    assert (untagged.kind, untagged.tags, untagged.notes) == ("note", ("starred",), "")


def test_time_of_day_is_kept_in_the_timestamps(journal: Journal) -> None:
    import_file(journal, EXPORT, source="jrnl")
    entry = by_title(journal)["Team nomikai after the release."]
    assert entry.date.isoformat() == "2026-03-13"
    assert entry.created == entry.updated == "2026-03-13T19:00:00"


def test_user_map_overrides_and_adds(journal: Journal) -> None:
    import_file(
        journal,
        EXPORT,
        source="jrnl",
        tag_map=["@standup=conversation/one_on_one", "@nemawashi=bridge"],
    )
    entries = by_title(journal)
    standup = entries["Daily standup notes."]
    assert (standup.kind, standup.subtype) == ("conversation", "one_on_one")
    assert entries["Prepared the meeting room for the client visit."].kind == "bridge"


@pytest.mark.parametrize(
    ("pair", "problem"),
    [
        ("@standup", "write it as @tag=kind"),
        ("@standup=", "write it as @tag=kind"),
        ("=note", "write it as @tag=kind"),
        ("@standup=meeting", "unknown kind 'meeting'"),
        ("@standup=conversation/party", "unknown type 'party'"),
    ],
)
def test_bad_tag_maps_are_refused(pair: str, problem: str) -> None:
    with pytest.raises(ValidationError, match=problem):
        parse_tag_map([pair])


def test_kind_does_not_depend_on_tag_order() -> None:
    assert choose_kind(["jlpt", "win"], {}) == choose_kind(["win", "jlpt"], {})
    assert choose_kind(["team", "1on1"], {})[0] == "conversation"
    assert choose_kind(["team", "1on1"], {"team": ("bridge", None)})[0] == "bridge"


def test_reimport_adds_nothing_and_keeps_edits(journal: Journal, journal_path: Path) -> None:
    first = import_file(journal, EXPORT, source="jrnl")
    edited = journal.update(first.added[0], kind="bridge", title="Refined in careercoach")
    second = import_file(journal, EXPORT, source="jrnl")
    assert second.added == ()
    assert sorted(second.skipped) == sorted(first.added)
    assert journal.count() == 7
    assert journal.get(edited.id) == edited
    result = run(journal_path, "--from", "jrnl", str(EXPORT))
    assert result.exit_code == 0, result.output
    assert "0 were added" in result.output
    assert "7 were skipped" in result.output


def test_ids_are_stable_and_fit_the_id_rules() -> None:
    first = read_jrnl(EXPORT).entries
    again = read_jrnl(EXPORT).entries
    assert [e.id for e in first] == [e.id for e in again]
    assert len({e.id for e in first}) == len(first)
    for entry in first:
        assert check_id(entry.id) == entry.id
        assert len(entry.id) == 8  # never one of the journal's own 6-character ids
    assert first[0].id == jrnl_id("2026-03-02", "08:40", first[0].title)


def test_same_date_time_and_title_get_distinct_ids(tmp_path: Path) -> None:
    twice = write_export(tmp_path / "x.json", jrnl_entry(body="one"), jrnl_entry(body="two"))
    entries = read_jrnl(twice).entries
    assert len({e.id for e in entries}) == 2
    assert [e.id for e in entries] == [e.id for e in read_jrnl(twice).entries]


def test_folder_export_one_entry_per_file(journal: Journal) -> None:
    report = import_file(journal, FIXTURES / "folder", source="jrnl")
    assert len(report.added) == 2
    whole = {e.id for e in read_jrnl(EXPORT).entries}
    assert set(report.added) <= whole  # same ids whether exported to a file or a folder


def test_long_title_is_shortened_and_kept_whole_in_notes(journal: Journal, tmp_path: Path) -> None:
    title = "Explained the release plan to the Osaka office " * 10
    source = write_export(tmp_path / "x.json", jrnl_entry(title=title, body="Went well."))
    import_file(journal, source, source="jrnl")
    (entry,) = journal.entries()
    assert len(entry.title) <= TITLE_MAX
    assert entry.title.endswith("…")
    assert entry.notes == title.strip() + "\n\nWent well."


def test_long_body_is_cut_with_a_marker_and_reported(journal: Journal, tmp_path: Path) -> None:
    body = "日報。" * 9000  # 27,000 characters
    source = write_export(tmp_path / "x.json", jrnl_entry(body=body))
    report = import_file(journal, source, source="jrnl")
    (entry,) = journal.entries()
    assert report.truncated == (entry.id,)
    assert len(entry.notes) <= NOTES_MAX
    assert entry.notes.startswith("日報。日報。")
    assert entry.notes.endswith("more characters are in the jrnl entry]")


def test_dry_run_writes_nothing(journal: Journal, journal_path: Path) -> None:
    result = run(journal_path, "--from", "jrnl", "--dry-run", str(EXPORT))
    assert result.exit_code == 0, result.output
    assert "7 would be added" in result.output
    assert "dry run: nothing was written" in result.output
    assert not journal_path.exists()


@pytest.mark.parametrize(
    ("entry", "problem"),
    [
        (jrnl_entry(date="2026-02-30"), "bad date '2026-02-30'"),
        (jrnl_entry(date="01/04/2026"), "bad date '01/04/2026'"),
        (jrnl_entry(time="25:00"), "bad time '25:00'"),
        (jrnl_entry(tags="@work"), "'tags' must be a list"),
        (jrnl_entry(starred="yes"), "'starred' must be true or false"),
        (jrnl_entry(title="", body=""), "neither a title nor a body"),
        (jrnl_entry(body=42), "'body' must be text"),
    ],
)
def test_bad_record_refuses_the_whole_file(
    journal_path: Path, tmp_path: Path, entry: dict, problem: str
) -> None:
    source = write_export(tmp_path / "x.json", jrnl_entry(title="A good one."), entry)
    result = run(journal_path, "--from", "jrnl", str(source))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {source}: entry 2 ")
    assert problem in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not journal_path.exists()  # the good first entry was not imported either


def test_folder_with_a_bad_file_names_that_file(journal_path: Path) -> None:
    result = run(journal_path, "--from", "jrnl", str(FIXTURES / "folder_with_bad_file"))
    assert result.exit_code == 2
    assert "2026-03-09_passed-the-n2-mock-exam.json: entry" in result.output
    assert "bad date '2026-02-30'" in result.output
    assert not journal_path.exists()


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe", "not UTF-8 text"),
        (b"entries: []", "not valid JSON"),
        (b'[{"title": "x"}]', "not a jrnl JSON export"),
        (b'{"tags": [], "entries": []}', "'tags' must be an object"),
    ],
)
def test_bad_files_are_refused(
    journal_path: Path, tmp_path: Path, content: bytes, problem: str
) -> None:
    source = tmp_path / "export.json"
    source.write_bytes(content)
    result = run(journal_path, "--from", "jrnl", str(source))
    assert result.exit_code == 2
    assert result.output.startswith(f"Error: {source}: ")
    assert problem in result.output
    assert not journal_path.exists()


def test_empty_folder_is_refused(journal_path: Path, tmp_path: Path) -> None:
    result = run(journal_path, "--from", "jrnl", str(tmp_path))
    assert result.exit_code == 2
    assert "holds no .json files" in result.output


def test_replace_is_not_for_jrnl(journal_path: Path) -> None:
    result = run(journal_path, "--from", "jrnl", "--replace", str(EXPORT))
    assert result.exit_code == 2
    assert "--replace restores careercoach backups only" in result.output
