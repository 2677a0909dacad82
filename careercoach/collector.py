"""When Python's cyclic garbage collector runs, and what it is allowed to walk.

Our data is acyclic (entries are `gc=False` structs, records are plain dicts), so
reference counting frees nearly everything; the collector only costs time, and a
full pass walks every tracked object in the process. Three policies keep it cheap:
a one-shot command never collects, a big parse never collects half-way, and the
app sets aside what its imports built before it starts collecting.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


def for_command() -> None:
    """A command is one short run: its cyclic garbage is negligible, but a collection
    sweeping a big journal's freshly parsed records is not (0.1 s of an `add` at 100k)."""
    gc.disable()


def for_app() -> None:
    """Turn the collector on for a long-running app, after its imports.

    Modules, classes and functions live as long as the process. Frozen, they are
    never walked again: otherwise the first full collection, soon after start-up,
    walks all of Textual (30-45 ms, just as the dashboard is first drawn). The few
    cycles the imports left behind stay frozen too: a one-off few hundred kB.
    """
    gc.freeze()
    gc.enable()


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Parsing 100k records creates millions of objects; collecting mid-parse only wastes time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
