"""The one family of errors the app raises on purpose.

Every message is a single line a user can act on; the CLI prints it and exits 2,
the TUI shows it inline. Anything else escaping is a bug.
"""

from __future__ import annotations


class CareerCoachError(Exception):
    """Base class: the message is meant for the user, as is."""


class ValidationError(CareerCoachError):
    """User input (a field, a date, a detail) is not acceptable."""


class TargetExistsError(ValidationError):
    """A file the user asked us to write already exists (the app asks; the CLI wants --force)."""


class NotFoundError(CareerCoachError):
    """An id the user named does not exist."""


class JournalError(CareerCoachError):
    """The journal file cannot be read or written safely."""


class JournalLockedError(JournalError):
    """Another process held the journal lock for longer than the timeout."""


class ContentError(CareerCoachError):
    """A content file (built-in or the user's override) is invalid."""
