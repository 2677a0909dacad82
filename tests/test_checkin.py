"""Check-in content and turning answers into drafts dated inside the chosen week."""

from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.checkin import (
    CHECKIN_TAG,
    AreaAnswer,
    CheckinConflict,
    drafts_for_week,
    entry_date,
    load_checkin,
    parse_checkin,
    plan_checkin,
    save_checkin,
    settle_checkin,
    week_log,
    week_start,
)
from careercoach.content.loader import parse_yaml
from careercoach.errors import ContentError, ValidationError
from careercoach.journal import Draft, Journal
from careercoach.model import KINDS, make_entry

TODAY = dt.date(2026, 11, 20)  # a Friday
MONDAY = dt.date(2026, 11, 16)
GUIDE_EXAMPLES = (
    "meeting_room",
    "meeting_notes",
    "clean_documents",
    "early",
    "dull_task",
    "stayed_late",
)


def test_builtin_areas_cover_the_guide_and_cite_it() -> None:
    areas = {area.id: area for area in load_checkin()}
    assert set(areas) == {
        "invisible",
        "bridge",
        "team_events",
        "japanese",
        "proposals",
        "documentation",
    }
    assert tuple(e.id for e in areas["invisible"].examples) == GUIDE_EXAMPLES
    for area in areas.values():
        assert area.section.startswith("promotion guide §")
        for example in area.examples:
            assert example.type in KINDS[area.kind].subtypes
            make_entry(entry_id="tmp", date=TODAY, kind=area.kind, title=example.title)


def test_staying_late_reminds_that_overtime_is_logged_and_paid_citing_the_law() -> None:
    invisible = next(area for area in load_checkin() if area.id == "invisible")
    label = next(e.label for e in invisible.examples if e.id == "stayed_late")
    assert "log it as paid overtime" in label
    assert label.endswith("(log it as paid overtime: Labour Standards Act Art. 37)")


def test_ticks_and_free_lines_become_drafts_of_the_right_kind() -> None:
    answers = {
        "invisible": AreaAnswer(("early", "dull_task"), "Fixed the printer"),
        "team_events": AreaAnswer((), "Bowling night [b]!"),
        "japanese": AreaAnswer(("study",)),
    }
    drafts = drafts_for_week(answers, MONDAY, today=TODAY)
    got = [(d.kind, dict(d.details or {}).get("type"), d.title) for d in drafts]
    assert got == [
        ("invisible", "early", "Arrived early to my meetings"),
        ("invisible", "dull_task", "Volunteered for a task nobody wanted"),
        ("invisible", "other", "Fixed the printer"),
        ("team_event", None, "Bowling night [b]!"),
        ("japanese", "study", "Studied Japanese (vocabulary, kanji or grammar)"),
    ]
    assert all(d.tags == (CHECKIN_TAG,) and d.date == TODAY for d in drafts)


def test_no_answers_give_no_drafts() -> None:
    assert drafts_for_week({"bridge": AreaAnswer((), "   ")}, MONDAY, today=TODAY) == []


@pytest.mark.parametrize(
    ("monday", "today", "expected"),
    [
        (dt.date(2026, 11, 16), dt.date(2026, 11, 20), dt.date(2026, 11, 20)),
        (dt.date(2026, 11, 16), dt.date(2026, 11, 16), dt.date(2026, 11, 16)),
        (dt.date(2026, 11, 16), dt.date(2026, 11, 22), dt.date(2026, 11, 20)),
        (dt.date(2026, 11, 9), dt.date(2026, 11, 18), dt.date(2026, 11, 13)),
    ],
)
def test_entry_date_is_inside_the_week_and_never_ahead(monday, today, expected) -> None:
    assert entry_date(monday, today) == expected


