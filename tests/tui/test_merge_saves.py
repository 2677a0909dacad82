"""The app saving a form opened before someone else (the command line) changed the record.

Untouched fields take what is on disk; a field changed on both sides asks the user:
keep mine, take theirs, or cancel. Nothing anyone saved is ever silently undone.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Input, OptionList, SelectionList

from careercoach.cli import cli
from careercoach.journal import Journal
from careercoach.tui.screens.checkin import CheckinScreen
from careercoach.tui.screens.conflict import ConflictDialog
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.plan import PlanScreen
from careercoach.tui.screens.profile import ProfileScreen
from tests.reliability.parallel_writers import run_together
from tests.tui.conftest import TODAY, make_app, open_screen, ready, running, screen_is, workers_done


def shell(path: Path, *args: str) -> None:
    """A change made from the command line while the app is open."""
    result = CliRunner().invoke(cli, ["--journal", str(path), *args])
    assert result.exit_code == 0, result.output


async def open_edit_form(pilot) -> tuple[EntryForm, str]:
    screen = await open_screen(pilot, "j", JournalScreen)
    target = screen.selected()
    assert target is not None
    await pilot.press("e")
    form = await screen_is(pilot, EntryForm)
    return form, target.id


async def save_and_wait(pilot) -> None:
    await pilot.press("ctrl+s")
    await workers_done(pilot)


async def test_an_entry_saved_in_the_app_keeps_what_the_shell_changed(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        form, entry_id = await open_edit_form(pilot)
        before = Journal(demo_path).get(entry_id)
        shell(demo_path, "edit", entry_id, "--note", "from the shell", "--add-tag", "shell")
        form.query_one("#title", Input).value = "Renamed in the app"
        await save_and_wait(pilot)
        saved = Journal(demo_path).get(entry_id)
        assert saved.title == "Renamed in the app"
        assert saved.notes == "from the shell"
        assert saved.tags == (*before.tags, "shell")


async def test_six_shell_edits_during_one_app_edit_all_land(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        form, entry_id = await open_edit_form(pilot)
        before = Journal(demo_path).get(entry_id)
        tags = [f"shell{i}" for i in range(6)]
        results = run_together(
            demo_path, [["edit", entry_id, "--add-tag", t] for t in tags], fresh=True
        )
        assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
        form.query_one("#title", Input).value = "Renamed in the app"
        await save_and_wait(pilot)
        saved = Journal(demo_path).get(entry_id)
        assert saved.title == "Renamed in the app"
        assert sorted(saved.tags) == sorted([*before.tags, *tags])


@pytest.mark.parametrize(
    ("key", "title", "tags_saved"),
    [
        ("m", "title from the app", True),
        ("t", "title from the shell", True),
        ("escape", "title from the shell", False),
    ],
)
async def test_an_entry_title_changed_on_both_sides_asks(
    demo_path: Path, key: str, title: str, tags_saved: bool
) -> None:
    async with running(demo_path) as pilot:
        form, entry_id = await open_edit_form(pilot)
        before = Journal(demo_path).get(entry_id)
        shell(demo_path, "edit", entry_id, "--title", "title from the shell")
        form.query_one("#title", Input).value = "title from the app"
        form.query_one("#tags", Input).value = "from-the-app"
        await save_and_wait(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConflictDialog)
        assert [c.field for c in dialog.conflicts] == ["title"]
        await pilot.press(key)
        await workers_done(pilot)
        saved = Journal(demo_path).get(entry_id)
        assert saved.title == title
        assert saved.tags == (("from-the-app",) if tags_saved else before.tags)
        if key == "escape":  # back in the form, with what the user typed
            form = pilot.app.screen
            assert isinstance(form, EntryForm)
            assert form.query_one("#title", Input).value == "title from the app"
            assert form.query_one("#tags", Input).value == "from-the-app"
        else:
            assert isinstance(pilot.app.screen, JournalScreen)


async def test_the_profile_saved_in_the_app_keeps_what_the_shell_set(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        shell(demo_path, "profile", "set", "manager_name=Suzuki", "jlpt_level=N1")
        screen.query_one("#profile-name", Input).value = "Kim"
        await save_and_wait(pilot)
        saved = Journal(demo_path).profile()
        assert (saved.name, saved.manager_name, saved.jlpt_level) == ("Kim", "Suzuki", "N1")
        assert screen.query_one("#profile-manager_name", Input).value == "Suzuki"


async def test_seven_shell_profile_sets_during_one_app_save_all_land(demo_path: Path) -> None:
    pairs = [
        "company_type=foreign",
        "target_role=manager",
        "start_date=2020-04-01",
        "jlpt_level=N1",
        "next_evaluation=2027-03-31",
        "manager_name=Suzuki",
        "script_language=ja",
    ]
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        results = run_together(demo_path, [["profile", "set", p] for p in pairs], fresh=True)
        assert [r.returncode for r in results] == [0] * 7, [r.stderr for r in results]
        screen.query_one("#profile-name", Input).value = "Kim"
        await save_and_wait(pilot)
        saved = Journal(demo_path).profile().to_dict()
        assert saved["name"] == "Kim"
        assert {k: saved[k] for k, _ in (p.split("=") for p in pairs)} == dict(
            p.split("=") for p in pairs
        )


@pytest.mark.parametrize(
    ("key", "name", "form_value"),
    [
        ("m", "Kim", "Kim"),
        ("t", "Lee", "Lee"),
        ("escape", "Lee", "Kim"),
    ],
)
async def test_a_profile_field_changed_on_both_sides_asks(
    demo_path: Path, key: str, name: str, form_value: str
) -> None:
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "p", ProfileScreen)
        shell(demo_path, "profile", "set", "name=Lee")
        screen.query_one("#profile-name", Input).value = "Kim"
        screen.query_one("#profile-manager_name", Input).value = "Suzuki"
        await save_and_wait(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConflictDialog)
        assert [c.field for c in dialog.conflicts] == ["name"]
        await pilot.press(key)
        await workers_done(pilot)
        saved = Journal(demo_path).profile()
        assert saved.name == name
        assert saved.manager_name == ("Suzuki" if key != "escape" else "Sato")
        assert screen.query_one("#profile-name", Input).value == form_value


async def test_a_sign_answered_in_the_app_keeps_goals_the_shell_added(demo_path: Path) -> None:
    shell(demo_path, "plan", "start", "--start", "2026-10-01", "--end", "2027-03-31")
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "i", PlanScreen)
        goals = [f"goal from the shell {i}" for i in range(6)]
        results = run_together(demo_path, [["plan", "goal", "add", g] for g in goals], fresh=True)
        assert [r.returncode for r in results] == [0] * 6, [r.stderr for r in results]
        signs = screen.query_one("#sign-list", OptionList)
        signs.focus()
        signs.highlighted = 0
        await pilot.press("y")
        await workers_done(pilot)
        record = Journal(demo_path).plan()
        assert record is not None
        assert sorted(g["text"] for g in record["goals"]) == goals
        assert list(record["answers"].values()) == ["yes"]


@pytest.mark.parametrize(
    "size",
    [
        (100, 32),
        (80, 24),
    ],
)
def test_conflict_dialog_snapshot(snap_compare, demo_path: Path, size) -> None:
    async def run_before(pilot) -> None:
        await ready(pilot)
        screen = await open_screen(pilot, "p", ProfileScreen)
        shell(demo_path, "profile", "set", "name=Lee [b]from the shell[/]")
        screen.query_one("#profile-name", Input).value = "Kim $name {x}"
        await save_and_wait(pilot)

    assert snap_compare(make_app(demo_path), terminal_size=size, run_before=run_before)


# -- the weekly check-in against changes made from the shell while it is open ------------


def shell_id(path: Path, *args: str) -> str:
    """A change from the command line that prints an entry id (`add`)."""
    result = CliRunner().invoke(cli, ["--journal", str(path), *args])
    assert result.exit_code == 0, result.output
    return result.output.strip()


def add_checkin_entry(path: Path, title: str, subtype: str) -> str:
    day = TODAY.isoformat()  # inside the week the check-in opens on
    return shell_id(path, "add", "invisible", title, "--type", subtype, "-t", "checkin", "-d", day)


async def open_checkin(pilot) -> CheckinScreen:
    screen = await open_screen(pilot, "w", CheckinScreen)
    await workers_done(pilot)
    return screen


async def tick_one_other_box_and_save(pilot, screen: CheckinScreen) -> None:
    screen.query_one("#examples-japanese", SelectionList).select("at_work")
    await pilot.press("ctrl+s")
    await screen_is(pilot, DashboardScreen)
    await workers_done(pilot)


async def test_a_check_in_save_keeps_a_line_the_shell_retitled(demo_path: Path) -> None:
    entry_id = add_checkin_entry(demo_path, "Fixed the printer", "other")
    async with running(demo_path) as pilot:
        screen = await open_checkin(pilot)
        assert screen.query_one("#free-invisible", Input).value == "Fixed the printer"
        shell(demo_path, "edit", entry_id, "--title", "Fixed the printer and the scanner")
        await tick_one_other_box_and_save(pilot, screen)
    journal = Journal(demo_path)
    assert journal.get(entry_id).title == "Fixed the printer and the scanner"
    assert any(e.title.startswith("Used Japanese at work") for e in journal.entries())


async def test_a_check_in_save_does_not_bring_back_an_entry_the_shell_deleted(
    demo_path: Path,
) -> None:
    title = "Took and shared the meeting notes"
    entry_id = add_checkin_entry(demo_path, title, "meeting_notes")
    async with running(demo_path) as pilot:
        screen = await open_checkin(pilot)
        assert "meeting_notes" in screen.query_one("#examples-invisible", SelectionList).selected
        shell(demo_path, "delete", entry_id, "--yes")
        await tick_one_other_box_and_save(pilot, screen)
    journal = Journal(demo_path)
    assert [e for e in journal.entries() if e.title == title and "checkin" in e.tags] == []
    assert [d.entry.id for d in journal.trash()] == [entry_id]


async def test_a_check_in_save_keeps_an_entry_the_shell_added(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_checkin(pilot)
        entry_id = add_checkin_entry(
            demo_path, "Took and shared the meeting notes", "meeting_notes"
        )
        await tick_one_other_box_and_save(pilot, screen)
    journal = Journal(demo_path)
    assert journal.get(entry_id).title == "Took and shared the meeting notes"
    assert journal.trash() == []


@pytest.mark.parametrize(
    ("key", "title"),
    [("m", "Fixed the printer in the app"), ("t", "Fixed the printer in the shell")],
)
async def test_a_check_in_line_changed_on_both_sides_asks(
    demo_path: Path, key: str, title: str
) -> None:
    entry_id = add_checkin_entry(demo_path, "Fixed the printer", "other")
    async with running(demo_path) as pilot:
        screen = await open_checkin(pilot)
        shell(demo_path, "edit", entry_id, "--title", "Fixed the printer in the shell")
        screen.query_one("#free-invisible", Input).value = "Fixed the printer in the app"
        screen.query_one("#examples-japanese", SelectionList).select("at_work")
        await save_and_wait(pilot)
        dialog = pilot.app.screen
        assert isinstance(dialog, ConflictDialog)
        assert [c.field for c in dialog.conflicts] == ["invisible"]
        await pilot.press(key)
        await screen_is(pilot, DashboardScreen)
        await workers_done(pilot)
    journal = Journal(demo_path)
    assert journal.get(entry_id).title == title
    assert any(e.title.startswith("Used Japanese at work") for e in journal.entries())
