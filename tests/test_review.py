"""`careercoach review`: the period, the record by criterion, readiness then and now,
and drafts that cite entries only as items, with user text kept literal."""

from __future__ import annotations

import datetime as dt
import json
import re
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from careercoach.cli import cli
from careercoach.errors import ValidationError
from careercoach.journal import Draft, Journal
from careercoach.model import Entry, Profile, make_entry
from careercoach.readiness import assess, load_criteria
from careercoach.review import review_journal
from careercoach.review.content import load_review_content
from careercoach.review.draft import self_evaluation
from careercoach.review.engine import build_review, choose_period

TODAY = dt.date(2026, 11, 20)
LANGS = ("en", "ja")
CRITERIA = load_criteria()


def entry(n: int, day: dt.date, kind: str, title: str, **options) -> Entry:
    tags = options.pop("tags", ())
    starred = options.pop("starred", False)
    return make_entry(
        entry_id=f"e{n:03d}",
        date=day,
        kind=kind,
        title=title,
        tags=tags,
        details=options,
        starred=starred,
    )


def days_ago(days: int) -> dt.date:
    return TODAY - dt.timedelta(days=days)


EVALUATION = entry(1, dt.date(2026, 5, 19), "conversation", "Yearly evaluation", type="evaluation")
LATER_EVALUATION = entry(2, TODAY, "conversation", "Mid-year talk", type="evaluation")


def period(entries: list[Entry], profile: Profile | None = None, **options):
    return choose_period(entries, profile or Profile(), today=TODAY, **options)


@pytest.mark.parametrize(
    ("entries", "profile", "options", "since", "basis"),
    [
        ([], Profile(), {"since": dt.date(2026, 1, 1)}, dt.date(2026, 1, 1), "the dates you chose"),
        (
            [EVALUATION],
            Profile(),
            {},
            dt.date(2026, 5, 20),
            "since the evaluation logged on 2026-05-19",
        ),
        ([EVALUATION], Profile(), {"last_evaluation_start": True}, dt.date(2026, 5, 20), "logged"),
        ([EVALUATION, LATER_EVALUATION], Profile(), {}, dt.date(2026, 5, 20), "logged"),
        ([], Profile(next_evaluation=dt.date(2026, 4, 1)), {}, dt.date(2026, 4, 2), "(profile)"),
        (
            [],
            Profile(next_evaluation=dt.date(2027, 1, 15)),
            {},
            dt.date(2026, 1, 16),
            "the year up to",
        ),
        ([], Profile(), {}, dt.date(2025, 11, 21), "the last twelve months"),
        ([], Profile(), {"until": dt.date(2026, 6, 30)}, dt.date(2025, 7, 1), "twelve months"),
    ],
)
def test_choose_period(entries, profile, options, since, basis) -> None:
    chosen = period(entries, profile, **options)
    assert chosen.since == since
    assert basis in chosen.basis
    assert chosen.until == options.get("until", TODAY)


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        ({"last_evaluation_start": True}, "no evaluation is logged"),
        ({"since": TODAY, "last_evaluation_start": True}, "not both"),
        ({"since": TODAY, "until": days_ago(1)}, "after --until"),
    ],
)
def test_period_problems(options, problem) -> None:
    with pytest.raises(ValidationError, match=problem):
        period([], Profile(), **options)


def journal_with(journal: Journal, drafts: list[Draft]) -> Journal:
    journal.add_many(drafts)
    return journal


PLAN_NOTES = [
    Draft(days_ago(10), "note", "Plan check-in: goals reviewed", details={"type": "plan_meeting"}),
    Draft(days_ago(12), "invisible", "Tidied the shared drive for the plan", tags=("pip",)),
]
WORK = [
    Draft(days_ago(5), "invisible", "Set up the meeting room"),
    Draft(days_ago(40), "invisible", "Old but starred chore", starred=True),
    Draft(
        days_ago(20), "achievement", "Led the payment-gateway launch", details={"type": "milestone"}
    ),
    Draft(days_ago(300), "conversation", "Yearly evaluation", details={"type": "evaluation"}),
]


