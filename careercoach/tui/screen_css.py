"""Each screen's own rules join the app's stylesheet when the screen is first built.

Textual parses every stylesheet of an app when it starts (about 2.8 µs a character
here): with every screen's rules in the app's files, the dashboard's start paid for
the journal's, the plan's and the rest. The app's files now hold what the dashboard
and the dialogs need; `screens/<name>.tcss` is added as the screen composes, before its
widgets are styled. Its selectors all start with the screen's type (`JournalScreen
#entry-detail`), so its rules style that screen alone, the same whichever screen was
opened first; they stay app CSS, ranked above the widgets' defaults as before.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from textual.app import App

SCREENS_FOLDER = Path(__file__).parent / "screens"


@cache
def stylesheet_text(name: str) -> str:
    return (SCREENS_FOLDER / name).read_text(encoding="utf-8")


def add_screen_css(app: App, name: str) -> None:
    """Add `screens/<name>` to the app's stylesheet (again is a no-op: the stylesheet
    keeps one copy per file, and Textual parses only what it has not parsed yet)."""
    app.stylesheet.add_source(
        stylesheet_text(name), read_from=(str(SCREENS_FOLDER / name), ""), is_default_css=False
    )
