"""Make user text inert before it reaches a terminal.

Journal text may hold ANSI escape sequences or control characters (pasted from a
chat, or typed on purpose). They are stored as typed, but a plain-text printout must
not let them move the cursor, retitle the terminal or hide lines.
"""

from __future__ import annotations

import re

_ANSI = re.compile(
    r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC ... BEL/ST (titles, clipboard, links)
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS / SOS / PM / APC strings
    r"|\x1b\[[0-?]*[ -/]*[@-~]"  # CSI sequences (colours, cursor moves)
    r"|\x1b[@-Z\\-_]"  # other two-byte escapes
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def terminal_safe(text: str, *, keep_newlines: bool = True) -> str:
    """Strip escape sequences and control characters; keep tabs and (optionally) newlines."""
    cleaned = _CONTROL.sub("", _ANSI.sub("", text))
    return cleaned if keep_newlines else cleaned.replace("\n", " ")
