"""What every tab of the improvement-plan screen shares: the view it shows, the
message that asks the screen to save a change, and small text helpers.

A tab never saves: it turns a key into a `change` step (careercoach.plan) and posts
`PlanTab.Changed`; the screen shows the result at once and saves it in the background
with the journal's conflict-safe update, exactly as the command line saves it. A form's
save comes with a `FormSave`, so that a field changed on both sides can be settled by
the user and a cancelled save shows the form again as typed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, TabPane
from textual.widgets.option_list import Option

from careercoach import plan as ip
from careercoach.textsafe import terminal_safe


class PlanView(msgspec.Struct, frozen=True):
    """Everything a tab needs to draw itself: the plan, what it means, and the trail."""

    plan: ip.PlanRecord
    assessment: ip.PlanAssessment
    timeline: tuple[ip.TimelineItem, ...]
    content: ip.PlanContent
    today: dt.date
    notes_gone: frozenset[ip.Meeting]  # meetings whose journal note was deleted


class FormSave(msgspec.Struct, frozen=True):
    """A form's save, merged with the plan on disk: what the form showed (`base`) and
    holds (`mine`), how to build its step from the two (`build`, again once the user
    has settled a conflict), and how to show the form again as typed (`reopen`)."""

    base: Any
    mine: dict[str, Any]
    build: Callable[[Any, dict[str, Any]], ip.change.PlanStep]
    reopen: Callable[[dict[str, Any]], None]
    labels: Mapping[str, str]  # each field's name in the conflict dialog

    def step(self) -> ip.change.PlanStep:
        return self.build(self.base, self.mine)


def one_line(text: str) -> str:
    return terminal_safe(text, keep_newlines=False)


def lines(*parts: Content | str) -> Content:
    return Content("\n").join(p if isinstance(p, Content) else Content(p) for p in parts)


def fill(widget: OptionList, options: Sequence[Option]) -> OptionList:
    """Replace a list's options, keeping the highlighted row where it was."""
    previous = widget.highlighted
    widget.clear_options()
    widget.add_options(options)
    if options:
        widget.highlighted = min(previous or 0, len(options) - 1)
    return widget


class PlanTab(TabPane):
    """A tab of the plan screen: it draws a `PlanView` and posts the changes its keys ask for."""

    class Changed(Message):
        """Save this step (and show it at once)."""

        def __init__(self, step: ip.change.PlanStep, form: FormSave | None = None) -> None:
            super().__init__()
            self.step = step
            self.form = form

    view: PlanView | None = None

    def show(self, view: PlanView) -> None:
        """Draw the plan; each tab redraws only its own widgets."""
        self.view = view

    def focus_content(self) -> None:
        """Put the focus where this tab's keys act (called when the tab opens)."""

    def focus_on(self, widget: Widget) -> None:
        """Focus `widget` and bring it into view once this tab has been laid out.
        Textual's own scroll on focus measures the tab as it was before it was shown,
        so the tab opened scrolled by a different amount from one time to the next."""
        widget.focus(scroll_visible=False)
        self.call_after_refresh(widget.scroll_visible, animate=False)

    def change(self, step: ip.change.PlanStep) -> None:
        self.post_message(self.Changed(step))

    def save_form(self, form: FormSave) -> None:
        self.post_message(self.Changed(form.step(), form))
