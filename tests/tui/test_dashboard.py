"""Dashboard: what a user sees on opening the app, and that it follows the journal."""

from __future__ import annotations

import datetime as dt
import os
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from textual.widgets import LoadingIndicator

from careercoach.insight import activity, is_current, week_start
from careercoach.journal.api import Draft, Journal
from careercoach.model import make_entry
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import assess
from careercoach.tui import quick_read
from careercoach.tui.app import CareerCoachApp
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.readiness import ReadinessScreen
from careercoach.tui.screens.welcome import WelcomeScreen
from tests.tui.conftest import (
    SIZE,
    TODAY,
    make_app,
    ready,
    screen_is,
    screen_text,
    shown,
    wait_until,
)


async def dashboard_ready(app: CareerCoachApp, pilot) -> DashboardScreen:
    """The dashboard (the home screen) once it shows the journal as it is on disk now."""
    await wait_until(
        pilot,
        lambda: (
            isinstance(app.screen, DashboardScreen)
            and is_current(app.journal, app.screen.insight, app.today())
        ),
        "the dashboard to show the journal as it is now",
    )
    return await screen_is(pilot, DashboardScreen)


def expected_assessment(path: Path):
    journal = Journal(path)
    return assess(journal.entries(), journal.profile(), load_criteria(), TODAY)


def overall(screen: DashboardScreen) -> str:
    """The score at the top of the readiness panel: `66 / 100` (before the band)."""
    return shown(screen, "#score-panel").splitlines()[0].split(" · ")[0]


def monday_offset(weeks_back: int, weekday: int = 2) -> dt.date:
    return (
        TODAY
        - dt.timedelta(days=TODAY.weekday())
        - dt.timedelta(weeks=weeks_back)
        + (dt.timedelta(days=weekday))
    )


# (entry dates, days since the newest, weekly streak)
ACTIVITY_CASES = [
    ([], None, 0),
    ([TODAY], 0, 1),
    ([monday_offset(0), monday_offset(1), monday_offset(2)], 2, 3),
    ([monday_offset(1), monday_offset(2)], 9, 2),
    ([monday_offset(2), monday_offset(3)], 16, 0),
    ([monday_offset(0), monday_offset(2), monday_offset(3)], 2, 1),
    ([TODAY + dt.timedelta(days=3), monday_offset(1)], 9, 1),
]


@pytest.mark.parametrize(("dates", "days", "streak"), ACTIVITY_CASES)
def test_activity_counts_days_since_last_and_weekly_streak(dates, days, streak):
    entries = [
        make_entry(entry_id=f"e{i:03d}", date=d, kind="note", title="x")
        for i, d in enumerate(dates)
    ]
    result = activity(entries, TODAY)
    assert (result.days_since_last, result.streak_weeks) == (days, streak)


def weekly_streak_by_counting_weeks(dates: list[dt.date], as_of: dt.date) -> int:
    """The streak the slow, obvious way: the set of weeks, walked back one at a time."""
    weeks = {week_start(d) for d in dates if d <= as_of}
    week = week_start(as_of)
    if week not in weeks:
        week -= dt.timedelta(weeks=1)
    streak = 0
    while week in weeks:
        streak += 1
        week -= dt.timedelta(weeks=1)
    return streak


@given(
    st.lists(st.dates(TODAY - dt.timedelta(days=120), TODAY + dt.timedelta(days=9)), max_size=40)
)
def test_the_weekly_streak_matches_counting_weeks_one_by_one(dates: list[dt.date]) -> None:
    """In any order: the dashboard reads the journal unsorted."""
    entries = [
        make_entry(entry_id=f"e{i:03d}", date=d, kind="note", title="x")
        for i, d in enumerate(dates)
    ]
    result = activity(entries, TODAY)
    assert result.streak_weeks == weekly_streak_by_counting_weeks(dates, TODAY)
    past = [d for d in dates if d <= TODAY]
    assert result.last_entry == (max(past) if past else None)


