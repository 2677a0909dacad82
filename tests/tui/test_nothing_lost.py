"""Nothing typed is lost: unsaved-changes prompts, paste, empty dates, tiny terminals."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from types import SimpleNamespace

import pytest
from rich.console import Console
from textual import events
from textual.widgets import Input, TextArea

from careercoach.journal.api import Draft
from careercoach.model import Profile, make_entry
from careercoach.readiness import CriterionScore
from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.entry_form import EntryForm, split_details
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.profile import ProfileScreen
from careercoach.tui.screens.readiness import ReadinessScreen, evidence_table
from careercoach.tui.screens.scripts import ScriptsScreen
from careercoach.tui.screens.unsaved import UnsavedDialog
from careercoach.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import (
    TODAY,
    notifications,
    open_journal,
    open_screen,
    running,
    screen_is,
    screen_text,
    wait_until,
    workers_done,
)


async def test_pagedown_in_a_dropdown_with_no_room_does_not_crash(demo_path: Path) -> None:
    """Textual 8.2.8 raised KeyError here (textual#5794); the app swallows the key."""
    async with running(demo_path, size=(40, 8)) as pilot:
        await open_screen(pilot, "t", ScriptsScreen)
        await pilot.press("tab", "enter")
        await workers_done(pilot)
        await pilot.press("pagedown", "pageup", "pagedown")
        await workers_done(pilot)
        assert pilot.app.is_running and isinstance(pilot.app.screen, ScriptsScreen)


async def test_pagedown_still_pages_a_list_with_room(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "r", ReadinessScreen)
        await workers_done(pilot)
        options = pilot.app.screen.query_one("#criteria-list")
        await pilot.press("pagedown")
        assert options.highlighted == options.option_count - 1


async def test_profile_shows_unset_dates_empty_and_saves(empty_path: Path) -> None:
    open_journal(empty_path).save_profile(Profile(name="Ana"))
    async with running(empty_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        for name in ("start_date", "next_evaluation", "contract_renewal"):
            assert screen.query_one(f"#profile-{name}", Input).value == ""
        assert "None" not in screen_text(pilot)
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        assert not screen.query(".-invalid")


async def type_in_checkin(pilot) -> CheckinScreen:
    screen = await open_screen(pilot, "w", CheckinScreen)
    field = screen.query(Input).first()
    field.focus()
    await pilot.press(*"Helped Sato-san")
    return screen


async def test_checkin_letters_never_leave_and_escape_asks(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await type_in_checkin(pilot)
        await pilot.press("escape")  # leaves the field
        assert screen.focused is None
        await pilot.press("q", "t", "d")  # screen keys never fire on a form
        await workers_done(pilot)
        assert pilot.app.screen is screen and pilot.app.is_running
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("k")  # keep editing
        assert pilot.app.screen is screen
        assert screen.query(Input).first().value == "Helped Sato-san"
        await pilot.press("escape")
        await pilot.press("d")  # discard
        await workers_done(pilot)
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert screen.query(Input).first().value == ""


async def test_quitting_with_an_unsaved_checkin_asks(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await type_in_checkin(pilot)
        await pilot.press("ctrl+q")
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("escape")  # keep editing: back on the check-in, text kept
        assert pilot.app.screen is screen and pilot.app.is_running
        await pilot.press("ctrl+q", "d")
        await workers_done(pilot)
        assert not pilot.app.is_running


async def test_quitting_can_save_the_checkin_first(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        before = pilot.app.journal.count()
        await type_in_checkin(pilot)
        await pilot.press("ctrl+q")
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("s")  # save and quit
        await wait_until(pilot, lambda: not pilot.app.is_running, "the app to quit")
    journal = open_journal(demo_path)
    assert journal.count() == before + 1
    assert journal.entries()[0].title == "Helped Sato-san"


async def test_quitting_saves_each_unsaved_form_in_turn(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        screen.query_one("#profile-name", Input).value = "Ana Silva"
        await pilot.press("escape")  # leave the field; the profile stays unsaved
        await pilot.app.switch_mode("dashboard")
        await type_in_checkin(pilot)
        await pilot.press("ctrl+q")
        first = await screen_is(pilot, UnsavedDialog)
        await pilot.press("s")  # the first form saved, the app asks about the second
        await wait_until(
            pilot,
            lambda: isinstance(pilot.app.screen, UnsavedDialog) and pilot.app.screen is not first,
            "the second question",
        )
        await pilot.press("s")
        await wait_until(pilot, lambda: not pilot.app.is_running, "the app to quit")
    journal = open_journal(demo_path)
    assert journal.profile().name == "Ana Silva"
    assert any(entry.title == "Helped Sato-san" for entry in journal.entries())


async def test_a_save_at_quit_that_fails_stays_on_the_form(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        field = screen.query_one("#profile-start_date", Input)
        field.value = "not a date"
        await pilot.press("ctrl+q")
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("s")
        await workers_done(pilot)
        assert pilot.app.is_running and pilot.app.screen is screen
        assert field.value == "not a date"  # kept, marked for fixing
        assert "Please fix the marked fields." in notifications(pilot)


async def test_checkin_saved_from_the_prompt(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        before = pilot.app.journal.count()
        await type_in_checkin(pilot)
        await pilot.press("escape", "escape", "s")
        await workers_done(pilot)
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert pilot.app.journal.count() == before + 1


async def test_entry_form_escape_asks_and_saves(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a", *"Wrote the minutes", "escape")
        assert isinstance(pilot.app.screen, EntryForm)  # the first Escape left the field
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("s")
        await workers_done(pilot)
        assert isinstance(pilot.app.screen, JournalScreen)
        assert pilot.app.journal.entries()[0].title == "Wrote the minutes"


async def test_untouched_entry_form_closes_without_asking(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a", "escape", "escape")
        assert isinstance(pilot.app.screen, JournalScreen)


async def test_profile_escape_asks_and_saves(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        name = screen.query_one("#profile-name", Input)
        name.focus()
        name.value = "Ana Silva"
        await pilot.press("escape", "escape")
        assert isinstance(pilot.app.screen, UnsavedDialog)
        await pilot.press("s")
        await workers_done(pilot)
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert pilot.app.journal.profile().name == "Ana Silva"


async def test_profile_keeps_typing_when_help_closes(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        screen.query_one("#profile-name", Input).value = "typed, not saved"
        await pilot.press("escape", "question_mark")  # leave the field, then open the help
        await workers_done(pilot)
        await pilot.press("escape")
        await workers_done(pilot)
        assert screen.query_one("#profile-name", Input).value == "typed, not saved"


async def test_pasting_two_lines_into_the_title_keeps_both(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a")
        form = pilot.app.screen
        title = form.query_one("#title", Input)
        title.post_message(events.Paste("Reviewed the spec\nwith the Osaka team\n"))
        await workers_done(pilot)
        assert title.value == "Reviewed the spec with the Osaka team"


async def test_welcome_ctrl_d_works_from_the_name_field(empty_path: Path) -> None:
    async with running(empty_path, notifications=True) as pilot:
        assert isinstance(pilot.app.screen, WelcomeScreen)
        assert pilot.app.focused is pilot.app.screen.query_one("#profile-name")
        await pilot.press("ctrl+d")
        await workers_done(pilot)
        assert pilot.app.demo and isinstance(pilot.app.screen, DashboardScreen)
    assert not empty_path.exists()


async def test_a_future_date_gets_a_word(demo_path: Path) -> None:
    async with running(demo_path, notifications=True) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a", *"Planned offsite")
        date = pilot.app.screen.query_one("#date", Input)
        date.value = (TODAY + dt.timedelta(days=10)).isoformat()
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        assert "date in the future" in screen_text(pilot)


async def test_entry_form_notes_survive_a_second_look(demo_path: Path) -> None:
    """Reopening an entry shows its notes; cancelling an untouched edit asks nothing."""
    journal = open_journal(demo_path)
    journal.add(Draft(TODAY, "note", "Edited later", notes="line one\nline two"))
    async with running(demo_path) as pilot:
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("e")
        form = pilot.app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#notes", TextArea).text == "line one\nline two"
        await pilot.press("escape", "escape")
        assert isinstance(pilot.app.screen, JournalScreen)


@pytest.mark.parametrize(
    ("typed", "pairs"),
    [
        ("level=N2 passed=yes", ["level=N2", "passed=yes"]),
        ("level=N2, passed=yes", ["level=N2", "passed=yes"]),
        ("audience=whole team level=N2", ["audience=whole team", "level=N2"]),
        ("", []),
    ],
)
def test_details_accept_spaces_like_tags(typed: str, pairs: list[str]) -> None:
    assert split_details(typed) == pairs


def test_long_mixed_titles_keep_every_character_when_wrapped() -> None:
    """A run of Japanese has no space to wrap at: it folds, nothing is cut off."""
    title = "Very long title about 日本語のドキュメントを翻訳した work and more 会議室の準備"
    entry = make_entry(entry_id="abc234", date=TODAY, kind="note", title=title)
    score = CriterionScore(
        id="c",
        title="c",
        section="s",
        weight=1,
        score=50,
        explanation="",
        evidence_ids=(entry.id,),
        gap=0.5,
        actions=(),
    )
    insight = SimpleNamespace(by_id={entry.id: entry})
    for width in (30, 31, 32, 40):
        console = Console(width=width)
        with console.capture() as captured:
            console.print(evidence_table(score, insight))  # type: ignore[arg-type]
        shown = "".join(line[11:].strip() for line in captured.get().splitlines())
        assert shown.replace(" ", "") == title.replace(" ", ""), width


async def test_pagedown_in_the_command_palette_with_no_room_does_not_crash(
    demo_path: Path,
) -> None:
    """The palette's input passes PageDown to its list, which had no room at 12x3."""
    async with running(demo_path, size=(12, 3)) as pilot:
        await pilot.press("ctrl+p", *"ex", "pagedown", "pageup")
        await workers_done(pilot)
        assert pilot.app.is_running
