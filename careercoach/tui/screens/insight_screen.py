"""The shared life cycle of the screens that show what the journal adds up to.

Dashboard, readiness and scripts all read the journal and assess it: seconds for a
large journal. This base class owns that part once: the work runs in a thread worker
behind the screen's loading indicator, failures become an error dialog, and the
result is recomputed whenever the journal file changed on disk (a check-in, an entry
added from the CLI) or the day turned. Each screen says only what to compute
(`compute_result`, in the worker) and how to show it (`show_result`).

At start-up, a journal that reads quickly is read before the first frame instead:
the dashboard then appears filled in, laid out once, where the worker drew a loading
indicator, laid the screen out, and laid it out again with the score (8% of the
start's CPU at 10k entries, in 15 alternating starts). A larger journal is still read
in the worker.
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
from careercoach.tui.quick_read import reads_quickly
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
        """Recompute from the journal as it is on disk now. At start-up a journal that
        reads quickly is read at once, before the first frame; otherwise the first time
        the loading indicator shows at once, and later the last result stays up and the
        indicator comes only if the work takes a while (each show and hide re-lays the
        screen)."""
        self._start_failed = False
        if self.insight is None and not self.app.started and reads_quickly(self.app.journal):
            self.settle(self.reading(self.app.today()))  # before the first frame
            return
        self.busy.start(at_once=self.insight is None)
        self.compute(self.app.today())

    def _show_loading(self, shown: bool) -> None:
        self.query_one(LoadingIndicator).display = shown

    def reading(self, as_of: dt.date) -> tuple[Insight, Result] | CareerCoachError:
        """The journal read and assessed, or why it could not be."""
        try:
            with collector.paused():  # reading a big journal makes millions of objects at once
                return self.compute_result(as_of)
        except CareerCoachError as exc:
            return exc
        except OSError as exc:
            return JournalError(f"cannot read the journal: {exc.strerror or exc}")

    @work(thread=True, exclusive=True, group="insight")
    def compute(self, as_of: dt.date) -> None:
        outcome = self.reading(as_of)
        if get_current_worker().is_cancelled:
            return
        if isinstance(outcome, CareerCoachError):
            self.post_message(self.Failed(outcome))
        else:
            self.post_message(self.Computed(*outcome))

    def on_insight_screen_failed(self, event: Failed) -> None:
        self.settle(event.error)

    def on_insight_screen_computed(self, event: Computed) -> None:
        self.settle((event.insight, event.result))  # type: ignore[arg-type]

    def settle(self, outcome: tuple[Insight, Result] | CareerCoachError) -> None:
        """Show a reading's outcome (on the UI thread)."""
        self.busy.stop()
        if isinstance(outcome, CareerCoachError):
            if not self.app.started:
                self._start_failed = True
                self.app.journal_failed(outcome)
            else:
                self.app.push_screen(ErrorDialog(str(outcome), title=self.NAME))
            return
        self.app.journal_opened()
        self.insight, result = outcome
        self.show_result(self.insight, result)
