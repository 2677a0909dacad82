"""Every kind of damage against every command: exit 2, one line, the file untouched.

A hand-edited or damaged journal must never end in a traceback, never be written
over, and whatever a command refuses `doctor` must report as damaged, with the way
to repair or restore it.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import Draft, Journal
from careercoach.model import Profile

from .test_parallel_writers import DAY

Doc = dict[str, Any]


def first(doc: Doc) -> Doc:
    return next(iter(doc["entries"].values()))


def rekey(doc: Doc, key: str) -> None:
    doc["entries"] = {key: first(doc)}


def duplicate(doc: Doc) -> None:
    records = list(doc["entries"].values())
    records[1]["id"] = records[0]["id"]


def set_meta(doc: Doc, **values: Any) -> None:
    doc["_meta"]["1"].update(values)


def plan(doc: Doc, **values: Any) -> None:
    doc["plan"]["1"].update(values)


def trashed(doc: Doc, **values: Any) -> None:
    """A record in the trash, as `delete` writes it, then changed by hand."""
    record = {"entry": {**first(doc), "id": "trash2"}, "deleted": "2026-11-30T09:00:00+00:00"}
    doc["trash"] = {"1": {**record, **values}}


# name -> change to the parsed document (or to the raw bytes, for the first few)
BYTE_DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda raw: raw[: len(raw) // 2],
    "empty": lambda raw: b"",
    "not utf-8": lambda raw: raw.replace(b"shared", b"\xff\xfe"),
    "not an object": lambda raw: b"[1, 2]",
}
DOC_DAMAGE: dict[str, Callable[[Doc], Any]] = {
    "no marker": lambda doc: doc.pop("_meta"),
    "newer schema": lambda doc: set_meta(doc, schema=99),
    "entries not an object": lambda doc: doc.update(entries=[1]),
    "record not an object": lambda doc: doc["entries"].update({"9": "text"}),
    "non-numeric key": lambda doc: rekey(doc, "one"),
    "zero key": lambda doc: rekey(doc, "0"),
    "leading zero key": lambda doc: rekey(doc, "01"),
    "unknown kind": lambda doc: first(doc).update(kind="hobby"),
    "duplicate ids": duplicate,
    "missing title": lambda doc: first(doc).pop("title"),
    "empty title": lambda doc: first(doc).update(title=""),
    "two-line title": lambda doc: first(doc).update(title="a\nb"),
    "bad id": lambda doc: first(doc).update(id="Bad Id!"),
    "malformed date": lambda doc: first(doc).update(date="someday"),
    "date out of range": lambda doc: first(doc).update(date="0001-01-01"),
    "tags not a list": lambda doc: first(doc).update(tags=None),
    "detail of a wrong type": lambda doc: first(doc).update(details={"type": [1]}),
    "unknown detail": lambda doc: first(doc).update(details={"colour": "red"}),
    "unknown sub-type": lambda doc: first(doc).update(details={"type": "nonsense"}),
    "profile unknown field": lambda doc: doc["profile"]["1"].update(shoe_size=42),
    "profile bad date": lambda doc: doc["profile"]["1"].update(start_date="soon"),
    "plan not an object": lambda doc: doc.update(plan={"1": [1]}),
    "plan start not a date": lambda doc: plan(doc, start="soon"),
    "plan end before start": lambda doc: plan(doc, end="2026-10-01"),
    "plan goal of a bad status": lambda doc: plan(doc, goals=[{"text": "x", "status": "done"}]),
    "plan meeting without a date": lambda doc: plan(doc, meetings=[{"note": "x"}]),
    "plan unknown field": lambda doc: plan(doc, mood="fine"),
    "tag with a tab": lambda doc: first(doc).update(tags=["tab\there"]),
    "tag with a space": lambda doc: first(doc).update(tags=["two words"]),
    "title of spaces": lambda doc: first(doc).update(title="   "),
    "title too long": lambda doc: first(doc).update(title="x" * 100_000),
    "two-line Japanese title": lambda doc: first(doc).update(title_ja="一\n二"),
    "upper-case id": lambda doc: first(doc).update(id="G7XYTJ"),
    "formula in created": lambda doc: first(doc).update(created='=HYPERLINK("x")'),
    "formula in updated": lambda doc: first(doc).update(updated="+1"),
    "trash not a table": lambda doc: doc.update(trash="x"),
    "unknown table of numbers": lambda doc: doc.update(foo={"1": 3}),
    "trash record of a bad time": lambda doc: trashed(doc, deleted="2026-11-30 (edited)"),
    "trash record without an entry": lambda doc: trashed(doc, entry=None),
    "trash record of a bad entry": lambda doc: trashed(doc, entry={"id": "trash2"}),
}

COMMANDS = [
    ["list"],
    ["list", "--json"],
    ["show", "{id}"],
    ["add", "note", "one more"],
    ["edit", "{id}", "--title", "changed"],
    ["edit", "{id}", "--add-tag", "more"],
    ["delete", "{id}", "--yes"],
    ["restore"],
    ["profile", "show"],
    ["profile", "set", "name=Kim"],
    ["score"],
    ["score", "--json"],
    ["script"],
    ["export", "-f", "md", "-o", "-"],
    ["export", "-f", "csv", "-o", "-"],
    ["export", "-f", "json", "-o", "{tmp}/out.json"],
    ["import", "{backup}"],
    ["plan", "show"],
    ["plan", "evidence"],
    ["plan", "sign", "goals_clear", "yes"],
    ["plan", "goal", "add", "Ship the report"],
    ["review"],
    ["review", "--json"],
    ["calendar", "-o", "{tmp}/out.ics"],
]


@pytest.fixture(scope="module")
def sound(tmp_path_factory: pytest.TempPathFactory) -> tuple[bytes, str, Path]:
    """A sound journal's bytes, one of its ids, and a sound backup to import."""
    folder = tmp_path_factory.mktemp("sound")
    journal = Journal(folder / "journal.json", rng=random.Random(0))
    journal.add_many([Draft(DAY, "note", "shared entry"), Draft(DAY, "bridge", "translated")])
    journal.change_profile(lambda _: Profile(name="Aiko", company_type="japanese"))
    started = CliRunner().invoke(
        cli,
        [
            "--journal",
            str(journal.path),
            "plan",
            "start",
            "--start",
            "2026-11-01",
            "--end",
            "2027-01-31",
        ],
    )
    assert started.exit_code == 0, started.output
    backup = folder / "backup.json"
    backup.write_text(json.dumps(journal.snapshot()), encoding="utf-8")
    return journal.path.read_bytes(), journal.entries()[0].id, backup


