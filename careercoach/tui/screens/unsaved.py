"""Forms never lose typed work: Escape leaves a field, then the form, asking first.

Every form (the check-in, the profile, the entry form, each dialog) mixes in `Form`
and binds Escape to `escape` (FORM_KEYS). Escape in a text field or a dropdown only
leaves that field; Escape elsewhere leaves the form, and if anything typed is not
saved, `UnsavedDialog` asks first: keep editing, discard, or save. The app holds back
its single-letter screen keys while a form is in front (`CareerCoachApp.check_action`),
so typing can never leave a form by accident.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Button, Input

from careercoach.tui.widgets.literal import LiteralStatic

Choice = Literal["keep", "discard", "save"]
FORM_KEYS: list[BindingType] = [Binding("escape", "escape", "Back", key_display="esc")]


def is_text_field(widget: Widget | None) -> bool:
    """Widgets that take typing (or pick a value): Escape leaves them first."""
    # Imported here: TextArea brings Textual's document model, which the dashboard,
    # the first screen, never needs (about 20 ms of start-up).
    from textual.widgets import Select, TextArea

    return isinstance(widget, (Input, TextArea, Select))


class UnsavedDialog(ModalScreen[Choice]):
    """Dismisses with "keep" (also Escape), "discard" or "save"."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,k", "choose('keep')", "Keep editing"),
        Binding("d", "choose('discard')", "Discard"),
        Binding("s", "choose('save')", "Save"),
    ]

    def __init__(
        self, what: str, *, can_save: bool = True, discard: str = "Discard", save: str = "Save"
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.what = what
        self.can_save = can_save
        self.discard_label = discard
        self.save_label = save

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog unsaved-dialog") as box:
            box.border_title = "Unsaved changes"
            yield LiteralStatic(f"{self.what} has changes that are not saved.")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep editing  k", id="keep", variant="primary")
                yield Button(f"{self.discard_label}  d", id="discard", variant="error")
                if self.can_save:
                    yield Button(f"{self.save_label}  s", id="save", variant="success")

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(str(event.button.id))

    def action_choose(self, choice: str) -> None:
        if choice == "save" and not self.can_save:
            return
        self.dismiss(choice)  # type: ignore[arg-type]


class Form:
    """Mixed into a Screen that holds a form. Subclasses say what "the typed state" is,
    how to leave, and how to save; this class decides when to ask."""

    FORM: ClassVar[bool] = True
    FORM_NAME: ClassVar[str] = "This form"
    clean_state: object = None
    after_save: Callable[[], object] | None = None  # where a save chosen in a question goes on

    def form_state(self) -> object:
        """Everything the user can type or pick, comparable with `==`."""
        raise NotImplementedError

    def mark_clean(self) -> None:
        """The form as it is now counts as saved (after loading or saving)."""
        self.clean_state = self.form_state()

    def has_unsaved(self) -> bool:
        return self.clean_state is not None and self.form_state() != self.clean_state

    def leave_form(self) -> None:
        """Close the form (dismiss a dialog, go back to the dashboard)."""
        raise NotImplementedError

    def discard_changes(self) -> None:
        """Put the form back as it was last loaded or saved (screens that stay mounted)."""

    def save_and_leave(self) -> None:
        """Save; leave once saved (a failed check keeps the form open, messages shown)."""
        raise NotImplementedError

    def save_and_quit(self) -> None:
        """Save, then go on quitting (chosen in the dialog the app shows at quit)."""
        self.save_then(self.as_screen().app.action_request_quit)  # type: ignore[attr-defined]

    def save_then(self, go_on: Callable[[], object]) -> None:
        """Save, then `go_on` once the save worked (a choice made in a question: quit,
        move the check-in to another week)."""
        self.after_save = go_on
        self.save_and_leave()

    def save_ended(self, saved: bool) -> bool:
        """Forms that stay mounted call this when a save ends. True when it was a save
        chosen through `save_then` and it worked: it has gone on (quitting asks about
        the next unsaved form, if any) and the form need not leave. A failed save keeps
        the app open on the form, its messages shown."""
        go_on, self.after_save = self.after_save, None
        if go_on is None or not saved:
            return False
        go_on()
        return True

    def on_mount(self) -> None:
        """Screens that stay mounted are asked about when the app quits."""
        screen = self.as_screen()
        forms = getattr(screen.app, "open_forms", None)
        if forms is not None and not isinstance(screen, ModalScreen):
            forms.add(self)

    def action_escape(self) -> None:
        screen = self.as_screen()
        if is_text_field(screen.focused):
            screen.set_focus(None)
        else:
            self.action_leave()

    def action_leave(self) -> None:
        if not self.has_unsaved():
            self.leave_form()
            return
        self.as_screen().app.push_screen(UnsavedDialog(self.FORM_NAME), self.unsaved_answer)

    def unsaved_answer(self, choice: Choice | None) -> None:
        if choice == "discard":
            self.discard_changes()
            self.leave_form()
        elif choice == "save":
            self.save_and_leave()

    def as_screen(self) -> Screen:
        assert isinstance(self, Screen)
        return self
