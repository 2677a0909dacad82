"""The weekly check-in: tick what you did, add a line, ctrl+s. About a minute.

Each area is one focusable list (arrows move, space ticks) plus a free-text line, so
tab walks area by area. The week's earlier check-in shows ticked, with what else was
logged that week under each area; saving edits that week (adds what is newly ticked,
removes what was unticked, retitles a changed line) under one hold of the lock, then
returns to the dashboard, which refreshes on resume. Moving to another week (`[`, `]`)
with ticks or lines not saved asks first, as leaving the screen does.
"""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Header, Input, SelectionList
from textual.widgets.selection_list import Selection

from careercoach.checkin import (
    Area,
    AreaAnswer,
    AreaLog,
    CheckinConflict,
    CheckinPlan,
    entry_date,
    load_checkin,
    plan_checkin,
    save_checkin,
    settle_checkin,
    week_log,
    week_start,
)
from careercoach.errors import CareerCoachError, JournalError, ValidationError
from careercoach.journal import Side
from careercoach.model import check_title_ja, make_entry
from careercoach.tui.mode_styles import ModeScreen
from careercoach.tui.quick_read import reads_quickly
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.conflict import ConflictDialog
from careercoach.tui.screens.unsaved import FORM_KEYS, Choice, Form, UnsavedDialog
from careercoach.tui.widgets.form import FormField
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import LiteralStatic, literal, notify_literal
from careercoach.tui.widgets.one_line_input import OneLineInput
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider

LOGGED_SHOWN = 3


def week_label(monday: dt.date, today: dt.date) -> str:
    back = (week_start(today) - monday).days // 7
    when = {0: "this week", 1: "last week"}.get(back, f"{back} weeks ago")
    return (
        f"Week of Mon {monday:%d %b %Y} ({when}) · "
        f"entries dated {entry_date(monday, today).isoformat()}"
    )


def logged_text(log: AreaLog) -> str:
    """What else the week holds for an area, beside this check-in's own ticks and line."""
    mine = len(log.ticked) + (log.free is not None)
    if not log.others:
        return f"This week: {mine} from the check-in." if mine else "Nothing logged this week yet."
    titles = "; ".join(e.title for e in log.others[:LOGGED_SHOWN])
    more = len(log.others) - LOGGED_SHOWN
    also = f"{titles} and {more} more" if more > 0 else titles
    return f"Also logged this week: {also}"


