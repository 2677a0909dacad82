"""Scripts screen: preselection, live preview, copy, save, and the soften box."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import msgspec.structs
import pytest
from textual.widgets import Input, Select, Static

from careercoach import clipboard
from careercoach.journal.api import Draft, Journal
from careercoach.phrasing import scripts as phrasing
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import assess
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.scripts import ScriptsScreen
from tests.tui.conftest import (
    TODAY,
    notifications,
    open_screen,
    run_command,
    running,
    screen_text,
    settle,
)

NASTY = ("[bold]x[/] $y {z}", "text [/ oops", "%s \x1b]0;title\x07 [red]")


def fake_pyperclip(monkeypatch: pytest.MonkeyPatch, works: bool) -> list[str]:
    """Never touch the real system clipboard; record what would have been copied."""
    calls: list[str] = []

    def fake_copy(text: str) -> bool:
        calls.append(text)
        return works

    monkeypatch.setattr(clipboard, "pyperclip_copy", fake_copy)
    return calls


async def open_scripts(pilot) -> ScriptsScreen:
    return await open_screen(pilot, "t", ScriptsScreen)


def preview(screen: ScriptsScreen) -> str:
    return str(screen.query_one("#script-text", Static).render())


def expected_text(path: Path, situation: str, langs: tuple[str, ...], fmt: str) -> str:
    journal = Journal(path)
    entries, profile = journal.entries(), journal.profile()
    facts = phrasing.gather_facts(entries, profile, TODAY)
    return "\n\n".join(phrasing.draft(situation, lang, fmt, facts, profile).text for lang in langs)


async def test_suggested_situation_and_profile_language_are_preselected(demo_path: Path) -> None:
    journal = Journal(demo_path)
    assessment = assess(journal.entries(), journal.profile(), load_criteria(), TODAY)
    suggested = phrasing.suggest_situation(assessment)

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        assert screen.query_one("#situation", Select).value == suggested
        assert screen.query_one("#language", Select).value == "both"  # the demo profile's
        assert screen.query_one("#format", Select).value == "talk"
        assert preview(screen) == expected_text(demo_path, suggested, ("en", "ja"), "talk")


@pytest.mark.parametrize(
    ("situation", "language", "fmt", "langs"),
    [
        ("career_growth", "en", "talk", ("en",)),
        ("contract_renewal", "ja", "message", ("ja",)),
        ("after_evaluation", "both", "message", ("en", "ja")),
    ],
)
async def test_preview_follows_situation_language_and_format(
    demo_path: Path, situation: str, language: str, fmt: str, langs: tuple[str, ...]
) -> None:
    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        before = preview(screen)
        screen.query_one("#situation", Select).value = situation
        screen.query_one("#language", Select).value = language
        screen.query_one("#format", Select).value = fmt
        await settle(pilot)
        assert preview(screen) == expected_text(demo_path, situation, langs, fmt)
        assert preview(screen) != before


@pytest.mark.parametrize(
    ("works", "said"),
    [
        (True, "terminal clipboard (OSC 52) and the system clipboard"),
        (False, "terminal clipboard (OSC 52) only"),
    ],
)
async def test_c_copies_the_script_and_says_how(demo_path: Path, monkeypatch, works, said) -> None:
    pyperclip_calls = fake_pyperclip(monkeypatch, works)

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        await pilot.press("c")
        await settle(pilot)
        assert pilot.app.clipboard == preview(screen)
        assert pyperclip_calls == [preview(screen)]
        messages = notifications(pilot)
        assert any(said in m for m in messages)


async def test_s_saves_a_private_file_and_asks_before_replacing(demo_path: Path, tmp_path) -> None:
    target = tmp_path / "out" / "script.txt"

    async def save(pilot, answer: str | None = None) -> None:
        await pilot.press("s")
        await settle(pilot)
        pilot.app.screen.query_one("#answer", Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        if answer is not None:
            await pilot.press(answer)
            await settle(pilot)

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        await save(pilot)
        assert target.read_text(encoding="utf-8") == preview(screen) + "\n"
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        target.write_text("keep me", encoding="utf-8")
        await save(pilot, answer="n")
        assert target.read_text(encoding="utf-8") == "keep me"
        await save(pilot, answer="y")
        assert target.read_text(encoding="utf-8") == preview(screen) + "\n"
        assert isinstance(pilot.app.screen, ScriptsScreen)


async def test_soften_box_rewrites_as_you_type(demo_path: Path) -> None:
    sentence = "This does not work."
    expected = phrasing.soften(sentence, lang="en")
    assert expected.rules  # the sentence really is one the rules change

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        screen.query_one("#soften-input", Input).focus()
        await pilot.press(*sentence)
        await settle(pilot)
        assert str(screen.query_one("#soften-result", Static).render()) == expected.text
        rules = str(screen.query_one("#soften-rules", Static).render())
        assert all(rule in rules for rule in expected.rules)


async def test_user_text_in_scripts_is_shown_literally(demo_path: Path) -> None:
    journal = Journal(demo_path)
    journal.add_many(
        [Draft(TODAY, "achievement", title, details={"type": "major_project"}) for title in NASTY]
    )
    profile = journal.profile()
    journal.save_profile(msgspec.structs.replace(profile, manager_name="[b]{m}[/]"))

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        screen.query_one("#language", Select).value = "en"
        await settle(pilot)
        text = preview(screen)
        assert "[b]{m}[/]" in text
        assert any(terminal_safe(title) in text for title in NASTY)
        cited = str(screen.query_one("#script-cited", Static).render())
        assert "\x1b" not in text + cited
        shown = screen_text(pilot)
        assert "[b]{m}[/]" in shown
        screen.query_one("#soften-input", Input).focus()
        await pilot.press(*"text [/ oops does not work")
        await settle(pilot)
        assert "text [/ oops" in str(screen.query_one("#soften-result", Static).render())


async def test_copy_and_save_are_in_the_command_palette(demo_path: Path, monkeypatch) -> None:
    fake_pyperclip(monkeypatch, works=False)

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        await run_command(pilot, "Copy")
        assert pilot.app.clipboard == preview(screen)


async def test_language_and_format_are_remembered_after_a_restart(demo_path: Path) -> None:
    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        screen.query_one("#language", Select).value = "ja"
        screen.query_one("#format", Select).value = "message"
        await settle(pilot)
    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        assert screen.query_one("#language", Select).value == "ja"
        assert screen.query_one("#format", Select).value == "message"
