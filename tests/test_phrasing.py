"""Promotion-request scripts: every situation, language and format, filled from the journal."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.content.loader import builtin_path
from careercoach.demo import write_demo
from careercoach.errors import ContentError, ValidationError
from careercoach.journal.api import Journal
from careercoach.model import Entry, Profile, make_entry
from careercoach.phrasing import scripts as phrasing
from careercoach.phrasing.scripts import Fact, JournalFacts, draft, gather_facts, suggest_situation
from careercoach.readiness.criteria import load_criteria
from careercoach.readiness.score import Assessment, Band, TimingVerdict, assess

AS_OF = dt.date(2026, 11, 20)
COMBOS = list(itertools.product(phrasing.SITUATIONS, phrasing.LANGUAGES, phrasing.FORMATS))
COMBO_IDS = ["-".join(c) for c in COMBOS]
LEAKS = ("$", "{", "}", "<", ">", "None", "[]")
# A sentence ends politely when its last words are one of these (です・ます and humble forms).
POLITE_ENDINGS = ("です", "ます", "ました", "ません", "でしょうか", "ございます", "いたします")
HUMBLE_FORMS = ("いただ", "おります", "いたし", "存じ", "まいり", "させて")
PAY_WORDS = re.compile(r"salary|\bpay\b|\braise\b|bonus|[¥$€£]|円|給与|給料|年収|昇給")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Entry], Profile]:
    path = tmp_path_factory.mktemp("demo") / "journal.json"
    write_demo(path, AS_OF)
    journal = Journal(path)
    return journal.entries(), journal.profile()


def assert_clean(text: str) -> None:
    """No placeholder or rendering debris can reach the user."""
    assert text.strip() == text and text
    for leak in LEAKS:
        assert leak not in text, f"{leak!r} leaked into: {text}"
    for debris in ("  ", "\n\n\n", " ,", " .", "、、", "。。", "、。"):
        assert debris not in text, f"{debris!r} in: {text}"


def ja_sentences(text: str) -> list[str]:
    return [s for line in text.splitlines() for s in re.findall(r"[^。？]+[。？]?", line)]


def entry(entry_id: str, day: dt.date, kind: str, title: str, **details: Any) -> Entry:
    return make_entry(entry_id=entry_id, date=day, kind=kind, title=title, details=details)


def days_ago(days: int) -> dt.date:
    return AS_OF - dt.timedelta(days=days)


# -- every situation x language x format -------------------------------------------


@pytest.mark.parametrize(("situation", "lang", "fmt"), COMBOS, ids=COMBO_IDS)
def test_demo_journal_script_cites_real_entries(demo, situation: str, lang: str, fmt: str) -> None:
    entries, profile = demo
    by_id = {e.id: e for e in entries}
    script = draft(situation, lang, fmt, gather_facts(entries, profile, AS_OF), profile)
    assert_clean(script.text)
    assert script.cited_ids, "a script for a full journal should back itself with entries"
    for cited in script.cited_ids:
        cited_entry = by_id[cited]
        if cited_entry.subtype == "jlpt":
            assert str(cited_entry.details["level"]) in script.text
        else:
            assert cited_entry.title in script.text


@pytest.mark.parametrize(("situation", "lang", "fmt"), COMBOS, ids=COMBO_IDS)
def test_empty_journal_and_profile_still_get_a_whole_script(
    situation: str, lang: str, fmt: str
) -> None:
    profile = Profile()
    script = draft(situation, lang, fmt, gather_facts([], profile, AS_OF), profile)
    assert_clean(script.text)
    assert script.cited_ids == ()
    # Ambition paired with humility: wanting to contribute more, asking what to develop.
    if lang == "en":
        assert "contribute" in script.text and "skills" in script.text and "?" in script.text
    else:
        assert "貢献" in script.text and "スキル" in script.text and "でしょうか" in script.text


@pytest.mark.parametrize(("situation", "lang", "fmt"), COMBOS, ids=COMBO_IDS)
def test_japanese_is_polite_and_english_never_mentions_pay(
    demo, situation: str, lang: str, fmt: str
) -> None:
    entries, profile = demo
    for facts in (gather_facts(entries, profile, AS_OF), JournalFacts()):
        text = draft(situation, lang, fmt, facts, profile).text
        template_only = draft(situation, lang, fmt, JournalFacts(), profile).text
        assert not PAY_WORDS.search(template_only)
        if lang == "en":
            continue
        assert any(form in text for form in HUMBLE_FORMS)
        for sentence in ja_sentences(text):
            if sentence == f"{profile.manager_name}さん":
                continue  # the addressee line of a message
            assert sentence.endswith(("。", "？")), sentence
            assert sentence[:-1].endswith(POLITE_ENDINGS), sentence


# -- slots: what fills them, and what happens when they are empty -------------------


def test_missing_slot_drops_its_sentence_or_uses_the_fallback() -> None:
    profile = Profile(manager_name="Sato")
    full = JournalFacts(bridge=(Fact("b1", "Explained nemawashi"),))
    with_bridge = draft("career_growth", "en", "message", full, profile).text
    without = draft("career_growth", "en", "message", JournalFacts(), Profile()).text
    assert with_bridge.startswith("Hi Sato,")
    assert "for example “Explained nemawashi”." in with_bridge
    assert without.startswith("Hello,")
    assert "for example" not in without
    assert len(without) < len(with_bridge)


@pytest.mark.parametrize(
    ("manager_name", "expected"),
    [
        ("Sato", "Satoさん、"),
        ("佐藤", "佐藤さん、"),
        ("佐藤さん", "佐藤さん、"),
        ("Sato-san", "Satoさん、"),
        ("田中様", "田中さん、"),
    ],
)
def test_japanese_adds_san_to_the_manager_once(manager_name: str, expected: str) -> None:
    profile = Profile(manager_name=manager_name)
    text = draft("career_growth", "ja", "talk", JournalFacts(), profile).text
    assert text.startswith(expected)
    assert "さんさん" not in text


@pytest.mark.parametrize(
    ("start", "months", "english", "japanese"),
    [
        (dt.date(2023, 10, 1), 37, "three years", "3年"),
        (dt.date(2026, 3, 20), 8, "eight months", "8か月"),
        (dt.date(2025, 11, 20), 12, "one year", "1年"),
        (dt.date(2011, 1, 1), 190, "15 years", "15年"),
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
        entry("ach004", days_ago(4), "achievement", "Launched search", type="major_project"),
        entry("ach005", days_ago(5), "achievement", "Fourth distinct win"),
        entry("old001", days_ago(400), "achievement", "Ancient history"),
        entry("doc001", days_ago(10), "documentation", "Deployment checklist"),
        entry("jp0001", days_ago(30), "japanese", "JLPT N1: failed", type="jlpt", level="N1",
              passed=False),
        entry("jp0002", days_ago(60), "japanese", "JLPT N2: passed", type="jlpt", level="N2",
              passed=True),
    ]  # fmt: skip
    facts = gather_facts(entries, Profile(jlpt_level="N3"), AS_OF)
    assert [f.entry_id for f in facts.achievements] == ["ach001", "ach003", "ach004"]
    assert facts.project == Fact("ach004", "Launched search")
    assert facts.documentation == (Fact("doc001", "Deployment checklist"),)
    assert facts.bridge == ()
    assert (facts.jlpt_level, facts.jlpt_entry_id) == ("N2", "jp0002")


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


def test_jlpt_falls_back_to_the_profile_without_citing_anything() -> None:
    profile = Profile(jlpt_level="N3")
    script = draft("japanese_improved", "en", "talk", gather_facts([], profile, AS_OF), profile)
    assert "I have passed JLPT N3." in script.text
    assert script.cited_ids == ()


def test_only_cited_sentences_cite() -> None:
    facts = JournalFacts(
        achievements=(Fact("ach001", "Shipped billing"),),
        bridge=(Fact("brg001", "Explained nemawashi"),),
    )
    script = draft("japanese_improved", "en", "talk", facts, Profile())
    assert script.cited_ids == ("brg001",)  # this script mentions bridge work, not achievements
    assert "Shipped billing" not in script.text


# -- user text is data ---------------------------------------------------------------

TEMPLATE_LOOKING = [
    "Cut costs by $x with ${role}",
    "Fixed {x} and {0} in the {manager}",
    "Handled %s and %(name)s cases",
    "Wrote [b]bold[/b] and [/] docs",
    r"Used \g<0> and \1 in a regex",
    "$$ saved <b>twice</b>",
]


@pytest.mark.parametrize("title", TEMPLATE_LOOKING)
def test_template_looking_titles_appear_literally(title: str) -> None:
    entries = [
        entry("ach001", days_ago(3), "achievement", title, type="major_project"),
        entry("brg001", days_ago(3), "bridge", title),
        entry("doc001", days_ago(3), "documentation", title),
    ]
    profile = Profile(manager_name=title[:20])
    facts = gather_facts(entries, profile, AS_OF)
    for situation, lang, fmt in COMBOS:
        script = draft(situation, lang, fmt, facts, profile)
        assert script.cited_ids
        assert title in script.text
        assert title[:20].strip() in script.text


@settings(max_examples=60, deadline=None)
@given(
    titles=st.lists(
        st.text(alphabet=st.sampled_from("ab $${}%s[]/<>\\g0日本"), min_size=1, max_size=30)
        .map(str.strip)
        .filter(bool),
        min_size=1,
        max_size=5,
    ),
    situation=st.sampled_from(tuple(phrasing.SITUATIONS)),
    lang=st.sampled_from(phrasing.LANGUAGES),
    fmt=st.sampled_from(phrasing.FORMATS),
)
def test_any_title_is_inserted_verbatim(titles, situation, lang, fmt) -> None:
    facts = JournalFacts(
        project=Fact("p0", titles[0]),
        achievements=tuple(Fact(f"a{i}", t) for i, t in enumerate(titles[:3])),
        bridge=tuple(Fact(f"b{i}", t) for i, t in enumerate(titles[-3:])),
        documentation=tuple(Fact(f"d{i}", t) for i, t in enumerate(titles[1:4])),
    )
    by_id = {f.entry_id: f.title for f in (facts.project, *facts.achievements, *facts.bridge,
                                            *facts.documentation)}  # fmt: skip
    script = draft(situation, lang, fmt, facts, Profile())
    assert script.cited_ids
    for cited in script.cited_ids:
        quoted = f"“{by_id[cited]}”" if lang == "en" else f"「{by_id[cited]}」"
        assert quoted in script.text


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
    if assessment.timing.occasions:
        assert suggested == assessment.timing.occasions[0]


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
    content = phrasing.load_phrasing()
    assert set(content.sections.values()) == {"promotion guide §8"}
    assert all(r.section == "promotion guide §5" for rules in content.soften_rules.values()
               for r in rules)  # fmt: skip


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
P0 = "situations.after_project"
W0 = f"{P0}.en.talk[0]"
S0 = "softener.en[0]"


@pytest.mark.parametrize(
    ("key_path", "value", "where", "problem"),
    [
        ((*T0, 0, "text"), "Hi $boss,", f"{W0}[0].text", "unknown slot $boss"),
        ((*T0, 0, "text"), "It costs $5.", f"{W0}[0].text", "a lone $"),
        ((*T0, 2), "I deserve a raise.", f"{W0}[2]", "mentions pay"),
        ((*T0, 2), "", f"{W0}[2]", "must not be empty"),
        ((*T0, 0, "otherwise"), "Hi $manager", f"{W0}[0].otherwise", "must not use slots"),
        ((*T0, 0, "text"), "Hello.", f"{W0}[0].otherwise", "is never used"),
        ((*T0, 0, "note"), "x", f"{W0}[0].note", "unknown key"),
        (T0[:-1], [["$bridge"]], f"{P0}.en.talk", "every sentence needs a slot"),
        (("situations", "career_growth"), DELETE, "situations", "missing field 'career_growth'"),
        (("situations", "after_project", "extra"), "x", f"{P0}.extra", "unknown key"),
        (("roles", "manager", "ja"), 5, "roles.manager.ja", "expected text"),
        (("softener", "en", 0, "pattern"), "(unclosed", f"{S0}.pattern", "not a valid regular"),
        (("softener", "en", 0, "pattern"), "x*", f"{S0}.pattern", "matches empty text"),
        (("softener", "en", 0, "replacement"), "\\g<nope>", f"{S0}.replacement", "names no group"),
        (("softener", "en", 0, "replacement"), "\\1 again", f"{S0}.replacement", "only \\g<name>"),
        (("softener", "en", 1, "id"), "flat_rejection", "softener.en[1].id", "duplicate rule id"),
        (("softener", "ja", 0, "section"), DELETE, "softener.ja[0]", "missing field 'section'"),
    ],
)  # fmt: skip
def test_bad_content_names_file_key_and_problem(tmp_path, key_path, value, where, problem) -> None:
    path = broken_copy(tmp_path, key_path, value)
    with pytest.raises(ContentError) as raised:
        phrasing.load_phrasing(path)
    message = str(raised.value)
    assert message.startswith(f"{path}: {where}: ")
    assert problem in message
