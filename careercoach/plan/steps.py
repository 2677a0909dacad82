"""Every change to the improvement plan as one step that the app and the command line share.

A `PlanStep` is an operation on the plan record as it is on disk now, with the
journal notes it adds, rewrites or deletes. `PlanStep.save` applies it under one hold of
the journal's lock and writes the record and the notes together
(`Journal.change_plan_and_notes`): both or neither. The command line and the app
build the same step for the same action, so they leave identical records.

The app acts on what it showed, which may be older than the disk: its steps name the
goal or meeting the user saw (`shown`), and refuse (`NotAsShown`, nothing written)
when the item at that number is no longer it. A form's save is merged with the disk
(careercoach.journal.merge): only the fields the user changed are set, and a field
changed differently on both sides raises `EditConflict` for the user to settle.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import msgspec

from careercoach.errors import ValidationError
from careercoach.journal import Draft, Journal, three_way
from careercoach.model import Entry
from careercoach.plan import record as rec
from careercoach.plan.content import PlanContent
from careercoach.plan.evidence import (
    find_goal_met_note,
    find_meeting_note,
    goal_met_note,
    meeting_note,
)
from careercoach.plan.navigator import next_key_date, plan_is_active
from careercoach.plan.record import PlanRecord

NO_PLAN = "no improvement plan is recorded"
CHANGED_ELSEWHERE = "the plan was changed elsewhere"

Edit = Callable[[PlanRecord], PlanRecord]
# (record before, record after, the journal's entries) -> notes to add, notes to rewrite
# (a Draft) or delete (None) by entry id
Notes = Callable[
    [PlanRecord, PlanRecord, Callable[[], Sequence[Entry]]],
    tuple[Sequence[Draft], Mapping[str, Draft | None]],
]


def _no_notes(
    before: PlanRecord, after: PlanRecord, entries: Callable[[], Sequence[Entry]]
) -> tuple[Sequence[Draft], Mapping[str, Draft | None]]:
    return (), {}


class PlanStep(msgspec.Struct, frozen=True):
    """One change: `edit` turns the record into the changed one; `notes` says which
    journal notes follow it. `apply` is what the app shows before the save ends."""

    edit: Edit
    notes: Notes = _no_notes
    typed: str = ""  # what the user typed, to show again if the save fails

    def apply(self, plan: PlanRecord | None) -> PlanRecord:
        if plan is None:
            raise ValidationError(NO_PLAN)
        return self.edit(plan)

    def save(self, journal: Journal) -> PlanSaved:
        """Apply the step to the plan on disk and write it with its notes in one write."""
        with journal.transaction():  # the record, the entries and the write: one hold
            before = stored_plan(journal)
            if before is None:
                raise ValidationError(NO_PLAN)
            after = self.edit(before)
            drafts, replace = self.notes(before, after, journal.entries)
            saved = journal.change_plan_and_notes(lambda _: after.to_dict(), drafts, replace)
        deleted = tuple(i for i in saved.replaced if replace.get(i) is None)
        return PlanSaved(after, saved.added, saved.replaced, deleted)


class PlanSaved(msgspec.Struct, frozen=True):
    """What a step left on disk: the record, the notes added, the notes rewritten or
    deleted (by id), and which of those were deleted."""

    plan: PlanRecord
    added: list[Entry]
    replaced: tuple[str, ...]
    deleted: tuple[str, ...] = ()


class NotAsShown(ValidationError):
    """The goal or meeting at the number the app acted on is no longer the one it
    showed (the plan changed elsewhere meanwhile); nothing was saved."""


def _brief(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _check_goal(plan: PlanRecord, number: int, shown: rec.Goal | None) -> None:
    """Goals have no identity but their wording: the goal at `number` must read as shown."""
    if shown is None:
        return
    if not 1 <= number <= len(plan.goals) or plan.goals[number - 1].text != shown.text:
        raise NotAsShown(f'goal {number} is no longer "{_brief(shown.text)}": {CHANGED_ELSEWHERE}')


def _check_meeting(plan: PlanRecord, number: int, shown: rec.Meeting | None) -> None:
    """The meeting at `number` must keep the day or the note shown: a change to one of
    them elsewhere is merged, a different meeting is refused."""
    if shown is None:
        return
    current = plan.meetings[number - 1] if 1 <= number <= len(plan.meetings) else None
    if current is None or (current.date != shown.date and current.note != shown.note):
        raise NotAsShown(
            f"meeting {number} is no longer the one of {shown.date.isoformat()} "
            f'("{_brief(shown.note)}"): {CHANGED_ELSEWHERE}'
        )


def _goal_step(
    number: int, shown: rec.Goal | None, edit: Edit, notes: Notes, typed: str = ""
) -> PlanStep:
    """A step on goal `number` that first checks it is still the goal shown."""

    def checked(plan: PlanRecord) -> PlanRecord:
        _check_goal(plan, number, shown)
        return edit(plan)

    return PlanStep(checked, notes, typed)


def stored_plan(journal: Journal) -> PlanRecord | None:
    """The plan record on disk, checked (a damaged one gives one clear line)."""
    raw = journal.plan()
    return PlanRecord.from_dict(raw) if raw is not None else None


def timing_facts(journal: Journal, as_of: dt.date) -> dict[str, Any]:
    """What the readiness timing verdict needs to know about the plan, as plain values
    (`plan_active`, `plan_next`: the next key date and its title). A damaged record
    counts as no plan here: the plan commands and screen report the damage."""
    try:
        plan = stored_plan(journal)
    except ValidationError:
        plan = None
    if not plan_is_active(plan, as_of):
        return {"plan_active": False, "plan_next": None}
    assert plan is not None
    upcoming = next_key_date(plan, as_of)
    return {
        "plan_active": True,
        "plan_next": (upcoming.date, upcoming.title) if upcoming is not None else None,
    }


def start_plan(journal: Journal, plan: PlanRecord, *, replace: bool = False) -> PlanRecord:
    """Record a new plan; an existing one is kept unless `replace`."""

    def start(current: dict[str, Any] | None) -> dict[str, Any]:
        if current is not None and not replace:
            raise ValidationError("a plan is already recorded: add --replace to start over")
        return plan.to_dict()

    journal.change_plan(start)
    return plan


def clear_plan(journal: Journal) -> None:
    """Delete the plan record; its notes stay in the journal."""

    def clear(current: dict[str, Any] | None) -> None:
        if current is None:
            raise ValidationError(NO_PLAN)

    journal.change_plan(clear)


# -- the steps ---------------------------------------------------------------------


def dates(*, shown: PlanRecord | None = None, **changes: Any) -> PlanStep:
    """Set plan dates. From a form that showed `shown`, only the dates the user changed
    there are set, so a date set elsewhere meanwhile stays."""
    if shown is None:
        return PlanStep(lambda plan: rec.with_dates(plan, **changes))
    return PlanStep(lambda plan: rec.with_dates(plan, **three_way(shown, changes, plan)))


def answer(sign_id: str, value: str | None, content: PlanContent | None = None) -> PlanStep:
    return PlanStep(lambda plan: rec.answer_sign(plan, sign_id, value, content))


def document(item_id: str, done: bool, content: PlanContent | None = None) -> PlanStep:
    return PlanStep(lambda plan: rec.mark_document(plan, item_id, done, content))


def support(**flags: bool) -> PlanStep:
    return PlanStep(lambda plan: rec.set_support(plan, **flags))


def toggle_support(kind: str) -> PlanStep:
    """Flip one kind of support as it is on disk (two quick presses cancel out)."""
    if kind not in rec.SUPPORT_KINDS:
        raise ValidationError(f"unknown support {kind!r}")
    return PlanStep(lambda plan: rec.set_support(plan, **{kind: not getattr(plan.support, kind)}))


def add_goal(text: str, **flags: bool) -> PlanStep:
    return PlanStep(lambda plan: rec.add_goal(plan, text, **flags), typed=text)


def _goal_notes(number: int) -> Notes:
    """Keep goal `number`'s "met" note in step with the goal: added when it becomes
    met, rewritten when its date, wording or recognition change, deleted when it is
    no longer met (or no longer there)."""

    def notes(
        before: PlanRecord, after: PlanRecord, entries: Callable[[], Sequence[Entry]]
    ) -> tuple[Sequence[Draft], Mapping[str, Draft | None]]:
        old = before.goal(number)
        new = after.goal(number) if len(after.goals) == len(before.goals) else None
        wanted = goal_met_note(number, new) if new is not None and new.status == "met" else None
        found = find_goal_met_note(entries(), old) if old.status == "met" else None
        if found is None:
            return ([wanted] if wanted is not None else []), {}
        if wanted is not None and (found.title, found.notes) == (wanted.title, wanted.notes):
            return [], {}
        return [], {found.id: wanted}

    return notes


def edit_goal(number: int, *, shown: rec.Goal | None = None, **changes: Any) -> PlanStep:
    """Change a goal's wording or flags. From a form that showed goal `shown`, only
    what the user changed there is set, on that goal or on none."""

    def edit(plan: PlanRecord) -> PlanRecord:
        wanted = changes if shown is None else three_way(shown, changes, plan.goal(number))
        return rec.edit_goal(plan, number, **wanted)

    return _goal_step(number, shown, edit, _goal_notes(number), str(changes.get("text", "")))


def goal_status(
    number: int,
    status: str,
    *,
    on: dt.date | None = None,
    recognised: bool | None = None,
    shown: rec.Goal | None = None,
) -> PlanStep:
    """Open, met (on a day, recognised or not) or not met; a met goal logs a note."""
    return _goal_step(
        number,
        shown,
        lambda plan: rec.set_goal_status(plan, number, status, on=on, recognised=recognised),
        _goal_notes(number),
    )


def delete_goal(number: int, *, shown: rec.Goal | None = None) -> PlanStep:
    """Remove a goal and its "met" note. The later goals move up a number, and the
    "met" notes that name them are renumbered in the same write, so the journal and
    the plan never disagree on which goal is which."""
    remove = _goal_notes(number)

    def notes(
        before: PlanRecord, after: PlanRecord, entries: Callable[[], Sequence[Entry]]
    ) -> tuple[Sequence[Draft], Mapping[str, Draft | None]]:
        listed = entries()
        drafts, removed = remove(before, after, lambda: listed)
        replace = dict(removed)
        for new_number, goal in enumerate(after.goals[number - 1 :], start=number):
            found = find_goal_met_note(listed, goal) if goal.status == "met" else None
            if found is None or found.id in replace:
                continue
            wanted = goal_met_note(new_number, goal)
            if found.title != wanted.title:
                replace[found.id] = wanted
        return drafts, replace

    return _goal_step(number, shown, lambda plan: rec.delete_goal(plan, number), notes)


def add_meeting(on: dt.date, note: str) -> PlanStep:
    """A check-in, logged in the journal too."""

    def notes(
        before: PlanRecord, after: PlanRecord, entries: Callable[[], Sequence[Entry]]
    ) -> tuple[Sequence[Draft], Mapping[str, Draft | None]]:
        return [meeting_note(on, rec.check_meeting_note(note))], {}

    return PlanStep(lambda plan: rec.add_meeting(plan, on, note), notes, typed=note)


def _meeting_changes(
    number: int, on: dt.date | None, note: str | None, shown: rec.Meeting | None
) -> Callable[[PlanRecord], dict[str, Any]]:
    """The day and note to set on meeting `number` of a plan: those given, or from a
    form that showed `shown`, those the user changed there (after checking that the
    meeting is still the one shown)."""
    given = {k: v for k, v in (("date", on), ("note", note)) if v is not None}

    def changes(plan: PlanRecord) -> dict[str, Any]:
        if shown is None:
            return given
        _check_meeting(plan, number, shown)
        return three_way(shown, given, plan.meeting(number))

    return changes


def _meeting_notes(
    number: int, changes: Callable[[PlanRecord], dict[str, Any]] | None = None
) -> Notes:
    """The meeting's journal note follows it: rewritten with its new day and note, or
    deleted with it (`changes` None)."""

    def notes(
        before: PlanRecord, after: PlanRecord, entries: Callable[[], Sequence[Entry]]
    ) -> tuple[Sequence[Draft], Mapping[str, Draft | None]]:
        old = before.meeting(number)
        found = find_meeting_note(entries(), old)
        if changes is None:
            return [], ({found.id: None} if found is not None else {})
        new = changes(before)
        wanted = meeting_note(
            new.get("date", old.date), rec.check_meeting_note(new.get("note", old.note))
        )
        return ([wanted], {}) if found is None else ([], {found.id: wanted})

    return notes


def edit_meeting(
    number: int,
    on: dt.date | None = None,
    note: str | None = None,
    *,
    shown: rec.Meeting | None = None,
) -> PlanStep:
    """Change a meeting's day or note; its journal note changes with it. From a form
    that showed meeting `shown`, only what the user changed there is set."""
    if on is None and note is None:
        raise ValidationError("nothing to change: give a new date or note")
    changes = _meeting_changes(number, on, note, shown)

    def edit(plan: PlanRecord) -> PlanRecord:
        new = changes(plan)
        return rec.edit_meeting(plan, number, new.get("date"), new.get("note"))

    return PlanStep(edit, _meeting_notes(number, changes), typed=note or "")


def delete_meeting(number: int, *, shown: rec.Meeting | None = None) -> PlanStep:
    """Remove a meeting and the journal note it left."""

    def delete(plan: PlanRecord) -> PlanRecord:
        _check_meeting(plan, number, shown)
        return rec.delete_meeting(plan, number)

    return PlanStep(delete, _meeting_notes(number))
