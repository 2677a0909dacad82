"""Error dialogs: the user reads one clear message, never a traceback."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button

from careercoach.tui.widgets.literal import LiteralStatic, literal

RESTORE_HINT = "careercoach doctor --restore"


class ErrorDialog(ModalScreen[bool]):
    """A problem the user can do something about; `fatal` ones end the app.

    A fatal one over a damaged journal with good backups also offers to restore one:
    it then dismisses with True (otherwise dialogs dismiss with False).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close"),
        Binding("q", "quit_app", "Quit", show=False),
    ]

    def __init__(
        self,
        message: str,
        *,
        title: str = "Something went wrong",
        fatal: bool = False,
        restorable: bool = False,
    ):
        super().__init__(classes="dialog-screen")
        self.message = message
        self.dialog_title = title
        self.fatal = fatal
        self.restorable = fatal and restorable

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog error-dialog") as box:
            box.border_title = literal(self.dialog_title, one_line=True)
            yield LiteralStatic(self.message, id="error-message")
            if self.restorable:
                yield LiteralStatic(
                    "Good backups exist: restore one now (the damaged file is kept aside), "
                    f"or quit and run:\n\n    {RESTORE_HINT}",
                    id="error-hint",
                )
            elif self.fatal:
                yield LiteralStatic(
                    f"To bring back the newest good backup, quit and run:\n\n    {RESTORE_HINT}",
                    id="error-hint",
                )
            with Horizontal(classes="dialog-buttons"):
                if self.restorable:
                    yield Button("Restore a backup…", id="restore", variant="primary")
                if self.fatal:
                    yield Button("Quit", id="quit", variant="error")
                else:
                    yield Button("OK", id="ok", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "quit":
            self.app.exit(return_code=2)
        else:
            self.dismiss(event.button.id == "restore")

    def action_close(self) -> None:
        if self.fatal:
            self.app.exit(return_code=2)
        else:
            self.dismiss(False)

    def action_quit_app(self) -> None:
        self.app.exit(return_code=2 if self.fatal else 0)
