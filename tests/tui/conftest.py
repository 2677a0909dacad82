"""Helpers for driving the app headless: a fixed clock, demo journals, condition waits.

Test modules import the helpers from here (`from tests.tui.conftest import ...`).
A test waits for the condition it needs (`wait_until`, `screen_is`, `workers_done`),
never for a fixed number of pauses or a fixed time: a busy machine only makes it slower.
`async def` tests run under pytest-asyncio (`asyncio_mode = "auto"` in pyproject.toml).
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import html
import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TypeVar

import pytest
from rich.cells import cell_len
from textual.app import App
from textual.errors import NoWidget
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Select, Static
from textual.widgets.select import InvalidSelectValueError
from textual.worker import Worker, WorkerCancelled, WorkerState

from careercoach.demo import write_demo
from careercoach.journal.api import Journal
from careercoach.tui.app import CareerCoachApp

TODAY = dt.date(2026, 11, 20)
# The demo's entries are stamped 09:00 on TODAY. What a test adds is stamped an hour
# later, so it is the newest of its day: the same date and time would order by ids,
# which are random.
MOMENT = dt.datetime(2026, 11, 20, 10, 0, tzinfo=dt.timezone.utc)
SIZE = (100, 32)
# How long a condition may take before the test fails. Generous on purpose: a test
# that passes never waits this long, and a loaded CI machine can be very slow.
TIMEOUT = 60.0
SomeScreen = TypeVar("SomeScreen", bound=Screen)


def open_journal(path: Path, **options: object) -> Journal:
    return Journal(path, now=lambda: MOMENT, **options)  # type: ignore[arg-type]


def make_app(path: Path, *, demo: bool = False, **options: object) -> CareerCoachApp:
    """The app on `path` with the fixed clock. Animations are off (`TEXTUAL_ANIMATIONS=none`
    does the same): a tab's underline or a scroll lands at once, so a snapshot never
    catches one half-way and a test never waits for one."""
    app = CareerCoachApp(open_journal(path, **options), today=lambda: TODAY, demo=demo)
    app.animation_level = "none"
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


async def wait_until(
    pilot: Pilot, condition: Callable[[], object], what: str = "", *, timeout: float = TIMEOUT
) -> None:
    """Let the app run until `condition()` holds; fail (saying `what`) after `timeout` s."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    delay: float | None = None  # the first look costs no sleep; later ones yield the CPU
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"waited {timeout:.0f} s for {what or condition}")
        await pilot.pause(delay)
        delay = 0.01


def busy_workers(pilot: Pilot) -> list[str]:
    """The workers still pending or running (by name)."""
    return [worker.name for worker in pilot.app.workers if not worker.is_finished]


async def outcome(worker: Worker) -> None:
    """Wait for `worker` to end. Being cancelled is a normal end (an exclusive worker
    is cancelled when a newer one replaces it); a failure is raised."""
    with contextlib.suppress(WorkerCancelled):
        await worker.wait()


async def workers_done(pilot: Pilot, *, timeout: float = TIMEOUT) -> None:
    """Wait until every worker has finished and the messages they posted are handled."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        started = [w for w in pilot.app.workers if w.state is not WorkerState.PENDING]
        await asyncio.wait_for(asyncio.gather(*map(outcome, started)), timeout)
        await pilot.pause()  # handles what they posted, which may start more workers
        if not busy_workers(pilot):
            return
        if loop.time() > deadline:
            raise AssertionError(f"workers still busy after {timeout:.0f} s: {busy_workers(pilot)}")


def laid_out(screen: Screen) -> bool:
    """Whether `screen` has been laid out, so a screenshot shows it (a screen just pushed
    is drawn a frame later; until then only the screens under it would show)."""
    try:
        screen.find_widget(screen)
    except NoWidget:
        return False
    return True


async def screen_is(pilot: Pilot, screen_class: type[SomeScreen]) -> SomeScreen:
    """Wait until the screen in front is a `screen_class`, laid out, its workers done."""
    await wait_until(
        pilot,
        lambda: isinstance(pilot.app.screen, screen_class) and laid_out(pilot.app.screen),
        f"the {screen_class.__name__} (in front: {type(pilot.app.screen).__name__})",
    )
    await workers_done(pilot)
    screen = pilot.app.screen
    assert isinstance(screen, screen_class)
    return screen


async def ready(pilot: Pilot) -> None:
    """Wait until start-up is over and the first screen has loaded its data."""
    app = pilot.app
    await wait_until(
        pilot,
        lambda: (app.started or app.screen.is_modal) and laid_out(app.screen),
        "start-up to finish",
    )
    await workers_done(pilot)


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
    """Press a screen's key and wait for it to be in front with its data loaded."""
    await pilot.press(key)
    return await screen_is(pilot, screen_class)


