"""The throwaway folders that demo journals live in, removed however the app ends.

A folder is removed when the app quits, and also when the terminal window is closed
under it (`remove_all`, from the hang-up handler): a demo must never leave a copy of
itself in the temporary folder.
"""

from __future__ import annotations

import contextlib
import tempfile

PREFIX = "careercoach-demo-"
_made: list[tempfile.TemporaryDirectory[str]] = []


def new_folder() -> tempfile.TemporaryDirectory[str]:
    """A new, empty folder for a demo journal (removed at exit, or by `remove_all()`)."""
    folder = tempfile.TemporaryDirectory(prefix=PREFIX)
    _made.append(folder)
    return folder


def remove_all() -> None:
    """Remove every demo folder made in this process that is still there."""
    for folder in _made:
        with contextlib.suppress(OSError):  # one that cannot go must not keep the others
            folder.cleanup()  # a no-op for one already removed
    _made.clear()
