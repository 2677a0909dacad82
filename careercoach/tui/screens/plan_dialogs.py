"""Small forms of the improvement-plan screen: a new goal, the plan's dates, a meeting.

Each validates inline (the message appears in the form, nothing is lost) and
dismisses with its result (the goal, the date changes or the meeting to record), or
None when cancelled. The screen saves the result as a step on the plan on disk. A
form can open holding what the user typed (`typed`) when a save of it was cancelled.
Like every form they open on their first field, and leaving one that holds typed
work asks first (keep editing, discard or save).
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, TypeVar

import msgspec
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, TextArea

from careercoach.errors import CareerCoachError, ValidationError
from careercoach.model import parse_date
from careercoach.plan import (
    Goal,
    Meeting,
    PlanRecord,
    add_goal,
    add_meeting,
    check_meeting_date,
    check_meeting_note,
    edit_goal,
    with_dates,
)
from careercoach.tui.screens.unsaved import FORM_KEYS, Form
from careercoach.tui.widgets.form import FormField, checked
from careercoach.tui.widgets.literal import LiteralStatic

Result = TypeVar("Result")


def optional_date(text: str, today: dt.date) -> dt.date | None:
    return parse_date(text, today) if text.strip() else None


class _PlanForm(Form, ModalScreen[Result | None]):
    """Shared behaviour: Enter or the save button submits; Escape leaves a field, then
    the form, asking first when something typed is not saved."""

    FORM_NAME = "This plan form"
    BINDINGS: ClassVar[list[BindingType]] = [*FORM_KEYS]

    def __init__(self, plan: PlanRecord, today: dt.date) -> None:
        super().__init__(classes="dialog-screen")
        self.plan = plan
        self.today = today

    def buttons(self, save_label: str = "Save") -> ComposeResult:
        yield LiteralStatic("", id="form-error")
        with Horizontal(classes="dialog-buttons"):
            yield Button(save_label, id="save", variant="primary")
            yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.mark_clean()

    def form_state(self) -> object:
        """Every field's value, in order."""
        return tuple(
            field.text if isinstance(field, TextArea) else field.value
            for field in self.query("Input, Checkbox, TextArea").results()
        )

    def leave_form(self) -> None:
        self.dismiss(None)

    def save_and_leave(self) -> None:
        self.submit()

    def build(self) -> Result:
        """Each form turns its fields into its checked result."""
        raise NotImplementedError

    def submit(self) -> None:
        try:
            changed = self.build()
        except CareerCoachError as exc:
            self.query_one("#form-error", LiteralStatic).show(str(exc))
            return
        self.dismiss(changed)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.submit()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.submit()
        else:
            self.action_leave()


GOAL_FLAGS = ("specific", "measurable", "within_my_control", "agreed")


class GoalDialog(_PlanForm[Goal]):
    """Add a goal, or edit goal `number`, with the four qualities the guide says make
    it fair to judge."""

    def __init__(
        self,
        plan: PlanRecord,
        today: dt.date,
        number: int | None = None,
        typed: Goal | None = None,
    ) -> None:
        super().__init__(plan, today)
        self.number = number
        # A new goal starts with every quality unticked: the user says which hold.
        self.goal = (
            plan.goal(number) if number is not None else Goal(text="", within_my_control=False)
        )
        self.typed = typed

    def compose(self) -> ComposeResult:
        goal = self.typed or self.goal
        with Vertical(classes="dialog") as box:
            box.border_title = "Add a goal" if self.number is None else f"Edit goal {self.number}"
            yield Label("What must be achieved, as written in the plan:")
            yield Input(
                goal.text,
                placeholder="e.g. close 20 support tickets a week",
                id="goal-text",
                max_length=500,
                compact=True,
            )
            yield Label("Is the goal...")
            yield Checkbox("Specific", goal.specific, id="specific", compact=True)
            yield Checkbox("Measurable", goal.measurable, id="measurable", compact=True)
            yield Checkbox(
                "Within my control (not up to others)",
                goal.within_my_control,
                id="within_my_control",
                compact=True,
            )
            yield Checkbox("Agreed with my manager", goal.agreed, id="agreed", compact=True)
            yield from self.buttons()

    def build(self) -> Goal:
        flags = {name: self.query_one(f"#{name}", Checkbox).value for name in GOAL_FLAGS}
        text = self.query_one("#goal-text", Input).value
        if self.number is not None:
            return edit_goal(self.plan, self.number, text=text, **flags).goal(self.number)
        added = add_goal(self.plan, text, **flags)
        return added.goals[-1]  # checked against the record's limits, such as how many