def test_plan_evidence_stays_out_unless_asked(journal: Journal) -> None:
    journal_with(journal, [*WORK, *PLAN_NOTES])
    result = review_journal(journal, today=TODAY)
    text = result.text() + json.dumps(result.to_dict(), ensure_ascii=False)
    assert "plan" not in " ".join(e.title for g in result.review.groups for e in g.highlights)
    assert "Tidied the shared drive" not in text and "Plan check-in" not in text
    invisible = next(g for g in result.review.groups if g.id == "invisible_work")
    assert invisible.count == 2
    assert result.review.plan_evidence_left_out == 2
    assert "improvement-plan" not in text
    assert result.plan_note().startswith("2 improvement-plan entries are left out")
    without = [e for e in journal.entries() if "plan" not in e.title.lower()]
    assert result.review.end == assess(without, journal.profile(), CRITERIA, TODAY)

    included = review_journal(journal, today=TODAY, include_plan=True)
    invisible = next(g for g in included.review.groups if g.id == "invisible_work")
    assert invisible.count == 3 and included.review.plan_evidence_left_out == 0


def test_starred_entries_are_cited_first(journal: Journal) -> None:
    journal_with(journal, WORK)
    result = review_journal(journal, today=TODAY, langs=("en",))
    invisible = next(g for g in result.review.groups if g.id == "invisible_work")
    assert [e.title for e in invisible.highlights] == [
        "Old but starred chore",
        "Set up the meeting room",
    ]
    draft = result.drafts["en"]
    assert draft.index("Old but starred chore") < draft.index("Set up the meeting room")


def test_readiness_at_the_start_and_end_and_what_moved(journal: Journal) -> None:
    journal_with(journal, WORK)
    result = review_journal(journal, today=TODAY)
    review = result.review
    entries = journal.entries()
    day_before = review.period.since - dt.timedelta(days=1)
    assert review.start == assess(entries, journal.profile(), CRITERIA, day_before)
    assert review.end == assess(entries, journal.profile(), CRITERIA, TODAY)
    moved = {m.id: m.change for m in review.moved}
    ends = {c.id: c.score for c in review.end.criteria}
    starts = {c.id: c.score for c in review.start.criteria}
    assert moved == {k: ends[k] - starts[k] for k in ends if ends[k] != starts[k]}
    assert "What moved it:" in result.text()


def test_an_entry_on_the_first_day_moves_the_score(run, journal: Journal) -> None:
    first = dt.date(2026, 3, 1)
    journal_with(journal, [Draft(first, "achievement", "Big launch")])
    result = review_journal(journal, today=TODAY, since=first, until=first)
    assert result.review.end.overall > result.review.start.overall
    assert "results" in {m.id for m in result.review.moved}
    shown = run("review", "--since", "2026-03-01", "--until", "2026-03-01", "--json").output
    readiness = json.loads(shown)["readiness"]
    assert readiness["start"]["date"] == "2026-02-28"
    assert readiness["end"]["overall"] > readiness["start"]["overall"]


def test_results_are_listed_once(run, journal: Journal) -> None:
    journal_with(journal, WORK)
    text = run("review", "--lang", "en").output
    record = text.split("The record by the guide's criteria")[1].split("Self-evaluation")[0]
    assert record.count("Led the payment-gateway launch") == 1
    assert record.count("Delivered results") == 1
    data = json.loads(run("review", "--json").output)
    ids = [data["results"]["id"], *(g["id"] for g in data["criteria"])]
    assert ids.count("results") == 1


def jlpt(n: int, day: dt.date, level: str) -> Entry:
    return entry(n, day, "japanese", f"JLPT {level}", type="jlpt", level=level, passed=True)


STUDY = [entry(20 + n, days_ago(n + 2), "japanese", "Kanji drill", type="study") for n in range(3)]
AT_WORK = [entry(30 + n, days_ago(n + 2), "japanese", "Email", type="at_work") for n in range(2)]
PASSES = [jlpt(40, days_ago(50), "N3"), jlpt(41, days_ago(20), "N2")]


