"""Everything the command line prints passes here: inert text, JSON, and styling only
where the terminal wants it.

`inert_output()` puts a filter in front of stdout and stderr for a subcommand's run,
so no escape sequence or control character from a journal, an imported file or a
path reaches the terminal, whichever command prints it. Styling (bold headings, the
`list` table) is added after the filter, and only on a terminal that allows it:
not with NO_COLOR set, not with TERM=dumb.
"""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, TextIO

import click

from careercoach.textsafe import terminal_safe

_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # json leaves these raw


class InertStream(io.TextIOBase):
    """A text stream that lets no escape sequence or control character through."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.unfiltered = stream

    def write(self, text: str) -> int:
        self.unfiltered.write(terminal_safe(text))
        return len(text)

    def writable(self) -> bool:
        return True

    def flush(self) -> None:
        self.unfiltered.flush()

    def isatty(self) -> bool:
        return self.unfiltered.isatty()

    def fileno(self) -> int:
        return self.unfiltered.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.unfiltered, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str | None:  # type: ignore[override]
        return getattr(self.unfiltered, "errors", None)

    @property
    def buffer(self) -> Any:
        """Bytes (an export to a pipe) go out exactly as written."""
        return self.unfiltered.buffer


@contextmanager
def inert_output() -> Iterator[None]:
    """Filter stdout and stderr for the block (a subcommand's whole run)."""
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = InertStream(sys.stdout), InertStream(sys.stderr)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved


def terminal_stdout() -> TextIO:
    """Stdout without the filter: for careercoach's own sequences (bold, OSC 52 copy)."""
    return getattr(sys.stdout, "unfiltered", sys.stdout)


def style_allowed() -> bool:
    """Bold and colour only on a terminal that wants them (no-color.org, TERM=dumb)."""
    return (
        sys.stdout.isatty()
        and not os.environ.get("NO_COLOR")
        and os.environ.get("TERM", "") != "dumb"
    )


def echo_json(data: Any) -> None:
    """Stable, UTF-8 JSON on stdout; characters a terminal would act on are \\u-escaped."""
    import json  # only commands that print JSON pay for it

    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False)
    click.echo(_JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def echo_text(text: str, *, err: bool = False) -> None:
    """Print user-derived text with escape sequences and control characters removed."""
    click.echo(terminal_safe(text), err=err)


def echo_heading(text: str) -> None:
    """A line in bold where styling is allowed; plain (and inert) everywhere else."""
    if style_allowed():
        click.echo(click.style(terminal_safe(text), bold=True), file=terminal_stdout())
    else:
        echo_text(text)


def console(**options: Any):
    """A rich console for tables: styled only where allowed, cells made inert by the caller."""
    from rich.console import Console

    allowed = style_allowed()
    return Console(
        file=terminal_stdout(),
        highlight=False,
        soft_wrap=False,
        emoji=False,
        markup=False,
        no_color=not allowed,
        color_system="auto" if allowed else None,
        **options,
    )
