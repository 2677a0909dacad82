"""Edit the profile: every field, inline validation, ctrl+s saves."""

from __future__ import annotations

from typing import Any, ClassVar

import msgspec.structs
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Button, Header

from careercoach.errors import CareerCoachError
from careercoach.journal import EditConflict, Side, settle
from careercoach.model import Profile
from careercoach.tui.mode_styles import ModeScreen
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.conflict import ConflictDialog
from careercoach.tui.screens.unsaved import FORM_KEYS, Form
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import LiteralStatic, notify_literal
from careercoach.tui.widgets.profile_form import LABELS, ProfileForm
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider


class ProfileScreen(Form, ModeScreen):
    """The facts the readiness score and the scripts are tailored to."""

    FORM_NAME = "The profile"
    # Below 30 rows the fields close up, so all of them fit at 80x24 without scrolling.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (30, "-tall")]
    COMMANDS: ClassVar = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "revert", "Revert"),
        *FORM_KEYS,
    ]

    class Loaded(Message):
        def __init__(self, profile: Profile) -> None:
            super().__init__()
            self.profile = profile

    class Saved(Message):
        def __init__(self, profile: Profile) -> None:
            super().__init__()
            self.profile = profile

    class Failed(Message):
        def __init__(self, error: CareerCoachError) -> None:
            super().__init__()
            self.error = error

    def __init__(self) -> None:
        super().__init__()
        self.profile = Profile()  # as loaded: the base that a save is merged from
        self.settling = False
        self.leave_after_save = False

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "profile.tcss")
        yield Header()
        with VerticalScroll(id="profile-body", can_focus=False):  # opens on the first field
            yield LiteralStatic(
                "Dates as YYYY-MM-DD. Your evaluation and contract dates tell the coach "
                "when a promotion conversation is well timed.",
                classes="hint",
            )
            yield ProfileForm(id="profile-form")
            yield Button("Save  ^s", id="save", variant="primary")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Profile"
        self.query_one("#profile-form").loading = True
        self.load()

    def on_screen_resume(self) -> None:
        if self.settling:  # back from the conflict dialog: the form keeps what was typed
            self.settling = False
            return
        self.load()

    def refresh_data(self) -> None:
        self.load()

    @work(thread=True, exclusive=True, group="profile-load")
    def load(self) -> None:
        try:
            self.post_message(self.Loaded(self.app.journal.profile()))
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc))

    def on_profile_screen_loaded(self, event: Loaded) -> None:
        form = self.query_one(ProfileForm)
        form.loading = False
        if self.has_unsaved():
            return  # coming back from help or a dialog never throws away what was typed
        self.profile = event.profile
        form.show_profile(event.profile)
        self.mark_clean()

    def form_state(self) -> object:
        return self.query_one(ProfileForm).values()

    def leave_form(self) -> None:
        self.app.switch_mode("dashboard")

    def discard_changes(self) -> None:
        self.action_revert()

    def save_and_leave(self) -> None:
        self.leave_after_save = True
        self.action_save()

    def on_profile_screen_failed(self, event: Failed) -> None:
        self.leave_after_save = False
        self.save_ended(False)
        self.query_one(ProfileForm).loading = False
        self.app.show_error(event.error)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        profile = self.query_one(ProfileForm).validated(self.profile, self.app.today())
        if profile is None:
            self.leave_after_save = False
            self.save_ended(False)
            notify_literal(self.app, "Please fix the marked fields.", severity="warning")
            return
        self.save(self.profile, msgspec.structs.asdict(profile))

    class Conflicted(Message):
        """A field the form changed was changed differently meanwhile: the user decides."""

        def __init__(self, base: Profile, mine: dict[str, Any], conflict: EditConflict) -> None:
            super().__init__()
            self.base = base
            self.mine = mine
            self.conflict = conflict

    @work(thread=True, group="profile-save")
    def save(self, base: Profile, mine: dict[str, Any]) -> None:
        """Merged with the profile on disk, off the UI thread: fields the form left
        alone keep any change made meanwhile (say by `careercoach profile set`)."""
        try:
            saved = self.app.journal.merge_profile(base, mine)
        except EditConflict as conflict:
            self.post_message(self.Conflicted(base, mine, conflict))
            return
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc))
            return
        self.post_message(self.Saved(saved))

    def on_profile_screen_saved(self, event: Saved) -> None:
        self.profile = event.profile
        self.query_one(ProfileForm).show_profile(event.profile)  # with the merged-in fields
        self.mark_clean()
        notify_literal(self.app, "Profile saved.", title="Profile")
        leave, self.leave_after_save = self.leave_after_save, False
        if not self.save_ended(True) and leave:
            self.leave_form()

    def on_profile_screen_conflicted(self, event: Conflicted) -> None:
        self.settling = True
        dialog = ConflictDialog(event.conflict.conflicts, labels=LABELS)
        self.app.push_screen(dialog, lambda side: self._settled(event, side))

    def _settled(self, event: Conflicted, side: Side | None) -> None:
        if side is None:
            self.leave_after_save = False
            self.save_ended(False)
            notify_literal(self.app, "Not saved: your changes are still in the form.")
            return
        base, mine = settle(event.base, event.mine, event.conflict, side)
        self.save(base, mine)

    def action_revert(self) -> None:
        self.query_one(ProfileForm).show_profile(self.profile)
        self.mark_clean()
