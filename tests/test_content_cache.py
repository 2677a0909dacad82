"""The parsed-content cache: used when a file is unchanged, never trusted otherwise."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from careercoach import paths
from careercoach.content import cache as content_cache
from careercoach.content import loader as content
from careercoach.errors import ContentError
from careercoach.readiness.criteria import load_criteria


class CountingParse:
    def __init__(self, data: Any) -> None:
        self.data = data
        self.calls = 0

    def __call__(self) -> Any:
        self.calls += 1
        return self.data


def cache_file() -> Path:
    return paths.cache_dir() / content_cache.CACHE_FILENAME


def load(path: Path, parse: CountingParse) -> Any:
    return content_cache.load(path, path.stat(), parse)


@pytest.fixture
def source(tmp_path: Path) -> Path:
    path = tmp_path / "criteria.yaml"
    path.write_text("a: 1\n", encoding="utf-8")
    return path


def test_an_unchanged_file_is_parsed_once(source: Path) -> None:
    parse = CountingParse({"a": [1, "x", None, True, 1.5]})
    assert load(source, parse) == parse.data
    assert load(source, parse) == parse.data
    assert parse.calls == 1
    assert (cache_file().stat().st_mode & 0o777) == 0o600


def test_a_changed_file_is_parsed_again(source: Path) -> None:
    parse = CountingParse({"a": 1})
    load(source, parse)
    source.write_text("a: 22\n", encoding="utf-8")
    os.utime(source, ns=(1, 1))
    parse.data = {"a": 22}
    assert load(source, parse) == {"a": 22}
    assert parse.calls == 2


def test_a_replaced_file_is_parsed_again_even_with_the_same_size_and_time(
    source: Path,
) -> None:
    parse = CountingParse({"a": 1})
    load(source, parse)
    before = source.stat()
    replacement = source.with_name("new.yaml")
    replacement.write_text("a: 2\n", encoding="utf-8")
    os.utime(replacement, ns=(before.st_atime_ns, before.st_mtime_ns))
    os.replace(replacement, source)  # as an upgrade or an editor's save does
    parse.data = {"a": 2}
    assert load(source, parse) == {"a": 2}
    assert parse.calls == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[1, 2]",
        b'{"format": 99, "files": {}}',
        b'{"format": 1, "files": []}',
        b"[" * 1200 + b"]" * 1200,  # deeper than the decoder goes
        b" " * (content_cache.MAX_CACHE_BYTES + 1),
    ],
    ids=lambda damage: repr(damage[:20]),
)
def test_a_damaged_or_foreign_cache_is_ignored_and_rewritten(source: Path, damage: bytes) -> None:
    parse = CountingParse({"a": 1})
    load(source, parse)
    cache_file().write_bytes(damage)
    assert load(source, parse) == {"a": 1}
    assert parse.calls == 2
    assert load(source, parse) == {"a": 1}
    assert parse.calls == 2  # rewritten, so used again


def test_a_symlink_or_a_named_pipe_at_the_cache_path_is_never_followed_or_waited_on(
    source: Path, tmp_path: Path
) -> None:
    parse = CountingParse({"a": 1})
    load(source, parse)
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_bytes(cache_file().read_bytes())
    cache_file().unlink()
    cache_file().symlink_to(elsewhere)
    assert load(source, parse) == {"a": 1}
    assert parse.calls == 2  # not read through the link...
    assert not cache_file().is_symlink()  # ...and replaced by a file of our own
    cache_file().unlink()
    os.mkfifo(cache_file())
    assert load(source, parse) == {"a": 1}  # returns at once instead of blocking
    assert parse.calls == 3


def test_a_stale_entry_shape_is_not_trusted(source: Path) -> None:
    parse = CountingParse({"a": 1})
    load(source, parse)
    cache_file().write_text(
        f'{{"format": 1, "files": {{"{source.resolve()}": {{"stamp": "x"}}}}}}', encoding="utf-8"
    )
    assert load(source, parse) == {"a": 1}
    assert parse.calls == 2


def test_data_json_cannot_carry_is_never_cached(source: Path) -> None:
    parse = CountingParse({"when": dt.date(2026, 1, 1), 3: "int key"})
    assert load(source, parse) == parse.data
    assert load(source, parse) == parse.data
    assert parse.calls == 2


def test_an_unwritable_cache_folder_only_costs_a_parse(
    source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(paths, "cache_dir", lambda: blocker / "cache")
    parse = CountingParse({"a": 1})
    assert load(source, parse) == {"a": 1}
    assert load(source, parse) == {"a": 1}
    assert parse.calls == 2
    assert not list(tmp_path.glob("**/.content-cache*"))


def test_a_users_own_file_is_never_cached(tmp_path: Path) -> None:
    own = tmp_path / "my-criteria.yaml"
    own.write_text("secret: my manager's name\n", encoding="utf-8")
    assert content.load_yaml(own) == {"secret": "my manager's name"}
    assert not cache_file().exists()


def test_shipped_content_errors_are_never_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shipped = tmp_path / "content"
    shipped.mkdir()
    monkeypatch.setattr(paths, "content_dir", lambda: shipped)
    broken = shipped / "criteria.yaml"
    broken.write_text("a: [1, 2\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ContentError, match="criteria.yaml"):
            content.load_yaml(broken)
    broken.write_text("a: [1, 2]\n", encoding="utf-8")
    assert content.load_yaml(broken) == {"a": [1, 2]}


def test_criteria_from_the_cache_equal_criteria_from_yaml() -> None:
    assert not cache_file().exists()
    parsed = load_criteria()
    assert cache_file().exists()
    assert load_criteria() == parsed


def test_a_warm_start_does_not_import_the_yaml_parser(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from careercoach.readiness.criteria import load_criteria\n"
        "load_criteria()\n"
        "print('yaml' in sys.modules)\n"
    )
    env = {**os.environ, "CAREERCOACH_HOME": str(tmp_path)}

    def imports_yaml() -> bool:
        result = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
        )
        return result.stdout.strip() == "True"

    assert imports_yaml()  # the first run parses and fills the cache
    assert not imports_yaml()
