"""An App and a Screen base that open a mode without restyling what is already styled.

Textual re-parses every stylesheet and restyles the whole app twice the first time a
mode is opened (`_init_mode` and `switch_mode` each call `refresh_css`: textual#5211),
although the new screen is styled when it mounts anyway. That was about a fifth of
opening the journal at 10k entries, and it is paid by every screen's first visit.

Styles change only when the theme (or the terminal's palette) changes, and Textual
then calls `refresh_css` on its own, outside a mode switch: those calls always run in
full and mark the screens they restyled. A mode switch skips the refresh only when
every screen of the stack in front was styled after the last full refresh, or has not
mounted yet (it will be styled with today's styles when it does).

Textual also restyles a whole screen each time it is resumed (a mode switched to, twice
for a mode's first screen), again whether or not anything changed. A mode screen built
on `ModeScreen` skips that restyle when it was styled after the last full refresh:
when it mounted, or when that refresh (or a switch's own) restyled it.

A screen with breakpoints gets its breakpoint classes from Textual on its first
resize, after its widgets were styled, which restyles them all once more (about 12 ms
of first opening the journal or the scripts). A `ModeScreen` takes them when it is
built, from the terminal's size then, so its widgets are styled once; the resize then
finds nothing to change (and a size that was wrong is still put right there).
"""

from __future__ import annotations

import weakref
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen
from textual.widget import AwaitMount


def breakpoint_classes(breakpoints: list[tuple[int, str]] | None, size: int) -> set[str]:
    """The class of the largest breakpoint `size` reaches, if any, as Textual picks it."""
    reached = [(at, name) for at, name in breakpoints or () if size >= at]
    return {max(reached)[1]} if reached else set()


class ModeStylesApp(App[Any]):
    """`App` with mode switches that restyle only screens a theme change passed by."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.styles_generation = 0  # full CSS refreshes so far
        self.styled_at: weakref.WeakKeyDictionary[Screen[Any], int] = weakref.WeakKeyDictionary()
        self.switching_mode = False

    def on_mount(self) -> None:
        self.styled_at[self.screen] = self.styles_generation  # styled as it mounted
        self.screen_change_signal.subscribe(self, self.screen_styled)

    def screen_styled(self, screen: Screen[Any]) -> None:
        """A screen now in front is styled with today's styles: it was pushed or
        mounted after the last full refresh, or that refresh (or the switch's own)
        restyled it."""
        self.styled_at[screen] = self.styles_generation

    def stack_is_styled(self) -> bool:
        return all(
            self.styled_at.get(screen) == self.styles_generation
            or (screen not in self.styled_at and not screen.is_mounted)
            for screen in self.screen_stack
        )

    def switch_mode(self, mode: str) -> AwaitMount:
        self.switching_mode = True
        try:
            return super().switch_mode(mode)
        finally:
            self.switching_mode = False

    def refresh_css(self, animate: bool = True) -> None:
        if self.switching_mode and self.stack_is_styled():
            return
        super().refresh_css(animate)
        self.styles_generation += 1
        for screen in self.screen_stack:
            self.styled_at[screen] = self.styles_generation


class ModeScreen(Screen[Any]):
    """A mode's screen: resumed without a restyle when its styles are today's, and
    built with the breakpoint classes of the terminal's size."""

    def __init__(
        self, name: str | None = None, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(name, id, classes)
        app, (width, height) = self.app, self.app.size
        for own, apps, size in (
            (self.HORIZONTAL_BREAKPOINTS, app.HORIZONTAL_BREAKPOINTS, width),
            (self.VERTICAL_BREAKPOINTS, app.VERTICAL_BREAKPOINTS, height),
        ):
            self.add_class(*breakpoint_classes(apps if own is None else own, size), update=False)

    def on_mount(self) -> None:
        app = self.app
        if isinstance(app, ModeStylesApp):
            app.styled_at[self] = app.styles_generation  # styled as it mounted

    def on_screen_resume(self, event: events.ScreenResume) -> None:
        """Runs before Textual's own resume (subclasses' handlers come first), which
        restyles the screen only when `refresh_styles` is still set."""
        app = self.app
        if isinstance(app, ModeStylesApp) and app.styled_at.get(self) == app.styles_generation:
            event.refresh_styles = False
