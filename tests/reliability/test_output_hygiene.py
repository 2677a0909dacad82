"""What reaches a terminal or a spreadsheet: inert text, intact columns, no unwanted styling.

The journal here is hand-edited the way a hostile file could be and still be sound:
escape sequences and tabs in the title and notes, formulas in the notes and the
Japanese title. A tag or a timestamp that no command would store (an escape sequence,
a formula) is damage: every command refuses it in one line, itself inert.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal
from careercoach.model import Profile

ESCAPES = ["\x1b]0;owned\x07", "\x1b[2J", "\x9b31m", "\x1b[31m", "\u202e"]
TITLE = "Lunch\twith\x1b[31m the \x1b]0;owned\x07team\u202e"
FORMULA = '=HYPERLINK("http://evil","x")'


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    journal = Journal(tmp_path / "journal.json")
    journal.add(Draft(dt.date(2026, 11, 20), "team_event", "placeholder", tags=("team",)))
    journal.change_profile(lambda _: Profile(name="Aiko", manager_name="Tanaka"))
    doc = json.loads(journal.path.read_bytes())
    record = next(iter(doc["entries"].values()))
    record.update(
        title=TITLE,
        title_ja="@SUM(A1)",
        notes=FORMULA + " a\x1b[2Jb\ttab",
        tags=["team", "lunch"],
        details={"type": "lunch"},
    )
    # sound (the validator checks structure, ids, tags, stamps and sizes, not what free
    # text says): whatever prints these must cope
    journal.path.write_text(json.dumps(doc), encoding="utf-8")
    return journal.path


def run(path: Path, *args: str):
    """`color=True`: click would otherwise strip colour codes itself, hiding a leak."""
    return CliRunner().invoke(cli, ["--journal", str(path), *args], color=True)


def assert_inert(text: str) -> None:
    for sequence in ESCAPES:
        assert sequence not in text
    assert not any(ord(c) < 32 and c not in "\n\t" for c in text), repr(text)


@pytest.mark.parametrize(
    "args",
    [
        ("list",),
        ("list", "--json"),
        ("show", "{id}"),
        ("show", "{id}", "--json"),
        ("score",),
        ("script",),
        ("profile", "show"),
        ("show", "\x1b]0;owned\x07"),
        ("add", "note", "x", "--tag", "\x1b[31mred"),
        ("import", "--from", "jrnl", "{jrnl}"),
    ],
)
def test_no_escape_sequence_reaches_the_terminal(hostile: Path, tmp_path: Path, args) -> None:
    entry_id = Journal(hostile).entries()[0].id
    jrnl = tmp_path / "jrnl.json"
    jrnl.write_text(json.dumps({"tags": {}, "entries": [{"date": "\x1b[2J", "time": "09:00"}]}))
    result = run(hostile, *(a.format(id=entry_id, jrnl=jrnl) for a in args))
    assert "Traceback" not in result.output
    assert_inert(result.output)
    if result.exit_code:
        assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1


def test_json_output_keeps_the_text_exactly(hostile: Path) -> None:
    [record] = json.loads(run(hostile, "list", "--json").output)
    assert record["title"] == TITLE


def test_list_columns_hold_whatever_the_text(hostile: Path) -> None:
    rows = run(hostile, "list").output.splitlines()
    assert [row.count("\t") for row in rows] == [4]
    cells = rows[0].split("\t")
    assert cells[3] == "Lunch with the team ／ @SUM(A1)"  # the Japanese title after it
    assert cells[4] == "team lunch"


def test_every_csv_column_is_neutralised(hostile: Path) -> None:
    payload = run(hostile, "export", "-f", "csv", "-o", "-").stdout_bytes
    [row] = list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline="")))
    assert row["notes"].startswith("'" + FORMULA)
    assert row["title_ja"] == "'@SUM(A1)"
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row.values())


@pytest.mark.parametrize(
    ("field", "value"), [("tags", ["x\x1b[31m"]), ("created", FORMULA), ("updated", "@SUM(A1)")]
)
@pytest.mark.parametrize("args", [("list",), ("show", "{id}"), ("export", "-f", "csv", "-o", "-")])
def test_a_hostile_tag_or_stamp_is_damage_named_in_one_inert_line(
    hostile: Path, field: str, value: object, args: tuple[str, ...]
) -> None:
    entry_id = Journal(hostile).entries()[0].id
    doc = json.loads(hostile.read_bytes())
    next(iter(doc["entries"].values()))[field] = value
    hostile.write_text(json.dumps(doc), encoding="utf-8")
    before = hostile.read_bytes()
    result = run(hostile, *(a.format(id=entry_id) for a in args))
    assert result.exit_code == 2 and len(result.output.strip().splitlines()) == 1
    assert "careercoach doctor" in result.output
    assert_inert(result.output)
    assert hostile.read_bytes() == before


@pytest.mark.parametrize(
    "stamp",
    [
        FORMULA,
        "yesterday",
        "2026-13-40T00:00:00+00:00",
        "２０２６-11-20T09:00:00",
    ],
)
def test_import_refuses_created_or_updated_that_are_not_timestamps(
    tmp_path: Path, stamp: str
) -> None:
    source = Journal(tmp_path / "source.json")
    source.add(Draft(dt.date(2026, 11, 20), "note", "imported"))
    snapshot = source.snapshot()
    snapshot["entries"][0]["created"] = stamp
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(snapshot), encoding="utf-8")
    target = tmp_path / "journal.json"
    result = run(target, "import", str(backup))
    assert result.exit_code == 2 and "is not a date and time" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not target.exists()


# Runs in a pseudo-terminal: styling is decided by isatty, NO_COLOR and TERM.
PTY_CHILD = """
import sys
from careercoach.cli import cli
for args in ({commands!r}):
    try:
        cli.main(prog_name="careercoach", args=["--journal", {journal!r}, *args])
    except SystemExit:
        pass
