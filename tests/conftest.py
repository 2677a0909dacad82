"""Fixtures shared by every test: no test may touch the real user folders."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import settings

from careercoach.journal.api import Journal

FIXED_TODAY = dt.date(2026, 11, 20)

# No property test measures speed, and Hypothesis's default 200 ms deadline per example
# fails at random when the tests share a busy machine (CI, two workers, other jobs).
settings.register_profile("careercoach", deadline=None)
settings.load_profile("careercoach")


@pytest.fixture(autouse=True)
def isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Point CAREERCOACH_HOME at a fresh folder so config and journals stay in tmp."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("CAREERCOACH_HOME", str(home))
    monkeypatch.delenv("CAREERCOACH_TODAY", raising=False)
    return home


@pytest.fixture
def journal_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


@pytest.fixture
def journal(journal_path: Path) -> Journal:
    moment = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.timezone.utc)
    return Journal(journal_path, now=lambda: moment)
