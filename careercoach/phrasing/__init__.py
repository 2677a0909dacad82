"""Promotion-request scripts, the softener, and the citation and addressing helpers.

The front door for everything that writes to a manager: `address_manager` names them
(佐藤課長 / 佐藤さん / "Sato-san"), `cite_after` cites journal entries grammatically
for any title (a complete lead-in sentence, then items), `missing_japanese` lists
cited entries that still lack a Japanese title.
"""

from __future__ import annotations

from careercoach.phrasing.addressing import (
    ManagerName,
    address_manager,
    addressing_gaps,
    has_japanese,
    has_latin,
    manager_name,
    signature_gaps,
)
from careercoach.phrasing.citations import (
    MAX_ITEMS,
    MAX_SPOKEN_ITEMS,
    Citation,
    citation_of,
    cite_after,
    cite_items,
    missing_japanese,
)
from careercoach.phrasing.content import (
    FORMAT_LABELS,
    FORMATS,
    LANGUAGES,
    SITUATIONS,
    PhrasingContent,
    load_phrasing,
)
from careercoach.phrasing.facts import JournalFacts, gather_facts
from careercoach.phrasing.rewrite import soften
from careercoach.phrasing.scripts import Script, draft, suggest_situation
from careercoach.phrasing.softener import MAX_SOFTEN_CHARS, Softened

__all__ = [
    "FORMATS",
    "FORMAT_LABELS",
    "LANGUAGES",
    "MAX_ITEMS",
    "MAX_SOFTEN_CHARS",
    "MAX_SPOKEN_ITEMS",
    "SITUATIONS",
    "Citation",
    "JournalFacts",
    "ManagerName",
    "PhrasingContent",
    "Script",
    "Softened",
    "address_manager",
    "addressing_gaps",
    "citation_of",
    "cite_after",
    "cite_items",
    "draft",
    "gather_facts",
    "has_japanese",
    "has_latin",
    "load_phrasing",
    "manager_name",
    "missing_japanese",
    "signature_gaps",
    "soften",
    "suggest_situation",
]
