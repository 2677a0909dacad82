"""The calendar from the command palette: the weekday, the file, and replacing only on yes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import icalendar
from textual.widgets import Input

from careercoach.settings import load_settings
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.error import ErrorDialog
from tests.tui.conftest import (
    answer_prompt,
    notifications,
    run_command,
    running,
    wait_until,
    wrote,
)


async def test_palette_writes_a_private_calendar(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "dates.ics"
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export calendar")
        await answer_prompt(pilot, "Wednesday")
        await answer_prompt(pilot, str(target))
        await wait_until(pilot, lambda: wrote(pilot) == 1, "the calendar written")
        told = " ".join(notifications(pilot))
        await run_command(pilot, "Export calendar")  # the day chosen is offered next time
        assert pilot.app.screen.query_one("#answer", Input).value == "wed"
    assert load_settings().checkin_weekday == "wed"  # which the nudge follows too
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    [checkin] = [e for e in calendar.walk("VEVENT") if e["uid"] == "weekly-checkin@careercoach"]
    assert f"Wrote {len(calendar.walk('VEVENT'))} events to {target}" in told
    assert checkin["rrule"]["BYDAY"] == ["WE"]
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


async def test_palette_asks_before_replacing(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "dates.ics"
    target.write_text("keep me")
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export calendar")
        await answer_prompt(pilot, "fri")
        await answer_prompt(pilot, str(target))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await wait_until(pilot, lambda: not pilot.app.screen.is_modal, "the dialog to close")
        assert target.read_text() == "keep me"
        await run_command(pilot, "Export calendar")
        await answer_prompt(pilot, "fri")
        await answer_prompt(pilot, str(target))
        await pilot.press("y")
        await wait_until(pilot, lambda: wrote(pilot) == 1, "the calendar written")
    assert target.read_text().startswith("BEGIN:VCALENDAR")


async def test_a_bad_weekday_is_explained(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export calendar")
        await answer_prompt(pilot, "[b]someday[/]")
        assert isinstance(pilot.app.screen, ErrorDialog)
