"""End to end: build the wheel, install it into a fresh venv, run it from elsewhere."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the built wheel; its dependencies are the running environment's.

    `system_site_packages` would expose the *base* interpreter's packages, not those of
    the virtual environment the tests run in, so the new venv gets a `.pth` file naming
    the running environment's site-packages folders instead. Paths listed in a `.pth`
    file are not scanned for `.pth` files of their own, so the checkout's editable
    install stays out of sight and `import careercoach` finds the wheel.
    """
    work = tmp_path_factory.mktemp("install")
    wheels = work / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
        check=True,
    )
    env_dir = work / "venv"
    venv.EnvBuilder(system_site_packages=False, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site_packages = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    running = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(site_packages) / "running-environment.pth").write_text("\n".join(sorted(running)) + "\n")
    [wheel] = wheels.glob("careercoach-*.whl")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            "--force-reinstall",
            str(wheel),
        ],
        check=True,
    )
    return env_dir / "bin"


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without PYTHONPATH, which would put a checkout before the wheel."""
    env = {**os.environ, **extra}
    env.pop("PYTHONPATH", None)
    return env


def run(bin_dir: Path, *args: str, cwd: Path, home: Path) -> subprocess.CompletedProcess[str]:
    env = clean_env(CAREERCOACH_HOME=str(home), CAREERCOACH_TODAY="2026-11-20")
    return subprocess.run(
        [str(bin_dir / "careercoach"), *args], capture_output=True, text=True, cwd=cwd, env=env
    )


def test_installed_command_works_from_another_folder(installed: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    located = subprocess.run(
        [str(installed / "python"), "-c", "import careercoach; print(careercoach.__file__)"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        check=True,
    ).stdout
    assert str(ROOT) not in located, "the test must exercise the installed copy"
    added = run(
        installed,
        "add",
        "achievement",
        "Shipped the launch",
        "--type",
        "major_project",
        cwd=tmp_path,
        home=home,
    )
    assert added.returncode == 0, added.stderr
    listed = json.loads(run(installed, "list", "--json", cwd=tmp_path, home=home).stdout)
    assert listed[0]["id"] == added.stdout.strip()
    score = run(installed, "score", "--json", cwd=tmp_path, home=home)
    assert score.returncode == 0, score.stderr
    assert 0 <= json.loads(score.stdout)["overall"] <= 100
    bad = run(installed, "add", "holiday", "x", cwd=tmp_path, home=home)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1


def test_wheel_ships_every_content_file(installed: Path, tmp_path: Path) -> None:
    code = (
        "from careercoach import paths; d = paths.content_dir();"
        "print(d); print(sorted(p.name for p in d.glob('*.yaml')))"
    )
    out = subprocess.run(
        [str(installed / "python"), "-c", code],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        check=True,
    ).stdout.splitlines()
    assert "site-packages" in out[0]
    shipped = set(eval(out[1]))
    assert shipped == {p.name for p in (ROOT / "content").glob("*.yaml")}
    assert shipped
