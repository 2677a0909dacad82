"""Breakpoint classes are set when a screen is built, so its widgets are styled once.

Textual sets them on the first resize, after the widgets were styled, and then
restyles every widget of the screen again (`careercoach.tui.mode_styles`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.dom import DOMNode
from textual.screen import Screen

from careercoach.tui.mode_styles import breakpoint_classes
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.profile import ProfileScreen
from careercoach.tui.screens.scripts import ScriptsScreen
from tests.tui.conftest import make_app, open_screen, ready, running, screen_is, wait_until

JOURNAL = [(0, "-narrow"), (110, "-wide")]


@pytest.mark.parametrize(
    ("breakpoints", "size", "expected"),
    [
        (JOURNAL, 109, {"-narrow"}),
        (JOURNAL, 110, {"-wide"}),
        (JOURNAL, 400, {"-wide"}),
        ([(110, "-wide"), (0, "-narrow")], 60, {"-narrow"}),  # in any order
        ([(20, "-big")], 10, set()),  # none reached
        ([], 80, set()),
        (None, 80, set()),
    ],
)
def test_breakpoint_classes_pick_as_textual_does(
    breakpoints: list[tuple[int, str]] | None, size: int, expected: set[str]
) -> None:
    assert breakpoint_classes(breakpoints, size) == expected


class RestyleLog:
    """The screens whose every widget `App.update_styles` restyled, in order."""

    def __init__(self, app: App[Any], monkeypatch: pytest.MonkeyPatch) -> None:
        self.screens: list[Screen[Any]] = []
        update_styles = app.update_styles

        def logged(node: DOMNode, animate: bool = True) -> None:
            if isinstance(node, Screen):
                self.screens.append(node)
            update_styles(node, animate)

        monkeypatch.setattr(app, "update_styles", logged)


@pytest.mark.parametrize(
    ("key", "screen_class", "size", "expected"),
    [
        ("j", JournalScreen, (100, 32), "-narrow"),
        ("j", JournalScreen, (120, 32), "-wide"),
        ("t", ScriptsScreen, (100, 32), "-tall"),
        ("t", ScriptsScreen, (80, 24), "-short"),
        ("p", ProfileScreen, (100, 32), "-tall"),
        ("p", ProfileScreen, (80, 24), "-short"),
    ],
)
async def test_a_screen_opens_with_its_breakpoint_and_is_styled_once(
    key: str,
    screen_class: type[Screen[Any]],
    size: tuple[int, int],
    expected: str,
    demo_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    async with running(demo_path, size=size) as pilot:
        restyled = RestyleLog(pilot.app, monkeypatch)
        screen = await open_screen(pilot, key, screen_class)
        await pilot.pause()  # its first resize has been handled
        assert screen.has_class(expected)
        assert screen not in restyled.screens


async def test_a_resize_across_a_breakpoint_still_moves_the_class(demo_path: Path) -> None:
    async with running(demo_path, size=(100, 32)) as pilot:
        screen = await open_screen(pilot, "j", JournalScreen)
        await pilot.resize_terminal(120, 32)
        await wait_until(pilot, lambda: screen.has_class("-wide"), "the wide layout")
        assert not screen.has_class("-narrow")


@pytest.mark.parametrize(("size", "short"), [((100, 32), False), ((80, 24), True)])
async def test_the_dashboard_knows_a_short_terminal_before_styling(
    size: tuple[int, int], short: bool, demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = make_app(demo_path)
    restyled = RestyleLog(app, monkeypatch)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        dashboard = await screen_is(pilot, DashboardScreen)
        assert dashboard.has_class("-short") is short
        assert dashboard not in restyled.screens
