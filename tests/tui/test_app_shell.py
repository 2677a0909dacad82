"""The app shell: modes and their keys, help, refresh, errors, themes, the palette."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from filelock import FileLock
from textual.widgets import Input

from careercoach import paths
from careercoach.journal.api import Draft
from careercoach.settings import load_settings
from careercoach.tui.app import SCREENS
from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.error import RESTORE_HINT, ErrorDialog
from careercoach.tui.screens.help import HelpScreen, key_rows
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.profile import ProfileScreen
from careercoach.tui.screens.readiness import ReadinessScreen
from careercoach.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import (
    SIZE,
    TODAY,
    make_app,
    open_journal,
    open_screen,
    running,
    screen_is,
    screen_text,
    shown,
    wait_until,
)


@pytest.mark.parametrize(
    ("key", "screen_class"),
    [
        ("j", JournalScreen),
        ("w", CheckinScreen),
        ("p", ProfileScreen),
        ("d", DashboardScreen),
    ],
)
async def test_mode_keys_open_their_screens(demo_path: Path, key, screen_class) -> None:
    async with running(demo_path) as pilot:
        assert isinstance(pilot.app.screen, DashboardScreen)
        await pilot.press("j" if key == "d" else "r", key)
        await screen_is(pilot, screen_class)


async def test_the_footer_shows_the_keys_in_the_first_frame(demo_path: Path) -> None:
    """Not a frame later: the keys are what a user reads first."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE):  # running, first frame drawn, nothing awaited
        shown = {key.binding.key for key in app.screen.query_one(KeyFooter).shown_keys()}
        assert {mode.key for mode in SCREENS.values()} | {"question_mark", "ctrl+p"} <= shown


@pytest.mark.parametrize("size", [(80, 24), (100, 32), (160, 40)])
async def test_the_footer_shows_whole_keys_and_always_the_palette(demo_path: Path, size) -> None:
    async with running(demo_path, size=size) as pilot:
        footer = pilot.app.screen.query_one(KeyFooter)
        line = screen_text(pilot).splitlines()[-1]
        shown = footer.shown_keys()
        assert shown[-1].binding.key == "ctrl+p" and line.rstrip().endswith("^p palette")
        for key in shown[:-1]:  # each key's label whole, where it was drawn
            label = f"{pilot.app.get_key_display(key.binding)} {key.binding.description}"
            assert line[key.start : key.end].strip() == label
        if size[0] >= 160:
            assert {"f5", "q"} <= {key.binding.key for key in shown}


