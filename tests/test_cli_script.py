"""`careercoach script` and `careercoach soften` as a user runs them, and the clipboard."""

from __future__ import annotations

import base64
import datetime as dt
import io
import json
from pathlib import Path

import pyperclip
import pytest
from click.testing import CliRunner
from msgspec.structs import replace

from careercoach import clipboard, phrasing
from careercoach.cli import cli
from careercoach.demo import write_demo
from careercoach.journal.api import Draft, Journal
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import assess

TODAY = dt.date(2026, 11, 20)


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    runner = CliRunner()

    def invoke(*args: str, input: str | None = None):
        return runner.invoke(cli, ["--journal", str(journal_path), *args], input=input)

    return invoke


@pytest.fixture
def demo_journal(journal_path: Path) -> Journal:
    write_demo(journal_path, TODAY)
    return Journal(journal_path)


@pytest.fixture
def no_pyperclip(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(text: str) -> None:
        raise pyperclip.PyperclipException("no copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", fail)


def expected_text(journal: Journal, situation: str, lang: str, fmt: str) -> str:
    profile = journal.profile()
    facts = phrasing.gather_facts(journal.entries(), profile, TODAY)
    return phrasing.draft(situation, lang, fmt, facts, profile).text


@pytest.mark.parametrize(
    ("situation", "lang", "fmt"),
    [
        ("after_project", "en", "talk"),
        ("after_evaluation", "ja", "email"),
        ("contract_renewal", "en", "chat"),
        ("after_project", "ja", "email"),
        ("japanese_improved", "ja", "talk"),
        ("career_growth", "en", "talk"),
    ],
)
def test_script_prints_exactly_the_draft(demo_journal, run, situation, lang, fmt) -> None:
    result = run("script", "--situation", situation, "--lang", lang, "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout == expected_text(demo_journal, situation, lang, fmt) + "\n"
    assert "\x1b" not in result.stdout
    assert f"Situation: {phrasing.SITUATIONS[situation]} (chosen with --situation)" in result.stderr
    assert ("Cites entries: " in result.stderr) is (fmt != "chat")  # a chat message cites none


def test_language_defaults_to_the_profile(demo_journal, run) -> None:
    both = run("script", "--situation", "career_growth")  # the demo profile says "both"
    assert both.stdout.startswith("=== English ===\n")
    assert "\n\n=== 日本語 ===\n" in both.stdout
    demo_journal.save_profile(replace(demo_journal.profile(), script_language="ja"))
    japanese = run("script", "--situation", "career_growth")
    assert japanese.stdout == expected_text(demo_journal, "career_growth", "ja", "talk") + "\n"


def test_without_situation_the_readiness_timing_picks_it(demo_journal, run) -> None:
    assessment = assess(demo_journal.entries(), demo_journal.profile(), load_criteria(), TODAY)
    result = run("script", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["situation"] == phrasing.suggest_situation(assessment)
    assert data["suggested"] is True
    assert data["section"] == "promotion guide §8"
    assert [s["lang"] for s in data["scripts"]] == ["en", "ja"]
    known = {e.id for e in demo_journal.entries()}
    for script in data["scripts"]:
        assert script["cited_ids"] and set(script["cited_ids"]) <= known


def test_as_of_moves_the_facts(demo_journal, run) -> None:
    long_ago = (TODAY - dt.timedelta(days=3000)).isoformat()
    result = run("script", "--situation", "career_growth", "--lang", "en", "--as-of", long_ago)
    assert result.exit_code == 0, result.output
    assert "\n- " not in result.stdout  # nothing was on record yet
    assert "Cites entries" not in result.stderr


def test_new_user_without_a_journal_gets_a_clean_script(run, journal_path: Path) -> None:
    result = run("script", "--format", "chat")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Hello,\n")
    for leak in ("$", "{", "}", "<", ">", "None", "[]"):
        assert leak not in result.stdout
    assert "Situation: A general career-growth conversation (suggested" in result.stderr


def test_template_and_escape_sequences_in_titles_stay_inert(
    journal: Journal, run, monkeypatch
) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    journal.add(Draft(TODAY, "achievement", "Cut $cost by {x}% via %s [b]reuse[/b]"))
    journal.add(Draft(TODAY, "bridge", "Fixed \x1b]0;owned\x07 the \x1b[31mred\x1b[0m build"))
    result = run("script", "--situation", "career_growth", "--lang", "en", "--format", "email",
                 "--copy")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "\n- Cut $cost by {x}% via %s [b]reuse[/b]\n" in result.stdout
    assert "\n- Fixed  the red build\n" in result.stdout
    assert "\x1b" not in result.stdout
    assert copied == [result.stdout.removesuffix("\n")]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["script", "--situation", "now_or_never"], "Invalid value for '--situation'"),
        (["script", "--lang", "fr"], "Invalid value for '--lang'"),
        (["script", "--as-of", "someday"], "Error: bad date 'someday'"),
        (["soften", "x", "--lang", "de"], "Invalid value for '--lang'"),
        (["script", "--format", "message"], "Invalid value for '--format'"),
        (["soften", ""], "Error: there is nothing to soften"),
        (["soften", "   \n"], "Error: there is nothing to soften"),
    ],
)
def test_bad_options_are_one_clear_line(run, args: list[str], message: str) -> None:
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.strip().count("\n") == 0 or "Usage" in result.stderr
    assert "Traceback" not in result.output


