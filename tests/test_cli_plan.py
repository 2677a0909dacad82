"""`careercoach plan ...` as a user types it."""

from __future__ import annotations

import datetime as dt
import json
import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli
from careercoach.journal import EditConflict
from careercoach.journal.api import Journal
from careercoach.journal.storage import JournalStorage
from careercoach.plan import change

NOTICE = "General information, not legal advice"


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-02-10")
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--journal", str(journal_path), *args])

    return invoke


@pytest.fixture
def started(run):
    """A short plan with one met-but-unrecognised goal, a meeting and some evidence."""
    assert run("plan", "start", "--start", "2026-01-05", "--end", "2026-03-01").exit_code == 0
    steps = [
        ("plan", "goal", "add", "Close 5 new merchants", "--specific", "--measurable", "--agreed"),
        ("plan", "goal", "add", "Improve [bold]tone[/] {x} $y %s", "--depends-on-others"),
        ("plan", "goal", "met", "1", "--date", "2026-01-30", "--not-recognised"),
        ("plan", "meeting", "--date", "2026-01-19", "Agreed weekly check-ins"),
        ("plan", "sign", "restructuring", "yes"),
        ("plan", "doc", "contract"),
        (
            "add",
            "note",
            "Told to cc HR on every report",
            "--type",
            "plan_instruction",
            "--date",
            "2026-01-12",
        ),
    ]
    for step in steps:
        result = run(*step)
        assert result.exit_code == 0, result.output + result.stderr
    return run


def one_error_line(result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: "), result.stderr
    assert "Traceback" not in result.output + result.stderr
    return lines[0]


@pytest.mark.parametrize(
    "args",
    [
        ("plan", "show"),
        ("plan", "assess"),
        ("plan", "evidence"),
        ("plan", "goal", "add", "x"),
        ("plan", "sign", "restructuring", "yes"),
        ("plan", "export", "--output", "-"),
    ],
)
def test_commands_need_a_plan_first(run, args) -> None:
    assert "no improvement plan yet" in one_error_line(run(*args))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plan", "goal", "met", "9"), "no goal 9: choose a number from 1 to 2"),
        (("plan", "goal", "edit", "1"), "nothing to change"),
        (("plan", "sign", "bogus", "yes"), "unknown sign 'bogus'"),
        (("plan", "doc", "diary"), "unknown checklist item 'diary'"),
        (("plan", "dates", "--end", "2025-12-01"), "must be after its start"),
        (("plan", "dates", "--offer", "someday"), "bad date 'someday'"),
        (("plan", "start", "--start", "2026-01-05", "--end", "2026-06-01"), "--replace"),
        (("plan", "meeting", "  "), "the note is empty"),
        (("plan", "meeting", "--date", "1850-01-01", "x"), "is out of range (1900 to 2200)"),
        (("plan", "support"), "nothing to change"),
        (("plan", "clear"), "add --yes"),
    ],
)
def test_bad_input_gives_one_error_line(started, args, message: str) -> None:
    assert message in one_error_line(started(*args))


def test_end_before_start_is_refused(run) -> None:
    line = one_error_line(run("plan", "start", "--start", "2026-03-01", "--end", "2026-01-01"))
    assert "the plan end 2026-01-01 must be after its start 2026-03-01" in line


def test_unknown_answer_is_a_usage_error(started) -> None:
    assert started("plan", "sign", "restructuring", "maybe").exit_code == 2


def test_show_prints_goals_meetings_verdict_dates_and_the_notice(started) -> None:
    result = started("plan", "show")
    assert result.exit_code == 0
    out = result.output
    assert "Improvement plan 2026-01-05 to 2026-03-01 (55 days): running, ends in 19 days" in out
    assert "Verdict: Prepare an exit in parallel" in out
    assert "1. [met 2026-01-30, NOT recognised] Close 5 new merchants" in out
    assert "2. [open] Improve [bold]tone[/] {x} $y %s" in out
    assert "2026-01-19  Agreed weekly check-ins" in out
    assert "Documents secured: 1 of 6" in out
    assert "2026-03-01  Plan ends (in 19 days)" in out
    assert NOTICE in out


