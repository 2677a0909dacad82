"""A realistic, deterministic demo journal: a year of weekly life at a Tokyo company.

The same seed and date always give the same journal, so screenshots, snapshot tests
and benchmarks are repeatable. With a larger `entries` count the same weekly rhythm
is spread over more years and made denser, for benchmarks.
"""

from __future__ import annotations

import datetime as dt
import os
import random
from pathlib import Path

import msgspec

from careercoach.clock import week_start
from careercoach.errors import ValidationError
from careercoach.journal import Draft, Journal, set_aside
from careercoach.model import DATE_MAX, DATE_MIN, Profile, jlpt_exams
from careercoach.readiness import JlptFacts, load_criteria, results_date

DEFAULT_SEED = 7
MAX_WEEKS = 520
# How far a demo reaches either side of its `as_of`: three JLPT results and a tenure of
# three years before it, the profile's next evaluation and contract renewal after it.
HISTORY_DAYS = 1200
FUTURE_DAYS = 130


class DemoJournal(msgspec.Struct, frozen=True):
    profile: Profile
    drafts: list[Draft]


# (kind, sub-type, title, tags[, Japanese title]) pools; titles are what a person would
# really write. Some have no Japanese title, as in a real journal: the Japanese script
# lists those in English and says so.
INVISIBLE = [
    ("meeting_room", "Set up the meeting room before the Monday sync", ("team",)),
    ("meeting_room", "Booked the room and tested the projector for the client visit", ()),
    ("meeting_notes", "Took notes in the sprint review and shared them", ("notes",)),
    ("meeting_notes", "Wrote up the 定例会議 minutes for the team", ("notes",)),
    ("clean_documents", "Cleaned up the formatting of the quarterly slides", ("docs",)),
    ("clean_documents", "Made the release checklist consistent and tidy", ("docs",)),
    ("early", "Arrived ten minutes early to every meeting this week", ()),
    ("dull_task", "Volunteered to re-label the shared drive folders", ()),
    ("dull_task", "Took on the expense-report reconciliation nobody wanted", ()),
    ("stayed_late", "Stayed to help finish the team's proposal deck", ("team",)),
]
BRIDGE = [
    (
        "communication",
        "Relayed the US team's questions to the Osaka office in Japanese",
        (),
        "米国チームからの質問を日本語で大阪オフィスへ共有",
    ),
    (
        "culture",
        "Explained nemawashi to the new overseas hires",
        ("onboarding",),
        "海外から入社したメンバーへの根回しの説明",
    ),
    (
        "misunderstanding",
        "Cleared up a deadline misunderstanding with the Singapore team",
        (),
        "シンガポールチームとの納期に関する認識違いの解消",
    ),
    (
        "translation",
        "Translated the incident report for headquarters",
        ("translation",),
        "本社向け障害報告書の翻訳",
    ),
    (
        "communication",
        "Joined the vendor call to bridge English and Japanese",
        (),
        "ベンダーとの会議での英語と日本語の橋渡し",
    ),
]
PROPOSALS = [
    ("alternative", "Suggested, as an option, a shorter weekly report format", ()),
    ("idea", "Offered an idea to automate the test data set-up", ()),
    ("feedback", "Raised a concern about the review process softly in the retro", ()),
]
DOCS = [
    ("checklist", "Wrote a deployment checklist", ("docs",), "デプロイ用チェックリストの作成"),
    (
        "bilingual",
        "Made the onboarding guide bilingual (English / 日本語)",
        ("docs",),
        "オンボーディング資料の日英二言語化",
    ),
    (
        "sheet",
        "Built a clean tracking sheet for customer requests",
        (),
        "顧客要望の管理シートの作成",
    ),
    ("procedure", "Documented the month-end closing procedure", ("docs",), "月末締め手順の文書化"),
    (
        "system",
        "Set up a repeatable release process the team can run",
        (),
        "チームで回せるリリース手順の整備",
    ),
]
EVENTS = [
    ("drinking_party", "Team 飲み会 after the release", ("team",)),
    ("lunch", "Lunch with the sales team", ()),
    ("coffee", "Coffee break with Tanaka-san", ()),
    ("seasonal_party", "Year-end party (忘年会)", ("team",)),
    ("outing", "Team hanami outing", ("team",)),
]
JAPANESE_STUDY = [
    ("study", "Kanji practice: 30 new words"),
    ("study", "Business keigo chapter 4"),
    ("at_work", "Ran the stand-up in Japanese"),
    ("at_work", "Wrote a customer email in Japanese without help"),
]
ACHIEVEMENTS = [
    (
        "milestone",
        "Shipped the billing migration milestone",
        "請求システム移行の節目となるリリース",
    ),
    ("recognition", "Thanked by the department head for the client demo", ""),
]


