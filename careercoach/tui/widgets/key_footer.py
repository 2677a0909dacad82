"""A Footer that is rebuilt only when the keys it shows actually change.

Textual's Footer shows no key until the first bindings update, then recomposes
after every one (focus moves, a worker finishing, a refresh of the bindings), and
each rebuild mounts and styles every key again: with our eleven keys that is a few
milliseconds each time, and at start-up it happened up to four times before the
dashboard was ready. This one shows its keys in the first frame, remembers what it
showed and skips rebuilds that would show the same thing, and starts each key in
the footer's own compactness.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyFooter(Footer):
    """The app's footer: same look and behaviour, no redundant rebuilds."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: Hashable = None

    def compose(self) -> ComposeResult:
        # Footer waits for a first bindings update before showing any key, so its
        # keys came a frame late and were laid out again on their own. The screen's
        # keys are known already: show them in the first frame, and let a later
        # bindings update (a focused widget's keys) rebuild only if they differ.
        ready = getattr(Footer, "_bindings_ready", None)  # private: a later 8.x may drop it
        if ready is not None:  # ...and then the keys just come a frame later, as in Footer
            self.set_reactive(ready, True)
        shown_any = False
        for widget in super().compose():
            shown_any = True
            if isinstance(widget, FooterKey) and not widget.has_class("-command-palette"):
                # Bound to our `compact` once mounted; starting from the same value
                # saves each key two restyles (a FooterKey starts compact).
                widget.set_reactive(FooterKey.compact, self.compact)
            yield widget
        # What is on show now; an empty footer (still waiting) is never "the same keys".
        self._shown = self._keys_signature() if shown_any else None

    async def recompose(self) -> None:
        """Rebuild only to show different keys: several bindings updates often queue
        rebuilds before the first one runs, and the later ones would repeat it."""
        if self.is_attached and self._shown == self._keys_signature():
            return
        await super().recompose()  # which does nothing once the footer is gone

    def _keys_signature(self) -> Hashable:
        """Everything `Footer.compose` shows: each visible key, its label and state."""
        shown = tuple(
            (binding.key, binding.action, binding.description, binding.key_display, enabled, tip)
            for (_node, binding, enabled, tip) in self.screen.active_bindings.values()
            if binding.show
        )
        return (shown, self.compact, self.show_command_palette)