def test_assess_explains_the_verdict_with_warnings_and_notice(started) -> None:
    out = started("plan", "assess").output
    assert "Red flag: Restructuring or cost-cutting (you answered yes)." in out
    assert "! Goals met but not recognised (goal 1)" in out
    assert "! Short timeline with no support" in out
    assert NOTICE in out
    data = json.loads(started("plan", "assess", "--json").output)
    assert data["verdict"] == "exit"
    assert "restructuring" in data["drivers"]
    assert NOTICE in data["notice"]


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "show", "--json"),
        ("plan", "assess", "--json"),
        ("plan", "evidence", "--json"),
        ("plan", "signs", "--json"),
        ("plan", "docs", "--json"),
        ("plan", "dates", "--json"),
        ("plan", "guide", "--json"),
    ],
)
def test_every_read_command_prints_json(started, command) -> None:
    result = started(*command)
    assert result.exit_code == 0
    assert isinstance(json.loads(result.output), dict)


def test_goal_met_and_meeting_log_dated_evidence_in_the_journal(started, journal_path) -> None:
    kinds = {(e.date.isoformat(), e.subtype) for e in Journal(journal_path).entries()}
    assert ("2026-01-30", "plan_goal_met") in kinds
    assert ("2026-01-19", "plan_meeting") in kinds
    timeline = json.loads(started("plan", "evidence", "--json").output)["timeline"]
    assert [(i["date"], i["label"]) for i in timeline] == [
        ("2026-01-12", "Instruction"),
        ("2026-01-19", "Meeting"),
        ("2026-01-30", "Goal met"),
    ]


@pytest.mark.parametrize(
    ("note", "title", "in_notes"),
    [
        ("Agreed weekly check-ins", "Plan check-in: Agreed weekly check-ins", False),
        ("Agreed [b]1:1s[/]\nHR joins next time", "Plan check-in: Agreed [b]1:1s[/]", True),
        ("x" * 300, "Plan check-in: " + "x" * 184 + "…", True),
    ],
)
def test_a_meeting_note_keeps_what_the_title_cannot_hold(
    run, journal_path: Path, note: str, title: str, in_notes: bool
) -> None:
    """The title holds the note when it fits on one line; otherwise the notes keep it all."""
    assert run("plan", "start", "--start", "2026-01-05", "--end", "2026-03-01").exit_code == 0
    assert run("plan", "meeting", note).exit_code == 0
    [entry] = Journal(journal_path).entries()
    assert (entry.date.isoformat(), entry.subtype, entry.tags) == (
        "2026-02-10",
        "plan_meeting",
        ("pip",),
    )
    assert (entry.title, entry.notes) == (title, note if in_notes else "")
    plan = json.loads(run("plan", "show", "--json").output)["plan"]
    assert plan["meetings"] == [{"date": "2026-02-10", "note": note}]


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "goal", "met", "2", "--date", "2026-02-02"),
        ("plan", "meeting", "--date", "2026-02-03", "Reviewed the numbers"),
    ],
)
def test_a_plan_change_and_its_journal_note_are_written_together(
    started, journal_path: Path, monkeypatch: pytest.MonkeyPatch, command
) -> None:
    """One write carries both, so a crash or a full disk can never keep only one."""
    writes = []
    original = JournalStorage.write
    monkeypatch.setattr(
        JournalStorage, "write", lambda self, data: (writes.append(1), original(self, data))[1]
    )
    notes_before = len(Journal(journal_path).entries())
    assert started(*command).exit_code == 0
    assert len(writes) == 1
    assert len(Journal(journal_path).entries()) == notes_before + 1


def test_goal_flags_support_docs_and_signs_are_saved(started) -> None:
    assert started("plan", "goal", "edit", "2", "--specific", "--measurable").exit_code == 0
    assert started("plan", "support", "--training", "--transfer-discussed").exit_code == 0
    assert started("plan", "doc", "contract", "--undo").exit_code == 0
    assert started("plan", "sign", "restructuring", "clear").exit_code == 0
    plan = json.loads(started("plan", "show", "--json").output)["plan"]
    assert plan["goals"][1]["specific"] and plan["goals"][1]["measurable"]
    assert not plan["goals"][1]["within_my_control"]
    assert plan["support"]["training"] and plan["support"]["transfer_discussed"]
    assert plan["documents_done"] == []
    assert plan["answers"] == {}


