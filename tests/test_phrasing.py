"""Promotion-request scripts: every situation, language and format, filled from the journal.

The exact wording is held by the golden files (test_scripts_golden.py); these tests hold the
rules any wording must keep, over the demo journal and over generated journals and
profiles: titles cited as items after a complete sentence and never inside a Japanese
one, one honorific, no connective opening a paragraph, no placeholder, user text
literal, natural keigo.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careercoach.content.loader import builtin_path
from careercoach.demo import write_demo
from careercoach.errors import ContentError, ValidationError
from careercoach.journal import Journal
from careercoach.model import Entry, Profile, make_entry
from careercoach.phrasing import (
    FORMATS,
    LANGUAGES,
    MAX_SPOKEN_ITEMS,
    SITUATIONS,
    Citation,
    JournalFacts,
    draft,
    gather_facts,
    load_phrasing,
    suggest_situation,
)
from careercoach.readiness import assess, load_criteria
from careercoach.readiness.score import Assessment, Band, TimingVerdict

AS_OF = dt.date(2026, 11, 20)
COMBOS = list(itertools.product(SITUATIONS, LANGUAGES, FORMATS))
COMBO_IDS = ["-".join(c) for c in COMBOS]
ITEM = re.compile(r"^(?:・|- )")
PAY_WORDS = re.compile(r"salary|\bpay\b|\braise\b|bonus|[¥$€£]|円|給与|給料|年収|昇給")
DOUBLED = re.compile(
    r"(?:課長|部長|係長|社長|室長|主任|様|さん)(?:さん|様)|-san-san"
    r"|[A-Za-z](?:さん|様|課長|部長|係長|社長|室長|主任)"
    r"|\b(?:Mr|Mrs|Ms|Dr)\.?\s+[^,\n]*-san"
)
LEANS = re.compile(r"^(?:また|さらに|あわせて|加えて)、|^(?:Also|In addition)\b|\balso\b")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Entry], Profile]:
    path = tmp_path_factory.mktemp("demo") / "journal.json"
    write_demo(path, AS_OF)
    journal = Journal(path)
    return journal.entries(), journal.profile()


def entry(entry_id: str, day: dt.date, kind: str, title: str, title_ja: str = "", **details):
    return make_entry(
        entry_id=entry_id, date=day, kind=kind, title=title, title_ja=title_ja, details=details
    )


def days_ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


def paragraphs(text: str, fmt: str) -> list[list[str]]:
    """A chat message puts each paragraph on its own line; the other forms leave a blank one."""
    if fmt == "chat":
        return [[line] for line in text.splitlines()]
    return [block.splitlines() for block in text.split("\n\n")]


def sentences(line: str) -> list[str]:
    return [s.strip() for s in re.findall(r"[^。？！.?!]+[。？！.?!]*", line) if s.strip()]


def check_script(
    text: str, lang: str, fmt: str, titles: list[str], names: tuple[str, ...] = ()
) -> None:
    """The rules every rendered script keeps, whatever the journal and profile."""
    assert text.strip() == text and text
    bare = text
    for user in sorted([*titles, *names], key=len, reverse=True):
        bare = bare.replace(user, "")
    for leak in ("$", "{", "}", "None", "[]"):
        assert leak not in bare, f"{leak!r} leaked into: {text}"
    for debris in ("  ", "\n\n\n", " ,", " .", "、、", "。。", "、。"):
        assert debris not in bare, f"{debris!r} in: {text}"
    assert not DOUBLED.search(bare), f"doubled honorific in: {text}"
    assert not PAY_WORDS.search(bare)
    for block in paragraphs(text, fmt):
        prose = [line for line in block if not ITEM.match(line)]
        if prose:
            opening = sentences(prose[0])
            assert not LEANS.search(opening[0] if opening else ""), (
                f"opens on a connective: {block}"
            )
        items_in_a_row = 0
        for line in block:
            items_in_a_row = items_in_a_row + 1 if ITEM.match(line) else 0
            assert items_in_a_row <= (MAX_SPOKEN_ITEMS if fmt == "talk" else 3)
    if lang == "ja":
        ja_prose = "\n".join(line for line in text.splitlines() if not ITEM.match(line))
        for user in titles:
            if re.search(r"[A-Za-z]", user) and len(user) > 3:
                assert user not in ja_prose, f"Latin title {user!r} inside a Japanese sentence"
        assert "させていただけますでしょうか" not in text
        assert text.count("いただけますでしょうか") <= 1, f"the request ending twice: {text}"
        assert text.count("ております。") <= 3, f"too many 〜ております endings: {text}"
        assert "ご報告なのですが" not in text and "より高いレベル" not in text
        endings = re.findall(r"([^、。\n]{0,12}(?:でしょうか|幸いです|存じます))。", text)
        assert len(endings) == len(set(endings)), f"the same request ending twice: {endings}"
    else:
        for clumsy in ("Thank you for my evaluation", "a coming 1:1", "Thank you in advance"):
            assert clumsy not in text


# -- every situation x language x format -------------------------------------------


@pytest.mark.parametrize(("situation", "lang", "fmt"), COMBOS, ids=COMBO_IDS)
def test_demo_journal_script_cites_real_entries(demo, situation: str, lang: str, fmt: str) -> None:
    entries, profile = demo
    by_id = {e.id: e for e in entries}
    script = draft(situation, lang, fmt, gather_facts(entries, profile, AS_OF), profile)
    titles = [t for e in entries for t in (e.title, e.title_ja) if t]
    check_script(script.text, lang, fmt, titles, (profile.name, profile.name_ja))
    if fmt != "chat":
        assert script.cited_ids, "a script for a full journal should back itself with entries"
    lines = script.text.splitlines()
    for cited in script.cited_ids:
        cited_entry = by_id[cited]
        if cited_entry.subtype == "jlpt":
            assert str(cited_entry.details["level"]) in script.text
            continue
        shown = cited_entry.title_ja if lang == "ja" and cited_entry.title_ja else cited_entry.title
        assert ("・" if lang == "ja" else "- ") + shown in lines


@pytest.mark.parametrize(("situation", "lang", "fmt"), COMBOS, ids=COMBO_IDS)
def test_empty_journal_and_profile_still_get_a_whole_script(situation, lang, fmt) -> None:
    script = draft(situation, lang, fmt, gather_facts([], Profile(), AS_OF), Profile())
    check_script(script.text, lang, fmt, [])
    assert script.cited_ids == () and script.citations == ()


def test_email_has_subject_addressee_greeting_and_closing() -> None:
    profile = Profile(name="Alex Morgan", name_ja="モーガン", manager_name="Sato",
                      manager_name_ja="佐藤", manager_title="課長")  # fmt: skip
    ja = draft("career_growth", "ja", "email", JournalFacts(), profile).text.split("\n\n")
    assert ja[:3] == ["件名：今後のキャリアについてのご相談（1on1のお願い）", "佐藤課長",
                      "お疲れさまです。モーガンです。"]  # fmt: skip
    assert ja[-1].endswith("よろしくお願いいたします。")
    en = draft("career_growth", "en", "email", JournalFacts(), profile).text.split("\n\n")
    assert en[0].startswith("Subject: ") and en[1] == "Hi Sato-san,"
    assert en[-1] == "Best regards,\nAlex Morgan"
    chat = draft("career_growth", "ja", "chat", JournalFacts(), profile).text.splitlines()
    assert chat[0] == "佐藤課長、お疲れさまです。" and "件名" not in "".join(chat)


def test_talk_cites_at_most_two_items_per_point() -> None:
    facts = JournalFacts(achievements=tuple(Citation(f"a{i}", f"Win {i}") for i in range(3)))
    talk = draft("career_growth", "en", "talk", facts, Profile()).text
    email = draft("career_growth", "en", "email", facts, Profile()).text
    assert talk.count("\n- Win") == 2 and email.count("\n- Win") == 3


PROJECT = Citation("p1", "Led the gateway launch", "決済ゲートウェイ導入の取りまとめ")
THANKS = Citation("r1", "Thanked by the department head", "部長から顧客デモへの感謝")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS[:2])
@pytest.mark.parametrize("situation", ["after_evaluation", "contract_renewal", "career_growth"])
def test_the_project_is_cited_where_the_script_has_no_project_slot(situation, fmt, lang) -> None:
    facts = JournalFacts(project=PROJECT, achievements=(Citation("a1", "Shipped", "出荷"),))
    script = draft(situation, lang, fmt, facts, Profile())
    assert (
        script.text.splitlines().count(("・" if lang == "ja" else "- ") + PROJECT.text(lang)) == 1
    )
    assert script.cited_ids[0] == "p1"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS[:2])
@pytest.mark.parametrize("situation", ["after_evaluation", "contract_renewal", "career_growth"])
def test_recognition_is_cited_as_feedback_received_not_as_work(situation, fmt, lang) -> None:
    facts = JournalFacts(achievements=(Citation("a1", "Shipped", "出荷"),), recognition=(THANKS,))
    lines = draft(situation, lang, fmt, facts, Profile()).text.splitlines()
    lead = lines[lines.index(("・" if lang == "ja" else "- ") + THANKS.text(lang)) - 1]
    assert lead.endswith("次のような評価もいただきました。" if lang == "ja"
                         else "I was also glad to receive this feedback:")  # fmt: skip
    alone = draft(situation, lang, fmt, JournalFacts(recognition=(THANKS,)), Profile()).text
    assert ("次のような評価をいただきました。" if lang == "ja"
            else "I was glad to receive this feedback:") in alone  # fmt: skip


def test_english_lead_ins_read_right_before_a_single_item() -> None:
    """One item after "these are the pieces of work" reads wrong: lead-ins take any number."""
    content = load_phrasing()
    for script in content.scripts.values():
        for form in script.forms.values():
            for sentence in (s for paragraph in form for s in paragraph if s.items):
                lead = sentence.template.template
                assert not re.search(r"\b(?:these|those|pieces|several|items)\b", lead), lead


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("fmt", FORMATS[:2])
def test_after_project_does_not_claim_bridge_work_for_the_project(fmt, lang) -> None:
    """Bridge entries span the last year, some after the project: they are cited beside it."""
    facts = JournalFacts(project=PROJECT, bridge=(Citation("b1", "Relayed", "共有"),))
    text = draft("after_project", lang, fmt, facts, Profile()).text
    for claim in ("During the project", "Along the way", "プロジェクトの中では", "期間中は、"):
        assert claim not in text
    assert ("Beyond the project" if lang == "en" else "プロジェクト") in text


def test_japanese_talk_never_reads_an_english_title_aloud() -> None:
    latin = Citation("a2", "Thanked by the department head for the client demo")
    facts = JournalFacts(achievements=(Citation("a1", "Shipped", "出荷"), latin),
                         recognition=(latin,))  # fmt: skip
    talk = draft("career_growth", "ja", "talk", facts, Profile())
    assert "Thanked" not in talk.text and "・出荷" in talk.text.splitlines()
    assert talk.untitled == (latin,) and latin not in talk.citations
    email = draft("career_growth", "ja", "email", facts, Profile())
    assert "・" + latin.title in email.text.splitlines() and email.untitled == ()


def test_the_opening_connective_check_reads_every_chat_paragraph() -> None:
    chat = "Hi Sato-san,\nCould we talk?\nAlso, thank you."
    with pytest.raises(AssertionError, match="opens on a connective"):
        check_script(chat, "en", "chat", [])


@pytest.mark.parametrize("doubled", ["Hi Mr. Sato-san,", "Sato課長、", "Kenji Sato-san-san"])
def test_the_doubled_honorific_check_catches_latin_names(doubled: str) -> None:
    with pytest.raises(AssertionError, match="doubled honorific"):
        check_script(doubled, "en", "email", [])


# -- generated journals and profiles -------------------------------------------------

LATIN_TITLE = st.text(alphabet="abcdefg xyz$[]{}/<>%\\", min_size=3, max_size=30).map(
    lambda t: "Wx " + t.strip()
)
JA_TITLE = st.one_of(
    st.just(""),
    st.text(alphabet="決済基盤の取りまとめ手順書 [b]$x{}", min_size=2, max_size=20).map(str.strip),
)
KINDS = st.sampled_from([
    ("achievement", {"type": "major_project"}),
    ("achievement", {"type": "milestone"}),
    ("bridge", {}),
    ("documentation", {}),
    ("japanese", {"type": "jlpt", "level": "N2", "passed": True}),
])  # fmt: skip
PROFILES = st.builds(
    Profile,
    name=st.sampled_from(["", "Alex Morgan", "$name {x}"]),
    name_ja=st.sampled_from(["", "モーガン"]),
    target_role=st.sampled_from(["specialist", "manager"]),
    start_date=st.one_of(st.none(), st.dates(dt.date(2000, 1, 1), AS_OF)),
    manager_name=st.sampled_from(
        [
            "",
            "Sato",
            "Sato-san",
            "佐藤課長",
            "佐藤課長さん",
            "佐藤",
            "Ken",
            "Mr. Sato",
            "Kenji Sato",
            "sato",
            "佐藤 健二",
        ]
    ),
    manager_name_ja=st.sampled_from(["", "佐藤", "田中様", "佐藤部長", "佐藤 健二"]),
    manager_title=st.sampled_from(["", "課長", "部長", "係長さん"]),
    manager_addressing=st.sampled_from(["", "title", "san", "name"]),
)


@st.composite
def journals(draw) -> list[Entry]:
    rows = draw(st.lists(st.tuples(KINDS, st.integers(0, 500), LATIN_TITLE, JA_TITLE), max_size=12))
    return [
        entry(f"g{i:03d}", days_ago(days), kind, title, title_ja, **details)
        for i, ((kind, details), days, title, title_ja) in enumerate(rows)
    ]


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    entries=journals(),
    profile=PROFILES,
    situation=st.sampled_from(tuple(SITUATIONS)),
    lang=st.sampled_from(LANGUAGES),
    fmt=st.sampled_from(FORMATS),
)
def test_any_journal_and_profile_give_a_sendable_script(entries, profile, situation, lang, fmt):
    script = draft(situation, lang, fmt, gather_facts(entries, profile, AS_OF), profile)
    user_texts = [t for e in entries for t in (e.title, e.title_ja) if t]
    check_script(script.text, lang, fmt, user_texts, (profile.name, profile.name_ja))
    lines = script.text.splitlines()
    mark = "・" if lang == "ja" else "- "
    for citation in script.citations:
        assert mark + citation.text(lang) in lines, "a title is cited as typed, as an item"


# -- facts -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "months", "english", "japanese"),
    [
        (dt.date(2023, 10, 1), 37, "three years and one month", "3年1か月"),
        (dt.date(2026, 3, 20), 8, "eight months", "8か月"),
        (dt.date(2025, 11, 20), 12, "one year", "1年"),
        (dt.date(2024, 12, 20), 23, "one year and eleven months", "1年11か月"),
        (dt.date(2011, 1, 1), 190, "15 years and ten months", "15年10か月"),
    ],
)
def test_tenure_reads_naturally(start: dt.date, months: int, english: str, japanese: str) -> None:
    profile = Profile(start_date=start)
    facts = gather_facts([], profile, AS_OF)
    assert facts.tenure_months == months
    assert f"In my {english} here" in draft("after_evaluation", "en", "talk", facts, profile).text
    assert f"入社して{japanese}" in draft("after_evaluation", "ja", "talk", facts, profile).text


@pytest.mark.parametrize(
    "start",
    [
        dt.date(2026, 11, 1),
        dt.date(2027, 1, 1),
    ],
)
def test_tenure_under_a_month_or_in_the_future_is_left_out(start: dt.date) -> None:
    profile = Profile(start_date=start)
    facts = gather_facts([], profile, AS_OF)
    assert facts.tenure_months is None
    assert "In my" not in draft("after_evaluation", "en", "talk", facts, profile).text


def test_gather_facts_picks_recent_distinct_entries_up_to_as_of() -> None:
    entries = [
        entry("fut001", AS_OF + dt.timedelta(days=1), "achievement", "Tomorrow's win"),
        entry("ach001", days_ago(1), "achievement", "Shipped billing", type="milestone"),
        entry("ach002", days_ago(2), "achievement", "shipped BILLING", type="milestone"),
        entry("ach003", days_ago(3), "achievement", "Client demo praised", type="recognition"),
        entry("ach004", days_ago(4), "achievement", "Launched search", "検索機能のリリース",
              type="major_project"),
        entry("ach005", days_ago(5), "achievement", "Fourth distinct win"),
        entry("ach006", days_ago(6), "achievement", "Fifth distinct win"),
        entry("old001", days_ago(400), "achievement", "Ancient history"),
        entry("doc001", days_ago(10), "documentation", "Deployment checklist"),
    ]  # fmt: skip
    facts = gather_facts(entries, Profile(), AS_OF)
    assert facts.project == Citation("ach004", "Launched search", "検索機能のリリース")
    assert [c.entry_id for c in facts.achievements] == ["ach001", "ach005", "ach006"]
    assert [c.entry_id for c in facts.recognition] == ["ach003"]
    assert facts.documentation == (Citation("doc001", "Deployment checklist"),)
    assert facts.bridge == ()


@pytest.mark.parametrize(
    ("project_age_days", "expected"),
    [
        (10, "prj001"),
        (179, "prj001"),
        (180, None),
    ],
)
def test_after_project_needs_a_fresh_major_project(project_age_days: int, expected) -> None:
    project = entry("prj001", days_ago(project_age_days), "achievement", "Gateway launch",
                    type="major_project")  # fmt: skip
    facts = gather_facts([project], Profile(), AS_OF)
    assert (facts.project.entry_id if facts.project else None) == expected


@pytest.mark.parametrize(
    ("days", "passed", "news"),
    [
        (1, True, True),
        (59, True, True),
        (60, False, False),
        (60, True, False),
        (700, True, False),
    ],
)
def test_a_jlpt_pass_is_news_only_within_the_timing_window(days: int, passed: bool, news: bool):
    jlpt = entry("jp0001", days_ago(days), "japanese", "JLPT N2", type="jlpt", level="N2",
                 passed=passed)  # fmt: skip
    profile = Profile(jlpt_level="N2")
    facts = gather_facts([jlpt], profile, AS_OF)
    for fmt in FORMATS:
        ja = draft("japanese_improved", "ja", fmt, facts, profile)
        en = draft("japanese_improved", "en", fmt, facts, profile)
        assert ("合格いたしました" in ja.text) is news
        assert ("passed JLPT N2" in en.text) is news
        assert (ja.cited_ids == ("jp0001",)) is news


def jlpt_pass(entry_id: str, days: int, level: str) -> Entry:
    return entry(entry_id, days_ago(days), "japanese", f"JLPT {level}", type="jlpt",
                 level=level, passed=True)  # fmt: skip


@pytest.mark.parametrize(
    ("passes", "profile_level", "news"),
    [
        ([("n4", 5, "N4")], "N2", ""),  # below the profile's level: not news
        ([("n2", 5, "N2")], "N2", "N2"),
        ([("n2", 5, "N2")], "", "N2"),
        ([("n2", 300, "N2"), ("n3", 5, "N3")], "", ""),  # did not raise the best level
        ([("n3", 300, "N3"), ("n2", 5, "N2")], "N3", "N2"),
        ([("n2", 20, "N2"), ("n2b", 5, "N2")], "N2", "N2"),  # the first N2 raised it
        ([("n1", 5, "N1"), ("n2", 3, "N2")], "", "N1"),
    ],
)
def test_jlpt_news_follows_the_readiness_timing(passes, profile_level: str, news: str) -> None:
    """A pass is news exactly when the readiness timing calls it "Japanese improved"."""
    entries = [jlpt_pass(*p) for p in passes]
    profile = Profile(jlpt_level=profile_level)
    facts = gather_facts(entries, profile, AS_OF)
    assert facts.jlpt_news == news
    timing = assess(entries, profile, load_criteria(), AS_OF).timing
    assert ("japanese_improved" in timing.occasions) is bool(news)
    ja = draft("japanese_improved", "ja", "email", facts, profile).text
    en = draft("japanese_improved", "en", "email", facts, profile).text
    assert ("合格いたしました" in ja) is bool(news) and ("Passed JLPT" in en) is bool(news)


def test_an_n4_pass_is_not_news_for_an_n2_profile() -> None:
    """The case from the audit: N4 logged on 2026-11-25, the profile at N2."""
    as_of = dt.date(2026, 11, 30)
    n4 = entry("n4", dt.date(2026, 11, 25), "japanese", "JLPT N4", type="jlpt", level="N4",
               passed=True)  # fmt: skip
    profile = Profile(jlpt_level="N2")
    facts = gather_facts([n4], profile, as_of)
    for fmt in FORMATS:
        assert "N4" not in draft("japanese_improved", "ja", fmt, facts, profile).text
        assert "N4" not in draft("japanese_improved", "en", fmt, facts, profile).text


def test_the_profile_level_alone_is_never_announced() -> None:
    profile = Profile(jlpt_level="N1")
    for lang, fmt in itertools.product(LANGUAGES, FORMATS):
        text = draft("japanese_improved", lang, fmt, gather_facts([], profile, AS_OF), profile).text
        assert "合格" not in text and "passed" not in text and "N1" not in text


# -- choosing the situation from the readiness timing -------------------------------


def assessment_with(occasions: tuple[str, ...], good: bool = True) -> Assessment:
    timing = TimingVerdict(good=good, headline="", reasons=(), occasions=occasions)
    return Assessment(
        as_of=AS_OF,
        overall=70,
        band=Band("Nearly ready", ""),
        criteria=(),
        next_actions=(),
        timing=timing,
    )


@pytest.mark.parametrize(
    ("occasions", "good", "expected"),
    [
        (("after_project", "japanese_improved"), True, "after_project"),
        (("contract_renewal",), True, "contract_renewal"),
        (("japanese_improved",), False, "japanese_improved"),
        (("something_new", "after_evaluation"), True, "after_evaluation"),
        ((), False, "career_growth"),
        ((), True, "career_growth"),
    ],
)
def test_suggest_situation_follows_the_timing_verdict(occasions, good, expected) -> None:
    assert suggest_situation(assessment_with(occasions, good)) == expected


def test_suggestion_on_the_demo_journal_uses_a_real_assessment(demo) -> None:
    entries, profile = demo
    assessment = assess(entries, profile, load_criteria(), AS_OF)
    suggested = suggest_situation(assessment)
    assert suggested in (*assessment.timing.occasions, "career_growth")


# -- bad requests and bad content -----------------------------------------------------


@pytest.mark.parametrize(
    ("situation", "lang", "fmt", "message"),
    [
        ("raise_now", "en", "talk", "unknown situation 'raise_now'"),
        ("career_growth", "fr", "talk", "unknown language 'fr'"),
        ("career_growth", "en", "poem", "unknown format 'poem'"),
    ],
)
def test_draft_rejects_unknown_choices(situation, lang, fmt, message) -> None:
    with pytest.raises(ValidationError, match=message):
        draft(situation, lang, fmt, JournalFacts(), Profile())


def test_builtin_content_cites_the_guide() -> None:
    content = load_phrasing()
    assert set(content.sections.values()) == {"promotion guide §8"}
    sections = {r.section for rules in content.soften_rules.values() for r in rules}
    assert sections == {"promotion guide §5", "promotion guide §8"}


DELETE = object()


def broken_copy(tmp_path: Path, key_path: tuple, value: Any) -> Path:
    data = yaml.safe_load(builtin_path("phrasing.yaml").read_text(encoding="utf-8"))
    target = data
    for key in key_path[:-1]:
        target = target[key]
    if value is DELETE:
        del target[key_path[-1]]
    else:
        target[key_path[-1]] = value
    path = tmp_path / "phrasing.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


T0 = ("situations", "after_project", "en", "talk", 0)
E1 = ("situations", "after_project", "en", "email", 1)
P0 = "situations.after_project"
W0 = f"{P0}.en.talk[0]"
W1 = f"{P0}.en.email[1]"
S0 = "softener.en[0]"


@pytest.mark.parametrize(
    ("key_path", "value", "where", "problem"),
    [
        ((*T0, 0, "text"), "Hi $boss,", f"{W0}[0].text", "unknown slot $boss"),
        ((*T0, 0, "text"), "It costs $5.", f"{W0}[0].text", "a lone $"),
        ((*T0, 1), "I deserve a raise.", f"{W0}[1]", "mentions pay"),
        ((*T0, 1), "", f"{W0}[1]", "must not be empty"),
        ((*T0, 0, "otherwise"), "Hi $manager", f"{W0}[0].otherwise", "must not use slots"),
        ((*T0, 0, "text"), "Hello.", f"{W0}[0].otherwise", "is never used"),
        ((*T0, 0, "note"), "x", f"{W0}[0].note", "unknown key"),
        ((*E1, 1, "alone"), DELETE, f"{W1}[1]", "add `alone`"),
        ((*E1, 1, "alone"), "Also this:", f"{W1}[1].alone", "cannot lean on one"),
        ((*E1, 0, "items"), "wins", f"{W1}[0].items", "unknown item slot"),
        ((*E1, 0, "text"), "For $role:", f"{W1}[0].text", "cannot use slots as well"),
        (
            T0[:-1],
            [[{"text": "x:", "items": "bridge"}]],
            f"{P0}.en.talk",
            "every sentence may be left out",
        ),
        (("situations", "career_growth"), DELETE, "situations", "missing field 'career_growth'"),
        (("situations", "after_project", "extra"), "x", f"{P0}.extra", "unknown key"),
        (
            ("situations", "after_project", "ja", "subject"),
            {"text": "$jlpt"},
            f"{P0}.ja.subject",
            "needs an `otherwise`",
        ),
        (("frames", "ja", "greeting"), DELETE, "frames.ja", "missing field 'greeting'"),
        (("roles", "manager", "ja"), 5, "roles.manager.ja", "expected text"),
        (("softener", "en", 0, "pattern"), "(unclosed", f"{S0}.pattern", "not a valid regular"),
        (("softener", "en", 0, "title"), DELETE, S0, "missing field 'title'"),
        (
            ("softener", "en", 1, "id"),
            "promotion_demand_because",
            "softener.en[1].id",
            "duplicate rule id",
        ),
    ],
)
def test_bad_content_names_file_key_and_problem(tmp_path, key_path, value, where, problem) -> None:
    path = broken_copy(tmp_path, key_path, value)
    with pytest.raises(ContentError) as raised:
        load_phrasing(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: {where}: ")
    assert problem in message
