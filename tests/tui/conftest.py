"""Helpers for driving the app headless: a fixed clock, demo journals, settling."""

from __future__ import annotations

import asyncio
import datetime as dt
import inspect
from pathlib import Path

import pytest
from textual.pilot import Pilot

from careercoach.demo import write_demo
from careercoach.journal import Journal
from careercoach.tui.app import CareerCoachApp

TODAY = dt.date(2026, 11, 20)
MOMENT = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc)
SIZE = (100, 32)


@pytest.hookimpl(tryfirst=True)
def pytest_pyfunc_call(pyfuncitem: pytest.Function) -> bool | None:
    """Run `async def` tests in a fresh event loop (no asyncio plugin needed)."""
    if not inspect.iscoroutinefunction(pyfuncitem.obj):
        return None
    names = pyfuncitem._fixtureinfo.argnames
    asyncio.run(pyfuncitem.obj(**{name: pyfuncitem.funcargs[name] for name in names}))
    return True


def open_journal(path: Path, **options: object) -> Journal:
    return Journal(path, now=lambda: MOMENT, backup_interval=0, **options)  # type: ignore[arg-type]


def make_app(path: Path, *, demo: bool = False, **options: object) -> CareerCoachApp:
    return CareerCoachApp(open_journal(path, **options), today=lambda: TODAY, demo=demo)


async def settle(pilot: Pilot, rounds: int = 4) -> None:
    """Let workers finish and the messages they post be handled (a few times over)."""
    for _ in range(rounds):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def ready(pilot: Pilot) -> None:
    """Wait until start-up is over and the first screen has loaded its data."""
    for _ in range(50):
        await settle(pilot, rounds=1)
        if pilot.app.started or pilot.app.screen_stack[-1].is_modal:
            break
    await settle(pilot)


def screen_text(pilot: Pilot) -> str:
    """What the terminal shows right now, as plain text (toasts included)."""
    strips = pilot.app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo" / "journal.json"
    path.parent.mkdir()
    write_demo(path, TODAY)
    return path


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    return tmp_path / "new" / "journal.json"
