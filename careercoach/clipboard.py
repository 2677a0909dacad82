"""Copy text to the clipboard in the two ways a terminal user may have.

OSC 52 asks the terminal emulator itself to set the clipboard, which also works
over SSH, but only means something when stdout is that terminal (and we cannot
tell whether the terminal honours it). pyperclip drives the desktop clipboard and
needs a backend (pbcopy, xclip, xsel, wl-copy, ...), which servers usually lack.
"""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from typing import TextIO

import msgspec

OSC52 = "osc52"
PYPERCLIP = "pyperclip"
METHOD_LABELS = {
    OSC52: "the terminal clipboard (OSC 52)",
    PYPERCLIP: "the system clipboard (pyperclip)",
}


class CopyResult(msgspec.Struct, frozen=True):
    """Which methods took the text; empty when none could."""

    methods: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return bool(self.methods)

    def describe(self) -> str:
        if not self.methods:
            return (
                "Could not copy: stdout is not a terminal (so no OSC 52) and pyperclip "
                "has no clipboard backend here (install xclip, xsel or wl-clipboard)."
            )
        return "Copied to " + " and ".join(METHOD_LABELS[m] for m in self.methods) + "."


def osc52_sequence(text: str, *, tmux: bool = False) -> str:
    """The escape sequence that sets the clipboard; tmux needs it wrapped to pass it on."""
    payload = base64.b64encode(text.encode("utf-8")).decode("ascii")
    sequence = f"\x1b]52;c;{payload}\x07"
    if tmux:
        sequence = "\x1bPtmux;" + sequence.replace("\x1b", "\x1b\x1b") + "\x1b\\"
    return sequence


def osc52_copy(text: str, stream: TextIO | None = None) -> bool:
    """Send OSC 52 to `stream` (stdout by default) if it is a terminal."""
    stream = stream or sys.stdout
    if not stream.isatty():
        return False
    stream.write(osc52_sequence(text, tmux=bool(os.environ.get("TMUX"))))
    stream.flush()
    return True


def pyperclip_copy(text: str) -> bool:
    """Copy with pyperclip; False when it is not installed or has no working backend."""
    try:
        import pyperclip
    except ImportError:
        return False
    try:
        pyperclip.copy(text)
    except (pyperclip.PyperclipException, OSError, subprocess.SubprocessError):
        return False
    return True


def copy(text: str, stream: TextIO | None = None) -> CopyResult:
    """Try both methods; a user may have one, the other, or both."""
    methods = []
    if osc52_copy(text, stream):
        methods.append(OSC52)
    if pyperclip_copy(text):
        methods.append(PYPERCLIP)
    return CopyResult(tuple(methods))