async def test_clicking_a_footer_key_runs_it(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        footer = pilot.app.screen.query_one(KeyFooter)
        journal = next(key for key in footer.shown_keys() if key.binding.key == "j")
        await pilot.click(KeyFooter, offset=(journal.start + 1, 0))
        await screen_is(pilot, JournalScreen)


async def test_help_lists_every_screens_keys_from_the_bindings(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await pilot.press("j", "question_mark")
        await screen_is(pilot, HelpScreen)
        text = str(pilot.app.screen.query_one("#help-text").render())
        for screen_class in (JournalScreen, CheckinScreen, ProfileScreen, type(pilot.app)):
            rows = key_rows(pilot.app, screen_class)
            assert rows
            for keys, description in rows:
                line = rf"^ +{re.escape(keys)} +{re.escape(description)}$"
                assert re.search(line, text, re.MULTILINE), (keys, description)
        headings = [line for line in text.splitlines() if line and not line.startswith(" ")]
        assert headings[:3] == ["Everywhere", "Journal", "Dashboard"]  # current screen first
        assert {"Week check-in", "Profile", "Readiness", "Entry form"} <= set(headings)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, JournalScreen)


async def test_navigation_keys_are_off_while_a_dialog_is_open(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("x")  # delete confirmation
        await pilot.press("p")
        assert pilot.app.current_mode == "journal"
        assert pilot.app.screen.is_modal


async def test_corrupt_journal_shows_the_error_and_the_restore_hint(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.write_text('{"_meta": {"1": {"app": "careercoach", "schema": 1}}, "entries": [')
    async with running(path) as pilot:
        assert isinstance(pilot.app.screen, ErrorDialog)
        text = screen_text(pilot)
        assert "broken JSON" in text
        assert RESTORE_HINT in text
        assert "Traceback" not in text
        await pilot.click("#quit")
    assert pilot.app.return_code == 2
    assert path.read_text().endswith('"entries": [')  # left untouched


async def test_a_locked_journal_gets_a_clear_dialog(demo_path: Path) -> None:
    async with running(demo_path, lock_timeout=0.05) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        with FileLock(str(paths.lock_path(demo_path))):
            await pilot.press("a", *"Wrote the minutes", "ctrl+s")
            dialog = await screen_is(pilot, ErrorDialog)
        # The message starts with the journal's path, so where it wraps depends on the
        # folder the test runs in: read the message whole, and the title on screen.
        assert "another careercoach has held the lock" in shown(dialog, "#error-message")
        await wait_until(
            pilot, lambda: "The journal is busy" in screen_text(pilot), "the dialog on screen"
        )
        await pilot.press("escape")  # back to the form, as typed: nothing is lost
        form = await screen_is(pilot, EntryForm)
        assert form.query_one("#title", Input).value == "Wrote the minutes"
        await pilot.press("ctrl+s")  # the lock is free now
        await screen_is(pilot, JournalScreen)
        await wait_until(pilot, lambda: "Wrote the minutes" in screen_text(pilot), "the entry")
    assert [e.title for e in open_journal(demo_path).entries()].count("Wrote the minutes") == 1


async def test_an_edit_that_fails_to_save_comes_back_as_typed(demo_path: Path) -> None:
    async with running(demo_path, lock_timeout=0.05) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("e")
        form = await screen_is(pilot, EntryForm)
        form.query_one("#title", Input).value = "Renamed while the lock was held"
        with FileLock(str(paths.lock_path(demo_path))):
            await pilot.press("ctrl+s")
            await screen_is(pilot, ErrorDialog)
        await pilot.press("escape")
        form = await screen_is(pilot, EntryForm)
        assert form.query_one("#title", Input).value == "Renamed while the lock was held"
        await pilot.press("ctrl+s")
        await screen_is(pilot, JournalScreen)
    titles = [e.title for e in open_journal(demo_path).entries()]
    assert "Renamed while the lock was held" in titles


async def test_an_entry_added_elsewhere_appears_after_f5(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        open_journal(demo_path).add(Draft(TODAY, "note", "Logged from the shell"))
        assert "Logged from the shell" not in screen_text(pilot)
        await pilot.press("f5")
        await wait_until(pilot, lambda: "Logged from the shell" in screen_text(pilot), "the entry")


async def test_an_entry_added_elsewhere_appears_on_return(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await open_screen(pilot, "r", ReadinessScreen)
        open_journal(demo_path).add(Draft(TODAY, "note", "Added while away"))
        await pilot.press("j")
        await wait_until(pilot, lambda: "Added while away" in screen_text(pilot), "the entry")


async def test_the_chosen_theme_is_remembered(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        pilot.app.theme = "nord"
        await wait_until(pilot, lambda: load_settings().theme == "nord", "the theme saved")
    assert load_settings().theme == "nord"
    assert paths.settings_path().stat().st_mode & 0o777 == 0o600
    async with running(demo_path) as pilot:
        assert pilot.app.theme == "nord"


async def test_a_theme_change_reaches_every_screen(demo_path: Path) -> None:
    """A mode switch skips Textual's restyle when nothing changed (careercoach.tui.
    mode_styles): a screen that was in another mode when the theme changed, or a
    dialog stacked on it, must still take the new theme when shown again."""
    async with running(demo_path) as pilot:
        app = pilot.app
        await open_screen(pilot, "j", JournalScreen)
        dashboard = await open_screen(pilot, "d", DashboardScreen)
        dark = dashboard.styles.background
        app.theme = "textual-light"  # restyles the screen in front: the dashboard
        await wait_until(pilot, lambda: dashboard.styles.background != dark, "the new theme")
        light = dashboard.styles.background
        assert (await open_screen(pilot, "j", JournalScreen)).styles.background == light
        readiness = await open_screen(pilot, "r", ReadinessScreen)  # first opened now
        assert readiness.styles.background == light
        await pilot.press("question_mark")
        help_screen = await screen_is(pilot, HelpScreen)
        help_light = help_screen.styles.background
        app.switch_mode("journal")  # as the palette does while a dialog is up
        await screen_is(pilot, JournalScreen)
        app.theme = "textual-dark"
        await wait_until(pilot, lambda: app.screen.styles.background == dark, "the old theme")
        app.switch_mode("readiness")
        await screen_is(pilot, HelpScreen)
        assert readiness.styles.background == dark
        assert help_screen.styles.background != help_light


async def test_every_screen_is_in_the_command_palette(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        titles = {command.title for command in pilot.app.get_system_commands(pilot.app.screen)}
        assert {"Dashboard", "Journal", "Week check-in", "Readiness", "Scripts"} <= titles
        assert {"Improvement plan", "Profile", "Help", "Refresh", "Quit"} <= titles
