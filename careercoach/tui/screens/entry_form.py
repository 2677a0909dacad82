"""Add or edit one journal entry, with each validation message under its own field."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from textual.app import ComposeResult, SuspendNotSupported
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select, TextArea

from careercoach.journal import Draft
from careercoach.model import (
    KINDS,
    DetailValue,
    Entry,
    check_title_ja,
    details_text,
    make_entry,
    normalise_tags,
    parse_date,
    parse_detail_pairs,
    parse_detail_value,
    validate_details,
)
from careercoach.tui.screens.unsaved import FORM_KEYS, Form
from careercoach.tui.widgets.form import FormField, checked
from careercoach.tui.widgets.literal import notify_literal
from careercoach.tui.widgets.one_line_input import OneLineInput

KIND_OPTIONS = [(spec.label, spec.id) for spec in KINDS.values()]
FIELDS = ("title", "title_ja", "date", "kind", "subtype", "tags", "details", "notes")


def subtype_options(kind: str) -> list[tuple[str, str]]:
    return [(sub.replace("_", " "), sub) for sub in KINDS[kind].subtypes]


def details_hint(kind: str) -> str:
    keys = list(KINDS[kind].details)
    return "e.g. " + " ".join(f"{k}=..." for k in keys) if keys else "none for this kind"


def split_details(text: str) -> list[str]:
    """`key=value` pairs separated by commas or spaces, as Tags are; a value may hold
    spaces (`audience=whole team level=N2`): a space only separates before `key=`."""
    return [pair.strip() for pair in re.split(r",|\s+(?=[\w-]+=)", text) if pair.strip()]


class EntryForm(Form, ModalScreen["Draft | None"]):
    """Dismisses with a validated Draft, or None when cancelled."""

    FORM_NAME = "The entry"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        # priority: the text fields' own ctrl+e (end of line) would take it first
        Binding("ctrl+e", "edit_notes", "Notes in $EDITOR", priority=True),
        *FORM_KEYS,
    ]

    def __init__(
        self, *, today: dt.date, entry: Entry | None = None, typed: Entry | None = None
    ) -> None:
        """`entry` is the entry being edited (None for a new one); `typed` fills the
        fields instead when the form comes back after a save that failed."""
        super().__init__(classes="dialog-screen")
        self.today = today
        self.editing = entry is not None
        self.entry = typed or entry
        self.options_kind = self.entry.kind if self.entry else "invisible"

    def compose(self) -> ComposeResult:
        entry = self.entry
        kind = self.options_kind
        with Vertical(classes="dialog entry-form") as box:
            box.border_title = "Edit entry" if self.editing else "New entry"
            with VerticalScroll(can_focus=False):  # no invisible Tab stop
                yield FormField(
                    "Title",
                    OneLineInput(entry.title if entry else "", id="title", compact=True),
                    id="field-title",
                )
                yield FormField(
                    "日本語 title",
                    Input(
                        entry.title_ja if entry else "",
                        placeholder="optional: the title for Japanese scripts",
                        id="title_ja",
                        compact=True,
                    ),
                    id="field-title_ja",
                )
                yield FormField(
                    "Date",
                    Input(
                        (entry.date if entry else self.today).isoformat(),
                        placeholder="YYYY-MM-DD, today or yesterday",
                        id="date",
                        compact=True,
                    ),
                    id="field-date",
                )
                yield FormField(
                    "Kind",
                    Select(KIND_OPTIONS, value=kind, allow_blank=False, id="kind", compact=True),
                    id="field-kind",
                )
                yield FormField(
                    "Type",
                    Select(
                        subtype_options(kind),
                        value=(entry.subtype if entry and entry.subtype else Select.NULL),
                        prompt="(none)",
                        id="subtype",
                        compact=True,
                    ),
                    id="field-subtype",
                )
                yield FormField(
                    "Tags",
                    Input(
                        " ".join(entry.tags) if entry else "",
                        placeholder="separated by spaces or commas",
                        id="tags",
                        compact=True,
                    ),
                    id="field-tags",
                )
                yield FormField(
                    "Details",
                    Input(
                        details_text(dict(entry.details)) if entry else "",
                        placeholder=details_hint(kind),
                        id="details",
                        compact=True,
                    ),
                    id="field-details",
                )
                yield FormField(
                    "Notes",
                    TextArea(entry.notes if entry else "", id="notes", compact=True),
                    id="field-notes",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ^s", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#title", Input).focus()
        self.mark_clean()

    def action_edit_notes(self) -> None:
        """Write long notes in the user's own editor; the app waits, suspended."""
        import click  # only when asked: the editor launcher the CLI's --edit uses too

        notes = self.query_one("#notes", TextArea)
        try:
            with self.app.suspend():
                written = click.edit(notes.text, extension=".md", require_save=True)
        except SuspendNotSupported:
            notify_literal(self.app, "No editor here: this terminal cannot be handed over.")
            return
        except click.ClickException as exc:
            notify_literal(self.app, f"{exc.format_message()} (check $EDITOR)", severity="error")
            return
        if written is not None:
            notes.text = written.rstrip("\n")
        notes.focus()

    def form_state(self) -> object:
        inputs = tuple(input.value for input in self.query(Input))
        selects = tuple(select.value for select in self.query(Select))
        return inputs, selects, self.query_one("#notes", TextArea).text

    def leave_form(self) -> None:
        self.dismiss(None)

    def save_and_leave(self) -> None:
        self.action_save()

    def on_select_changed(self, event: Select.Changed) -> None:
        if event.select.id != "kind" or event.value is Select.NULL:
            return
        kind = str(event.value)
        if kind == self.options_kind:
            return
        self.options_kind = kind
        subtype = self.query_one("#subtype", Select)
        subtype.set_options(subtype_options(kind))
        self.query_one("#details", Input).placeholder = details_hint(kind)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def action_save(self) -> None:
        draft = self.validated_draft()
        if draft is None:
            return
        if draft.date > self.today:
            notify_literal(
                self.app,
                f"Saved with a date in the future ({draft.date:%d %b %Y}): "
                "change it if that was a slip.",
                severity="warning",
            )
        self.dismiss(draft)

    def validated_draft(self) -> Draft | None:
        """Check every field, show each problem under its field; None if any failed."""
        errors: dict[str, str] = {}
        value = self._value
        date = checked(errors, "date", lambda: parse_date(value("date"), self.today))
        kind = str(self.query_one("#kind", Select).value)
        details: dict[str, DetailValue] = {}
        subtype = self.query_one("#subtype", Select).value
        if subtype is not Select.NULL:
            checked(errors, "subtype", lambda: parse_detail_value(kind, "type", str(subtype)))
            details["type"] = str(subtype)
        tags = checked(errors, "tags", lambda: normalise_tags(re.split(r"[,\s]+", value("tags"))))
        pairs = split_details(value("details"))
        extra = checked(errors, "details", lambda: parse_detail_pairs(kind, pairs))
        if extra is not None:
            details.update(extra)
            checked(errors, "details", lambda: validate_details(kind, details))
        title = value("title")
        title_ja = checked(errors, "title_ja", lambda: check_title_ja(value("title_ja")))
        notes = self.query_one("#notes", TextArea).text
        check_date = date or self.today
        checked(
            errors,
            "title",
            lambda: make_entry(entry_id="tmp", date=check_date, kind=kind, title=title),
        )
        checked(
            errors,
            "notes",
            lambda: make_entry(entry_id="tmp", date=check_date, kind=kind, title="x", notes=notes),
        )
        for name in FIELDS:
            self.query_one(f"#field-{name}", FormField).set_error(errors.get(name))
        if errors:
            first = next(name for name in FIELDS if name in errors)
            self.query_one(f"#{first}").focus()
            return None
        assert date is not None and tags is not None and title_ja is not None
        return Draft(date, kind, title, notes=notes, tags=tags, details=details, title_ja=title_ja)

    def _value(self, widget_id: str) -> str:
        return self.query_one(f"#{widget_id}", Input).value
