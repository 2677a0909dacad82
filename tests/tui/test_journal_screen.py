"""The journal screen: add, edit, delete, filter, pages, and text shown literally."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Select

from careercoach.demo import write_demo
from careercoach.journal.api import Draft
from careercoach.model import Profile
from careercoach.tui.screens.confirm import ConfirmDialog
from careercoach.tui.screens.entry_form import EntryForm
from careercoach.tui.screens.journal import PAGE_SIZE, JournalScreen
from careercoach.tui.widgets.form import FormField
from tests.tui.conftest import (
    SIZE,
    TIMEOUT,
    TODAY,
    choose,
    make_app,
    open_journal,
    open_screen,
    ready,
    running,
    screen_is,
    screen_text,
    wait_until,
    workers_done,
)

OCTOBER = dt.date(2026, 10, 1)
INJECTIONS = [
    "[bold]x[/] $y {z}",
    "text [/ oops",
    '{"b": [true, false]}',
    "[link=https://example.com]click[/link] %s ${HOME}",
]


async def open_journal_screen(pilot) -> JournalScreen:
    await ready(pilot)
    return await open_screen(pilot, "j", JournalScreen)


async def back_on(pilot, screen: JournalScreen) -> None:
    """Wait for the dialog or form to close onto `screen` and its saving and reloading."""
    await wait_until(pilot, lambda: pilot.app.screen is screen, "back on the journal")
    await workers_done(pilot)


def table_titles(screen: JournalScreen) -> list[str]:
    table = screen.query_one("#entries", DataTable)
    return [table.get_row_at(i)[2].plain for i in range(table.row_count)]


def status(screen: JournalScreen) -> str:
    return str(screen.query_one("#journal-status").render())


async def test_add_an_entry(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        screen = await open_journal_screen(pilot)
        before = len(app.journal.entries())
        await pilot.press("a")
        form = app.screen
        assert isinstance(form, EntryForm)
        await pilot.press(*"Set up the room")
        form.query_one("#tags", Input).value = "team, prep"
        form.query_one("#kind", Select).value = "invisible"
        await choose(pilot, form.query_one("#subtype", Select), "meeting_room")  # follows kind
        await pilot.press("ctrl+s")
        await back_on(pilot, screen)
        assert app.screen is screen
        entries = app.journal.entries()
        assert len(entries) == before + 1
        added = entries[0]
        assert (added.title, added.date, added.kind) == ("Set up the room", TODAY, "invisible")
        assert added.tags == ("team", "prep")
        assert added.subtype == "meeting_room"
        assert table_titles(screen)[0] == "Set up the room"
        assert "Added" in screen_text(pilot)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("date", "2026-02-30", "no such day"),
        ("title", "", "the title is empty"),
        ("tags", "bad tag!", "bad tag"),
        ("details", "level=N9", "unknown detail"),
    ],
)
async def test_invalid_input_is_explained_under_its_field(
    demo_path: Path, field: str, value: str, message: str
) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_journal_screen(pilot)
        before = len(app.journal.entries())
        await pilot.press("a")
        form = app.screen
        form.query_one("#title", Input).value = "A fine title"
        form.query_one(f"#{field}", Input).value = value
        await pilot.press("ctrl+s")
        box = form.query_one(f"#field-{field}", FormField)
        await wait_until(pilot, lambda: box.has_class("-invalid"), f"#{field} marked")
        assert app.screen is form  # still open, nothing lost
        assert box.has_class("-invalid")
        assert message in str(box.query_one(".field-error").render())
        assert len(app.journal.entries()) == before


async def test_a_jlpt_entry_needs_a_level(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        await open_journal_screen(pilot)
        await pilot.press("a")
        form = app.screen
        form.query_one("#title", Input).value = "JLPT N1 result"
        form.query_one("#kind", Select).value = "japanese"
        await choose(pilot, form.query_one("#subtype", Select), "jlpt")
        await pilot.press("ctrl+s")
        error = form.query_one("#field-details .field-error")
        await wait_until(pilot, lambda: "needs a level" in str(error.render()), "the error")
        form.query_one("#details", Input).value = "level=N1, passed=yes, score=150"
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is not form, "the form to close")
        await workers_done(pilot)
        added = app.journal.entries()[0]
        assert dict(added.details) == {"type": "jlpt", "level": "N1", "passed": True, "score": 150}


async def test_edit_the_selected_entry(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal_screen(pilot)
        await pilot.press("down")
        target = screen.selected()
        assert target is not None
        await pilot.press("e")
        form = app.screen
        assert isinstance(form, EntryForm)
        assert form.query_one("#title", Input).value == target.title
        assert form.query_one("#subtype", Select).value == target.subtype
        form.query_one("#title", Input).value = "Renamed entry"
        await pilot.press("ctrl+s")
        await back_on(pilot, screen)
        changed = app.journal.get(target.id)
        assert changed.title == "Renamed entry"
        assert (changed.date, changed.kind, changed.details) == (
            target.date,
            target.kind,
            target.details,
        )
        assert screen.selected().id == target.id
        assert "Renamed entry" in screen_text(pilot)


@pytest.mark.parametrize(
    ("answer", "kept"),
    [
        ("y", False),
        ("n", True),
    ],
)
async def test_delete_asks_first(demo_path: Path, answer: str, kept: bool) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal_screen(pilot)
        target = screen.selected()
        await pilot.press("x")
        await screen_is(pilot, ConfirmDialog)
        assert target.title in screen_text(pilot)
        await pilot.press(answer)
        await back_on(pilot, screen)
        ids = {e.id for e in app.journal.entries()}
        assert (target.id in ids) is kept
        assert (target.title in table_titles(screen)[:1]) is kept


async def test_filters_apply_as_you_type(demo_path: Path) -> None:
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal_screen(pilot)
        total = len(app.journal.entries())
        screen.query_one("#filter-text", Input).focus()
        await pilot.press(*"keigo")
        await wait_until(
            pilot,
            lambda: (t := table_titles(screen)) and all("keigo" in x.lower() for x in t),
            "only keigo entries listed",
        )
        titles = table_titles(screen)
        assert titles and all("keigo" in t.lower() for t in titles)
        assert f"of {len(titles)}" in status(screen)
        assert f"filtered from {total}" in status(screen)

        screen.query_one("#filter-text", Input).value = ""
        screen.query_one("#filter-kind", Select).value = "achievement"
        screen.query_one("#filter-since", Input).value = "2026-10-01"
        await wait_until(
            pilot,
            lambda: (
                screen.matched
                and all(e.kind == "achievement" and e.date.month >= 10 for e in screen.matched)
            ),
            "only achievements since October listed",
        )
        rows = screen.matched
        assert rows and all(e.kind == "achievement" for e in rows)
        assert all(e.date >= dt.date(2026, 10, 1) for e in rows)

        screen.query_one("#filter-kind", Select).clear()
        screen.query_one("#filter-since", Input).value = ""
        screen.query_one("#filter-tag", Input).value = "#docs"
        screen.query_one("#filter-until", Input).value = "2026-99-01"
        await wait_until(
            pilot,
            lambda: (
                "to: bad date" in status(screen)
                and screen.matched
                and all("docs" in e.tags for e in screen.matched)
            ),
            "only #docs entries listed, the bad date pointed out",
        )
        assert screen.matched and all("docs" in e.tags for e in screen.matched)
        assert "to: bad date" in status(screen)

        assert screen.focused is screen.query_one("#filter-text")
        await pilot.press("escape")  # the first Escape leaves the search field
        assert screen.focused is screen.query_one("#entries")
        await pilot.press("escape")  # the second clears the filters
        await wait_until(pilot, lambda: len(screen.matched) == total, "every entry listed")
        assert len(screen.matched) == total


async def test_large_journals_are_shown_a_page_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    write_demo(path, TODAY, entries=450)
    app = make_app(path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal_screen(pilot)
        table = screen.query_one("#entries", DataTable)
        assert table.row_count == PAGE_SIZE
        assert status(screen).startswith("rows 1-200 of 450")
        await pilot.press("n", "n", "n")
        assert table.row_count == 50
        assert status(screen).startswith("rows 401-450 of 450")
        assert screen.selected() == screen.matched[400]
        await pilot.press("b")
        assert status(screen).startswith("rows 201-400 of 450")


async def test_an_empty_journal_says_how_to_start(empty_path: Path) -> None:
    open_journal(empty_path).save_profile(Profile(name="New"))
    app = make_app(empty_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal_screen(pilot)
        assert "The journal is empty: press a to add an entry" in status(screen)
        assert screen.selected() is None
        await pilot.press("e", "x")  # nothing to edit or delete: no dialog
        assert app.screen is screen


async def test_user_text_is_shown_literally_everywhere(demo_path: Path) -> None:
    journal = open_journal(demo_path)  # after the demo's entries: the first is selected
    for i, title in enumerate(INJECTIONS):
        journal.add(
            Draft(
                TODAY - dt.timedelta(days=i),
                "note",
                title,
                notes=f"notes {title}\x1b[2J\x1b]0;pwned\x07 end",
                tags=("x",),
            )
        )
    app = make_app(demo_path)
    # wide enough that every title fits its column whole (longer ones end in "…")
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        screen = await open_journal_screen(pilot)
        await wait_until(  # the details pane paints a moment after the rows
            pilot, lambda: f"notes {INJECTIONS[0]} end" in screen_text(pilot), "the details"
        )
        text = screen_text(pilot)
        for title in INJECTIONS:
            assert title in table_titles(screen)
            assert title in text
        assert f"notes {INJECTIONS[0]} end" in text  # details pane: escapes made inert
        assert "pwned" not in text
        await pilot.press("e")
        assert app.screen.query_one("#title", Input).value == INJECTIONS[0]
        await pilot.press("ctrl+s")
        await back_on(pilot, screen)
        updated = f"Updated {screen.selected().id}: {INJECTIONS[0]}"
        await wait_until(pilot, lambda: updated in screen_text(pilot), "the update reported")
        await pilot.press("down", "x")
        await screen_is(pilot, ConfirmDialog)
        await wait_until(  # the dialog is drawn a frame after it is pushed
            pilot, lambda: INJECTIONS[1] in screen_text(pilot), "the confirmation dialog"
        )


@pytest.mark.parametrize("size", [(80, 24), (100, 32), (140, 40)])
async def test_long_titles_are_cut_so_the_tags_stay_on_screen(demo_path: Path, size) -> None:
    title = "Ran the quarterly planning offsite for three teams and wrote the summary " * 2
    open_journal(demo_path).add(Draft(TODAY, "bridge", title, tags=("findme", "offsite")))
    async with running(demo_path, size=size) as pilot:
        screen = await open_journal_screen(pilot)
        row = next(line for line in screen_text(pilot).splitlines() if "findme offsite" in line)
        assert "2026-11-20  Bridge role     Ran the quarterly planning" in row
        assert "…" in row
        assert title in str(screen.query_one("#detail-text").render()).replace("\n", " ")


async def test_a_slow_read_shows_the_loading_indicator_until_the_rows_are_in(
    demo_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quick read never covers the table; one that takes a while does, until done."""
    app = make_app(demo_path)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_journal_screen(pilot)
        table = screen.query_one("#entries", DataTable)
        assert not table.loading
        release = threading.Event()
        read = app.journal.entries

        def slow_read() -> list:
            release.wait(TIMEOUT)
            return read()

        monkeypatch.setattr(app.journal, "entries", slow_read)
        open_journal(demo_path).add(Draft(TODAY, "note", "Logged while the app reads"))
        await pilot.press("f5")
        await wait_until(pilot, lambda: table.loading, "the indicator over a slow read")
        release.set()
        await wait_until(
            pilot,
            lambda: not table.loading and "Logged while the app reads" in table_titles(screen),
            "the rows read, shown",
        )
