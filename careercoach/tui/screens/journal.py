"""The journal: every entry newest first, filtered as you type, one page at a time.

Textual's DataTable needs seconds to paint tens of thousands of rows, so it only
ever holds one page (PAGE_SIZE rows). Reading and filtering run in a thread worker;
the table shows a loading indicator meanwhile and the UI stays responsive.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, ClassVar

import msgspec
import msgspec.structs
from rich.cells import cell_len
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.events import Resize
from textual.message import Message
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, Select

from careercoach.errors import CareerCoachError, ValidationError
from careercoach.journal import (
    TRASH_DAYS,
    Draft,
    EditConflict,
    Journal,
    Side,
    filter_entries,
    settle,
)
from careercoach.model import KINDS, Entry, follow_jlpt_pass, make_entry, parse_date
from careercoach.tui.mode_styles import ModeScreen
from careercoach.tui.screen_css import add_screen_css
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.conflict import ENTRY_FIELD_LABELS, ConflictDialog
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.unsaved import is_text_field
from careercoach.tui.widgets.delayed_loading import DelayedLoading
from careercoach.tui.widgets.key_footer import KeyFooter
from careercoach.tui.widgets.literal import LiteralStatic, cell, notify_literal
from careercoach.tui.widgets.screen_commands import ScreenActionsProvider

PAGE_SIZE = 200
FILTER_DELAY_S = 0.05  # coalesces a burst of keys; the first key filters at once
# Date and kind are fixed; tags get up to TAGS_CELLS; the title takes what is left
# (at least TITLE_MIN_CELLS) and long ones end in "…": the details pane has them whole.
DATE_CELLS = 10
KIND_CELLS = 14
TAGS_CELLS = 20
TITLE_MIN_CELLS = 16
NEVER_LOADED = "never loaded"
COLUMNS = {"date": "Date", "kind": "Kind", "title": "Title", "tags": "Tags"}


def column_widths(available: int, titles: list[str], tags: list[str]) -> dict[str, int]:
    """Content widths per column so that all four fit in `available` cells (if they can)."""
    tags_width = max(len("Tags"), min(TAGS_CELLS, max(map(cell_len, tags), default=0)))
    room = available - DATE_CELLS - KIND_CELLS - tags_width
    longest = max(len("Title"), max(map(cell_len, titles), default=0))
    return {
        "date": DATE_CELLS,
        "kind": KIND_CELLS,
        "title": min(longest, max(TITLE_MIN_CELLS, room)),
        "tags": tags_width,
    }


class Filters(msgspec.Struct, frozen=True):
    """What the filter bar asks for; bad dates are reported, not applied."""

    kind: str | None = None
    tag: str | None = None
    text: str | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    problem: str = ""

    def apply(self, entries: list[Entry]) -> list[Entry]:
        if not any((self.kind, self.tag, self.text, self.since, self.until)):
            return entries
        return filter_entries(
            entries,
            kind=self.kind,
            tag=self.tag,
            text=self.text,
            since=self.since,
            until=self.until,
        )


def describe_entry(entry: Entry) -> str:
    """Everything about one entry, as plain text for the details pane: what was
    written first (title, notes), then the facts a few to a line, so the short pane
    at 80x24 still shows the notes and most of the rest."""
    lines = [entry.title, ""]
    if entry.notes:
        lines += [entry.notes, ""]
    kind = KINDS[entry.kind].label if entry.kind in KINDS else entry.kind
    facts = [entry.date.isoformat(), kind]
    if entry.subtype:
        facts.append(entry.subtype.replace("_", " "))
    lines.append(" · ".join(facts))
    details = [
        f"{key} {('yes' if value else 'no') if isinstance(value, bool) else value}"
        for key, value in entry.details.items()
        if key != "type"
    ]
    if details:
        lines.append(" · ".join(details))
    if entry.tags:
        lines.append(f"tags     {' '.join('#' + t for t in entry.tags)}")
    if entry.starred:
        lines.append("starred  yes: cited first in scripts, the packet and the review")
    edited = entry.updated and entry.updated != entry.created
    lines.append(f"id       {entry.id}" + (f" · edited {entry.updated}" if edited else ""))
    return "\n".join(lines)


class EntryTable(DataTable):
    """The entries table; tells its screen when its width changes, to fit the columns.

    Home and End go to the first and last row of the page (DataTable's own scroll
    sideways, which a table that always fits its width never needs).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("home", "first_row", "First row", show=False),
        Binding("end", "last_row", "Last row", show=False),
    ]

    def action_first_row(self) -> None:
        self.move_cursor(row=0)

    def action_last_row(self) -> None:
        self.move_cursor(row=max(0, self.row_count - 1))

    class Resized(Message):
        pass

    def on_resize(self, event: Resize) -> None:
        self.post_message(self.Resized())


