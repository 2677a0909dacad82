"""Start several `careercoach` writers at the same instant, as a shell loop with `&` would.

Each child has the command line and the subcommand's module loaded, says it is ready,
then waits for the start signal: they all then read and write the journal together,
which is when a record read outside the lock would lose someone's change.

The children are forked from the test process, which has already imported everything,
so a writer costs milliseconds instead of a new interpreter's start (about 0.12 s of
CPU each, 130 of them a run). Each is still its own process with its own memory,
file descriptors and lock, exactly as when started from a shell. Where the app is
running in the test process (its threads may hold locks a fork would copy), `fresh=True`
starts new interpreters instead.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

OUTPUTS = (".out", ".err")  # a forked writer's standard output and error
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
    journal: Path, commands: Sequence[Sequence[str]], *, timeout: float = 60.0, fresh: bool = False
) -> list[subprocess.CompletedProcess[str]]:
    """Run every command against `journal` at once; return each one's result, in order."""
    signals = journal.parent / f".signals-{os.getpid()}-{time.monotonic_ns()}"
    signals.mkdir()
    go = signals / "go"
    ready = [signals / f"ready-{i}" for i in range(len(commands))]
    start = _started if fresh else _forked
    children = [
        start(flag, go, signals / f"output-{i}", journal, command)
        for i, (flag, command) in enumerate(zip(ready, commands, strict=True))
    ]
    try:
        deadline = time.monotonic() + timeout
        while not all(flag.exists() for flag in ready):
            if time.monotonic() > deadline or any(child.ended() for child in children):
                break  # a child that died before the start is reported by its result
            time.sleep(0.005)
        go.touch()
        return [
            child.result(list(command), deadline=time.monotonic() + timeout)
            for child, command in zip(children, commands, strict=True)
        ]
    finally:
        for child in children:
            child.stop()


class _Fresh:
    """A writer in a new interpreter."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.process = process

    def ended(self) -> bool:
        return self.process.poll() is not None

    def result(self, args: list[str], *, deadline: float) -> subprocess.CompletedProcess[str]:
        out, err = self.process.communicate(timeout=max(0.0, deadline - time.monotonic()))
        return subprocess.CompletedProcess(args, self.process.returncode, out, err)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def _started(ready: Path, go: Path, output: Path, journal: Path, command: Sequence[str]) -> _Fresh:
    return _Fresh(
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(ready), str(go), "--journal", str(journal), *command],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    )


class _Forked:
    """A writer forked from this process; its output goes to two files."""

    def __init__(self, pid: int, output: Path) -> None:
        self.pid = pid
        self.output = output
        self.status: int | None = None

    def ended(self) -> bool:
        if self.status is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = status
        return self.status is not None

    def result(self, args: list[str], *, deadline: float) -> subprocess.CompletedProcess[str]:
        while not self.ended():
            if time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(args, 0)
            time.sleep(0.005)
        assert self.status is not None
        out, err = (self.output.with_suffix(end).read_text(encoding="utf-8") for end in OUTPUTS)
        return subprocess.CompletedProcess(args, os.waitstatus_to_exitcode(self.status), out, err)

    def stop(self) -> None:
        if not self.ended():
            os.kill(self.pid, signal.SIGKILL)
            _, self.status = os.waitpid(self.pid, 0)


def _forked(ready: Path, go: Path, output: Path, journal: Path, command: Sequence[str]) -> _Forked:
    from careercoach.cli import cli

    cli.get_command(None, command[0])  # the subcommand's module, loaded before the fork
    pid = os.fork()
    if pid:
        return _Forked(pid, output)
    code = 1  # the child: never return into the test runner
    try:
        sys.stdout, sys.stderr = (
            open(output.with_suffix(end), "w", encoding="utf-8")  # noqa: SIM115 (closed by _exit)
            for end in OUTPUTS
        )
        ready.touch()
        while not go.exists():
            time.sleep(0.001)
        try:
            cli.main(prog_name="careercoach", args=["--journal", str(journal), *command])
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
