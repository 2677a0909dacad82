"""Promotion-request scripts and the softener (pure functions over content)."""

from __future__ import annotations

from careercoach.phrasing.scripts import (
    FORMATS,
    LANGUAGES,
    SITUATIONS,
    JournalFacts,
    Script,
    draft,
    gather_facts,
    load_phrasing,
    soften,
    suggest_situation,
)

__all__ = [
    "FORMATS",
    "LANGUAGES",
    "SITUATIONS",
    "JournalFacts",
    "Script",
    "draft",
    "gather_facts",
    "load_phrasing",
    "soften",
    "suggest_situation",
]
