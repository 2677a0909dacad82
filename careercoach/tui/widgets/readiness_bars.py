"""One horizontal bar per readiness criterion, titles padded by terminal cells."""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.geometry import Size
from textual.reactive import reactive
from textual.widget import Widget

from careercoach.readiness import CriterionScore
from careercoach.textsafe import terminal_safe
from careercoach.tui.widgets.cell_width import pad_cells

LABEL_MAX = 28
BAR_MIN = 6


def bar_style(score: CriterionScore) -> str:
    """Green when the criterion meets its target, amber when close, red when far."""
    if score.gap <= 0:
        return "$success"
    return "$warning" if score.score >= 50 else "$error"


class ReadinessBars(Widget):
    """`Title ██████░░░░  62` for each criterion; the bar shrinks with the width."""

    DEFAULT_CSS = """
    ReadinessBars {
        height: auto;
        text-wrap: nowrap;  /* one row a criterion, as get_content_height says */
        text-overflow: clip;
    }
    """

    scores: reactive[tuple[CriterionScore, ...]] = reactive((), layout=True)

    def show(self, scores: Sequence[CriterionScore]) -> None:
        self.scores = tuple(scores)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """One row a criterion, known without rendering: the layout asks before the
        widget has a size, and a render then would look its size up mid-layout."""
        return len(self.scores)

    def render(self) -> Content:
        width = max(self.size.width, 20)
        # The title first (up to LABEL_MAX cells), the bar takes what is left: a narrow
        # panel shortens the bar before it cuts the title.
        label_width = max(10, min(LABEL_MAX, width - 6 - BAR_MIN))
        bar_width = max(BAR_MIN, width - label_width - 6)
        lines = []
        for score in self.scores:
            filled = round(bar_width * max(0, min(100, score.score)) / 100)
            lines.append(
                Content.assemble(
                    pad_cells(terminal_safe(score.title, keep_newlines=False), label_width),
                    " ",
                    ("█" * filled, bar_style(score)),
                    ("░" * (bar_width - filled), "$foreground-muted"),
                    f" {score.score:>3}",
                )
            )
        return Content("\n").join(lines)
