"""Small remembered preferences (the theme, the script's language and format, the
weekly check-in's weekday), kept apart from the journal.

Settings are a convenience, never data: a missing, unreadable or corrupt file just
means defaults, and saving is atomic and private like the journal.
"""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import msgspec
import msgspec.structs

from careercoach import json_codec, paths
from careercoach.journal import write_private_file

MAX_SETTINGS_BYTES = 64 * 1024
THEME_NAME_MAX = 64
DEFAULT_THEME = "textual-dark"


SCRIPT_LANGUAGES = ("en", "ja", "both")
SCRIPT_FORMATS = ("talk", "email", "chat")  # a "message" saved before the split reads as unset
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
DEFAULT_CHECKIN_WEEKDAY = "fri"  # the calendar's default, until the user picks one


class Settings(msgspec.Struct, frozen=True):
    theme: str = DEFAULT_THEME
    script_language: str = ""  # "" until chosen: the profile's language applies
    script_format: str = ""
    checkin_weekday: str = ""  # "" until a calendar is written: DEFAULT_CHECKIN_WEEKDAY

    @property
    def checkin_day(self) -> int:
        """The check-in weekday, 0 = Monday: the one chosen, else the calendar's default."""
        return WEEKDAYS.index(self.checkin_weekday or DEFAULT_CHECKIN_WEEKDAY)


def _choice(value: Any, choices: tuple[str, ...]) -> str:
    return value if isinstance(value, str) and value in choices else ""


def _theme(value: Any) -> str:
    if isinstance(value, str) and 0 < len(value) <= THEME_NAME_MAX and value.isprintable():
        return value
    return DEFAULT_THEME


def load_settings(path: Path | None = None) -> Settings:
    """Read the settings file; anything wrong with it gives the defaults."""
    target = path or paths.settings_path()
    try:
        if target.stat().st_size > MAX_SETTINGS_BYTES:
            return Settings()
        raw = target.read_bytes().removeprefix(codecs.BOM_UTF8)  # as some editors save it
        data = json_codec.decode(raw)  # nested too deep: a DecodeError
    except (OSError, ValueError):
        return Settings()
    if not isinstance(data, dict):
        return Settings()
    return Settings(
        theme=_theme(data.get("theme")),
        script_language=_choice(data.get("script_language"), SCRIPT_LANGUAGES),
        script_format=_choice(data.get("script_format"), SCRIPT_FORMATS),
        checkin_weekday=_choice(data.get("checkin_weekday"), WEEKDAYS),
    )


def remember(**changes: str) -> None:
    """Save some settings, keeping the others as they are on disk."""
    save_settings(msgspec.structs.replace(load_settings(), **changes))


def save_settings(settings: Settings, path: Path | None = None) -> None:
    """Write the settings atomically as a private (0600) file."""
    target = path or paths.settings_path()
    payload = msgspec.json.format(json_codec.encode(msgspec.structs.asdict(settings)), indent=2)
    write_private_file(target, payload + b"\n")