class JournalScreen(ModeScreen):
    """Browse, filter, add, edit and delete entries."""

    AUTO_FOCUS = "#entries"
    # Only this screen changes layout with the width. Breakpoints on the app would
    # restyle every screen's widgets once more when it first opens.
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    COMMANDS: ClassVar = {ScreenActionsProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add"),
        Binding("e", "edit", "Edit"),
        Binding("x,delete", "delete", "Delete", key_display="x"),
        Binding("s", "star", "Star"),
        Binding("u", "undo_delete", "Undo delete"),
        Binding("n", "page(1)", "Next page"),
        Binding("b", "page(-1)", "Prev page"),
        Binding("slash", "search", "Search", key_display="/"),
        Binding("escape", "escape", "Leave field / clear filters", show=False),
    ]

    class Loaded(Message):
        """A worker finished reading and filtering the journal."""

        def __init__(self, entries: list[Entry], total: int, signature: object) -> None:
            super().__init__()
            self.entries = entries
            self.total = total
            self.signature = signature

    class Failed(Message):
        """Reading or writing the journal failed with a message for the user; `reopen`
        brings back the form of a save that failed, as the user typed it."""

        def __init__(
            self, error: CareerCoachError, reopen: Callable[[], None] | None = None
        ) -> None:
            super().__init__()
            self.error = error
            self.reopen = reopen

    def __init__(self) -> None:
        super().__init__()
        self.matched: list[Entry] = []
        self.total = 0
        self.page = 0
        self.signature: object = NEVER_LOADED
        self._widths: dict[str, int] = {}  # the columns as last filled
        self._fill_pending = False  # rows came in before the table could show them
        self._filter_timer: Timer | None = None  # a filter ran less than FILTER_DELAY_S ago
        self.busy = DelayedLoading(self, self._show_loading)  # only if a read is slow
        self._filter_pending = False  # keys came meanwhile: filter again when it is over
        self._keep_cursor_on: str | None = None
        self._keep_cursor_at: int | None = None  # after a delete: the row that took its place
        self.last_deleted: str | None = None

    def compose(self) -> ComposeResult:
        add_screen_css(self.app, "journal.tcss")
        yield Header()
        with Horizontal(id="journal-filters"):
            yield Select(
                [(spec.label, spec.id) for spec in KINDS.values()],
                prompt="All kinds",
                id="filter-kind",
                compact=True,
            )
            yield Input(placeholder="tag", id="filter-tag", compact=True)
            yield Input(placeholder="search title and notes", id="filter-text", compact=True)
            yield Input(placeholder="from YYYY-MM-DD", id="filter-since", compact=True)
            yield Input(placeholder="to YYYY-MM-DD", id="filter-until", compact=True)
        with Horizontal(id="journal-body"):
            yield EntryTable(id="entries", cursor_type="row", zebra_stripes=True)
            with VerticalScroll(id="entry-detail"):
                yield LiteralStatic("", id="detail-text")
        yield LiteralStatic("", id="journal-status")
        yield KeyFooter()

    def on_mount(self) -> None:
        # The breakpoint class is set when the screen is built (ModeScreen), so the
        # first layout is the right one and the table is filled once, at its width.
        self.sub_title = "Journal"
        self.query_one("#entry-detail").border_title = "Details"
        self.reload()

    def on_screen_resume(self) -> None:
        """Entries added elsewhere (the CLI, the check-in) show up on return."""
        try:
            current = self.app.journal.version()
        except CareerCoachError as exc:
            self.app.show_error(exc)
            return
        if self.signature != NEVER_LOADED and current != self.signature:
            self.reload()  # (before the first load is in, the one mounting started will do)

    def refresh_data(self) -> None:
        self.reload()

    # -- loading ---------------------------------------------------------------

    def reload(self, *, indicator: bool = True) -> None:
        """Read and filter in a worker. A read that takes a while (a large journal read
        for the first time) shows the loading indicator over the table; a quick one
        never does (covering the table and uncovering it costs two re-layouts, and
        a covered table is not laid out, so its rows would be filled twice). Filters
        typed by the user never show it: the read is cached, rows follow at once."""
        filters = self.read_filters()
        if indicator:
            self.busy.start()
        self.load(filters)

    def _show_loading(self, shown: bool) -> None:
        self.query_one("#entries", DataTable).loading = shown

    @work(thread=True, exclusive=True, group="journal-load")
    def load(self, filters: Filters) -> None:
        journal = self.app.journal
        try:
            signature = journal.version()
            entries = journal.entries()
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc))
            return
        self.post_message(self.Loaded(filters.apply(entries), len(entries), signature))

    def on_journal_screen_loaded(self, event: Loaded) -> None:
        self.matched = event.entries
        self.total = event.total
        self.signature = event.signature
        last_page = max(0, (len(self.matched) - 1) // PAGE_SIZE)
        self.page = min(self.page, last_page)
        if self._keep_cursor_on:
            index = next(
                (i for i, e in enumerate(self.matched) if e.id == self._keep_cursor_on), None
            )
            if index is not None:
                self.page = index // PAGE_SIZE
        self.busy.stop()
        self._fill_pending = True
        if self.query_one("#entries", DataTable).size.width:
            self.show_page()
        # else: not laid out yet (or was covered by the indicator): its resize fills it

    def on_journal_screen_failed(self, event: Failed) -> None:
        self.busy.stop()
        self.app.show_error(event.error, then=event.reopen)

    def on_entry_table_resized(self) -> None:
        """Fit the columns to the table's new width, keeping the selected row."""
        if self.signature == NEVER_LOADED:
            return
        if not self._fill_pending and self.fitted_widths() == self._widths:
            return
        entry = self.selected()
        self._keep_cursor_on = entry.id if entry else None
        self.show_page()

    def page_rows(self) -> tuple[list[Entry], list[tuple[str, str, str, str]]]:
        """The entries on the current page and the text of their cells."""
        start = self.page * PAGE_SIZE
        rows = self.matched[start : start + PAGE_SIZE]
        texts = [
            (
                entry.date.isoformat(),
                KINDS[entry.kind].label if entry.kind in KINDS else entry.kind,
                ("★ " if entry.starred else "") + entry.title,
                " ".join(entry.tags),
            )
            for entry in rows
        ]
        return rows, texts

    def fitted_widths(self, texts: list[tuple[str, str, str, str]] | None = None) -> dict[str, int]:
        """Column widths that fit the page's cells into the table as wide as it is now."""
        if texts is None:
            texts = self.page_rows()[1]
        table = self.query_one("#entries", DataTable)
        padding = 2 * table.cell_padding * len(COLUMNS)
        available = table.content_region.width - table.styles.scrollbar_size_vertical - padding
        return column_widths(available, [t[2] for t in texts], [t[3] for t in texts])

    def show_page(self) -> None:
        table = self.query_one("#entries", DataTable)
        start = self.page * PAGE_SIZE
        rows, texts = self.page_rows()
        widths = self._widths = self.fitted_widths(texts)
        self._fill_pending = False
        table.clear(columns=True)
        for key, label in COLUMNS.items():
            table.add_column(label, width=widths[key], key=key)
        for entry, values in zip(rows, texts, strict=True):
            table.add_row(*map(cell, values), key=entry.id)
        self.busy.stop()
        target = self._keep_cursor_on
        self._keep_cursor_on = None
        ids = [e.id for e in rows]
        if target in ids:
            row = ids.index(target)
        elif self._keep_cursor_at is not None:
            row = min(self._keep_cursor_at, len(ids) - 1)
        else:
            row = 0
        self._keep_cursor_at = None
        table.move_cursor(row=max(0, row))
        self.show_detail(rows[table.cursor_row] if rows else None)
        self.update_status(start, len(rows))

    def update_status(self, start: int, shown: int) -> None:
        problem = self.read_filters().problem
        if not self.total:
            text = "The journal is empty: press a to add an entry, or w for the week's check-in."
        elif not shown:
            text = f"No entries match the filters (of {self.total:,})."
        else:
            pages = (len(self.matched) - 1) // PAGE_SIZE + 1
            text = f"rows {start + 1:,}-{start + shown:,} of {len(self.matched):,}"
            if len(self.matched) != self.total:
                text += f" (filtered from {self.total:,})"
            if pages > 1:
                text += f" · page {self.page + 1} of {pages}: n next, b previous"
        if problem:
            text += f" · {problem}"
        self.query_one("#journal-status", LiteralStatic).show(text)

    # -- selection and details ---------------------------------------------------

    def selected(self) -> Entry | None:
        table = self.query_one("#entries", DataTable)
        index = self.page * PAGE_SIZE + table.cursor_row
        if not table.row_count or not 0 <= index < len(self.matched):
            return None
        return self.matched[index]

    @on(DataTable.RowHighlighted, "#entries")
    def row_highlighted(self) -> None:
        self.show_detail(self.selected())

    @on(DataTable.RowSelected, "#entries")
    def row_selected(self) -> None:
        self.action_edit()

    def show_detail(self, entry: Entry | None) -> None:
        text = describe_entry(entry) if entry else "Nothing selected."
        self.query_one("#detail-text", LiteralStatic).show(text)

    # -- filters -------------------------------------------------------------------

    def read_filters(self) -> Filters:
        kind = self.query_one("#filter-kind", Select).value
        values = {
            name: self.query_one(f"#filter-{name}", Input).value.strip()
            for name in ("tag", "text", "since", "until")
        }
        dates: dict[str, dt.date | None] = {"since": None, "until": None}
        problems = []
        for name, label in (("since", "from"), ("until", "to")):
            if values[name]:
                try:
                    dates[name] = parse_date(values[name], self.app.today())
                except ValidationError as exc:
                    problems.append(f"{label}: {exc}")
        return Filters(
            kind=None if kind is Select.NULL else str(kind),
            tag=values["tag"] or None,
            text=values["text"] or None,
            since=dates["since"],
            until=dates["until"],
            problem="; ".join(problems),
        )

    @on(Input.Changed, "#journal-filters Input")
    @on(Select.Changed, "#filter-kind")
    def filters_changed(self) -> None:
        """The first key after a pause filters at once; the keys of a burst that
        follow are coalesced into one more filter as each quiet window ends."""
        self.page = 0
        if self._filter_timer is None:
            self.refilter()
        else:
            self._filter_pending = True

    def refilter(self) -> None:
        self._filter_pending = False
        self.reload(indicator=False)
        self._filter_timer = self.set_timer(FILTER_DELAY_S, self._quiet_window_over)

    def _quiet_window_over(self) -> None:
        self._filter_timer = None
        if self._filter_pending:
            self.refilter()

    def action_search(self) -> None:
        self.query_one("#filter-text", Input).focus()

    def action_escape(self) -> None:
        """Escape leaves a filter field; on the table it clears the filters, and with
        none set it goes back to the dashboard."""
        if is_text_field(self.focused):
            self.query_one("#entries", DataTable).focus()
        elif self.read_filters() != Filters():
            self.action_clear_filters()
        else:
            self.app.switch_mode("dashboard")

    def action_clear_filters(self) -> None:
        for name in ("tag", "text", "since", "until"):
            self.query_one(f"#filter-{name}", Input).value = ""
        self.query_one("#filter-kind", Select).clear()
        self.query_one("#entries", DataTable).focus()

    def action_page(self, step: int) -> None:
        pages = max(1, (len(self.matched) - 1) // PAGE_SIZE + 1)
        page = min(max(0, self.page + step), pages - 1)
        if page != self.page:
            self.page = page
            self.show_page()

    # -- changes -------------------------------------------------------------------

    class Written(Message):
        """A write worker finished: say so and show the entry."""

        def __init__(self, entry: Entry, verb: str, news: str = "") -> None:
            super().__init__()
            self.entry = entry
            self.verb = verb
            self.news = news

    @work(thread=True, group="journal-write")
    def write(
        self,
        change: Callable[[Journal], Entry],
        verb: str,
        reopen: Callable[[], None] | None = None,
    ) -> None:
        """Writes rewrite the whole file: off the UI thread for large journals."""
        try:
            entry = change(self.app.journal)
            news = (
                ""
                if verb == "Deleted"
                else follow_jlpt_pass(self.app.journal.change_profile, entry)
            )
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc, reopen))
            return
        self.post_message(self.Written(entry, verb, news))

    def on_journal_screen_written(self, event: Written) -> None:
        entry = event.entry
        message = f"{event.verb} {entry.id}: {entry.title}"
        if event.verb == "Deleted":
            self.last_deleted = entry.id
            message += f"\nu brings it back (for {TRASH_DAYS} days: Restore a deleted entry, ^p)"
        elif entry.id == self.last_deleted:
            self.last_deleted = None
        notify_literal(self.app, message, title="Journal")
        self.refresh_bindings()
        if event.news:
            notify_literal(self.app, event.news, title="Profile")
        self._keep_cursor_on = None if event.verb == "Deleted" else entry.id
        self.reload()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "undo_delete":
            return self.last_deleted is not None  # shown once there is something to undo
        return True

    def action_undo_delete(self) -> None:
        entry_id = self.last_deleted
        if entry_id is not None:
            self.write(lambda journal: journal.restore_deleted(entry_id), "Restored")

    def action_add(self) -> None:
        self.app.push_screen(EntryForm(today=self.app.today()), self._added)

    def _added(self, draft: Draft | None) -> None:
        if draft is not None:
            self.write(lambda journal: journal.add(draft), "Added", lambda: self._add_again(draft))

    def _add_again(self, draft: Draft) -> None:
        """The new-entry form again, as typed: a save that failed loses nothing."""
        typed = make_entry(entry_id="new", **msgspec.structs.asdict(draft))
        self.app.push_screen(EntryForm(today=self.app.today(), typed=typed), self._added)

    def action_edit(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        form = EntryForm(today=self.app.today(), entry=entry)
        self.app.push_screen(form, lambda draft: self._edited(entry, draft))

    def _edited(self, base: Entry, draft: Draft | None) -> None:
        if draft is None:
            return
        mine = {
            "date": draft.date,
            "kind": draft.kind,
            "title": draft.title,
            "title_ja": draft.title_ja,
            "notes": draft.notes,
            "tags": draft.tags,
            "details": draft.details or {},
        }
        self.save_edit(base, mine)

    class Conflicted(Message):
        """A save met a different change made meanwhile to a field the form changed."""

        def __init__(self, base: Entry, mine: dict[str, Any], conflict: EditConflict) -> None:
            super().__init__()
            self.base = base
            self.mine = mine
            self.conflict = conflict

    @work(thread=True, group="journal-write")
    def save_edit(self, base: Entry, mine: dict[str, Any]) -> None:
        """Merged with the entry as it is on disk: what the form left alone keeps any
        change made meanwhile (say from the command line)."""
        try:
            entry = self.app.journal.merge_entry(base.id, base, mine)
        except EditConflict as conflict:
            self.post_message(self.Conflicted(base, mine, conflict))
            return
        except CareerCoachError as exc:
            self.post_message(self.Failed(exc, lambda: self._edit_again(base, mine)))
            return
        self.post_message(self.Written(entry, "Updated"))

    def _edit_again(self, base: Entry, mine: dict[str, Any]) -> None:
        """The edit form again, as the user left it; nothing was saved."""
        typed = msgspec.structs.replace(base, **mine)
        form = EntryForm(today=self.app.today(), entry=base, typed=typed)
        self.app.push_screen(form, lambda draft: self._edited(base, draft))

    def on_journal_screen_conflicted(self, event: Conflicted) -> None:
        dialog = ConflictDialog(event.conflict.conflicts, labels=ENTRY_FIELD_LABELS)
        self.app.push_screen(dialog, lambda side: self._settled(event, side))

    def _settled(self, event: Conflicted, side: Side | None) -> None:
        if side is None:
            self._edit_again(event.base, event.mine)
            return
        base, mine = settle(event.base, event.mine, event.conflict, side)
        self.save_edit(base, mine)

    def action_star(self) -> None:
        """Star the selected entry, or unstar it if it is starred (as shown)."""
        entry = self.selected()
        if entry is None:
            return
        starred = not entry.starred
        verb = "Starred" if starred else "Unstarred"

        def set_star(journal: Journal) -> Entry:
            return journal.change_entry(
                entry.id, lambda current: msgspec.structs.replace(current, starred=starred)
            )

        self.write(set_star, verb)

    def action_delete(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        question = f"Delete this entry?\n\n{entry.date.isoformat()}  {entry.title}"
        dialog = ConfirmDialog(question, title="Delete entry", yes="Delete")
        self.app.push_screen(dialog, lambda yes: self._deleted(entry, bool(yes)))

    def _deleted(self, entry: Entry, yes: bool) -> None:
        if yes:
            self._keep_cursor_at = self.query_one("#entries", DataTable).cursor_row
            self.write(lambda journal: journal.delete(entry.id), "Deleted")
