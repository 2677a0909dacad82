"""The weekly check-in screen: ticks become entries in that week; the dashboard follows."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Input, SelectionList

from careercoach.checkin import CHECKIN_TAG
from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.widgets.form import FormField
from tests.tui.conftest import (
    SIZE,
    make_app,
    notifications,
    open_screen,
    ready,
    screen_is,
    screen_text,
    wait_until,
)


async def open_checkin(pilot) -> CheckinScreen:
    await ready(pilot)
    return await open_screen(pilot, "w", CheckinScreen)


def new_entries(app, before: set[str]):
    return [e for e in app.journal.entries() if e.id not in before]


async def test_ticks_and_a_line_become_entries_and_the_dashboard_refreshes(
    demo_path: Path,
) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_checkin(pilot)
        before = {e.id for e in app.journal.entries()}
        # keyboard only: the first list has focus; space ticks, down moves, tab leaves
        await pilot.press("space", "down", "space", "tab")
        await pilot.press(*"Booked the hanami spot")
        screen.query_one("#examples-japanese", SelectionList).select("at_work")
        await pilot.press("ctrl+s")
        await screen_is(pilot, DashboardScreen)  # the check-in hands over to the dashboard
        added = new_entries(app, before)
        got = sorted((e.kind, e.subtype or "", e.title) for e in added)
        assert got == sorted(
            [
                ("invisible", "meeting_room", "Got the meeting room ready before a meeting"),
                ("invisible", "meeting_notes", "Took and shared the meeting notes"),
                ("invisible", "other", "Booked the hanami spot"),
                ("japanese", "at_work", "Used Japanese at work in a meeting, chat or email"),
            ]
        )
        assert {e.date for e in added} == {dt.date(2026, 11, 20)}
        assert all(CHECKIN_TAG in e.tags for e in added)
        assert isinstance(app.screen, DashboardScreen)
        dashboard = app.screen
        assert dashboard.insight is not None
        assert dashboard.insight.signature == app.journal.version()
        assert "Saved 4 entries" in screen_text(pilot)
        await pilot.press("w")
        assert not screen.query_one("#examples-invisible", SelectionList).selected  # cleared


async def test_a_past_week_is_dated_inside_that_week(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert "2 weeks ago" in str(screen.query_one("#week-label").render())
        before = {e.id for e in app.journal.entries()}
        screen.query_one("#examples-team_events", SelectionList).select("lunch")
        await pilot.press("ctrl+s")
        await screen_is(pilot, DashboardScreen)
        (added,) = new_entries(app, before)
        assert added.date == dt.date(2026, 11, 6)  # the Friday of that week
        assert (added.kind, added.subtype) == ("team_event", "lunch")


async def test_a_future_week_cannot_be_chosen(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        await pilot.press("right_square_bracket")
        assert screen.monday == dt.date(2026, 11, 16)


async def test_nothing_ticked_writes_nothing(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        signature = app.journal.version()
        await pilot.press("ctrl+s")
        await wait_until(
            pilot,
            lambda: any(m.startswith("Nothing ticked yet") for m in notifications(pilot)),
            "the app to say nothing is ticked",
        )
        assert app.journal.version() == signature
        assert app.screen is screen


async def test_a_bad_free_line_is_marked_and_nothing_is_written(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        signature = app.journal.version()
        screen.query_one("#examples-bridge", SelectionList).select("culture")
        screen.query_one("#free-proposals", Input).value = "x" * 201
        await pilot.press("ctrl+s")
        field = screen.query_one("#field-free-proposals", FormField)
        await wait_until(pilot, lambda: field.has_class("-invalid"), "the line marked")
        assert field.has_class("-invalid")
        assert "at most 200" in str(field.query_one(".field-error").render())
        assert app.journal.version() == signature
