"""Start the Textual app: on the user's journal, or on a throwaway demo copy."""

from __future__ import annotations

import os
import signal
from pathlib import Path
from types import FrameType

from careercoach import clock, collector, demo_folder
from careercoach.cli.context import AppContext
from careercoach.demo import write_demo
from careercoach.journal import Journal


def launch(app_ctx: AppContext, *, demo: bool) -> None:
    """Run the TUI until the user quits. Textual is imported only here."""
    if demo:
        with demo_folder.new_folder() as folder:
            path = Path(folder) / "demo-journal.json"
            write_demo(path, clock.today())
            _run(Journal(path, now=clock.now), demo=True)
        return
    _run(app_ctx.journal(), demo=False)


def _run(journal: Journal, *, demo: bool) -> None:
    from careercoach.tui.app import CareerCoachApp

    collector.for_app()
    hang_up = getattr(signal, "SIGHUP", None)  # not on Windows
    if hang_up is not None and signal.getsignal(hang_up) is signal.SIG_DFL:  # not under nohup
        signal.signal(hang_up, _terminal_gone)
    app = CareerCoachApp(journal, today=clock.today, demo=demo, stop_on=(signal.SIGTERM,))
    app.run()
    if app.stopped_by is not None:  # the status a shell expects of a program a signal ended
        raise SystemExit(128 + app.stopped_by)


def _terminal_gone(signum: int, _frame: FrameType | None) -> None:
    """The terminal window was closed: remove the demo folders, then end as the signal
    would have. Not through the app's own exit, which would wait forever to restore a
    terminal that is no longer there. Every save is atomic, so stopping here loses no
    saved work; work typed and not saved has no one left to ask about it."""
    try:
        demo_folder.remove_all()
    finally:
        signal.signal(signum, signal.SIG_DFL)
        os.kill(os.getpid(), signum)
