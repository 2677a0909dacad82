"""The Japanese title of an entry: added, edited, cleared, shown and carried through exports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-20")
    runner = CliRunner()

    def invoke(*args: str, journal: Path = journal_path):
        return runner.invoke(cli, ["--journal", str(journal), *args])

    return invoke


def add(run, title_ja: str = "決済基盤リリースの取りまとめ [b]$x{y}") -> str:
    result = run(
        "add", "achievement", "Led the launch", "--type", "major_project", "--ja", title_ja
    )
    assert result.exit_code == 0, result.output
    return result.output.strip()


def test_add_with_ja_is_shown_by_list_and_show(run) -> None:
    entry_id = add(run)
    [record] = json.loads(run("list", "--json").output)
    assert record["title_ja"] == "決済基盤リリースの取りまとめ [b]$x{y}"
    assert "日本語: 決済基盤リリースの取りまとめ [b]$x{y}" in run("show", entry_id).output
    assert "決済基盤リリースの取りまとめ [b]$x{y}" in run("list").output
    assert json.loads(run("show", entry_id, "--json").output)["title_ja"] == record["title_ja"]


def test_edit_ja_sets_and_empty_clears(run) -> None:
    entry_id = add(run)
    assert run("edit", entry_id, "--ja", "手順書の整備").exit_code == 0
    assert json.loads(run("show", entry_id, "--json").output)["title_ja"] == "手順書の整備"
    assert run("edit", entry_id, "--ja", "").exit_code == 0
    shown = json.loads(run("show", entry_id, "--json").output)
    assert shown["title_ja"] == "" and shown["title"] == "Led the launch"
    assert "日本語" not in run("show", entry_id).output


def test_bad_ja_is_one_line_exit_2(run) -> None:
    result = run("add", "note", "x", "--ja", "two\nlines")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and "one line" in result.output


@pytest.mark.parametrize("fmt", ["json", "csv", "md"])
def test_exports_carry_the_japanese_title(run, tmp_path: Path, fmt: str) -> None:
    add(run)
    out = tmp_path / f"export.{fmt}"
    result = run("export", "--format", fmt, "--output", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8-sig")
    expected = "決済基盤リリースの取りまとめ \\[b\\]\\$x{y}" if fmt == "md" else "決済基盤"
    assert expected in text


def test_json_backup_round_trips_through_import(run, tmp_path: Path) -> None:
    entry_id = add(run)
    backup = tmp_path / "backup.json"
    assert run("export", "--format", "json", "--output", str(backup)).exit_code == 0
    other = tmp_path / "other.json"
    result = run("import", str(backup), journal=other)
    assert result.exit_code == 0, result.output
    restored = json.loads(run("show", entry_id, "--json", journal=other).output)
    assert restored["title_ja"] == "決済基盤リリースの取りまとめ [b]$x{y}"
