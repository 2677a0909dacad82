"""Every content file paraphrases the source articles: no seven-word run is copied."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from careercoach import paths

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
CONTENT_FILES = sorted(paths.content_dir().glob("*.yaml"))


def seven_word_runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower().replace("’", "'"))
    return {tuple(words[i : i + 7]) for i in range(len(words) - 6)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source articles not available")
@pytest.mark.parametrize("content_file", CONTENT_FILES, ids=lambda p: p.name)
def test_content_is_in_our_own_words(content_file: Path) -> None:
    sources = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt"))
    ours = content_file.read_text(encoding="utf-8")
    copied = seven_word_runs(ours) & seven_word_runs(sources)
    assert not copied, [" ".join(run) for run in sorted(copied)]


def test_every_content_file_is_checked() -> None:
    assert {p.name for p in CONTENT_FILES} >= {
        "criteria.yaml",
        "phrasing.yaml",
        "checkin.yaml",
        "improvement_plan.yaml",
    }
