"""Saving a form that was opened earlier without undoing what was saved meanwhile.

Three versions of a record meet: `base` (what the form loaded), `mine` (what the
user has in the form now) and `theirs` (what is on disk at the moment of saving,
read under the lock). A field only the user changed takes the user's value; one
only someone else changed keeps theirs; one both changed to the same value is
settled; one both changed differently is a conflict the user decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, Literal, TypeVar

import msgspec
import msgspec.structs

from careercoach.errors import CareerCoachError

Record = TypeVar("Record", bound=msgspec.Struct)
Side = Literal["mine", "theirs"]


class FieldConflict(msgspec.Struct, frozen=True):
    field: str
    base: Any
    mine: Any
    theirs: Any


class EditConflict(CareerCoachError):
    """Someone saved a different value in a field the user changed too; nothing was saved."""

    def __init__(self, conflicts: Iterable[FieldConflict]) -> None:
        self.conflicts = tuple(conflicts)
        names = ", ".join(c.field for c in self.conflicts)
        super().__init__(f"changed meanwhile elsewhere too: {names}")


def _comparable(value: Any) -> Any:
    return dict(value) if isinstance(value, Mapping) else value


def three_way(base: msgspec.Struct, mine: Mapping[str, Any], theirs: msgspec.Struct) -> dict:
    """The fields to set on `theirs`; raises EditConflict when both sides changed one."""
    changes, conflicts = {}, []
    for field, value in mine.items():
        was, now = _comparable(getattr(base, field)), _comparable(getattr(theirs, field))
        if _comparable(value) == was:
            continue  # untouched in the form: the value on disk stays
        if now not in (was, _comparable(value)):
            conflicts.append(FieldConflict(field, was, value, now))
        else:
            changes[field] = value
    if conflicts:
        raise EditConflict(conflicts)
    return changes


def settle(
    base: Record, mine: Mapping[str, Any], conflict: EditConflict, keep: Side
) -> tuple[Record, dict[str, Any]]:
    """The base and form values to save again once the user has chosen a side.

    The conflicting fields' base becomes what was on disk, so keeping mine saves
    mine over it and taking theirs leaves it; if the disk changed yet again in the
    meantime, the next save asks again rather than overwrite that change.
    """
    theirs = {c.field: c.theirs for c in conflict.conflicts}
    new_base = msgspec.structs.replace(base, **theirs)
    return new_base, (dict(mine) if keep == "mine" else {**mine, **theirs})
