"""Dashboard (home): where am I, is now a good moment to ask, and what to do next.

The assessment and its 26-week trend are computed in a worker thread (a large
journal takes a moment) behind a loading indicator, and again whenever the journal
file changed on disk: after a check-in, or an entry added from the CLI.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Header, LoadingIndicator, Static

from careercoach.insight import Activity, Insight, activity, load_insight
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.insight_screen import InsightScreen
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.readiness_bars import ReadinessBars
from careercoach.tui.widgets.trend import ReadinessTrend

TOP_ACTIONS = 3
# Below this many rows (80x24, say) the dashboard drops the trend and shows the top two
# actions, so the score, the verdict, the criteria and what to do fit without scrolling.
SHORT = 30
SHORT_ACTIONS = 2


def describe_activity(habit: Activity) -> str:
    """`Last entry: 3 days ago (2026-11-17)` and `Weekly streak: 5 weeks`."""
    if habit.last_entry is None or habit.days_since_last is None:
        return "No entries yet."
    days = habit.days_since_last
    ago = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
    weeks = "week" if habit.streak_weeks == 1 else "weeks"
    return (
        f"Last entry: {ago} ({habit.last_entry.isoformat()})\n"
        f"Weekly streak: {habit.streak_weeks} {weeks}"
    )


def numbered(lines: tuple[str, ...] | list[str]) -> Content:
    """A numbered list of plain lines (content text may hold user words: kept literal)."""
    return Content("\n").join(
        Content(f"{i}. {terminal_safe(line, keep_newlines=False)}")
        for i, line in enumerate(lines, 1)
    )


def bullets(lines: tuple[str, ...] | list[str]) -> Content:
    return Content("\n").join(
        Content(f"• {terminal_safe(line, keep_newlines=False)}") for line in lines
    )


class DashboardScreen(InsightScreen[Activity]):
    """Readiness, its trend, the timing verdict, the journaling habit, next actions."""

    NAME = "Dashboard"
    # Nothing takes the focus at start: focusing the scrolling body restyled every
    # panel in it, twice (about 3% of the start at 10k entries). The arrow and paging
    # keys scroll the body all the same; Tab still gives it the focus. (Screen's own
    # keys are listed too: `?` help shows this list.)
    AUTO_FOCUS = ""
    BINDINGS: ClassVar[list[BindingType]] = [
        *Screen.BINDINGS,
        *(
            Binding(key, f"scroll_body('{action}')", show=False)
            for key, action in (
                ("up", "scroll_up"),
                ("down", "scroll_down"),
                ("pageup", "page_up"),
                ("pagedown", "page_down"),
                ("home", "scroll_home"),
                ("end", "scroll_end"),
            )
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        # Known before the widgets are styled, so they are styled once, and a journal
        # read before the first frame shows as many actions as the terminal has room for.
        self.set_class(self.app.size.height < SHORT, "-short", update=False)

    def compose(self) -> ComposeResult:
        yield Header()
        yield LoadingIndicator(id="dashboard-loading")
        with VerticalScroll(id="dashboard-body"):
            yield Static("", id="dashboard-start", classes="panel")
            with Vertical(id="dashboard-main"):
                with Horizontal(id="dashboard-top"):
                    yield Static("", id="score-panel", classes="panel")
                    yield Static("", id="timing-panel", classes="panel")
                with Horizontal(id="dashboard-middle"):
                    yield ReadinessBars(id="bars-panel", classes="panel")
                    yield Static("", id="next-actions", classes="panel")
                yield ReadinessTrend(id="trend-panel", classes="panel")
        yield KeyFooter()

    async def action_scroll_body(self, action: str) -> None:
        await self.query_one("#dashboard-body").run_action(action)

    def on_resize(self, event: events.Resize) -> None:
        """A short terminal drops the trend and an action (`-short`)."""
        short = event.size.height < SHORT
        if short != self.has_class("-short"):
            self.set_class(short, "-short")
            self.show_actions()

    def on_mount(self) -> None:
        self.query_one("#score-panel").border_title = "Readiness"
        self.query_one("#timing-panel").border_title = "A good moment to ask?"
        self.query_one("#bars-panel").border_title = "Criteria"
        self.query_one("#trend-panel").border_title = "26-week trend"
        self.query_one("#next-actions").border_title = "Next actions"
        self.query_one("#dashboard-start").border_title = "Welcome"
        self.query_one("#dashboard-body").display = False

    def compute_result(self, as_of: dt.date) -> tuple[Insight, Activity]:
        insight = load_insight(self.app.journal, as_of, with_trend=True)
        return insight, activity(insight.entries, as_of)

    def show_result(self, insight: Insight, habit: Activity) -> None:
        self.query_one("#dashboard-body").display = True
        empty = not insight.entries
        self.query_one("#dashboard-start").display = empty
        self.query_one("#dashboard-main").display = not empty
        if empty:
            self.query_one("#dashboard-start", Static).update(self.start_text())
            return
        result = insight.assessment
        self.query_one("#score-panel", Static).update(
            Content("\n").join(
                (
                    Content.assemble(
                        (f"{result.overall} / 100", "bold $text-accent"),
                        " · ",
                        (result.band.name, "bold"),
                    ),
                    Content(result.band.meaning),
                    Content(describe_activity(habit)),
                )
            )
        )
        timing = result.timing
        panel = self.query_one("#timing-panel", Static)
        panel.set_class(timing.good, "good")
        panel.set_class(not timing.good, "wait")
        panel.update(Content.styled(timing.headline, "bold") + "\n" + bullets(timing.reasons))
        self.query_one(ReadinessBars).show(result.criteria)
        self.query_one(ReadinessTrend).show(insight.trend or ())
        self.show_actions()

    def show_actions(self) -> None:
        if self.insight is None or not self.insight.entries:
            return
        actions = self.insight.assessment.next_actions
        shown = actions[: SHORT_ACTIONS if self.has_class("-short") else TOP_ACTIONS]
        self.query_one("#next-actions", Static).update(
            numbered(shown) if shown else Content("Nothing urgent: keep journaling weekly.")
        )

    def start_text(self) -> Content:
        """What a new user sees instead of zeros: what the app does and what to press."""
        keys = self.app_keys()
        steps = [
            "Your journal is empty, so there is nothing to score yet.",
            "",
            "careercoach keeps a private journal of the work that gets people promoted in a "
            "Japanese workplace, scores your readiness from it and drafts polite requests.",
            "",
            "To start:",
        ]
        for action, text in (
            ("profile", "fill in your profile (JLPT level, next evaluation, contract renewal)"),
            ("checkin", "do this week's check-in: a minute of ticking what you did"),
            ("journal", "add an entry to the journal by hand"),
        ):
            key = keys.get(action)
            steps.append(f"  • {f'press {key} to ' if key else ''}{text}")
        steps += ["", "Press ctrl+p for every command, or ? for help."]
        return Content("\n".join(steps))

    def app_keys(self) -> dict[str, str]:
        """The app's keys for its main actions, found by name so they never drift."""
        keys: dict[str, str] = {}
        for binding in self.app.BINDINGS:
            key = getattr(binding, "key", None)
            action = str(getattr(binding, "action", ""))
            for wanted in ("profile", "checkin", "journal"):
                if wanted in action.replace("_", "").replace("-", "") and wanted not in keys:
                    keys[wanted] = str(getattr(binding, "key_display", None) or key)
        return keys