@pytest.mark.parametrize(
    ("monday", "message"),
    [
        (dt.date(2026, 11, 17), "not a Monday"),
        (dt.date(2026, 11, 23), "has not started yet"),
    ],
)
def test_bad_weeks_are_refused(monday: dt.date, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        drafts_for_week({}, monday, today=TODAY)


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({"nope": AreaAnswer()}, "unknown check-in area 'nope'"),
        ({"bridge": AreaAnswer(("early",))}, "unknown example 'early' in Bridge work"),
    ],
)
def test_unknown_answers_are_refused(answers, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        drafts_for_week(answers, MONDAY, today=TODAY)


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2150, 1, 1)))
def test_week_start_is_the_monday_on_or_before(day: dt.date) -> None:
    monday = week_start(day)
    assert monday.weekday() == 0
    assert 0 <= (day - monday).days < 7
    assert monday <= entry_date(monday, day) <= day


VALID = """
areas:
  - id: a
    title: A
    prompt: p
    kind: invisible
    section: "promotion guide §3"
    examples:
      - {id: e, label: L, type: early, title: T}
"""


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("kind: invisible", "kind: heroics", "areas[0].kind: 'heroics' is not one of"),
        ("type: early", "type: bridge", "areas[0].examples[0].type: 'bridge' is not one of"),
        ('section: "promotion guide §3"', "section: 3", "areas[0].section: expected text"),
        ("prompt: p", "prompt: p\n    colour: red", "areas[0].colour: unknown key"),
        ("    title: A\n", "", "areas[0]: missing field 'title'"),
    ],
)
def test_content_errors_name_file_key_and_problem(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    path = tmp_path / "checkin.yaml"
    path.write_text(VALID.replace(old, new, 1))
    with pytest.raises(ContentError) as caught:
        load_checkin(path)
    assert str(caught.value).startswith(f"{path}: ")
    assert message in str(caught.value)


def test_the_valid_sample_parses() -> None:
    (area,) = parse_checkin(parse_yaml(VALID, "sample"), "sample")
    assert (area.kind, area.examples[0].type, area.free_type) == ("invisible", "early", None)


# -- running the check-in twice (issue #20) -------------------------------------------

AREAS = load_checkin()


def _journal(tmp_path: Path) -> Journal:
    moment = dt.datetime(2026, 11, 20, 9, tzinfo=dt.timezone.utc)
    return Journal(tmp_path / "journal.json", now=lambda: moment, rng=random.Random(1))


def _save(journal: Journal, answers: dict[str, AreaAnswer], monday: dt.date = MONDAY):
    return save_checkin(journal, answers, monday, today=TODAY, areas=AREAS)


def test_the_same_check_in_twice_writes_nothing_the_second_time(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    answers = {
        "invisible": AreaAnswer(("early", "dull_task"), "Fixed the printer"),
        "japanese": AreaAnswer(("study",), "Read one NHK article"),
    }
    first = _save(journal, answers)
    assert first.summary() == "5 added"
    ids = {e.id for e in journal.entries()}
    version = journal.version()
    second = _save(journal, answers)
    assert second.is_empty() and second.summary() == "nothing changed"
    assert {e.id for e in journal.entries()} == ids
    assert journal.version() == version  # not even a rewrite


def test_a_second_run_edits_the_week(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _save(journal, {"invisible": AreaAnswer(("early", "dull_task"), "Fixed the printer")})
    before = {e.title: e for e in journal.entries()}
    plan = _save(
        journal,
        {"invisible": AreaAnswer(("early", "meeting_notes"), "Fixed the printer and scanner")},
    )
    assert plan.summary() == "1 added, 1 changed, 1 removed"
    after = {e.title: e for e in journal.entries()}
    assert "Volunteered for a task nobody wanted" not in after  # unticked: in the trash
    assert "Took and shared the meeting notes" in after
    edited = after["Fixed the printer and scanner"]
    assert edited.id == before["Fixed the printer"].id  # the same entry, retitled
    assert after["Arrived early to my meetings"].id == before["Arrived early to my meetings"].id


def test_other_weeks_and_other_entries_are_left_alone(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    journal.add(Draft(TODAY, "invisible", "Set up the room", details={"type": "meeting_room"}))
    _save(journal, {"invisible": AreaAnswer(("early",))}, MONDAY - dt.timedelta(weeks=1))
    plan = _save(journal, {"invisible": AreaAnswer(("meeting_room",))})
    assert plan.summary() == "1 added"  # the CLI's entry is not the check-in's tick
    log = week_log(journal.entries(), MONDAY, AREAS)["invisible"]
    assert [e.title for e in log.others] == ["Set up the room"]
    assert list(log.ticked) == ["meeting_room"]
    last_week = week_log(journal.entries(), MONDAY - dt.timedelta(weeks=1), AREAS)
    assert list(last_week["invisible"].ticked) == ["early"]


def test_unknown_areas_are_refused_when_planning() -> None:
    log = week_log([], MONDAY, AREAS)
    with pytest.raises(ValidationError, match="unknown check-in area 'karaoke'"):
        plan_checkin({"karaoke": AreaAnswer()}, log, MONDAY, today=TODAY, areas=AREAS)


def test_a_second_run_can_add_the_free_line_s_japanese_title(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _save(journal, {"bridge": AreaAnswer((), "Explained nemawashi")})
    (entry,) = journal.entries()
    plan = _save(journal, {"bridge": AreaAnswer((), "Explained nemawashi", "根回しを説明")})
    assert plan.summary() == "1 changed"
    (again,) = journal.entries()
    assert (again.id, again.title, again.title_ja) == (entry.id, entry.title, "根回しを説明")


def _answers() -> st.SearchStrategy[dict[str, AreaAnswer]]:
    """Any answers to the built-in areas: ticks, and free lines (sometimes a tick's own
    title, or markup-like text) with or without a Japanese title."""
    titles = [example.title for area in AREAS for example in area.examples]
    line = st.one_of(
        st.just(""),
        st.sampled_from(["Fixed the printer", "[bold]Led[/] $x {y}", *titles]),
        st.text(st.characters(min_codepoint=32, max_codepoint=0x30FF), max_size=40),
    )
    return st.fixed_dictionaries(
        {},
        optional={
            area.id: st.builds(
                AreaAnswer,
                st.lists(st.sampled_from([e.id for e in area.examples]), unique=True).map(tuple),
                line,
                st.sampled_from(["", "根回しを説明"]),
            )
            for area in AREAS
        },
    )


def _state(journal: Journal) -> list[tuple]:
    return sorted(
        (e.date, e.kind, e.subtype or "", e.title, e.title_ja, e.tags) for e in journal.entries()
    )


@settings(max_examples=40, deadline=None)
@given(before=_answers(), answers=_answers())
def test_running_the_same_check_in_twice_leaves_what_running_it_once_left(before, answers) -> None:
    """From any week already checked in (with other answers), saving the same answers
    a second time changes nothing: no duplicates, no edits, not even a rewrite."""
    with tempfile.TemporaryDirectory() as folder:
        journal = _journal(Path(folder))
        try:
            _save(journal, before)
            _save(journal, answers)
        except ValidationError:
            return  # a refused line (e.g. only spaces where a title is needed) writes nothing
        once, version = _state(journal), journal.version()
        again = _save(journal, answers)
        assert again.is_empty(), again
        assert _state(journal) == once
        assert journal.version() == version


# -- saving against changes made meanwhile (issue #17) ---------------------------------


def _loaded(journal: Journal) -> dict:
    """The week as a check-in form opened now would keep it."""
    return week_log(journal.entries(), MONDAY, AREAS)


def _save_from(journal: Journal, loaded: dict, answers: dict[str, AreaAnswer]):
    return save_checkin(journal, answers, MONDAY, today=TODAY, areas=AREAS, loaded=loaded)


def _by_title(journal: Journal, title: str) -> list:
    return [e for e in journal.entries() if e.title == title]


def test_a_line_retitled_meanwhile_keeps_its_new_title(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _save(journal, {"invisible": AreaAnswer((), "Fixed the printer")})
    loaded = _loaded(journal)
    (line,) = _by_title(journal, "Fixed the printer")
    journal.update(line.id, title="Fixed the printer and the scanner")
    plan = _save_from(
        journal,
        loaded,
        {"invisible": AreaAnswer((), "Fixed the printer"), "japanese": AreaAnswer(("study",))},
    )
    assert plan.summary() == "1 added"
    assert journal.get(line.id).title == "Fixed the printer and the scanner"


def test_an_entry_deleted_meanwhile_is_not_brought_back(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _save(journal, {"invisible": AreaAnswer(("meeting_notes",))})
    loaded = _loaded(journal)
    journal.delete(loaded["invisible"].ticked["meeting_notes"].id)
    answers = {"invisible": AreaAnswer(("meeting_notes",)), "japanese": AreaAnswer(("study",))}
    assert _save_from(journal, loaded, answers).summary() == "1 added"
    assert _by_title(journal, "Took and shared the meeting notes") == []


def test_an_entry_added_meanwhile_is_not_removed(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    loaded = _loaded(journal)
    (added,) = drafts_for_week(
        {"invisible": AreaAnswer(("meeting_notes",))}, MONDAY, today=TODAY, areas=AREAS
    )
    shell_entry = journal.add(added)
    plan = _save_from(journal, loaded, {"japanese": AreaAnswer(("study",))})
    assert plan.summary() == "1 added"
    assert journal.get(shell_entry.id) == shell_entry
    assert journal.trash() == []


def test_what_the_user_unticked_is_removed_even_after_other_changes(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _save(journal, {"invisible": AreaAnswer(("early", "dull_task"))})
    loaded = _loaded(journal)
    journal.add(Draft(TODAY, "japanese", "Read a manual", tags=("checkin",)))
    plan = _save_from(journal, loaded, {"invisible": AreaAnswer(("early",))})
    assert plan.summary() == "1 removed"
    assert _by_title(journal, "Volunteered for a task nobody wanted") == []
    assert len(_by_title(journal, "Read a manual")) == 1


def test_a_line_changed_on_both_sides_asks_and_writes_nothing(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    _save(journal, {"invisible": AreaAnswer((), "Fixed the printer")})
    loaded = _loaded(journal)
    (line,) = _by_title(journal, "Fixed the printer")
    journal.update(line.id, title="Fixed it in the shell")
    version = journal.version()
    answers = {
        "invisible": AreaAnswer((), "Fixed it in the app"),
        "japanese": AreaAnswer(("study",)),
    }
    with pytest.raises(CheckinConflict) as caught:
        _save_from(journal, loaded, answers)
    assert journal.version() == version
    (conflict,) = caught.value.conflicts
    assert (conflict.field, conflict.mine[0], conflict.theirs[0]) == (
        "invisible",
        "Fixed it in the app",
        "Fixed it in the shell",
    )
    for keep, title in (("theirs", "Fixed it in the shell"), ("mine", "Fixed it in the app")):
        base, mine = settle_checkin(loaded, answers, caught.value, keep)
        _save_from(journal, base, mine)
        assert journal.get(line.id).title == title
        assert list(_loaded(journal)["japanese"].ticked) == ["study"]  # once


@pytest.mark.parametrize("line", ["Cafe\u0301 with the team", "\u0f73", "  padded line  "])
def test_a_line_the_journal_normalises_is_not_rewritten_on_the_next_run(
    tmp_path: Path, line: str
) -> None:
    """A title is stored NFC-normalised and trimmed: the typed line must compare as
    stored, or every run would 'retitle' the entry to the same text (found by the
    property above, with a Tibetan vowel sign NFC decomposes)."""
    journal = _journal(tmp_path)
    answers = {"invisible": AreaAnswer((), line)}
    _save(journal, answers)
    version = journal.version()
    assert _save(journal, answers).is_empty()
    assert journal.version() == version
