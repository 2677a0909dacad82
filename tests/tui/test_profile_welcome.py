"""The profile screen's validation, and the first-run welcome (with its demo option)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from filelock import FileLock
from textual.widgets import Input, Select

from careercoach import paths
from careercoach.model import Profile
from careercoach.tui.screens.conflict import ConflictDialog
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.profile import ProfileScreen
from careercoach.tui.screens.welcome import WelcomeScreen
from careercoach.tui.widgets.form import FormField
from tests.tui.conftest import (
    notifications,
    open_journal,
    open_screen,
    running,
    screen_is,
    screen_text,
    wait_until,
    workers_done,
)


async def test_the_profile_screen_shows_the_saved_profile(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        assert screen.query_one("#profile-name", Input).value == "Alex Morgan"
        assert screen.query_one("#profile-jlpt_level", Select).value == "N2"
        assert screen.query_one("#profile-next_evaluation", Input).value == "2026-12-30"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("next_evaluation", "2026-13-01", "bad date"),
        ("start_date", "last spring", "use YYYY-MM-DD"),
        ("name", "x" * 101, "at most 100 characters"),
    ],
)
async def test_invalid_profile_fields_are_marked_and_nothing_is_saved(
    demo_path: Path, field: str, value: str, message: str
) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        before = pilot.app.journal.profile()
        screen.query_one(f"#profile-{field}", Input).value = value
        await pilot.press("ctrl+s")
        box = screen.query_one(f"#field-{field}", FormField)
        await wait_until(pilot, lambda: box.has_class("-invalid"), f"#{field} marked")
        assert message in str(box.query_one(".field-error").render())
        assert pilot.app.journal.profile() == before


async def test_a_valid_profile_is_saved_and_shown_literally(demo_path: Path) -> None:
    async with running(demo_path, notifications=True) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        screen.query_one("#profile-name", Input).value = "[bold]x[/] $y {z}"
        screen.query_one("#profile-manager_name", Input).value = "text [/ oops"
        screen.query_one("#profile-jlpt_level", Select).value = "N1"
        screen.query_one("#profile-contract_renewal", Input).value = ""
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: "Profile saved." in notifications(pilot), "the save")
        await workers_done(pilot)
        profile = pilot.app.journal.profile()
        assert (profile.name, profile.manager_name) == ("[bold]x[/] $y {z}", "text [/ oops")
        assert profile.jlpt_level == "N1"
        assert profile.contract_renewal is None
        assert "Profile saved." in screen_text(pilot)
        assert "[bold]x[/] $y {z}" in screen_text(pilot)


async def test_first_run_welcome_saves_the_profile(empty_path: Path) -> None:
    async with running(empty_path) as pilot:
        assert isinstance(pilot.app.screen, WelcomeScreen)
        await pilot.press(*"Kim")
        pilot.app.screen.query_one("#profile-next_evaluation", Input).value = "2027-04-01"
        await pilot.press("ctrl+s")
        await screen_is(pilot, DashboardScreen)
        profile = pilot.app.journal.profile()
        assert (profile.name, profile.next_evaluation) == ("Kim", dt.date(2027, 4, 1))


async def test_the_welcome_asks_when_its_name_was_set_meanwhile(empty_path: Path) -> None:
    """`profile set name=Lee` from the shell while the welcome is open: the user keeps
    theirs, takes the shell's, or cancels back to the welcome as typed; the other
    fields the shell set are kept either way."""
    async with running(empty_path) as pilot:
        await pilot.press(*"Kim")
        shell = open_journal(empty_path)
        shell.merge_profile(Profile(), {"name": "Lee", "manager_name": "Sato"})
        await pilot.press("ctrl+s")
        dialog = await screen_is(pilot, ConflictDialog)
        assert "Lee" in screen_text(pilot) and "Kim" in screen_text(pilot)
        await pilot.press("escape")  # cancel: nothing saved, the welcome as typed
        welcome = await screen_is(pilot, WelcomeScreen)
        assert welcome.query_one("#profile-name", Input).value == "Kim"
        assert shell.profile().name == "Lee"
        await pilot.press("ctrl+s")
        dialog = await screen_is(pilot, ConflictDialog)
        await pilot.press("m")  # keep mine
        await screen_is(pilot, DashboardScreen)
        assert dialog is not pilot.app.screen
        assert (shell.profile().name, shell.profile().manager_name) == ("Kim", "Sato")


async def test_a_welcome_save_that_fails_comes_back_as_typed(empty_path: Path) -> None:
    async with running(empty_path, lock_timeout=0.05) as pilot:
        await pilot.press(*"Kim")
        with FileLock(str(paths.lock_path(empty_path))):
            await pilot.press("ctrl+s")
            await screen_is(pilot, ErrorDialog)
        await pilot.press("escape")
        welcome = await screen_is(pilot, WelcomeScreen)
        assert welcome.query_one("#profile-name", Input).value == "Kim"
        await pilot.press("ctrl+s")  # the lock is free now
        await screen_is(pilot, DashboardScreen)
    assert open_journal(empty_path).profile().name == "Kim"


async def test_first_run_welcome_validates_before_saving(empty_path: Path) -> None:
    async with running(empty_path) as pilot:
        pilot.app.screen.query_one("#profile-next_evaluation", Input).value = "soon"
        await pilot.press("ctrl+s")
        field = pilot.app.screen.query_one("#field-next_evaluation")
        await wait_until(pilot, lambda: field.has_class("-invalid"), "the date marked")
        assert isinstance(pilot.app.screen, WelcomeScreen)
        assert pilot.app.screen.query_one("#field-next_evaluation").has_class("-invalid")
        assert not empty_path.exists()


async def test_the_demo_option_never_touches_the_real_journal(empty_path: Path) -> None:
    async with running(empty_path) as pilot:
        await pilot.click("#demo")
        await wait_until(pilot, lambda: pilot.app.demo, "the demo journal")
        await screen_is(pilot, DashboardScreen)
        assert pilot.app.demo
        assert pilot.app.journal.path != empty_path
        assert len(pilot.app.journal.entries()) > 100
        assert pilot.app.journal.profile().name == "Alex Morgan"
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert pilot.app.screen.insight is not None and pilot.app.screen.insight.entries
        demo_file = pilot.app.journal.path
        journal = await open_screen(pilot, "j", JournalScreen)
        await pilot.press("x", "y")  # even deleting in the demo only touches the copy
        await screen_is(pilot, JournalScreen)
        assert pilot.app.screen is journal
        assert "demo journal" in screen_text(pilot)
    assert not empty_path.exists()
    assert not empty_path.parent.exists()
    assert demo_file.exists() or not demo_file.parent.exists()


async def test_skipping_the_welcome_writes_nothing(empty_path: Path) -> None:
    async with running(empty_path) as pilot:
        await pilot.press("escape", "escape")  # leave the name field, then the welcome
        await screen_is(pilot, DashboardScreen)
    assert not empty_path.exists()
