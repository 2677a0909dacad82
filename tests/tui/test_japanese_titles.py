"""The Japanese title of an entry in the app: the entry form and the weekly check-in."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input

from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.journal import JournalScreen
from tests.tui.conftest import SIZE, make_app, open_screen, ready, workers_done

LITERAL = "決済基盤 [b]$x{y}[/]"


async def test_entry_form_adds_edits_and_clears_the_japanese_title(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, EntryForm)
        await pilot.press(*"Led the launch")
        form.query_one("#title_ja", Input).value = f"  {LITERAL} "
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        added = app.journal.entries()[0]
        assert (added.title, added.title_ja) == ("Led the launch", LITERAL)

        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#title_ja", Input).value == LITERAL
        form.query_one("#title_ja", Input).value = ""
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        assert app.journal.get(added.id).title_ja == ""


async def test_entry_form_marks_a_bad_japanese_title(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a")
        form = app.screen
        await pilot.press(*"Led the launch")
        form.query_one("#title_ja", Input).value = "長" * 201
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        assert app.screen is form
        assert "at most 200" in str(form.query_one("#field-title_ja .field-error").render())


async def test_checkin_free_line_takes_a_japanese_title(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_screen(pilot, "w", CheckinScreen)
        before = {e.id for e in app.journal.entries()}
        screen.query_one("#free-bridge", Input).value = "Explained the release plan to HQ"
        screen.query_one("#free-ja-bridge", Input).value = LITERAL
        screen.query_one("#free-ja-invisible", Input).value = "机の片付け"
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        error = screen.query_one("#field-free-ja-invisible .field-error").render()
        assert "type the line above first" in str(error)
        assert {e.id for e in app.journal.entries()} == before, "nothing written on an error"
        screen.query_one("#free-ja-invisible", Input).value = ""
        await pilot.press("ctrl+s")
        await workers_done(pilot)
        [added] = [e for e in app.journal.entries() if e.id not in before]
        assert (added.title, added.title_ja) == ("Explained the release plan to HQ", LITERAL)
