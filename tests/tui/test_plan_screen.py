"""Improvement-plan screen: start a plan, answer signs, keep documents, record meetings and
support, see the verdict."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, TabbedContent, TextArea

from careercoach import plan as ip
from careercoach.journal.api import Draft, Journal
from careercoach.journal.storage import JournalStorage
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.conflict import ConflictDialog
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.screens.plan import PlanScreen
from careercoach.tui.screens.plan_dialogs import GoalDialog, MeetingDialog, PlanDatesDialog
from careercoach.tui.screens.plan_tabs import SignsTab
from careercoach.tui.widgets.form import FormField
from careercoach.tui.widgets.key_footer import KeyFooter
from tests.tui.conftest import (
    TODAY,
    answer_prompt,
    open_screen,
    run_command,
    running,
    screen_is,
    shown,
    wait_until,
    workers_done,
    wrote,
)


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
    return {
        shown.binding.key for shown in screen.query_one(KeyFooter).shown_keys() if shown.enabled
    }


async def test_the_footer_follows_the_tab(demo_path: Path) -> None:
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        tabs = screen.query_one("#plan-tabs", TabbedContent)
        tabs.active = "signs-tab"
        await wait_until(pilot, lambda: {"y", "n", "u"} <= footer_keys(screen), "the signs' keys")
        assert {"y", "n", "u"} <= footer_keys(screen) and "a" not in footer_keys(screen)
        tabs.active = "goals-tab"
        await wait_until(pilot, lambda: "a" in footer_keys(screen), "the goals' keys")
        assert "a" in footer_keys(screen) and "y" not in footer_keys(screen)


async def test_start_plan_with_dates_saves_it(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        screen.query_one("#start-date").value = "2026-11-01"
        screen.query_one("#end-date").value = "2027-01-31"
        await pilot.click("#start-plan")
        await wait_until(pilot, lambda: Journal(demo_path).plan() is not None, "the plan saved")
        await workers_done(pilot)
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
        await wait_until(
            pilot, lambda: "must be after its start" in shown(screen, "#start-error"), "the error"
        )
        assert Journal(demo_path).plan() is None


async def test_answering_signs_changes_the_verdict(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        signs = screen.query_one("#sign-list", OptionList)
        signs.focus()
        before = shown(screen, "#verdict")
        findings = screen.query_one(SignsTab).findings
        red_flags = [i for i, f in enumerate(findings) if f.yes_means == "exit_risk"]
        for index in red_flags[:3]:
            signs.highlighted = index
            await pilot.press("y")
            await workers_done(pilot)  # the answer's save
        record = stored(demo_path)
        assert [record.answers[findings[i].id] for i in red_flags[:3]] == ["yes"] * 3
        after = shown(screen, "#verdict")
        assert after != before
        assert ip.assess_plan(record, TODAY).headline in after
        assert ip.assess_plan(record, TODAY).verdict == "exit"
        signs.highlighted = red_flags[0]
        await pilot.press("u")
        await workers_done(pilot)
        assert stored(demo_path).answers[findings[red_flags[0]].id] == "unsure"


async def test_toggle_document_marks_it_kept_and_back(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        screen.query_one(TabbedContent).active = "documents-tab"
        await workers_done(pilot)
        documents = screen.query_one("#document-list", OptionList)
        documents.focus()
        documents.highlighted = 1
        item = screen.content.documents[1]
        await pilot.press("x")
        await workers_done(pilot)
        assert stored(demo_path).documents_done == (item.id,)
        assert str(documents.get_option_at_index(1).prompt).startswith("[x] ")
        assert documents.border_title == f"Kept: 1 of {len(screen.content.documents)}"
        await pilot.press("x")
        await workers_done(pilot)
        assert stored(demo_path).documents_done == ()


async def test_goals_added_met_and_not_recognised_raise_the_warning(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        screen.query_one(TabbedContent).active = "goals-tab"
        await wait_until(pilot, lambda: "a" in footer_keys(screen), "the goals' keys")
        await pilot.press("a")
        await screen_is(pilot, GoalDialog)
        pilot.app.screen.query_one("#goal-text").value = "Close 20 [b]tickets[/] a week"
        await pilot.click("#specific")
        await pilot.click("#save")
        await screen_is(pilot, PlanScreen)  # the goal's save done
        assert stored(demo_path).goals[0].text == "Close 20 [b]tickets[/] a week"
        goals = screen.query_one("#goal-list", OptionList)
        goals.focus()
        goals.highlighted = 0
        await pilot.press("m")  # open -> met today
        await pilot.press("v")  # unknown -> recognised
        await pilot.press("v")  # recognised -> not recognised
        await workers_done(pilot)
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
        form = await screen_is(pilot, PlanDatesDialog)
        form.query_one("#employment_end").value = "2027-02-30"
        form.query_one("#save", Button).press()
        await wait_until(pilot, lambda: "no such day" in shown(form, "#form-error"), "the error")
        assert stored(demo_path).employment_end is None
        form.query_one("#employment_end").value = "2027-03-31"
        form.query_one("#save", Button).press()
        await screen_is(pilot, PlanScreen)
        assert pilot.app.screen is screen
        assert stored(demo_path).employment_end == dt.date(2027, 3, 31)
        assert "2027-06-30" in shown(screen, "#key-dates")  # about three months later


async def open_tab(pilot: Pilot, tab: str) -> PlanScreen:
    """The plan screen (over the plan on disk) showing one of its tabs."""
    screen = await open_screen(pilot, "i", PlanScreen)
    tabs = screen.query_one(TabbedContent)
    tabs.active = tab
    await wait_until(pilot, lambda: tabs.active == tab, tab)
    await workers_done(pilot)
    return screen


async def fill_meeting(pilot: Pilot, date: str, note: str) -> MeetingDialog:
    """Open the meeting form with c, fill it in and press ctrl+s; return the form."""
    await pilot.press("c")
    form = await screen_is(pilot, MeetingDialog)
    assert form.query_one("#meeting-date", Input).value == TODAY.isoformat()
    form.query_one("#meeting-date", Input).value = date
    form.query_one("#meeting-note", TextArea).text = note
    await pilot.press("ctrl+s")
    await wait_until(
        pilot,
        lambda: pilot.app.screen is not form or "Nothing saved" in shown(form, "#form-error"),
        "the meeting saved or refused",
    )
    await workers_done(pilot)
    return form


def meetings_shown(screen: PlanScreen) -> str:
    """The meeting list's rows as plain text, one per line."""
    meetings = screen.query_one("#meetings", OptionList)
    return "\n".join(
        str(meetings.get_option_at_index(i).prompt) for i in range(meetings.option_count)
    )


