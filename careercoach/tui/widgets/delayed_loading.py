"""A loading state that shows only when the work takes a while.

Showing and hiding a loading indicator re-lays the screen twice (and a table covered
by one is not laid out at all), so a read that is over in a few milliseconds should
never show it; a slow one still does, after `DELAY_S`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

DELAY_S = 0.3


class DelayedLoading:
    """`start()` when work begins, `stop()` when it ends; `show(True)` is called only
    if the work is still running `DELAY_S` later (or at once when asked)."""

    def __init__(self, owner: Widget, show: Callable[[bool], None]) -> None:
        self.owner = owner
        self.show = show
        self.timer: Timer | None = None

    def start(self, *, at_once: bool = False) -> None:
        if at_once:
            self._shown()
        elif self.timer is None:
            self.timer = self.owner.set_timer(DELAY_S, self._shown)

    def _shown(self) -> None:
        self.timer = None
        self.show(True)

    def stop(self) -> None:
        if self.timer is not None:
            self.timer.stop()
            self.timer = None
        self.show(False)
