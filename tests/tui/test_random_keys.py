"""Random keys and resizes, as a curious new user (or a cat) would press them.

Each run is a fixed seed: a failure prints the seed and every step, so it replays.
Any exception, a key that takes too long (a hang), the app stopping, or a journal left
damaged fails the test. Quitting keys are left out: the app ending is not a bug.

Keys are posted as Key events and the test waits until the app and the widgets the
key reaches have handled their queues (Pilot.press instead waits for the
process to look idle, 40 ms or more a key: thousands of keys would take minutes).
Every STEPS_PER_FRAME keys the test pauses, so the screen is laid out and drawn.
"""

from __future__ import annotations

import asyncio
import random
from pathlib import Path

import pytest
from textual import events
from textual.app import App

from careercoach.journal import examine
from tests.tui.conftest import make_app, ready

SCREEN_KEYS = [*"djwrtipl", "question_mark", "f5"]
SCREEN_ACTIONS = [*"aeuxnbcsymv", "slash", "left_square_bracket", "right_square_bracket"]
NAVIGATION = [
    *("tab", "shift+tab", "up", "down", "left", "right", "pageup", "pagedown"),
    *("home", "end", "enter", "escape", "space", "backspace", "delete"),
]
CONTROL = ["ctrl+s", "ctrl+r", "ctrl+d", "ctrl+p", "ctrl+a", "ctrl+k", "ctrl+u", "ctrl+w"]
# typed characters, as (key, character)
TYPED = [
    *((c, c) for c in "ak2日本語"),
    *(("space", " "), ("left_square_bracket", "["), ("right_square_bracket", "]")),
    *(("slash", "/"), ("dollar_sign", "$"), ("left_curly_bracket", "{")),
    *(("right_curly_bracket", "}"), ("percent_sign", "%"), ("backslash", "\\")),
]
CHARACTERS = {"space": " ", "enter": "\r", "tab": "\t", "question_mark": "?", "slash": "/"}
SIZES = [(100, 32), (80, 24), (60, 12), (40, 8), (30, 6), (20, 4), (120, 40), (12, 3)]
KEY_TIMEOUT_S = 15.0
STEPS_PER_FRAME = 20
STEPS = 400  # a case; four cases: 1,600 keys and resizes, about 30 s of CPU
Step = tuple[str, str | None] | tuple[int, int]


def steps(seed: int, count: int) -> list[Step]:
    """The seed's sequence: (key, character) pairs, now and then a new terminal size."""
    rng = random.Random(seed)
    named = [SCREEN_KEYS, SCREEN_ACTIONS, NAVIGATION, CONTROL]
    sequence: list[Step] = []
    for _ in range(count):
        if rng.random() < 0.03:
            sequence.append(rng.choice(SIZES))
        elif rng.random() < 0.3:
            sequence.append(rng.choice(TYPED))
        else:
            key = rng.choice(rng.choices(named, [2, 2, 5, 1])[0])
            sequence.append((key, key if len(key) == 1 else CHARACTERS.get(key)))
    return sequence


async def handled(app: App) -> None:
    """Wait until the app, then the focused widget and the ones a key bubbles up to,
    have handled what was queued before now (the app hands a key on to the focus)."""
    reached = app.focused.ancestors_with_self if app.focused else [app.screen]
    for nodes in ([app], [app, *reached]):
        marks = []
        for node in nodes:
            mark = asyncio.Event()
            if node.call_later(mark.set):
                marks.append(mark.wait())
        await asyncio.wait_for(asyncio.gather(*marks), KEY_TIMEOUT_S)


async def replay(path: Path, sequence: list[Step], done: list[str]) -> None:
    """Run the steps; `done` gets each step with the screen and focus it met."""
    app = make_app(path)
    async with app.run_test(size=(100, 32)) as pilot:
        await ready(pilot)
        for number, step in enumerate(sequence, 1):
            done.append(f"{step!r} on {type(app.screen).__name__} ({app.focused!r})")
            if isinstance(step[0], int):
                await asyncio.wait_for(pilot.resize_terminal(*step), KEY_TIMEOUT_S)
            else:
                app.post_message(events.Key(*step))
                await handled(app)
            if number % STEPS_PER_FRAME == 0:
                await asyncio.wait_for(pilot.pause(), KEY_TIMEOUT_S)
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
    sequence = steps(seed, STEPS)
    done: list[str] = []
    try:
        await replay(path, sequence, done)
    except BaseException as exc:
        print(f"seed {seed} on the {journal} journal; steps until the failure:")
        print("\n".join(done))
        raise AssertionError(f"seed {seed}, step {len(done)} ({done[-1]}): {exc!r}") from exc
    if path.exists():
        assert examine(path).status == "ok", f"seed {seed}: journal damaged"
