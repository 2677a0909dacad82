"""The Exit options tab: the two common exit structures, what to do before signing
anything, and where to get help. Content only: it does not depend on the record."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Static

from careercoach import plan as ip
from careercoach.tui.screens.plan_tabs.base import PlanTab, lines, one_line


class ExitOptionsTab(PlanTab):
    def __init__(self, content: ip.PlanContent) -> None:
        super().__init__("Exit options", id="exit-tab")
        self.content = content

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            with Horizontal(id="exit-options"):
                for option in self.content.exit_options:
                    yield self.option_panel(option)
            yield Static(self.negotiation(), id="negotiation", classes="panel")
            yield Static(self.law(self.content.dismissal_law), id="dismissal-law", classes="panel")
            yield Static(self.business_dismissal(), id="business-dismissal", classes="panel")
            yield Static(self.law(self.content.after_leaving), id="after-leaving", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#negotiation").border_title = "Before you sign anything"
        self.query_one("#dismissal-law").border_title = "If it comes to dismissal"
        self.query_one("#business-dismissal").border_title = one_line(
            self.content.business_dismissal.title
        )
        self.query_one("#after-leaving").border_title = "If your employment ends"

    @staticmethod
    def law(items: tuple[ip.LawItem, ...]) -> Content:
        return Content("\n").join(
            lines(
                Content.styled(one_line(item.title), "bold"),
                f"{one_line(item.text)} ({one_line(item.section)})",
            )
            for item in items
        )

    def business_dismissal(self) -> Content:
        rule = self.content.business_dismissal
        return lines(
            f"{one_line(rule.summary)} ({one_line(rule.section)})",
            *[
                f"{n}. {one_line(p.title)}: {one_line(p.explanation)}"
                for n, p in enumerate(rule.requirements, start=1)
            ],
        )

    def focus_content(self) -> None:
        self.focus_on(self.query_one(VerticalScroll))

    @staticmethod
    def option_panel(option: ip.ExitOption) -> Static:
        panel = Static(
            lines(
                Content.styled(one_line(option.summary), "italic"),
                "",
                Content.styled("For", "bold"),
                *[f"+ {one_line(p)}" for p in option.pros],
                Content.styled("Against", "bold"),
                *[f"- {one_line(c)}" for c in option.cons],
                Content.styled("Visa", "bold"),
                one_line(option.visa),
                Content.styled(one_line(option.section), "$text-muted"),
            ),
            classes="panel exit-option",
        )
        panel.border_title = one_line(option.name)
        return panel

    def negotiation(self) -> Content:
        return lines(
            *[
                f"• {one_line(r.rule)} ({one_line(r.section)})"
                for r in self.content.negotiation_rules
            ],
            "",
            Content.styled("Where to get help", "bold"),
            *[f"• {one_line(h.name)}: {one_line(h.what)}" for h in self.content.help],
            "",
            Content.styled("Often negotiable", "bold"),
            *[f"• {one_line(item)}" for item in self.content.negotiable],
        )