@pytest.mark.parametrize(
    ("logged", "en", "ja"),
    [
        (
            PASSES,
            "I passed JLPT N2 in this period.",
            "今期は、日本語能力試験（JLPT）N2に合格しました。",
        ),
        (
            STUDY,
            "I studied Japanese steadily (this period: 3).",
            "継続的に学習に取り組みました（今期3回）。",
        ),
        (
            AT_WORK,
            "using Japanese in my work (this period: 2).",
            "日本語を使うよう努めました（今期2回）。",
        ),
        (
            [*STUDY, *AT_WORK, PASSES[1]],
            "(this period: study 3, at work 2). I also passed JLPT N2.",
            "（今期：学習3回、業務での使用2回）。また、日本語能力試験（JLPT）N2に合格しました。",
        ),
        (
            [entry(50, days_ago(9), "japanese", "JLPT N1", type="jlpt", level="N1", passed=False)],
            "I took the JLPT to measure my progress in Japanese (this period: 1).",
            "日本語能力試験（JLPT）を受験しました（今期1回）。",
        ),
    ],
)
def test_the_japanese_sentence_claims_only_what_was_logged(logged, en, ja) -> None:
    review = build_review(logged, Profile(), CRITERIA, period(logged))
    drafts = {lang: self_evaluation(review, load_review_content(), lang, TODAY) for lang in LANGS}
    assert en in drafts["en"] and ja in drafts["ja"]
    types = {e.subtype for e in logged}
    if "at_work" not in types:
        assert "at work" not in drafts["en"] and "業務" not in drafts["ja"].split("【今後")[0]
    if "study" not in types:
        assert "study" not in drafts["en"] and "学習" not in drafts["ja"]


def japanese_sentences(draft: str) -> list[str]:
    """The lines that are our own sentences (not headings, not items)."""
    return [
        line
        for line in draft.splitlines()
        if line and not line.startswith("・") and not line.startswith("【")
    ]


TITLE = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\n\r\x00"),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip())


@settings(max_examples=40, deadline=None)
@given(titles=st.lists(TITLE, min_size=1, max_size=6), starred=st.booleans())
def test_no_title_ever_stands_inside_a_japanese_sentence(titles, starred) -> None:
    kinds = ("invisible", "bridge", "proposal", "documentation", "achievement")
    entries = [
        entry(i, days_ago(i + 1), kinds[i % len(kinds)], t, starred=starred)
        for i, t in enumerate(titles)
    ]
    chosen = choose_period(entries, Profile(), today=TODAY)
    review = build_review(entries, Profile(), CRITERIA, chosen)
    ja = self_evaluation(review, load_review_content(), "ja", dt.date(2027, 7, 4))
    en = self_evaluation(review, load_review_content(), "en", dt.date(2027, 7, 4))
    cited = {e.title.strip() for g in (review.results, *review.groups) for e in g.highlights}
    for line in japanese_sentences(ja):
        assert not re.search(r"[A-Za-z]{2,}", line.replace("JLPT", "")), line
    items = [line[1:] for line in ja.splitlines() if line.startswith("・")]
    assert set(items) <= {e.title for e in entries}
    assert {t for t in cited} <= {i.strip() for i in items}
    for draft in (ja, en):
        for title in titles:
            draft = draft.replace(title, "")
        assert not re.search(r"\$[a-z]+|\{[a-z]+\}", draft)  # no placeholder left


HOSTILE = "[bold]x[/] $count {count} %s \x1b[31mred"