"""
STYLED_COMMANDS = [
    ["list"],
    ["show", "{id}"],
    ["score"],
    ["score", "--explain"],
    ["script"],
    ["profile", "show"],
    ["doctor"],
    ["plan", "signs"],
    ["plan", "show"],
    ["export", "-f", "md", "-o", "-"],
    ["review"],
    ["nudge"],
    ["restore"],
]


def run_in_terminal(
    journal: Path, env: dict[str, str], command_list: list[list[str]] = STYLED_COMMANDS
) -> str:
    entry_id = Journal(journal).entries()[0].id
    commands = [[a.format(id=entry_id) for a in c] for c in command_list]
    code = PTY_CHILD.format(commands=commands, journal=str(journal))
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-c", code],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**os.environ, **env},
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    child.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture(scope="module")
def plain_journal(tmp_path_factory: pytest.TempPathFactory) -> Path:
    journal = Journal(tmp_path_factory.mktemp("styled") / "journal.json")
    journal.add(Draft(dt.date(2026, 11, 20), "team_event", "Lunch with the team"))
    return journal.path


@pytest.mark.parametrize(
    "env",
    [
        {"NO_COLOR": "1", "TERM": "xterm-256color"},
        {"TERM": "dumb"},
    ],
)
def test_no_styling_under_no_color_or_a_dumb_terminal(plain_journal: Path, env) -> None:
    output = run_in_terminal(plain_journal, env)
    assert "Lunch with the team" in output and "Readiness" in output
    assert "\x1b" not in output


def test_a_capable_terminal_does_get_styling(plain_journal: Path) -> None:
    """The two cases above prove something only if styling appears otherwise."""
    output = run_in_terminal(plain_journal, {"TERM": "xterm-256color", "NO_COLOR": ""})
    assert "\x1b[1m" in output


def test_copying_to_the_terminal_clipboard_still_works(plain_journal: Path) -> None:
    """OSC 52 is careercoach's own sequence: the filter for user text must let it pass."""
    output = run_in_terminal(plain_journal, {"TERM": "xterm-256color"}, [["script", "--copy"]])
    assert "\x1b]52;c;" in output
