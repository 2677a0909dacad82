"""Every dialog with a field opens on its first field, so typing goes where the eye goes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.screen import ModalScreen
from textual.widgets import Checkbox, TextArea

from careercoach.journal import Deleted
from careercoach.model import make_entry
from careercoach.plan import new_plan
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.plan import PlanScreen
from careercoach.tui.screens.plan_dialogs import GoalDialog, MeetingDialog, PlanDatesDialog
from careercoach.tui.screens.profile import ProfileScreen
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.screens.quick_log import QuickLogDialog
from careercoach.tui.screens.trash import TrashDialog
from careercoach.tui.screens.unsaved import UnsavedDialog
from careercoach.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import MOMENT, TODAY, running, screen_is, wait_until

PLAN = new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31))


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
        lambda: GoalDialog(PLAN, TODAY),
        lambda: MeetingDialog(PLAN, TODAY),
        lambda: PlanDatesDialog(PLAN, TODAY),
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


async def test_a_new_goal_starts_with_no_quality_ticked(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        dialog = GoalDialog(PLAN, TODAY)
        pilot.app.push_screen(dialog)
        await screen_is(pilot, GoalDialog)
        ticks = [box.value for box in dialog.query(Checkbox).results()]
        assert ticks == [False, False, False, False]


async def test_leaving_a_plan_form_with_typed_work_asks_first(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        dialog = MeetingDialog(PLAN, TODAY)
        pilot.app.push_screen(dialog)
        await screen_is(pilot, MeetingDialog)
        dialog.query_one("#meeting-note", TextArea).text = "Agreed weekly 1:1s"
        await pilot.press("escape")  # leaves the date field
        await pilot.press("escape")  # leaves the form: asks
        await screen_is(pilot, UnsavedDialog)
        await pilot.press("k")
        await screen_is(pilot, MeetingDialog)
        assert dialog.query_one("#meeting-note", TextArea).text == "Agreed weekly 1:1s"


async def test_tab_in_the_plan_start_form_goes_from_the_button_to_the_dates(
    demo_path: Path,
) -> None:
    """No invisible Tab stop: from the Start button, the start date, then the end date
    (a plan was once saved 13 days long when dates went into the wrong fields)."""
    async with running(demo_path) as pilot:
        await pilot.press("i")
        screen = await screen_is(pilot, PlanScreen)
        await wait_until(pilot, lambda: screen.focused is not None, "focus")
        assert screen.focused is screen.query_one("#start-plan")
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#start-date")
        await pilot.press("tab")
        assert screen.focused is screen.query_one("#end-date")
