"""First run: fill in the profile, explore the demo journal, or skip."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button

from careercoach.model import Profile
from careercoach.tui.screens.unsaved import FORM_KEYS, Form
from careercoach.tui.widgets.literal import LiteralStatic
from careercoach.tui.widgets.profile_form import ProfileForm

WelcomeChoice = Literal["profile", "demo", "skip"]
WELCOME_FIELDS = ("name", "company_type", "target_role", "jlpt_level", "next_evaluation")
INTRO = (
    "careercoach keeps a private journal of the work that gets people promoted in a "
    "Japanese workplace, scores how ready you are, and drafts a polite way to ask.\n"
    "Everything stays on this computer. Tell it a little about yourself (all optional; "
    "the Profile screen has the rest), or look around a demo journal first."
)


class WelcomeScreen(Form, ModalScreen["tuple[WelcomeChoice, Profile | None]"]):
    """Dismisses with ("profile", profile), ("demo", None) or ("skip", None)."""

    FORM_NAME = "Your profile"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save profile"),
        # priority: in the name field ctrl+d would otherwise delete a character
        Binding("ctrl+d", "demo", "Demo journal", priority=True),
        *FORM_KEYS,
    ]

    def __init__(self, *, today: dt.date, typed: Profile | None = None) -> None:
        """`typed`: what the user had entered, when a save failed or was cancelled."""
        super().__init__(classes="dialog-screen")
        self.today = today
        self.typed = typed

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog welcome") as box:
            box.border_title = "Welcome to careercoach"
            with VerticalScroll(can_focus=False):  # no invisible Tab stop
                yield LiteralStatic(INTRO, classes="hint")
                yield ProfileForm(WELCOME_FIELDS, id="welcome-form")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save profile  ^s", id="save", variant="primary")
                yield Button("Explore the demo  ^d", id="demo")
                yield Button("Skip", id="skip")

    def on_mount(self) -> None:
        self.query_one("#profile-name").focus()
        self.mark_clean()
        if self.typed is not None:
            self.query_one(ProfileForm).show_profile(self.typed)  # unsaved: asked at Escape

    def form_state(self) -> object:
        return self.query_one(ProfileForm).values()

    def leave_form(self) -> None:
        self.action_skip()

    def save_and_leave(self) -> None:
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        {"save": self.action_save, "demo": self.action_demo, "skip": self.action_leave}[
            str(event.button.id)
        ]()

    def action_save(self) -> None:
        profile = self.query_one(ProfileForm).validated(Profile(), self.today)
        if profile is not None:
            self.dismiss(("profile", profile))

    def action_demo(self) -> None:
        self.dismiss(("demo", None))

    def action_skip(self) -> None:
        self.dismiss(("skip", None))
