"""Ask for one line of text (a file name for export or import)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input

from careercoach.tui.widgets.literal import LiteralStatic, literal


class PromptDialog(ModalScreen["str | None"]):
    """Dismisses with the typed text, or None when cancelled or left empty."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

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
            yield Input(self.initial, id="answer")
            with Horizontal(classes="dialog-buttons"):
                yield Button(literal(self.action_label, one_line=True), id="ok", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._finish()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "ok":
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        text = self.query_one("#answer", Input).value.strip()
        self.dismiss(text or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
