"""Snapshots of the journal-keeping screens: fixed clock, the deterministic demo journal.

Look at the report before accepting changes with `--snapshot-update`.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.tui.conftest import keys_then_settle, make_app, open_journal

SIZES = [
    (100, 32),
    (80, 24),
]


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("journal", ("j",)),
        ("journal_second_row", ("j", "down")),
        ("entry_form", ("j", "e")),
        ("delete_confirm", ("j", "x")),
        ("checkin", ("w",)),
        ("profile", ("p",)),
        ("help", ("j", "question_mark")),
        ("unsaved_entry", ("j", "a", *"Wrote the minutes", "escape", "escape")),
        ("import_prompt", ("ctrl+p", *"Import backup", "enter")),
        ("checkin_ticked", ("w", "down", "space", "tab", *"Helped [b]Sato[/]")),
        ("quick_log", ("l", *"Took notes in the 定例会議")),
    ],
)
def test_demo_screens(snap_compare, demo_path: Path, size, name: str, keys) -> None:
    assert snap_compare(make_app(demo_path), terminal_size=size, run_before=keys_then_settle(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_welcome_on_first_run(snap_compare, empty_path: Path, size) -> None:
    assert snap_compare(make_app(empty_path), terminal_size=size, run_before=keys_then_settle())


@pytest.mark.parametrize("size", SIZES)
def test_corrupt_journal_dialog(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative path keeps the message the same on every run
    Path("journal.json").write_text("{ this is not json")
    app = make_app(Path("journal.json"))
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle())


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time is UTC for the test (the trash shows when entries were deleted)."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("size", SIZES)
def test_trash_dialog(snap_compare, demo_path: Path, utc: None, size) -> None:
    journal = open_journal(demo_path)
    for entry in journal.entries()[:2]:
        journal.delete(entry.id)
    keys = ("ctrl+p", *"Restore a deleted", "enter")
    assert snap_compare(make_app(demo_path), terminal_size=size, run_before=keys_then_settle(*keys))