async def run_command(pilot: Pilot, name: str) -> None:
    """Run a command from the command palette by entering its name, as a paste would:
    the palette searches once, not once a letter (forty searches, each followed by
    Pilot's two idle waits, for the longest names)."""
    from textual.command import CommandInput, CommandList, CommandPalette

    await pilot.press("ctrl+p")
    palette = await screen_is(pilot, CommandPalette)
    palette.query_one(CommandInput).value = name
    commands = palette.query_one(CommandList)

    def highlighted() -> bool:  # the option Enter runs
        index = commands.highlighted
        return (
            index is not None
            and name.lower() in str(commands.get_option_at_index(index).prompt).lower()
        )

    await wait_until(pilot, highlighted, f"the command {name!r} highlighted")
    await pilot.press("enter")
    await wait_until(pilot, lambda: palette not in pilot.app.screen_stack, "the palette to close")
    await workers_done(pilot)


async def answer_prompt(pilot: Pilot, text: str) -> None:
    """Type `text` into the prompt dialog in front, press Enter, and wait until the
    dialog has gone and the work it started is done."""
    from textual.widgets import Input

    prompt = pilot.app.screen
    prompt.query_one("#answer", Input).value = text
    await pilot.press("enter")
    await wait_until(pilot, lambda: pilot.app.screen is not prompt, "the prompt to close")
    await workers_done(pilot)


async def choose(pilot: Pilot, select: Select, value: object) -> None:
    """Set `select` to `value` as soon as it offers it (a form fills some choices in
    after another field changes)."""

    def chosen() -> bool:
        try:
            select.value = value
        except InvalidSelectValueError:
            return False
        return True

    await wait_until(pilot, chosen, f"{value!r} offered in #{select.id}")


def wrote(pilot: Pilot) -> int:
    """How many notifications so far say a file was written ("Wrote ...")."""
    return sum(message.startswith("Wrote ") for message in notifications(pilot))


def keys_then_settle(*keys: str) -> Callable[[Pilot], Awaitable[None]]:
    """A snapshot's `run_before`: once the app is ready, press each key and wait for
    the workers it starts (and the messages they post) to be done."""

    async def run_before(pilot: Pilot) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await workers_done(pilot)
        steady_cursors(pilot)

    return run_before


def steady_cursors(pilot: Pilot) -> None:
    """Stop text cursors blinking, shown: a blink is half a second, and a picture
    taken on a slow machine must not depend on which half it lands in."""
    for widget in pilot.app.screen.query("Input, TextArea"):
        widget.cursor_blink = False  # type: ignore[attr-defined]


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


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo journal written once a worker: the same seed and clock always write
    the same file, and writing it (through the journal, with its fsyncs) cost each
    of the hundreds of tests that open the demo about 15 ms."""
    path = tmp_path_factory.mktemp("demo-template") / "journal.json"
    write_demo(path, TODAY)  # in the run's own home (tests/conftest.py), as it comes first
    return path


@pytest.fixture
def demo_path(tmp_path: Path, demo_template: Path) -> Path:
    """A fresh copy of the demo journal's folder for this test alone: the journal
    (private, as written), its lock file and the backup its profile save made."""
    folder = tmp_path / "demo"
    shutil.copytree(demo_template.parent, folder)
    return folder / demo_template.name


@pytest.fixture
def empty_path(tmp_path: Path) -> Path:
    return tmp_path / "new" / "journal.json"
