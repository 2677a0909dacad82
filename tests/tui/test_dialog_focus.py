"""Every dialog with a field opens on its first field, so typing goes where the eye goes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.screen import ModalScreen

from careercoach.journal import Deleted
from careercoach.model import make_entry
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.profile import ProfileScreen
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.screens.quick_log import QuickLogDialog
from careercoach.tui.screens.trash import TrashDialog
from careercoach.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import MOMENT, TODAY, running, screen_is


def deleted() -> list[Deleted]:
    entry = make_entry(entry_id="abc234", date=TODAY, kind="note", title="gone")
    return [Deleted(entry, MOMENT)]


@pytest.mark.parametrize(
    "make",
    [
        lambda: EntryForm(today=TODAY),
        lambda: PromptDialog("Which file?", title="Import"),
        lambda: QuickLogDialog(today=TODAY),
        lambda: TrashDialog(deleted()),
        lambda: WelcomeScreen(today=TODAY),
    ],
)
async def test_a_dialog_opens_on_its_first_field(demo_path: Path, make) -> None:
    async with running(demo_path) as pilot:
        dialog: ModalScreen = make()
        pilot.app.push_screen(dialog)
        await screen_is(pilot, type(dialog))
        assert dialog.focused is not None
        assert dialog.focused is dialog.focus_chain[0]


async def test_the_profile_opens_on_its_first_field(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await pilot.press("p")
        screen = await screen_is(pilot, ProfileScreen)
        assert screen.focused is screen.query_one("#profile-name")
