"""Layering rules that keep the command line fast and the engines reusable."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import careercoach

DOMAIN_MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(careercoach.__path__, "careercoach.")
    if not info.name.startswith("careercoach.tui")
)


def imports_textual(code: str, cwd: Path) -> bool:
    probe = code + "\nimport sys\nprint('textual' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=cwd)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout.strip().splitlines()[-1] == "True"


def test_domain_modules_never_import_textual(tmp_path: Path) -> None:
    assert "careercoach.journal.api" in DOMAIN_MODULES
    code = "\n".join(f"import {name}" for name in DOMAIN_MODULES)
    assert not imports_textual(code, tmp_path)


@pytest.mark.parametrize(
    "args",
    [
        ["add", "note", "quick"],
        ["list"],
        ["profile", "show"],
        ["doctor", "--json"],
        ["score", "--json"],
        ["script", "--lang", "en"],
        ["soften", "This method doesn't work."],
        ["plan", "guide"],
        ["export", "--format", "json", "--output", "-"],
        ["nudge"],
        ["review", "--lang", "both"],
        ["calendar", "--output", "dates.ics"],
        ["--help"],
    ],
)
def test_cli_commands_do_not_import_textual(tmp_path: Path, args: list[str]) -> None:
    code = (
        "import os\n"
        f"os.environ['CAREERCOACH_HOME'] = {str(tmp_path)!r}\n"
        "from careercoach.cli import cli\n"
        f"try:\n    cli.main(args={args!r}, standalone_mode=False)\n"
        "except SystemExit as exc:\n    assert not exc.code, exc.code\n"
    )
    assert not imports_textual(code, tmp_path)


def test_import_contracts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    """The layers and front doors declared in pyproject.toml ([tool.importlinter])."""
    from importlinter.cli import lint_imports

    root = Path(__file__).resolve().parent.parent
    code = lint_imports(config_filename=str(root / "pyproject.toml"), no_cache=True)
    assert code == 0, capsys.readouterr().out
