"""File trouble as a command-line user meets it: one line, exit status 2, nothing touched."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import api as journal_module
from careercoach.journal import storage
from careercoach.journal.api import Journal


def invoke(path: Path, *args: str):
    return CliRunner().invoke(cli, ["--journal", str(path), *args])


def assert_one_line_error(result, *fragments: str) -> None:
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.output
    for fragment in fragments:
        assert fragment in lines[0]


def test_a_journal_locked_for_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.json"
    assert invoke(path, "add", "note", "first").exit_code == 0
    monkeypatch.setattr(journal_module, "LOCK_TIMEOUT_S", 0.2)
    with Journal(path).transaction():
        result = invoke(path, "add", "note", "second")
    assert_one_line_error(result, "another careercoach has held the lock")
    assert [e.title for e in Journal(path).entries()] == ["first"]


def test_a_symlink_in_place_of_the_journal(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("not yours to overwrite")
    link = tmp_path / "journal.json"
    link.symlink_to(target)
    for args in (["add", "note", "x"], ["list"]):
        assert_one_line_error(invoke(link, *args), "symbolic link")
    assert target.read_text() == "not yours to overwrite"


def test_a_folder_in_place_of_the_journal(tmp_path: Path) -> None:
    folder = tmp_path / "journal.json"
    folder.mkdir()
    assert_one_line_error(invoke(folder, "add", "note", "x"), "is a directory")
    assert list(folder.iterdir()) == []


def test_a_read_only_filesystem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.json"
    assert invoke(path, "add", "note", "kept").exit_code == 0
    before = path.read_bytes()
    real_open = os.open

    def read_only(file: object, flags: int, *args: object) -> int:
        if flags & os.O_CREAT and ".tmp-" in str(file):
            raise OSError(30, "Read-only file system")
        return real_open(file, flags, *args)

    monkeypatch.setattr(storage.os, "open", read_only)
    assert_one_line_error(invoke(path, "add", "note", "lost"), "read-only", "intact")
    assert path.read_bytes() == before


def test_a_full_disk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "journal.json"
    assert invoke(path, "add", "note", "kept").exit_code == 0
    before = path.read_bytes()

    def disk_full(fd: int, data: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage.os, "write", disk_full)
    assert_one_line_error(invoke(path, "add", "note", "lost"), "disk is full", "intact")
    assert path.read_bytes() == before
