"""Edit the profile: every field, inline validation, ctrl+s saves."""

from __future__ import annotations

from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Header

from careercoach.errors import CareerCoachError
from careercoach.model import Profile
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import LiteralStatic, notify_literal
from careercoach.tui.widgets.profile_form import ProfileForm
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider


class ProfileScreen(Screen):
    """The facts the readiness score and the scripts are tailored to."""

    COMMANDS: ClassVar = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "revert", "Revert"),
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
        self.profile = Profile()

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="profile-body"):
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
        self.profile = event.profile
        form = self.query_one(ProfileForm)
        form.show_profile(event.profile)
        form.loading = False

    def on_profile_screen_failed(self, event: Failed) -> None:
        self.query_one(ProfileForm).loading = False
        self.app.show_error(event.error)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        profile = self.query_one(ProfileForm).validated(self.profile, self.app.today())
        if profile is None:
            notify_literal(self.app, "Please fix the marked fields.", severity="warning")
            return
        self.save(profile)

    @work(thread=True, group="profile-save")
    def save(self, profile: Profile) -> None:
        """Saving rewrites the journal file: off the UI thread."""
        try:
            self.app.journal.save_profile(profile)
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc))
            return
        self.post_message(self.Saved(profile))

    def on_profile_screen_saved(self, event: Saved) -> None:
        self.profile = event.profile
        notify_literal(self.app, "Profile saved.", title="Profile")

    def action_revert(self) -> None:
        self.query_one(ProfileForm).show_profile(self.profile)
