"""The Textual app: modes for each screen, app-wide keys, first run, errors, themes.

A journal that reads quickly (a file of up to 4 MB, about 14k entries) is read before
the first frame, so the dashboard appears filled in; a larger one is read in a worker
behind a loading indicator, so even a very large journal never freezes the start. A
damaged one gets a clear dialog and the `careercoach doctor --restore` hint instead of
a traceback.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import importlib
import os
import signal
import tempfile
import threading
import weakref
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import msgspec
import msgspec.structs
from textual import work
from textual.actions import SkipAction
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen
from textual.theme import Theme
from textual.widgets import OptionList

from careercoach import clock, demo_folder
from careercoach.errors import (
    CareerCoachError,
    JournalError,
    JournalLockedError,
    TargetExistsError,
    ValidationError,
)
from careercoach.journal import (
    TRASH_DAYS,
    Draft,
    EditConflict,
    Journal,
    Side,
    describe_os_error,
    examine,
    restore,
    settle,
)
from careercoach.model import KINDS, Profile
from careercoach.settings import WEEKDAYS, load_settings, remember
from careercoach.tui.mode_styles import ModeStylesApp
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.screens.unsaved import Form, UnsavedDialog, is_text_field
from careercoach.tui.widgets.literal import notify_literal

if TYPE_CHECKING:
    from careercoach.tui.screens.help import Section
    from careercoach.tui.screens.welcome import WelcomeChoice

DEMO_TITLE = "careercoach (demo journal, a throwaway copy)"


class Mode(msgspec.Struct, frozen=True):
    """One of the app's screens: where its class lives, its key, label and full title.

    Screens are imported the first time they are opened, so start-up pays only for
    the dashboard.
    """

    module: str
    class_name: str
    key: str
    label: str
    title: str

    @property
    def screen(self) -> type[Screen]:
        module = importlib.import_module(f"careercoach.tui.screens.{self.module}")
        return getattr(module, self.class_name)

    def make(self) -> Screen:
        return self.screen()


SCREENS = {
    "dashboard": Mode("dashboard", "DashboardScreen", "d", "Dashboard", "Dashboard"),
    "journal": Mode("journal", "JournalScreen", "j", "Journal", "Journal"),
    "checkin": Mode("checkin", "CheckinScreen", "w", "Check-in", "Week check-in"),
    "readiness": Mode("readiness", "ReadinessScreen", "r", "Readiness", "Readiness"),
    "scripts": Mode("scripts", "ScriptsScreen", "t", "Scripts", "Scripts"),
    "plan": Mode("plan", "PlanScreen", "i", "Plan", "Improvement plan"),
    "profile": Mode("profile", "ProfileScreen", "p", "Profile", "Profile"),
}
# format -> (palette title, palette help, default file name stem)
EXPORTS = {
    "md": ("Export promotion packet…", "A Markdown summary with evidence", "promotion-packet"),
    "csv": ("Export CSV…", "Every entry as a spreadsheet", "careercoach-entries"),
    "json": ("Export backup…", "A full JSON backup you can import again", "careercoach-backup"),
}
# Improvement-plan evidence stays out of the packet and the CSV unless chosen here.
PLAN_EXPORTS = {
    "md": "Export promotion packet with plan evidence…",
    "csv": "Export CSV with plan evidence…",
}


def _end_now(status: int) -> None:
    """The last resort of a stop by a signal: remove the demo folders and end."""
    demo_folder.remove_all()
    os._exit(status)


def has_good_backup(journal: Path) -> bool:
    """True when the journal is damaged and at least one backup can replace it."""
    try:
        report = examine(journal)
    except OSError:
        return False
    return report.status == "damaged" and any(backup.ok for backup in report.backups)


# How long a stop by a signal may take before the process ends without finishing it.
STOP_GRACE_S = 5.0
# App-wide actions that wait while a dialog is up.
NAVIGATION = {"switch_mode", "help", "refresh_data", "quit", "request_quit", "quick_log"}
# Single-letter app keys: held back while a form is in front, so typing never leaves it.
LETTER_ACTIONS = {"switch_mode", "request_quit", "quick_log"}


class CareerCoachApp(ModeStylesApp):
    """careercoach's terminal app over one journal (the user's, or a demo copy)."""

    TITLE = "careercoach"
    # All CSS is the app's: a screen with its own CSS_PATH makes Textual re-parse
    # every stylesheet when it first opens (about 30 ms each time). Loaded at start:
    # what every screen shares and the dashboard; each other screen adds its own
    # rules when it is first built (`screen_css.py`).
    CSS_PATH: ClassVar[list[str]] = ["app.tcss", "screens/dashboard.tcss"]
    # The app starts on the dashboard as its default screen, which Textual sets up
    # without the full CSS re-parse and restyle it gives the first screen of a mode
    # (textual#5211: 20-70 ms here). The dashboard joins the modes once mounted.
    DEFAULT_MODE = "dashboard"
    MODES: ClassVar[dict[str, Any]] = {
        name: mode.make for name, mode in SCREENS.items() if name != "dashboard"
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(mode.key, f"switch_mode('{name}')", mode.label)
            for name, mode in SCREENS.items()
        ),
        Binding("l", "quick_log", "Log a line"),
        Binding("question_mark", "help", "Help", key_display="?"),
        Binding("f5", "refresh_data", "Refresh"),
        Binding("q", "request_quit", "Quit"),
        Binding("escape", "escape", show=False),
        # Textual 8.2.8 raises KeyError paging an OptionList that has no height (in a
        # tiny terminal; textual#5794): these keys are checked before the list's own.
        Binding("pageup", "guard_page", show=False, priority=True),
        Binding("pagedown", "guard_page", show=False, priority=True),
    ]

    def __init__(
        self,
        journal: Journal,
        *,
        today: Callable[[], dt.date] = clock.today,
        demo: bool = False,
        stop_on: Iterable[signal.Signals] = (),
    ) -> None:
        super().__init__()
        self.journal = journal
        self.today = today
        self.demo = demo
        self.started = False
        self.stop_on = tuple(stop_on)
        self.stopped_by: signal.Signals | None = None  # the signal that ended the app
        if demo:
            self.title = DEMO_TITLE
        self._demo_folder: tempfile.TemporaryDirectory[str] | None = None
        # Forms on screens that stay mounted (check-in, profile): asked about at quit.
        self.open_forms: weakref.WeakSet[Form] = weakref.WeakSet()

    def compose(self) -> ComposeResult:
        """Nothing: the app opens straight onto the dashboard mode."""
        yield from ()

    def get_default_screen(self) -> Screen:
        return SCREENS["dashboard"].make()

    def on_mount(self) -> None:
        self.add_mode("dashboard", SCREENS["dashboard"].make)
        theme = load_settings().theme
        if theme in self.available_themes:
            self.theme = theme
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        loop = asyncio.get_running_loop()
        for signum in self.stop_on:
            with contextlib.suppress(NotImplementedError):  # no signal handlers on Windows
                loop.add_signal_handler(signum, self._stop_by_signal, signum)

    def _stop_by_signal(self, signum: signal.Signals) -> None:
        """`kill`: end as a quit does, so the terminal is given back as it was and a
        demo's folder is removed. There is no one to ask about typed work that is not
        saved. Should the exit not finish (a terminal gone without a hang-up, say),
        the process ends anyway after a grace period instead of hanging on unseen."""
        self.stopped_by = signum
        watchdog = threading.Timer(STOP_GRACE_S, _end_now, (128 + signum,))
        watchdog.daemon = True  # a stop that finishes in time is not held up by it
        watchdog.start()
        self.exit()

    # -- start-up -------------------------------------------------------------------

    def journal_opened(self) -> None:
        """The first successful read: unlock navigation; greet a new user."""
        if self.started:
            return
        self.started = True
        self.refresh_bindings()
        if not self.journal.exists():  # reading never creates it: nothing saved yet
            from careercoach.tui.screens.welcome import WelcomeScreen

            self.push_screen(WelcomeScreen(today=self.today()), self._welcome_done)

    @work(thread=True, exclusive=True, group="startup")
    def journal_failed(self, error: CareerCoachError) -> None:
        """The journal could not be opened at all: offer a backup when one is good."""
        restorable = not isinstance(error, JournalLockedError) and has_good_backup(
            self.journal.path
        )
        self.call_from_thread(self._startup_failed, error, restorable)

    def _startup_failed(self, error: CareerCoachError, restorable: bool) -> None:
        dialog = ErrorDialog(
            str(error), title="The journal cannot be opened", fatal=True, restorable=restorable
        )
        self.push_screen(dialog, lambda restore: restore and self.ask_restore())

    def _welcome_done(self, result: tuple[WelcomeChoice, Profile | None] | None) -> None:
        choice, profile = result or ("skip", None)
        if choice == "profile" and profile is not None:
            self.save_welcome(Profile(), msgspec.structs.asdict(profile), profile)
            return
        if choice == "demo":
            self.open_demo()
        self.action_refresh_data()

    def save_welcome(self, base: Profile, mine: dict[str, Any], typed: Profile) -> None:
        """The welcome's profile, merged with the one on disk: a `profile set` made while
        the welcome was open is kept, and a field both changed is the user's to settle.
        Cancelling or a failed save brings the welcome back as typed."""
        from careercoach.tui.screens.conflict import ConflictDialog  # both load Select: not
        from careercoach.tui.widgets.profile_form import LABELS as PROFILE_LABELS  # at start

        try:
            self.journal.merge_profile(base, mine)
        except EditConflict as conflict:
            self.push_screen(
                ConflictDialog(conflict.conflicts, labels=PROFILE_LABELS),
                partial(self._welcome_settled, base, mine, conflict, typed),
            )
            return
        except CareerCoachError as exc:
            self.show_error(exc, then=lambda: self.reopen_welcome(typed))
            return
        notify_literal(self, "Profile saved. Welcome!", title="careercoach")
        self.action_refresh_data()

    def _welcome_settled(
        self,
        base: Profile,
        mine: dict[str, Any],
        conflict: EditConflict,
        typed: Profile,
        side: Side | None,
    ) -> None:
        if side is None:
            self.reopen_welcome(typed)
            return
        self.save_welcome(*settle(base, mine, conflict, side), typed)

    def reopen_welcome(self, typed: Profile) -> None:
        from careercoach.tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(today=self.today(), typed=typed), self._welcome_done)

    def open_demo(self) -> None:
        """Swap in a throwaway demo journal; the user's journal is never written."""
        from careercoach.demo import write_demo  # only for the demo: its generator is large

        folder = demo_folder.new_folder()
        path = Path(folder.name) / "demo-journal.json"
        try:
            write_demo(path, self.today())
        except CareerCoachError as exc:
            folder.cleanup()
            self.show_error(exc)
            return
        if self._demo_folder is not None:
            self._demo_folder.cleanup()
        self._demo_folder = folder
        self.journal = Journal(path, now=clock.now)
        self.demo = True
        self.title = DEMO_TITLE
        notify_literal(
            self,
            "This is a demo journal: look around freely, nothing here is saved.",
            title="Demo",
        )

    # -- app-wide actions -------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Keys work from the first frame (a big journal still loading never blocks
        them); only an open dialog holds them back."""
        screen = self.screen
        if action in NAVIGATION and isinstance(screen, ModalScreen):
            return action in ("quit", "request_quit") and not self.started
        return not (action in LETTER_ACTIONS and isinstance(screen, Form))

    def action_escape(self) -> None:
        """Browsing screens: Escape leaves a text field, a second one goes to the dashboard."""
        screen = self.screen
        if is_text_field(screen.focused):
            main = screen.query(screen.AUTO_FOCUS).first() if screen.AUTO_FOCUS else None
            screen.set_focus(main if main is not None and not is_text_field(main) else None)
        elif not isinstance(screen, ModalScreen) and self.current_mode != "dashboard":
            self.switch_mode("dashboard")

    def action_guard_page(self) -> None:
        """Swallow PageUp/PageDown on an OptionList with no room to page in: the focused
        one, or the command palette's list (its input has the focus and passes them on)."""
        target = self.focused
        if isinstance(self.screen, CommandPalette):
            target = self.screen.query(OptionList).first()
        if not isinstance(target, OptionList) or target.scrollable_content_region:
            raise SkipAction()

    async def action_quit(self) -> None:
        self.action_request_quit()

    def action_request_quit(self) -> None:
        """Quit, but ask first when a form holds typed work that is not saved."""
        unsaved = [form for form in self.open_forms if form.has_unsaved()]
        if not unsaved:
            self.exit()
            return
        form = unsaved[0]
        self.push_screen(
            UnsavedDialog(form.FORM_NAME, discard="Discard and quit", save="Save and quit"),
            lambda choice: self._quit_answer(form, choice),
        )

    def _quit_answer(self, form: Form, choice: str | None) -> None:
        if choice == "discard":
            self.exit()
            return
        self.show_form(form)
        if choice == "save":
            form.save_and_quit()  # quits once saved; a failed save stays on the form

    def show_form(self, form: Form) -> None:
        """Bring a mode screen's unsaved form to the front."""
        for name, mode in SCREENS.items():
            if isinstance(form, mode.screen):
                self.switch_mode(name)

    def action_refresh_data(self) -> None:
        """F5: re-read the journal for the screen in front."""
        screen = self.screen
        refresh = getattr(screen, "refresh_data", None) or getattr(
            screen, "action_refresh_insight", None
        )
        if callable(refresh):
            refresh()

    def action_quick_log(self) -> None:
        """l: one line into the journal from any browsing screen."""
        from careercoach.tui.screens.quick_log import QuickLogDialog

        self.push_screen(QuickLogDialog(today=self.today()), self.log_line)

    @work(thread=True, group="journal-write")
    def log_line(self, draft: Draft | None) -> None:
        if draft is None:
            return
        try:
            entry = self.journal.add(draft)
        except CareerCoachError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        message = f"Logged {entry.id} ({KINDS[entry.kind].label}): {entry.title}"
        self.call_from_thread(notify_literal, self, message, title="Journal")
        self.call_from_thread(self.action_refresh_data)

    def action_help(self) -> None:
        from careercoach.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.help_sections()))

    def help_sections(self) -> list[Section]:
        """Keys everywhere, then the current screen's, then every other screen's."""
        from careercoach.tui.screens.entry_form import EntryForm
        from careercoach.tui.screens.help import key_rows
        from careercoach.tui.screens.review import ReviewScreen

        current = self.current_mode
        modes = sorted(SCREENS, key=lambda mode: mode != current)
        sections: list[Section] = [("Everywhere", key_rows(self, type(self)))]
        for mode in modes:
            sections.append((SCREENS[mode].title, key_rows(self, SCREENS[mode].screen)))
        sections.append(("Entry form", key_rows(self, EntryForm)))
        sections.append(("Review (v on the readiness screen)", key_rows(self, ReviewScreen)))
        palette = [("", command.title) for command in self.palette_commands()]
        sections.append(
            ("Command palette", [("ctrl+p", "every command by name; only there:"), *palette])
        )
        return sections

    def show_error(
        self, error: CareerCoachError | str, *, then: Callable[[], None] | None = None
    ) -> None:
        """One clear dialog for any problem the user can act on; `then` runs once it
        is closed (say, to bring back the form whose save failed)."""
        if isinstance(error, JournalLockedError):
            title = "The journal is busy"
        elif isinstance(error, JournalError):
            title = "Journal problem"
        elif isinstance(error, ValidationError):
            title = "Please check"
        else:
            title = "Something went wrong"
        closed = None if then is None else (lambda _: then())
        self.push_screen(ErrorDialog(str(error), title=title), closed)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        for name, mode in SCREENS.items():
            yield SystemCommand(
                mode.title,
                f"Open the {mode.title.lower()} screen ({mode.key})",
                partial(self.switch_mode, name),
            )
        yield from self.palette_commands()
        yield SystemCommand("Help", "List the keys of every screen (?)", self.action_help)
        yield SystemCommand("Refresh", "Re-read the journal (F5)", self.action_refresh_data)
        yield from super().get_system_commands(screen)

    def palette_commands(self) -> list[SystemCommand]:
        """The commands that have no key: exports, import and restore."""
        return [
            *(
                SystemCommand(title, help_text, partial(self.ask_export, fmt))
                for fmt, (title, help_text, _) in EXPORTS.items()
            ),
            *(
                SystemCommand(
                    title,
                    "Includes your improvement-plan notes: not for your manager",
                    partial(self.ask_export, fmt, include_plan=True),
                )
                for fmt, title in PLAN_EXPORTS.items()
            ),
            SystemCommand(
                "Review for your evaluation",
                "The period's record, readiness then and now, a self-evaluation draft (en/ja)",
                self.action_open_review,
            ),
            SystemCommand(
                "Export calendar (.ics)…",
                "Evaluation, renewal, JLPT and plan dates, and a weekly check-in reminder",
                self.ask_calendar,
            ),
            SystemCommand(
                "Import backup…",
                "Merge a careercoach JSON backup into this journal (by entry id)",
                self.ask_import,
            ),
            SystemCommand(
                "Restore a deleted entry…",
                f"Bring back an entry deleted in the last {TRASH_DAYS} days",
                self.ask_restore_deleted,
            ),
            SystemCommand(
                "Restore a backup…",
                "Put an automatic backup back in place of the journal",
                self.ask_restore,
            ),
        ]

    # -- restoring a backup (command palette, or the damaged-journal dialog) ------------

    def ask_restore(self) -> None:
        self.find_backups()

    @work(thread=True, exclusive=True, group="backups")
    def find_backups(self) -> None:
        """Read every backup (off the UI thread), then let the user pick one."""
        try:
            backups = examine(self.journal.path).backups
        except OSError as exc:
            problem = f"cannot look at the backups: {describe_os_error(exc)}"
            dialog = ErrorDialog(problem, title="Not restored")
            self.call_from_thread(self.push_screen, dialog, lambda _: self.restore_finished())
            return
        from careercoach.tui.screens.restore import RestoreDialog

        self.call_from_thread(self.push_screen, RestoreDialog(backups), self.confirm_restore)

    def confirm_restore(self, backup: Path | None) -> None:
        if backup is None:
            self.restore_finished()
            return
        question = (
            f"Put the backup {backup.name} in place of the journal?\n\n"
            f"The current file is kept beside it as {self.journal.path.name}.replaced-<time>."
        )
        self.push_screen(
            ConfirmDialog(question, title="Restore backup", yes="Restore"),
            lambda yes: self.restore_backup(backup) if yes else self.restore_finished(),
        )

    @work(thread=True, exclusive=True, group="backups")
    def restore_backup(self, backup: Path) -> None:
        try:
            restore(self.journal, backup)
            count = self.journal.count()
        except CareerCoachError as exc:
            dialog = ErrorDialog(str(exc), title="Not restored")
            self.call_from_thread(self.push_screen, dialog, lambda _: self.restore_finished())
            return
        message = f"Restored {backup.name}: the journal now holds {count} entries."
        self.call_from_thread(notify_literal, self, message, title="Restored")
        self.call_from_thread(self.restore_finished)

    def restore_finished(self) -> None:
        """Show the journal as it is now (this also retries a start-up that failed)."""
        self.action_refresh_data()

    # -- bringing back a deleted entry (command palette) --------------------------------

    @work(thread=True, exclusive=True, group="trash")
    def ask_restore_deleted(self) -> None:
        from careercoach.tui.screens.trash import TrashDialog

        try:
            deleted = self.journal.trash()
        except CareerCoachError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        self.call_from_thread(self.push_screen, TrashDialog(deleted), self.restore_deleted)

    @work(thread=True, exclusive=True, group="trash")
    def restore_deleted(self, entry_id: str | None) -> None:
        if entry_id is None:
            return
        try:
            entry = self.journal.restore_deleted(entry_id)
        except CareerCoachError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        message = f"Restored {entry.id}: {entry.title}"
        self.call_from_thread(notify_literal, self, message, title="Journal")
        self.call_from_thread(self.action_refresh_data)

    # -- export and import (command palette) -------------------------------------------

    def ask_export(self, fmt: str, *, include_plan: bool = False) -> None:
        title, _, stem = EXPORTS[fmt]
        if include_plan:
            title, stem = PLAN_EXPORTS[fmt], f"{stem}-with-plan"
        default = f"{stem}-{self.today().isoformat()}.{fmt}"
        dialog = PromptDialog(
            "Write it to which file? (you are asked before an existing file is replaced)",
            title=title.rstrip("…"),
            value=str(Path.cwd() / default),
            action="Export",
        )
        self.push_screen(
            dialog, lambda name: name and self.export_to(fmt, Path(name), include_plan)
        )

    def export_to(self, fmt: str, path: Path, include_plan: bool = False) -> None:
        self.export(fmt, path.expanduser(), include_plan=include_plan)

    @work(thread=True, group="exchange")
    def export(
        self, fmt: str, path: Path, *, force: bool = False, include_plan: bool = False
    ) -> None:
        """Export in a worker; an existing file is replaced only once the user says so
        (folders, links and the journal itself are refused by the same check)."""
        from careercoach.exchange import export_to_path

        try:
            summary = export_to_path(
                self.journal,
                fmt,
                path,
                as_of=self.today(),
                force=force,
                include_plan=include_plan,
            )
        except TargetExistsError:
            self.call_from_thread(self.confirm_replace, fmt, path, include_plan)
            return
        except CareerCoachError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        message = f"Wrote {summary.entries} entries to {summary.path}"
        self.call_from_thread(notify_literal, self, message, title="Exported")

    def confirm_replace(self, fmt: str, path: Path, include_plan: bool = False) -> None:
        self.push_screen(
            ConfirmDialog(
                f"{path} already exists. Replace it with this export?",
                title="Replace file?",
                yes="Replace",
            ),
            lambda yes: yes and self.export(fmt, path, force=True, include_plan=include_plan),
        )

    def action_open_review(self) -> None:
        """The review screen (from the readiness screen's v, or the palette)."""
        from careercoach.tui.screens.review import ReviewScreen

        self.push_screen(ReviewScreen())

    def ask_calendar(self) -> None:
        """The check-in weekday first, then the file (as `careercoach calendar`)."""
        dialog = PromptDialog(
            "Which weekday for the weekly check-in reminder? (mon, tue, wed, thu, fri, sat, sun)",
            title="Export calendar",
            value=WEEKDAYS[load_settings().checkin_day],  # the day chosen last time
            action="Next",
        )
        self.push_screen(dialog, lambda day: day and self.ask_calendar_file(day))

    def ask_calendar_file(self, day: str) -> None:
        weekday = day.strip().lower()[:3]
        if weekday not in WEEKDAYS:
            self.show_error(ValidationError(f"{day!r} is not a weekday: use mon, tue, … sun"))
            return
        default = Path.cwd() / f"careercoach-dates-{self.today().isoformat()}.ics"
        dialog = PromptDialog(
            "Write it to which file? (you are asked before an existing file is replaced)",
            title="Export calendar",
            value=str(default),
            action="Export",
        )
        index = WEEKDAYS.index(weekday)
        self.push_screen(dialog, lambda name: name and self.write_calendar(index, Path(name)))

    @work(thread=True, group="exchange")
    def write_calendar(self, weekday: int, path: Path, *, force: bool = False) -> None:
        from careercoach.review import write_calendar

        path = path.expanduser()
        try:
            count = write_calendar(
                self.journal,
                path,
                today=self.today(),
                stamp=clock.now(),
                checkin_weekday=weekday,
                force=force,
            )
        except TargetExistsError:
            self.call_from_thread(
                self.push_screen,
                ConfirmDialog(
                    f"{path} already exists. Replace it with this calendar?",
                    title="Replace file?",
                    yes="Replace",
                ),
                lambda yes: yes and self.write_calendar(weekday, path, force=True),
            )
            return
        except CareerCoachError as exc:
            self.call_from_thread(self.show_error, exc)
            return
        # the nudge's weekly check-in follows the day chosen here, as for the command
        remember(checkin_weekday=WEEKDAYS[weekday])
        events = "event" if count == 1 else "events"
        message = f"Wrote {count} {events} to {path}: import it into your calendar app"
        self.call_from_thread(notify_literal, self, message, title="Calendar")

    def ask_import(self, path: str = "") -> None:
        dialog = PromptDialog(
            "Which careercoach backup (.json)? Entries are merged by id; nothing is "
            "deleted, and importing the same file twice changes nothing.",
            title="Import backup",
            value=path,
            action="Import",
        )
        self.push_screen(dialog, lambda path: path and self.import_backup(path))

    @work(thread=True, group="exchange")
    def import_backup(self, path: str) -> None:
        from careercoach.exchange import import_file

        try:
            report = import_file(self.journal, path)
        except CareerCoachError as exc:  # the dialog comes back with the path, to fix it
            self.call_from_thread(self.ask_import, path)
            self.call_from_thread(self.show_error, exc)
            return
        message = (
            f"{len(report.added)} added, {len(report.updated)} updated, "
            f"{len(report.unchanged)} unchanged"
        )
        if report.jlpt_level:
            message += f"\n{report.jlpt_level}"
        self.call_from_thread(notify_literal, self, message, title="Imported")
        self.call_from_thread(self.action_refresh_data)

    def _remember_theme(self, theme: Theme) -> None:
        try:
            remember(theme=theme.name)
        except OSError as exc:
            notify_literal(
                self, f"Could not remember the theme: {exc.strerror}", severity="warning"
            )
