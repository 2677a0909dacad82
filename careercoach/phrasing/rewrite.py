"""The softener's front: the rules of one language from the content, over the user's text."""

from __future__ import annotations

from careercoach.errors import ValidationError
from careercoach.phrasing.content import LANGUAGES, PhrasingContent, load_phrasing
from careercoach.phrasing.softener import Softened, apply_rules


def soften(text: str, lang: str = "en", content: PhrasingContent | None = None) -> Softened:
    """Rewrite direct phrasing softly, sentence by sentence, with the rules for `lang`."""
    if lang not in LANGUAGES:
        raise ValidationError(f"unknown language {lang!r}: choose from {', '.join(LANGUAGES)}")
    content = content or load_phrasing()
    return apply_rules(text, content.soften_rules[lang])
