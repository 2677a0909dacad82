"""Improvement plan (PIP) navigator: is this plan fixable, and what to keep and know.

Without a plan the screen says what it is for and offers a two-date form to start
one. With a plan, one tab widget each (plan_tabs/): the signs to answer, the verdict
with its reasons and warnings, the goals and the support on offer, the documentation
checklist, key dates with the check-in meetings and the evidence trail, and the two
common exit structures. The "general information, not legal advice" notice stays on
screen throughout.

A tab turns a key into a step (`careercoach.plan.change`, the same steps the command
line saves); the screen shows the result at once and saves the steps in order, in
the background, each applied to the plan as it is on disk at that moment together
with its journal notes. A step that fails is reported and the disk shown again; the
other steps do not depend on it. A step on a goal or meeting that is no longer the one
shown (the plan changed elsewhere) is refused with a line above the tabs, and a form
whose field was changed elsewhere too asks the user which value to keep.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from typing import Any, ClassVar

import msgspec
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import (
    Button,
    Header,
    Input,
    Label,
    LoadingIndicator,
    Static,
    TabbedContent,
)
from textual.worker import get_current_worker

from careercoach import plan as ip
from careercoach.errors import CareerCoachError
from careercoach.journal import EditConflict, Side, settle
from careercoach.model import Entry, parse_date
from careercoach.tui.mode_styles import ModeScreen
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.conflict import ConflictDialog
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.screens.plan_dialogs import PlanDatesDialog
from careercoach.tui.screens.plan_tabs import (
    DatesTab,
    DocumentsTab,
    ExitOptionsTab,
    FormSave,
    GoalsTab,
    PlanTab,
    PlanView,
    SignsTab,
    VerdictTab,
)
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import LiteralStatic, literal
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider

DEFAULT_PLAN_DAYS = 90
TAB_ORDER = ("signs-tab", "verdict-tab", "goals-tab", "documents-tab", "dates-tab", "exit-tab")
START_FORM = ("start-date", "end-date", "start-plan")
DATE_LABELS = {
    "start": "Plan start",
    "end": "Plan end",
    "offer_date": "Day you were handed a document to decide on",
    "employment_end": "Employment ends on",
}

ABOUT = (
    "This screen is for when you have been placed on a Performance Improvement Plan "
    "(PIP). It helps you judge whether the plan looks fixable or like an exit in "
    "disguise, keep the documents and dated evidence that decide outcomes, know the "
    "dates that matter, and compare the two common exit structures.\n\n"
    "Start by entering the plan's dates as written in the plan document."
)


class PlanScreen(ModeScreen):
    """The improvement-plan navigator over the plan stored in the journal."""

    COMMANDS: ClassVar[set[type[Provider]]] = {ScreenActionsProvider}
    DEFAULT_CSS = """
    #plan-message {
        height: auto;
        padding: 0 1;
        color: $text-error;
        display: none;
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_dates", "Plan dates"),
        Binding("right_square_bracket", "next_tab", "Next tab", key_display="]"),
        Binding("left_square_bracket", "next_tab(-1)", "Previous tab", key_display="[", show=False),
    ]
    # For `?` help: each tab's keys (active while it is open) named with it, then the screen's.
    HELP_BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(b.key, b.action, f"{b.description} ({tab})", key_display=b.key_display)
            for tab, keys in (
                ("Signs", SignsTab.BINDINGS),
                ("Goals", GoalsTab.BINDINGS),
                ("Documents", DocumentsTab.BINDINGS),
                ("Dates", DatesTab.BINDINGS),
            )
            for b in keys
            if isinstance(b, Binding)
        ),
        *BINDINGS,
    ]

    class Loaded(Message):
        def __init__(
            self,
            plan: ip.PlanRecord | None,
            timeline: tuple[ip.TimelineItem, ...],
            notes_gone: frozenset[ip.Meeting],
        ):
            super().__init__()
            self.plan = plan
            self.timeline = timeline
            self.notes_gone = notes_gone

    class Saved(Message):
        """A step is on disk (the record as written and the notes it added), or failed."""

        def __init__(self, saved: ip.change.PlanSaved | None, problem: str = "") -> None:
            super().__init__()
            self.saved = saved
            self.problem = problem

    class Refused(Message):
        """A step's goal or meeting is no longer the one shown: nothing was saved."""

        def __init__(self, problem: str) -> None:
            super().__init__()
            self.problem = problem

    class Conflicted(Message):
        """A form's field was changed elsewhere too: nothing was saved yet."""

        def __init__(self, form: FormSave, conflict: EditConflict) -> None:
            super().__init__()
            self.form = form
            self.conflict = conflict

    class SavesDone(Message):
        """The save worker found nothing more to save."""

    class Failed(Message):
        def __init__(self, problem: str, *, reload: bool = False) -> None:
            super().__init__()
            self.problem = problem
            self.reload = reload

    def __init__(self) -> None:
        super().__init__()
        self.plan: ip.PlanRecord | None = None
        self.timeline: tuple[ip.TimelineItem, ...] = ()
        self.notes_gone: frozenset[ip.Meeting] = frozenset()  # meetings whose note was deleted
        self.loaded_signature: tuple[int, ...] | None = None
        self.content = ip.load_plan_content()
        # shown, not yet saved, in order; a form's save with its FormSave
        self.pending: deque[tuple[ip.change.PlanStep, FormSave | None]] = deque()
        self.saving = False  # a save worker is draining `pending` (set in the UI thread only)
        self.unsaved = 0  # steps shown whose Saved message has not arrived yet
        self.reload_after_saves = False

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "plan.tcss")
        yield Header()
        yield LoadingIndicator(id="plan-loading")
        yield Static(literal(self.content.notice), id="plan-notice")
        yield LiteralStatic("", id="plan-message")
        with VerticalScroll(id="plan-start", can_focus=False):  # Tab goes to the dates
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
            yield SignsTab()
            yield VerdictTab()
            yield GoalsTab()
            yield DocumentsTab(self.content)
            yield DatesTab()
            yield ExitOptionsTab(self.content)
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Improvement plan"
        self.query_one("#plan-start").display = False
        self.query_one("#plan-tabs").display = False

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
            plan = ip.change.stored_plan(journal)
            entries = journal.entries() if plan else []
            timeline = ip.evidence_timeline(entries, plan) if plan else ()
            gone = ip.meetings_without_note(entries, plan.meetings) if plan else frozenset()
        except CareerCoachError as exc:
            message: Message = self.Failed(str(exc))
        except OSError as exc:
            message = self.Failed(f"cannot read the journal: {exc.strerror or exc}")
        else:
            self.loaded_signature = signature
            message = self.Loaded(plan, timeline, gone)
        if not get_current_worker().is_cancelled:
            self.post_message(message)

    def on_plan_screen_failed(self, event: Failed) -> None:
        self.query_one("#plan-loading").display = False
        self.app.push_screen(ErrorDialog(event.problem, title="Improvement plan"))
        if event.reload:
            self.refresh_data()  # show what is really on disk

    def on_plan_screen_loaded(self, event: Loaded) -> None:
        self.query_one("#plan-loading").display = False
        if self.unsaved:
            return  # steps still to save: what is shown already includes them
        self.timeline = event.timeline
        self.notes_gone = event.notes_gone
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
                # The button: Enter starts the plan at once and letters still switch
                # screens; Tab goes on to the start date, then the end date.
                self.query_one("#start-plan", Button).focus()
            self.refresh_bindings()
            return
        today = self.app.today()
        view = PlanView(
            plan=plan,
            assessment=ip.assess_plan(plan, today, self.content),
            timeline=self.timeline,
            notes_gone=self.notes_gone,
            content=self.content,
            today=today,
        )
        for tab in self.query(PlanTab):
            tab.show(view)
        focused = self.focused
        if focused is None or focused.id in START_FORM:
            self.active_tab().focus_content()
        self.refresh_bindings()

    def active_tab(self) -> PlanTab:
        tabs = self.query_one("#plan-tabs", TabbedContent)
        return self.query_one(f"#{tabs.active}", PlanTab)

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
        self.show_plan(plan)
        self.save_start(plan)

    @work(thread=True, group="plan-save")
    def save_start(self, plan: ip.PlanRecord) -> None:
        try:
            ip.change.start_plan(self.app.journal, plan)
        except (CareerCoachError, OSError) as exc:
            self.post_message(self.Failed(self.not_saved(exc), reload=True))
        else:
            self.loaded_signature = self.app.journal.version()

    # -- actions on a plan ------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit_dates", "next_tab"):
            return self.plan is not None and self.is_mounted
        return True

    @on(TabbedContent.TabActivated)
    def tab_changed(self, event: TabbedContent.TabActivated) -> None:
        """Keys act on the tab at once: focus its content, and show that tab's keys. A
        tab passed on the way (] pressed quickly) is not focused: focusing a widget opens
        its tab, which would switch back."""
        if isinstance(event.pane, PlanTab) and event.pane is self.active_tab():
            event.pane.focus_content()
        self.refresh_bindings()

    def action_next_tab(self, step: int = 1) -> None:
        """Move to the next (or previous) tab."""
        tabs = self.query_one("#plan-tabs", TabbedContent)
        tabs.active = TAB_ORDER[(TAB_ORDER.index(tabs.active) + step) % len(TAB_ORDER)]

    def action_edit_dates(self) -> None:
        if self.plan is not None:
            self.edit_dates(self.plan)

    def edit_dates(self, shown: ip.PlanRecord, typed: dict[str, Any] | None = None) -> None:
        """The dates form over the plan as shown; its save sets only the dates the user
        changed there (see `change.dates`)."""

        def build(base: ip.PlanRecord, mine: dict[str, Any]) -> ip.change.PlanStep:
            return ip.change.dates(shown=base, **mine)

        def dates_done(dates: dict[str, Any] | None) -> None:
            if dates is not None:
                form = FormSave(
                    shown, dates, build, lambda mine: self.edit_dates(shown, mine), DATE_LABELS
                )
                self.apply(form.step(), form)

        self.app.push_screen(PlanDatesDialog(shown, self.app.today(), typed), dates_done)

    # -- saving ------------------------------------------------------------------------

    @on(PlanTab.Changed)
    def tab_changed_plan(self, event: PlanTab.Changed) -> None:
        event.stop()
        self.apply(event.step, event.form)

    def apply(
        self, step: ip.change.PlanStep, form: FormSave | None = None, *, show: bool = True
    ) -> None:
        """Show the step at once (unless not `show`), then save it after the steps
        before it."""
        self.tell("")
        if show:
            try:
                changed = step.apply(self.plan)
            except (ip.change.NotAsShown, EditConflict):
                pass  # the plan was read again meanwhile: the save, under the lock, says why
            except CareerCoachError as exc:
                self.notify(str(exc), title="Not changed", severity="error", markup=False)
                return
            else:
                self.show_plan(changed)
        self.unsaved += 1
        self.pending.append((step, form))
        if not self.saving:
            self.saving = True
            self.save_pending()

    @work(thread=True, group="plan-save")
    def save_pending(self) -> None:
        """Save the waiting steps one by one, each on the plan as it is on disk now."""
        while self.pending:
            step, form = self.pending.popleft()
            try:
                saved = step.save(self.app.journal)
            except ip.change.NotAsShown as exc:
                self.post_message(self.Refused(self.not_saved(exc, step, shown_now=True)))
            except EditConflict as conflict:  # only a form's save is merged with the disk
                self.post_message(
                    self.Conflicted(form, conflict)
                    if form is not None
                    else self.Saved(None, self.not_saved(conflict, step))
                )
            except (CareerCoachError, OSError) as exc:
                self.post_message(self.Saved(None, self.not_saved(exc, step)))
            else:
                self.loaded_signature = self.app.journal.version()
                self.post_message(self.Saved(saved))
        self.post_message(self.SavesDone())

    @staticmethod
    def not_saved(
        error: Exception, step: ip.change.PlanStep | None = None, *, shown_now: bool = False
    ) -> str:
        """What failed, and any note the user would have to enter again."""
        reason = (error.strerror or str(error)) if isinstance(error, OSError) else str(error)
        if shown_now:
            problem = f"Not saved: {reason}. The plan is shown as it is now."
        else:
            problem = f"The plan was not saved: {reason}"
        if step is not None and step.typed.strip():
            problem += "\n\nNot saved, to enter again:\n" + step.typed
        return problem

    def on_plan_screen_saved(self, event: Saved) -> None:
        """Put new notes in the trail without re-reading the whole journal. A step that
        failed, or rewrote or deleted notes, has the plan read again once the saves
        are done; otherwise the last save shows the plan as it is on disk."""
        self.unsaved -= 1
        saved = event.saved
        if saved is None:
            self.reload_after_saves = True
            self.app.push_screen(ErrorDialog(event.problem, title="Improvement plan"))
            return
        if saved.replaced:
            self.reload_after_saves = True
        if saved.added and self.plan is not None:
            self.add_to_timeline(saved.added)
        if not self.unsaved and not self.reload_after_saves:
            self.show_plan(saved.plan)

    def on_plan_screen_refused(self, event: Refused) -> None:
        """Say why inline and show the plan as it is on disk once the saves are done."""
        self.unsaved -= 1
        self.reload_after_saves = True
        self.tell(event.problem)

    def on_plan_screen_conflicted(self, event: Conflicted) -> None:
        """Ask which value to keep where the form and the disk changed the same field."""
        self.unsaved -= 1
        self.reload_after_saves = True  # what is shown holds the form's unsaved values
        form, conflict = event.form, event.conflict
        self.app.push_screen(
            ConflictDialog(conflict.conflicts, labels=form.labels),
            lambda side: self.settled(form, conflict, side),
        )

    def settled(self, form: FormSave, conflict: EditConflict, side: Side | None) -> None:
        """Save again with the side chosen (shown once saved), or show the form again
        as typed when cancelled."""
        if side is None:
            form.reopen(form.mine)
            return
        base, mine = settle(form.base, form.mine, conflict, side)
        again = msgspec.structs.replace(form, base=base, mine=mine)
        self.apply(again.step(), again, show=False)

    def tell(self, text: str) -> None:
        """The line above the tabs that says why an action did nothing (empty: hidden)."""
        message = self.query_one("#plan-message", LiteralStatic)
        message.show(text)
        message.display = bool(text)

    def add_to_timeline(self, entries: list[Entry]) -> None:
        assert self.plan is not None
        known = {item.entry_id for item in self.timeline}
        fresh = [entry for entry in entries if entry.id not in known]
        added = ip.evidence_timeline(fresh, self.plan, content=self.content)
        self.timeline = tuple(sorted((*self.timeline, *added), key=lambda item: item.date))

    def on_plan_screen_saves_done(self, event: SavesDone) -> None:
        self.saving = False
        if self.pending:  # added while the worker was finishing
            self.saving = True
            self.save_pending()
        elif self.reload_after_saves:
            self.reload_after_saves = False
            self.refresh_data()
