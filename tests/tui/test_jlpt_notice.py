"""A JLPT pass logged in the app raises the profile's level, and the app says so."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Select

from careercoach.journal.api import Journal
from careercoach.model import Profile
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.journal import JournalScreen
from tests.tui.conftest import SIZE, make_app, notifications, open_screen, ready, wait_until


async def test_a_logged_pass_raises_the_profile_level_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    Journal(path).save_profile(Profile(name="Alex", jlpt_level="N3"))
    app = make_app(path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ready(pilot)
        screen = await open_screen(pilot, "j", JournalScreen)
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, EntryForm)
        await pilot.press(*"JLPT N2 results")
        form.query_one("#kind", Select).value = "japanese"
        await wait_until(pilot, lambda: form.query_one("#subtype", Select).value is not None)
        form.query_one("#details", Input).value = "level=N2, knowledge=33, reading=36, listening=35"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is screen and app.journal.count() == 1)
        await wait_until(pilot, lambda: any("Profile JLPT" in n for n in notifications(pilot)))
        assert "Profile JLPT level: N3 -> N2" in " ".join(notifications(pilot))
        assert app.journal.profile().jlpt_level == "N2"
        (entry,) = app.journal.entries()
        assert entry.details["passed"] is True and entry.details["score"] == 104
