"""One key to log a line, and long notes in $EDITOR (app and command line)."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.widgets import Select

from careercoach.cli import cli
from careercoach.tui.screens.dashboard import DashboardScreen
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.journal import JournalScreen
from careercoach.tui.screens.quick_log import QuickLogDialog, suggest_kind
from tests.tui.conftest import TODAY, notifications, running, screen_is, wait_until


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Translated the release notes for HQ", "bridge"),
        ("Studied keigo for 30 minutes", "japanese"),
        ("Wrote a checklist for deployments", "documentation"),
        ("Lunch with the Osaka team", "team_event"),
        ("Got the meeting room ready", "invisible"),
        ("Thought about next year", "note"),
    ],
)
def test_the_kind_is_suggested_from_the_words(line: str, kind: str) -> None:
    assert suggest_kind(line) == kind


async def test_l_logs_a_line_from_the_dashboard(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        before = pilot.app.journal.count()
        await pilot.press("l")
        dialog = await screen_is(pilot, QuickLogDialog)
        await pilot.press(*"Translated the release notes for HQ")
        assert dialog.query_one("#kind", Select).value == "bridge"
        await pilot.press("enter")
        await screen_is(pilot, DashboardScreen)
        await wait_until(pilot, lambda: pilot.app.journal.count() == before + 1, "the entry")
        newest = pilot.app.journal.entries()[0]
        assert (newest.title, newest.kind, newest.date) == (
            "Translated the release notes for HQ",
            "bridge",
            TODAY,
        )
        await wait_until(pilot, lambda: any("Logged" in n for n in notifications(pilot)))


async def test_a_kind_picked_by_hand_is_kept(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await pilot.press("l")
        dialog = await screen_is(pilot, QuickLogDialog)
        dialog.query_one("#kind", Select).value = "achievement"
        await pilot.press(*"Lunch with the team")
        assert dialog.query_one("#kind", Select).value == "achievement"


async def test_an_empty_line_is_refused_in_place(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        before = pilot.app.journal.count()
        await pilot.press("l", "enter")
        dialog = await screen_is(pilot, QuickLogDialog)
        assert dialog.query(".-invalid")
        assert pilot.app.journal.count() == before


async def test_ctrl_e_without_a_terminal_to_hand_over_says_so(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        await pilot.press("j")
        await screen_is(pilot, JournalScreen)
        await pilot.press("a", "ctrl+e")
        assert isinstance(pilot.app.screen, EntryForm)
        await wait_until(pilot, lambda: any("No editor" in n for n in notifications(pilot)))


@pytest.fixture
def editor(tmp_path: Path) -> Path:
    """An "editor" that writes two lines of notes, markup-like text included."""
    script = tmp_path / "editor.sh"
    script.write_text("#!/bin/sh\nprintf 'Long notes\\n[b]second[/] line\\n' > \"$1\"\n")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)
    return script


def test_cli_add_edit_takes_the_notes_from_the_editor(
    journal_path: Path, editor: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    runner = CliRunner()
    added = runner.invoke(cli, ["--journal", str(journal_path), "add", "note", "Retro", "--edit"])
    assert added.exit_code == 0, added.output
    [entry] = json.loads(
        runner.invoke(cli, ["--journal", str(journal_path), "list", "--json"]).output
    )
    assert entry["notes"] == "Long notes\n[b]second[/] line"


def test_cli_add_edit_with_a_failing_editor_is_one_line(
    journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EDITOR", "false")
    monkeypatch.delenv("VISUAL", raising=False)
    result = CliRunner().invoke(cli, ["--journal", str(journal_path), "add", "note", "x", "--edit"])
    assert result.exit_code == 2
    assert "check $EDITOR" in result.output and result.output.strip().count("\n") == 0
    assert not journal_path.exists()
