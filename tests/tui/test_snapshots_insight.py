"""Snapshots of the insight screens on the demo journal with a fixed clock.

Each screen at 100x32 and at the smallest supported size, 80x24. Look at the SVGs in
the snapshot report before accepting a change with `--snapshot-update`.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import TabbedContent

from careercoach import plan as ip
from careercoach.journal.api import Journal
from careercoach.tui.screens.dashboard import DashboardScreen
from tests.tui.conftest import (
    keys_then_settle,
    make_app,
    ready,
    screen_is,
    wait_until,
    workers_done,
)

SIZES = [(100, 32), (80, 24)]


def with_plan(path: Path) -> None:
    """A plan three weeks in: two goals (one met but not recognised), a few answers."""
    plan = ip.new_plan(dt.date(2026, 11, 1), dt.date(2027, 1, 31))
    plan = ip.add_goal(plan, "Close 20 support tickets a week", specific=True, measurable=True)
    plan = ip.add_goal(plan, "Improve communication with the team")
    plan = ip.set_goal_status(plan, 1, "met", on=dt.date(2026, 11, 14), recognised=False)
    plan = ip.answer_sign(plan, "goals_clear", "no")
    plan = ip.answer_sign(plan, "hr_engaged", "unsure")
    plan = ip.mark_document(plan, ip.load_plan_content().documents[0].id)
    Journal(path).save_plan(plan.to_dict())


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("screen", "key"),
    [
        ("dashboard", None),
        ("readiness", "r"),
        ("scripts", "t"),
        ("plan_start", "i"),
    ],
)
def test_insight_screen(snap_compare, demo_path: Path, screen: str, key, size) -> None:
    assert snap_compare(
        make_app(demo_path),
        terminal_size=size,
        run_before=keys_then_settle(*([key] if key else [])),
    )


async def open_plan_tab(pilot, tab: str) -> None:
    await keys_then_settle("i")(pilot)
    tabs = pilot.app.screen.query_one("#plan-tabs", TabbedContent)
    tabs.active = tab
    await wait_until(pilot, lambda: tabs.active == tab, tab)
    await workers_done(pilot)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("tab", ["signs-tab", "verdict-tab", "goals-tab"])
def test_plan_with_a_plan(snap_compare, demo_path: Path, tab: str, size) -> None:
    with_plan(demo_path)

    async def run_before(pilot) -> None:
        await open_plan_tab(pilot, tab)

    assert snap_compare(make_app(demo_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("dialog", "tab", "key"),
    [("plan_dates", "signs-tab", "e"), ("goal", "goals-tab", "a"), ("meeting", "dates-tab", "c")],
)
def test_plan_dialogs(snap_compare, demo_path: Path, dialog: str, tab: str, key: str, size) -> None:
    with_plan(demo_path)

    async def run_before(pilot) -> None:
        await open_plan_tab(pilot, tab)
        await keys_then_settle(key)(pilot)

    assert snap_compare(make_app(demo_path), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_empty_journal_dashboard(snap_compare, empty_path: Path, size) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot)
        await pilot.press("escape", "escape")  # leave the name field, then the welcome
        await screen_is(pilot, DashboardScreen)

    assert snap_compare(make_app(empty_path), terminal_size=size, run_before=run_before)
