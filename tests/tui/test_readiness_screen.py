"""Readiness screen: each criterion's explanation, evidence entries and next actions."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console
from textual.widgets import OptionList, Static

from careercoach.journal.api import Draft, Journal
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import assess
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.readiness import ReadinessScreen
from tests.tui.conftest import TODAY, open_screen, running, screen_is, shown, wait_until

NASTY = ("[bold]x[/] $y {z}", "text [/ oops", '{"b": [true, false]}', "%s \x1b[31mred\x1b[0m")


def evidence_lines(screen: ReadinessScreen) -> list[str]:
    """The evidence table rendered wide enough that every row is one line."""
    console = Console(width=300, record=True, file=io.StringIO())
    console.print(screen.query_one("#criterion-evidence", Static).content)
    return [line.rstrip() for line in console.export_text().splitlines()]


async def test_each_criterion_shows_explanation_evidence_and_actions(demo_path: Path) -> None:
    journal = Journal(demo_path)
    by_id = {e.id: e for e in journal.entries()}
    assessment = assess(journal.entries(), journal.profile(), load_criteria(), TODAY)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "r", ReadinessScreen)
        criteria = screen.query_one("#criteria-list", OptionList)
        assert criteria.option_count == len(assessment.criteria)
        for index, score in enumerate(assessment.criteria):
            criteria.highlighted = index
            await wait_until(
                pilot,
                lambda score=score: shown(screen, "#criterion-head").startswith(score.title),
                f"the details of {score.title}",
            )
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


async def test_user_text_in_evidence_is_shown_literally(demo_path: Path) -> None:
    Journal(demo_path).add_many([Draft(TODAY, "bridge", title) for title in NASTY])
    bridge = next(c for c in load_criteria() if c.id == "bridge_role")

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "r", ReadinessScreen)
        index = [s.id for s in screen.insight.assessment.criteria].index(bridge.id)
        screen.query_one("#criteria-list", OptionList).highlighted = index
        await wait_until(
            pilot,
            lambda: shown(screen, "#criterion-head").startswith(bridge.title),
            "the bridge role's details",
        )
        rows = evidence_lines(screen)
        for title in NASTY:
            assert f"{TODAY.isoformat()} {terminal_safe(title)}" in rows
        assert not any("\x1b" in row for row in rows)


async def test_dashboard_and_readiness_render_with_markup_in_every_title(demo_path: Path) -> None:
    Journal(demo_path).add_many(
        [Draft(TODAY, kind, title) for kind in ("bridge", "achievement", "note") for title in NASTY]
    )

    async with running(demo_path) as pilot:
        await screen_is(pilot, DashboardScreen)
        score = shown(pilot.app.screen, "#score-panel").splitlines()[0]
        assert score.split(" · ")[0].endswith(" / 100")
        screen = await open_screen(pilot, "r", ReadinessScreen)
        assert screen.query_one("#readiness-body").display
