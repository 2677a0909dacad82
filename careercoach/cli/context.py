"""What every subcommand needs: which journal, and what day it is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from careercoach import clock, paths
from careercoach.journal import Journal


@dataclass
class AppContext:
    """Built once per invocation by the root command; the journal opens lazily."""

    journal_override: str | None = None
    _journal: Journal | None = field(default=None, repr=False)

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
