"""The weekly check-in screen: ticks become entries in that week; the dashboard follows."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from textual import events
from textual.widgets import Input, SelectionList

from careercoach.checkin import CHECKIN_TAG
from careercoach.tui import quick_read
from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.unsaved import UnsavedDialog
from careercoach.tui.widgets.form import FormField
from tests.tui.conftest import (
    SIZE,
    TIMEOUT,
    make_app,
    notifications,
    open_screen,
    ready,
    screen_is,
    screen_text,
    wait_until,
    workers_done,
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
        assert "Saved the week of 16 Nov 2026: 4 added" in screen_text(pilot)


async def test_running_it_again_edits_the_week_instead_of_duplicating(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_checkin(pilot)
        invisible = screen.query_one("#examples-invisible", SelectionList)
        invisible.select("meeting_notes")
        invisible.select("early")
        screen.query_one("#free-invisible", Input).value = "Fixed the printer"
        await pilot.press("ctrl+s")
        await screen_is(pilot, DashboardScreen)
        first = {e.id: e for e in app.journal.entries()}

        await open_screen(pilot, "w", CheckinScreen)  # the week as saved: ticked again
        assert sorted(invisible.selected) == ["early", "meeting_notes"]
        assert screen.query_one("#free-invisible", Input).value == "Fixed the printer"
        await pilot.press("ctrl+s")  # unchanged: nothing to write
        await wait_until(pilot, lambda: any("Nothing changed" in n for n in notifications(pilot)))
        assert {e.id for e in app.journal.entries()} == set(first)

        invisible.deselect("early")
        screen.query_one("#free-invisible", Input).value = "Fixed the printer and the scanner"
        await pilot.press("ctrl+s")
        await screen_is(pilot, DashboardScreen)
        now = {e.id: e for e in app.journal.entries()}
        assert set(now) < set(first) and len(first) - len(now) == 1  # "early" went
        retitled = [e for e in now.values() if e.title == "Fixed the printer and the scanner"]
        assert len(retitled) == 1 and retitled[0].id in first  # the same entry, edited
        assert any("1 changed, 1 removed" in n for n in notifications(pilot))


async def test_what_else_was_logged_this_week_is_shown(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        monday = dt.date(2026, 11, 16)
        logged = [
            e
            for e in app.journal.entries()
            if e.kind == "invisible" and monday <= e.date <= monday + dt.timedelta(days=6)
        ]
        text = str(screen.query_one("#logged-invisible").render())
        assert logged and text.startswith("Also logged this week: ")
        assert logged[-1].title in text  # oldest first, literal user text


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
        await open_screen(pilot, "w", CheckinScreen)  # back on this week, read afresh
        assert "(this week)" in str(screen.query_one("#week-label").render())
        assert "lunch" not in screen.query_one("#examples-team_events", SelectionList).selected


async def test_moving_week_asks_before_dropping_unsaved_ticks(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        signature = app.journal.version()
        examples = screen.query_one("#examples-team_events", SelectionList)
        examples.select("lunch")
        examples.focus()
        monday = screen.monday
        await pilot.press("left_square_bracket")
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("k")  # keep editing: the same week, the tick kept
        await screen_is(pilot, CheckinScreen)
        assert screen.monday == monday and "lunch" in examples.selected
        await pilot.press("right_square_bracket")  # a future week: refused, nothing asked
        assert app.screen is screen
        await pilot.press("left_square_bracket")
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("d")  # discard: last week, as the journal has it
        await screen_is(pilot, CheckinScreen)
        assert screen.monday == monday - dt.timedelta(weeks=1)
        assert "(last week)" in str(screen.query_one("#week-label").render())
        assert screen.week_entries is not None
        assert set(examples.selected) == set(screen.week_entries["team_events"].ticked)
        assert not screen.has_unsaved()
        assert app.journal.version() == signature


async def test_save_and_move_saves_the_week_then_shows_the_other(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        before = {e.id for e in app.journal.entries()}
        screen.query_one("#examples-team_events", SelectionList).select("lunch")
        monday = screen.monday
        await pilot.press("left_square_bracket")
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("s")
        await wait_until(pilot, lambda: screen.monday != monday, "the week moved")
        await screen_is(pilot, CheckinScreen)
        (added,) = new_entries(app, before)
        assert (added.kind, added.subtype) == ("team_event", "lunch")
        assert monday <= added.date < monday + dt.timedelta(weeks=1)  # the week it was ticked in
        assert screen.monday == monday - dt.timedelta(weeks=1)
        assert not screen.has_unsaved()
        assert any(n.startswith("Saved the week of 16 Nov 2026") for n in notifications(pilot))


async def test_a_save_and_move_that_fails_keeps_the_week_as_typed(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        signature = app.journal.version()
        free = screen.query_one("#free-proposals", Input)
        free.value = "x" * 201
        screen.query_one(SelectionList).focus()
        monday = screen.monday
        await pilot.press("left_square_bracket")
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("s")
        field = screen.query_one("#field-free-proposals", FormField)
        await wait_until(pilot, lambda: field.has_class("-invalid"), "the line marked")
        assert app.screen is screen and screen.monday == monday
        assert free.value == "x" * 201 and app.journal.version() == signature
        free.value = "Proposed a shared glossary"  # fixed: a plain save ends as it always does
        await pilot.press("ctrl+s")
        await screen_is(pilot, DashboardScreen)
        assert any(e.title == "Proposed a shared glossary" for e in app.journal.entries())
        assert screen.monday == monday


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
            lambda: any(m.startswith("Nothing changed") for m in notifications(pilot)),
            "the app to say nothing changed",
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


async def test_a_key_typed_right_after_moving_week_ticks_the_week_shown(
    demo_path: Path,
) -> None:
    """A journal that reads quickly is read as the week changes: nothing is held back,
    and the key that follows lands in the new week's form, never in the old one's."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        examples = screen.query_one(SelectionList)
        examples.focus()
        monday = screen.monday
        # typed ahead: both keys queued before either is handled (Pilot.press would
        # wait for the app to be idle between them)
        app.post_message(events.Key("left_square_bracket", "["))
        app.post_message(events.Key("space", " "))
        await wait_until(pilot, lambda: screen.monday != monday, "the week moved")
        await workers_done(pilot)
        assert screen.monday == monday - dt.timedelta(weeks=1)
        assert screen.week_entries is not None and not examples.disabled
        shown = set(screen.week_entries[screen.areas[0].id].ticked)
        first = examples.get_option_at_index(0).value
        assert set(examples.selected) == shown ^ {first}, "the key was lost"
        assert screen.has_unsaved()


