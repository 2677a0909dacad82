"""Every profile field as a form, validated field by field with `set_profile_fields`."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Input, Select

from careercoach.errors import ValidationError
from careercoach.model import (
    COMPANY_TYPE_LABELS,
    PROFILE_DATE_FIELDS,
    PROFILE_FIELDS,
    TARGET_ROLE_LABELS,
    Profile,
    set_profile_fields,
)
from careercoach.tui.widgets.form import FormField
from careercoach.tui.widgets.one_line_input import OneLineInput

LABELS = {
    "name": "Your name",
    "name_ja": "Name (日本語)",
    "company_type": "Company type",
    "target_role": "Aiming for",
    "start_date": "Started on",
    "jlpt_level": "JLPT level",
    "next_evaluation": "Next evaluation",
    "contract_renewal": "Contract renewal",
    "manager_name": "Manager's name",
    "manager_name_ja": "Manager (日本語)",
    "manager_title": "Manager's title",
    "manager_addressing": "Address them as",
    "script_language": "Script language",
}
CHOICES: dict[str, list[tuple[str, str]]] = {
    "company_type": [(label, value) for value, label in COMPANY_TYPE_LABELS.items()],
    "target_role": [(label, value) for value, label in TARGET_ROLE_LABELS.items()],
    "jlpt_level": [(level, level) for level in ("N1", "N2", "N3", "N4", "N5")],
    "script_language": [("English", "en"), ("Japanese", "ja"), ("Both", "both")],
    "manager_addressing": [
        ("佐藤課長 / Sato-san", "title"),
        ("佐藤さん / Sato-san", "san"),
        ("佐藤課長 / Sato", "name"),
    ],
}
REQUIRED_CHOICES = ("target_role", "script_language")


def text_of(value: object) -> str:
    """What an input shows for a profile value: dates as YYYY-MM-DD, unset as empty."""
    if value is None:
        return ""
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _widget(name: str) -> Widget:
    if name in CHOICES:
        return Select(
            CHOICES[name],
            prompt="(not set)",
            allow_blank=name not in REQUIRED_CHOICES,
            value=getattr(Profile(), name) if name in REQUIRED_CHOICES else Select.NULL,
            id=f"profile-{name}",
            compact=True,
        )
    placeholder = "YYYY-MM-DD" if name in PROFILE_DATE_FIELDS else ""
    return OneLineInput(placeholder=placeholder, id=f"profile-{name}", compact=True)


class ProfileForm(Vertical):
    """Shows a profile, and turns what was typed back into a validated one."""

    DEFAULT_CSS = "ProfileForm { height: auto; }"

    def __init__(self, fields: Iterable[str] = PROFILE_FIELDS, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.fields = tuple(fields)

    def compose(self) -> ComposeResult:
        for name in self.fields:
            yield FormField(LABELS[name], _widget(name), id=f"field-{name}")

    def show_profile(self, profile: Profile) -> None:
        for name in self.fields:
            value = getattr(profile, name)
            widget = self.query_one(f"#profile-{name}")
            if isinstance(widget, Select):
                if value:
                    widget.value = value
                else:
                    widget.clear()
            elif isinstance(widget, Input):
                widget.value = text_of(value)
            self.query_one(f"#field-{name}", FormField).set_error(None)

    def values(self) -> dict[str, str]:
        result = {}
        for name in self.fields:
            widget = self.query_one(f"#profile-{name}")
            if isinstance(widget, Select):
                result[name] = "" if widget.value is Select.NULL else str(widget.value)
            elif isinstance(widget, Input):
                result[name] = widget.value
        return result

    def validated(self, base: Profile, today: dt.date) -> Profile | None:
        """The profile with the form's values, or None after showing each field's error."""
        profile = base
        ok = True
        for name, value in self.values().items():
            try:
                profile = set_profile_fields(profile, {name: value}, today)
                error = None
            except ValidationError as exc:
                ok, error = False, str(exc)
            self.query_one(f"#field-{name}", FormField).set_error(error)
        if not ok:
            invalid = self.query(".-invalid .field-widget").first()
            invalid.focus()
            return None
        return profile
