"""A yes/no question before anything that cannot be undone."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from careercoach.tui.widgets.literal import LiteralStatic, literal


class ConfirmDialog(ModalScreen[bool]):
    """Dismisses with True only on an explicit yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, *, title: str = "Are you sure?", yes: str = "Yes") -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.dialog_title = title
        self.yes_label = yes

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = literal(self.dialog_title, one_line=True)
            yield LiteralStatic(self.question, id="question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(
                    literal(self.yes_label, one_line=True) + "  y", id="yes", variant="error"
                )
                yield Button("No  n", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
