"""Improvement-plan screen: start a plan, answer signs, keep documents, see the verdict."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from textual.widgets import Button, OptionList, TabbedContent
from textual.widgets._footer import FooterKey

from careercoach import improvement_plan as ip
from careercoach.journal import Draft, Journal
from careercoach.tui.screens.plan import PlanScreen
from careercoach.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import TODAY, open_screen, run_command, running, settle, shown


def save_new_plan(path: Path) -> None:
    """A plan that started in October and runs to the end of March."""
    Journal(path).save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())


def stored(path: Path) -> ip.PlanRecord:
    record = Journal(path).plan()
    assert record is not None
    return ip.PlanRecord.from_dict(record)


async def test_without_a_plan_the_screen_explains_and_offers_to_start(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        assert screen.query_one("#plan-start").display
        assert not screen.query_one("#plan-tabs").display
        assert "Performance Improvement Plan" in shown(screen, "#plan-about")
        assert "not legal advice" in shown(screen, "#plan-notice")
        footer_keys = {key for key, b in pilot.app.active_bindings.items() if b.enabled}
        assert "y" not in footer_keys  # plan actions are hidden until a plan exists


def footer_keys(screen: PlanScreen) -> set[str]:
    """The keys the footer actually shows, enabled or not."""
    return {key.key for key in screen.query_one(KeyFooter).query(FooterKey) if not key.disabled}


async def test_the_footer_follows_the_tab_and_is_not_rebuilt_for_nothing(demo_path: Path) -> None:
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        tabs = screen.query_one("#plan-tabs", TabbedContent)
        tabs.active = "signs-tab"
        await settle(pilot)
        assert {"y", "n", "u"} <= footer_keys(screen) and "a" not in footer_keys(screen)
        tabs.active = "goals-tab"
        await settle(pilot)
        assert "a" in footer_keys(screen) and "y" not in footer_keys(screen)
        shown_keys = list(screen.query(FooterKey))
        screen.refresh_bindings()  # nothing changed: the same keys stay on screen
        await settle(pilot)
        assert list(screen.query(FooterKey)) == shown_keys


async def test_start_plan_with_dates_saves_it(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        screen.query_one("#start-date").value = "2026-11-01"
        screen.query_one("#end-date").value = "2027-01-31"
        await pilot.click("#start-plan")
        await settle(pilot)
        assert stored(demo_path).start == dt.date(2026, 11, 1)
        assert stored(demo_path).end == dt.date(2027, 1, 31)
        assert screen.query_one("#plan-tabs").display
        assert "not legal advice" in shown(screen, "#plan-notice")


async def test_end_before_start_is_refused_inline(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        screen.query_one("#start-date").value = "2026-12-01"
        screen.query_one("#end-date").value = "2026-11-01"
        await pilot.click("#start-plan")
        await settle(pilot)
        assert "must be after its start" in shown(screen, "#start-error")
        assert Journal(demo_path).plan() is None


async def test_answering_signs_changes_the_verdict(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
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


async def test_toggle_document_marks_it_kept_and_back(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
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


async def test_goals_added_met_and_not_recognised_raise_the_warning(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
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


async def test_key_dates_and_exit_options_are_shown(demo_path: Path) -> None:
    plan = ip.with_dates(
        ip.new_plan(dt.date(2026, 10, 1), dt.date(2026, 12, 31)),
        employment_end=dt.date(2027, 1, 31),
    )
    Journal(demo_path).save_plan(plan.to_dict())

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        dates = shown(screen, "#key-dates")
        for key_date in ip.key_dates(plan, TODAY):
            assert f"{key_date.date.isoformat()}  {key_date.title}" in dates
        assert "2027-04-30" in dates  # about three months after employment ends
        names = [str(panel.border_title) for panel in screen.query(".exit-option")]
        assert names == [option.name for option in screen.content.exit_options]


async def test_evidence_trail_shows_user_text_literally(demo_path: Path) -> None:
    nasty = ("[bold]x[/] $y {z}", "text [/ oops")
    journal = Journal(demo_path)
    journal.save_plan(ip.new_plan(dt.date(2026, 10, 1), dt.date(2027, 3, 31)).to_dict())
    journal.add_many([Draft(TODAY, "note", t, details={"type": "plan_instruction"}) for t in nasty])

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        evidence = shown(screen, "#evidence")
        for title in nasty:
            assert f"{TODAY.isoformat()}  Instruction: {title}" in evidence


async def test_plan_keys_are_in_the_command_palette(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        await run_command(pilot, "Next tab")
        assert screen.query_one(TabbedContent).active == "verdict-tab"


async def test_dates_form_checks_input_and_adds_key_dates(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        await pilot.press("e")
        await settle(pilot)
        form = pilot.app.screen
        form.query_one("#employment_end").value = "2027-02-30"
        form.query_one("#save", Button).press()
        await settle(pilot)
        assert "no such day" in shown(form, "#form-error")
        assert stored(demo_path).employment_end is None
        form.query_one("#employment_end").value = "2027-03-31"
        form.query_one("#save", Button).press()
        await settle(pilot)
        assert pilot.app.screen is screen
        assert stored(demo_path).employment_end == dt.date(2027, 3, 31)
        assert "2027-06-30" in shown(screen, "#key-dates")  # about three months later
