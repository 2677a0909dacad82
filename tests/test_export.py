"""Exports: the JSON backup round trip, the spreadsheet CSV, the Markdown packet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from careercoach.cli import cli
from careercoach.demo import write_demo
from careercoach.errors import CareerCoachError
from careercoach.exchange.backup_import import parse_backup
from careercoach.exchange.formats import evidence_order, render_csv, render_json, render_markdown
from careercoach.exchange.transfer import export_to_path, import_file
from careercoach.journal.api import Draft, Journal
from careercoach.model import Profile, make_entry
from careercoach.plan.record import add_goal, new_plan
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import assess

TODAY = dt.date(2026, 11, 20)
PLAN = add_goal(
    new_plan(dt.date(2026, 10, 1), dt.date(2026, 12, 31)), "週次レポートを出す"
).to_dict()
INJECTION = "# Boss [click](http://evil.example) <img src=x onerror=alert(1)> ![i](x) *bold*"


def export(journal_path: Path, *args: str):
    env = {"CAREERCOACH_TODAY": TODAY.isoformat()}
    return CliRunner().invoke(cli, ["--journal", str(journal_path), "export", *args], env=env)


@pytest.fixture
def demo_journal(journal_path: Path) -> Journal:
    write_demo(journal_path, TODAY)
    journal = Journal(journal_path)
    journal.add(
        Draft(
            TODAY,
            "japanese",
            "JLPT N1に合格しました",
            notes="結果: 合格\n次は敬語を磨く。",
            tags=("jlpt",),
            details={"type": "jlpt", "level": "N1", "passed": True, "score": 150},
        )
    )
    journal.save_plan(PLAN)
    return journal


def test_json_round_trip_restores_exactly(demo_journal: Journal, tmp_path: Path) -> None:
    target = tmp_path / "backup.json"
    summary = export_to_path(demo_journal, "json", target, as_of=TODAY)
    assert summary.entries == demo_journal.count()
    restored = Journal(tmp_path / "restored" / "journal.json")
    report = import_file(restored, target, replace=True)
    assert len(report.added) == demo_journal.count()
    assert restored.entries() == demo_journal.entries()
    assert restored.profile() == demo_journal.profile()
    assert restored.plan() == PLAN
    assert restored.snapshot() == demo_journal.snapshot()


def test_json_backup_has_the_snapshot_shape_and_keeps_japanese(demo_journal: Journal) -> None:
    payload = render_json(demo_journal.entries(), demo_journal.profile(), demo_journal.plan())
    assert "JLPT N1に合格しました".encode() in payload  # readable, not \u-escaped
    assert json.loads(payload) == demo_journal.snapshot()


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    title=_text,
    notes=st.text(max_size=80),
    tag=st.from_regex(r"[a-z][a-z0-9\-]{0,10}", fullmatch=True),
)
def test_any_valid_entry_survives_the_backup(title: str, notes: str, tag: str) -> None:
    try:
        entry = make_entry(
            entry_id="abc123", date=TODAY, kind="note", title=title, notes=notes, tags=[tag]
        )
    except CareerCoachError:
        assume(False)
    payload = render_json([entry], Profile(), None)
    assert parse_backup(json.loads(payload), Path("b.json")).entries == (entry,)


def read_csv(payload: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(payload.decode("utf-8-sig"), newline="")))


def test_csv_opens_with_the_csv_module_and_keeps_japanese(demo_journal: Journal) -> None:
    payload = render_csv(demo_journal.entries())
    assert payload.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets detect UTF-8
    rows = read_csv(payload)
    assert len(rows) == demo_journal.count()
    jlpt = next(r for r in rows if r["title"] == "JLPT N1に合格しました")
    assert jlpt["notes"] == "結果: 合格\n次は敬語を磨く。"
    assert (jlpt["kind"], jlpt["type"], jlpt["tags"]) == ("japanese", "jlpt", "jlpt")
    assert jlpt["details"] == "level=N1; passed=yes; score=150"
    assert [r["id"] for r in rows] == [e.id for e in demo_journal.entries()]


@pytest.mark.parametrize(
    ("title", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+2", "'+1+2"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("＝1+1", "'＝1+1"),
        ("Plain title = fine", "Plain title = fine"),
        ("日本語のタイトル", "日本語のタイトル"),
    ],
)
def test_csv_neutralises_formulas(title: str, cell: str) -> None:
    entry = make_entry(entry_id="abc123", date=TODAY, kind="note", title=title, notes=title)
    (row,) = read_csv(render_csv([entry]))
    assert row["title"] == cell
    assert row["notes"] == cell


def test_csv_has_a_starred_column() -> None:
    starred = make_entry(entry_id="s1", date=TODAY, kind="note", title="=1+1", starred=True)
    plain = make_entry(entry_id="p1", date=TODAY, kind="note", title="Plain")
    rows = {r["id"]: r for r in read_csv(render_csv([starred, plain]))}
    assert (rows["s1"]["starred"], rows["p1"]["starred"]) == ("yes", "")
    assert rows["s1"]["title"] == "'=1+1"  # still neutralised beside the new column
    assert list(rows["s1"])[-1] == "starred"  # added last: older columns keep their place


def test_markdown_groups_evidence_by_criterion(demo_journal: Journal) -> None:
    entries = demo_journal.entries()
    assessment = assess(entries, demo_journal.profile(), load_criteria(), TODAY)
    text = render_markdown(entries, demo_journal.profile(), assessment).decode()
    assert text.startswith("# Promotion packet: Alex Morgan\n")
    assert f"## Readiness: {assessment.overall}/100 ({assessment.band.name})" in text
    by_id = {e.id: e for e in entries}
    sections = text.split("\n### ")[1:]
    for score in assessment.criteria:
        section = next(s for s in sections if s.startswith(f"{score.title} ({score.score}/100)"))
        listed = [
            line.rsplit("`", 2)[1] for line in section.splitlines() if line.startswith("- **")
        ]
        expected = evidence_order(by_id[i] for i in score.evidence_ids)
        assert listed == [e.id for e in expected]
        kinds = [by_id[i].kind == "achievement" for i in listed]
        assert kinds == sorted(kinds, reverse=True)  # achievements first
        dates = [by_id[i].date for i in listed if by_id[i].kind != "achievement"]
        assert dates == sorted(dates, reverse=True)  # then newest first
    assert "JLPT N1に合格しました" in text
    assert "次は敬語を磨く。" in text


def test_markdown_lists_uncited_entries_last(journal: Journal) -> None:
    old = journal.add(Draft(dt.date(2019, 1, 1), "note", "A note from long ago"))
    entries = journal.entries()
    assessment = assess(entries, journal.profile(), load_criteria(), TODAY)
    text = render_markdown(entries, journal.profile(), assessment).decode()
    assert text.split("### Other entries")[1].count(f"`{old.id}`") == 1


def _tokens(markdown: str) -> list[str]:
    parser = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    types = []
    for token in parser.parse(markdown):
        types.append(token.type)
        types += [child.type for child in token.children or ()]
    return types


def test_markdown_user_text_cannot_inject(journal: Journal) -> None:
    notes = (
        "# not a heading\n- not a list\n1. not ordered\n> no quote\n```\n| a | b |\n|---|---|\n==="
    )
    journal.add(Draft(TODAY, "achievement", INJECTION, notes=notes, tags=("x",)))
    journal.save_profile(Profile(name="[Me](http://evil) <b>"))
    entries = journal.entries()
    assessment = assess(entries, journal.profile(), load_criteria(), TODAY)
    text = render_markdown(entries, journal.profile(), assessment).decode()
    types = _tokens(text)
    for forbidden in ("link_open", "image", "html_inline", "html_block", "fence", "table_open"):
        assert forbidden not in types
    assert "ordered_list_open" not in types
    assert "em_open" not in types
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert len(headings) == types.count("heading_open")  # only the packet's own headings
    assert all(not h.startswith("# not") for h in headings)
    rendered = MarkdownIt("commonmark").render(text)
    assert "# Boss [click](http://evil.example)" in rendered.replace("&lt;", "<")
    assert "# not a heading" in rendered


def test_since_and_until_filter_every_format(demo_journal: Journal, tmp_path: Path) -> None:
    since, until = dt.date(2026, 9, 1), dt.date(2026, 9, 30)
    wanted = [e.id for e in demo_journal.entries() if since <= e.date <= until]
    assert wanted
    csv_path, json_path = tmp_path / "x.csv", tmp_path / "x.json"
    for fmt, path in (("csv", csv_path), ("json", json_path)):
        export_to_path(demo_journal, fmt, path, as_of=TODAY, since=since, until=until)
    assert [r["id"] for r in read_csv(csv_path.read_bytes())] == wanted
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["range"] == {"since": "2026-09-01", "until": "2026-09-30"}
    assert sorted(e["id"] for e in document["entries"]) == sorted(wanted)


def test_cli_writes_a_private_file_and_never_overwrites(
    demo_journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    target = tmp_path / "packet.md"
    result = export(journal_path, "--output", str(target))
    assert result.exit_code == 0, result.output
    assert f"as md to {target}" in result.output
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    first = target.read_bytes()
    target.write_text("my own edits")
    again = export(journal_path, "--format", "md", "--output", str(target))
    assert again.exit_code == 2
    assert "already exists; add --force" in again.output
    assert target.read_text() == "my own edits"
    forced = export(journal_path, "--format", "md", "--output", str(target), "--force")
    assert forced.exit_code == 0, forced.output
    assert target.read_bytes() == first


def test_cli_dash_writes_to_stdout(demo_journal: Journal, journal_path: Path) -> None:
    result = export(journal_path, "--format", "json", "--output", "-")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout_bytes)["entries"][0]["id"]


@pytest.mark.parametrize(
    ("args", "problem"),
    [
        (["--output", "-"], "name the format with --format"),
        (["--output", "{tmp}/x.txt"], "name the format with --format"),
        (["--format", "csv", "--output", "{tmp}"], "is a folder"),
        (["--format", "json", "--output", "{journal}", "--force"], "is your journal itself"),
        (["-f", "csv", "-o", "-", "--since", "2026-10-01", "--until", "2026-09-01"], "after"),
        (["-f", "csv", "-o", "-", "--since", "last week"], "bad date 'last week'"),
    ],
)
def test_cli_refusals(
    demo_journal: Journal, journal_path: Path, tmp_path: Path, args: list[str], problem: str
) -> None:
    filled = [a.format(tmp=tmp_path, journal=journal_path) for a in args]
    before = journal_path.read_bytes()
    result = export(journal_path, *filled)
    assert result.exit_code == 2
    assert problem in result.output
    assert journal_path.read_bytes() == before


def test_a_new_folder_is_made_private(
    demo_journal: Journal, journal_path: Path, tmp_path: Path
) -> None:
    """Every user file (exports, the evidence pack, a saved script) goes through one
    writer: a missing folder is created 0700, the file 0600."""
    target = tmp_path / "new" / "x.csv"
    result = export(journal_path, "--format", "csv", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_symlinked_target_is_refused(demo_journal: Journal, tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_text("keep me")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    with pytest.raises(CareerCoachError, match="symbolic link"):
        export_to_path(demo_journal, "csv", link, as_of=TODAY, force=True)
    assert real.read_text() == "keep me"
