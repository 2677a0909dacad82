"""Scripts: a polite promotion request drafted from the user's own journal.

Pick the situation (the one the timing verdict suggests comes preselected), the
language and the form (talk, email, chat); the preview follows at once, under the
timing verdict when it says to wait. `c` copies it, `s` saves it to a private file,
`n` adds a Japanese title to a cited entry that lacks one (the Japanese script lists
such entries in English, and a Japanese talk leaves them out). The soften box
rewrites a blunt sentence as you type.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.command import Provider
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, LoadingIndicator, Select, Static

from careercoach import clipboard, phrasing
from careercoach.errors import CareerCoachError, TargetExistsError
from careercoach.insight import Insight, load_insight
from careercoach.journal import write_user_file
from careercoach.model import with_changes
from careercoach.readiness import Assessment
from careercoach.settings import load_settings, remember
from careercoach.textsafe import terminal_safe
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.insight_screen import InsightScreen
from careercoach.tui.screens.prompt import PromptDialog
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import literal, notify_literal
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider

LANGUAGES = (("English", "en"), ("日本語", "ja"), ("Both", "both"))
FORMATS = (("Say it (talk)", "talk"), ("Email", "email"), ("Chat message", "chat"))


def soften_language(text: str) -> str:
    """Soften Japanese sentences with the Japanese rules, everything else with English."""
    return "ja" if phrasing.has_japanese(text) else "en"


def timing_notice(assessment: Assessment) -> str | None:
    """What to say above the draft before offering a promotion request, or None when the
    moment is good.

    The readiness timing verdict decides: a running improvement plan (`plan_active`), a
    recent ask or a thin record all make it say "not now". The notice is its own widget,
    never part of the script, so copying or saving the script never carries it.
    """
    timing = assessment.timing
    if timing.good:
        return None
    first = f" {timing.reasons[0]}" if timing.reasons else ""
    if timing.plan_active:
        return f"{timing.headline}.{first}"
    return f"Timing: {timing.headline}.{first} Use the script to prepare, and ask later."


def compose_script(
    situation: str, lang: str, fmt: str, facts: phrasing.JournalFacts, insight: Insight
) -> phrasing.Script:
    """The draft in one language, or English then Japanese for "both"."""
    langs = ("en", "ja") if lang == "both" else (lang,)
    drafts = [phrasing.draft(situation, one, fmt, facts, insight.profile) for one in langs]
    cited: list[str] = []
    for script in drafts:
        cited.extend(i for i in script.cited_ids if i not in cited)
    return phrasing.Script(
        text="\n\n".join(script.text for script in drafts),
        cited_ids=tuple(cited),
        citations=drafts[langs.index("ja")].citations if "ja" in langs else (),
        untitled=drafts[langs.index("ja")].untitled if "ja" in langs else (),
    )


class ScriptsScreen(InsightScreen[phrasing.JournalFacts]):
    """Draft, preview, copy and save a promotion-request script."""

    NAME = "Scripts"
    # In a short terminal the soften box gives its rule notes' room to the preview.
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (30, "-tall")]
    COMMANDS: ClassVar[set[type[Provider]]] = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "copy_script", "Copy"),
        Binding("s", "save_script", "Save"),
        Binding("n", "add_japanese_title", "日本語 title"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.facts: phrasing.JournalFacts | None = None
        self.script: phrasing.Script | None = None

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "scripts.tcss")
        yield Header()
        with Horizontal(id="script-controls"):
            yield Select(
                [(label, key) for key, label in phrasing.SITUATIONS.items()],
                id="situation",
                allow_blank=False,
                type_to_search=False,
                compact=True,
            )
            for choices, name in ((LANGUAGES, "language"), (FORMATS, "format")):
                yield Select(
                    choices, id=name, allow_blank=False, type_to_search=False, compact=True
                )
        yield LoadingIndicator(id="script-loading")
        with VerticalScroll(id="script-preview", classes="panel"):
            yield Static("", id="script-timing")
            yield Static("", id="script-missing")
            yield Static("", id="script-text")
            yield Static("", id="script-cited")
        with Vertical(id="soften-box", classes="panel"):
            yield Input(
                placeholder="Type a sentence to soften, e.g. This method does not work.",
                id="soften-input",
                compact=True,
            )
            yield Static("", id="soften-result")
            yield Static("", id="soften-rules")
        yield KeyFooter()

    def on_mount(self) -> None:
        self.query_one("#script-preview").border_title = "Preview"
        self.query_one("#soften-box").border_title = "Soften a sentence"
        self.query_one("#script-preview").display = False
        self.query_one("#script-timing").display = False
        self.query_one("#script-missing").display = False

    def compute_result(self, as_of: dt.date) -> tuple[Insight, phrasing.JournalFacts]:
        """New entries may give the script better evidence: the facts are re-gathered too."""
        insight = load_insight(self.app.journal, as_of)
        return insight, phrasing.gather_facts(insight.entries, insight.profile, as_of)

    def show_result(self, insight: Insight, facts: phrasing.JournalFacts) -> None:
        first_time = self.facts is None
        self.facts = facts
        self.query_one("#script-preview").display = True
        notice = timing_notice(insight.assessment)
        timing = self.query_one("#script-timing", Static)
        timing.display = notice is not None
        timing.update(Content.styled(notice or "", "$warning"))
        if first_time:
            remembered = load_settings()
            with self.prevent(Select.Changed):
                self.query_one("#situation", Select).value = phrasing.suggest_situation(
                    insight.assessment
                )
                self.query_one("#language", Select).value = (
                    remembered.script_language or insight.profile.script_language
                )
                self.query_one("#format", Select).value = remembered.script_format or "talk"
        self.update_preview()

    @on(Select.Changed)
    def choice_changed(self, event: Select.Changed) -> None:
        self.update_preview()
        if self.facts is None:  # the Selects settling as they mount: nobody chose yet
            return
        if event.select.id in ("language", "format") and event.value is not Select.NULL:
            self.remember_choice(str(event.select.id), str(event.value))

    def remember_choice(self, which: str, value: str) -> None:
        """The language and format chosen last are where the screen opens next time."""
        try:
            remember(**{f"script_{which}": value})
        except (OSError, CareerCoachError) as exc:
            notify_literal(self.app, f"Could not remember the choice: {exc}", severity="warning")

    def choices(self) -> tuple[str, str, str]:
        return (
            str(self.query_one("#situation", Select).value),
            str(self.query_one("#language", Select).value),
            str(self.query_one("#format", Select).value),
        )

    def update_preview(self) -> None:
        if self.insight is None or self.facts is None:
            return
        situation, lang, fmt = self.choices()
        text = self.query_one("#script-text", Static)
        cited = self.query_one("#script-cited", Static)
        try:
            self.script = compose_script(situation, lang, fmt, self.facts, self.insight)
        except CareerCoachError as exc:
            self.script = None
            text.update(literal(f"Cannot draft this script: {exc}"))
            cited.update("")
            return
        text.update(literal(self.script.text))
        self.show_missing_japanese()
        by_id = self.insight.by_id
        sources = [by_id[i] for i in self.script.cited_ids if i in by_id]
        cited.update(
            Content.styled(
                "Based on: "
                + "; ".join(
                    f"{e.date.isoformat()} {terminal_safe(e.title, keep_newlines=False)}"
                    for e in sources
                ),
                "$text-muted",
            )
            if sources
            else Content.styled(
                "No journal entries cited yet: log your work to make the script specific.",
                "$text-muted",
            )
        )

    def missing_japanese(self) -> tuple[phrasing.Citation, ...]:
        """Entries the Japanese script shows in English, or a Japanese talk leaves out, for
        want of a Japanese title."""
        if self.script is None:
            return ()
        return phrasing.missing_japanese(self.script.citations + self.script.untitled)

    def show_missing_japanese(self) -> None:
        """Entries without a Japanese title, and the profile name an email lacks."""
        missing = self.missing_japanese()
        _, lang, fmt = self.choices()
        hints: list[str] = []
        if fmt == "email" and self.insight is not None:
            langs = ("en", "ja") if lang == "both" else (lang,)
            profile = self.insight.profile
            hints = [gap for code in langs for gap in phrasing.signature_gaps(profile, code)]
        widget = self.query_one("#script-missing", Static)
        widget.display = bool(missing or hints)
        widget.update("")
        lines: list[str] = []
        if missing:
            how = (
                "leaves these out (an English title is not read aloud)"
                if fmt == "talk"
                else "lists these in English"
            )
            lines = [
                f"No Japanese title yet, so the Japanese script {how} (press n to add one):",
                *(
                    f"  {c.entry_id}  {terminal_safe(c.title, keep_newlines=False)}"
                    for c in missing
                ),
            ]
        lines += hints
        if lines:
            widget.update(Content.styled("\n".join(lines), "$warning"))

    # -- Japanese titles ---------------------------------------------------------

    def action_add_japanese_title(self) -> None:
        """Ask for the Japanese title of the first cited entry that has none."""
        missing = self.missing_japanese()
        if not missing:
            notify_literal(self.app, "Every entry this script cites has a Japanese title.")
            return
        first = missing[0]
        self.app.push_screen(
            PromptDialog(
                f"Japanese title for {first.entry_id}: {first.title}",
                title="Japanese title",
                action="Save",
            ),
            lambda answer: self.save_japanese_title(first.entry_id, answer),
        )

    def save_japanese_title(self, entry_id: str, title_ja: str | None) -> None:
        if title_ja:
            self.write_japanese_title(entry_id, title_ja)

    @work(thread=True, exclusive=True, group="japanese-title")
    def write_japanese_title(self, entry_id: str, title_ja: str) -> None:
        """Set the entry's Japanese title as it is on disk now (a worker: it writes the
        journal), then redraft."""
        try:
            self.app.journal.change_entry(entry_id, lambda e: with_changes(e, title_ja=title_ja))
        except CareerCoachError as exc:
            self.app.call_from_thread(
                notify_literal, self.app, str(exc), title="Not saved", severity="error"
            )
            return
        self.app.call_from_thread(self.japanese_title_saved, entry_id)

    def japanese_title_saved(self, entry_id: str) -> None:
        notify_literal(self.app, f"Japanese title saved for {entry_id}.", title="Saved")
        self.action_refresh_insight()

    # -- copy and save ---------------------------------------------------------

    def action_copy_script(self) -> None:
        """Copy through the terminal (OSC 52) and, where it works, the system clipboard."""
        if self.script is None:
            notify_literal(self.app, "There is no script to copy yet.", severity="warning")
            return
        self.app.copy_to_clipboard(self.script.text)
        self.copy_with_pyperclip(self.script.text)

    @work(thread=True, exclusive=True, group="clipboard")
    def copy_with_pyperclip(self, text: str) -> None:
        system = clipboard.pyperclip_copy(text)
        how = (
            "to the terminal clipboard (OSC 52) and the system clipboard"
            if system
            else "to the terminal clipboard (OSC 52) only: the system clipboard was not "
            "reachable, so paste where your terminal allows it"
        )
        self.app.call_from_thread(notify_literal, self.app, f"Script copied {how}.", title="Copy")

    def action_save_script(self) -> None:
        """Ask for a file name and write the script there, privately (0600)."""
        if self.script is None or self.insight is None:
            notify_literal(self.app, "There is no script to save yet.", severity="warning")
            return
        situation, lang, fmt = self.choices()
        suggested = f"careercoach-{situation}-{lang}-{fmt}-{self.insight.as_of.isoformat()}.txt"
        self.app.push_screen(
            PromptDialog(
                f"Save the script to which file? (a bare name is saved in {Path.cwd()})",
                title="Save script",
                value=suggested,
                action="Save",
            ),
            self.save_to_name,
        )

    def save_to_name(self, name: str | None) -> None:
        if name and self.script is not None:
            self.write_script(Path(name).expanduser(), self.script.text)

    def write_script(self, path: Path, text: str, *, force: bool = False) -> None:
        """Write the script; an existing file is replaced only once the user says so."""
        try:
            write_user_file(path, (text.rstrip("\n") + "\n").encode("utf-8"), force=force)
        except TargetExistsError:
            self.app.push_screen(
                ConfirmDialog(
                    f"{path} already exists. Replace it with this script?",
                    title="Replace file?",
                    yes="Replace",
                ),
                lambda yes: self.write_script(path, text, force=True) if yes else None,
            )
        except CareerCoachError as exc:
            notify_literal(self.app, str(exc), title="Not saved", severity="error")
        else:
            notify_literal(self.app, f"Saved to {path} (readable only by you).", title="Saved")

    # -- soften ----------------------------------------------------------------

    @on(Input.Changed, "#soften-input")
    def soften_changed(self, event: Input.Changed) -> None:
        result = self.query_one("#soften-result", Static)
        rules = self.query_one("#soften-rules", Static)
        typed = bool(event.value.strip())
        self.query_one("#soften-box").set_class(typed, "-typed")  # shows result and rules
        if not typed:
            return
        lang = soften_language(event.value)
        try:
            softened = phrasing.soften(event.value, lang=lang)
        except CareerCoachError as exc:
            result.update(literal(str(exc)))
            rules.update("")
            return
        result.update(literal(softened.text))
        content = phrasing.load_phrasing()
        applied = [content.rule(lang, rule_id) for rule_id in softened.rules]
        rules.update(
            Content("\n").join(
                Content.styled(f"• {rule.title}: {rule.why}", "$text-muted") for rule in applied
            )
            if applied
            else Content.styled("No rule matched: the text is unchanged.", "$text-muted")
        )
