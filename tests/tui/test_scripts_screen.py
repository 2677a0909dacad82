"""Scripts screen: preselection, live preview, copy, save, and the soften box."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static

from careercoach import clipboard, phrasing
from careercoach.criteria import load_criteria
from careercoach.demo import write_demo
from careercoach.journal import Draft, Journal
from careercoach.readiness import assess
from careercoach.textsafe import terminal_safe
from careercoach.tui.app import CareerCoachApp
from careercoach.tui.screens.scripts import ScriptsScreen

TODAY = dt.date(2026, 11, 20)
SIZE = (100, 32)
NASTY = ("[bold]x[/] $y {z}", "text [/ oops", "%s \x1b]0;title\x07 [red]")


@pytest.fixture
def demo_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CAREERCOACH_HOME", str(tmp_path / "home"))
    path = tmp_path / "demo.json"
    write_demo(path, TODAY)
    return path


def fake_pyperclip(monkeypatch: pytest.MonkeyPatch, works: bool) -> list[str]:
    """Never touch the real system clipboard; record what would have been copied."""
    calls: list[str] = []

    def fake_copy(text: str) -> bool:
        calls.append(text)
        return works

    monkeypatch.setattr(clipboard, "pyperclip_copy", fake_copy)
    return calls


async def settle(pilot) -> None:
    for _ in range(4):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()


async def open_scripts(pilot) -> ScriptsScreen:
    for _ in range(50):
        await settle(pilot)
        if pilot.app.started:
            break
    await pilot.press("t")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ScriptsScreen)
    return pilot.app.screen


def run(path: Path, scenario) -> None:
    async def main() -> None:
        app = CareerCoachApp(Journal(path), today=lambda: TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await scenario(pilot, await open_scripts(pilot))

    asyncio.run(main())


def preview(screen: ScriptsScreen) -> str:
    return str(screen.query_one("#script-text", Static).render())


def expected_text(path: Path, situation: str, langs: tuple[str, ...], fmt: str) -> str:
    journal = Journal(path)
    entries, profile = journal.entries(), journal.profile()
    facts = phrasing.gather_facts(entries, profile, TODAY)
    return "\n\n".join(phrasing.draft(situation, lang, fmt, facts, profile).text for lang in langs)


def screen_text(pilot) -> str:
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def test_suggested_situation_and_profile_language_are_preselected(demo_path: Path) -> None:
    journal = Journal(demo_path)
    assessment = assess(journal.entries(), journal.profile(), load_criteria(), TODAY)
    suggested = phrasing.suggest_situation(assessment)

    async def scenario(pilot, screen: ScriptsScreen) -> None:
        assert screen.query_one("#situation", Select).value == suggested
        assert screen.query_one("#language", Select).value == "both"  # the demo profile's
        assert screen.query_one("#format", Select).value == "talk"
        assert preview(screen) == expected_text(demo_path, suggested, ("en", "ja"), "talk")

    run(demo_path, scenario)


@pytest.mark.parametrize(
    ("situation", "language", "fmt", "langs"),
    [
        ("career_growth", "en", "talk", ("en",)),
        ("contract_renewal", "ja", "message", ("ja",)),
        ("after_evaluation", "both", "message", ("en", "ja")),
    ],
)
def test_preview_follows_situation_language_and_format(
    demo_path: Path, situation: str, language: str, fmt: str, langs: tuple[str, ...]
) -> None:
    async def scenario(pilot, screen: ScriptsScreen) -> None:
        before = preview(screen)
        screen.query_one("#situation", Select).value = situation
        screen.query_one("#language", Select).value = language
        screen.query_one("#format", Select).value = fmt
        await settle(pilot)
        assert preview(screen) == expected_text(demo_path, situation, langs, fmt)
        assert preview(screen) != before

    run(demo_path, scenario)


@pytest.mark.parametrize(
    ("works", "said"),
    [
        (True, "terminal clipboard (OSC 52) and the system clipboard"),
        (False, "terminal clipboard (OSC 52) only"),
    ],
)
def test_c_copies_the_script_and_says_how(demo_path: Path, monkeypatch, works, said) -> None:
    pyperclip_calls = fake_pyperclip(monkeypatch, works)

    async def scenario(pilot, screen: ScriptsScreen) -> None:
        await pilot.press("c")
        await settle(pilot)
        assert pilot.app.clipboard == preview(screen)
        assert pyperclip_calls == [preview(screen)]
        messages = [n.message for n in pilot.app._notifications]  # no public accessor
        assert any(said in m for m in messages)

    run(demo_path, scenario)


def test_s_saves_a_private_file_and_asks_before_replacing(demo_path: Path, tmp_path) -> None:
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

    async def scenario(pilot, screen: ScriptsScreen) -> None:
        await save(pilot)
        assert target.read_text(encoding="utf-8") == preview(screen) + "\n"
        assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
        target.write_text("keep me", encoding="utf-8")
        await save(pilot, answer="n")
        assert target.read_text(encoding="utf-8") == "keep me"
        await save(pilot, answer="y")
        assert target.read_text(encoding="utf-8") == preview(screen) + "\n"
        assert isinstance(pilot.app.screen, ScriptsScreen)

    run(demo_path, scenario)


def test_soften_box_rewrites_as_you_type(demo_path: Path) -> None:
    sentence = "This does not work."
    expected = phrasing.soften(sentence, lang="en")
    assert expected.rules  # the sentence really is one the rules change

    async def scenario(pilot, screen: ScriptsScreen) -> None:
        screen.query_one("#soften-input", Input).focus()
        await pilot.press(*sentence)
        await settle(pilot)
        assert str(screen.query_one("#soften-result", Static).render()) == expected.text
        rules = str(screen.query_one("#soften-rules", Static).render())
        assert all(rule in rules for rule in expected.rules)

    run(demo_path, scenario)


def test_user_text_in_scripts_is_shown_literally(demo_path: Path) -> None:
    journal = Journal(demo_path)
    journal.add_many(
        [Draft(TODAY, "achievement", title, details={"type": "major_project"}) for title in NASTY]
    )
    profile = journal.profile()
    journal.save_profile(dataclasses.replace(profile, manager_name="[b]{m}[/]"))

    async def scenario(pilot, screen: ScriptsScreen) -> None:
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

    run(demo_path, scenario)


def test_copy_and_save_are_in_the_command_palette(demo_path: Path, monkeypatch) -> None:
    fake_pyperclip(monkeypatch, works=False)

    async def scenario(pilot, screen: ScriptsScreen) -> None:
        await pilot.press("ctrl+p")
        await settle(pilot)
        await pilot.press(*"Copy")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert pilot.app.clipboard == preview(screen)

    run(demo_path, scenario)
