"""Run a writer in a forked child, SIGKILL it at a random moment, collect what it acknowledged.

Forking a parent that has already imported everything (instead of starting a fresh
interpreter) makes a kill cost a few milliseconds, so hundreds fit in CI's time. The
child reports each write only after the call that made it has returned: that is what
"acknowledged" means. The moment of the kill is counted from the child's own
progress (after a random number of acknowledged writes, then a random pause), so a
loaded machine slows the test down instead of making it kill a writer that had not
started yet.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from collections.abc import Callable

Ack = Callable[[str], None]

kills = 0  # SIGKILLs delivered in this process: each test checks its own count


def kill_at_random(
    writer: Callable[[Ack], None],
    rng: random.Random,
    *,
    acks: tuple[int, int] = (0, 3),
    pause: float = 0.02,
    patience: float = 30.0,
) -> list[str]:
    """Fork, let `writer(ack)` acknowledge 0..n writes and run a random moment more,
    SIGKILL it, and return its acks (the child must still be writing when killed)."""
    global kills
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never return into the test runner
        os.close(read_end)
        try:

            def ack(message: str) -> None:
                os.write(write_end, (message + "\n").encode())

            writer(ack)
        finally:
            os._exit(0)
    os.close(write_end)
    chunks: list[bytes] = []
    wanted = rng.randint(*acks)
    deadline = time.monotonic() + patience
    while b"".join(chunks).count(b"\n") < wanted and _read_until(read_end, chunks, deadline):
        pass
    stop = time.monotonic() + rng.uniform(0, pause)
    while _read_until(read_end, chunks, stop):
        pass
    os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status), "the writer stopped by itself before the kill"
    kills += 1
    while data := os.read(read_end, 65536):
        chunks.append(data)
    os.close(read_end)
    text = b"".join(chunks).decode()
    return text[: text.rfind("\n") + 1].splitlines() if "\n" in text else []


def _read_until(fd: int, chunks: list[bytes], deadline: float) -> bool:
    """Read what the child wrote until `deadline`; False once it is reached or closed."""
    left = deadline - time.monotonic()
    if left <= 0:
        return False
    ready, _, _ = select.select([fd], [], [], left)
    if not ready:
        return False
    data = os.read(fd, 65536)
    if not data:
        return False
    chunks.append(data)
    return True
