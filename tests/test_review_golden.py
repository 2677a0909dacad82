# ruff: noqa: E501 - the fixed journals are tables: one entry per line, however long

"""Golden files: the review's self-evaluation drafts, English and Japanese, on three
fixed journals. Committed as plain text under tests/golden/review/ and read line by
line before being accepted: a change to any wording shows up as a diff in review.
To accept a deliberate change, run with CAREERCOACH_UPDATE_GOLDEN=1, then read the
diff of tests/golden/review/ before committing it.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from careercoach.model import Entry, Profile, make_entry
from careercoach.readiness import load_criteria
from careercoach.review.content import load_review_content
from careercoach.review.draft import self_evaluation
from careercoach.review.engine import build_review, choose_period
from careercoach.review.upcoming import next_exam_to_register

GOLDEN = Path(__file__).parent / "golden" / "review"
AS_OF = dt.date(2026, 11, 20)
UPDATE = os.environ.get("CAREERCOACH_UPDATE_GOLDEN") == "1"


def ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


# (kind, days ago, English title, Japanese title, starred, details, tags)
WORK = [
    ("conversation", 185, "Yearly evaluation with Sato-san", "佐藤課長との年次評価面談", False, {"type": "evaluation"}, ()),
    ("achievement", 20, "Led the payment-gateway launch to completion", "決済ゲートウェイ導入プロジェクトの取りまとめ", True, {"type": "major_project"}, ()),
    ("achievement", 95, "Shipped the billing migration milestone", "請求システム移行の節目となるリリース", False, {"type": "milestone"}, ()),
    ("achievement", 160, "Thanked by the department head for the client demo", "顧客向けデモの実施（部長より評価をいただく）", False, {"type": "recognition"}, ()),
    ("invisible", 3, "Prepared the meeting room for the client visit", "来客時の会議室の準備", False, {"type": "meeting_room"}, ()),
    ("invisible", 10, "Took the minutes of the weekly meeting", "定例会議の議事録作成", False, {"type": "meeting_notes"}, ()),
    ("invisible", 17, "Took the minutes of the weekly meeting", "定例会議の議事録作成", False, {"type": "meeting_notes"}, ()),
    ("invisible", 60, "Cleaned up the shared drive folders", "共有ドライブのフォルダ整理", True, {"type": "dull_task"}, ()),
    ("bridge", 12, "Relayed the US team's questions to the Osaka office in Japanese", "米国チームからの質問を日本語で大阪オフィスへ共有", False, {"type": "communication"}, ()),
    ("bridge", 40, "Cleared up a deadline misunderstanding with the Singapore team", "シンガポールチームとの納期に関する認識違いの解消", False, {"type": "misunderstanding"}, ()),
    ("proposal", 25, "Suggested, as an option, a shorter weekly report", "週次報告の簡略化をひとつの案として提案", False, {"type": "idea", "adopted": True}, ()),
    ("documentation", 30, "Wrote a deployment checklist", "デプロイ用チェックリストの作成", False, {"type": "checklist"}, ()),
    ("team_event", 14, "Team lunch after the release", "リリース後のチームランチ", False, {"type": "lunch"}, ()),
    ("team_event", 50, "Summer party with the department", "部署の暑気払い", False, {"type": "seasonal_party"}, ()),
    ("japanese", 7, "Wrote a customer email in Japanese", "日本語での顧客向けメール作成", False, {"type": "at_work"}, ()),
    ("japanese", 30, "JLPT N2: passed", "日本語能力試験N2に合格", False, {"type": "jlpt", "level": "N2", "passed": True}, ()),
    ("note", 9, "Plan check-in: goals reviewed with HR", "", False, {"type": "plan_meeting"}, ()),
    ("invisible", 11, "Reorganised the plan evidence folder", "", False, {"type": "other"}, ("pip",)),
]  # fmt: skip


def entries(japanese: bool) -> list[Entry]:
    return [
        make_entry(
            entry_id=f"e{n:03d}",
            date=ago(days),
            kind=kind,
            title=title,
            title_ja=title_ja if japanese else "",
            details=details,
            tags=tags,
            starred=starred,
        )
        for n, (kind, days, title, title_ja, starred, details, tags) in enumerate(WORK)
    ]


def english_titles() -> tuple[list[Entry], Profile, bool]:
    """A full period since a logged evaluation; English titles; a manager path below N1."""
    profile = Profile(
        name="Alex Morgan",
        company_type="japanese",
        target_role="manager",
        start_date=dt.date(2023, 10, 1),
        jlpt_level="N3",
    )
    return entries(japanese=False), profile, False


def japanese_titles() -> tuple[list[Entry], Profile, bool]:
    """The same work with Japanese titles; the period from the profile's evaluation date
    (the logged evaluation left out); a specialist path that has reached its bar."""
    work = [e for e in entries(japanese=True) if e.kind != "conversation"]
    profile = Profile(
        name="Alex Morgan",
        company_type="japanese",
        target_role="specialist",
        start_date=dt.date(2023, 10, 1),
        jlpt_level="N2",
        next_evaluation=dt.date(2026, 12, 15),
    )
    return work, profile, False


def sparse() -> tuple[list[Entry], Profile, bool]:
    """Three entries, no profile, and an improvement plan running."""
    work = [
        make_entry(entry_id="s001", date=ago(4), kind="note", title="Asked for feedback on my report"),
        make_entry(entry_id="s002", date=ago(15), kind="team_event", title="Coffee with Tanaka-san", details={"type": "coffee"}),
        make_entry(entry_id="s003", date=ago(33), kind="note", title="Plan meeting notes", details={"type": "plan_meeting"}),
    ]  # fmt: skip
    return work, Profile(), True


JOURNALS = {"english_titles": english_titles, "japanese_titles": japanese_titles, "sparse": sparse}


def render(name: str, lang: str) -> str:
    work, profile, plan_running = JOURNALS[name]()
    period = choose_period(work, profile, today=AS_OF)
    review = build_review(work, profile, load_criteria(), period, plan_running=plan_running)
    exam = next_exam_to_register(AS_OF)
    return self_evaluation(review, load_review_content(), lang, exam)


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("name", sorted(JOURNALS))
def test_review_draft_matches_its_golden_file(name: str, lang: str) -> None:
    path = GOLDEN / f"{name}.{lang}.txt"
    text = render(name, lang)
    if UPDATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert path.read_text(encoding="utf-8") == text, f"{path.name} changed: see its diff"


def test_plan_evidence_is_in_no_golden_file() -> None:
    for path in GOLDEN.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        assert "Plan check-in" not in text and "plan evidence" not in text
        assert "Plan meeting notes" not in text