async def test_dashboard_shows_score_band_verdict_and_top_actions(demo_path: Path) -> None:
    expected = expected_assessment(demo_path)
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await dashboard_ready(app, pilot)
        score, meaning, *habit = shown(screen, "#score-panel").splitlines()
        assert score == f"{expected.overall} / 100 · {expected.band.name}"
        assert overall(screen) == f"{expected.overall} / 100"
        assert meaning == expected.band.meaning
        assert any(line.startswith("Weekly streak:") for line in habit)
        assert shown(screen, "#timing-panel").splitlines()[0] == expected.timing.headline
        actions = shown(screen, "#next-actions").splitlines()
        assert actions == [f"{i}. {a}" for i, a in enumerate(expected.next_actions[:3], 1)]
        assert not screen.query_one(LoadingIndicator).display
        assert not screen.query_one("#dashboard-start").display


async def test_80x24_shows_the_main_panels_without_scrolling(demo_path: Path) -> None:
    """A short terminal drops the trend and the third action: the score, the verdict,
    every criterion and the top actions fit, and the footer keeps `? Help`."""
    expected = expected_assessment(demo_path)
    app = make_app(demo_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await dashboard_ready(app, pilot)
        body = screen.query_one("#dashboard-body")
        await wait_until(pilot, lambda: body.max_scroll_y == 0, "the panels to fit")
        text = screen_text(pilot)
        assert f"{expected.overall} / 100" in text
        assert expected.timing.headline in text
        for criterion in expected.criteria:  # each bar: the title (maybe cut) and the score
            assert re.search(rf"{re.escape(criterion.title[:12])}.* {criterion.score:>3} ", text)
        assert len(expected.next_actions) > 2
        actions = shown(screen, "#next-actions").splitlines()
        assert actions == [f"{i}. {a}" for i, a in enumerate(expected.next_actions[:2], 1)]
        assert "Criteria" in text and "Next actions" in text
        assert "? Help" in text.splitlines()[-1]
        assert "26 weeks:" not in text
        await pilot.resize_terminal(100, 32)  # room again: the trend and three actions
        await wait_until(pilot, lambda: "26 weeks:" in screen_text(pilot), "the trend")
        actions = shown(screen, "#next-actions").splitlines()
        assert actions == [f"{i}. {a}" for i, a in enumerate(expected.next_actions[:3], 1)]
        assert body.max_scroll_y == 0


async def test_the_keys_scroll_a_dashboard_taller_than_the_terminal(demo_path: Path) -> None:
    """Nothing has the focus at start (focusing the body restyled every panel), yet
    the arrow, paging, Home and End keys scroll the body, as when it had the focus."""
    app = make_app(demo_path)
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await dashboard_ready(app, pilot)
        body = screen.query_one("#dashboard-body")
        assert app.focused is None
        await wait_until(pilot, lambda: body.max_scroll_y > 4, "a body taller than the screen")
        for keys, target in (
            (["down", "down"], 2),
            (["up"], 1),
            (["end"], body.max_scroll_y),
            (["home"], 0),
            (["pagedown"], min(body.max_scroll_y, body.scrollable_content_region.height)),
            (["pageup"], 0),
        ):
            await pilot.press(*keys)
            await wait_until(pilot, lambda at=target: body.scroll_y == at, f"{keys}: {target}")
        assert app.focused is None


async def test_dashboard_follows_entries_added_elsewhere(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await dashboard_ready(app, pilot)
        before = overall(screen)
        # Another process (the CLI) logs a burst of work while the app is open.
        Journal(demo_path).add_many(
            [
                Draft(TODAY, "japanese", "Passed JLPT N1", details={"type": "jlpt", "level": "N1"}),
                *[Draft(TODAY, "bridge", f"Bridged call {i}") for i in range(8)],
                *[Draft(TODAY, "achievement", f"Shipped part {i}") for i in range(3)],
            ]
        )
        expected = expected_assessment(demo_path)
        assert f"{expected.overall} / 100" != before
        await app.push_screen(ReadinessScreen())
        await screen_is(pilot, ReadinessScreen)
        app.pop_screen()
        screen = await dashboard_ready(app, pilot)
        assert overall(screen) == f"{expected.overall} / 100"


async def test_a_recompute_keeps_the_last_result_up(demo_path: Path) -> None:
    """No loading indicator flashing over the score after every check-in: the last
    result stays until the new one is in (the indicator comes only if it is slow)."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await dashboard_ready(app, pilot)
        before = overall(screen)
        Journal(demo_path).add(Draft(TODAY, "achievement", "Shipped the billing rework"))
        screen.action_refresh_insight()
        assert not screen.query_one(LoadingIndicator).display
        assert overall(screen) == before and screen.query_one("#dashboard-main").display
        expected = expected_assessment(demo_path)
        assert f"{expected.overall} / 100" != before
        await wait_until(pilot, lambda: overall(screen) == f"{expected.overall} / 100")
        assert not screen.query_one(LoadingIndicator).display


async def test_refresh_key_recomputes(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await dashboard_ready(app, pilot)
        Journal(demo_path).add(
            Draft(TODAY, "japanese", "Passed JLPT N1", details={"type": "jlpt", "level": "N1"})
        )
        expected = expected_assessment(demo_path)
        await pilot.press("f5")
        screen = await dashboard_ready(app, pilot)
        assert overall(screen) == f"{expected.overall} / 100"


async def test_empty_journal_gets_a_friendly_start(empty_path: Path) -> None:
    app = make_app(empty_path)
    async with app.run_test(size=SIZE) as pilot:
        await ready(pilot)
        await screen_is(pilot, WelcomeScreen)
        app.pop_screen()  # past the first-run welcome
        screen = await dashboard_ready(app, pilot)
        start = shown(screen, "#dashboard-start")
        assert "journal is empty" in start
        assert "check-in" in start
        assert not screen.query_one("#dashboard-main").display
        assert "0 / 100" not in start


def worker_reads(monkeypatch) -> list[dt.date]:
    """The dates the dashboard's worker was asked to read the journal for."""
    asked: list[dt.date] = []
    compute = DashboardScreen.compute

    def counted(screen: DashboardScreen, as_of: dt.date):
        asked.append(as_of)
        return compute(screen, as_of)

    monkeypatch.setattr(DashboardScreen, "compute", counted)
    return asked


async def test_a_journal_that_reads_quickly_is_shown_in_the_first_frame(
    demo_path: Path, monkeypatch
) -> None:
    """No loading indicator laid out and replaced at start: the first frame has the score."""
    asked = worker_reads(monkeypatch)
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:  # running: the first frame is drawn
        screen = app.screen
        assert isinstance(screen, DashboardScreen) and screen.insight is not None
        assert not screen.query_one(LoadingIndicator).display
        assert shown(screen, "#score-panel").startswith(
            f"{screen.insight.assessment.overall} / 100"
        )
        await ready(pilot)
    assert asked == []


async def test_a_larger_journal_is_read_in_the_worker_behind_the_indicator(
    demo_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr(quick_read, "READ_AT_ONCE_BYTES", demo_path.stat().st_size - 1)
    asked = worker_reads(monkeypatch)
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await dashboard_ready(app, pilot)
        assert not screen.query_one(LoadingIndicator).display
    assert asked == [TODAY]


def test_what_reads_quickly(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(quick_read, "READ_AT_ONCE_BYTES", 10)
    path = tmp_path / "journal.json"
    journal = Journal(path)
    assert quick_read.reads_quickly(journal)  # no file yet: a first run, nothing to read
    path.write_bytes(b"x" * 10)
    assert quick_read.reads_quickly(journal)
    path.write_bytes(b"x" * 11)
    assert not quick_read.reads_quickly(journal)
    path.unlink()
    os.mkfifo(path)  # a read would wait for a writer: never on the app's own thread
    assert not quick_read.reads_quickly(journal)
    path.unlink()
    path.mkdir()
    assert not quick_read.reads_quickly(journal)