# -- copying -------------------------------------------------------------------------


def test_copy_without_any_clipboard_says_so_and_exits_1(demo_journal, run, no_pyperclip) -> None:
    result = run("script", "--situation", "career_growth", "--lang", "en", "--copy")
    assert result.exit_code == 1
    assert result.stdout == expected_text(demo_journal, "career_growth", "en", "talk") + "\n"
    assert "Could not copy: stdout is not a terminal" in result.stderr
    assert "Traceback" not in result.output


def test_copy_with_pyperclip_reports_it(demo_journal, run, monkeypatch) -> None:
    copied: list[str] = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    result = run("script", "--situation", "after_project", "--lang", "ja", "--copy", "--json")
    assert result.exit_code == 0, result.output
    assert copied == [expected_text(demo_journal, "after_project", "ja", "talk")]
    assert json.loads(result.stdout)["copied_with"] == ["pyperclip"]
    assert "Copied to the system clipboard (pyperclip)." in result.stderr


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "佐藤さん、よろしくお願いいたします。\n\nThanks!",
    ],
)
def test_osc52_sends_the_text_to_a_terminal(text: str, monkeypatch) -> None:
    monkeypatch.delenv("TMUX", raising=False)
    terminal = FakeTerminal()
    assert clipboard.osc52_copy(text, terminal)
    sequence = terminal.getvalue()
    assert sequence.startswith("\x1b]52;c;") and sequence.endswith("\x07")
    assert base64.b64decode(sequence[7:-1]).decode("utf-8") == text


def test_osc52_is_wrapped_for_tmux_and_skipped_off_a_terminal(monkeypatch) -> None:
    monkeypatch.setenv("TMUX", "/tmp/tmux-0/default,1,0")
    terminal = FakeTerminal()
    assert clipboard.osc52_copy("hi", terminal)
    assert terminal.getvalue() == "\x1bPtmux;\x1b\x1b]52;c;aGk=\x07\x1b\\"
    pipe = io.StringIO()
    assert not clipboard.osc52_copy("hi", pipe)
    assert pipe.getvalue() == ""


def test_copy_reports_every_method_that_took_the_text(monkeypatch) -> None:
    monkeypatch.setattr(pyperclip, "copy", lambda text: None)
    both = clipboard.copy("x", FakeTerminal())
    assert both.methods == ("osc52", "pyperclip")
    assert both.describe() == (
        "Copied to the terminal clipboard (OSC 52) and the system clipboard (pyperclip)."
    )


def test_pyperclip_copy_is_false_without_a_backend(no_pyperclip) -> None:
    assert clipboard.pyperclip_copy("x") is False
    assert not clipboard.copy("x", io.StringIO()).ok


# -- soften --------------------------------------------------------------------------

SOFT_REJECTION = (
    "Perhaps we could consider an approach other than this method that may fit the "
    "situation better."
)
REJECTION_TITLE = '"This method doesn\'t work" becomes another approach to consider'


def test_soften_prints_the_text_and_lists_rule_titles_on_stderr(run) -> None:
    result = run("soften", "This method doesn't work.")
    assert result.exit_code == 0, result.output
    assert result.stdout == SOFT_REJECTION + "\n"
    assert f"- {REJECTION_TITLE} (promotion guide §5): " in result.stderr
    assert "flat_rejection" not in result.output


def test_soften_explain_puts_the_rules_on_stdout(run) -> None:
    result = run("soften", "--explain", "Why don't we change this?")
    lines = result.stdout.splitlines()
    assert lines[0] == "If everyone agrees, maybe we could change this?"
    assert lines[1:3] == ["", "Rules applied:"]
    assert lines[3].startswith('- "Why don\'t we" becomes a proposal')
    assert "why_dont_we" not in result.output


@pytest.mark.parametrize(
    "text",
    [
        "Perhaps we could try another way.",
        "It doesn't work on my machine.",
        "If you are wrong, tell me.",
    ],
)
def test_soften_says_when_no_rule_matched(run, text: str) -> None:
    result = run("soften", text)
    assert result.exit_code == 0
    assert result.stdout == text + "\n"
    assert result.stderr == "No rule matched: the text is unchanged.\n"


def test_soften_handles_every_sentence_and_the_core_request(run) -> None:
    result = run("soften", "I deserve a promotion. Send me the report.")
    assert result.stdout == (
        "I would like to contribute at a higher level. Which skills should I develop to move "
        "toward a promotion? Could you send me the report, please?\n"
    )
    assert result.stderr.count("\n- ") == 2


