"""The journal's keys: End, the cursor after a delete, undo, and the trash dialog."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import DataTable

from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.restore import taken_at
from careercoach.tui.screens.trash import TrashDialog, when_deleted
from tests.tui.conftest import (
    MOMENT,
    open_journal,
    open_screen,
    run_command,
    running,
    screen_is,
    screen_text,
    workers_done,
)


async def test_end_and_home_go_to_the_last_and_first_row(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "j", JournalScreen)
        table = screen.query_one("#entries", DataTable)
        await pilot.press("end")
        assert table.cursor_row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_row == 0


async def test_delete_shows_its_keys_keeps_the_cursor_and_undoes(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "j", JournalScreen)
        table = screen.query_one("#entries", DataTable)
        await pilot.press("down", "down", "down")
        gone = screen.selected()
        following = screen.matched[screen.matched.index(gone) + 1]
        await pilot.press("x")
        await screen_is(pilot, ConfirmDialog)
        text = screen_text(pilot)
        assert "Delete  y" in text and "No  n" in text
        await pilot.press("y")
        await workers_done(pilot)
        assert table.cursor_row == 3 and screen.selected() == following
        assert gone.id not in {e.id for e in open_journal(demo_path).entries()}
        await pilot.press("u")
        await workers_done(pilot)
        assert gone.id in {e.id for e in open_journal(demo_path).entries()}
        assert screen.selected().id == gone.id


async def test_palette_restores_an_entry_deleted_earlier(demo_path: Path) -> None:
    journal = open_journal(demo_path)
    gone = journal.entries()[0]
    journal.delete(gone.id)
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "j", JournalScreen)
        await run_command(pilot, "Restore a deleted entry")
        assert isinstance(pilot.app.screen, TrashDialog)
        assert when_deleted(MOMENT) in screen_text(pilot)
        await pilot.press("enter")
        await workers_done(pilot)
        assert pilot.app.screen is screen
        assert gone.id in {e.id for e in screen.matched}


@pytest.mark.parametrize(
    ("name", "readable"),
    [
        ("journal-20261130T044356763132-1ea5.json", True),
        ("journal-backup.json", False),
    ],
)
def test_backups_are_listed_by_when_they_were_taken(name: str, readable: bool) -> None:
    shown = taken_at(Path(name))
    if readable:
        moment = dt.datetime(2026, 11, 30, 4, 43, 56, tzinfo=dt.timezone.utc).astimezone()
        assert shown == f"{moment:%a %d %b %Y %H:%M:%S}"
    else:
        assert shown == name
