"""Snapshots of the journal-keeping screens: fixed clock, the deterministic demo journal.

Look at the report before accepting changes with `--snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from careercoach.demo import write_demo
from tests.tui.conftest import TODAY, make_app, ready, settle

SIZES = [
    (100, 32),
    (80, 24),
]


def demo_app(tmp_path: Path):
    path = tmp_path / "journal.json"
    write_demo(path, TODAY)
    return make_app(path)


def keys_then_settle(*keys: str):
    async def run_before(pilot) -> None:
        await ready(pilot)
        for key in keys:
            await pilot.press(key)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize(
    ("name", "keys"),
    [
        ("journal", ("j",)),
        ("journal_second_row", ("j", "down")),
        ("entry_form", ("j", "e")),
        ("delete_confirm", ("j", "x")),
        ("checkin", ("w",)),
        ("profile", ("p",)),
        ("help", ("j", "question_mark")),
    ],
)
def test_demo_screens(snap_compare, tmp_path: Path, size, name: str, keys) -> None:
    assert snap_compare(demo_app(tmp_path), terminal_size=size, run_before=keys_then_settle(*keys))


@pytest.mark.parametrize("size", SIZES)
def test_welcome_on_first_run(snap_compare, tmp_path: Path, size) -> None:
    app = make_app(tmp_path / "new" / "journal.json")
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle())


@pytest.mark.parametrize("size", SIZES)
def test_corrupt_journal_dialog(
    snap_compare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative path keeps the message the same on every run
    Path("journal.json").write_text("{ this is not json")
    app = make_app(Path("journal.json"))
    assert snap_compare(app, terminal_size=size, run_before=keys_then_settle())