def stored_notes(path: Path) -> list[dict]:
    """The journal's entries as they are in the file itself."""
    return list(json.loads(path.read_text(encoding="utf-8"))["entries"].values())


async def test_a_meeting_is_saved_with_its_journal_note_in_one_write(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_new_plan(demo_path)
    entries_before = len(stored_notes(demo_path))
    writes: list[int] = []
    original = JournalStorage.write
    monkeypatch.setattr(
        JournalStorage, "write", lambda self, data: (writes.append(1), original(self, data))[1]
    )

    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "dates-tab")
        await fill_meeting(pilot, "2026-11-18", "Agreed weekly 1:1s with my manager")
        assert pilot.app.screen is screen
        assert screen.query_one(TabbedContent).active == "dates-tab"
        assert "2026-11-18  Agreed weekly 1:1s with my manager" in meetings_shown(screen)
        trail = "2026-11-18  Meeting: Plan check-in: Agreed weekly 1:1s with my manager"
        assert trail in shown(screen, "#evidence")

    assert len(writes) == 1
    assert stored(demo_path).meetings == (
        ip.Meeting(dt.date(2026, 11, 18), "Agreed weekly 1:1s with my manager"),
    )
    notes = stored_notes(demo_path)
    assert len(notes) == entries_before + 1
    [note] = [n for n in notes if n["details"].get("type") == "plan_meeting"]
    assert note["date"] == "2026-11-18"
    assert note["title"] == "Plan check-in: Agreed weekly 1:1s with my manager"
    assert note["tags"] == ["pip"]


@pytest.mark.parametrize(
    ("date", "note", "field", "message"),
    [
        ("2026-02-30", "Reviewed the numbers", "date", "no such day in the calendar"),
        ("next week", "Reviewed the numbers", "date", "bad date 'next week'"),
        ("1850-01-01", "Reviewed the numbers", "date", "out of range"),
        ("today", "   \n  ", "note", "the note is empty"),
        ("today", "x" * 5_001, "note", "at most 5000"),
    ],
)
async def test_a_bad_meeting_is_refused_under_its_field_and_nothing_is_written(
    demo_path: Path, date: str, note: str, field: str, message: str
) -> None:
    save_new_plan(demo_path)
    before = demo_path.read_bytes()

    async with running(demo_path) as pilot:
        await open_tab(pilot, "dates-tab")
        form = await fill_meeting(pilot, date, note)
        assert pilot.app.screen is form
        problem = form.query_one(f"#field-{field}", FormField)
        assert problem.has_class("-invalid")
        assert message in shown(problem, ".field-error")
        other = {"date": "note", "note": "date"}[field]
        assert not form.query_one(f"#field-{other}", FormField).has_class("-invalid")
        assert "Nothing saved" in shown(form, "#form-error")

    assert demo_path.read_bytes() == before


