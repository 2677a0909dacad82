"""Log one line from any browsing screen: type what you did, Enter. About as quick as
`jrnl`'s one-liner; the kind is suggested from the words and can be changed."""

from __future__ import annotations

import datetime as dt
import re
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Select

from careercoach.errors import ValidationError
from careercoach.journal import Draft
from careercoach.model import KINDS, make_entry
from careercoach.tui.screens.unsaved import FORM_KEYS, Form
from careercoach.tui.widgets.form import FormField
from careercoach.tui.widgets.literal import LiteralStatic
from careercoach.tui.widgets.one_line_input import OneLineInput

# Words that point at a kind, checked in this order; a line that matches none is a note.
KIND_WORDS: tuple[tuple[str, str], ...] = (
    ("japanese", r"japanese|jlpt|日本語|keigo|敬語|kanji|\bn[1-5]\b"),
    ("bridge", r"translat|bridg|interpret|headquarters|\bhq\b|between the|通訳|翻訳"),
    ("documentation", r"document|checklist|wiki|readme|manual|runbook|wrote up|手順"),
    ("team_event", r"lunch|party|nomikai|drinks|coffee|outing|飲み会|歓迎会|忘年会"),
    ("proposal", r"propos|suggest|idea|offered to|提案"),
    ("conversation", r"1:1|one-on-one|evaluation|feedback|promotion|review with|面談|評価"),
    ("achievement", r"launch|shipped|released|completed|finished|award|milestone|達成"),
    ("invisible", r"meeting room|notes|early|tid(y|ied)|clean|stayed|set up the|準備"),
)


def suggest_kind(text: str) -> str:
    """The kind the words of a line suggest (`note` when nothing matches)."""
    lowered = text.casefold()
    return next((kind for kind, words in KIND_WORDS if re.search(words, lowered)), "note")


class QuickLogDialog(Form, ModalScreen["Draft | None"]):
    """Dismisses with a Draft dated today, or None."""

    FORM_NAME = "The line"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("ctrl+s", "save", "Save"), *FORM_KEYS]

    def __init__(self, *, today: dt.date) -> None:
        super().__init__(classes="dialog-screen")
        self.today = today
        self.kind_chosen = False  # once the user picks a kind, the words no longer change it
        self.suggested = "note"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog quick-log") as box:
            box.border_title = "Log a line"
            yield FormField(
                "What did you do?",
                OneLineInput(placeholder="e.g. Translated the release notes for HQ", id="line"),
                id="field-line",
            )
            yield FormField(
                "Kind",
                Select(
                    [(spec.label, spec.id) for spec in KINDS.values()],
                    value="note",
                    allow_blank=False,
                    id="kind",
                    compact=True,
                ),
                id="field-kind",
            )
            yield LiteralStatic(
                f"Dated today ({self.today.isoformat()}). Enter saves; the journal (j) "
                "edits it later.",
                classes="hint",
            )
            with Horizontal(classes="dialog-buttons"):
                yield Button("Save  ⏎", id="save", variant="primary")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#line", Input).focus()
        self.mark_clean()

    def form_state(self) -> object:
        return self.query_one("#line", Input).value

    def leave_form(self) -> None:
        self.dismiss(None)

    def save_and_leave(self) -> None:
        self.action_save()

    @on(Input.Changed, "#line")
    def words_changed(self, event: Input.Changed) -> None:
        if not self.kind_chosen:
            self.suggested = suggest_kind(event.value)
            self.query_one("#kind", Select).value = self.suggested

    @on(Select.Changed, "#kind")
    def kind_changed(self, event: Select.Changed) -> None:
        if event.value != self.suggested:
            self.kind_chosen = True

    @on(Input.Submitted, "#line")
    def submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_leave()

    def action_save(self) -> None:
        title = self.query_one("#line", Input).value.strip()
        kind = str(self.query_one("#kind", Select).value)
        try:
            make_entry(entry_id="tmp", date=self.today, kind=kind, title=title)
        except ValidationError as exc:
            self.query_one("#field-line", FormField).set_error(str(exc))
            return
        self.dismiss(Draft(self.today, kind, title))
