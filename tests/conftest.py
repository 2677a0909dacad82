"""Fixtures shared by every test: no test may touch the real user folders."""

from __future__ import annotations

import datetime as dt
import gc
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import settings

from careercoach.journal.api import Journal

FIXED_TODAY = dt.date(2026, 11, 20)

# No property test measures speed, and Hypothesis's default 200 ms deadline per example
# fails at random when the tests share a busy machine (CI, two workers, other jobs).
settings.register_profile("careercoach", deadline=None)
settings.load_profile("careercoach")

# Python writes bytecode even where PYTHONDONTWRITEBYTECODE is set (as on CI's
# machine): otherwise each xdist worker compiled the tests and the project from source
# again (4 s of CPU a worker), and so did every `python -m careercoach` a test starts.
# The files go to the __pycache__ folders that .gitignore leaves out.
sys.dont_write_bytecode = False

# A TUI test builds and drops thousands of widgets, and with the default thresholds
# the cyclic garbage collector took about a fifth of their CPU time, most of it
# walking the same long-lived module objects again and again. Collecting less often
# (and never walking what is frozen at the end of collection) changes no result.
gc.set_threshold(50_000, 20, 100)


def pytest_configure(config: pytest.Config) -> None:
    """A home of the run's own, set before any test module is imported: modules that
    load the built-in content at import time (before any fixture) would otherwise
    write the content cache into the real user folders. Each test still gets a fresh
    home of its own (`isolated_home`)."""
    home = Path(tempfile.mkdtemp(prefix="careercoach-tests-"))
    os.environ["CAREERCOACH_HOME"] = str(home)
    config.add_cleanup(lambda: shutil.rmtree(home, ignore_errors=True))


def pytest_collection_finish(session: pytest.Session) -> None:
    gc.freeze()


def pytest_xdist_auto_num_workers(config: pytest.Config) -> int | None:
    """`-n auto` (in addopts): two workers a core. A TUI test spends about a third of
    its time waiting for the app to look idle (Pilot.press waits 40 ms or more a
    key), so one worker a core left the cores idle that long. The variable xdist
    reads, PYTEST_XDIST_AUTO_NUM_WORKERS, still decides when set."""
    if os.environ.get("PYTEST_XDIST_AUTO_NUM_WORKERS"):
        return None
    return 2 * len(os.sched_getaffinity(0))


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