async def test_a_markup_like_meeting_note_shows_literally(demo_path: Path) -> None:
    save_new_plan(demo_path)
    note = "[bold]x[/] $y {z}\ntext [/ oops"

    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "dates-tab")
        await fill_meeting(pilot, "today", note)
        meetings = meetings_shown(screen)
        assert f"{TODAY.isoformat()}  [bold]x[/] $y {{z}}\n            text [/ oops" in meetings
        trail = f"{TODAY.isoformat()}  Meeting: Plan check-in: [bold]x[/] $y {{z}}"
        assert trail in shown(screen, "#evidence")

    assert stored(demo_path).meetings[0].note == note
    [entry] = [e for e in Journal(demo_path).entries() if e.subtype == "plan_meeting"]
    assert (entry.title, entry.notes) == ("Plan check-in: [bold]x[/] $y {z}", note)


async def test_support_toggles_are_saved_at_once(demo_path: Path) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "goals-tab")
        support = screen.query_one("#support-list", OptionList)
        support.highlighted = 2
        await pilot.press("s")
        await workers_done(pilot)
        assert Journal(demo_path).plan()["support"]["language_support"] is True
        assert stored(demo_path).support.offered() == ("language_support",)
        assert str(support.get_option_at_index(2).prompt) == "[x] Language support offered"
        assert screen.focused is support
        await pilot.press("down", "enter")  # Enter on an item toggles it too
        await workers_done(pilot)
        assert stored(demo_path).support.offered() == ("language_support", "transfer_discussed")
        await pilot.press("up", "s")
        await workers_done(pilot)
        assert stored(demo_path).support.offered() == ("transfer_discussed",)
        findings = {f.id: f for f in screen.query_one(SignsTab).findings}
        assert findings["transfer_discussed"].inferred  # the signs follow the record at once
        assert not findings["support_offered"].inferred


async def test_a_failed_support_save_is_reported_and_the_disk_shown(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_new_plan(demo_path)

    def full_disk(self, *args, **kwargs) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Journal, "change_plan_and_notes", full_disk)
    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "goals-tab")
        await pilot.press("s")
        dialog = await screen_is(pilot, ErrorDialog)
        assert "The plan was not saved: No space left on device" in str(
            dialog.query_one("#error-message").render()
        )
        await pilot.press("escape")
        await screen_is(pilot, PlanScreen)
        prompt = screen.query_one("#support-list", OptionList).get_option_at_index(0).prompt
        assert str(prompt) == "[ ] Training or reskilling offered"  # what is really on disk
    assert stored(demo_path).support.offered() == ()


