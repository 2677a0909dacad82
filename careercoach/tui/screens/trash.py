"""Pick a deleted entry to bring back (the TUI's `careercoach restore ID`)."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from careercoach.journal import TRASH_DAYS, Deleted
from careercoach.tui.widgets.literal import LiteralStatic, literal


def when_deleted(moment: dt.datetime) -> str:
    """`deleted 30 Nov 13:43`, in the computer's own time zone."""
    return f"deleted {moment.astimezone():%d %b %H:%M}"


def deleted_option(item: Deleted) -> Option:
    entry = item.entry
    label = Content.assemble(
        (f"{entry.date.isoformat()}  ", "dim"),
        literal(entry.title, one_line=True),
        (f"  {when_deleted(item.deleted)}", "dim"),
    )
    return Option(label, id=entry.id)


class TrashDialog(ModalScreen["str | None"]):
    """Dismisses with the id of the entry to restore, or None."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, deleted: list[Deleted]) -> None:
        super().__init__(classes="dialog-screen")
        self.deleted = deleted

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog") as box:
            box.border_title = "Restore a deleted entry"
            if self.deleted:
                yield LiteralStatic(
                    f"Deleted entries stay here for {TRASH_DAYS} days, most recent first.",
                )
                yield OptionList(*map(deleted_option, self.deleted), id="trash-list")
            else:
                yield LiteralStatic(f"Nothing was deleted in the last {TRASH_DAYS} days.")
            with Horizontal(classes="dialog-buttons"):
                if self.deleted:
                    yield Button("Restore", id="restore", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.deleted:
            options = self.query_one("#trash-list", OptionList)
            options.highlighted = 0
            options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "restore":
            option = self.query_one("#trash-list", OptionList).highlighted_option
            self.dismiss(option.id if option is not None else None)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
