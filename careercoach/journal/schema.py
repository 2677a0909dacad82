"""The journal file's format: its marker, schema version and migrations.

Kept apart from the storage engine so that importers and exporters can name the
format without pulling in the engine.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from careercoach.errors import JournalError

APP_MARKER = "careercoach"
SCHEMA_VERSION = 1
META_TABLE = "_meta"
MAX_JOURNAL_BYTES = 1 << 30
DOCTOR_HINT = "it was left untouched; `careercoach doctor` can restore the newest good backup"

# schema version N -> function upgrading a version-N document to N+1.
Migration = Callable[[dict[str, Any]], dict[str, Any]]
MIGRATIONS: dict[int, Migration] = {}


def meta_table() -> dict[str, Any]:
    return {"1": {"app": APP_MARKER, "schema": SCHEMA_VERSION}}


def is_current_meta(record: Any) -> bool:
    """True for the meta record of a careercoach journal in this version's schema."""
    return (
        isinstance(record, dict)
        and record.get("app") == APP_MARKER
        and record.get("schema") == SCHEMA_VERSION
    )


def check_document(data: Any, source: Path) -> int:
    """Return the schema version of a parsed journal, or explain why it is not one."""
    if not isinstance(data, dict):
        raise JournalError(f"{source}: not a careercoach journal (the JSON is not an object)")
    meta = data.get(META_TABLE)
    record = meta.get("1") if isinstance(meta, dict) else None
    if not isinstance(record, dict) or record.get("app") != APP_MARKER:
        raise JournalError(
            f"{source}: not a careercoach journal (no careercoach marker); {DOCTOR_HINT}"
        )
    version = record.get("schema")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise JournalError(f"{source}: the schema version is missing or invalid; {DOCTOR_HINT}")
    if version > SCHEMA_VERSION:
        raise JournalError(
            f"{source}: written by a newer careercoach (schema {version}; this version "
            f"reads up to {SCHEMA_VERSION}): upgrade careercoach to open it"
        )
    for name, table in data.items():
        if not isinstance(table, dict) or not all(isinstance(doc, dict) for doc in table.values()):
            raise JournalError(f"{source}: table {name!r} has the wrong shape; {DOCTOR_HINT}")
    return version


def migrate(data: dict[str, Any], version: int) -> dict[str, Any]:
    """Upgrade a document step by step to the current schema."""
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](data)
        version += 1
    data[META_TABLE] = meta_table()
    return data