class CheckinScreen(Form, ModeScreen):
    """Per area: the guide's examples to tick and one line of your own."""

    FORM_NAME = "The check-in"
    AUTO_FOCUS = "SelectionList"
    COMMANDS: ClassVar = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("left_square_bracket", "week(-1)", "Prev week", key_display="["),
        Binding("right_square_bracket", "week(1)", "Next week", key_display="]"),
        Binding("ctrl+r", "reset", "Reset"),
        *FORM_KEYS,
    ]

    class Saved(Message):
        def __init__(self, plan: CheckinPlan, monday: dt.date) -> None:
            super().__init__()
            self.plan = plan
            self.monday = monday

    class WeekLoaded(Message):
        def __init__(self, monday: dt.date, log: dict[str, AreaLog], version: object) -> None:
            super().__init__()
            self.monday = monday
            self.area_logs = log
            self.version = version

    class Conflicted(Message):
        """A free line the form changed was changed differently on disk meanwhile."""

        def __init__(
            self,
            loaded: dict[str, AreaLog],
            answers: dict[str, AreaAnswer],
            monday: dt.date,
            conflict: CheckinConflict,
        ) -> None:
            super().__init__()
            self.loaded = loaded
            self.answers = answers
            self.monday = monday
            self.conflict = conflict

    class Failed(Message):
        def __init__(self, error: CareerCoachError) -> None:
            super().__init__()
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.areas: tuple[Area, ...] = ()
        self.monday = dt.date.min
        self.content_error: CareerCoachError | None = None
        self.week_entries: dict[str, AreaLog] | None = None  # the shown week's entries, once read
        self.focus_after_load: Widget | None = None
        self.read_version: object = None  # the journal's version when the week was read

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "checkin.tcss")
        try:
            self.areas = load_checkin()
        except CareerCoachError as exc:
            self.content_error = exc
        yield Header()
        yield LiteralStatic("", id="week-label")
        with VerticalScroll(id="checkin-areas", can_focus=False):  # no invisible Tab stop
            for area in self.areas:
                with Vertical(classes="checkin-area") as box:
                    box.border_title = literal(area.title, one_line=True)
                    box.border_subtitle = literal(area.section, one_line=True)
                    yield LiteralStatic(area.prompt, classes="hint")
                    yield LiteralStatic("", classes="hint", id=f"logged-{area.id}")
                    yield SelectionList[str](
                        *(Selection(literal(e.label), e.id) for e in area.examples),
                        id=f"examples-{area.id}",
                        disabled=True,  # until the week is read
                    )
                    yield FormField(
                        "Anything else?",
                        OneLineInput(
                            placeholder="in your own words (saved as an entry)",
                            id=f"free-{area.id}",
                            compact=True,
                            disabled=True,
                        ),
                        id=f"field-free-{area.id}",
                    )
                    yield FormField(
                        "日本語 (optional)",
                        Input(
                            placeholder="the same line in Japanese, for Japanese scripts",
                            id=f"free-ja-{area.id}",
                            compact=True,
                            disabled=True,
                        ),
                        id=f"field-free-ja-{area.id}",
                    )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Weekly check-in"
        self.monday = week_start(self.app.today())
        self.show_week()
        self.mark_clean()
        if self.content_error is not None:
            self.app.show_error(self.content_error)

    def form_state(self) -> object:
        return tuple(self.answers().items())

    def leave_form(self) -> None:
        self.app.switch_mode("dashboard")

    def discard_changes(self) -> None:
        self.action_reset()

    def save_and_leave(self) -> None:
        self.action_save()  # a saved check-in goes on to the dashboard

    def on_screen_resume(self) -> None:
        """Back in front: show the week again if the journal changed meanwhile (an entry
        added from the CLI), unless there are unsaved ticks to keep."""
        if self.read_version != self.app.journal.version() and not self.has_unsaved():
            self.show_week()

    def show_week(self) -> None:
        """Show the week of `self.monday` as the journal has it. A journal that reads
        quickly is read here and now: the form never shows the new week's label over
        the old week's ticks, so nothing needs to be held back meanwhile. A larger one
        is read in a worker, the fields disabled until it is shown (a key typed ahead
        must not tick the old week's form)."""
        text = week_label(self.monday, self.app.today())
        self.query_one("#week-label", LiteralStatic).show(text)
        self.week_entries = None
        if reads_quickly(self.app.journal):
            self.workers.cancel_group(self, "checkin-read")  # a slower read still under way
            try:
                self.show_loaded(self.monday, *self.week_reading(self.monday))
            except CareerCoachError as exc:
                self.enable_fields(False)  # the form still holds another week
                self.post_message(self.Failed(exc))
            return
        if self.focused is not None:
            self.focus_after_load = self.focused
        self.enable_fields(False)  # no ticking or typing until the week is shown
        self.read_week(self.monday)

    def enable_fields(self, enabled: bool) -> None:
        """Disable the lists and fields themselves, not the whole form: each change
        restyles what it covers, and the form has four times as many widgets (labels,
        hints, boxes) as it has fields. They are composed disabled, so opening the
        screen restyles them once, when the week has been read."""
        for field in self.query("#checkin-areas SelectionList, #checkin-areas Input"):
            field.disabled = not enabled

    def week_reading(self, monday: dt.date) -> tuple[dict[str, AreaLog], object]:
        """The week's entries by area, and the journal's version they were read at."""
        journal = self.app.journal
        try:
            version = journal.version()
            return week_log(journal.unordered_entries(), monday, self.areas), version
        except OSError as exc:
            raise JournalError(f"cannot read the journal: {exc.strerror or exc}") from None

    @work(thread=True, exclusive=True, group="checkin-read")
    def read_week(self, monday: dt.date) -> None:
        """Reading a large journal takes a moment: off the UI thread."""
        try:
            log, version = self.week_reading(monday)
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc))
            return
        self.post_message(self.WeekLoaded(monday, log, version))

    def on_checkin_screen_week_loaded(self, event: WeekLoaded) -> None:
        self.show_loaded(event.monday, event.area_logs, event.version)

    def show_loaded(self, monday: dt.date, area_logs: dict[str, AreaLog], version: object) -> None:
        """Fill the form with the week as read (nothing if the user moved on meanwhile)."""
        if monday != self.monday:
            return  # the user moved on to another week meanwhile
        self.week_entries = area_logs
        self.read_version = version
        self.enable_fields(True)
        if self.focused is None:
            (self.focus_after_load or self.query_one(SelectionList)).focus()
        for area in self.areas:
            area_log = area_logs[area.id]
            examples = self.query_one(f"#examples-{area.id}", SelectionList)
            examples.deselect_all()
            for example_id in area_log.ticked:
                examples.select(example_id)
            free = area_log.free
            self.query_one(f"#free-{area.id}", Input).value = free.title if free else ""
            self.query_one(f"#free-ja-{area.id}", Input).value = free.title_ja if free else ""
            self.query_one(f"#field-free-{area.id}", FormField).set_error(None)
            self.query_one(f"#field-free-ja-{area.id}", FormField).set_error(None)
            self.query_one(f"#logged-{area.id}", LiteralStatic).show(logged_text(area_log))
        self.mark_clean()  # the week as saved is the form's clean state

    def action_week(self, step: int) -> None:
        """Show another week, once the focused list has handled what it still has queued:
        a list ticks on a message it posts to itself, so a space typed just before `[`
        would otherwise tick the next week's form instead of this one's."""
        if self.focused is None:
            self.move_week(step)
        else:
            self.focused.call_later(self.move_week, step)

    def move_week(self, step: int) -> None:
        """Ticks and lines not saved yet are never dropped unasked."""
        if not self.is_active:
            return  # a key queued behind the question about the move before it
        monday = self.monday + dt.timedelta(weeks=step)
        if monday > week_start(self.app.today()):
            notify_literal(self.app, "That week has not started yet.", severity="warning")
            return
        if not self.has_unsaved():
            self.go_to_week(monday)
            return
        dialog = UnsavedDialog(self.FORM_NAME, discard="Discard and move", save="Save and move")
        self.app.push_screen(dialog, lambda choice: self.week_move_answer(choice, monday))

    def week_move_answer(self, choice: Choice | None, monday: dt.date) -> None:
        """Keep editing stays on this week; save moves on only once the save worked."""
        if choice == "discard":
            self.go_to_week(monday)
        elif choice == "save":
            self.save_then(lambda: self.go_to_week(monday))

    def go_to_week(self, monday: dt.date) -> None:
        self.monday = monday
        self.show_week()

    def answers(self) -> dict[str, AreaAnswer]:
        result = {}
        for area in self.areas:
            ticked = self.query_one(f"#examples-{area.id}", SelectionList).selected
            free = self.query_one(f"#free-{area.id}", Input).value
            free_ja = self.query_one(f"#free-ja-{area.id}", Input).value
            result[area.id] = AreaAnswer(tuple(str(v) for v in ticked), free, free_ja)
        return result

    def free_text_errors(self, answers: dict[str, AreaAnswer]) -> bool:
        """Check each free line as the title it becomes; mark the bad ones."""
        day = entry_date(self.monday, self.app.today())
        found = False
        for area in self.areas:
            answer = answers[area.id]
            text = answer.free_text.strip()
            error = error_ja = None
            if text:
                try:
                    make_entry(entry_id="tmp", date=day, kind=area.kind, title=text)
                except ValidationError as exc:
                    error, found = str(exc), True
            try:
                check_title_ja(answer.free_text_ja)
            except ValidationError as exc:
                error_ja, found = str(exc), True
            if answer.free_text_ja.strip() and not text:
                error_ja, found = "type the line above first: this is its Japanese title", True
            self.query_one(f"#field-free-{area.id}", FormField).set_error(error)
            self.query_one(f"#field-free-ja-{area.id}", FormField).set_error(error_ja)
        return found

    def action_save(self) -> None:
        if self.week_entries is None:
            self.save_ended(False)
            notify_literal(self.app, "Still reading this week's entries.", severity="warning")
            return
        answers = self.answers()
        if self.free_text_errors(answers):
            self.save_ended(False)
            return
        today = self.app.today()
        try:
            plan = plan_checkin(
                answers, self.week_entries, self.monday, today=today, areas=self.areas
            )
        except CareerCoachError as exc:
            self.save_ended(False)
            self.app.show_error(exc)
            return
        if plan.is_empty():
            self.mark_clean()  # the form shows what the journal has
            if not self.save_ended(True):
                notify_literal(
                    self.app,
                    "Nothing changed: tick a box, untick one or type a line.",
                    severity="warning",
                )
            return
        self.save(self.week_entries, answers, self.monday)

    @work(thread=True, exclusive=True, group="checkin-save")
    def save(
        self, loaded: dict[str, AreaLog], answers: dict[str, AreaAnswer], monday: dt.date
    ) -> None:
        """What the user changed since the week was `loaded`, applied to the week as it
        is on disk when the lock is held: what the form left alone keeps any change made
        meanwhile (say from the command line)."""
        try:
            plan = save_checkin(
                self.app.journal,
                answers,
                monday,
                today=self.app.today(),
                areas=self.areas,
                loaded=loaded,
            )
        except CheckinConflict as conflict:
            self.post_message(self.Conflicted(loaded, answers, monday, conflict))
            return
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc))
            return
        self.post_message(self.Saved(plan, monday))

    def on_checkin_screen_saved(self, event: Saved) -> None:
        self.mark_clean()  # what was typed is saved
        # Back to this week, read again when the screen is next shown (the journal
        # changed, so `on_screen_resume` does it): re-reading now would restyle the
        # whole form while the dashboard is busy showing the new score.
        self.monday = week_start(self.app.today())
        if not self.save_ended(True):
            self.app.switch_mode("dashboard")
        notify_literal(  # on the dashboard, where the user now looks
            self.app,
            f"Saved the week of {event.monday:%d %b %Y}: {event.plan.summary()}.",
            title="Check-in",
        )

    def on_checkin_screen_conflicted(self, event: Conflicted) -> None:
        labels = {area.id: f"Anything else? ({area.title})" for area in self.areas}
        dialog = ConflictDialog(event.conflict.conflicts, labels=labels)
        self.app.push_screen(dialog, lambda side: self._settled(event, side))

    def _settled(self, event: Conflicted, side: Side | None) -> None:
        """Cancel keeps the form as the user left it, nothing saved."""
        if side is None:
            self.save_ended(False)
            return
        loaded, answers = settle_checkin(event.loaded, event.answers, event.conflict, side)
        self.save(loaded, answers, event.monday)

    def on_checkin_screen_failed(self, event: Failed) -> None:
        self.save_ended(False)
        self.app.show_error(event.error)

    def action_reset(self) -> None:
        """Back to this week as the journal has it: unsaved ticks and lines are dropped."""
        self.go_to_week(week_start(self.app.today()))
