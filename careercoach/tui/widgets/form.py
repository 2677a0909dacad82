"""A labelled form field with an inline error line, shared by every form."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label

from careercoach.errors import CareerCoachError
from careercoach.tui.widgets.literal import LiteralStatic, literal

Value = TypeVar("Value")


def checked(errors: dict[str, str], name: str, check: Callable[[], Value]) -> Value | None:
    """Run one field's check; keep its first problem under the field's name, so every
    field's message shows at once."""
    try:
        return check()
    except CareerCoachError as exc:
        errors.setdefault(name, str(exc))
        return None


class FormField(Vertical):
    """`label  [widget]` on one line, and the validation message under it when invalid."""

    DEFAULT_CSS = """
    FormField { height: auto; }
    FormField > Horizontal { height: auto; }
    FormField .form-label { width: 18; padding-right: 1; color: $text-muted; }
    FormField .field-widget { width: 1fr; }
    FormField .field-error { display: none; color: $text-error; padding-left: 18; }
    FormField.-invalid .field-error { display: block; }
    FormField.-invalid .form-label { color: $text-error; }
    """

    def __init__(self, label: str, field: Widget, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.label_text = label
        self.field = field
        field.add_class("field-widget", update=False)  # styled when mounted, not twice

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Label(literal(self.label_text, one_line=True), classes="form-label")
            yield self.field
        yield LiteralStatic("", classes="field-error")

    def set_error(self, message: str | None) -> None:
        """Show `message` under the field, or clear it with None."""
        self.set_class(bool(message), "-invalid")
        self.query_one(".field-error", LiteralStatic).show(message or "")