def damage(raw: bytes, name: str) -> bytes:
    if name in BYTE_DAMAGE:
        return BYTE_DAMAGE[name](raw)
    doc = json.loads(raw)
    DOC_DAMAGE[name](doc)
    return json.dumps(doc).encode()


@pytest.fixture(params=[*BYTE_DAMAGE, *DOC_DAMAGE])
def damaged(request: pytest.FixtureRequest, sound, tmp_path: Path) -> tuple[Path, bytes]:
    raw, _, _ = sound
    path = tmp_path / "journal.json"
    path.write_bytes(damage(raw, request.param))
    return path, path.read_bytes()


def test_every_command_refuses_a_damaged_journal_in_one_line(
    damaged: tuple[Path, bytes], sound, tmp_path: Path
) -> None:
    path, before = damaged
    _, entry_id, backup = sound
    runner = CliRunner()
    for command in COMMANDS:
        args = [a.format(id=entry_id, tmp=tmp_path, backup=backup) for a in command]
        result = runner.invoke(cli, ["--journal", str(path), *args])
        lines = result.output.strip().splitlines()
        assert (result.exit_code, len(lines)) == (2, 1), (command, result.output)
        assert lines[0].startswith("Error: ") and str(path) in lines[0], (command, lines)
        assert "Traceback" not in result.output
        assert path.read_bytes() == before, command
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.json", "journal.json.lock"]


def test_doctor_reports_every_damage_with_the_way_out(damaged: tuple[Path, bytes]) -> None:
    path, before = damaged
    result = CliRunner().invoke(cli, ["--journal", str(path), "doctor"])
    assert result.exit_code == 1, result.output
    assert "status:  DAMAGED: " in result.output
    assert "fix:     " in result.output
    assert path.read_bytes() == before


def test_nudge_in_a_shell_start_up_file_gives_one_hint_and_exit_0(
    damaged: tuple[Path, bytes],
) -> None:
    """`nudge` runs at every shell start: it must never fail the shell, only point to doctor."""
    path, before = damaged
    result = CliRunner().invoke(cli, ["--journal", str(path), "nudge"])
    assert result.exit_code == 0
    assert len(result.output.strip().splitlines()) == 1 and "doctor" in result.output
    assert path.read_bytes() == before


def test_the_sound_journal_passes_every_command(sound, tmp_path: Path) -> None:
    """The matrix above proves something only if the same commands work undamaged."""
    raw, entry_id, backup = sound
    for command in COMMANDS:
        path = tmp_path / "journal.json"
        path.write_bytes(raw)
        args = [a.format(id=entry_id, tmp=tmp_path, backup=backup) for a in command]
        result = CliRunner().invoke(cli, ["--journal", str(path), *args])
        assert result.exit_code == 0, (command, result.output)
        for written in tmp_path.glob("out.*"):
            written.unlink()
    doctor = CliRunner().invoke(cli, ["--journal", str(tmp_path / "journal.json"), "doctor"])
    assert doctor.exit_code == 0, doctor.output
