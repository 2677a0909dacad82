"""Remembered settings: private, atomic, and never a reason to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from careercoach import paths
from careercoach.settings import DEFAULT_THEME, Settings, load_settings, save_settings


def test_missing_settings_give_defaults() -> None:
    assert load_settings() == Settings(theme=DEFAULT_THEME)


def test_settings_round_trip_privately() -> None:
    save_settings(Settings(theme="nord"))
    path = paths.settings_path()
    assert load_settings() == Settings(theme="nord")
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temp left


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe garbage",
        b"[1, 2]",
        b'{"theme": 42}',
        b'{"theme": ""}',
        b'{"theme": "bad\\u001b[31mname"}',
        b'{"theme": "' + b"x" * 100 + b'"}',
        b"",
    ],
)
def test_a_corrupt_settings_file_is_ignored(content: bytes) -> None:
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    assert load_settings() == Settings()


def test_settings_nested_too_deeply_are_ignored() -> None:
    """Deeper than a parser's recursion limit: defaults, not a crash at start-up."""
    path = paths.settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"[" * 60_000)
    assert load_settings() == Settings()


def test_a_file_saved_with_a_byte_order_mark_keeps_its_theme(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_bytes(b'\xef\xbb\xbf{"theme": "nord"}')
    assert load_settings(path) == Settings(theme="nord")


def test_unknown_keys_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dracula", "future": true}')
    assert load_settings(path) == Settings(theme="dracula")


def test_a_huge_settings_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "nord", "pad": "' + "x" * 70_000 + '"}')
    assert load_settings(path) == Settings()


def test_remember_keeps_the_other_settings() -> None:
    from careercoach.settings import remember

    remember(theme="nord")
    remember(script_language="ja", script_format="email")
    assert load_settings() == Settings(theme="nord", script_language="ja", script_format="email")


def test_unknown_script_choices_read_as_unset(tmp_path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"script_language": "fr", "script_format": 3}')
    assert load_settings(path) == Settings()
    path.write_text('{"script_format": "message"}')  # the one form before email and chat
    assert load_settings(path) == Settings()


@pytest.mark.parametrize(
    ("stored", "weekday", "day"),
    [
        ('{"checkin_weekday": "mon"}', "mon", 0),
        ('{"checkin_weekday": "sun"}', "sun", 6),
        ('{"checkin_weekday": "Friday"}', "", 4),  # not one of ours: the calendar's default
        ('{"checkin_weekday": 2}', "", 4),
        ("{}", "", 4),
    ],
)
def test_the_check_in_weekday(tmp_path: Path, stored: str, weekday: str, day: int) -> None:
    path = tmp_path / "settings.json"
    path.write_text(stored)
    settings = load_settings(path)
    assert (settings.checkin_weekday, settings.checkin_day) == (weekday, day)


def test_the_check_in_weekday_is_kept_beside_the_theme() -> None:
    from careercoach.settings import remember

    remember(theme="nord")
    remember(checkin_weekday="tue")
    assert load_settings() == Settings(theme="nord", checkin_weekday="tue")
