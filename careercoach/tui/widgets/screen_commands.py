"""Put a screen's key bindings into the command palette, so every action has both."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


class ScreenActionsProvider(Provider):
    """Offers each Footer-visible key of the screen the palette was opened from: the
    screen's own and those of the widget in focus and its parents (a tab's keys).

    Keys that are off at the moment (their `check_action` says no) are left out, just
    as the Footer leaves them out; the app's own keys have their own commands.
    """

    def _commands(self) -> list[tuple[str, Callable[[], object]]]:
        found = []
        seen: set[str] = set()
        for node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            if node is self.app or not isinstance(binding, Binding) or not binding.show:
                continue
            if not enabled or binding.action in seen:
                continue
            seen.add(binding.action)
            name = f"{binding.description} ({binding.key_display or binding.key})"
            found.append((name, partial(node.run_action, binding.action)))
        return found

    async def discover(self) -> Hits:
        for name, command in self._commands():
            yield DiscoveryHit(name, command)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, command in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), command)
