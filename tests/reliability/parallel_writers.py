"""Start several `careercoach` processes at the same instant, as a shell loop with `&` would.

Each child imports the command line and the subcommand's module, says it is ready,
then waits for the start signal: they all then read and write the journal together,
which is when a record read outside the lock would lose someone's change.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

# argv: -c READY GO --journal PATH SUBCOMMAND ...
CHILD = """
import os, sys, time
from careercoach.cli import cli
cli.get_command(None, sys.argv[5])
open(sys.argv[1], "w").close()
while not os.path.exists(sys.argv[2]):
    time.sleep(0.001)
cli.main(prog_name="careercoach", args=sys.argv[3:])
"""


def run_together(
    journal: Path, commands: Sequence[Sequence[str]], *, timeout: float = 60.0
) -> list[subprocess.CompletedProcess[str]]:
    """Run every command against `journal` at once; return each one's result, in order."""
    signals = journal.parent / f".signals-{os.getpid()}-{time.monotonic_ns()}"
    signals.mkdir()
    go = signals / "go"
    ready = [signals / f"ready-{i}" for i in range(len(commands))]
    children = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(flag), str(go), "--journal", str(journal), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for flag, command in zip(ready, commands, strict=True)
    ]
    try:
        deadline = time.monotonic() + timeout
        while not all(flag.exists() for flag in ready):
            if time.monotonic() > deadline or any(c.poll() is not None for c in children):
                break  # a child that died before the start is reported by its result
            time.sleep(0.005)
        go.touch()
        results = []
        for child, command in zip(children, commands, strict=True):
            out, err = child.communicate(timeout=timeout)
            results.append(subprocess.CompletedProcess(list(command), child.returncode, out, err))
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait()
