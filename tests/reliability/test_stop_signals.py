"""The app ended by `kill` or by closing its terminal window ends as a quit does.

Run for real on a pseudo-terminal: the terminal is given back as it was (not left on
the app's last frame, in raw mode), the demo's throwaway folder is removed, and the
exit status says which signal ended the app, as a shell expects.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from pathlib import Path

from careercoach.tui.app import STOP_GRACE_S

LEAVE_ALTERNATE_SCREEN = b"\x1b[?1049l"
PATIENCE_S = 60.0


def read(fd: int, output: bytearray, until: bytes | None, deadline: float) -> str:
    """Read the app's output into `output` until it shows `until` ("shown"), the app
    closes the terminal ("closed"), or the deadline passes ("late")."""
    while until is None or until not in output:
        left = deadline - time.monotonic()
        if left <= 0:
            return "late"
        ready, _, _ = select.select([fd], [], [], min(left, 0.5))
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # EIO: no process has the terminal open any more
            return "closed"
        if not chunk:
            return "closed"
        output += chunk
    return "shown"


def start_demo(temp: Path, *, nohup: bool = False) -> tuple[int, int, bytearray]:
    """The demo app on a new pseudo-terminal, its dashboard shown: (pid, terminal, output)."""
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app on the pseudo-terminal, as a user starts it
        os.environ.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"})
        os.environ["TMPDIR"] = str(temp)
        # as a terminal starts it, whatever the test runner's own signal state (a run
        # under nohup ignores SIGHUP, and an ignored or blocked signal is inherited)
        signal.pthread_sigmask(signal.SIG_SETMASK, [])
        signal.signal(signal.SIGHUP, signal.SIG_IGN if nohup else signal.SIG_DFL)
        os.execv(sys.executable, [sys.executable, "-m", "careercoach", "--demo"])
    output = bytearray()
    try:
        shown = read(fd, output, b"Next actions", time.monotonic() + PATIENCE_S)
        assert shown == "shown", f"no dashboard: {bytes(output[-300:])!r}"
        assert next(p.name for p in temp.iterdir()).startswith("careercoach-demo-")
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        os.close(fd)
        raise
    return pid, fd, output


def ended_by(pid: int, timeout: float) -> int | str:
    """The app's exit status, or the name of the signal that killed it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            if os.WIFSIGNALED(status):
                return signal.Signals(os.WTERMSIG(status)).name
            return os.WEXITSTATUS(status)
        time.sleep(0.05)
    os.kill(pid, signal.SIGKILL)
    os.waitpid(pid, 0)
    raise AssertionError(f"the app was still running {timeout:.0f} s after the signal")


def test_kill_gives_the_terminal_back_and_removes_the_demo(tmp_path: Path) -> None:
    pid, fd, output = start_demo(tmp_path)
    os.kill(pid, signal.SIGTERM)
    shown_at = len(output)
    try:
        closed = read(fd, output, None, time.monotonic() + PATIENCE_S)
    finally:
        os.close(fd)
    assert ended_by(pid, PATIENCE_S) == 128 + signal.SIGTERM
    assert closed == "closed"
    assert LEAVE_ALTERNATE_SCREEN in output[shown_at:], "the terminal was not restored"
    assert list(tmp_path.iterdir()) == [], "the demo's folder was left behind"


def test_closing_the_window_removes_the_demo(tmp_path: Path) -> None:
    pid, fd, _ = start_demo(tmp_path)
    os.close(fd)  # the kernel hangs up the app's terminal
    assert ended_by(pid, PATIENCE_S) == "SIGHUP"
    assert list(tmp_path.iterdir()) == [], "the demo's folder was left behind"


def test_kill_after_the_window_closed_under_nohup_still_ends_the_app(tmp_path: Path) -> None:
    """Under nohup the hang-up is ignored and the app keeps running with no terminal.
    A kill then must still end it, within the grace period rather than never (its own
    exit waits on a terminal that is gone), and remove the demo."""
    pid, fd, _ = start_demo(tmp_path, nohup=True)
    os.close(fd)
    os.kill(pid, signal.SIGTERM)
    assert ended_by(pid, STOP_GRACE_S + PATIENCE_S) == 128 + signal.SIGTERM
    assert list(tmp_path.iterdir()) == [], "the demo's folder was left behind"
