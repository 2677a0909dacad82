"""What every subcommand needs: which journal, and what day it is."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from careercoach import clock, paths
from careercoach.journal import Journal


class AppContext:
    """Built once per invocation by the root command; the journal opens lazily."""

    def __init__(self, journal_override: str | None = None) -> None:
        self.journal_override = journal_override
        self._journal: Journal | None = None

    @property
    def journal_path(self) -> Path:
        return paths.journal_path(self.journal_override)

    @property
    def today(self) -> dt.date:
        return clock.today()

    def journal(self) -> Journal:
        if self._journal is None:
            self._journal = Journal(self.journal_path, now=clock.now)
        return self._journal
