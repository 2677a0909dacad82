"""Three-way merges of a form opened earlier with the record on disk now."""

from __future__ import annotations

import datetime as dt

import msgspec.structs
import pytest

from careercoach.journal import Draft, EditConflict, Journal, settle
from careercoach.model import Profile

DAY = dt.date(2026, 11, 20)


def test_untouched_fields_take_the_value_on_disk(journal: Journal) -> None:
    base = journal.add(Draft(DAY, "note", "first", notes="old", tags=("a",)))
    journal.update(base.id, notes="changed elsewhere", tags=("a", "b"))
    mine = {"title": "renamed here", "notes": "old", "tags": ("a",), "date": DAY}
    saved = journal.merge_entry(base.id, base, mine)
    assert (saved.title, saved.notes, saved.tags) == (
        "renamed here",
        "changed elsewhere",
        ("a", "b"),
    )


def test_the_same_change_on_both_sides_is_no_conflict(journal: Journal) -> None:
    base = journal.add(Draft(DAY, "note", "first"))
    journal.update(base.id, title="same")
    assert journal.merge_entry(base.id, base, {"title": "same"}).title == "same"


@pytest.mark.parametrize(
    ("keep", "title", "notes"),
    [
        ("mine", "mine", "my notes"),
        ("theirs", "theirs", "my notes"),
    ],
)
def test_a_field_changed_on_both_sides_is_settled_by_the_user(
    journal: Journal, keep: str, title: str, notes: str
) -> None:
    base = journal.add(Draft(DAY, "note", "first"))
    journal.update(base.id, title="theirs")
    mine = {"title": "mine", "notes": "my notes"}
    with pytest.raises(EditConflict) as raised:
        journal.merge_entry(base.id, base, mine)
    assert [(c.field, c.mine, c.theirs) for c in raised.value.conflicts] == [
        ("title", "mine", "theirs")
    ]
    assert journal.get(base.id).notes == ""  # nothing saved while undecided
    new_base, new_mine = settle(base, mine, raised.value, keep)
    saved = journal.merge_entry(base.id, new_base, new_mine)
    assert (saved.title, saved.notes) == (title, notes)


def test_a_change_made_while_the_user_decided_asks_again(journal: Journal) -> None:
    base = journal.add(Draft(DAY, "note", "first"))
    journal.update(base.id, title="theirs")
    mine = {"title": "mine"}
    with pytest.raises(EditConflict) as raised:
        journal.merge_entry(base.id, base, mine)
    journal.update(base.id, title="theirs again")
    new_base, new_mine = settle(base, mine, raised.value, "mine")
    with pytest.raises(EditConflict):
        journal.merge_entry(base.id, new_base, new_mine)
    assert journal.get(base.id).title == "theirs again"


def test_profile_merge_keeps_both_sides(journal: Journal) -> None:
    base = journal.change_profile(lambda p: msgspec.structs.replace(p, name="Aiko"))
    journal.change_profile(lambda p: msgspec.structs.replace(p, manager_name="Sato"))
    mine = msgspec.structs.asdict(msgspec.structs.replace(base, jlpt_level="N2"))
    saved = journal.merge_profile(base, mine)
    assert (saved.name, saved.manager_name, saved.jlpt_level) == ("Aiko", "Sato", "N2")
    assert journal.profile() == saved


def test_profile_conflict_saves_nothing(journal: Journal) -> None:
    base = journal.profile()
    journal.change_profile(lambda p: msgspec.structs.replace(p, name="Lee"))
    with pytest.raises(EditConflict):
        journal.merge_profile(base, {"name": "Kim", "manager_name": "Sato"})
    assert journal.profile() == Profile(name="Lee")