@pytest.fixture
def run(journal_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CAREERCOACH_TODAY", TODAY.isoformat())
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(cli, ["--journal", str(journal_path), *args])

    return invoke


def test_user_text_is_literal_in_the_drafts_and_the_terminal(run, journal: Journal) -> None:
    journal_with(journal, [Draft(days_ago(3), "bridge", HOSTILE)])
    result = review_journal(journal, today=TODAY)
    for draft in result.drafts.values():
        assert HOSTILE in draft  # the engine keeps it as typed
    shown = run("review", "--lang", "both")
    assert shown.exit_code == 0, shown.output
    assert "[bold]x[/] $count {count} %s" in shown.output
    assert "\x1b" not in shown.output


def test_cli_json_and_languages(run, journal: Journal) -> None:
    journal_with(journal, WORK)
    data = json.loads(run("review", "--json", "--lang", "ja").output)
    assert set(data["drafts"]) == {"ja"}
    assert data["period"]["since"] == days_ago(299).isoformat()
    expected = review_journal(journal, today=TODAY).review
    assert data["readiness"]["start"] == {
        "date": days_ago(300).isoformat(),
        "overall": expected.start.overall,
    }
    assert data["readiness"]["end"] == {"date": TODAY.isoformat(), "overall": expected.end.overall}
    assert expected.end.overall > expected.start.overall  # the period's work counts
    assert data["results"]["highlights"][0]["title"] == "Led the payment-gateway launch"
    english = run("review", "--lang", "en").output
    assert "Self-evaluation draft (English)" in english and "自己評価" not in english


def test_the_written_review_never_mentions_a_plan(run, journal: Journal, tmp_path) -> None:
    journal_with(journal, [*WORK, *PLAN_NOTES])
    for args in (["--lang", "both"], ["--json"]):
        out = tmp_path / f"review{len(args)}.txt"
        result = run("review", "-o", str(out), *args)
        assert result.exit_code == 0, result.output
        written = out.read_text(encoding="utf-8").lower()
        assert "improvement-plan" not in written and "--include-plan" not in written
        assert "2 improvement-plan entries are left out" in result.stderr
    shown = run("review")
    assert "2 improvement-plan entries" in shown.stderr
    assert "improvement-plan" not in shown.stdout


def test_json_goes_to_the_output_file(run, journal: Journal, tmp_path) -> None:
    journal_with(journal, WORK)
    out = tmp_path / "review.json"
    result = run("review", "--json", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert "{" not in result.stdout and f"to {out}" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data == json.loads(run("review", "--json").stdout)


@pytest.mark.parametrize("as_json", [False, True])
def test_a_dash_means_standard_output(run, journal, tmp_path, monkeypatch, as_json) -> None:
    journal_with(journal, WORK)
    monkeypatch.chdir(tmp_path)
    args = ["--json"] if as_json else []
    result = run("review", "-o", "-", *args)
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "-").exists()
    assert result.stdout == run("review", *args).stdout
    assert "wrote" not in result.stdout


def test_cli_output_file_is_private_and_not_replaced(run, journal, tmp_path) -> None:
    journal_with(journal, WORK)
    out = tmp_path / "review.txt"
    assert run("review", "-o", str(out)).exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "RESULTS" in out.read_text(encoding="utf-8")
    out.write_text("mine")
    again = run("review", "-o", str(out))
    assert again.exit_code == 2 and out.read_text() == "mine"
    assert run("review", "-o", str(out), "--force").exit_code == 0


def test_cli_until_ends_the_period(run, journal: Journal) -> None:
    journal_with(journal, WORK)
    until = days_ago(10)
    data = json.loads(run("review", "--until", until.isoformat(), "--json").output)
    assert data["period"]["until"] == until.isoformat()
    assert data["period"]["since"] == days_ago(299).isoformat()  # after the evaluation
    assert data["readiness"]["end"]["date"] == until.isoformat()
    invisible = next(g for g in data["criteria"] if g["id"] == "invisible_work")
    assert [e["title"] for e in invisible["highlights"]] == ["Old but starred chore"]
    assert data["entries"] == 2  # the chore and the launch; the newer room set-up is after it


def test_cli_since_last_evaluation_falls_back_to_the_profile(run, journal: Journal) -> None:
    journal_with(journal, WORK[:3])  # no evaluation logged
    journal.change_profile(lambda p: Profile(next_evaluation=dt.date(2026, 4, 1)))
    data = json.loads(run("review", "--since-last-evaluation", "--json").output)
    assert data["period"]["since"] == "2026-04-02"
    assert "(profile)" in data["period"]["basis"]


@pytest.mark.parametrize(
    "args",
    [
        ["--since", "2026-13-01"],
        ["--since", "2026-01-01", "--since-last-evaluation"],
        ["--since", "2026-12-01", "--until", "2026-11-01"],
        ["--since-last-evaluation"],
        ["--lang", "fr"],
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(run, args: list[str]) -> None:
    result = run("review", *args)
    assert result.exit_code == 2
    assert result.output.count("\n") == 1 and "Traceback" not in result.output


def test_a_running_plan_asks_the_clarifying_questions_instead(run, journal: Journal) -> None:
    journal_with(journal, WORK)
    assert run("plan", "start", "--start", "2026-11-01", "--end", "2027-01-31").exit_code == 0
    result = review_journal(journal, today=TODAY)
    assert result.review.plan_running
    assert "what support I can count on" in result.drafts["en"]
    assert "promotion" not in result.drafts["en"]
    assert "昇進" not in result.drafts["ja"]
    later = review_journal(journal, today=dt.date(2027, 3, 1))
    assert not later.review.plan_running
