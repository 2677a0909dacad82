"""An Input that keeps every line of a paste, joined with spaces.

Textual's Input keeps only the first line of pasted text and drops the rest without
a word; a title pasted from an email or a chat often spans two lines.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input


def one_line(text: str) -> str:
    """The lines of `text` joined with single spaces (blank lines dropped)."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


class OneLineInput(Input):
    """Pasting several lines keeps them all, on one line."""

    def on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # Textual's own handler would keep the first line only
        text = one_line(event.text)
        if not text:
            return
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
