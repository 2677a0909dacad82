"""Improvement plan (PIP) navigator: is this plan fixable, and what to keep and know.

Without a plan the screen says what it is for and offers a two-date form to start
one. With a plan: the signs to answer, the verdict with its reasons and warnings,
the goals and the support on offer, the documentation checklist, key dates with the
check-in meetings (and the plan's evidence trail), and the two common exit
structures. The "general information, not legal advice" notice stays on screen
throughout. Every change is saved in one write, a meeting together with its
journal note (`plan_evidence.save_with_evidence`).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Sequence
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    LoadingIndicator,
    OptionList,
    Static,
    TabbedContent,
    TabPane,
)
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from careercoach import plan as ip
from careercoach.errors import CareerCoachError
from careercoach.journal import Draft
from careercoach.model import Entry, parse_date
from careercoach.plan import meeting_note, save_with_evidence
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.screens.plan_dialogs import GoalDialog, MeetingDialog, PlanDatesDialog
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import literal
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider

DEFAULT_PLAN_DAYS = 90
ANSWER_MARKS = {"yes": "yes   ", "no": "no    ", "unsure": "unsure", None: "  –   "}
STATUS_CYCLE = {"open": "met", "met": "not_met", "not_met": "open"}
RECOGNISED_CYCLE: dict[bool | None, bool | None] = {None: True, True: False, False: None}
MEETING_INDENT = " " * len("YYYY-MM-DD  ")
# The tab each plan action works in; the Footer shows an action only on its tab.
ACTION_TABS = {
    "answer": "signs-tab",
    "add_goal": "goals-tab",
    "goal_status": "goals-tab",
    "goal_recognised": "goals-tab",
    "toggle_support": "goals-tab",
    "toggle_document": "documents-tab",
    "add_meeting": "dates-tab",
}
PLAN_ACTIONS = {*ACTION_TABS, "edit_dates", "next_tab"}
TAB_ORDER = ("signs-tab", "verdict-tab", "goals-tab", "documents-tab", "dates-tab", "exit-tab")
TAB_LISTS = {
    "signs-tab": "#sign-list",
    "goals-tab": "#goal-list",
    "documents-tab": "#document-list",
}

ABOUT = (
    "This screen is for when you have been placed on a Performance Improvement Plan "
    "(PIP). It helps you judge whether the plan looks fixable or like an exit in "
    "disguise, keep the documents and dated evidence that decide outcomes, know the "
    "dates that matter, and compare the two common exit structures.\n\n"
    "Start by entering the plan's dates as written in the plan document."
)


def one_line(text: str) -> str:
    return terminal_safe(text, keep_newlines=False)


def lines(*parts: Content | str) -> Content:
    return Content("\n").join(p if isinstance(p, Content) else Content(p) for p in parts)


def sign_option(finding: ip.SignFinding) -> Option:
    mark = ANSWER_MARKS.get(finding.answer, "?")
    style = "$text-muted" if finding.inferred else "bold"
    label = Content.assemble((mark, style), "  ", one_line(finding.label))
    if finding.inferred:
        label = label + Content.styled("  (from the record)", "$text-muted")
    return Option(label, id=finding.id)


def describe_goal(number: int, goal: ip.Goal) -> Content:
    if goal.status == "met" and goal.met_on is not None:
        recognised = {True: "recognised", False: "NOT recognised", None: "recognition unknown"}
        status = f"met {goal.met_on.isoformat()}, {recognised[goal.recognised]}"
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


def describe_meeting(meeting: ip.Meeting) -> Content:
    """The day, then the note; its later lines indented under the first."""
    first, *rest = terminal_safe(meeting.note).splitlines() or [""]
    return Content.assemble(
        (meeting.date.isoformat(), "bold"), "  ", first, *(f"\n{MEETING_INDENT}{r}" for r in rest)
    )


def describe_days(days: int) -> str:
    if days == 0:
        return "today"
    return f"in {days} days" if days > 0 else f"{-days} days ago"


class PlanScreen(Screen):
    """The improvement-plan navigator over the plan stored in the journal."""

    COMMANDS: ClassVar[set[type[Provider]]] = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer('yes')", "Yes"),
        Binding("n", "answer('no')", "No"),
        Binding("u", "answer('unsure')", "Unsure"),
        Binding("a", "add_goal", "Add goal"),
        Binding("m", "goal_status", "Goal status"),
        Binding("v", "goal_recognised", "Recognised?"),
        Binding("s", "toggle_support", "Toggle support"),
        Binding("x", "toggle_document", "Done"),
        Binding("c", "add_meeting", "Add meeting"),
        Binding("e", "edit_dates", "Plan dates"),
        Binding("right_square_bracket", "next_tab", "Next tab", key_display="]"),
        Binding("left_square_bracket", "next_tab(-1)", "Previous tab", key_display="[", show=False),
    ]

    class Loaded(Message):
        def __init__(self, plan: ip.PlanRecord | None, timeline: tuple[ip.TimelineItem, ...]):
            super().__init__()
            self.plan = plan
            self.timeline = timeline

    class EvidenceSaved(Message):
        """Journal notes written with the plan: they join the evidence trail."""

        def __init__(self, entries: list[Entry]) -> None:
            super().__init__()
            self.entries = entries

    class Failed(Message):
        def __init__(self, problem: str, *, reload: bool = False) -> None:
            super().__init__()
            self.problem = problem
            self.reload = reload

    def __init__(self) -> None:
        super().__init__()
        self.plan: ip.PlanRecord | None = None
        self.timeline: tuple[ip.TimelineItem, ...] = ()
        self.findings: tuple[ip.SignFinding, ...] = ()
        self.loaded_signature: tuple[int, ...] | None = None
        self.content = ip.load_plan_content()
        self._save_lock = threading.Lock()
        self._pending_lock = threading.Lock()  # the newest record and its notes go together
        self._latest: ip.PlanRecord | None = None
        self._notes: list[Draft] = []  # evidence notes the next save writes with the record
        self._stale = False
        """A save failed: what is shown may not be on disk, so no edit builds on it
        until the plan has been read again."""

    def compose(self) -> ComposeResult:
        yield Header()
        yield LoadingIndicator(id="plan-loading")
        yield Static(literal(self.content.notice), id="plan-notice")
        with VerticalScroll(id="plan-start"):
            yield Static(ABOUT, id="plan-about", markup=False)
            with Horizontal(id="plan-start-form"):
                with Vertical():
                    yield Label("Plan start (YYYY-MM-DD)")
                    yield Input(id="start-date")
                with Vertical():
                    yield Label("Plan end")
                    yield Input(id="end-date")
            yield Button("Start plan", id="start-plan", variant="primary")
            yield Static("", id="start-error")
        with TabbedContent(id="plan-tabs"):
            with TabPane("Signs", id="signs-tab"):
                yield OptionList(id="sign-list")
                yield Static("", id="sign-detail")
            with TabPane("Verdict", id="verdict-tab"), VerticalScroll():
                yield Static("", id="verdict")
                yield Static("", id="warnings", classes="panel")
            with TabPane("Goals", id="goals-tab"):
                yield OptionList(id="goal-list")
                yield OptionList(id="support-list")
            with TabPane("Documents", id="documents-tab"):
                yield OptionList(id="document-list")
                yield Static("", id="document-detail")
            with TabPane("Dates", id="dates-tab"), VerticalScroll():
                yield Static("", id="key-dates", classes="panel")
                yield Static("", id="meetings", classes="panel")
                yield Static("", id="evidence", classes="panel")
            with TabPane("Exit options", id="exit-tab"), VerticalScroll():
                yield Horizontal(id="exit-options")
                yield Static("", id="negotiation", classes="panel")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Improvement plan"
        self.query_one("#warnings").border_title = "Warnings"
        self.query_one("#key-dates").border_title = "Key dates"
        self.query_one("#evidence").border_title = "Evidence trail in your journal"
        self.query_one("#negotiation").border_title = "Before you sign anything"
        self.query_one("#plan-start").display = False
        self.query_one("#plan-tabs").display = False
        self.show_exit_options()

    def on_screen_resume(self) -> None:
        if self.loaded_signature is None or (self.loaded_signature != self.app.journal.version()):
            self.refresh_data()

    def refresh_data(self) -> None:
        """Re-read the plan and its evidence from the journal on disk."""
        self.query_one("#plan-loading").display = True
        self.load()

    @work(thread=True, exclusive=True, group="plan-load")
    def load(self) -> None:
        journal = self.app.journal
        try:
            signature = journal.version()
            stored = journal.plan()
            plan = ip.PlanRecord.from_dict(stored) if stored is not None else None
            timeline = ip.evidence_timeline(journal.entries(), plan) if plan else ()
        except CareerCoachError as exc:
            message: Message = self.Failed(str(exc))
        except OSError as exc:
            message = self.Failed(f"cannot read the journal: {exc.strerror or exc}")
        else:
            self.loaded_signature = signature
            message = self.Loaded(plan, timeline)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_plan_screen_failed(self, event: Failed) -> None:
        self.query_one("#plan-loading").display = False
        self.app.push_screen(ErrorDialog(event.problem, title="Improvement plan"))
        if event.reload:
            self.refresh_data()  # show what is really on disk

    def on_plan_screen_loaded(self, event: Loaded) -> None:
        with self._pending_lock:
            self._stale = False
        self.query_one("#plan-loading").display = False
        self.timeline = event.timeline
        self.show_plan(event.plan)

    # -- showing ---------------------------------------------------------------------

    def show_plan(self, plan: ip.PlanRecord | None) -> None:
        self.plan = plan
        self.query_one("#plan-start").display = plan is None
        self.query_one("#plan-tabs").display = plan is not None
        if plan is None:
            today = self.app.today()
            start, end = self.query_one("#start-date", Input), self.query_one("#end-date", Input)
            if not start.value:
                start.value = today.isoformat()
                end.value = (today + dt.timedelta(days=DEFAULT_PLAN_DAYS)).isoformat()
            if self.focused is None or self.focused.id not in ("start-date", "end-date"):
                self.query_one("#start-plan", Button).focus()  # Enter starts it at once
            self.refresh_bindings()
            return
        result = ip.assess_plan(plan, self.app.today(), self.content)
        self.show_signs(result)
        self.show_verdict(result)
        self.show_goals(plan)
        self.show_support(plan)
        self.show_documents(plan)
        self.show_dates(plan)
        focused = self.focused
        list_id = TAB_LISTS.get(self.query_one("#plan-tabs", TabbedContent).active)
        # Focus the open tab's list; focusing another tab's list would switch to that tab.
        if list_id and (focused is None or focused.id in ("start-date", "end-date", "start-plan")):
            self.query_one(list_id, OptionList).focus()
        self.refresh_bindings()

    def fill(self, list_id: str, options: list[Option]) -> OptionList:
        """Replace a list's options, keeping the highlighted row where it was."""
        widget = self.query_one(list_id, OptionList)
        previous = widget.highlighted
        widget.clear_options()
        widget.add_options(options)
        if options:
            widget.highlighted = min(previous or 0, len(options) - 1)
        return widget

    def show_signs(self, result: ip.PlanAssessment) -> None:
        self.findings = result.signs
        self.fill("#sign-list", [sign_option(f) for f in result.signs])
        self.show_sign_detail()

    @on(OptionList.OptionHighlighted, "#sign-list")
    def show_sign_detail(self) -> None:
        index = self.query_one("#sign-list", OptionList).highlighted
        if index is None or not self.findings:
            return
        finding = self.findings[index]
        points = "a fixable plan" if finding.yes_means == ip.FIXABLE else "a red flag: exit risk"
        self.query_one("#sign-detail", Static).update(
            lines(
                Content.styled(one_line(finding.question), "bold"),
                f"A yes here means {points} ({one_line(finding.section)}).",
                f"Now: {one_line(finding.because)}",
                Content.styled("Answer with y (yes), n (no) or u (unsure).", "$text-muted"),
            )
        )

    def show_verdict(self, result: ip.PlanAssessment) -> None:
        style = {"stay": "$success", "mixed": "$warning", "exit": "$error"}[result.verdict]
        parts: list[Content | str] = [
            Content.styled(one_line(result.headline), f"bold {style}"),
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

    def show_goals(self, plan: ip.PlanRecord) -> None:
        goal_list = self.fill(
            "#goal-list", [Option(describe_goal(n, g)) for n, g in enumerate(plan.goals, 1)]
        )
        goal_list.border_title = "Goals: a add, m cycle status, v recognised?"
        if not plan.goals:
            goal_list.add_option(
                Option(Content("No goals yet: press a to add the plan's goals."), disabled=True)
            )

    def show_support(self, plan: ip.PlanRecord) -> None:
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
        self.fill("#support-list", options).border_title = "Support offered: s toggles"

    def show_documents(self, plan: ip.PlanRecord) -> None:
        done = set(plan.documents_done)
        options = [
            Option(
                Content.assemble(
                    ("[x] " if item.id in done else "[ ] ", "bold"), one_line(item.label)
                ),
                id=item.id,
            )
            for item in self.content.documents
        ]
        document_list = self.fill("#document-list", options)
        document_list.border_title = f"Kept: {len(done)} of {len(self.content.documents)}"
        self.show_document_detail()

    @on(OptionList.OptionHighlighted, "#document-list")
    def show_document_detail(self) -> None:
        index = self.query_one("#document-list", OptionList).highlighted
        if index is None:
            return
        item = self.content.documents[index]
        self.query_one("#document-detail", Static).update(
            lines(
                f"{terminal_safe(item.hint)} ({one_line(item.section)})",
                Content.styled(terminal_safe(self.content.document_caveat), "$text-muted"),
                Content.styled("Press x to mark it kept (or not).", "$text-muted"),
            )
        )

    def show_dates(self, plan: ip.PlanRecord) -> None:
        dates = ip.key_dates(plan, self.app.today(), content=self.content)
        shown = [
            Content.assemble(
                (f"{d.date.isoformat()}  {one_line(d.title)}", "bold"),
                f"  ({describe_days(d.days_away)})\n",
                (f"    {one_line(d.detail)} ({one_line(d.section)})", "$text-muted"),
            )
            for d in dates
        ]
        if plan.offer_date is None or plan.employment_end is None:
            shown.append(
                Content.styled(
                    "Press e to add the day you were handed a document to sign, or the day "
                    "employment ends: the deadlines that follow from them appear here.",
                    "italic",
                )
            )
        self.query_one("#key-dates", Static).update(Content("\n").join(shown))
        self.show_meetings(plan)
        evidence = self.query_one("#evidence", Static)
        if self.timeline:
            evidence.update(
                Content("\n").join(
                    Content(f"{t.date.isoformat()}  {t.label}: {one_line(t.title)}")
                    for t in self.timeline
                )
            )
        else:
            evidence.update(
                Content(
                    "Nothing yet. Log goals met, written instructions and meeting notes as "
                    "journal notes (types plan_goal_met, plan_instruction, plan_meeting) or tag "
                    "entries 'pip': they form a dated trail here."
                )
            )

    def show_meetings(self, plan: ip.PlanRecord) -> None:
        meetings = self.query_one("#meetings", Static)
        meetings.border_title = f"Check-in meetings ({len(plan.meetings)})"
        hint = Content.styled(
            "Press c after each plan meeting to note what was discussed or agreed; "
            "it goes into your journal too.",
            "italic",
        )
        meetings.update(Content("\n").join([*map(describe_meeting, plan.meetings), hint]))

    def show_exit_options(self) -> None:
        box = self.query_one("#exit-options", Horizontal)
        for option in self.content.exit_options:
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
            box.mount(panel)
        self.query_one("#negotiation", Static).update(
            lines(
                *[
                    f"• {one_line(r.rule)} ({one_line(r.section)})"
                    for r in self.content.negotiation_rules
                ],
                "",
                Content.styled("Where to get help", "bold"),
                *[f"• {one_line(h.name)}: {one_line(h.what)}" for h in self.content.help],
            )
        )

    # -- starting a plan ---------------------------------------------------------------

    @on(Button.Pressed, "#start-plan")
    @on(Input.Submitted, "#start-date, #end-date")
    def start_plan(self) -> None:
        today = self.app.today()
        try:
            plan = ip.new_plan(
                parse_date(self.query_one("#start-date", Input).value, today),
                parse_date(self.query_one("#end-date", Input).value, today),
            )
        except CareerCoachError as exc:
            self.query_one("#start-error", Static).update(literal(str(exc)))
            return
        self.query_one("#start-error", Static).update("")
        self.change(lambda _: plan)

    # -- actions on a plan ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action not in PLAN_ACTIONS:
            return True
        if self.plan is None or not self.is_mounted:
            return False
        tab = ACTION_TABS.get(action)
        return tab is None or self.query_one("#plan-tabs", TabbedContent).active == tab

    @on(TabbedContent.TabActivated)
    def tab_changed(self, event: TabbedContent.TabActivated) -> None:
        """Keys act on the tab's list at once: focus it, and show that tab's keys."""
        list_id = TAB_LISTS.get(event.pane.id or "")
        if list_id is not None:
            self.query_one(list_id, OptionList).focus()
        self.refresh_bindings()

    def action_next_tab(self, step: int = 1) -> None:
        """Move to the next (or previous) tab."""
        tabs = self.query_one("#plan-tabs", TabbedContent)
        tabs.active = TAB_ORDER[(TAB_ORDER.index(tabs.active) + step) % len(TAB_ORDER)]

    def highlighted(self, list_id: str) -> int | None:
        return self.query_one(list_id, OptionList).highlighted

    def action_answer(self, answer: str) -> None:
        """Answer the highlighted sign."""
        index = self.highlighted("#sign-list")
        if index is None:
            return
        sign_id = self.findings[index].id
        self.change(lambda plan: ip.answer_sign(plan, sign_id, answer, self.content))

    def action_toggle_document(self) -> None:
        """Mark the highlighted checklist item kept, or not kept."""
        index = self.highlighted("#document-list")
        if index is None or self.plan is None:
            return
        item_id = self.content.documents[index].id
        done = item_id not in self.plan.documents_done
        self.change(lambda plan: ip.mark_document(plan, item_id, done, self.content))

    @on(OptionList.OptionSelected, "#support-list")
    def action_toggle_support(self) -> None:
        """Mark the highlighted kind of support offered, or not."""
        support_list = self.query_one("#support-list", OptionList)
        index = support_list.highlighted
        if index is None or self.plan is None:
            return
        support_list.focus()  # so the toggled row is the one that shows as selected
        kind = ip.SUPPORT_KINDS[index]
        self.change(lambda plan: ip.set_support(plan, **{kind: not getattr(plan.support, kind)}))

    def action_add_meeting(self) -> None:
        if self.plan is not None:
            self.app.push_screen(MeetingDialog(self.plan, self.app.today()), self.meeting_done)

    def meeting_done(self, meeting: ip.Meeting | None) -> None:
        """Add the meeting; the save writes it and its journal note together."""
        if meeting is not None:
            self.change(
                lambda plan: ip.add_meeting(plan, meeting.date, meeting.note),
                notes=[meeting_note(meeting.date, meeting.note)],
            )

    def action_add_goal(self) -> None:
        if self.plan is not None:
            self.app.push_screen(GoalDialog(self.plan, self.app.today()), self.dialog_done)

    def action_edit_dates(self) -> None:
        if self.plan is not None:
            self.app.push_screen(PlanDatesDialog(self.plan, self.app.today()), self.dialog_done)

    def dialog_done(self, changed: ip.PlanRecord | None) -> None:
        if changed is not None:
            self.change(lambda _: changed)

    def selected_goal(self) -> int | None:
        index = self.highlighted("#goal-list")
        if self.plan is None or index is None or index >= len(self.plan.goals):
            return None
        return index + 1

    def action_goal_status(self) -> None:
        """Cycle the highlighted goal: open -> met (today) -> not met -> open."""
        number = self.selected_goal()
        if number is None or self.plan is None:
            return
        status = STATUS_CYCLE[self.plan.goal(number).status]
        today = self.app.today()
        self.change(
            lambda plan: ip.set_goal_status(
                plan, number, status, on=today if status == "met" else None
            )
        )

    def action_goal_recognised(self) -> None:
        """For a met goal: has it been acknowledged? unknown -> yes -> no -> unknown."""
        number = self.selected_goal()
        if number is None or self.plan is None:
            return
        goal = self.plan.goal(number)
        if goal.status != "met":
            self.notify("Mark the goal met first (m).", markup=False)
            return
        self.change(
            lambda plan: ip.set_goal_status(
                plan, number, "met", on=goal.met_on, recognised=RECOGNISED_CYCLE[goal.recognised]
            )
        )

    # -- saving ------------------------------------------------------------------------

    def change(
        self, edit: Callable[[ip.PlanRecord], ip.PlanRecord], notes: Sequence[Draft] = ()
    ) -> None:
        """Apply an edit, show it at once, and save it (with any evidence notes it
        leaves in the journal) in the background."""
        with self._pending_lock:
            stale = self._stale
        if stale:
            self.notify(
                "The plan is being read again after a failed save: try again in a moment.",
                title="Not changed",
                severity="warning",
                markup=False,
            )
            return
        try:
            changed = edit(self.plan)  # type: ignore[arg-type]
        except CareerCoachError as exc:
            self.notify(str(exc), title="Not changed", severity="error", markup=False)
            return
        self.show_plan(changed)
        with self._pending_lock:
            self._latest = changed
            self._notes.extend(notes)
        self.save()

    @work(thread=True, group="plan-save")
    def save(self) -> None:
        """Write the newest record and the notes waiting for it in one write; saves run
        one at a time, so the last edit wins."""
        with self._save_lock:
            with self._pending_lock:
                latest, notes = self._latest, list(self._notes)
                self._notes.clear()
            if latest is None:
                return
            try:
                added = save_with_evidence(self.app.journal, latest, notes)
                self.loaded_signature = self.app.journal.version()
            except (CareerCoachError, OSError) as exc:
                self._save_failed(exc, notes)
            else:
                if added:
                    self.post_message(self.EvidenceSaved(added))

    def _save_failed(self, error: Exception, notes: list[Draft]) -> None:
        """Drop every edit still waiting (each built on the one that failed: saving
        them would keep a meeting without its note), and say what was lost."""
        with self._pending_lock:
            self._stale = True
            self._latest = None
            self._notes.clear()
        reason = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
        problem = f"The plan was not saved: {reason}"
        lost = [note.notes or note.title for note in notes]
        if lost:
            problem += "\n\nNot saved, to enter again:\n" + "\n".join(lost)
        self.post_message(self.Failed(problem, reload=True))

    def on_plan_screen_evidence_saved(self, event: EvidenceSaved) -> None:
        """Put the new notes in the trail without re-reading the whole journal."""
        if self.plan is None:
            return
        known = {item.entry_id for item in self.timeline}
        fresh = [entry for entry in event.entries if entry.id not in known]
        added = ip.evidence_timeline(fresh, self.plan, content=self.content)
        self.timeline = tuple(sorted((*self.timeline, *added), key=lambda item: item.date))
        self.show_dates(self.plan)
