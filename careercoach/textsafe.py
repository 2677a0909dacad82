"""Make user text inert before it reaches a terminal.

Journal text may hold ANSI escape sequences or control characters (pasted from a
chat, or typed on purpose). They are stored as typed, but a printout must not let
them move the cursor, retitle the terminal, hide lines, reorder text (bidi
overrides) or, in a one-line cell, break a table's columns with a tab or newline.
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
# C0 but tab and newline, DEL and C1, and the bidi embeddings/overrides/isolates
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_ONE_LINE = str.maketrans({"\n": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


def terminal_safe(text: str, *, keep_newlines: bool = True) -> str:
    """Strip escape sequences and control characters, keeping tabs and newlines; or,
    with `keep_newlines=False`, make it one line (tabs and line breaks become spaces)."""
    cleaned = _CONTROL.sub("", _ANSI.sub("", text))
    return cleaned if keep_newlines else cleaned.translate(_ONE_LINE)
