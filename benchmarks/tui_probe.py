"""Start an app headless in this fresh process; print time to ready and peak memory.

`--bare` runs the reference: a bare Textual app (Header, Static, Footer). Otherwise
the careercoach app on `--journal`. Both report the first paint (the app running,
its screen laid out and taking keys: ours shows the dashboard filled in when the
journal reads quickly, up to 4 MB, else its loading indicator) and ready (everything
shown and settled: ours with the dashboard filled in). Time counts from interpreter
start-up, so both include importing Textual.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import asyncio  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import resource  # noqa: E402


async def bare() -> tuple[float, float]:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer, Header, Static

    class Bare(App):
        def compose(self) -> ComposeResult:
            yield Header()
            yield Static("Hello")
            yield Footer()

    app = Bare()
    async with app.run_test(size=(100, 32)) as pilot:
        first_paint = time.perf_counter() - STARTED  # running, screen laid out
        await pilot.pause()  # ...and settled: everything shown, nothing left to do
        ready = time.perf_counter() - STARTED
    return first_paint, ready


async def careercoach(path: str, today: dt.date) -> tuple[float, float]:
    from careercoach import collector

    collector.for_command()  # as `careercoach` itself: imports run without the collector
    from careercoach.journal import Journal
    from careercoach.tui.app import CareerCoachApp

    collector.for_app()  # ...and the app turns it on, as the launcher does
    app = CareerCoachApp(Journal(path), today=lambda: today)
    async with app.run_test(size=(100, 32)) as pilot:
        first_paint = time.perf_counter() - STARTED  # running, dashboard laid out
        while getattr(app.screen, "insight", None) is None:
            await asyncio.sleep(0.002)  # a light poll: a pilot pause would add its own work
        await pilot.pause()  # ...and settled, as the bare app is measured
        ready = time.perf_counter() - STARTED
    return first_paint, ready


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--bare", action="store_true")
    parser.add_argument("--journal")
    parser.add_argument("--today", default="2026-11-20")
    args = parser.parse_args()
    if args.bare:
        first, ready = asyncio.run(bare())
    else:
        first, ready = asyncio.run(careercoach(args.journal, dt.date.fromisoformat(args.today)))
    cpu = time.process_time()  # all threads, start-up included: steadier than wall time
    print(
        json.dumps(
            {"first_paint_s": first, "ready_s": ready, "cpu_s": cpu, "peak_kb": peak_rss_kb()}
        )
    )


def peak_rss_kb() -> int:
    """This process's own peak memory. ru_maxrss would do, but Linux carries it over
    from the parent across exec, so a big parent would mask the app's own figure."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


if __name__ == "__main__":
    main()
