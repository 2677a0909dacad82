"""Citing the user's own journal entries in a script, grammatically for any title.

A title is free text: "Led the payment-gateway launch to completion" is a verb
phrase, not a noun, and Japanese cannot take an English phrase as a noun at all
(「「Led the launch」が完了いたしました」 is broken). So entries are never slotted
into a sentence: a complete lead-in sentence comes first and the entries follow as
items, one per line (「・」 in Japanese, "- " in English). Japanese uses the entry's
Japanese title where there is one; an English title may stand as an item, never
inside a Japanese sentence (business-writing reference, "Citing the user's own
entries"). Titles are inserted as they are: nothing in them is interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import msgspec

from careercoach.model import Entry

ITEM_MARK = {"en": "- ", "ja": "・"}
MAX_ITEMS = 3  # one to three items per point (reference)
MAX_SPOKEN_ITEMS = 2  # read aloud, more than two becomes a recital


class Citation(msgspec.Struct, frozen=True):
    """One entry a script cites: its id and its titles as the user wrote them."""

    entry_id: str
    title: str
    title_ja: str = ""

    def text(self, lang: str) -> str:
        """The title for `lang`: the Japanese one in Japanese when it exists."""
        return self.title_ja if lang == "ja" and self.title_ja else self.title


def citation_of(entry: Entry) -> Citation:
    """The citation for a journal entry."""
    return Citation(entry.id, entry.title, entry.title_ja)


def cite_items(citations: Sequence[Citation], lang: str, *, limit: int = MAX_ITEMS) -> list[str]:
    """Up to `limit` item lines: 「・決済基盤リリースの取りまとめ」 or "- Led the launch"."""
    mark = ITEM_MARK[lang]
    return [mark + c.text(lang) for c in citations[:limit]]


def cite_after(
    lead: str, citations: Sequence[Citation], lang: str, *, limit: int = MAX_ITEMS
) -> str:
    """A complete lead-in sentence, then the entries as items on their own lines.

    With nothing to cite the lead-in alone is returned: it must read as a whole
    sentence by itself, which is what makes the citation grammatical for any title.
    """
    return "\n".join([lead, *cite_items(citations, lang, limit=limit)])


def missing_japanese(citations: Iterable[Citation]) -> tuple[Citation, ...]:
    """Cited entries without a Japanese title: a Japanese script shows them in English."""
    return tuple(dict.fromkeys(c for c in citations if not c.title_ja))