def _weekly(rng: random.Random, monday: dt.date, density: int) -> list[Draft]:
    """One week of ordinary entries; `density` repeats the rhythm for big journals."""
    drafts: list[Draft] = []

    def day() -> dt.date:
        return monday + dt.timedelta(days=rng.randrange(5))

    for _ in range(density):
        for _ in range(rng.choice((1, 2, 2, 3))):
            sub, title, tags = rng.choice(INVISIBLE)
            drafts.append(Draft(day(), "invisible", title, tags=tags, details={"type": sub}))
        sub, title = rng.choice(JAPANESE_STUDY)
        minutes = rng.choice((20, 30, 45, 60))
        drafts.append(
            Draft(
                day(), "japanese", title, tags=("jlpt",), details={"type": sub, "minutes": minutes}
            )
        )
        if rng.random() < 0.45:
            sub, title, tags, title_ja = rng.choice(BRIDGE)
            drafts.append(
                Draft(day(), "bridge", title, tags=tags, details={"type": sub}, title_ja=title_ja)
            )
        if rng.random() < 0.35:
            sub, title, tags = rng.choice(EVENTS)
            drafts.append(Draft(day(), "team_event", title, tags=tags, details={"type": sub}))
        if rng.random() < 0.25:
            sub, title, tags, title_ja = rng.choice(DOCS)
            drafts.append(
                Draft(
                    day(),
                    "documentation",
                    title,
                    tags=tags,
                    details={"type": sub},
                    title_ja=title_ja,
                )
            )
        if rng.random() < 0.2:
            sub, title, tags = rng.choice(PROPOSALS)
            drafts.append(
                Draft(
                    day(),
                    "proposal",
                    title,
                    tags=tags,
                    details={"type": sub, "adopted": rng.random() < 0.5},
                )
            )
        if rng.random() < 0.06:
            sub, title, title_ja = rng.choice(ACHIEVEMENTS)
            drafts.append(
                Draft(day(), "achievement", title, details={"type": sub}, title_ja=title_ja)
            )
    return drafts


def _published_exams(facts: JlptFacts, as_of: dt.date, count: int) -> list[dt.date]:
    """The last `count` exams whose results are out by `as_of`, oldest first."""
    exams = jlpt_exams(as_of - dt.timedelta(days=400 * count), count=4 * count)
    return [exam for exam in exams if results_date(facts, exam) <= as_of][-count:]


def _jlpt_results(as_of: dt.date) -> list[Draft]:
    """N3 passed, then N2 a year later: each logged the day its results came out, as
    a user would, some weeks after the exam (first Sunday of July or December)."""
    facts = load_criteria()[0].rules.jlpt
    first, _, second = _published_exams(facts, as_of, 3)
    results = [
        (first, "N3", {"knowledge": 40, "reading": 41, "listening": 40}),
        (second, "N2", {"knowledge": 33, "reading": 36, "listening": 35}),
    ]
    return [
        Draft(
            results_date(facts, exam),
            "japanese",
            f"JLPT {level} results: passed",
            tags=("jlpt",),
            notes=f"Took the exam on {exam.isoformat()}; the results came out today. 合格!",
            details={"type": "jlpt", "level": level, "passed": True, **sections},
        )
        for exam, level, sections in results
    ]


