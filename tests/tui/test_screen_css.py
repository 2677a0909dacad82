"""Each screen's own stylesheet: loaded when the screen is first built, and confined
to that screen, so it looks the same whichever screen was opened first."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careercoach.tui import screen_css
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.plan import PlanScreen
from tests.tui.conftest import open_screen, running

SCREEN_FILES = {
    "journal.tcss": "JournalScreen",
    "checkin.tcss": "CheckinScreen",
    "profile.tcss": "ProfileScreen",
    "readiness.tcss": "ReadinessScreen",
    "scripts.tcss": "ScriptsScreen",
    "plan.tcss": "PlanScreen",
    "review.tcss": "ReviewScreen",
}


def selectors(css: str) -> list[str]:
    without_comments = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    heads = re.findall(r"([^{}]+)\{", without_comments)
    return [part.strip() for head in heads for part in head.split(",")]


def test_every_screen_stylesheet_is_listed_here() -> None:
    on_disk = {path.name for path in screen_css.SCREENS_FOLDER.glob("*.tcss")}
    assert on_disk == {*SCREEN_FILES, "dashboard.tcss"}  # the dashboard's loads at start


@pytest.mark.parametrize(("name", "screen"), SCREEN_FILES.items())
def test_a_screens_rules_select_only_inside_that_screen(name: str, screen: str) -> None:
    found = selectors(screen_css.stylesheet_text(name))
    assert found
    for selector in found:
        assert re.match(rf"{screen}([.:][\w-]+)*( |$)", selector), selector


@pytest.mark.parametrize(("name", "screen"), SCREEN_FILES.items())
def test_each_screen_adds_its_own_stylesheet(name: str, screen: str) -> None:
    source = Path(screen_css.__file__).parent / "screens" / f"{name.removesuffix('.tcss')}.py"
    assert f'add_screen_css(self.app, "{name}")' in source.read_text(encoding="utf-8")


async def test_a_screens_rules_load_when_it_opens_not_at_start(demo_path: Path) -> None:
    def loaded(pilot) -> set[str]:
        return {Path(path).name for path, _ in pilot.app.stylesheet.source}

    async with running(demo_path) as pilot:
        assert {"app.tcss", "dashboard.tcss"} <= loaded(pilot)
        assert not set(SCREEN_FILES) & loaded(pilot)
        await open_screen(pilot, "i", PlanScreen)
        await open_screen(pilot, "j", JournalScreen)
        assert set(SCREEN_FILES) & loaded(pilot) == {"plan.tcss", "journal.tcss"}
