"""Ask for one line of text (a file name for export or import)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from careercoach.tui.screens.unsaved import FORM_KEYS, Form
from careercoach.tui.widgets.literal import LiteralStatic, literal
from careercoach.tui.widgets.one_line_input import OneLineInput


class PromptDialog(Form, ModalScreen["str | None"]):
    """Dismisses with the typed text, or None when cancelled or left empty."""

    FORM_NAME = "The file name"
    BINDINGS: ClassVar[list[BindingType]] = [*FORM_KEYS]

    def __init__(self, question: str, *, title: str, value: str = "", action: str = "OK") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.dialog_title = title
        self.initial = value
        self.action_label = action

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = literal(self.dialog_title, one_line=True)
            yield LiteralStatic(self.question)
            yield OneLineInput(self.initial, id="answer")
            with Horizontal(classes="dialog-buttons"):
                yield Button(literal(self.action_label, one_line=True), id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.mark_clean()

    def form_state(self) -> object:
        return self.query_one("#answer", Input).value

    def leave_form(self) -> None:
        self.dismiss(None)

    def save_and_leave(self) -> None:
        self._finish()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._finish()
        else:
            self.action_leave()

    def _finish(self) -> None:
        text = self.query_one("#answer", Input).value.strip()
        self.dismiss(text or None)