def _milestones(as_of: dt.date) -> list[Draft]:
    """The year's landmarks, placed relative to `as_of` so the demo always feels current."""

    def ago(days: int) -> dt.date:
        return as_of - dt.timedelta(days=days)

    return [
        *_jlpt_results(as_of),
        Draft(
            ago(240),
            "conversation",
            "Yearly evaluation with Sato-san",
            notes="Rated 'meets expectations'. Asked to take more initiative in meetings.",
            details={"type": "evaluation", "outcome": "meets expectations"},
        ),
        Draft(
            ago(150),
            "conversation",
            "1:1 feedback: documentation praised",
            details={"type": "feedback"},
        ),
        Draft(
            ago(20),
            "achievement",
            "Led the payment-gateway launch to completion",
            title_ja="決済ゲートウェイ導入プロジェクトの取りまとめ",
            tags=("project",),
            notes="Launched on schedule with zero incidents in week one.",
            details={"type": "major_project"},
        ),
        Draft(
            ago(12),
            "note",
            "Kept the launch retrospective notes as evidence",
            tags=("evidence",),
            details={"type": "evidence"},
        ),
    ]


def build_demo(
    as_of: dt.date, *, seed: int = DEFAULT_SEED, entries: int | None = None
) -> DemoJournal:
    """A demo profile and entries ending at `as_of`; `entries` trims or densifies to a count."""
    rng = random.Random(seed)
    weeks = 52 if entries is None else max(52, min(MAX_WEEKS, entries // 8))
    history = dt.timedelta(days=max(HISTORY_DAYS, 7 * weeks + 7))
    future = dt.timedelta(days=FUTURE_DAYS)
    if not DATE_MIN + history <= as_of <= DATE_MAX - future:
        raise ValidationError(
            f"a demo as of {as_of} would date its entries and profile outside the years a "
            f"journal holds ({DATE_MIN.year} to {DATE_MAX.year}): choose a day from "
            f"{DATE_MIN + history} to {DATE_MAX - future}"
        )
    per_week = 1 if entries is None else max(1, entries // (weeks * 5) + 1)
    last_monday = week_start(as_of)
    drafts = _milestones(as_of)
    for back in range(weeks, -1, -1):
        monday = last_monday - dt.timedelta(weeks=back)
        drafts.extend(_weekly(rng, monday, per_week))
    drafts = [d for d in drafts if d.date <= as_of]
    if entries is not None:
        drafts = (drafts * (entries // max(1, len(drafts)) + 1))[:entries]
    profile = Profile(
        name="Alex Morgan",
        company_type="japanese",
        target_role="manager",
        start_date=as_of - dt.timedelta(days=365 * 3 + 40),
        jlpt_level="N2",
        next_evaluation=as_of + dt.timedelta(days=40),
        contract_renewal=as_of + dt.timedelta(days=130),
        manager_name="Sato",
        manager_name_ja="佐藤",
        manager_title="課長",
        name_ja="モーガン",
        script_language="both",
    )
    return DemoJournal(profile=profile, drafts=drafts)


def write_demo(
    path: str | os.PathLike[str],
    as_of: dt.date,
    *,
    seed: int = DEFAULT_SEED,
    entries: int | None = None,
    force: bool = False,
    rng: random.Random | None = None,
) -> tuple[int, Path | None]:
    """Create a demo journal file: how many entries, and where a file that was at
    `path` went. It refuses an existing file unless `force`, and even then never
    deletes it: the old file is set aside under a name of its own (it may be someone's
    real journal, named by mistake)."""
    target = Path(path)
    if (target.exists() or target.is_symlink()) and not force:
        raise ValidationError(f"{target} already exists: pick a new path or add --force")
    demo = build_demo(as_of, seed=seed, entries=entries)
    kept = set_aside(Journal(target)) if force else None
    moment = dt.datetime.combine(as_of, dt.time(9, 0), dt.timezone.utc)
    journal = Journal(target, now=lambda: moment, rng=rng or random.Random(seed))
    journal.add_many(demo.drafts)
    journal.save_profile(demo.profile)
    return len(demo.drafts), kept
