"""The review screen: from the readiness screen's v or the palette, the same review as
the command line, the language switch, and a bad start date said inline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import Input

from careercoach.review import languages, review_journal
from careercoach.tui.screens.readiness import ReadinessScreen
from careercoach.tui.screens.review import ReviewScreen
from tests.tui.conftest import (
    SIZE,
    TODAY,
    keys_then_settle,
    make_app,
    open_journal,
    open_screen,
    run_command,
    running,
    workers_done,
)


def shown(screen: ReviewScreen, selector: str) -> str:
    return str(screen.query_one(selector).render())


async def test_v_on_the_readiness_screen_opens_the_review(demo_path: Path) -> None:
    expected = review_journal(open_journal(demo_path), today=TODAY, langs=languages("both"))
    async with running(demo_path) as pilot:
        await open_screen(pilot, "r", ReadinessScreen)
        await pilot.press("v")
        await workers_done(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert screen.result is not None
        assert screen.result.text() == expected.text()
        assert "Self-evaluation draft (English)" in shown(screen, "#review-text")
        await pilot.press("g")
        await workers_done(pilot)
        assert list(screen.result.drafts) == ["en"]
        await pilot.press("g")
        await workers_done(pilot)
        assert list(screen.result.drafts) == ["ja"]
        await pilot.press("escape")
        await workers_done(pilot)
        assert isinstance(pilot.app.screen, ReadinessScreen)


async def test_the_palette_opens_it_and_a_bad_date_is_said_inline(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        before = screen.result
        await pilot.press("s")
        await workers_done(pilot)
        pilot.app.screen.query_one("#answer", Input).value = "[b]someday[/]"
        await pilot.press("enter")
        await workers_done(pilot)
        assert pilot.app.screen is screen
        assert "bad date '[b]someday[/]'" in shown(screen, "#review-problem")
        assert screen.result == before
        await pilot.press("s")
        await workers_done(pilot)
        pilot.app.screen.query_one("#answer", Input).value = "2026-10-01"
        await pilot.press("enter")
        await workers_done(pilot)
        assert screen.result is not None
        assert str(screen.result.review.period.since) == "2026-10-01"
        assert not screen.query_one("#review-problem").display


async def answer(pilot, key: str, text: str | None) -> None:
    """Open the screen's prompt with `key`, then type `text` and confirm, or Cancel (None)."""
    await pilot.press(key)
    await workers_done(pilot)
    if text is None:
        await pilot.click("#cancel")
    else:
        pilot.app.screen.query_one("#answer", Input).value = text
        await pilot.press("enter")
    await workers_done(pilot)


async def test_cancel_keeps_the_period_and_last_means_the_last_evaluation(
    demo_path: Path,
) -> None:
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen) and screen.result is not None
        default_start = screen.result.review.period
        await answer(pilot, "s", "2026-10-01")
        assert str(screen.result.review.period.since) == "2026-10-01"
        for text in (None, ""):  # Cancel, or an empty answer: nothing changes
            await answer(pilot, "s", text)
            assert pilot.app.screen is screen
            assert str(screen.result.review.period.since) == "2026-10-01"
        await answer(pilot, "s", "last")
        assert screen.result.review.period == default_start


async def test_until_ends_the_period_and_cannot_precede_the_start(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        await answer(pilot, "u", "2026-10-31")
        assert screen.result is not None
        assert str(screen.result.review.period.until) == "2026-10-31"
        assert "on 2026-10-31" in shown(screen, "#review-text")
        await answer(pilot, "u", None)
        assert str(screen.result.review.period.until) == "2026-10-31"
        await answer(pilot, "s", "2026-10-01")
        before = screen.result
        await answer(pilot, "u", "2026-09-01")
        assert "after the end" in shown(screen, "#review-problem")
        assert screen.result == before and screen.until == dt.date(2026, 10, 31)


async def test_the_period_keys_are_listed_for_help_and_footer(demo_path: Path) -> None:
    from careercoach.tui.screens.help import key_rows

    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        assert isinstance(pilot.app.screen, ReviewScreen)
        rows = key_rows(pilot.app, ReviewScreen)
        assert ("s", "Since…") in rows and ("u", "Until…") in rows
        footer = {key: b.binding for key, b in pilot.app.screen.active_bindings.items()}
        assert footer["u"].show and footer["u"].description == "Until…"


async def test_left_out_plan_evidence_is_said_on_screen_not_copied(demo_path: Path) -> None:
    from careercoach.journal import Draft

    open_journal(demo_path).add(Draft(TODAY, "invisible", "Sorted the plan folder", tags=("pip",)))
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen) and screen.result is not None
        assert "improvement-plan" in shown(screen, "#review-text")
        assert "improvement-plan" not in "".join(screen.result.drafts.values())


@pytest.mark.parametrize("size", [SIZE, (80, 24)])
@pytest.mark.parametrize("keys", [("r", "v"), ("r", "v", "g", "g", "end")])
def test_review_snapshot(snap_compare, demo_path: Path, keys: tuple[str, ...], size) -> None:
    app = make_app(demo_path)
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle(*keys))


async def test_the_screen_keys_are_in_the_palette_too(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        await run_command(pilot, "Language (g)")
        await workers_done(pilot)
        assert screen.result is not None and list(screen.result.drafts) == ["en"]


INJECTIONS = ["[bold]x[/] $y {z}", "text [/ oops", "[link=https://example.com]click[/link] %s"]


async def test_titles_show_literally(demo_path: Path) -> None:
    from careercoach.journal import Draft

    journal = open_journal(demo_path)
    journal.add_many(
        [Draft(TODAY, "achievement", title, details={"type": "milestone"}, starred=True)
         for title in INJECTIONS]
    )  # fmt: skip
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        text = shown(screen, "#review-text")
        for title in INJECTIONS:
            assert title in text


async def test_plan_evidence_only_when_asked(demo_path: Path) -> None:
    from careercoach.journal import Draft

    open_journal(demo_path).add(Draft(TODAY, "invisible", "Sorted the plan folder", tags=("pip",)))
    async with running(demo_path) as pilot:
        await run_command(pilot, "Review for your evaluation")
        screen = pilot.app.screen
        assert isinstance(screen, ReviewScreen)
        assert "Sorted the plan folder" not in shown(screen, "#review-text")
        assert screen.result is not None and screen.result.review.plan_evidence_left_out >= 1
        await pilot.press("e")
        await workers_done(pilot)
        assert "Sorted the plan folder" in shown(screen, "#review-text")
        assert screen.result.review.plan_evidence_left_out == 0
