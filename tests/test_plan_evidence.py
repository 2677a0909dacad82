"""The journal notes a plan meeting leaves: the whole note always reaches the journal."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.model import TITLE_MAX
from careercoach.plan.evidence import meeting_note

ON = dt.date(2026, 11, 20)


def test_a_short_one_line_note_is_the_title() -> None:
    draft = meeting_note(ON, "  Agreed weekly 1:1s ")
    assert (draft.title, draft.notes) == ("Plan check-in: Agreed weekly 1:1s", "")


@pytest.mark.parametrize("brk", ["\n", "\r\n", "\r", "\x0b", "\x0c", "\x85", "\u2028", "\u2029"])
def test_any_line_break_keeps_the_whole_note_in_the_notes(brk: str) -> None:
    note = f"Agreed A{brk}Agreed B"
    draft = meeting_note(ON, note)
    assert draft.title == "Plan check-in: Agreed A"
    assert draft.notes == note


def test_a_long_note_is_cut_in_the_title_and_kept_whole_in_the_notes() -> None:
    note = "word " * 100
    draft = meeting_note(ON, note)
    assert len(draft.title) == TITLE_MAX and draft.title.endswith("…")
    assert draft.notes == note
