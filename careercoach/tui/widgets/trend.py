"""The readiness trend: a sparkline of weekly scores, its numbers in the bottom border."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Sparkline

from careercoach.readiness import TrendPoint


def describe_trend(points: Sequence[TrendPoint]) -> str:
    """One line a person can read without the chart."""
    if not points:
        return "No trend yet."
    first, last = points[0], points[-1]
    change = last.overall - first.overall
    direction = "up" if change > 0 else "down" if change < 0 else "unchanged"
    amount = f" {abs(change)} point{'s' if abs(change) != 1 else ''}" if change else ""
    return (
        f"{len(points)} weeks: {first.overall} on {first.date.isoformat()} -> "
        f"{last.overall} on {last.date.isoformat()} ({direction}{amount})"
    )


class ReadinessTrend(Sparkline):
    """Weekly scores, scaled to their own low and high; the sentence with the numbers
    sits in the bottom border, where it costs no row of its own."""

    DEFAULT_CSS = """
    ReadinessTrend {
        border-subtitle-align: left;
        border-subtitle-color: $text-muted;
    }
    """

    def show(self, points: Sequence[TrendPoint]) -> None:
        self.data = [float(p.overall) for p in points]
        self.border_subtitle = Content(describe_trend(points))
