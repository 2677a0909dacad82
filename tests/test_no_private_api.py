"""No private attribute of Textual or any other library, in the app, its tests or benchmarks:
an upgrade must not break us silently.

A name with one leading underscore is ours only if our code defines it (a method,
a class attribute, an assignment or a parameter). Any other `x._name` we read or
call, and any `_name` we import from a library, belongs to someone else's internals.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "careercoach"
FOLDERS = ("careercoach", "tests", "benchmarks")
# Names with an underscore that are documented public API of the standard library.
DOCUMENTED = {"_exit", "_asdict", "_replace", "_fields", "_make"}


def is_private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def trees() -> list[tuple[Path, ast.AST]]:
    return [
        (path, ast.parse(path.read_text(encoding="utf-8")))
        for folder in FOLDERS
        for path in (ROOT / folder).rglob("*.py")
    ]


def names_we_define(parsed: list[tuple[Path, ast.AST]]) -> set[str]:
    defined: set[str] = set()
    for _, tree in parsed:
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                defined.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                defined.add(node.attr)
            elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                defined.add(node.id)
            elif isinstance(node, ast.arg):
                defined.add(node.arg)
    return {name for name in defined if is_private(name)}


def test_no_private_attribute_of_a_library_is_used() -> None:
    parsed = trees()
    ours = names_we_define(parsed) | DOCUMENTED
    found = []
    for path, tree in parsed:
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and is_private(node.attr) and node.attr not in ours:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
            if isinstance(node, ast.Import):
                for alias in node.names:
                    if any(map(is_private, alias.name.split("."))):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {alias.name}")
            if isinstance(node, ast.ImportFrom) and not (node.module or "").startswith(
                "careercoach"
            ):
                module_parts = (node.module or "").split(".")
                for alias in node.names:
                    if is_private(alias.name) or any(map(is_private, module_parts)):
                        found.append(f"{path.relative_to(ROOT)}:{node.lineno} {node.module}")
    assert found == []


def test_the_check_sees_a_private_attribute() -> None:
    """The check above would catch `widget._nodes` (a Textual internal)."""
    tree = ast.parse("def f(widget):\n    return widget._nodes\n")
    reads = [n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)]
    assert reads == ["_nodes"] and "_nodes" not in names_we_define([(PACKAGE, tree)])
