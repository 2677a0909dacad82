"""The app's footer: the keys the screen in front offers, drawn as one widget.

Textual's Footer builds a widget per key. With our eleven keys on every screen that
was close to half the widgets the dashboard mounted, styled and laid out at start-up:
drawing the same keys as one line starts the app sooner. Measured again after the
packages were split (15 alternating headless starts at 10k entries, a busy machine):
with Textual's Footer the filled dashboard took 2.06x a bare Textual app's time and
1.98x its CPU; with this footer 1.40x and 1.44x, so Textual's widget would cost more
than the whole start-up margin.
This footer reads the same bindings, draws them in the same colours, runs a key when
it is clicked, and leaves out whole keys that do not fit instead of cutting one in
half. Every key is also in `?` help and the command palette.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widget import Widget

KEY_STYLE = "bold $footer-key-foreground on $footer-key-background"
DESCRIPTION_STYLE = "$footer-description-foreground on $footer-description-background"
SEPARATOR = "▏"
ALWAYS_SHOWN = {"help"}  # the app's `?`, however narrow the terminal


class Shown(NamedTuple):
    """One key as drawn: where it starts and ends on the line, and what it runs."""

    start: int
    end: int
    binding: Binding
    enabled: bool


def key_label(key: str, description: str, enabled: bool) -> Content:
    """` d Dashboard `: the key in bold, then what it does; dimmed when it is off."""
    label = Content.assemble((f" {key} ", KEY_STYLE), (f"{description} ", DESCRIPTION_STYLE))
    return label.stylize("dim") if not enabled else label


class KeyFooter(Widget, can_focus=False):
    """One line of keys at the bottom of a screen, the command palette's on the right."""

    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[Shown] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh()

    def _keys(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """The screen's shown keys (one per action, in order) and the palette's key."""
        bindings = self.screen.active_bindings
        keys: list[tuple[Binding, bool]] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in bindings.values():
            if binding.show and binding.action not in actions:
                actions.add(binding.action)
                keys.append((binding, enabled))
        palette = bindings.get(self.app.COMMAND_PALETTE_BINDING)
        if palette is None or not self.app.ENABLE_COMMAND_PALETTE:
            return keys, None
        return keys, (palette[1], palette[2])

    def render(self) -> Content:
        keys, palette = self._keys()
        right = Content()
        if palette is not None:
            binding, enabled = palette
            right = Content.assemble(  # as Textual draws it: `▏^p palette `
                (SEPARATOR, "$foreground 20%"),
                (self.app.get_key_display(binding), KEY_STYLE),
                (f" {binding.description} ", DESCRIPTION_STYLE),
            )
            if not enabled:
                right = right.stylize("dim")
        room = self.size.width - right.cell_length
        labels = [
            (key_label(self.app.get_key_display(binding), binding.description, enabled), binding)
            for binding, enabled in keys
        ]
        # `?` always shows: it leads to every other key. Others fill the room in order,
        # a whole key or none; the rest are in `?` help and the palette.
        reserved = sum(label.cell_length for label, key in labels if key.action in ALWAYS_SHOWN)
        used, full = 0, False
        drawn: list[int] = []
        for index, (label, binding) in enumerate(labels):
            if binding.action in ALWAYS_SHOWN:
                reserved -= label.cell_length
            elif full or used + label.cell_length + reserved > room:
                full = True
                continue
            if used + label.cell_length <= room:
                drawn.append(index)
                used += label.cell_length
        line = Content()
        shown: list[Shown] = []
        for index in drawn:
            label, binding = labels[index]
            enabled = keys[index][1]
            shown.append(
                Shown(line.cell_length, line.cell_length + label.cell_length, binding, enabled)
            )
            line += label
        if palette is not None:
            start = self.size.width - right.cell_length
            shown.append(Shown(start + len(SEPARATOR), self.size.width, *palette))
            line = line.pad_right(room - line.cell_length) + right
        self._shown = shown
        return line

    def shown_keys(self) -> list[Shown]:
        """The keys on the line as last drawn (for clicks, and for tests)."""
        return list(self._shown)

    def on_click(self, event: events.Click) -> None:
        for key in self._shown:
            if key.start <= event.x < key.end:
                if key.enabled:
                    self.app.simulate_key(key.binding.key)
                else:
                    self.app.bell()
                return
