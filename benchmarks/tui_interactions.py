"""Time three things a user does in the app, headless, in this fresh process.

- open the journal: `j` on the dashboard until the table shows its rows;
- a keystroke in the journal search until the table shows the filtered rows;
- saving a check-in (one typed line, ctrl+s) until the dashboard shows the new score.

`--bare` times the reference in a bare Textual app: a key that switches to a screen
with a table of 200 rows, and a keystroke in an Input that refills it. Every wait is
for a condition, checked at each turn of the event loop (no fixed sleeps).

A timed key is posted as a key event and the clock stops at the first screen refresh
after the state is reached: `Pilot.press` returns only once Textual's idle detection
has seen the process quiet (sleeps of 20 ms at a time), which would add that polling
to every figure, ours and the reference alike.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import time
from collections.abc import Callable
from typing import ClassVar

TIMEOUT_S = 30.0
POLL_S = 0.001


async def wait_for(pilot, condition: Callable[[], bool]) -> float:
    """Check `condition` every millisecond until it holds; the moment it did. A light
    poll: spinning the event loop would hold the GIL against the app's worker threads
    (the journal reads and writes in them) and slow down what is being timed."""
    deadline = time.perf_counter() + TIMEOUT_S
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app never reached the state being timed")
        await asyncio.sleep(POLL_S)
    return time.perf_counter()


async def timed_key(pilot, key: str, condition: Callable[[], bool]) -> float:
    """Seconds from posting `key` until the screen refresh after `condition` holds."""
    from textual import events

    app = pilot.app
    character = key if len(key) == 1 else None
    started = time.perf_counter()
    app.post_message(events.Key(key, character))
    await wait_for(pilot, condition)
    painted: asyncio.Future[float] = asyncio.get_running_loop().create_future()
    app.call_after_refresh(lambda: painted.set_result(time.perf_counter()))
    return await painted - started


async def ours(journal_path: str, today: dt.date) -> dict[str, float]:
    from textual.widgets import DataTable, Input

    from careercoach.insight import is_current
    from careercoach.journal import Journal
    from careercoach.tui.app import CareerCoachApp
    from careercoach.tui.screens.checkin import CheckinScreen
    from careercoach.tui.screens.dashboard import DashboardScreen
    from careercoach.tui.screens.journal import JournalScreen

    app = CareerCoachApp(Journal(journal_path), today=lambda: today)

    def dashboard_current() -> bool:
        screen = app.screen
        return isinstance(screen, DashboardScreen) and is_current(
            app.journal, screen.insight, today
        )

    def journal_rows() -> bool:
        screen = app.screen
        if not isinstance(screen, JournalScreen):
            return False
        tables = screen.query("#entries").results(DataTable)  # none until it is composed
        return any(table.row_count > 0 and not table.loading for table in tables)

    async with app.run_test(size=(100, 32)) as pilot:
        await wait_for(pilot, dashboard_current)
        timings = {}

        timings["open_journal_s"] = await timed_key(pilot, "j", journal_rows)

        screen = app.screen
        await pilot.press("slash")
        await wait_for(pilot, lambda: isinstance(app.focused, Input))
        before = screen.matched
        timings["search_keystroke_s"] = await timed_key(
            pilot, "m", lambda: screen.matched is not before and journal_rows()
        )
        await pilot.press("escape", "escape")

        await pilot.press("w")
        await wait_for(pilot, lambda: isinstance(app.screen, CheckinScreen))
        await wait_for(pilot, lambda: app.screen.week_entries is not None)  # the week is shown
        field = app.screen.query(Input).first()
        field.focus()
        await pilot.press(*"Helped a new colleague set up")
        timings["checkin_to_score_s"] = await timed_key(pilot, "ctrl+s", dashboard_current)
        if app.journal.count() == 0:
            raise RuntimeError("the check-in was not saved")
        return timings


async def bare() -> dict[str, float]:
    from textual.app import App, ComposeResult
    from textual.screen import Screen
    from textual.widgets import DataTable, Footer, Header, Input, Static

    class Table(Screen):
        def compose(self) -> ComposeResult:
            yield Input()
            yield DataTable()

        def on_mount(self) -> None:
            table = self.query_one(DataTable)
            table.add_columns("date", "title")
            self.fill("")

        def fill(self, text: str) -> None:
            table = self.query_one(DataTable)
            table.clear()
            for i in range(200):
                table.add_row("2026-11-20", f"row {i} {text}")

        def on_input_changed(self, event: Input.Changed) -> None:
            self.fill(event.value)
            self.filled = event.value

    class Bare(App):
        BINDINGS: ClassVar = [("j", "table", "Table")]

        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello")
            yield Footer()

        def action_table(self) -> None:
            self.push_screen(Table())

    app = Bare()
    async with app.run_test(size=(100, 32)) as pilot:
        timings = {}
        timings["open_journal_s"] = await timed_key(
            pilot,
            "j",
            lambda: (
                isinstance(app.screen, Table)
                and any(table.row_count == 200 for table in app.screen.query(DataTable))
            ),
        )
        await pilot.pause()
        app.screen.query_one(Input).focus()
        await pilot.pause()
        timings["search_keystroke_s"] = await timed_key(
            pilot, "m", lambda: getattr(app.screen, "filled", "") == "m"
        )
        return timings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--journal")
    parser.add_argument("--today", default="2026-11-20")
    args = parser.parse_args()
    if args.bare:
        result = asyncio.run(bare())
    else:
        result = asyncio.run(ours(args.journal, dt.date.fromisoformat(args.today)))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
