"""Every third-party module the code imports is declared in pyproject.toml.

A module that is only on the machine because something else pulled it in makes the
tests pass here and fail for a user with a fresh environment. The package's own code
may use the runtime requirements and its optional extras (`clipboard`); the tests and
benchmarks also the `test` extra.
"""

from __future__ import annotations

import ast
import functools
import re
import sys
from collections.abc import Iterator, Mapping
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
RUNTIME = PYPROJECT["dependencies"]
EXTRAS: dict[str, list[str]] = PYPROJECT["optional-dependencies"]
# Where each folder's code may take its imports from.
ALLOWED = {
    "careercoach": RUNTIME
    + [req for name, reqs in EXTRAS.items() if name != "test" for req in reqs],
    "tests": RUNTIME + EXTRAS["test"],
    "benchmarks": RUNTIME + EXTRAS["test"],
}


def distribution_name(requirement: str) -> str:
    """`markdown-it-py>=3.0; python_version < '3.11'` -> `markdown-it-py` (PEP 503 form)."""
    match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
    assert match, f"cannot read the requirement {requirement!r}"
    return canonical(match.group(1))


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def imported_modules(source: str) -> Iterator[tuple[str, int]]:
    """The top-level name and line of every absolute import in `source`, wherever it is
    (inside functions and `try` blocks too)."""
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name.partition(".")[0], node.lineno
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module.partition(".")[0], node.lineno


def is_local(module: str, folder: Path) -> bool:
    """Our own code: a top-level package of the repository, or a module beside the file
    (benchmark scripts import their neighbours by name)."""
    for place in (ROOT, folder):
        if (place / f"{module}.py").is_file() or any((place / module).glob("*.py")):
            return True
    return False


@functools.cache
def installed_providers() -> Mapping[str, list[str]]:
    """Import name -> the installed distributions that provide it (read once: it is slow)."""
    return packages_distributions()


def undeclared(source: str, folder: Path, requirements: list[str]) -> list[tuple[int, str]]:
    """Each third-party import in `source` (a file in `folder`) whose distribution is not
    among `requirements`: its line and what is wrong."""
    declared = {distribution_name(req) for req in requirements}
    providers = installed_providers()
    problems = []
    for module, line in imported_modules(source):
        if module in sys.stdlib_module_names or is_local(module, folder):
            continue
        # Not installed here (a backport for another Python): its name is its distribution's.
        dists = {canonical(dist) for dist in providers.get(module, [module])}
        if not dists & declared:
            problems.append((line, f"{module} (from {', '.join(sorted(dists))})"))
    return problems


def source_files(folder: str) -> list[Path]:
    return sorted(path for path in (ROOT / folder).rglob("*.py") if "__pycache__" not in path.parts)


@pytest.mark.parametrize("folder", sorted(ALLOWED))
def test_every_third_party_import_is_declared(folder: str) -> None:
    files = source_files(folder)
    assert files, f"no Python files found in {folder}/"
    problems = [
        f"{path.relative_to(ROOT)}:{line}: {problem}"
        for path in files
        for line, problem in undeclared(
            path.read_text(encoding="utf-8"), path.parent, ALLOWED[folder]
        )
    ]
    assert not problems, "imports not declared in pyproject.toml:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("import json\nfrom collections import abc", []),
        ("import yaml", []),
        ("from markdown_it import MarkdownIt", []),
        ("from . import crash_harness\nfrom careercoach import model", []),
        ("import syrupy", ["syrupy (from syrupy)"]),
        ("def later():\n    from syrupy import extensions", ["syrupy (from syrupy)"]),
        (
            "try:\n    import not_a_module_here\nexcept ImportError:\n    pass",
            ["not_a_module_here (from not-a-module-here)"],
        ),
    ],
)
def test_the_check_sees_undeclared_imports(source: str, flagged: list[str]) -> None:
    """syrupy is installed (pytest-textual-snapshot needs it) but not declared by us."""
    problems = undeclared(source, ROOT / "tests", ALLOWED["tests"])
    assert [problem for _, problem in problems] == flagged


def test_benchmark_scripts_may_import_their_neighbours() -> None:
    assert undeclared("import timing", ROOT / "benchmarks", ALLOWED["benchmarks"]) == []
    assert undeclared("import timing", ROOT / "tests", ALLOWED["tests"]) != []
