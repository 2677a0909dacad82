"""Review: the period since the last evaluation, readiness then and now, and the
self-evaluation drafts, as `careercoach review` shows them.

The review is made in a thread worker (it scores the journal twice); the text is
shown literally, since it quotes entry titles. The period's start and end are asked
for in a prompt; Cancel (or an empty answer) keeps the period as it is, and the word
"last" as the start means since the last evaluation, as the prompt says.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, LoadingIndicator

from careercoach import clipboard
from careercoach.errors import CareerCoachError, ValidationError
from careercoach.model import parse_date
from careercoach.review import ReviewResult, languages, review_journal
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import LiteralStatic, notify_literal
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider

LANGUAGE_CYCLE = ("both", "en", "ja")
LAST_EVALUATION = "last"  # typed as the start: since the last evaluation (the default)


class ReviewScreen(Screen[None]):
    """The review of a period for the evaluation meeting."""

    AUTO_FOCUS = "#review-body"
    COMMANDS: ClassVar = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Back"),
        Binding("g", "language", "Language"),
        Binding("s", "since", "Since…"),
        Binding("u", "until", "Until…"),
        Binding("c", "copy", "Copy drafts"),
        Binding("e", "plan_evidence", "Plan evidence"),
    ]

    class Made(Message):
        def __init__(self, result: ReviewResult | None, problem: str = "") -> None:
            super().__init__()
            self.result = result
            self.problem = problem

    def __init__(self) -> None:
        super().__init__()
        self.language = "both"
        self.since: dt.date | None = None  # None: since the last evaluation
        self.until: dt.date | None = None  # None: today
        self.include_plan = False
        self.result: ReviewResult | None = None

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "review.tcss")
        yield Header()
        yield LoadingIndicator(id="review-loading")
        with VerticalScroll(id="review-body"):
            yield LiteralStatic("", id="review-problem")
            yield LiteralStatic("", id="review-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Review"
        self.show_problem("")
        self.refresh_data()

    def refresh_data(self) -> None:
        self.query_one("#review-loading").display = True
        self.make_review(self.language, self.since, self.until, self.include_plan)

    @work(thread=True, exclusive=True, group="review")
    def make_review(
        self, language: str, since: dt.date | None, until: dt.date | None, include_plan: bool
    ) -> None:
        try:
            result = review_journal(
                self.app.journal,
                today=self.app.today(),
                since=since,
                until=until,
                langs=languages(language),
                include_plan=include_plan,
            )
        except CareerCoachError as exc:
            self.post_message(self.Made(None, str(exc)))
            return
        self.post_message(self.Made(result))

    def on_review_screen_made(self, event: Made) -> None:
        self.query_one("#review-loading").display = False
        self.show_problem(event.problem)
        if event.result is None:
            return
        self.result = event.result
        note = event.result.plan_note()  # on screen only: never in the copied drafts
        text = event.result.text() + (f"\n{note}\n" if note else "")
        self.query_one("#review-text", LiteralStatic).show(text)

    def show_problem(self, text: str) -> None:
        """Bad input is said inline, above the review it leaves as it was."""
        problem = self.query_one("#review-problem", LiteralStatic)
        problem.show(text)
        problem.display = bool(text)

    def action_language(self) -> None:
        """Both drafts, English only, Japanese only."""
        index = LANGUAGE_CYCLE.index(self.language)
        self.language = LANGUAGE_CYCLE[(index + 1) % len(LANGUAGE_CYCLE)]
        self.refresh_data()

    def action_plan_evidence(self) -> None:
        """Count improvement-plan evidence too, or leave it out again (the default)."""
        self.include_plan = not self.include_plan
        state = "counted in" if self.include_plan else "left out of"
        notify_literal(self.app, f"Improvement-plan evidence is {state} the review.")
        self.refresh_data()

    def action_since(self) -> None:
        dialog = PromptDialog(
            f"Review from which day? (YYYY-MM-DD, today, yesterday; {LAST_EVALUATION}: since "
            "your last evaluation). Cancel keeps the period as it is.",
            title="Review period: start",
            value=self.since.isoformat() if self.since else LAST_EVALUATION,
            action="Review",
        )
        self.app.push_screen(dialog, self._since_chosen)

    def action_until(self) -> None:
        dialog = PromptDialog(
            "Review up to which day? (YYYY-MM-DD, today, yesterday). "
            "Cancel keeps the period as it is.",
            title="Review period: end",
            value=(self.until or self.app.today()).isoformat(),
            action="Review",
        )
        self.app.push_screen(dialog, self._until_chosen)

    def _since_chosen(self, text: str | None) -> None:
        if text is None:  # cancelled or left empty: the period stays
            return
        try:
            since = (
                None if text.casefold() == LAST_EVALUATION else parse_date(text, self.app.today())
            )
        except ValidationError as exc:
            self.show_problem(str(exc))
            return
        self._change_period(since, self.until)

    def _until_chosen(self, text: str | None) -> None:
        if text is None:
            return
        try:
            until = parse_date(text, self.app.today())
        except ValidationError as exc:
            self.show_problem(str(exc))
            return
        self._change_period(self.since, until)

    def _change_period(self, since: dt.date | None, until: dt.date | None) -> None:
        """Review the new period; a start after the end is said and changes nothing."""
        if since is not None and until is not None and since > until:
            self.show_problem(f"The start ({since}) is after the end ({until}): nothing to review.")
            return
        self.since, self.until = since, until
        self.refresh_data()

    def action_copy(self) -> None:
        """The drafts only, ready to paste into the evaluation sheet."""
        if self.result is None:
            notify_literal(self.app, "The review is not ready yet.", severity="warning")
            return
        text = "\n".join(self.result.drafts.values())
        self.app.copy_to_clipboard(text)
        self.copy_with_pyperclip(text)

    @work(thread=True, exclusive=True, group="clipboard")
    def copy_with_pyperclip(self, text: str) -> None:
        system = clipboard.pyperclip_copy(text)
        where = "and the system clipboard" if system else "(the system clipboard was not reachable)"
        message = f"Drafts copied to the terminal clipboard {where}."
        self.app.call_from_thread(notify_literal, self.app, message, title="Copy")