def test_soften_json_and_japanese_detection(run) -> None:
    result = run("soften", "--json", "なぜ変更しないのですか？")
    data = json.loads(result.stdout)
    assert data["lang"] == "ja"
    assert data["text"] == "皆さんがよろしければ、変更してみるのはいかがでしょうか？"
    assert data["changed"] is True
    assert [r["title"] for r in data["rules"]] == [
        "「なぜ〜しないのですか」を、皆さんの合意を待つ提案に"
    ]
    assert data["rules"][0]["section"] == "promotion guide §5"
    assert "ja_why_not" not in result.stdout


def test_soften_reads_stdin_with_a_dash(run) -> None:
    result = run("soften", "-", input="This method doesn't work.\n")
    assert result.stdout == SOFT_REJECTION + "\n"


def test_soften_refuses_oversized_text_in_one_line(run) -> None:
    result = run("soften", "-", input="a" * 20_001)
    assert result.exit_code == 2
    assert result.stderr.startswith("Error: the text is 20001 characters")


# -- Japanese titles, addressing and timing notes -----------------------------------


def test_ja_script_names_entries_without_a_japanese_title(journal: Journal, run) -> None:
    with_ja = journal.add(
        Draft(TODAY, "achievement", "Shipped billing", title_ja="請求機能のリリース")
    )
    without = journal.add(Draft(TODAY, "achievement", "Led the launch [b]$x"))
    result = run("script", "--situation", "career_growth", "--lang", "ja", "--format", "email")
    assert result.exit_code == 0, result.output
    assert "・請求機能のリリース\n" in result.stdout
    assert "・Led the launch [b]$x\n" in result.stdout
    assert "1 cited entry has no Japanese title" in result.stderr
    assert f"  {without.id}  Led the launch [b]$x" in result.stderr
    assert with_ja.id not in result.stderr.split("no Japanese title")[1]
    data = json.loads(
        run("script", "--situation", "career_growth", "--lang", "ja", "--json").stdout
    )
    assert data["missing_japanese_titles"] == [{"id": without.id, "title": "Led the launch [b]$x"}]
    english = run("script", "--situation", "career_growth", "--lang", "en")
    assert "no Japanese title" not in english.stderr
    talk = run("script", "--situation", "career_growth", "--lang", "ja", "--format", "talk")
    assert "Led the launch" not in talk.stdout and "・請求機能のリリース\n" in talk.stdout
    assert "leaves it out (an English title is not read aloud)" in talk.stderr
    assert f"  {without.id}  Led the launch [b]$x" in talk.stderr


def test_addressing_gaps_and_timing_are_noted(journal: Journal, run) -> None:
    journal.save_profile(replace(journal.profile(), manager_name="Sato"))
    result = run("script", "--lang", "ja", "--format", "email")
    assert "manager_name_ja" in result.stderr
    assert "Satoさん" not in result.stdout and "Sato" not in result.stdout
    assert "Timing: Not yet" in result.stderr
    data = json.loads(run("script", "--json").stdout)
    assert data["timing"]["good"] is False and data["timing"]["headline"].startswith("Not yet")


def test_email_notes_ask_for_the_names_a_signature_needs(run) -> None:
    assert run("profile", "set", "name=Alex Morgan").exit_code == 0
    ja = run("script", "--lang", "ja", "--format", "email")
    assert "お疲れさまです。Alex Morganです。" in ja.stdout
    assert "profile: name_ja, e.g. モーガン" in ja.stderr
    assert "name_ja" not in run("script", "--lang", "ja", "--format", "chat").stderr
    assert run("profile", "set", "name=").exit_code == 0
    en = run("script", "--lang", "en", "--format", "email")
    assert en.stdout.rstrip().endswith("Best regards,")
    assert "Add your name (profile: name" in en.stderr


def test_a_full_or_courtesy_titled_manager_name_is_addressed_once(run) -> None:
    assert run("profile", "set", "manager_name=Mr. Kenji Sato").exit_code == 0
    assert run("script", "--lang", "en", "--format", "chat").stdout.startswith("Hi Sato-san,\n")


def test_profile_manager_fields_shape_the_addressing(run) -> None:
    result = run(
        "profile", "set", "manager_name=Sato", "manager_name_ja=佐藤", "manager_title=課長"
    )
    assert result.exit_code == 0, result.output
    shown = run("profile", "show").stdout
    assert "manager_title" in shown and "課長" in shown
    ja = run("script", "--lang", "ja", "--format", "chat").stdout
    en = run("script", "--lang", "en", "--format", "chat").stdout
    assert ja.startswith("佐藤課長、お疲れさまです。\n") and en.startswith("Hi Sato-san,\n")
    assert run("profile", "set", "manager_addressing=san").exit_code == 0
    assert run("script", "--lang", "ja", "--format", "chat").stdout.startswith("佐藤さん、")
    bad = run("profile", "set", "manager_title=Manager")
    assert bad.exit_code == 2 and "write it in Japanese" in bad.stderr
