"""Privacy: no network ever, private file modes, nothing written anywhere unexpected."""

from __future__ import annotations

import os
import re
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from careercoach.cli import cli


class NetworkAttempt(AssertionError):
    """Raised by the guard: reaching this means the app tried to talk to the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkAttempt(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    old = os.umask(0)
    try:
        yield
    finally:
        os.umask(old)


def test_the_guard_itself_works(no_network: None) -> None:
    with pytest.raises(NetworkAttempt):
        socket.create_connection(("127.0.0.1", 9))


def every_command(journal: Path, out: Path) -> list[list[str]]:
    """A realistic session touching every subcommand family."""
    j = ["--journal", str(journal)]
    return [
        [
            *j,
            "profile",
            "set",
            "name=Alex",
            "jlpt_level=N2",
            "start_date=2023-04-01",
            "manager_name=Sato",
        ],
        [*j, "add", "achievement", "Shipped the launch", "--type", "major_project"],
        [
            *j,
            "add",
            "japanese",
            "JLPT N2",
            "--type",
            "jlpt",
            "--detail",
            "level=N2",
            "--detail",
            "passed=yes",
        ],
        [*j, "list", "--json"],
        [*j, "score", "--json"],
        [*j, "script", "--lang", "both"],
        [*j, "soften", "Why don't we change this?"],
        [*j, "plan", "start", "--start", "2026-11-01", "--end", "2027-01-31"],
        [*j, "plan", "assess", "--json"],
        [*j, "plan", "export", "--output", str(out / "plan.md")],
        [*j, "export", "--format", "md", "--output", str(out / "packet.md")],
        [*j, "export", "--format", "csv", "--output", str(out / "entries.csv")],
        [*j, "export", "--format", "json", "--output", str(out / "backup.json")],
        [*j, "import", str(out / "backup.json")],
        [*j, "doctor", "--json"],
    ]


def test_cli_session_is_offline_and_private(
    tmp_path: Path, no_network: None, permissive_umask: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-20")
    journal = tmp_path / "data" / "journal.json"
    out = tmp_path / "exports"
    out.mkdir()
    runner = CliRunner()
    for args in every_command(journal, out):
        result = runner.invoke(cli, args)
        assert not isinstance(result.exception, NetworkAttempt), args
        assert result.exit_code == 0, (args, result.output)
    private = [journal, *journal.parent.glob("backups/*"), *out.iterdir()]
    assert len(private) >= 6
    for path in private:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for folder in (journal.parent, journal.parent / "backups"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_nothing_is_written_outside_the_journal_folder(
    tmp_path: Path, isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No logs or stray copies: the journal, its lock, its backups, and at most the
    parsed shipped content (no word of the user's)."""
    monkeypatch.setenv("CAREERCOACH_TODAY", "2026-11-20")
    monkeypatch.chdir(tmp_path)
    journal = isolated_home / "journal.json"
    runner = CliRunner()
    for args in (
        ["add", "note", "Private thought about my manager"],
        ["add", "note", "Second private note", "--date", "yesterday"],
        ["score"],
        ["script"],
        ["list"],
    ):
        assert runner.invoke(cli, args).exit_code == 0, args
    written = {str(p.relative_to(isolated_home)) for p in isolated_home.rglob("*") if p.is_file()}
    backups = {name for name in written if re.fullmatch(r"backups/journal-[\w-]+\.json", name)}
    assert journal.exists()
    assert written - backups == {"journal.json", "journal.json.lock", "cache/content-cache.json"}
    cached = (isolated_home / "cache" / "content-cache.json").read_text(encoding="utf-8")
    assert "thought about my manager" not in cached and "Second private note" not in cached
    assert str(isolated_home) not in cached
    assert list(tmp_path.iterdir()) == [], "nothing may be written to the working folder"


def test_the_app_makes_no_network_connection(tmp_path: Path, no_network: None) -> None:
    import asyncio

    from careercoach.demo import write_demo
    from tests.tui.conftest import SIZE, TODAY, make_app, ready, workers_done

    path = tmp_path / "journal.json"
    write_demo(path, TODAY)

    async def visit_everything() -> list[str]:
        app = make_app(path)
        seen = []
        async with app.run_test(size=SIZE) as pilot:
            await ready(pilot)
            # forms (check-in, profile) are left with Escape: letters there are only text
            keys = ("j", "w", "escape", "r", "t", "c", "i", "p", "escape", "escape", "d")
            for key in (*keys, "question_mark", "escape"):
                await pilot.press(key)
                await workers_done(pilot)  # whatever the screen reads, it has read
                seen.append(type(app.screen).__name__)
        return seen

    seen = asyncio.run(visit_everything())
    assert {
        "JournalScreen",
        "CheckinScreen",
        "ReadinessScreen",
        "ScriptsScreen",
        "PlanScreen",
        "ProfileScreen",
        "DashboardScreen",
    } <= set(seen)


TITLE_SEQUENCE = re.compile(rb"\x1b\][012];")


def test_the_terminal_title_never_carries_journal_text(tmp_path: Path) -> None:
    """Run the real app on a pseudo-terminal and read every byte it sends."""
    import pty
    import select
    import subprocess
    import sys
    import time

    journal = tmp_path / "journal.json"
    secret = "Secret note about Tanaka-bucho"
    subprocess.run(
        [sys.executable, "-m", "careercoach", "--journal", str(journal), "add", "note", secret],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "careercoach",
            "--journal",
            str(journal),
            "profile",
            "set",
            "name=Private Person",
        ],
        check=True,
        capture_output=True,
    )
    pid, fd = pty.fork()
    if pid == 0:
        os.environ.update({"TERM": "xterm-256color", "COLUMNS": "100", "LINES": "32"})
        os.execvp(sys.executable, [sys.executable, "-m", "careercoach", "--journal", str(journal)])
    output = bytearray()
    deadline = time.monotonic() + 30
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:
                break
            if not chunk:
                break
            output += chunk
        if not sent and b"Next actions" in output:  # the dashboard has read the journal
            os.write(fd, b"j")
            time.sleep(1.5)
            os.write(fd, b"q")
            sent = True
    os.waitpid(pid, 0)
    assert sent, "the app never showed its dashboard"
    assert secret.encode() in output or b"Secret note" in output, "the journal was not shown"
    assert not TITLE_SEQUENCE.search(output)
