"""Printing helpers shared by subcommands: JSON for scripts, inert text for people."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from careercoach.textsafe import terminal_safe


def echo_json(data: Any) -> None:
    """Stable, UTF-8 JSON on stdout (control characters are escaped by json)."""
    click.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False))


def echo_text(text: str, *, err: bool = False) -> None:
    """Print user-derived text with escape sequences and control characters removed."""
    click.echo(terminal_safe(text), err=err)


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


def console(**options: Any):
    """A rich console that adds no colour when stdout is not a terminal."""
    from rich.console import Console

    return Console(highlight=False, soft_wrap=False, emoji=False, markup=False, **options)