async def test_a_step_queued_behind_a_failing_meeting_save_is_saved_on_the_disk_record(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The meeting's save fails (disk full) while the user already toggles support. The
    toggle is a step of its own, applied to the record on disk, so it is saved; the
    meeting is reported with its text to enter again, and never saved without its note."""
    save_new_plan(demo_path)
    release = threading.Event()
    original = Journal.change_plan_and_notes

    def meeting_hits_a_full_disk(self, change, drafts=(), replace=None):
        if drafts:
            release.wait(5)
            raise OSError(28, "No space left on device")
        return original(self, change, drafts, replace)

    monkeypatch.setattr(Journal, "change_plan_and_notes", meeting_hits_a_full_disk)
    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "dates-tab")
        await pilot.press("c")
        form = await screen_is(pilot, MeetingDialog)
        form.query_one("#meeting-note", TextArea).text = "Agreed weekly 1:1s"
        await pilot.press("ctrl+s")
        # the form closes at once; its save is held at the disk (no waiting for workers)
        await wait_until(pilot, lambda: pilot.app.screen is screen, "the form to close")
        tabs = screen.query_one(TabbedContent)
        tabs.active = "goals-tab"
        await wait_until(pilot, lambda: "s" in footer_keys(screen), "the goals' keys")
        await pilot.press("s")  # queued behind the meeting's save
        release.set()
        dialog = await screen_is(pilot, ErrorDialog)
        message = str(dialog.query_one("#error-message").render())
        assert "No space left on device" in message
        assert "Not saved, to enter again:" in message and "Agreed weekly 1:1s" in message
        await pilot.press("escape")
        await screen_is(pilot, PlanScreen)
        assert screen.plan is not None and screen.plan.meetings == ()  # the disk, re-read
        assert screen.plan.support.offered() == ("training",)
    record = stored(demo_path)
    assert record.meetings == () and record.support.offered() == ("training",)
    assert not [n for n in stored_notes(demo_path) if n["details"].get("type") == "plan_meeting"]


@pytest.mark.parametrize(
    ("tab", "key", "command"),
    [
        ("dates-tab", "c", "Add meeting"),
        ("goals-tab", "s", "Toggle support"),
    ],
)
async def test_meeting_and_support_keys_show_on_their_tab_and_in_the_palette(
    demo_path: Path, tab: str, key: str, command: str
) -> None:
    save_new_plan(demo_path)

    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "signs-tab")
        assert key not in footer_keys(screen)
        screen.query_one(TabbedContent).active = tab
        await wait_until(pilot, lambda: key in footer_keys(screen), f"{key} in the footer")
        assert key in footer_keys(screen)
        await run_command(pilot, command)
        if key == "c":
            assert isinstance(pilot.app.screen, MeetingDialog)
        else:
            assert stored(demo_path).support.training


async def test_while_a_plan_runs_the_dashboard_and_scripts_say_it_is_not_the_moment(
    demo_path: Path,
) -> None:
    from careercoach.tui.screens.scripts import ScriptsScreen

    save_new_plan(demo_path)  # runs 2026-10-01 to 2027-03-31; today is 2026-11-20
    async with running(demo_path) as pilot:
        timing = shown(pilot.app.screen, "#timing-panel")
        assert timing.splitlines()[0] == "Not now: an improvement plan is running"
        assert "The plan's next key date: 2027-03-31, Plan ends." in timing
        scripts = await open_screen(pilot, "t", ScriptsScreen)
        notice = shown(scripts, "#script-timing")  # above the draft, never copied with it
        assert notice.startswith("Not now: an improvement plan is running.")
        assert "ask once it has ended well" in notice
        assert "improvement plan" not in shown(scripts, "#script-text")


def cli(path: Path, *args: str) -> None:
    from click.testing import CliRunner

    from careercoach.cli import cli as command

    result = CliRunner(env={"CAREERCOACH_TODAY": TODAY.isoformat()}).invoke(
        command, ["--journal", str(path), *args]
    )
    assert result.exit_code == 0, result.output


def plan_entries(path: Path) -> list[tuple]:
    """The plan and its notes as the journal holds them, without ids and timestamps."""
    notes = sorted(
        (e.date, e.title, e.notes, e.tags, e.subtype)
        for e in Journal(path).entries()
        if e.subtype in ("plan_meeting", "plan_goal_met")
    )
    return [Journal(path).plan(), notes]


async def test_editing_and_deleting_a_meeting_in_the_app_matches_the_cli(
    tmp_path: Path, demo_path: Path
) -> None:
    """The app and the command line save the same step: they leave identical records."""
    twin = tmp_path / "twin.json"
    twin.write_bytes(demo_path.read_bytes())
    for path in (demo_path, twin):
        save_new_plan(path)
        cli(path, "plan", "meeting", "--date", "2026-11-10", "Agreed weekly 1:1s")
        cli(path, "plan", "meeting", "--date", "2026-11-17", "Reviewed the numbers")
    cli(twin, "plan", "meeting", "edit", "1", "--note", "Agreed fortnightly 1:1s")

    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "dates-tab")
        meetings = screen.query_one("#meetings", OptionList)
        assert screen.focused is meetings
        meetings.highlighted = 0
        await pilot.press("o")
        form = await screen_is(pilot, MeetingDialog)
        assert form.query_one("#meeting-note", TextArea).text == "Agreed weekly 1:1s"
        form.query_one("#meeting-note", TextArea).text = "Agreed fortnightly 1:1s"
        await pilot.press("ctrl+s")
        await screen_is(pilot, PlanScreen)
        assert "2026-11-10  Agreed fortnightly 1:1s" in meetings_shown(screen)
        assert "Plan check-in: Agreed fortnightly 1:1s" in shown(screen, "#evidence")
        assert plan_entries(demo_path) == plan_entries(twin)

        cli(twin, "plan", "meeting", "delete", "2")
        meetings.highlighted = 1
        await pilot.press("delete")
        await screen_is(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await screen_is(pilot, PlanScreen)
        assert "Reviewed the numbers" not in meetings_shown(screen)
        assert "Reviewed the numbers" not in shown(screen, "#evidence")
    assert plan_entries(demo_path) == plan_entries(twin)
    assert len(stored(demo_path).meetings) == 1


async def test_goals_edited_met_and_deleted_in_the_app_match_the_cli(
    tmp_path: Path, demo_path: Path
) -> None:
    twin = tmp_path / "twin.json"
    twin.write_bytes(demo_path.read_bytes())
    for path in (demo_path, twin):
        save_new_plan(path)
        cli(path, "plan", "goal", "add", "Close 20 tickets a week", "--specific")
        cli(path, "plan", "goal", "add", "Write the handbook")
    cli(twin, "plan", "goal", "edit", "1", "--text", "Close 25 tickets a week", "--measurable")
    cli(twin, "plan", "goal", "met", "1")

    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "goals-tab")
        goals = screen.query_one("#goal-list", OptionList)
        goals.highlighted = 0
        await pilot.press("o")
        form = await screen_is(pilot, GoalDialog)
        assert form.query_one("#goal-text", Input).value == "Close 20 tickets a week"
        form.query_one("#goal-text", Input).value = "Close 25 tickets a week"
        await pilot.click("#measurable")
        await pilot.click("#save")
        await screen_is(pilot, PlanScreen)
        await pilot.press("m")  # open -> met today: its journal note, as the CLI logs it
        await workers_done(pilot)
        assert plan_entries(demo_path) == plan_entries(twin)
        assert "Goal met: Plan goal 1 met: Close 25 tickets a week" in shown(screen, "#evidence")

        cli(twin, "plan", "goal", "delete", "1")
        goals.highlighted = 0
        await pilot.press("delete")
        await screen_is(pilot, ConfirmDialog)
        assert "goal met" in shown(pilot.app.screen, "#question")
        await pilot.click("#yes")
        await screen_is(pilot, PlanScreen)
        assert "Plan goal 1 met" not in shown(screen, "#evidence")
    assert plan_entries(demo_path) == plan_entries(twin)
    assert [g.text for g in stored(demo_path).goals] == ["Write the handbook"]


async def test_next_tab_pressed_quickly_ends_on_the_tab_it_counted_to(demo_path: Path) -> None:
    """Each tab focuses its content when it opens; a tab passed on the way must not, or
    focusing it would switch back to it."""
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "signs-tab")
        for _ in range(4):  # faster than the tabs' messages, as keys held down are
            screen.action_next_tab()
        await wait_until(pilot, lambda: "c" in footer_keys(screen), "the dates tab's keys")
        await workers_done(pilot)
        assert screen.query_one(TabbedContent).active == "dates-tab"
        assert screen.focused is screen.query_one("#meetings", OptionList)
        assert "c" in footer_keys(screen)


async def test_each_tab_opens_at_its_top_with_its_keys_widget_in_view(demo_path: Path) -> None:
    """At the smallest size, each tab opens unscrolled with the widget its keys act on
    focused and entirely in view. Textual's own scroll on focus measured the tab before
    it was shown and scrolled the dates tab by a different amount from run to run."""
    save_new_plan(demo_path)
    async with running(demo_path, size=(80, 24)) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        tabs = screen.query_one(TabbedContent)
        for tab in ("verdict-tab", "goals-tab", "documents-tab", "dates-tab", "exit-tab"):
            await pilot.press("right_square_bracket")
            await wait_until(pilot, lambda tab=tab: tabs.active == tab, tab)
            await workers_done(pilot)
            focused = screen.focused
            assert focused is not None and tab in [a.id for a in focused.ancestors], tab
            assert screen.can_view_entire(focused), tab
            scrolled = [w for w in focused.ancestors_with_self if getattr(w, "scroll_y", 0)]
            assert not scrolled, (tab, scrolled)


async def test_help_lists_every_plan_key_with_its_tab(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        sections = dict(pilot.app.help_sections())
        rows = sections["Improvement plan"]
    assert ("y", "Yes (Signs)") in rows
    assert ("o", "Edit (Goals)") in rows and ("o", "Edit (Dates)") in rows
    assert ("c", "Add meeting (Dates)") in rows and ("e", "Plan dates") in rows


async def test_exit_options_tab_shows_the_law_and_the_duties_after_leaving(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "exit-tab")
        assert "(Labor Contract Act Art. 16)" in shown(screen, "#dismissal-law")
        assert "you may say no" in shown(screen, "#dismissal-law")
        business = screen.query_one("#business-dismissal")
        assert str(business.border_title) == "Dismissal for business reasons (整理解雇)"
        assert "4. A fair process" in shown(screen, "#business-dismissal")
        assert "(Immigration Control Act Art. 19-16)" in shown(screen, "#after-leaving")
        assert "総合労働相談コーナー" in shown(screen, "#negotiation")


async def test_the_restructuring_sign_shows_the_four_elements_of_a_business_dismissal(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    async with running(demo_path, size=(80, 24)) as pilot:
        screen = await open_tab(pilot, "signs-tab")
        signs = screen.query_one("#sign-list", OptionList)
        ids = [f.id for f in screen.query_one(SignsTab).findings]
        signs.highlighted = ids.index("restructuring")
        await wait_until(
            pilot,
            lambda: "one for business reasons (整理解雇)" in shown(screen, "#sign-detail"),
            "the restructuring sign's details",
        )
        law = screen.query_one("#sign-law")
        await wait_until(pilot, lambda: law.display, "the law under the sign")
        text = " ".join(shown(screen, "#sign-law").split())
        assert text.startswith("Dismissal for business reasons (整理解雇) 1. A real need")
        for n, element in enumerate(screen.content.business_dismissal.requirements, start=1):
            assert f"{n}. {element.title}." in text
        await pilot.pause()
        top, rows = signs.scroll_offset.y, signs.scrollable_content_region.height
        assert top <= ids.index("restructuring") < top + rows  # the sign itself stays in view
        signs.highlighted = ids.index("isolated")
        await wait_until(pilot, lambda: not law.display, "the law hidden for another sign")


@pytest.mark.parametrize(
    ("command", "fmt", "with_plan"),
    [
        ("Export promotion packet…", "md", False),
        ("Export promotion packet with plan evidence", "md", True),
        ("Export CSV…", "csv", False),
        ("Export CSV with plan evidence", "csv", True),
    ],
)
async def test_the_apps_export_leaves_plan_evidence_out_unless_chosen(
    demo_path: Path, tmp_path: Path, command: str, fmt: str, with_plan: bool
) -> None:
    save_new_plan(demo_path)
    cli(demo_path, "plan", "meeting", "--date", "2026-11-10", "Agreed weekly 1:1s")
    target = tmp_path / f"out.{fmt}"
    async with running(demo_path) as pilot:
        await run_command(pilot, command)
        await answer_prompt(pilot, str(target))
        await wait_until(pilot, lambda: wrote(pilot) == 1, "the export written")
    text = target.read_text(encoding="utf-8-sig")
    assert ("Plan check-in: Agreed weekly 1:1s" in text) is with_plan


async def test_the_verdict_tab_says_recorded_support_overrules_short_with_no_help(
    demo_path: Path,
) -> None:
    plan = ip.new_plan(TODAY - dt.timedelta(days=20), TODAY + dt.timedelta(days=40))
    plan = ip.answer_sign(ip.set_support(plan, training=True), "short_no_support", "yes")
    Journal(demo_path).save_plan(plan.to_dict())
    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "verdict-tab")
        verdict = " ".join(shown(screen, "#verdict").split())
        assert "Red flag: Short timeline" not in verdict
        assert "Not a red flag: Short timeline, no help (from your record: your record" in verdict
        assert "you answered yes, but the record counts" in verdict


async def test_the_dates_tab_marks_a_meeting_whose_journal_note_was_deleted(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    cli(demo_path, "plan", "meeting", "--date", "2026-11-10", "Agreed weekly 1:1s")
    cli(demo_path, "plan", "meeting", "--date", "2026-11-17", "Reviewed the numbers")
    [gone] = [e for e in Journal(demo_path).entries() if e.title.endswith("weekly 1:1s")]
    cli(demo_path, "delete", gone.id, "--yes")
    async with running(demo_path) as pilot:
        screen = await open_tab(pilot, "dates-tab")
        rows = meetings_shown(screen).splitlines()
    indent = " " * len("YYYY-MM-DD  ")
    assert rows[:3] == [
        "2026-11-10  Agreed weekly 1:1s",
        f"{indent}its journal note is gone: del removes the meeting too",
        "2026-11-17  Reviewed the numbers",
    ]


# -- saves from a form opened earlier: only what the user changed, merged with the disk --


async def open_goal_form(pilot: Pilot, number: int) -> tuple[PlanScreen, GoalDialog]:
    screen = await open_tab(pilot, "goals-tab")
    screen.query_one("#goal-list", OptionList).highlighted = number - 1
    await pilot.press("o")
    return screen, await screen_is(pilot, GoalDialog)


async def test_goal_flags_set_in_the_shell_survive_a_goal_text_edit_in_the_app(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    cli(demo_path, "plan", "goal", "add", "Close tickets")
    async with running(demo_path) as pilot:
        screen, form = await open_goal_form(pilot, 1)
        cli(demo_path, "plan", "goal", "edit", "1", "--agreed", "--measurable")
        form.query_one("#goal-text", Input).value = "Close 20 tickets a week"
        await pilot.click("#save")
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
        assert "agreed" in str(
            screen.query_one("#goal-list", OptionList).get_option_at_index(0).prompt
        )
    goal = stored(demo_path).goal(1)
    assert goal.text == "Close 20 tickets a week"
    assert goal.agreed and goal.measurable


async def open_meeting_form(pilot: Pilot, number: int) -> tuple[PlanScreen, MeetingDialog]:
    screen = await open_tab(pilot, "dates-tab")
    screen.query_one("#meetings", OptionList).highlighted = number - 1
    await pilot.press("o")
    return screen, await screen_is(pilot, MeetingDialog)


async def test_a_meeting_note_edited_in_the_shell_survives_a_date_change_in_the_app(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    cli(demo_path, "plan", "meeting", "--date", "2026-11-10", "first talk")
    async with running(demo_path) as pilot:
        _, form = await open_meeting_form(pilot, 1)
        cli(demo_path, "plan", "meeting", "edit", "1", "--note", "first talk: weekly 1:1s agreed")
        form.query_one("#meeting-date", Input).value = "2026-11-11"
        await pilot.press("ctrl+s")
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
    assert stored(demo_path).meetings == (
        ip.Meeting(dt.date(2026, 11, 11), "first talk: weekly 1:1s agreed"),
    )
    notes = [e for e in Journal(demo_path).entries() if e.subtype == "plan_meeting"]
    assert [(e.date, e.title) for e in notes] == [
        (dt.date(2026, 11, 11), "Plan check-in: first talk: weekly 1:1s agreed")
    ]


async def open_dates_form(pilot: Pilot) -> tuple[PlanScreen, PlanDatesDialog]:
    screen = await open_screen(pilot, "i", PlanScreen)
    await workers_done(pilot)
    await pilot.press("e")
    return screen, await screen_is(pilot, PlanDatesDialog)


async def test_an_offer_date_set_in_the_shell_survives_an_end_date_change_in_the_app(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        _, form = await open_dates_form(pilot)
        cli(demo_path, "plan", "dates", "--offer", "2026-11-15")
        form.query_one("#end", Input).value = "2027-04-30"
        await pilot.click("#save")
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
    plan = stored(demo_path)
    assert (plan.end, plan.offer_date) == (dt.date(2027, 4, 30), dt.date(2026, 11, 15))


async def conflicting_end_dates(pilot: Pilot, path: Path) -> None:
    """The shell and the app's dates form both move the plan end, differently."""
    _, form = await open_dates_form(pilot)
    cli(path, "plan", "dates", "--end", "2027-05-31", "--offer", "2026-11-15")
    form.query_one("#end", Input).value = "2027-04-30"
    await pilot.click("#save")
    dialog = await screen_is(pilot, ConflictDialog)
    assert "2027-04-30" in shown(dialog, ".conflict") and "2027-05-31" in shown(dialog, ".conflict")


@pytest.mark.parametrize(("key", "end"), [("m", dt.date(2027, 4, 30)), ("t", dt.date(2027, 5, 31))])
async def test_a_date_changed_in_both_places_is_the_users_to_settle(
    demo_path: Path, key: str, end: dt.date
) -> None:
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        await conflicting_end_dates(pilot, demo_path)
        await pilot.press(key)
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
        assert end.isoformat() in shown(pilot.app.screen, "#key-dates")
    plan = stored(demo_path)
    assert (plan.end, plan.offer_date) == (end, dt.date(2026, 11, 15))


async def test_cancelling_a_conflict_brings_the_form_back_as_typed_and_saves_nothing(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    async with running(demo_path) as pilot:
        await conflicting_end_dates(pilot, demo_path)
        before = demo_path.read_bytes()
        await pilot.press("escape")
        form = await screen_is(pilot, PlanDatesDialog)
        assert form.query_one("#end", Input).value == "2027-04-30"
        assert form.query_one("#start", Input).value == "2026-10-01"
        await workers_done(pilot)
        assert demo_path.read_bytes() == before


async def test_a_meeting_note_changed_in_both_places_is_the_users_to_settle(
    demo_path: Path,
) -> None:
    save_new_plan(demo_path)
    cli(demo_path, "plan", "meeting", "--date", "2026-11-10", "first talk")
    async with running(demo_path) as pilot:
        _, form = await open_meeting_form(pilot, 1)
        cli(demo_path, "plan", "meeting", "edit", "1", "--note", "theirs")
        form.query_one("#meeting-note", TextArea).text = "mine"
        form.query_one("#meeting-date", Input).value = "2026-11-12"
        await pilot.press("ctrl+s")
        await screen_is(pilot, ConflictDialog)
        await pilot.press("m")
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
    assert stored(demo_path).meetings == (ip.Meeting(dt.date(2026, 11, 12), "mine"),)
    notes = [e.title for e in Journal(demo_path).entries() if e.subtype == "plan_meeting"]
    assert notes == ["Plan check-in: mine"]


# -- the app acts on the goal or meeting it showed, or on nothing ------------------------


async def goals_moved_under(pilot: Pilot, path: Path) -> PlanScreen:
    """The app shows goals A and B with B highlighted; then the shell deletes A and adds
    C, so number 2 is now C."""
    screen = await open_tab(pilot, "goals-tab")
    screen.query_one("#goal-list", OptionList).highlighted = 1
    cli(path, "plan", "goal", "delete", "1")
    cli(path, "plan", "goal", "add", "Goal C")
    return screen


def goals_and_b_c(path: Path) -> None:
    save_new_plan(path)
    cli(path, "plan", "goal", "add", "Goal A")
    cli(path, "plan", "goal", "add", "Goal B")


async def refused_and_reread(pilot: Pilot, screen: PlanScreen, before: bytes, path: Path) -> None:
    await workers_done(pilot)
    await wait_until(pilot, lambda: "Goal C" in goals_shown(screen), "the plan read again")
    assert "changed elsewhere" in shown(screen, "#plan-message")
    assert path.read_bytes() == before


def goals_shown(screen: PlanScreen) -> str:
    goals = screen.query_one("#goal-list", OptionList)
    return "\n".join(str(goals.get_option_at_index(i).prompt) for i in range(goals.option_count))


@pytest.mark.parametrize("key", ["m", "v"])
async def test_a_goal_status_key_on_a_goal_that_moved_is_refused(demo_path: Path, key: str) -> None:
    goals_and_b_c(demo_path)
    if key == "v":
        cli(demo_path, "plan", "goal", "met", "2")
    async with running(demo_path) as pilot:
        screen = await goals_moved_under(pilot, demo_path)
        before = demo_path.read_bytes()
        await pilot.press(key)
        await refused_and_reread(pilot, screen, before, demo_path)
        assert 'goal 2 is no longer "Goal B"' in shown(screen, "#plan-message")
    statuses = {g.text: g.status for g in stored(demo_path).goals}
    assert statuses["Goal C"] == "open"
    assert not [e for e in Journal(demo_path).entries() if "Goal C" in e.title]


async def test_deleting_a_goal_that_moved_is_refused(demo_path: Path) -> None:
    goals_and_b_c(demo_path)
    async with running(demo_path) as pilot:
        screen = await goals_moved_under(pilot, demo_path)
        before = demo_path.read_bytes()
        await pilot.press("delete")
        await screen_is(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await screen_is(pilot, PlanScreen)
        await refused_and_reread(pilot, screen, before, demo_path)
    assert [g.text for g in stored(demo_path).goals] == ["Goal B", "Goal C"]


async def test_editing_a_goal_that_moved_is_refused_and_the_typed_text_offered(
    demo_path: Path,
) -> None:
    goals_and_b_c(demo_path)
    async with running(demo_path) as pilot:
        screen, form = await open_goal_form(pilot, 2)
        cli(demo_path, "plan", "goal", "delete", "1")
        cli(demo_path, "plan", "goal", "add", "Goal C")
        before = demo_path.read_bytes()
        form.query_one("#goal-text", Input).value = "Goal B, reworded"
        await pilot.click("#save")
        await screen_is(pilot, PlanScreen)
        await refused_and_reread(pilot, screen, before, demo_path)
        assert "Goal B, reworded" in shown(screen, "#plan-message")
    assert [g.text for g in stored(demo_path).goals] == ["Goal B", "Goal C"]


async def meetings_moved_under(pilot: Pilot, path: Path) -> PlanScreen:
    """The app shows two meetings with the second highlighted; the shell deletes the
    first and adds a later one, so number 2 is now the new one."""
    save_new_plan(path)
    cli(path, "plan", "meeting", "--date", "2026-11-10", "first talk")
    cli(path, "plan", "meeting", "--date", "2026-11-17", "second talk")
    screen = await open_tab(pilot, "dates-tab")
    screen.query_one("#meetings", OptionList).highlighted = 1
    cli(path, "plan", "meeting", "delete", "1")
    cli(path, "plan", "meeting", "--date", "2026-11-24", "third talk")
    return screen


async def test_deleting_a_meeting_that_moved_is_refused(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await meetings_moved_under(pilot, demo_path)
        before = demo_path.read_bytes()
        await pilot.press("delete")
        await screen_is(pilot, ConfirmDialog)
        await pilot.click("#yes")
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
        await wait_until(pilot, lambda: "third talk" in meetings_shown(screen), "read again")
        assert "meeting 2 is no longer the one of 2026-11-17" in shown(screen, "#plan-message")
        assert demo_path.read_bytes() == before
    assert [m.note for m in stored(demo_path).meetings] == ["second talk", "third talk"]


async def test_editing_a_meeting_that_moved_is_refused(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await meetings_moved_under(pilot, demo_path)
        await pilot.press("o")
        form = await screen_is(pilot, MeetingDialog)
        assert form.query_one("#meeting-note", TextArea).text == "second talk"
        before = demo_path.read_bytes()
        form.query_one("#meeting-note", TextArea).text = "second talk, notes added"
        await pilot.press("ctrl+s")
        await screen_is(pilot, PlanScreen)
        await workers_done(pilot)
        await wait_until(pilot, lambda: "third talk" in meetings_shown(screen), "read again")
        assert "changed elsewhere" in shown(screen, "#plan-message")
        assert demo_path.read_bytes() == before
    assert [m.note for m in stored(demo_path).meetings] == ["second talk", "third talk"]
