"""The journal file: atomic writes, backups, refusals, permissions, cache."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.errors import JournalError, ValidationError
from careercoach.journal import api, schema, storage
from careercoach.journal.api import Draft, Journal
from careercoach.journal.backups import list_backups
from careercoach.journal.storage import JournalStorage
from careercoach.model import Entry

DAY = dt.date(2026, 11, 20)


def add(journal: Journal, title: str = "Booked the room") -> str:
    return journal.add(Draft(DAY, "invisible", title)).id


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_journal_is_private(journal: Journal, journal_path: Path) -> None:
    os.umask(0o022)
    add(journal)
    assert mode(journal_path) == 0o600
    assert mode(journal_path.parent) == 0o700


def test_permissions_hold_under_permissive_umask(journal: Journal, journal_path: Path) -> None:
    old = os.umask(0)
    try:
        add(journal)
        add(journal)
    finally:
        os.umask(old)
    assert mode(journal_path) == 0o600
    assert mode(journal_path.parent) == 0o700
    assert all(mode(b) == 0o600 for b in list_backups(journal_path))
    assert mode(journal_path.parent / "backups") == 0o700


def test_file_is_a_careercoach_document(journal: Journal, journal_path: Path) -> None:
    add(journal, "会議室の準備")
    data = json.loads(journal_path.read_text(encoding="utf-8"))
    assert data["_meta"]["1"] == {"app": "careercoach", "schema": schema.SCHEMA_VERSION}
    assert "会議室の準備" in journal_path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"_meta": {"1": {"app": "careercoach", "sch', "broken JSON"),
        (b"", "the file is empty"),
        (b"\xff\xfe\x00garbage", "not UTF-8 text"),
        (
            b'{"_meta": {"1": {"app": "careercoach", "schema": 1}}, "entries": {"1": '
            b'{"id": "a", "date": "2026-11-20", "kind": "note", "title": "\xff"}}}',
            "not UTF-8 text at line 1 column 132",
        ),
        (b"[1, 2, 3]", "not an object"),
        (b'{"_default": {"1": {"title": "x"}}}', "no careercoach marker"),
        (b'{"_meta": {"1": {"app": "careercoach", "schema": "one"}}}', "schema version"),
        (b'{"_meta": {"1": {"app": "careercoach", "schema": 1}}, "entries": []}', "wrong shape"),
        (b'{"entries": ' + b"[" * 5000 + b"]" * 5000 + b"}", "nested too deeply"),
        (b"[" * 100_000, "nested too deeply"),
    ],
    ids=lambda value: value[:40] if isinstance(value, bytes) else value,
)
def test_damaged_or_foreign_files_are_refused_and_untouched(
    journal_path: Path, content: bytes, message: str
) -> None:
    journal_path.parent.mkdir(parents=True)
    journal_path.write_bytes(content)
    journal = Journal(journal_path)
    with pytest.raises(JournalError, match=message) as caught:
        journal.entries()
    assert str(journal_path) in str(caught.value)
    with pytest.raises(JournalError):
        add(journal)
    assert journal_path.read_bytes() == content


def test_newer_schema_is_refused(journal_path: Path) -> None:
    journal_path.parent.mkdir(parents=True)
    content = json.dumps({"_meta": {"1": {"app": "careercoach", "schema": 99}}}).encode()
    journal_path.write_bytes(content)
    with pytest.raises(JournalError, match="newer careercoach.*upgrade"):
        Journal(journal_path).entries()
    assert journal_path.read_bytes() == content


def test_older_schema_is_migrated_with_a_backup(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = add(journal, "before the upgrade")
    for module in (schema, storage, api):
        monkeypatch.setattr(module, "SCHEMA_VERSION", 2, raising=False)

    def to_v2(data: dict) -> dict:
        for doc in data["entries"].values():
            doc["title"] = doc["title"].upper()
        return data

    monkeypatch.setitem(schema.MIGRATIONS, 1, to_v2)
    upgraded = Journal(journal_path)
    assert upgraded.get(first).title == "BEFORE THE UPGRADE"
    add(upgraded, "after")
    on_disk = json.loads(journal_path.read_text())
    assert on_disk["_meta"]["1"]["schema"] == 2
    newest_backup = json.loads(list_backups(journal_path)[0].read_text())
    assert newest_backup["_meta"]["1"]["schema"] == 1


def test_symlinked_journal_is_refused(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text("precious")
    link = tmp_path / "journal.json"
    link.symlink_to(elsewhere)
    journal = Journal(link)
    with pytest.raises(JournalError, match="symbolic link"):
        add(journal)
    assert elsewhere.read_text() == "precious"
    assert link.is_symlink()


def test_folder_in_place_of_journal_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "journal.json"
    folder.mkdir()
    with pytest.raises(JournalError, match="is a folder"):
        Journal(folder).entries()


def test_failed_write_keeps_previous_version(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = add(journal, "kept")
    before = journal_path.read_bytes()

    def disk_full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "write", disk_full)
    with pytest.raises(JournalError, match="disk is full.*previous version is intact"):
        add(journal, "lost")
    monkeypatch.undo()
    assert journal_path.read_bytes() == before
    assert [e.id for e in Journal(journal_path).entries()] == [kept]
    assert [e.id for e in journal.entries()] == [kept], "the in-memory cache must not lie"
    leftovers = [p for p in journal_path.parent.iterdir() if ".tmp-" in p.name]
    assert leftovers == []


def test_read_only_filesystem_gives_clear_error(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept = add(journal)
    before = journal_path.read_bytes()
    real_open = os.open

    def read_only(path: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT:
            raise OSError(30, "Read-only file system")
        return real_open(path, flags, *args)

    monkeypatch.setattr(storage.os, "open", read_only)
    with pytest.raises(JournalError, match="read-only"):
        add(journal)
    monkeypatch.undo()
    assert journal_path.read_bytes() == before
    assert [e.id for e in journal.entries()] == [kept]


def test_read_only_folder_gives_clear_error(journal: Journal, journal_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores folder permissions; the test above covers it")
    add(journal)
    journal_path.parent.chmod(0o500)
    try:
        with pytest.raises(JournalError, match="read-only|permission"):
            add(journal)
    finally:
        journal_path.parent.chmod(0o700)


def test_leftover_temp_files_are_never_loaded_and_get_cleaned(
    journal: Journal, journal_path: Path
) -> None:
    kept = add(journal)
    leftover = journal_path.parent / f".{journal_path.name}.tmp-999-dead"
    leftover.write_text('{"half": ')
    assert [e.id for e in Journal(journal_path).entries()] == [kept]
    add(journal)
    assert not leftover.exists()


def test_cache_notices_changes_from_another_process(journal: Journal, journal_path: Path) -> None:
    add(journal, "first")
    other = Journal(journal_path)
    assert len(other.entries()) == 1
    add(journal, "second")
    assert len(other.entries()) == 2


def test_cache_avoids_rereading_unchanged_file(
    journal: Journal, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(journal)
    journal.entries()
    calls = []
    real = storage.read_journal_file
    monkeypatch.setattr(storage, "read_journal_file", lambda p: calls.append(p) or real(p))
    for _ in range(5):
        journal.entries()
    assert calls == []


def test_storage_returns_none_for_missing_file(tmp_path: Path) -> None:
    assert JournalStorage(tmp_path / "none.json").read() is None


@pytest.mark.parametrize(
    "damage",
    [
        lambda doc: doc.pop("title"),
        lambda doc: doc.update(date="someday"),
        lambda doc: doc.update(tags=None),
    ],
)
def test_a_damaged_entry_record_is_reported(journal: Journal, journal_path: Path, damage) -> None:
    add(journal)
    data = json.loads(journal_path.read_text())
    damage(next(iter(data["entries"].values())))
    journal_path.write_text(json.dumps(data))
    with pytest.raises(JournalError, match="entry record 1 is damaged"):
        Journal(journal_path).entries()


def test_stored_records_load_like_validated_ones(journal: Journal, journal_path: Path) -> None:
    journal.add(
        Draft(
            DAY,
            "japanese",
            "N2 合格",
            tags=("jlpt",),
            details={"type": "jlpt", "level": "N2", "passed": True},
        )
    )
    stored = Journal(journal_path).entries()
    data = json.loads(journal_path.read_text())
    assert stored == [Entry.from_dict(doc) for doc in data["entries"].values()]


def test_the_journal_is_a_tinydb_document(journal: Journal, journal_path: Path) -> None:
    """TinyDB defines the file format: its own JSONStorage reads what we write."""
    from tinydb import TinyDB

    entry_id = add(journal, "readable by TinyDB")
    with TinyDB(journal_path, access_mode="r") as db:
        assert [doc["id"] for doc in db.table("entries").all()] == [entry_id]
        assert db.table("_meta").all()[0]["app"] == "careercoach"


@pytest.mark.parametrize(
    ("setup", "force", "problem"),
    [
        ("file", False, "already exists; add --force to replace it"),
        ("folder", True, "is a folder; name a file to write"),
        ("link", True, "is a symbolic link; careercoach will not write through it"),
        ("journal", True, "is your journal itself; choose another file"),
    ],
)
def test_user_files_are_never_replaced_by_surprise(
    tmp_path: Path, setup: str, force: bool, problem: str
) -> None:
    """One writer and one wording for every file the user names (exports, the evidence
    pack, a saved script): the target is left exactly as it was."""
    from careercoach.journal import write_user_file

    journal_file = tmp_path / "journal.json"
    journal_file.write_text("the journal")
    target = {"journal": journal_file}.get(setup, tmp_path / "target")
    if setup == "file":
        target.write_text("keep me")
    elif setup == "folder":
        target.mkdir()
    elif setup == "link":
        target.symlink_to(journal_file)
    with pytest.raises(ValidationError, match=problem):
        write_user_file(target, b"new", force=force, protect=(journal_file,))
    assert journal_file.read_text() == "the journal"
    if setup == "file":
        assert target.read_text() == "keep me"


@pytest.mark.parametrize("what", ["folder", "link"])
def test_doctor_on_a_folder_or_link_in_the_journal_s_place_says_to_move_it(
    tmp_path: Path, what: str
) -> None:
    """Not a record to repair in a text editor: something else is where the file goes."""
    journal = tmp_path / "journal.json"
    if what == "folder":
        journal.mkdir()
    else:
        (tmp_path / "real.json").write_text("{}")
        journal.symlink_to(tmp_path / "real.json")
    result = CliRunner().invoke(cli, ["doctor"], env={"CAREERCOACH_HOME": str(tmp_path)})
    assert result.exit_code == 1, result.output
    assert f"status:  UNUSABLE: {journal}: is a" in result.output
    assert "move what is in the way" in result.output
    assert "text editor" not in result.output
