"""The app killed with SIGKILL while saving weekly check-ins loses no acknowledged entry.

A check-in counts as acknowledged once the app has told the user it is saved (the
"Saved the week of ...: 1 added" notification): that report is the promise the test
holds the app to.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import itertools
import os
import random
from pathlib import Path

import pytest
from textual.widgets import Input

from careercoach.demo import write_demo
from careercoach.journal.api import Journal
from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.dashboard import DashboardScreen
from tests.tui.conftest import SIZE, TODAY, make_app, notifications, ready, wait_until

from . import crash_harness
from .crash_harness import Ack, kill_at_random

ROUNDS = 12
READY = "-- ready to write --"  # acknowledged first, so kills are counted from the race


def saves_reported(pilot) -> int:
    return sum(message.startswith("Saved the week of") for message in notifications(pilot))


def checkin_loop(path: Path, ack: Ack) -> None:
    """Drive the app like a user: open the check-in, write a line, save; again and again.

    A week's check-in is edited, not repeated (a second line would retitle the first),
    so each round writes into a week whose line is still empty, picked at random.
    """
    weeks = random.Random(os.getpid())

    async def run() -> None:
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:

            async def open_checkin() -> Input:
                await pilot.press("w")
                await wait_until(
                    pilot,
                    lambda: (
                        isinstance(app.screen, CheckinScreen)
                        and app.screen.query("#free-team_events")
                    ),
                    "the check-in screen",
                )
                screen = app.screen
                assert isinstance(screen, CheckinScreen)
                line = screen.query_one("#free-team_events", Input)
                while True:  # a week whose line is still empty
                    screen.monday = screen.monday - dt.timedelta(weeks=weeks.randrange(1, 500))
                    screen.show_week()
                    await wait_until(pilot, lambda: screen.week_entries is not None, "the week")
                    if not line.value:
                        return line

            await ready(pilot)
            line = await open_checkin()  # its first opening builds it: not part of the race
            ack(READY)
            for n in itertools.count(1):
                title = f"Check-in {os.getpid()}-{n}"
                line.value = title
                await pilot.press("ctrl+s")
                await wait_until(
                    pilot,
                    lambda n=n: (
                        saves_reported(pilot) == n and isinstance(app.screen, DashboardScreen)
                    ),
                    f"the app to report save {n}",
                )
                ack(title)
                line = await open_checkin()

    asyncio.run(run())


@pytest.mark.slow
def test_killed_app_keeps_every_acknowledged_checkin(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    write_demo(path, TODAY)
    rng = random.Random(4)
    acknowledged: list[str] = []
    kills_before = crash_harness.kills
    for _ in range(ROUNDS):
        lines = kill_at_random(
            lambda ack: checkin_loop(path, ack), rng, acks=(1, 2), pause=0.3, patience=120.0
        )
        assert lines[:1] == [READY]
        acknowledged += lines[1:]
        present = {e.title for e in Journal(path).entries()}
        assert set(acknowledged) <= present
    assert crash_harness.kills - kills_before == ROUNDS
    assert len(acknowledged) >= ROUNDS // 4, "the app barely saved: the test proved little"