def test_dates_show_review_window_and_visa_window(started) -> None:
    result = started("plan", "dates", "--offer", "2026-02-10", "--employment-end", "2026-03-31")
    assert result.exit_code == 0
    assert "2026-02-12  Earliest day to decide (you may decline) (in 2 days)" in result.output
    assert "2026-04-14  Notify Immigration (within 14 days)" in result.output
    assert (
        "2026-04-14  Join National Health Insurance and National Pension (within 14 days)"
        in result.output
    )
    assert "2026-06-30  Three months without your visa's work" in result.output
    assert "(Immigration Control Act Art. 19-16)" in result.output
    assert NOTICE in result.output
    cleared = started("plan", "dates", "--offer", "none", "--json")
    ids = [k["id"] for k in json.loads(cleared.output)["key_dates"]]
    assert "decide_review" not in ids
    assert {"immigration_notice", "insurance_pension", "status_review"} <= set(ids)


def test_guide_shows_exit_options_rules_help_and_notice(run) -> None:
    out = run("plan", "guide").output
    for expected in (
        "Salary continuation",
        "Lump-sum severance",
        "Hoterasu",
        "non-compete",
        NOTICE,
    ):
        assert expected in out


def test_export_writes_a_private_evidence_pack_and_will_not_overwrite(started, tmp_path) -> None:
    target = tmp_path / "out" / "pack.md"
    result = started("plan", "export", "--output", str(target))
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    text = target.read_text(encoding="utf-8")
    assert "## Timeline of evidence" in text
    assert "2026-01-12 [Instruction] Told to cc HR on every report" in text
    assert "Goal 1: Close 5 new merchants [MET on 2026-01-30, recognised: no]" in text
    assert r"Improve \[bold\]tone\[/\] \{x\} $y %s [open]" in text
    assert "- 2026-01-19: Agreed weekly check-ins" in text
    assert "- [x] Employment contract" in text
    assert "- [ ] Company rules and policies" in text
    assert NOTICE in text

    target.write_text("my own notes", encoding="utf-8")
    assert "add --force" in one_error_line(started("plan", "export", "--output", str(target)))
    assert target.read_text(encoding="utf-8") == "my own notes"
    forced = started("plan", "export", "--output", str(target), "--force")
    assert forced.exit_code == 0
    assert "Timeline of evidence" in target.read_text(encoding="utf-8")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


def test_export_txt_by_suffix_and_to_stdout(started, tmp_path) -> None:
    target = tmp_path / "pack.txt"
    assert started("plan", "export", "-o", str(target)).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("Improvement plan: evidence pack\n=====")
    assert "(done) Employment contract" in text
    assert "Improve [bold]tone[/] {x} $y %s" in text
    out = started("plan", "export", "-o", "-", "--format", "md").output
    assert out.startswith("# Improvement plan: evidence pack") and NOTICE in out


def test_a_damaged_plan_record_gives_one_clear_line(run, journal_path) -> None:
    """A hand-damaged plan is damage like any other: every plan command refuses in one
    line naming the file and doctor's way out, writes nothing, and doctor reports it."""
    assert run("plan", "start", "--start", "2026-01-05", "--end", "2026-03-01").exit_code == 0
    data = json.loads(journal_path.read_text())
    data["plan"]["1"]["goals"] = [{"text": "x", "status": "finished"}]
    journal_path.write_text(json.dumps(data))
    damaged = journal_path.read_bytes()
    for command in (
        ("plan", "show"),
        ("plan", "start", "--start", "2026-01-05", "--end", "2026-03-01", "--replace"),
    ):
        result = run(*command)
        assert result.exit_code == 2
        line = one_error_line(result)
        assert str(journal_path) in line and "goals[0].status: 'finished'" in line
        assert "careercoach doctor" in line
        assert journal_path.read_bytes() == damaged
    assert run("doctor").exit_code == 1


def test_clear_removes_the_plan(started) -> None:
    assert started("plan", "clear", "--yes").exit_code == 0
    assert "no improvement plan yet" in one_error_line(started("plan", "show"))


def plan_notes(journal_path: Path, subtype: str) -> list:
    return [e for e in Journal(journal_path).entries() if e.subtype == subtype]


