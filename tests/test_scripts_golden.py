"""Golden files: every situation x language x format on three fixed journals.

The rendered scripts are committed as plain text under tests/golden/scripts/ and were read by
a person before being accepted: a change to any wording shows up as a diff in review.
To accept a deliberate change, run with CAREERCOACH_UPDATE_GOLDEN=1, then read the
diff of tests/golden/scripts/ before committing it.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
from pathlib import Path

import pytest

from careercoach.model import Entry, Profile, make_entry
from careercoach.phrasing import FORMATS, LANGUAGES, SITUATIONS, draft, gather_facts

GOLDEN = Path(__file__).parent / "golden" / "scripts"
AS_OF = dt.date(2026, 11, 20)
UPDATE = os.environ.get("CAREERCOACH_UPDATE_GOLDEN") == "1"


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def entry(n: int, days: int, kind: str, title: str, title_ja: str = "", **details) -> Entry:
    return make_entry(
        entry_id=f"e{n:03d}",
        date=ago(days),
        kind=kind,
        title=title,
        title_ja=title_ja,
        details=details,
    )


# (kind, days ago, English title, Japanese title, details)
WORK = [
    (
        "achievement",
        20,
        "Led the payment-gateway launch to completion",
        "決済ゲートウェイ導入プロジェクトの取りまとめ",
        {"type": "major_project"},
    ),
    (
        "achievement",
        95,
        "Shipped the billing migration milestone",
        "請求システム移行の節目となるリリース",
        {"type": "milestone"},
    ),
    (
        "achievement",
        160,
        "Thanked by the department head for the client demo",
        "顧客向けデモの実施（部長より評価をいただく）",
        {"type": "recognition"},
    ),
    (
        "achievement",
        250,
        "Cut the nightly build time in half",
        "夜間ビルド時間の半減",
        {"type": "milestone"},
    ),
    (
        "bridge",
        12,
        "Relayed the US team's questions to the Osaka office in Japanese",
        "米国チームからの質問を日本語で大阪オフィスへ共有",
        {"type": "communication"},
    ),
    (
        "bridge",
        40,
        "Cleared up a deadline misunderstanding with the Singapore team",
        "シンガポールチームとの納期に関する認識違いの解消",
        {"type": "misunderstanding"},
    ),
    (
        "bridge",
        70,
        "Translated the incident report for headquarters",
        "本社向け障害報告書の翻訳",
        {"type": "translation"},
    ),
    (
        "documentation",
        30,
        "Wrote a deployment checklist",
        "デプロイ用チェックリストの作成",
        {"type": "checklist"},
    ),
    (
        "documentation",
        120,
        "Made the onboarding guide bilingual (English / 日本語)",
        "オンボーディング資料の日英二言語化",
        {"type": "bilingual"},
    ),
    (
        "japanese",
        30,
        "JLPT N2: passed",
        "日本語能力試験N2に合格",
        {"type": "jlpt", "level": "N2", "passed": True},
    ),
]


def english_titles() -> tuple[list[Entry], Profile]:
    """English titles only; the manager has a Japanese name and a title; a fresh JLPT pass."""
    entries = [
        entry(n, days, kind, en, **details) for n, (kind, days, en, _, details) in enumerate(WORK)
    ]
    profile = Profile(
        name="Alex Morgan",
        company_type="japanese",
        target_role="manager",
        start_date=dt.date(2023, 10, 1),
        jlpt_level="N2",
        manager_name="Sato",
        manager_name_ja="佐藤",
        manager_title="課長",
    )
    return entries, profile


def japanese_titles() -> tuple[list[Entry], Profile]:
    """Japanese titles; a manager without a title (田中さん); the JLPT pass is old news."""
    entries = [
        entry(n, days if kind != "japanese" else 400, kind, en, ja, **details)
        for n, (kind, days, en, ja, details) in enumerate(WORK)
    ]
    profile = Profile(
        name="Priya Shah",
        name_ja="シャー",
        company_type="foreign",
        target_role="specialist",
        start_date=dt.date(2025, 12, 1),
        jlpt_level="N2",
        manager_name="Tanaka",
        manager_name_ja="田中",
    )
    return entries, profile


def empty() -> tuple[list[Entry], Profile]:
    """A new user: no entries, no profile."""
    return [], Profile()


JOURNALS = {"english_titles": english_titles, "japanese_titles": japanese_titles, "empty": empty}
CASES = list(itertools.product(JOURNALS, SITUATIONS, LANGUAGES, FORMATS))


def render(journal: str, situation: str, lang: str, fmt: str) -> str:
    entries, profile = JOURNALS[journal]()
    facts = gather_facts(entries, profile, AS_OF)
    return draft(situation, lang, fmt, facts, profile).text + "\n"


@pytest.mark.parametrize(
    ("journal", "situation", "lang", "fmt"), CASES, ids=["-".join(c) for c in CASES]
)
def test_script_matches_its_golden_file(journal: str, situation: str, lang: str, fmt: str) -> None:
    path = GOLDEN / journal / f"{situation}.{lang}.{fmt}.txt"
    text = render(journal, situation, lang, fmt)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} is missing: run with CAREERCOACH_UPDATE_GOLDEN=1 and read it"
    assert text == path.read_text(encoding="utf-8")


def test_no_stray_golden_files() -> None:
    expected = {GOLDEN / j / f"{s}.{lang}.{f}.txt" for j, s, lang, f in CASES}
    assert set(GOLDEN.glob("*/*.txt")) == expected
