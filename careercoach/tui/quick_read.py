"""Which journals the app reads at once, on the UI thread, instead of in a worker.

One rule for every screen that reads the journal: the dashboard's first frame and the
check-in's week both read a small journal right away (no loading indicator, no fields
held back) and a large one in a worker, so even a very large journal never freezes
the app.
"""

from __future__ import annotations

import stat

from careercoach.journal import Journal

# Read on the UI thread up to this size: 10k entries are 2.9 MB, read and scored in
# about 0.08 s of CPU, which the worker's way would have spent as well.
READ_AT_ONCE_BYTES = 4_000_000


def reads_quickly(journal: Journal) -> bool:
    """A plain file of at most READ_AT_ONCE_BYTES, or no file yet (a first run). Anything
    else (a named pipe, a folder, an unreadable path) goes to the worker, as before."""
    try:
        status = journal.path.stat()
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return stat.S_ISREG(status.st_mode) and status.st_size <= READ_AT_ONCE_BYTES