def test_meeting_edit_changes_the_meeting_and_its_journal_note_in_place(
    started, journal_path: Path
) -> None:
    [before] = plan_notes(journal_path, "plan_meeting")
    result = started("plan", "meeting", "edit", "1", "--note", "Agreed fortnightly check-ins")
    assert result.exit_code == 0, result.output + result.stderr
    assert f"meeting 1 updated (journal entry {before.id})" in result.output
    plan = json.loads(started("plan", "show", "--json").output)["plan"]
    assert plan["meetings"] == [{"date": "2026-01-19", "note": "Agreed fortnightly check-ins"}]
    [after] = plan_notes(journal_path, "plan_meeting")
    assert after.id == before.id
    assert after.title == "Plan check-in: Agreed fortnightly check-ins"
    moved = started("plan", "meeting", "edit", "1", "--date", "2026-01-20")
    assert moved.exit_code == 0
    assert plan_notes(journal_path, "plan_meeting")[0].date.isoformat() == "2026-01-20"


def test_meeting_delete_removes_the_meeting_and_its_note(started, journal_path: Path) -> None:
    [note] = plan_notes(journal_path, "plan_meeting")
    result = started("plan", "meeting", "delete", "1")
    assert result.exit_code == 0, result.output + result.stderr
    assert result.output.strip() == f"meeting 1 deleted and its journal note {note.id}"
    assert json.loads(started("plan", "show", "--json").output)["plan"]["meetings"] == []
    assert plan_notes(journal_path, "plan_meeting") == []
    assert "Meeting" not in started("plan", "evidence").output
    assert "Agreed weekly check-ins" not in started("plan", "export", "-o", "-").output


def test_goal_edit_rewrites_a_met_goals_note_and_delete_removes_it(
    started, journal_path: Path
) -> None:
    [met] = plan_notes(journal_path, "plan_goal_met")
    assert started("plan", "goal", "edit", "1", "--text", "Close 6 new merchants").exit_code == 0
    [renamed] = plan_notes(journal_path, "plan_goal_met")
    assert (renamed.id, renamed.title) == (met.id, "Plan goal 1 met: Close 6 new merchants")
    result = started("plan", "goal", "delete", "1")
    assert result.exit_code == 0
    assert result.output.strip() == f"goal 1 deleted and its journal note {met.id}"
    goals = json.loads(started("plan", "show", "--json").output)["plan"]["goals"]
    assert [g["text"] for g in goals] == ["Improve [bold]tone[/] {x} $y %s"]
    assert plan_notes(journal_path, "plan_goal_met") == []


def test_reopening_a_met_goal_takes_its_note_away(started, journal_path: Path) -> None:
    assert started("plan", "goal", "reopen", "1").exit_code == 0
    assert plan_notes(journal_path, "plan_goal_met") == []


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (
            ("plan", "meeting", "edit", "2", "--note", "x"),
            "no meeting 2: choose a number from 1 to 1",
        ),
        (("plan", "meeting", "delete", "0"), "no meeting 0: choose a number from 1 to 1"),
        (("plan", "meeting", "edit", "1"), "nothing to change: give a new date or note"),
        (("plan", "meeting", "edit", "1", "--note", "  "), "the note is empty"),
        (("plan", "goal", "delete", "3"), "no goal 3: choose a number from 1 to 2"),
    ],
)
def test_bad_edits_and_deletes_give_one_line_and_change_nothing(
    started, journal_path: Path, args: tuple[str, ...], message: str
) -> None:
    before = journal_path.read_bytes()
    assert message in one_error_line(started(*args))
    assert journal_path.read_bytes() == before


