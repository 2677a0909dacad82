"""Put a screen's key bindings into the command palette, so every action has both."""

from __future__ import annotations

from functools import partial

from textual.actions import parse
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActionsProvider(Provider):
    """Offers each Footer-visible binding of the screen the palette was opened from.

    Bindings the screen currently disables (its `check_action` says no) are left out,
    just as the Footer leaves them out.
    """

    def _commands(self) -> list[tuple[str, Binding]]:
        found = []
        for binding in type(self.screen).BINDINGS:
            if not isinstance(binding, Binding) or not binding.show:
                continue
            _, name, params = parse(binding.action)
            if self.screen.check_action(name, params) is not True:
                continue
            found.append((f"{binding.description} ({binding.key_display or binding.key})", binding))
        return found

    async def discover(self) -> Hits:
        for name, binding in self._commands():
            yield DiscoveryHit(name, partial(self.screen.run_action, binding.action))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, binding in self._commands():
            score = matcher.match(name)
            if score > 0:
                command = partial(self.screen.run_action, binding.action)
                yield Hit(score, matcher.highlight(name), command)
