"""Readiness: every criterion with why it scored what it did and what would raise it.

A list of criteria on the left, the selected one's explanation, gap, evidence
entries (date and title, shown literally) and next actions on the right.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Header, LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from careercoach.insight import Insight, load_insight
from careercoach.readiness import CriterionScore
from careercoach.textsafe import terminal_safe
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.insight_screen import InsightScreen
from careercoach.tui.widgets.cell_width import pad_cells
from careercoach.tui.widgets.key_footer import KeyFooter

LIST_TITLE_CELLS = 24
EVIDENCE_SHOWN = 40


def one_line(text: str) -> str:
    return terminal_safe(text, keep_newlines=False)


def criterion_option(score: CriterionScore) -> Option:
    label = Content.assemble(
        (f"{score.score:>3}", "bold" if score.gap <= 0 else ""),
        "  ",
        pad_cells(one_line(score.title), LIST_TITLE_CELLS),
    )
    return Option(label, id=score.id)


def evidence_table(score: CriterionScore, insight: Insight) -> Table | Content:
    """Date and title per evidence entry, newest first; long titles wrap in their column."""
    if not score.evidence_ids:
        return Content("No entries count towards this yet.")
    table = Table(box=None, show_header=False, padding=(0, 1, 0, 0), expand=True)
    table.add_column("date", no_wrap=True, style="dim")
    # fold: a long run of Japanese (no spaces to wrap at) breaks onto the next line
    # instead of ending in "…" with its characters lost
    table.add_column("title", ratio=1, overflow="fold")
    by_id = insight.by_id
    for entry_id in score.evidence_ids[:EVIDENCE_SHOWN]:
        entry = by_id.get(entry_id)
        if entry is not None:
            table.add_row(entry.date.isoformat(), Text(one_line(entry.title)))
    hidden = len(score.evidence_ids) - EVIDENCE_SHOWN
    if hidden > 0:
        table.add_row("", Text(f"... and {hidden} older entries", style="italic"))
    return table


def describe_gap(score: CriterionScore) -> str:
    if score.gap <= 0:
        return "Meets its target."
    return f"{round(score.gap * 100)} points short of its target."


class ReadinessScreen(InsightScreen[None]):
    """Each criterion's score, explanation, evidence and next actions."""

    NAME = "Readiness"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("v", "app.open_review", "Review"),
    ]

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "readiness.tcss")
        yield Header()
        yield LoadingIndicator(id="readiness-loading")
        with Horizontal(id="readiness-body"):
            yield OptionList(id="criteria-list")
            with VerticalScroll(id="criterion-details"):
                yield Static("", id="criterion-head")
                yield Static("", id="criterion-explanation")
                yield Static("", id="criterion-evidence", classes="panel")
                yield Static("", id="criterion-actions", classes="panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#criteria-list").border_title = "Criteria"
        self.query_one("#criterion-evidence").border_title = "Evidence"
        self.query_one("#criterion-actions").border_title = "Next actions"
        self.query_one("#readiness-body").display = False

    def compute_result(self, as_of: dt.date) -> tuple[Insight, None]:
        return load_insight(self.app.journal, as_of), None

    def show_result(self, insight: Insight, result: None) -> None:
        self.query_one("#readiness-body").display = True
        options = self.query_one("#criteria-list", OptionList)
        previous = options.highlighted
        options.clear_options()
        options.add_options(criterion_option(s) for s in insight.assessment.criteria)
        options.highlighted = previous if previous is not None else 0
        if self.focused is None:
            options.focus()
        self.show_criterion(options.highlighted or 0)

    @on(OptionList.OptionHighlighted, "#criteria-list")
    def criterion_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self.show_criterion(event.option_index)

    def show_criterion(self, index: int) -> None:
        if self.insight is None or not self.insight.assessment.criteria:
            return
        criteria = self.insight.assessment.criteria
        score = criteria[min(index, len(criteria) - 1)]
        self.query_one("#criterion-head", Static).update(
            Content.assemble(
                (one_line(score.title), "bold"),
                f"  {score.score} / 100",
                (f"  ({one_line(score.section)}, weight {score.weight:g})", "$text-muted"),
            )
        )
        self.query_one("#criterion-explanation", Static).update(
            Content(f"{terminal_safe(score.explanation)} {describe_gap(score)}")
        )
        self.query_one("#criterion-evidence", Static).update(evidence_table(score, self.insight))
        self.query_one("#criterion-actions", Static).update(
            Content("\n").join(Content(f"• {one_line(a)}") for a in score.actions)
            if score.actions
            else Content("Nothing to add here for now.")
        )
