"""Both the form and someone else changed the same field: keep mine, take theirs, or cancel."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button

from careercoach.journal import FieldConflict, Side
from careercoach.model import details_text
from careercoach.tui.widgets.literal import LiteralStatic

EXPLANATION = (
    "These fields were changed elsewhere (another window or the command line) while "
    "you were editing. Everything else you changed is merged with what is on disk."
)

ENTRY_FIELD_LABELS = {
    "date": "Date",
    "kind": "Kind",
    "title": "Title",
    "title_ja": "日本語 title",
    "notes": "Notes",
    "tags": "Tags",
    "details": "Type and details",
}


def shown(value: Any) -> str:
    """A field's value as one line a person reads."""
    if value is None or value == "" or value == ():
        return "(empty)"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return details_text(value) or "(none)"
    if isinstance(value, (tuple, list)):
        return " ".join(map(str, value))
    return str(value)


class ConflictDialog(ModalScreen[Side | None]):
    """Dismisses with "mine", "theirs", or None to cancel (nothing is saved)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "choose('mine')", "Keep mine"),
        Binding("t", "choose('theirs')", "Take theirs"),
        Binding("escape", "choose('')", "Cancel"),
    ]

    def __init__(self, conflicts: Sequence[FieldConflict], *, labels: Mapping[str, str]) -> None:
        super().__init__(classes="dialog-screen")
        self.conflicts = tuple(conflicts)
        self.labels = labels

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog conflict-dialog") as box:
            box.border_title = "Changed in two places"
            yield LiteralStatic(EXPLANATION, classes="hint")
            with VerticalScroll():
                for conflict in self.conflicts:
                    label = self.labels.get(conflict.field, conflict.field)
                    yield LiteralStatic(
                        f"{label}\n  yours:   {shown(conflict.mine)}\n"
                        f"  on disk: {shown(conflict.theirs)}",
                        classes="conflict",
                    )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Keep mine  m", id="mine", variant="primary")
                yield Button("Take theirs  t", id="theirs")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#cancel", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose("" if event.button.id == "cancel" else str(event.button.id))

    def action_choose(self, side: str) -> None:
        self.dismiss("mine" if side == "mine" else "theirs" if side == "theirs" else None)
