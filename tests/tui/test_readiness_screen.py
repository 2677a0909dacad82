"""Readiness screen: each criterion's explanation, evidence entries and next actions."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console
from textual.widgets import OptionList, Static

from careercoach.criteria import load_criteria
from careercoach.demo import write_demo
from careercoach.journal import Draft, Journal
from careercoach.readiness import assess
from careercoach.textsafe import terminal_safe
from careercoach.tui.app import CareerCoachApp
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.readiness import ReadinessScreen

TODAY = dt.date(2026, 11, 20)
SIZE = (100, 32)
NASTY = ("[bold]x[/] $y {z}", "text [/ oops", '{"b": [true, false]}', "%s \x1b[31mred\x1b[0m")


@pytest.fixture
def demo_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERCOACH_HOME", str(tmp_path / "home"))
    path = tmp_path / "demo.json"
    write_demo(path, TODAY)
    return path


async def settle(pilot) -> None:
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def started(pilot) -> None:
    for _ in range(50):
        await settle(pilot)
        if pilot.app.started:
            return


def run(path: Path, scenario) -> None:
    async def main() -> None:
        app = CareerCoachApp(Journal(path), today=lambda: TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await started(pilot)
            await scenario(pilot)

    asyncio.run(main())


async def open_readiness(pilot) -> ReadinessScreen:
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ReadinessScreen)
    return pilot.app.screen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def evidence_lines(screen: ReadinessScreen) -> list[str]:
    """The evidence table rendered wide enough that every row is one line."""
    console = Console(width=300, record=True, file=io.StringIO())
    console.print(screen.query_one("#criterion-evidence", Static).content)
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_each_criterion_shows_explanation_evidence_and_actions(demo_path: Path) -> None:
    journal = Journal(demo_path)
    by_id = {e.id: e for e in journal.entries()}
    assessment = assess(journal.entries(), journal.profile(), load_criteria(), TODAY)

    async def scenario(pilot) -> None:
        screen = await open_readiness(pilot)
        criteria = screen.query_one("#criteria-list", OptionList)
        assert criteria.option_count == len(assessment.criteria)
        for index, score in enumerate(assessment.criteria):
            criteria.highlighted = index
            await pilot.pause()
            assert shown(screen, "#criterion-head").startswith(score.title)
            assert shown(screen, "#criterion-explanation").startswith(score.explanation)
            rows = evidence_lines(screen)
            for entry_id in score.evidence_ids[:5]:
                entry = by_id[entry_id]
                assert f"{entry.date.isoformat()} {entry.title}" in rows
            if not score.evidence_ids:
                assert rows == ["No entries count towards this yet."]
            for action in score.actions:
                assert f"• {action}" in shown(screen, "#criterion-actions")

    run(demo_path, scenario)


def test_user_text_in_evidence_is_shown_literally(demo_path: Path) -> None:
    Journal(demo_path).add_many([Draft(TODAY, "bridge", title) for title in NASTY])
    bridge = next(c for c in load_criteria() if c.id == "bridge_role")

    async def scenario(pilot) -> None:
        screen = await open_readiness(pilot)
        index = [s.id for s in screen.insight.assessment.criteria].index(bridge.id)
        screen.query_one("#criteria-list", OptionList).highlighted = index
        await settle(pilot)
        rows = evidence_lines(screen)
        for title in NASTY:
            assert f"{TODAY.isoformat()} {terminal_safe(title)}" in rows
        assert not any("\x1b" in row for row in rows)

    run(demo_path, scenario)


def test_dashboard_and_readiness_render_with_markup_in_every_title(demo_path: Path) -> None:
    Journal(demo_path).add_many(
        [Draft(TODAY, kind, title) for kind in ("bridge", "achievement", "note") for title in NASTY]
    )

    async def scenario(pilot) -> None:
        await settle(pilot)
        assert isinstance(pilot.app.screen, DashboardScreen)
        assert shown(pilot.app.screen, "#overall").endswith(" / 100")
        screen = await open_readiness(pilot)
        assert screen.query_one("#readiness-body").display

    run(demo_path, scenario)
