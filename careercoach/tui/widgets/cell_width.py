"""Fit text to a number of terminal cells, so Japanese (double-width) text lines up."""

from __future__ import annotations

from rich.cells import cell_len


def pad_cells(text: str, width: int) -> str:
    """Pad with spaces, or cut with an ellipsis, to exactly `width` cells."""
    if cell_len(text) <= width:
        return text + " " * (width - cell_len(text))
    cut = ""
    for char in text:
        if cell_len(cut + char) > width - 1:
            break
        cut += char
    return cut + "…" + " " * (width - 1 - cell_len(cut))
