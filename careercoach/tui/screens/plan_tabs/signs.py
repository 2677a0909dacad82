"""The Signs tab: each fixable sign and red flag, answered yes, no or unsure."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from careercoach import plan as ip
from careercoach.tui.screens.plan_tabs.base import PlanTab, PlanView, fill, lines, one_line

ANSWER_MARKS = {"yes": "yes   ", "no": "no    ", "unsure": "unsure", None: "  –   "}


def sign_option(finding: ip.SignFinding) -> Option:
    mark = ANSWER_MARKS.get(finding.answer, "?")
    style = "$text-muted" if finding.inferred else "bold"
    label = Content.assemble((mark, style), "  ", one_line(finding.label))
    if finding.inferred:
        label = label + Content.styled("  (from the record)", "$text-muted")
    return Option(label, id=finding.id)


class SignList(OptionList):
    """The signs; the details under it grow for some signs, so keep the highlight in view."""

    def on_resize(self) -> None:
        self.scroll_to_highlight()


class SignsTab(PlanTab):
    """The signs, with the question and where it comes from under the list; the law a
    sign brings into play (dismissal for business reasons, with restructuring) below it."""

    DEFAULT_CSS = """
    #sign-law, #sign-hint {
        height: auto;
        padding: 0 1;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('yes')", "Yes"),
        Binding("n", "answer('no')", "No"),
        Binding("u", "answer('unsure')", "Unsure"),
    ]

    def __init__(self) -> None:
        super().__init__("Signs", id="signs-tab")
        self.findings: tuple[ip.SignFinding, ...] = ()

    def compose(self) -> ComposeResult:
        yield SignList(id="sign-list")
        yield Static("", id="sign-detail")
        yield Static("", id="sign-law")
        yield Static(
            Content.styled("Answer with y (yes), n (no) or u (unsure).", "$text-muted"),
            id="sign-hint",
        )

    def focus_content(self) -> None:
        self.focus_on(self.query_one("#sign-list", OptionList))

    def show(self, view: PlanView) -> None:
        super().show(view)
        self.findings = view.assessment.signs
        fill(self.query_one("#sign-list", OptionList), [sign_option(f) for f in self.findings])
        self.show_detail()

    @on(OptionList.OptionHighlighted, "#sign-list")
    def show_detail(self) -> None:
        index = self.query_one("#sign-list", OptionList).highlighted
        if index is None or not self.findings:
            return
        finding = self.findings[index]
        points = "a fixable plan" if finding.yes_means == ip.FIXABLE else "a red flag: exit risk"
        note = self.view.content.sign(finding.id).note if self.view is not None else ""
        self.query_one("#sign-detail", Static).update(
            lines(
                Content.styled(one_line(finding.question), "bold"),
                f"A yes here means {points} ({one_line(finding.section)}).",
                f"Now: {one_line(finding.because)}",
                *([one_line(note)] if note else []),
            )
        )
        self.show_law(finding.id)

    def show_law(self, sign_id: str) -> None:
        """Under the restructuring sign, the four elements of a dismissal for business
        reasons: they are what a redundancy dismissal is judged by."""
        law = self.query_one("#sign-law", Static)
        business = self.view.content.business_dismissal if self.view is not None else None
        law.display = business is not None and business.sign == sign_id
        if business is None or not law.display:
            return
        elements = " ".join(
            f"{n}. {one_line(p.title)}." for n, p in enumerate(business.requirements, start=1)
        )
        law.update(
            lines(
                Content.styled(one_line(business.title), "bold"),
                f"{elements} ({one_line(business.section)})",
            )
        )

    def action_answer(self, answer: str) -> None:
        """Answer the highlighted sign."""
        index = self.query_one("#sign-list", OptionList).highlighted
        if index is None or self.view is None or not self.findings:
            return
        self.change(ip.change.answer(self.findings[index].id, answer, self.view.content))
