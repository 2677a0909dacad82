"""Helpers for driving the app headless: a fixed clock, demo journals, settling.

Test modules import the helpers from here (`from tests.tui.conftest import ...`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import html
import inspect
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Static

from careercoach.demo import write_demo
from careercoach.journal.api import Journal
from careercoach.tui.app import CareerCoachApp

TODAY = dt.date(2026, 11, 20)
# The demo's entries are stamped 09:00 on TODAY. What a test adds is stamped an hour
# later, so it is the newest of its day: the same date and time would order by ids,
# which are random.
MOMENT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)
SIZE = (100, 32)
SomeScreen = TypeVar("SomeScreen", bound=Screen)


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
    app = CareerCoachApp(open_journal(path, **options), today=lambda: TODAY, demo=demo)
    record_notifications(app)
    return app


def record_notifications(app: App) -> None:
    """Keep every notification's message in `app.notified` (Textual has no public list)."""
    notify = app.notify
    app.notified = []  # type: ignore[attr-defined]

    def recording(message: object, *args: object, **kwargs: object) -> None:
        app.notified.append(str(message))  # type: ignore[attr-defined]
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = recording  # type: ignore[method-assign]


def notifications(pilot: Pilot) -> list[str]:
    """The messages of every notification the app has shown, oldest first."""
    return list(pilot.app.notified)  # type: ignore[attr-defined]


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


@asynccontextmanager
async def running(
    path: Path,
    *,
    size: tuple[int, int] = SIZE,
    notifications: bool = False,
    **options: object,
) -> AsyncIterator[Pilot]:
    """The app on the journal at `path` (fixed clock), started and its first screen loaded."""
    app = make_app(path, **options)
    async with app.run_test(size=size, notifications=notifications) as pilot:
        await ready(pilot)
        yield pilot


async def open_screen(pilot: Pilot, key: str, screen_class: type[SomeScreen]) -> SomeScreen:
    """Press a screen's key and wait for it to load."""
    await pilot.press(key)
    await settle(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, screen_class)
    return screen


async def run_command(pilot: Pilot, name: str) -> None:
    """Run a command from the command palette by typing its name."""
    await pilot.press("ctrl+p")
    await settle(pilot)
    await pilot.press(*name)
    await settle(pilot)
    await pilot.press("enter")
    await settle(pilot)


def keys_then_settle(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """A snapshot's `run_before`: once the app is ready, press each key and let it settle."""

    async def run_before(pilot: Pilot) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


def shown(screen: Screen, selector: str) -> str:
    """The plain text a Static shows."""
    return str(screen.query_one(selector, Static).render())


_SVG_TEXT = re.compile(
    r'<text [^>]*?x="([\d.]+)" y="[\d.]+" textLength="([\d.]+)" '
    r'clip-path="url\(#[\w-]+-line-(\d+)\)">([^<]*)</text>'
)


def screen_text(pilot: Pilot) -> str:
    """What the terminal shows right now, as plain text (toasts included), read from
    Textual's public SVG screenshot: each run of text sits at its cell column."""
    rows: dict[int, str] = {}
    for x, length, line, escaped in _SVG_TEXT.findall(pilot.app.export_screenshot()):
        text = html.unescape(escaped).replace("\xa0", " ")
        cells = cell_len(text)
        column = round(float(x) / (float(length) / cells)) if cells else 0
        row = rows.get(int(line), "")
        rows[int(line)] = row + " " * max(0, column - cell_len(row)) + text
    height = pilot.app.size.height
    return "\n".join(rows.get(line, "") for line in range(height))


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    path = tmp_path / "demo" / "journal.json"
    path.parent.mkdir()
    write_demo(path, TODAY)
    return path


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    return tmp_path / "new" / "journal.json"
