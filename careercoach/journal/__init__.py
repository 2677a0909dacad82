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
from careercoach.journal.plan_schema import ANSWERS as PLAN_ANSWERS
from careercoach.journal.plan_schema import GOAL_STATUSES as PLAN_GOAL_STATUSES
from careercoach.journal.plan_schema import GOAL_TEXT_MAX as PLAN_GOAL_TEXT_MAX
from careercoach.journal.plan_schema import MAX_DATE as PLAN_MAX_DATE
from careercoach.journal.plan_schema import MAX_GOALS as PLAN_MAX_GOALS
from careercoach.journal.plan_schema import MAX_MEETINGS as PLAN_MAX_MEETINGS
from careercoach.journal.plan_schema import MAX_PLAN_DAYS as PLAN_MAX_DAYS
from careercoach.journal.plan_schema import MEETING_NOTE_MAX as PLAN_MEETING_NOTE_MAX
from careercoach.journal.plan_schema import MIN_DATE as PLAN_MIN_DATE
from careercoach.journal.plan_schema import RECORD_VERSION as PLAN_RECORD_VERSION
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
    "PLAN_ANSWERS",
    "PLAN_GOAL_STATUSES",
    "PLAN_GOAL_TEXT_MAX",
    "PLAN_MAX_DATE",
    "PLAN_MAX_DAYS",
    "PLAN_MAX_GOALS",
    "PLAN_MAX_MEETINGS",
    "PLAN_MEETING_NOTE_MAX",
    "PLAN_MIN_DATE",
    "PLAN_RECORD_VERSION",
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
