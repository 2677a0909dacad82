"""The Dates tab: key dates with what to do about them, the check-in meetings, and the
plan's evidence trail in the journal."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from careercoach import plan as ip
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.plan_dialogs import MeetingDialog
from careercoach.tui.screens.plan_tabs.base import FormSave, PlanTab, PlanView, fill, one_line

MEETING_INDENT = " " * len("YYYY-MM-DD  ")
MEETING_LABELS = {"date": "Date", "note": "Note"}
NO_EVIDENCE = (
    "Nothing yet. Log goals met, written instructions and meeting notes as journal notes "
    "(types plan_goal_met, plan_instruction, plan_meeting) or tag entries 'pip': they "
    "form a dated trail here."
)


def describe_meeting(meeting: ip.Meeting, *, note_gone: bool = False) -> Content:
    """The day, then the note; its later lines indented under the first. A meeting whose
    journal note was deleted says so, as `plan show` does, with how to remove it too."""
    first, *rest = terminal_safe(meeting.note).splitlines() or [""]
    described = Content.assemble(
        (meeting.date.isoformat(), "bold"), "  ", first, *(f"\n{MEETING_INDENT}{r}" for r in rest)
    )
    if note_gone:
        described += Content.styled(
            f"\n{MEETING_INDENT}{ip.NOTE_GONE}: del removes the meeting too", "$warning"
        )
    return described


def dates_hint(plan: ip.PlanRecord) -> str:
    """What pressing e would still add, following what is filled in."""
    if plan.offer_date is None and plan.employment_end is None:
        return (
            "Press e to add the day you were handed a document to decide on, or the day "
            "employment ends: the deadlines that follow from them appear here."
        )
    if plan.offer_date is None:
        return (
            "Press e to add the day you were handed a document to decide on (a resignation "
            "agreement, say): the earliest day to decide appears here."
        )
    if plan.employment_end is None:
        return (
            "If your employment ends, press e to add its last day: the 14-day duties "
            "(Immigration, health insurance and pension) appear here."
        )
    return ""


def describe_days(days: int) -> str:
    if days == 0:
        return "today"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


class DatesTab(PlanTab):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "add_meeting", "Add meeting"),
        Binding("o", "edit_meeting", "Edit"),
        Binding("delete", "delete_meeting", "Delete", key_display="del"),
    ]

    def __init__(self) -> None:
        super().__init__("Dates", id="dates-tab")

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static("", id="key-dates", classes="panel")
            yield OptionList(id="meetings", classes="panel")
            yield Static("", id="evidence", classes="panel")

    def on_mount(self) -> None:
        self.query_one("#key-dates").border_title = "Key dates"
        self.query_one("#evidence").border_title = "Evidence trail in your journal"

    def focus_content(self) -> None:
        self.focus_on(self.query_one("#meetings", OptionList))

    def show(self, view: PlanView) -> None:
        super().show(view)
        plan = view.plan
        dates = ip.key_dates(plan, view.today, content=view.content)
        shown = [
            Content.assemble(
                (f"{d.date.isoformat()}  {one_line(d.title)}", "bold"),
                f"  ({describe_days(d.days_away)})\n",
                (f"    {one_line(d.detail)} ({one_line(d.section)})", "$text-muted"),
            )
            for d in dates
        ]
        hint = dates_hint(plan)
        if hint:
            shown.append(Content.styled(hint, "italic"))
        self.query_one("#key-dates", Static).update(Content("\n").join(shown))
        self.show_meetings(plan, view.notes_gone)
        evidence = self.query_one("#evidence", Static)
        if view.timeline:
            evidence.update(
                Content("\n").join(
                    Content(f"{t.date.isoformat()}  {t.label}: {one_line(t.title)}")
                    for t in view.timeline
                )
            )
        else:
            evidence.update(Content(NO_EVIDENCE))

    def show_meetings(self, plan: ip.PlanRecord, notes_gone: frozenset[ip.Meeting]) -> None:
        hint = Content.styled(
            "Press c after each plan meeting to note what was discussed or agreed; it goes "
            "into your journal too. o edits the highlighted meeting, del deletes it.",
            "italic",
        )
        meetings = fill(
            self.query_one("#meetings", OptionList),
            [
                *(Option(describe_meeting(m, note_gone=m in notes_gone)) for m in plan.meetings),
                Option(hint, disabled=True),
            ],
        )
        meetings.border_title = f"Check-in meetings ({len(plan.meetings)})"

    def selected_meeting(self) -> tuple[int, ip.Meeting] | None:
        """The highlighted meeting and its number (from 1, in date order), if any."""
        index = self.query_one("#meetings", OptionList).highlighted
        if self.view is None or index is None or index >= len(self.view.plan.meetings):
            return None
        return index + 1, self.view.plan.meetings[index]

    @on(OptionList.OptionSelected, "#meetings")
    def action_edit_meeting(self) -> None:
        """Edit the highlighted meeting (Enter or o); its journal note changes with it."""
        selected = self.selected_meeting()
        if selected is not None and self.view is not None:
            self.edit_meeting(self.view, *selected)

    def edit_meeting(
        self, view: PlanView, number: int, shown: ip.Meeting, typed: ip.Meeting | None = None
    ) -> None:
        """The meeting form over meeting `number` as shown; its save sets only what the
        user changed there, on that meeting (see `change.edit_meeting`)."""

        def build(base: ip.Meeting, mine: dict) -> ip.change.PlanStep:
            return ip.change.edit_meeting(number, mine["date"], mine["note"], shown=base)

        def reopen(mine: dict) -> None:
            self.edit_meeting(view, number, shown, ip.Meeting(**mine))

        def edited(meeting: ip.Meeting | None) -> None:
            if meeting is not None:
                mine = {"date": meeting.date, "note": meeting.note}
                self.save_form(FormSave(shown, mine, build, reopen, MEETING_LABELS))

        self.app.push_screen(MeetingDialog(view.plan, view.today, number, typed), edited)

    def action_delete_meeting(self) -> None:
        """Delete the highlighted meeting and its journal note, once confirmed."""
        selected = self.selected_meeting()
        if selected is None:
            return
        number, meeting = selected
        question = (
            f"Delete the meeting of {meeting.date.isoformat()}? Its note goes from your "
            "journal too."
        )
        self.app.push_screen(
            ConfirmDialog(question, title="Delete meeting?", yes="Delete"),
            lambda yes: yes and self.change(ip.change.delete_meeting(number, shown=meeting)),
        )

    def action_add_meeting(self) -> None:
        if self.view is not None:
            self.app.push_screen(MeetingDialog(self.view.plan, self.view.today), self.meeting_done)

    def meeting_done(self, meeting: ip.Meeting | None) -> None:
        """Add the meeting; the save writes it and its journal note together."""
        if meeting is not None:
            self.change(ip.change.add_meeting(meeting.date, meeting.note))
