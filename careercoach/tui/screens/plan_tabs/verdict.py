"""The Verdict tab: stay, mixed or exit, the reasons behind it, and the warnings."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.plan_tabs.base import PlanTab, PlanView, lines, one_line

VERDICT_STYLES = {"stay": "$success", "mixed": "$warning", "exit": "$error"}


class VerdictTab(PlanTab):
    def __init__(self) -> None:
        super().__init__("Verdict", id="verdict-tab")

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="verdict")
            yield Static("", id="warnings", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#warnings").border_title = "Warnings"

    def focus_content(self) -> None:
        self.focus_on(self.query_one(VerticalScroll))

    def show(self, view: PlanView) -> None:
        super().show(view)
        result = view.assessment
        parts: list[Content | str] = [
            Content.styled(one_line(result.headline), f"bold {VERDICT_STYLES[result.verdict]}"),
            f"{terminal_safe(result.advice)} ({one_line(result.section)})",
            "",
            *[f"• {one_line(reason)}" for reason in result.reasons],
        ]
        if result.open_questions:
            parts += [
                "",
                "Find out: " + "; ".join(one_line(q.label) for q in result.open_questions),
            ]
        self.query_one("#verdict", Static).update(lines(*parts))
        warnings = [
            lines(
                Content.styled(
                    one_line(w.title)
                    + (f" (goals {', '.join(map(str, w.goals))})" if w.goals else ""),
                    "bold",
                ),
                f"{terminal_safe(w.advice)} ({one_line(w.section)})",
            )
            for w in result.warnings
        ]
        self.query_one("#warnings", Static).update(
            Content("\n\n").join(warnings) if warnings else Content("No warnings from the record.")
        )
