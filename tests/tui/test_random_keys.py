"""Random keys and resizes, as a curious new user (or a cat) would press them.

Each run is a fixed seed: a failure prints the seed and every step, so it replays.
Any exception, a key that takes too long (a hang), the app stopping, or a journal left
damaged fails the test. Quitting keys are left out: the app ending is not a bug.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest

from careercoach.journal import examine
from tests.tui.conftest import make_app, ready

SCREEN_KEYS = [*"djwrtip", "question_mark", "f5"]
SCREEN_ACTIONS = [*"aeuxnbcsymv", "slash", "left_square_bracket", "right_square_bracket"]
NAVIGATION = [
    *("tab", "shift+tab", "up", "down", "left", "right", "pageup", "pagedown"),
    *("home", "end", "enter", "escape", "space", "backspace", "delete"),
]
CONTROL = ["ctrl+s", "ctrl+r", "ctrl+d", "ctrl+p", "ctrl+a", "ctrl+k", "ctrl+u", "ctrl+w"]
TYPED = [*"ak2 ", "日", "本", "語", "[", "]", "/", "$", "{", "}", "%", "\\"]
SIZES = [(100, 32), (80, 24), (60, 12), (40, 8), (30, 6), (20, 4), (120, 40), (12, 3)]
KEY_TIMEOUT_S = 15.0


def steps(seed: int, count: int) -> list[str | tuple[int, int]]:
    """The seed's sequence: keys, and now and then a new terminal size."""
    rng = random.Random(seed)
    groups = [SCREEN_KEYS, SCREEN_ACTIONS, NAVIGATION, CONTROL, TYPED]
    weights = [2, 2, 5, 1, 4]
    sequence: list[str | tuple[int, int]] = []
    for _ in range(count):
        if rng.random() < 0.03:
            sequence.append(rng.choice(SIZES))
        else:
            sequence.append(rng.choice(rng.choices(groups, weights)[0]))
    return sequence


async def replay(path: Path, sequence: list[str | tuple[int, int]], done: list[str]) -> None:
    app = make_app(path)
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        for step in sequence:
            done.append(str(step))
            if isinstance(step, tuple):
                await asyncio.wait_for(pilot.resize_terminal(*step), KEY_TIMEOUT_S)
                await asyncio.wait_for(pilot.pause(), KEY_TIMEOUT_S)
            else:
                await asyncio.wait_for(pilot.press(step), KEY_TIMEOUT_S)
            assert app.is_running, "the app stopped"
        await asyncio.wait_for(app.workers.wait_for_complete(), KEY_TIMEOUT_S)


@pytest.mark.parametrize(
    ("journal", "seed"),
    [
        ("empty", 1),
        ("empty", 2),
        ("demo", 3),
        ("demo", 4),
    ],
)
async def test_random_keys_and_resizes(
    journal: str, seed: int, demo_path: Path, empty_path: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # an export or a saved script lands here, nowhere else
    monkeypatch.setenv("EDITOR", "true")  # an editor that returns at once, unchanged
    path = demo_path if journal == "demo" else empty_path
    sequence = steps(seed, 1000)
    done: list[str] = []
    try:
        await replay(path, sequence, done)
    except BaseException as exc:
        print(f"seed {seed} on the {journal} journal; steps until the failure:")
        print(" ".join(done))
        raise AssertionError(f"seed {seed}, step {len(done)} ({done[-1]}): {exc!r}") from exc
    if path.exists():
        assert examine(path).status == "ok", f"seed {seed}: journal damaged"
