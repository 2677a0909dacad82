"""Scripts screen: preselection, live preview, copy, save, and the soften box."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import msgspec.structs
import pytest
from textual.widgets import Input, Select, Static

from careercoach import clipboard, phrasing
from careercoach.journal.api import Draft, Journal
from careercoach.model import Profile
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import assess
from careercoach.settings import load_settings
from careercoach.textsafe import terminal_safe
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.screens.scripts import ScriptsScreen
from tests.tui.conftest import (
    TODAY,
    answer_prompt,
    notifications,
    open_screen,
    run_command,
    running,
    screen_is,
    screen_text,
    wait_until,
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


def has_kana(text: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" for ch in text)


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
        ("contract_renewal", "ja", "email", ("ja",)),
        ("after_evaluation", "both", "chat", ("en", "ja")),
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
        expected = expected_text(demo_path, situation, langs, fmt)
        await wait_until(pilot, lambda: preview(screen) == expected, "the new script")
        assert preview(screen) == expected
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
        await wait_until(pilot, lambda: any(said in m for m in notifications(pilot)), said)
        assert pilot.app.clipboard == preview(screen)
        assert pyperclip_calls == [preview(screen)]
        messages = notifications(pilot)
        assert any(said in m for m in messages)


async def test_s_saves_a_private_file_and_asks_before_replacing(demo_path: Path, tmp_path) -> None:
    target = tmp_path / "out" / "script.txt"

    async def save(pilot, answer: str | None = None) -> None:
        await pilot.press("s")
        await screen_is(pilot, PromptDialog)
        await answer_prompt(pilot, str(target))
        if answer is not None:
            await pilot.press(answer)
            await screen_is(pilot, ScriptsScreen)

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
    sentence = "This method does not work."
    expected = phrasing.soften(sentence, lang="en")
    assert expected.rules  # the sentence really is one the rules change

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        screen.query_one("#soften-input", Input).focus()
        await pilot.press(*sentence)
        result = screen.query_one("#soften-result", Static)
        await wait_until(pilot, lambda: str(result.render()) == expected.text, "the softened text")
        assert str(screen.query_one("#soften-result", Static).render()) == expected.text
        rules = str(screen.query_one("#soften-rules", Static).render())
        titles = [phrasing.load_phrasing().rule("en", r).title for r in expected.rules]
        assert all(title in rules for title in titles)
        assert not any(rule_id in rules for rule_id in expected.rules)
        screen.query_one("#soften-input", Input).value = "It doesn't work on my machine."
        unchanged = "No rule matched: the text is unchanged."
        rules_shown = screen.query_one("#soften-rules", Static)
        await wait_until(pilot, lambda: str(rules_shown.render()) == unchanged, "no rule")
        rules = str(screen.query_one("#soften-rules", Static).render())
        assert rules == unchanged


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
        await wait_until(
            pilot,
            lambda: "[b]{m}[/]" in preview(screen) and not has_kana(preview(screen)),
            "the English script alone",
        )
        text = preview(screen)
        assert "[b]{m}[/]" in text
        assert any(terminal_safe(title) in text for title in NASTY)
        cited = str(screen.query_one("#script-cited", Static).render())
        assert "\x1b" not in text + cited
        shown = screen_text(pilot)
        assert "[b]{m}[/]" in shown
        screen.query_one("#soften-input", Input).focus()
        await pilot.press(*"the text [/ oops method does not work")
        result = screen.query_one("#soften-result", Static)
        await wait_until(pilot, lambda: "text [/ oops" in str(result.render()), "the softened text")
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
        screen.query_one("#format", Select).value = "chat"
        await wait_until(
            pilot,
            lambda: (
                (load_settings().script_language, load_settings().script_format) == ("ja", "chat")
            ),
            "the choices remembered",
        )
    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        assert screen.query_one("#language", Select).value == "ja"
        assert screen.query_one("#format", Select).value == "chat"


async def test_missing_japanese_titles_are_listed_and_n_adds_one(demo_path: Path) -> None:
    journal = Journal(demo_path)
    [lacking] = journal.add_many(
        [Draft(TODAY, "achievement", "Led the [b]$x[/b] launch", details={"type": "major_project"})]
    )

    async with running(demo_path) as pilot:
        screen = await open_scripts(pilot)
        screen.query_one("#situation", Select).value = "after_project"
        screen.query_one("#language", Select).value = "ja"
        screen.query_one("#format", Select).value = "email"
        await wait_until(
            pilot, lambda: "・Led the [b]$x[/b] launch" in preview(screen), "the Japanese email"
        )
        assert "・Led the [b]$x[/b] launch" in preview(screen)
        missing = str(screen.query_one("#script-missing", Static).render())
        assert f"{lacking.id}  Led the [b]$x[/b] launch" in missing
        await pilot.press("n")
        await screen_is(pilot, PromptDialog)
        await answer_prompt(pilot, "決済基盤リリースの取りまとめ")
        assert isinstance(pilot.app.screen, ScriptsScreen)
        assert Journal(demo_path).get(lacking.id).title_ja == "決済基盤リリースの取りまとめ"
        assert "・決済基盤リリースの取りまとめ" in preview(screen)
        assert lacking.id not in str(screen.query_one("#script-missing", Static).render())
        screen.query_one("#language", Select).value = "en"
        missing_list = screen.query_one("#script-missing", Static)
        await wait_until(pilot, lambda: not missing_list.display, "the list hidden in English")
        assert not screen.query_one("#script-missing", Static).display


async def test_japanese_email_notes_ask_for_a_japanese_name(empty_path: Path) -> None:
    Journal(empty_path).save_profile(Profile(name="Alex Morgan", manager_name="Sato"))
    async with running(empty_path) as pilot:
        screen = await open_scripts(pilot)
        screen.query_one("#language", Select).value = "ja"
        screen.query_one("#format", Select).value = "email"
        notes = screen.query_one("#script-missing", Static)
        await wait_until(pilot, lambda: "name_ja" in str(notes.render()), "the name_ja hint")
        assert notes.display and "モーガン" in str(notes.render())
        screen.query_one("#format", Select).value = "chat"
        await wait_until(pilot, lambda: not notes.display, "no hint for a chat message")


async def test_timing_verdict_is_shown_before_the_request(empty_path: Path) -> None:
    journal = Journal(empty_path)
    journal.save_profile(Profile(name="Alex", manager_name="Sato"))
    journal.add(Draft(TODAY, "note", "Started the journal"))
    async with running(empty_path) as pilot:
        screen = await open_scripts(pilot)
        timing = screen.query_one("#script-timing", Static)
        assert timing.display
        assert str(timing.render()).startswith("Timing: Not yet")
        assert "Timing: Not yet" in screen_text(pilot)
