"""The journal: the one API for reading and changing entries, the profile and the plan.

Everything above this package goes through `Journal`; the storage engine, the
lock, the file format and the private-file writer are its inner modules.
"""

from __future__ import annotations

from careercoach.journal.api import (
    ID_ALPHABET,
    TRASH_DAYS,
    Deleted,
    Draft,
    Journal,
    filter_entries,
)
from careercoach.journal.doctor import BackupInfo, examine, restore, set_aside
from careercoach.journal.merge import EditConflict, FieldConflict, Side, settle, three_way
from careercoach.journal.plan_schema import check_plan_record
from careercoach.journal.private_file import (
    check_user_file,
    describe_os_error,
    write_private_file,
    write_user_file,
)
from careercoach.journal.schema import APP_MARKER, MAX_JOURNAL_BYTES, META_TABLE, SCHEMA_VERSION
from careercoach.journal.soundness import is_timestamp

__all__ = [
    "APP_MARKER",
    "ID_ALPHABET",
    "MAX_JOURNAL_BYTES",
    "META_TABLE",
    "SCHEMA_VERSION",
    "TRASH_DAYS",
    "BackupInfo",
    "Deleted",
    "Draft",
    "EditConflict",
    "FieldConflict",
    "Journal",
    "Side",
    "check_plan_record",
    "check_user_file",
    "describe_os_error",
    "examine",
    "filter_entries",
    "is_timestamp",
    "restore",
    "set_aside",
    "settle",
    "three_way",
    "write_private_file",
    "write_user_file",
]