@pytest.mark.parametrize(
    "command",
    [
        ("plan", "meeting", "edit", "1", "--note", "Agreed fortnightly check-ins"),
        ("plan", "meeting", "delete", "1"),
        ("plan", "goal", "delete", "1"),
    ],
)
def test_an_edit_or_delete_and_its_note_change_in_one_write(
    started, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    writes: list[int] = []
    original = JournalStorage.write
    monkeypatch.setattr(
        JournalStorage, "write", lambda self, data: (writes.append(1), original(self, data))[1]
    )
    assert started(*command).exit_code == 0
    assert len(writes) == 1


def test_show_points_out_a_meeting_whose_journal_note_was_deleted(
    started, journal_path: Path
) -> None:
    [note] = plan_notes(journal_path, "plan_meeting")
    assert "its journal note is gone" not in started("plan", "show").output
    assert started("delete", note.id, "--yes").exit_code == 0
    shown = started("plan", "show").output
    assert "1. 2026-01-19  Agreed weekly check-ins" in shown
    assert "its journal note is gone: `careercoach plan meeting delete 1`" in shown


@pytest.mark.parametrize("fmt", ["md", "txt"])
def test_export_marks_a_meeting_whose_journal_note_was_deleted(
    started, journal_path: Path, fmt: str
) -> None:
    [note] = plan_notes(journal_path, "plan_meeting")
    before = started("plan", "export", "-o", "-", "--format", fmt).output
    assert "2026-01-19: Agreed weekly check-ins\n" in before
    assert started("delete", note.id, "--yes").exit_code == 0
    after = started("plan", "export", "-o", "-", "--format", fmt).output
    meetings = after.split("Check-in meetings", 1)[1].split("Timeline of evidence", 1)[0]
    assert "2026-01-19: Agreed weekly check-ins (its journal note is gone)" in meetings


def test_assess_keeps_your_no_on_clear_goals_that_the_flags_cannot_settle(run) -> None:
    steps = [
        ("plan", "start", "--start", "2025-03-01", "--end", "2025-09-30"),
        ("plan", "goal", "add", "Close 40 tickets a day", "--specific", "--measurable"),
        ("plan", "sign", "goals_clear", "no"),
        ("plan", "sign", "goals_vague", "yes"),
    ]
    for step in steps:
        assert run(*step).exit_code == 0
    out = run("plan", "assess").output
    assert "Red flag: Vague or moving goals (you answered yes)." in out
    assert "Fixable sign: Clear, reachable goals" not in out


def test_assess_lets_recorded_training_overrule_short_with_no_help(run) -> None:
    steps = [
        ("plan", "start", "--start", "2025-03-01", "--end", "2025-04-30"),
        ("plan", "support", "--training"),
        ("plan", "sign", "short_no_support", "yes"),
    ]
    for step in steps:
        assert run(*step).exit_code == 0
    out = run("plan", "assess").output
    assert "Red flag: Short timeline" not in out
    assert "Not a red flag: Short timeline, no help (from your record: your record lists" in out
    assert "you answered yes, but the record counts" in out


def test_signs_show_the_business_dismissal_elements_under_restructuring(started) -> None:
    result = started("plan", "signs")
    assert result.exit_code == 0
    rows = result.output.splitlines()
    at = next(i for i, row in enumerate(rows) if row.strip().startswith("restructuring "))
    block = rows[at + 1 : at + 7]
    assert "one for business reasons (整理解雇)" in block[0]
    assert (
        block[1]
        .strip()
        .startswith(
            "Dismissal for business reasons (整理解雇) (Labor Contract Act Art. 16 (case law)"
        )
    )
    assert "courts weigh these four elements together" in block[1]
    titles = [
        "A real need to reduce staff",
        "Efforts to avoid dismissals",
        "A reasonable choice of who goes",
        "A fair process",
    ]
    for n, (row, title) in enumerate(zip(block[2:], titles, strict=True), start=1):
        assert row.strip().startswith(f"{n}. {title}: ")


def test_signs_as_text_carry_the_not_legal_advice_notice(started) -> None:
    result = started("plan", "signs")
    assert result.exit_code == 0
    assert result.output.rstrip().splitlines()[-1].startswith(NOTICE)


def test_deleting_a_goal_renumbers_the_later_goals_met_notes_in_the_same_write(
    run, journal_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for step in [
        ("plan", "start", "--start", "2026-01-05", "--end", "2026-03-01"),
        ("plan", "goal", "add", "Goal A"),
        ("plan", "goal", "add", "Goal B"),
        ("plan", "goal", "add", "Goal C"),
        ("plan", "goal", "met", "2", "--recognised"),
        ("plan", "goal", "met", "3", "--not-recognised"),
    ]:
        assert run(*step).exit_code == 0
    before = {n.id: n for n in plan_notes(journal_path, "plan_goal_met")}
    writes: list[int] = []
    original = JournalStorage.write
    monkeypatch.setattr(
        JournalStorage, "write", lambda self, data: (writes.append(1), original(self, data))[1]
    )
    result = run("plan", "goal", "delete", "1")
    assert result.exit_code == 0 and writes == [1]
    assert result.output.strip() == "goal 1 deleted"  # goal 1 had no note of its own
    after = {n.id: n for n in plan_notes(journal_path, "plan_goal_met")}
    assert after.keys() == before.keys()
    assert sorted(n.title for n in after.values()) == [
        "Plan goal 1 met: Goal B",
        "Plan goal 2 met: Goal C",
    ]
    assert "Plan goal 1 met: Goal B" in run("list").output
    shown = run("plan", "show").output
    assert "1. [met" in shown and "Goal B" in shown.split("2. [")[0]


# -- the app's steps: on the goal or meeting shown, merged with the plan on disk ---------


def stored_plan(journal_path: Path):
    plan = change.stored_plan(Journal(journal_path))
    assert plan is not None
    return plan


def test_a_goal_form_sets_only_what_it_changed_on_the_goal_on_disk(
    started, journal_path: Path
) -> None:
    shown = stored_plan(journal_path).goal(2)
    assert started("plan", "goal", "edit", "2", "--agreed").exit_code == 0
    form = {"text": "Improve tone", "specific": False, "measurable": False, "agreed": False}
    change.edit_goal(2, shown=shown, **form, within_my_control=False).save(Journal(journal_path))
    goal = stored_plan(journal_path).goal(2)
    assert (goal.text, goal.agreed) == ("Improve tone", True)


def test_a_dates_form_keeps_a_date_set_elsewhere_and_refuses_a_clash(
    started, journal_path: Path
) -> None:
    shown = stored_plan(journal_path)
    form = {"start": shown.start, "end": shown.end, "offer_date": None, "employment_end": None}
    assert started("plan", "dates", "--offer", "2026-02-01", "--end", "2026-03-15").exit_code == 0
    before = journal_path.read_bytes()
    with pytest.raises(EditConflict) as clash:
        change.dates(shown=shown, **{**form, "end": dt.date(2026, 3, 31)}).save(
            Journal(journal_path)
        )
    assert [c.field for c in clash.value.conflicts] == ["end"]
    assert journal_path.read_bytes() == before
    change.dates(shown=shown, **{**form, "start": dt.date(2026, 1, 6)}).save(Journal(journal_path))
    plan = stored_plan(journal_path)
    assert (plan.start, plan.end, plan.offer_date) == (
        dt.date(2026, 1, 6),
        dt.date(2026, 3, 15),
        dt.date(2026, 2, 1),
    )


def test_a_meeting_form_merges_with_a_meeting_redated_elsewhere_and_its_note_follows(
    started, journal_path: Path
) -> None:
    shown = stored_plan(journal_path).meeting(1)
    assert started("plan", "meeting", "edit", "1", "--date", "2026-01-20").exit_code == 0
    change.edit_meeting(1, shown.date, "Agreed weekly check-ins on Monday", shown=shown).save(
        Journal(journal_path)
    )
    assert [(m.date, m.note) for m in stored_plan(journal_path).meetings] == [
        (dt.date(2026, 1, 20), "Agreed weekly check-ins on Monday")
    ]
    notes = plan_notes(journal_path, "plan_meeting")
    assert [(n.date, n.title) for n in notes] == [
        (dt.date(2026, 1, 20), "Plan check-in: Agreed weekly check-ins on Monday")
    ]


@pytest.mark.parametrize(
    "step",
    [
        lambda change, goal, meeting: change.goal_status(
            2, "met", on=dt.date(2026, 2, 1), shown=goal
        ),
        lambda change, goal, meeting: change.goal_status(2, "open", shown=goal),
        lambda change, goal, meeting: change.edit_goal(2, shown=goal, text="Kinder tone"),
        lambda change, goal, meeting: change.delete_goal(2, shown=goal),
        lambda change, goal, meeting: change.delete_meeting(1, shown=meeting),
        lambda change, goal, meeting: change.edit_meeting(1, note="Later", shown=meeting),
    ],
    ids=["met", "reopen", "edit goal", "delete goal", "delete meeting", "edit meeting"],
)
def test_a_step_on_a_goal_or_meeting_that_moved_writes_nothing(
    started, journal_path: Path, step
) -> None:
    """Goal 2 and meeting 1 as shown; then the shell replaces both, so the numbers
    name other items: the app's step refuses rather than act on them."""
    plan = stored_plan(journal_path)
    goal, meeting = plan.goal(2), plan.meeting(1)
    for args in (
        ("plan", "goal", "delete", "2"),
        ("plan", "goal", "add", "Another goal"),
        ("plan", "meeting", "delete", "1"),
        ("plan", "meeting", "--date", "2026-01-26", "Another talk"),
    ):
        assert started(*args).exit_code == 0
    before = journal_path.read_bytes()
    with pytest.raises(change.NotAsShown, match="changed elsewhere"):
        step(change, goal, meeting).save(Journal(journal_path))
    assert journal_path.read_bytes() == before
