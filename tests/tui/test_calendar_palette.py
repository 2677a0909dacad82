"""The calendar from the command palette: the weekday, the file, and replacing only on yes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import icalendar
from textual.widgets import Input

from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.error import ErrorDialog
from tests.tui.conftest import run_command, running, settle


async def answer(pilot, text: str) -> None:
    pilot.app.screen.query_one("#answer", Input).value = text
    await pilot.press("enter")
    await settle(pilot)


async def test_palette_writes_a_private_calendar(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "dates.ics"
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export calendar")
        await answer(pilot, "Wednesday")
        await answer(pilot, str(target))
        await settle(pilot)
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    [checkin] = [e for e in calendar.walk("VEVENT") if e["uid"] == "weekly-checkin@careercoach"]
    assert checkin["rrule"]["BYDAY"] == ["WE"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


async def test_palette_asks_before_replacing(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "dates.ics"
    target.write_text("keep me")
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export calendar")
        await answer(pilot, "fri")
        await answer(pilot, str(target))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert target.read_text() == "keep me"
        await run_command(pilot, "Export calendar")
        await answer(pilot, "fri")
        await answer(pilot, str(target))
        await pilot.press("y")
        await settle(pilot)
    assert target.read_text().startswith("BEGIN:VCALENDAR")


async def test_a_bad_weekday_is_explained(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export calendar")
        await answer(pilot, "[b]someday[/]")
        assert isinstance(pilot.app.screen, ErrorDialog)
