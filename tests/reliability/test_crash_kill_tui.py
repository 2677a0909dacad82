"""The app killed with SIGKILL while saving weekly check-ins loses no acknowledged entry."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from textual.widgets import SelectionList

from careercoach.demo import write_demo
from careercoach.journal.api import Journal
from careercoach.tui.screens.checkin import CheckinScreen
from tests.tui.conftest import SIZE, TODAY, make_app, ready, settle

from .crash_harness import Ack, kill_at_random

ROUNDS = 12


def checkin_loop(path: Path, ack: Ack) -> None:
    """Drive the app like a user: open the check-in, tick a box, save; again and again."""

    async def run() -> None:
        app = make_app(path)
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            while True:
                before = {e.id for e in app.journal.entries()}
                await pilot.press("w")
                await settle(pilot, rounds=1)
                assert isinstance(app.screen, CheckinScreen)
                app.screen.query_one("#examples-team_events", SelectionList).select("lunch")
                await pilot.press("ctrl+s")
                await settle(pilot, rounds=2)
                for entry in Journal(path).entries():
                    if entry.id not in before:
                        ack(entry.id)

    asyncio.run(run())


@pytest.mark.slow
def test_killed_app_keeps_every_acknowledged_checkin(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    write_demo(path, TODAY)
    rng = random.Random(4)
    acknowledged: list[str] = []
    for _ in range(ROUNDS):
        acknowledged += kill_at_random(
            lambda ack: checkin_loop(path, ack), rng, acks=(0, 1), pause=0.4
        )
        present = {e.id for e in Journal(path).entries()}
        assert set(acknowledged) <= present
    assert len(acknowledged) >= ROUNDS // 4, "the app barely saved: the test proved little"
