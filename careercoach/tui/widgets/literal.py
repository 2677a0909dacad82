"""Show user text exactly as typed: never markup, never terminal control codes.

Textual 8 parses markup in Static/Label strings, DataTable string cells and
notifications, and `escape("[/")` itself crashes (textual #6155). So user text is
turned into `Content` / `rich.text.Text` objects, which are never parsed, after
`terminal_safe` has made escape sequences and control characters inert.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import App
from textual.content import Content
from textual.notifications import SeverityLevel
from textual.widgets import Static

from careercoach.textsafe import terminal_safe


def literal(text: str, *, one_line: bool = False) -> Content:
    """User text as inert Content for Static, Label, Button and friends."""
    return Content(terminal_safe(str(text), keep_newlines=not one_line))


def cell(text: str) -> Text:
    """User text as a DataTable cell (string cells would be parsed as markup).

    Too long for its column, it ends in "…" rather than being cut off silently.
    """
    return Text(terminal_safe(str(text), keep_newlines=False), no_wrap=True, overflow="ellipsis")


def notify_literal(
    app: App, message: str, *, title: str = "", severity: SeverityLevel = "information"
) -> None:
    """A notification whose message and title are shown exactly as written."""
    app.notify(
        terminal_safe(message),
        title=terminal_safe(title, keep_newlines=False),
        severity=severity,
        markup=False,
    )


class LiteralStatic(Static):
    """A Static whose text is always shown literally, including on `update`."""

    def __init__(self, text: str = "", **kwargs: object) -> None:
        super().__init__(literal(text), markup=False, **kwargs)  # type: ignore[arg-type]
        self.shown_text = text

    def show(self, text: str) -> None:
        """Show `text`; the text already shown costs nothing (an update lays the whole
        screen out again: a check-in's save cleared twelve empty field errors so)."""
        if text == self.shown_text:
            return
        self.shown_text = text
        self.update(literal(text))