class PlanDatesDialog(_PlanForm[dict[str, dt.date | None]]):
    """The plan's start and end, and the dates that start the key-date clocks; its
    result is the dates to set (`change.dates(**result)`)."""

    def __init__(
        self, plan: PlanRecord, today: dt.date, typed: dict[str, dt.date | None] | None = None
    ) -> None:
        super().__init__(plan, today)
        self.typed = typed or {}

    def compose(self) -> ComposeResult:
        plan = msgspec.structs.replace(self.plan, **self.typed)
        with Vertical(classes="dialog") as box:
            box.border_title = "Plan dates"
            for field_id, label, value in (
                ("start", "Plan start (YYYY-MM-DD)", plan.start),
                ("end", "Plan end", plan.end),
                (
                    "offer_date",
                    "Day you were handed a document to decide on (optional)",
                    plan.offer_date,
                ),
                ("employment_end", "Employment ends on (optional)", plan.employment_end),
            ):
                yield Label(label)
                yield Input(value.isoformat() if value else "", id=field_id, compact=True)
            yield from self.buttons()

    def build(self) -> dict[str, dt.date | None]:
        def text(field_id: str) -> str:
            return self.query_one(f"#{field_id}", Input).value

        dates = {
            "start": parse_date(text("start"), self.today),
            "end": parse_date(text("end"), self.today),
            "offer_date": optional_date(text("offer_date"), self.today),
            "employment_end": optional_date(text("employment_end"), self.today),
        }
        with_dates(self.plan, **dates)  # checked together: the end after the start
        return dates


class MeetingDialog(_PlanForm[Meeting]):
    """A check-in meeting: its day and what was discussed or agreed.

    The note may run over several lines, so Enter in it starts a new line and
    ctrl+s saves. Each problem shows under its own field.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "save", "Save")]

    def __init__(
        self,
        plan: PlanRecord,
        today: dt.date,
        number: int | None = None,
        typed: Meeting | None = None,
    ) -> None:
        super().__init__(plan, today)
        self.number = number  # editing meeting `number`, or adding one
        shown = plan.meeting(number) if number is not None else Meeting(today, "")
        self.meeting = typed or shown

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog meeting-form") as box:
            box.border_title = (
                "Add a meeting" if self.number is None else f"Edit meeting {self.number}"
            )
            yield FormField(
                "Date",
                Input(
                    self.meeting.date.isoformat(),
                    placeholder="YYYY-MM-DD, today or yesterday",
                    id="meeting-date",
                    compact=True,
                ),
                id="field-date",
            )
            yield FormField(
                "Note",
                TextArea(
                    self.meeting.note,
                    placeholder="What was discussed or agreed (several lines are fine)",
                    id="meeting-note",
                    compact=True,
                ),
                id="field-note",
            )
            yield from self.buttons("Save  ^s")

    def build(self) -> Meeting:
        """Check both fields and show each problem under its own field."""
        errors: dict[str, str] = {}
        day = self.query_one("#meeting-date", Input).value
        on = checked(errors, "date", lambda: check_meeting_date(parse_date(day, self.today)))
        text = self.query_one("#meeting-note", TextArea).text
        note = checked(errors, "note", lambda: check_meeting_note(text))
        for name in ("date", "note"):
            self.query_one(f"#field-{name}", FormField).set_error(errors.get(name))
        if on is None or note is None:
            raise ValidationError("Nothing saved: fix what is marked above.")
        if self.number is None:
            add_meeting(self.plan, on, note)  # the record's limits, such as how many it holds
        return Meeting(date=on, note=note)

    def action_save(self) -> None:
        self.submit()
