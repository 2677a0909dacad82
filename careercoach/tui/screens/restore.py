"""Pick a backup to put back in place of the journal (the TUI's `doctor --restore`)."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, OptionList
from textual.widgets.option_list import Option

from careercoach.journal import BackupInfo
from careercoach.tui.widgets.literal import LiteralStatic, literal

STAMP = re.compile(r"-(\d{8}T\d{6})\d*-")
EXPLANATION = (
    "Backups are taken automatically before the journal is changed, newest first. "
    "Restoring keeps the current file beside the journal (.replaced-<time>), so "
    "nothing is lost."
)


def taken_at(path: Path) -> str:
    """When a backup was taken, from the UTC stamp in its name (`journal-20261130T044356…`),
    in the computer's own time zone; the file name itself if it has no stamp."""
    found = STAMP.search(path.name)
    if found is None:
        return path.name
    moment = dt.datetime.strptime(found.group(1), "%Y%m%dT%H%M%S").replace(tzinfo=dt.timezone.utc)
    return f"{moment.astimezone():%a %d %b %Y %H:%M:%S}"


def backup_option(backup: BackupInfo) -> Option:
    """When it was taken and what it holds; an unreadable backup is shown but cannot be
    picked."""
    state = f"{backup.entries:,} entries" if backup.ok else "unreadable"
    label = Content.assemble(literal(taken_at(backup.path), one_line=True), ("  " + state, "dim"))
    return Option(label, id=str(backup.path), disabled=not backup.ok)


class RestoreDialog(ModalScreen["Path | None"]):
    """Dismisses with the chosen backup's path, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, backups: list[BackupInfo]) -> None:
        super().__init__(classes="dialog-screen")
        self.backups = backups

    def compose(self) -> ComposeResult:
        good = any(backup.ok for backup in self.backups)
        with Vertical(classes="dialog restore-dialog") as box:
            box.border_title = "Restore a backup"
            yield LiteralStatic(
                EXPLANATION if good else "There is no readable backup of this journal yet.",
                id="restore-explanation",
            )
            if self.backups:
                yield OptionList(*map(backup_option, self.backups), id="backup-list")
            with Horizontal(classes="dialog-buttons"):
                if good:
                    yield Button("Restore", id="restore", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        if self.backups:
            backups = self.query_one("#backup-list", OptionList)
            backups.highlighted = next((i for i, b in enumerate(self.backups) if b.ok), None)
            backups.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(Path(str(event.option.id)))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "cancel":
            self.dismiss(None)
            return
        backups = self.query_one("#backup-list", OptionList)
        option = backups.highlighted_option
        if option is not None and not option.disabled:
            self.dismiss(Path(str(option.id)))

    def action_cancel(self) -> None:
        self.dismiss(None)
