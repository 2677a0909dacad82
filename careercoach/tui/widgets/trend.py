"""The readiness trend: a sparkline of weekly scores with its start, end and change."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Sparkline, Static

from careercoach.readiness import TrendPoint


def describe_trend(points: Sequence[TrendPoint]) -> str:
    """One line a person can read without the chart."""
    if not points:
        return "No trend yet."
    first, last = points[0], points[-1]
    change = last.overall - first.overall
    direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
    amount = f" {abs(change)} points" if change else ""
    return (
        f"{len(points)} weeks: {first.overall} on {first.date.isoformat()} -> "
        f"{last.overall} on {last.date.isoformat()} ({direction}{amount})"
    )


class ReadinessTrend(Vertical):
    """Sparkline (scaled to its own low and high) plus a sentence with the numbers."""

    DEFAULT_CSS = """
    ReadinessTrend {
        height: auto;
    }
    ReadinessTrend > Sparkline {
        height: 3;
    }
    ReadinessTrend > Static {
        color: $text-muted;
    }
    """

    def compose(self) -> ComposeResult:
        yield Sparkline([], id="trend-line")
        yield Static("", id="trend-caption", markup=False)

    def show(self, points: Sequence[TrendPoint]) -> None:
        self.query_one(Sparkline).data = [float(p.overall) for p in points]
        self.query_one("#trend-caption", Static).update(describe_trend(points))
