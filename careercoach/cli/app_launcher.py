"""Start the Textual app: on the user's journal, or on a throwaway demo copy."""

from __future__ import annotations

import tempfile
from pathlib import Path

from careercoach import clock, collector
from careercoach.cli.context import AppContext
from careercoach.demo import write_demo
from careercoach.journal import Journal


def launch(app_ctx: AppContext, *, demo: bool) -> None:
    """Run the TUI until the user quits. Textual is imported only here."""
    if demo:
        with tempfile.TemporaryDirectory(prefix="careercoach-demo-") as folder:
            path = Path(folder) / "demo-journal.json"
            write_demo(path, clock.today())
            _run(Journal(path, now=clock.now), demo=True)
        return
    _run(app_ctx.journal(), demo=False)


def _run(journal: Journal, *, demo: bool) -> None:
    from careercoach.tui.app import CareerCoachApp

    collector.for_app()
    CareerCoachApp(journal, today=clock.today, demo=demo).run()
