"""Keys per screen, generated from the bindings themselves so the help never drifts."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Button

from careercoach.tui.widgets.literal import LiteralStatic

Section = tuple[str, list[tuple[str, str]]]


def key_rows(app: App, node_class: type[DOMNode]) -> list[tuple[str, str]]:
    """(keys, what they do) for every described binding of a class, in declaration order;
    a screen whose keys live on its widgets lists them all in `HELP_BINDINGS`."""
    by_action: dict[tuple[str, str], list[str]] = {}
    for binding in _bindings(getattr(node_class, "HELP_BINDINGS", node_class.BINDINGS)):
        if not binding.description:
            continue
        keys = by_action.setdefault((binding.action, binding.description), [])
        for key in binding.key.split(","):
            shown = app.get_key_display(Binding(key.strip(), binding.action))
            if shown not in keys:
                keys.append(shown)
    return [(" / ".join(keys), description) for (_, description), keys in by_action.items()]


def _bindings(declared: Iterable[BindingType]) -> Iterable[Binding]:
    for item in declared:
        yield item if isinstance(item, Binding) else Binding(*item)


def render_sections(sections: Iterable[Section]) -> str:
    lines: list[str] = []
    for title, rows in sections:
        if not rows:
            continue
        lines.append(title)
        width = max(len(keys) for keys, _ in rows)
        lines += [f"  {keys:<{width}}  {description}" for keys, description in rows]
        lines.append("")
    return "\n".join(lines).rstrip()


class HelpScreen(ModalScreen[None]):
    """A scrollable list of keys: everywhere, then per screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "close", "Close", key_display="esc")
    ]

    def __init__(self, sections: list[Section]) -> None:
        super().__init__(classes="dialog-screen")
        self.sections = sections

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog help") as box:
            box.border_title = "Keys"
            with VerticalScroll():
                yield LiteralStatic(render_sections(self.sections), id="help-text")
            yield Button("Close", id="close", variant="primary")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
