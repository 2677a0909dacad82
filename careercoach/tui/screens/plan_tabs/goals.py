"""The Goals tab: the plan's goals with their status and qualities, and the support
the company offers."""

from __future__ import annotations

from typing import ClassVar

import msgspec
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from careercoach import plan as ip
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.plan_dialogs import GoalDialog
from careercoach.tui.screens.plan_tabs.base import FormSave, PlanTab, PlanView, fill, one_line

STATUS_CYCLE = {"open": "met", "met": "not_met", "not_met": "open"}
RECOGNISED_CYCLE: dict[bool | None, bool | None] = {None: True, True: False, False: None}
RECOGNISED_WORDS = {True: "recognised", False: "NOT recognised", None: "recognition unknown"}
GOAL_LABELS = {
    "text": "Goal",
    "specific": "Specific",
    "measurable": "Measurable",
    "within_my_control": "Within my control",
    "agreed": "Agreed with my manager",
}


def goal_fields(goal: ip.Goal) -> dict[str, object]:
    """What the goal form edits: the wording and the four qualities."""
    return {field: getattr(goal, field) for field in GOAL_LABELS}


def describe_goal(number: int, goal: ip.Goal) -> Content:
    if goal.status == "met" and goal.met_on is not None:
        status = f"met {goal.met_on.isoformat()}, {RECOGNISED_WORDS[goal.recognised]}"
    else:
        status = goal.status.replace("_", " ")
    qualities = [
        name
        for name, present in (
            ("specific", goal.specific),
            ("measurable", goal.measurable),
            ("in my control", goal.within_my_control),
            ("agreed", goal.agreed),
        )
        if present
    ]
    return Content.assemble(
        f"{number}. ",
        (f"[{status}] ", "bold"),
        one_line(goal.text),
        ("  (" + (", ".join(qualities) or "no qualities ticked") + ")", "$text-muted"),
    )


class GoalsTab(PlanTab):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add_goal", "Add goal"),
        Binding("o", "edit_goal", "Edit"),
        Binding("delete", "delete_goal", "Delete", key_display="del"),
        Binding("m", "goal_status", "Goal status"),
        Binding("v", "goal_recognised", "Recognised?"),
        Binding("s", "toggle_support", "Toggle support"),
    ]

    def __init__(self) -> None:
        super().__init__("Goals", id="goals-tab")

    def compose(self) -> ComposeResult:
        yield OptionList(id="goal-list")
        yield OptionList(id="support-list")

    def focus_content(self) -> None:
        self.focus_on(self.query_one("#goal-list", OptionList))

    def show(self, view: PlanView) -> None:
        super().show(view)
        plan = view.plan
        goal_list = fill(
            self.query_one("#goal-list", OptionList),
            [Option(describe_goal(n, g)) for n, g in enumerate(plan.goals, 1)],
        )
        goal_list.border_title = "Goals: a add, o edit, m cycle status, v recognised?"
        if not plan.goals:
            goal_list.add_option(
                Option(Content("No goals yet: press a to add the plan's goals."), disabled=True)
            )
        offered = set(plan.support.offered())
        options = [
            Option(
                Content.assemble(
                    ("[x] " if kind in offered else "[ ] ", "bold"), ip.SUPPORT_LABELS[kind]
                ),
                id=kind,
            )
            for kind in ip.SUPPORT_KINDS
        ]
        support = fill(self.query_one("#support-list", OptionList), options)
        support.border_title = "Support offered: s toggles"

    def selected_goal(self) -> tuple[int, ip.Goal] | None:
        """The highlighted goal and its number, if a goal is highlighted."""
        index = self.query_one("#goal-list", OptionList).highlighted
        if self.view is None or index is None or index >= len(self.view.plan.goals):
            return None
        return index + 1, self.view.plan.goals[index]

    def action_add_goal(self) -> None:
        if self.view is not None:
            self.app.push_screen(GoalDialog(self.view.plan, self.view.today), self.goal_added)

    def goal_added(self, goal: ip.Goal | None) -> None:
        if goal is not None:
            flags = goal_fields(goal)
            self.change(ip.change.add_goal(str(flags.pop("text")), **flags))

    @on(OptionList.OptionSelected, "#goal-list")
    def action_edit_goal(self) -> None:
        """Edit the highlighted goal's wording and qualities (Enter or o)."""
        selected = self.selected_goal()
        if selected is not None and self.view is not None:
            self.edit_goal(self.view, *selected)

    def edit_goal(
        self, view: PlanView, number: int, shown: ip.Goal, typed: ip.Goal | None = None
    ) -> None:
        """The goal form over goal `number` as shown; its save sets only what the user
        changed there, on that goal (see `change.edit_goal`)."""

        def build(base: ip.Goal, mine: dict) -> ip.change.PlanStep:
            return ip.change.edit_goal(number, shown=base, **mine)

        def reopen(mine: dict) -> None:
            self.edit_goal(view, number, shown, msgspec.structs.replace(shown, **mine))

        def edited(goal: ip.Goal | None) -> None:
            if goal is not None:
                self.save_form(FormSave(shown, goal_fields(goal), build, reopen, GOAL_LABELS))

        self.app.push_screen(GoalDialog(view.plan, view.today, number, typed), edited)

    def action_delete_goal(self) -> None:
        """Delete the highlighted goal, and its "goal met" note, once confirmed."""
        selected = self.selected_goal()
        if selected is None:
            return
        number, goal = selected
        question = f"Delete goal {number}: {one_line(goal.text)}?"
        if goal.status == "met":
            question += '\n\nIts "goal met" note goes from your journal too.'
        self.app.push_screen(
            ConfirmDialog(question, title="Delete goal?", yes="Delete"),
            lambda yes: yes and self.change(ip.change.delete_goal(number, shown=goal)),
        )

    def action_goal_status(self) -> None:
        """Cycle the highlighted goal: open -> met (today) -> not met -> open."""
        selected = self.selected_goal()
        if selected is None or self.view is None:
            return
        number, goal = selected
        status = STATUS_CYCLE[goal.status]
        on = self.view.today if status == "met" else None
        self.change(ip.change.goal_status(number, status, on=on, shown=goal))

    def action_goal_recognised(self) -> None:
        """For a met goal: has it been acknowledged? unknown -> yes -> no -> unknown."""
        selected = self.selected_goal()
        if selected is None:
            return
        number, goal = selected
        if goal.status != "met":
            self.notify("Mark the goal met first (m).", markup=False)
            return
        recognised = RECOGNISED_CYCLE[goal.recognised]
        self.change(
            ip.change.goal_status(number, "met", on=goal.met_on, recognised=recognised, shown=goal)
        )

    @on(OptionList.OptionSelected, "#support-list")
    def action_toggle_support(self) -> None:
        """Mark the highlighted kind of support offered, or not."""
        support_list = self.query_one("#support-list", OptionList)
        index = support_list.highlighted
        if index is None or self.view is None:
            return
        support_list.focus()  # so the toggled row is the one that shows as selected
        self.change(ip.change.toggle_support(ip.SUPPORT_KINDS[index]))
