"""Backups from the TUI: restore (palette and damaged-journal dialog), export, import."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, OptionList

from careercoach.exchange.transfer import export_to_path, render_export
from careercoach.journal.api import Draft
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.error import ErrorDialog
from careercoach.tui.screens.help import HelpScreen
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.screens.restore import RestoreDialog
from tests.tui.conftest import (
    TODAY,
    answer_prompt,
    notifications,
    open_journal,
    open_screen,
    ready,
    run_command,
    running,
    screen_is,
    screen_text,
    wait_until,
    wrote,
)


def entry_ids(path: Path) -> set[str]:
    return {entry.id for entry in open_journal(path).entries()}


# -- restore -------------------------------------------------------------------------


async def test_restore_from_the_palette_brings_back_a_deleted_entry(demo_path: Path) -> None:
    journal = open_journal(demo_path)
    gone = journal.entries()[0]
    journal.delete(gone.id)  # the version before the delete is backed up
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "j", JournalScreen)
        assert gone.id not in {e.id for e in screen.matched}
        await run_command(pilot, "Restore a backup")
        dialog = pilot.app.screen
        assert isinstance(dialog, RestoreDialog)
        newest = dialog.query_one("#backup-list", OptionList).get_option_at_index(0)
        assert f"{len(journal.entries()) + 1:,} entries" in str(newest.prompt)
        await pilot.press("enter")
        await screen_is(pilot, ConfirmDialog)
        await pilot.press("y")
        await screen_is(pilot, JournalScreen)
        assert pilot.app.screen is screen
        assert gone.id in entry_ids(demo_path)
        assert gone.id in {e.id for e in screen.matched}  # the screen was refreshed
        assert any(m.startswith("Restored ") for m in notifications(pilot))
    assert len(list(demo_path.parent.glob("journal.json.replaced-*"))) == 1


async def test_cancelling_the_restore_changes_nothing(demo_path: Path) -> None:
    journal = open_journal(demo_path)
    journal.delete(journal.entries()[0].id)
    before = demo_path.read_bytes()
    async with running(demo_path) as pilot:
        await run_command(pilot, "Restore a backup")
        await pilot.press("enter")
        await screen_is(pilot, ConfirmDialog)
        await pilot.press("n")
        await screen_is(pilot, DashboardScreen)
    assert demo_path.read_bytes() == before


async def test_a_damaged_journal_is_restored_from_the_start_up_dialog(demo_path: Path) -> None:
    journal = open_journal(demo_path)
    journal.add(Draft(TODAY, "note", "After the backup"))  # backs up the demo journal
    backed_up = len(journal.entries()) - 1
    demo_path.write_text('{"_meta": {"1": {"app": "careercoach", "schema": 1}}, "entr')
    async with running(demo_path) as pilot:
        assert isinstance(pilot.app.screen, ErrorDialog)
        assert "restore one now" in screen_text(pilot)
        await pilot.click("#restore")
        await screen_is(pilot, RestoreDialog)
        await pilot.press("escape")  # changed my mind: back to the same dialog
        await screen_is(pilot, ErrorDialog)
        await pilot.click("#restore")
        await screen_is(pilot, RestoreDialog)
        await pilot.press("enter", "y")
        await ready(pilot)
        assert pilot.app.started
        screen = await screen_is(pilot, DashboardScreen)
        assert screen.insight is not None and len(screen.insight.entries) == backed_up
    damaged = list(demo_path.parent.glob("journal.json.replaced-*"))
    assert [p.read_text() for p in damaged] == [
        '{"_meta": {"1": {"app": "careercoach", "schema": 1}}, "entr'
    ]


async def test_restore_and_the_exchange_commands_are_listed_in_help(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await pilot.press("question_mark")
        await screen_is(pilot, HelpScreen)
        text = str(pilot.app.screen.query_one("#help-text").render())
        for title in ("Restore a backup…", "Import backup…", "Export CSV…"):
            assert title in text


# -- export and import -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("command", "fmt"),
    [
        ("Export promotion packet", "md"),
        ("Export CSV", "csv"),
        ("Export backup", "json"),
    ],
)
async def test_export_writes_a_private_file_and_says_so(
    demo_path: Path, tmp_path: Path, command: str, fmt: str
) -> None:
    target = tmp_path / f"out.{fmt}"
    expected, count = render_export(open_journal(demo_path), fmt, as_of=TODAY)
    async with running(demo_path) as pilot:
        await run_command(pilot, command)
        await answer_prompt(pilot, str(target))
        assert f"Wrote {count} entries to {target}" in notifications(pilot)
    assert target.read_bytes() == expected
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


async def test_export_asks_before_replacing_a_file(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "packet.md"
    target.write_text("keep me")
    async with running(demo_path) as pilot:
        await run_command(pilot, "Export promotion packet")
        await answer_prompt(pilot, str(target))
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await screen_is(pilot, DashboardScreen)
        assert target.read_text() == "keep me"
        await run_command(pilot, "Export promotion packet")
        await answer_prompt(pilot, str(target))
        await pilot.press("y")
        await wait_until(pilot, lambda: wrote(pilot) == 1, "the packet written")
    assert target.read_text().startswith("#")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


async def test_import_adds_the_entries_and_refreshes(demo_path: Path, tmp_path: Path) -> None:
    other = open_journal(tmp_path / "other" / "journal.json")
    added = other.add_many([Draft(TODAY, "note", f"Imported [b]{i}[/]") for i in range(2)])
    backup = tmp_path / "backup.json"
    export_to_path(other, "json", backup, as_of=TODAY)
    async with running(demo_path) as pilot:
        screen = await open_screen(pilot, "j", JournalScreen)
        await run_command(pilot, "Import backup")
        await answer_prompt(pilot, str(backup))
        assert "2 added, 0 updated, 0 unchanged" in notifications(pilot)
        assert {e.id for e in added} <= {e.id for e in screen.matched}
        assert "Imported [b]0[/]" in screen_text(pilot)
    assert {e.id for e in added} <= entry_ids(demo_path)


async def test_an_imported_jlpt_pass_raises_the_profile_level(
    demo_path: Path, tmp_path: Path
) -> None:
    """As `careercoach import` and a pass logged in the app do (the demo holds N2)."""
    other = open_journal(tmp_path / "other" / "journal.json")
    details = {"type": "jlpt", "level": "N1", "passed": True}
    other.add(Draft(TODAY, "japanese", "JLPT N1", details=details))
    backup = tmp_path / "backup.json"
    export_to_path(other, "json", backup, as_of=TODAY)
    async with running(demo_path) as pilot:
        await run_command(pilot, "Import backup")
        await answer_prompt(pilot, str(backup))
        [told] = [n for n in notifications(pilot) if "added" in n]
        assert "Profile JLPT level: N2 -> N1" in told
    assert open_journal(demo_path).profile().jlpt_level == "N1"


async def test_importing_a_bad_file_explains_and_changes_nothing(
    demo_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "notes.json"
    bad.write_text("this is not a backup")
    before = demo_path.read_bytes()
    async with running(demo_path) as pilot:
        await run_command(pilot, "Import backup")
        await answer_prompt(pilot, str(bad))
        dialog = pilot.app.screen
        assert isinstance(dialog, ErrorDialog)
        assert dialog.message.startswith(f"{bad}: not valid JSON")
        assert "not valid JSON" in screen_text(pilot)
        await pilot.press("escape")  # back on the import dialog, the path kept to fix
        assert isinstance(pilot.app.screen, PromptDialog)
        assert pilot.app.screen.query_one("#answer", Input).value == str(bad)
        await pilot.press("escape", "escape")
        assert isinstance(pilot.app.screen, DashboardScreen)
    assert demo_path.read_bytes() == before
