"""The shared life cycle of the screens that show what the journal adds up to.

Dashboard, readiness and scripts all read the journal and assess it: seconds for a
large journal. This base class owns that part once: the work runs in a thread worker
behind the screen's loading indicator, failures become an error dialog, and the
result is recomputed whenever the journal file changed on disk (a check-in, an entry
added from the CLI) or the day turned. Each screen says only what to compute
(`compute_result`, in the worker) and how to show it (`show_result`).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Generic, TypeVar

from textual import work
from textual.message import Message
from textual.widgets import LoadingIndicator
from textual.worker import get_current_worker

from careercoach import collector
from careercoach.errors import CareerCoachError, JournalError
from careercoach.insight import Insight, is_current
from careercoach.tui.mode_styles import ModeScreen
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.widgets.delayed_loading import DelayedLoading

Result = TypeVar("Result")


class InsightScreen(ModeScreen, Generic[Result]):
    """A screen over one computed reading of the journal, kept current."""

    NAME: ClassVar[str] = ""
    """Shown as the sub-title and as the title of the error dialog."""

    class Computed(Message):
        def __init__(self, insight: Insight, result: object) -> None:
            super().__init__()
            self.insight = insight
            self.result = result

    class Failed(Message):
        def __init__(self, error: CareerCoachError) -> None:
            super().__init__()
            self.error = error
            self.problem = str(error)

    def __init__(self) -> None:
        super().__init__()
        self.insight: Insight | None = None
        self._start_failed = False
        """The journal could not be opened; wait for an explicit retry (F5, a restore)."""
        self.busy = DelayedLoading(self, self._show_loading)

    def compute_result(self, as_of: dt.date) -> tuple[Insight, Result]:
        """Read and assess the journal (in a worker thread): the insight and the extras."""
        raise NotImplementedError

    def show_result(self, insight: Insight, result: Result) -> None:
        """Show a fresh result (on the UI thread; `self.insight` is already set)."""
        raise NotImplementedError

    def on_mount(self) -> None:
        self.sub_title = self.NAME

    def on_screen_resume(self) -> None:
        if self._start_failed:
            return
        if not is_current(self.app.journal, self.insight, self.app.today()):
            self.action_refresh_insight()

    def action_refresh_insight(self) -> None:
        """Recompute from the journal as it is on disk now. The first time the loading
        indicator shows at once; later the last result stays up and the indicator
        comes only if the work takes a while (each show and hide re-lays the screen)."""
        self._start_failed = False
        self.busy.start(at_once=self.insight is None)
        self.compute(self.app.today())

    def _show_loading(self, shown: bool) -> None:
        self.query_one(LoadingIndicator).display = shown

    @work(thread=True, exclusive=True, group="insight")
    def compute(self, as_of: dt.date) -> None:
        try:
            with collector.paused():  # reading a big journal makes millions of objects at once
                message: Message = self.Computed(*self.compute_result(as_of))
        except CareerCoachError as exc:
            message = self.Failed(exc)
        except OSError as exc:
            message = self.Failed(JournalError(f"cannot read the journal: {exc.strerror or exc}"))
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_insight_screen_failed(self, event: Failed) -> None:
        self.busy.stop()
        if not self.app.started:
            self._start_failed = True
            self.app.journal_failed(event.error)
            return
        self.app.push_screen(ErrorDialog(event.problem, title=self.NAME))

    def on_insight_screen_computed(self, event: Computed) -> None:
        self.app.journal_opened()
        self.insight = event.insight
        self.busy.stop()
        self.show_result(event.insight, event.result)  # type: ignore[arg-type]
