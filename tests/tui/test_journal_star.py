"""The journal screen's star key: one press marks the highlight, another removes it."""

from __future__ import annotations

from pathlib import Path

from careercoach.tui.screens.journal import JournalScreen
from tests.tui.conftest import SIZE, make_app, open_screen, ready, wait_until, workers_done


def first_title(screen: JournalScreen) -> str:
    return str(screen.query_one("#entries").get_row_at(0)[2])


async def test_s_stars_and_unstars_the_selected_entry(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        screen = await open_screen(pilot, "j", JournalScreen)
        target = screen.selected()
        assert target is not None and not target.starred
        await pilot.press("s")
        await wait_until(pilot, lambda: first_title(screen).startswith("★ "), "the star shown")
        await workers_done(pilot)
        assert app.journal.get(target.id).starred is True
        assert screen.selected().id == target.id
        assert str(screen.query_one("#entries").get_row_at(0)[2]).startswith("★ ")
        assert "starred  yes" in str(screen.query_one("#detail-text").render())
        await pilot.press("s")
        await wait_until(pilot, lambda: not first_title(screen).startswith("★ "), "the star gone")
        await workers_done(pilot)
        assert app.journal.get(target.id).starred is False
