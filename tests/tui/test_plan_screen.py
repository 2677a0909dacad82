"""Improvement-plan screen: start a plan, answer signs, keep documents, see the verdict."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from textual.widgets import OptionList, Static, TabbedContent

from careercoach import improvement_plan as ip
from careercoach.demo import write_demo
from careercoach.journal import Draft, Journal
from careercoach.tui.app import CareerCoachApp
from careercoach.tui.screens.plan import PlanScreen

TODAY = dt.date(2026, 11, 20)
SIZE = (100, 32)


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


async def open_plan(pilot) -> PlanScreen:
    for _ in range(50):
        await settle(pilot)
        if pilot.app.started:
            break
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(pilot.app.screen, PlanScreen)
    return pilot.app.screen


def shown(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def stored(path: Path) -> ip.PlanRecord:
    record = Journal(path).plan()
    assert record is not None
    return ip.PlanRecord.from_dict(record)


def run(path: Path, scenario) -> None:
    async def main() -> None:
        app = CareerCoachApp(Journal(path), today=lambda: TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await scenario(pilot, await open_plan(pilot))

    asyncio.run(main())


def test_without_a_plan_the_screen_explains_and_offers_to_start(demo_path: Path) -> None:
    async def scenario(pilot, screen: PlanScreen) -> None:
        assert screen.query_one("#plan-start").display
        assert not screen.query_one("#plan-tabs").display
        assert "Performance Improvement Plan" in shown(screen, "#plan-about")
        assert "not legal advice" in shown(screen, "#plan-notice")
        footer_keys = {key for key, b in pilot.app.active_bindings.items() if b.enabled}
        assert "y" not in footer_keys  # plan actions are hidden until a plan exists

    run(demo_path, scenario)


def test_start_plan_with_dates_saves_it(demo_path: Path) -> None:
    async def scenario(pilot, screen: PlanScreen) -> None:
        screen.query_one("#start-date").value = "2026-11-01"
        screen.query_one("#end-date").value = "2027-01-31"
        await pilot.click("#start-plan")
        await settle(pilot)
        assert stored(demo_path).start == dt.date(2026, 11, 1)
        assert stored(demo_path).end == dt.date(2027, 1, 31)
        assert screen.query_one("#plan-tabs").display
        assert "not legal advice" in shown(screen, "#plan-notice")

    run(demo_path, scenario)


def test_end_before_start_is_refused_inline(demo_path: Path) -> None:
    async def scenario(pilot, screen: PlanScreen) -> None:
        screen.query_one("#start-date").value = "2026-12-01"
        screen.query_one("#end-date").value = "2026-11-01"
        await pilot.click("#start-plan")
        await settle(pilot)
        assert "must be after its start" in shown(screen, "#start-error")
        assert Journal(demo_path).plan() is None

    run(demo_path, scenario)


def test_answering_signs_changes_the_verdict(demo_path: Path) -> None:
    Journal(demo_path).save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())

    async def scenario(pilot, screen: PlanScreen) -> None:
        signs = screen.query_one("#sign-list", OptionList)
        signs.focus()
        before = shown(screen, "#verdict")
        red_flags = [i for i, f in enumerate(screen.findings) if f.yes_means == "exit_risk"]
        for index in red_flags[:3]:
            signs.highlighted = index
            await pilot.press("y")
            await settle(pilot)
        record = stored(demo_path)
        assert [record.answers[screen.findings[i].id] for i in red_flags[:3]] == ["yes"] * 3
        after = shown(screen, "#verdict")
        assert after != before
        assert ip.assess_plan(record, TODAY).headline in after
        assert ip.assess_plan(record, TODAY).verdict == "exit"
        signs.highlighted = red_flags[0]
        await pilot.press("u")
        await settle(pilot)
        assert stored(demo_path).answers[screen.findings[red_flags[0]].id] == "unsure"

    run(demo_path, scenario)


def test_toggle_document_marks_it_kept_and_back(demo_path: Path) -> None:
    Journal(demo_path).save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())

    async def scenario(pilot, screen: PlanScreen) -> None:
        screen.query_one(TabbedContent).active = "documents-tab"
        await settle(pilot)
        documents = screen.query_one("#document-list", OptionList)
        documents.focus()
        documents.highlighted = 1
        item = screen.content.documents[1]
        await pilot.press("x")
        await settle(pilot)
        assert stored(demo_path).documents_done == (item.id,)
        assert str(documents.get_option_at_index(1).prompt).startswith("[x] ")
        assert documents.border_title == f"Kept: 1 of {len(screen.content.documents)}"
        await pilot.press("x")
        await settle(pilot)
        assert stored(demo_path).documents_done == ()

    run(demo_path, scenario)


def test_goals_added_met_and_not_recognised_raise_the_warning(demo_path: Path) -> None:
    Journal(demo_path).save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())

    async def scenario(pilot, screen: PlanScreen) -> None:
        screen.query_one(TabbedContent).active = "goals-tab"
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        pilot.app.screen.query_one("#goal-text").value = "Close 20 [b]tickets[/] a week"
        await pilot.click("#specific")
        await pilot.click("#save")
        await settle(pilot)
        assert stored(demo_path).goals[0].text == "Close 20 [b]tickets[/] a week"
        goals = screen.query_one("#goal-list", OptionList)
        goals.focus()
        goals.highlighted = 0
        await pilot.press("m")  # open -> met today
        await pilot.press("v")  # unknown -> recognised
        await pilot.press("v")  # recognised -> not recognised
        await settle(pilot)
        goal = stored(demo_path).goals[0]
        assert (goal.status, goal.met_on, goal.recognised) == ("met", TODAY, False)
        assert "[b]tickets[/]" in str(goals.get_option_at_index(0).prompt)
        warnings = {w.id: w for w in ip.plan_warnings(stored(demo_path))}
        assert warnings["met_not_recognised"].title in shown(screen, "#warnings")

    run(demo_path, scenario)


def test_key_dates_and_exit_options_are_shown(demo_path: Path) -> None:
    plan = ip.with_dates(
        ip.new_plan(dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        employment_end=dt.date(2027, 1, 31),
    )
    Journal(demo_path).save_plan(plan.to_dict())

    async def scenario(pilot, screen: PlanScreen) -> None:
        dates = shown(screen, "#key-dates")
        for key_date in ip.key_dates(plan, TODAY):
            assert f"{key_date.date.isoformat()}  {key_date.title}" in dates
        assert "2027-04-30" in dates  # about three months after employment ends
        names = [str(panel.border_title) for panel in screen.query(".exit-option")]
        assert names == [option.name for option in screen.content.exit_options]

    run(demo_path, scenario)


def test_evidence_trail_shows_user_text_literally(demo_path: Path) -> None:
    nasty = ("[bold]x[/] $y {z}", "text [/ oops")
    journal = Journal(demo_path)
    journal.save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())
    journal.add_many([Draft(TODAY, "note", t, details={"type": "plan_instruction"}) for t in nasty])

    async def scenario(pilot, screen: PlanScreen) -> None:
        evidence = shown(screen, "#evidence")
        for title in nasty:
            assert f"{TODAY.isoformat()}  Instruction: {title}" in evidence

    run(demo_path, scenario)


def test_plan_keys_are_in_the_command_palette(demo_path: Path) -> None:
    Journal(demo_path).save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())

    async def scenario(pilot, screen: PlanScreen) -> None:
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Next tab")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert screen.query_one(TabbedContent).active == "verdict-tab"

    run(demo_path, scenario)


def test_dates_form_checks_input_and_adds_key_dates(demo_path: Path) -> None:
    Journal(demo_path).save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())

    async def scenario(pilot, screen: PlanScreen) -> None:
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        form.query_one("#employment_end").value = "2027-02-30"
        await pilot.click("#save")
        await settle(pilot)
        assert "no such day" in shown(form, "#form-error")
        assert stored(demo_path).employment_end is None
        form.query_one("#employment_end").value = "2027-03-31"
        await pilot.click("#save")
        await settle(pilot)
        assert pilot.app.screen is screen
        assert stored(demo_path).employment_end == dt.date(2027, 3, 31)
        assert "2027-06-30" in shown(screen, "#key-dates")  # about three months later

    run(demo_path, scenario)
