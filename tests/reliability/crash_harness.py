"""Run a writer in a forked child, SIGKILL it at a random moment, collect what it acknowledged.

Forking (instead of starting a fresh interpreter each time) makes a kill cost a few
milliseconds, so hundreds of kills fit in CI's time. The child reports each write
only after the call that made it has returned: that is what "acknowledged" means.
"""

from __future__ import annotations

import os
import random
import select
import signal
import time
from collections.abc import Callable

Ack = Callable[[str], None]


def kill_at_random(
    writer: Callable[[Ack], None], rng: random.Random, *, low: float = 0.005, high: float = 0.12
) -> list[str]:
    """Fork, let `writer(ack)` run for a random time, SIGKILL it, return its acks."""
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
    deadline = time.monotonic() + rng.uniform(low, high)
    while (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([read_end], [], [], left)
        if ready:
            data = os.read(read_end, 65536)
            if not data:
                break
            chunks.append(data)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    while data := os.read(read_end, 65536):
        chunks.append(data)
    os.close(read_end)
    text = b"".join(chunks).decode()
    complete = text[: text.rfind("\n") + 1] if "\n" in text else ""
    return complete.splitlines()