async def test_a_tick_typed_just_before_moving_week_is_asked_about(demo_path: Path) -> None:
    """The test above the other way round: a space queued before `[` ticks this week's
    form (a list ticks on a message it posts to itself), so moving on asks first, once
    however many `[` were queued behind it."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        examples = screen.query_one(SelectionList)
        examples.focus()
        monday, ticked = screen.monday, list(examples.selected)
        app.post_message(events.Key("space", " "))
        app.post_message(events.Key("left_square_bracket", "["))
        app.post_message(events.Key("left_square_bracket", "["))
        await screen_is(pilot, UnsavedDialog)
        assert screen.monday == monday and examples.selected != ticked
        assert [type(s) for s in app.screen_stack][-2:] == [CheckinScreen, UnsavedDialog]


async def test_nothing_can_be_ticked_or_typed_until_a_large_journals_week_is_read(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A large journal's week is read in a worker, and the read would overwrite what is
    typed meanwhile: the fields wait for the read, then take keys."""
    monkeypatch.setattr(quick_read, "READ_AT_ONCE_BYTES", 0)  # the demo reads as large
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_checkin(pilot)
        examples = screen.query_one(SelectionList)
        free = screen.query(Input).first()
        release = threading.Event()
        read = app.journal.unordered_entries

        def slow_read() -> list:
            release.wait(TIMEOUT)
            return read()

        monkeypatch.setattr(app.journal, "unordered_entries", slow_read)
        await pilot.press("left_square_bracket")
        await wait_until(pilot, lambda: examples.disabled and free.disabled, "the fields held")
        ticked, typed = list(examples.selected), free.value
        examples.focus()
        await pilot.press("space")
        free.focus()
        await pilot.press("x")
        assert (examples.selected, free.value) == (ticked, typed)
        release.set()
        await wait_until(pilot, lambda: not examples.disabled, "the week read")
        ticked = list(examples.selected)
        examples.focus()
        await pilot.press("space")
        await wait_until(pilot, lambda: examples.selected != ticked, "a tick once it is shown")
