"""content/improvement_plan.yaml: complete, cited, in our own words, and strictly checked."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from careercoach.content import loader as content
from careercoach.errors import ContentError, ValidationError
from careercoach.plan.content import (
    KEY_DATE_IDS,
    VERDICT_IDS,
    WARNING_IDS,
    load_plan_content,
)

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
BUILTIN = content.builtin_path("improvement_plan.yaml")


def builtin_data() -> dict:
    return yaml.safe_load(BUILTIN.read_text(encoding="utf-8"))


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "improvement_plan.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_builtin_content_has_everything_the_navigator_shows() -> None:
    plan = load_plan_content()
    assert "not legal advice" in plan.notice
    assert {s.yes_means for s in plan.signs} == {"fixable", "exit_risk"}
    assert [d.id for d in plan.documents] == [
        "contract",
        "company_rules",
        "emails_instructions",
        "timesheets",
        "reviews_plan_docs",
        "other_role_docs",
    ]
    assert len(plan.business_dismissal.requirements) == 4
    assert plan.business_dismissal.sign == "restructuring"
    assert "整理解雇" in plan.business_dismissal.title
    assert "business reasons" in plan.sign("restructuring").note
    assert [o.id for o in plan.exit_options] == ["salary_continuation", "lump_sum"]
    assert all(o.visa and o.pros and o.cons for o in plan.exit_options)
    assert {"never_sign_at_once", "take_time", "confirm_money", "check_clauses"} <= {
        r.id for r in plan.negotiation_rules
    }
    assert {"labour_attorney", "hoterasu"} <= {h.id for h in plan.help}
    assert set(plan.verdicts) == set(VERDICT_IDS)
    assert set(plan.warnings) == set(WARNING_IDS)
    assert set(plan.key_dates) == set(KEY_DATE_IDS)
    assert plan.timing.review_days >= 1
    assert plan.timing.immigration_notice_days == 14
    assert plan.timing.insurance_days == 14
    assert plan.timing.status_review_months == 3


def test_every_rule_cites_a_section_of_a_source() -> None:
    plan = load_plan_content()
    cited = [
        *plan.signs,
        *plan.documents,
        *plan.dismissal_law,
        plan.business_dismissal,
        *plan.business_dismissal.requirements,
        *plan.after_leaving,
        *plan.exit_options,
        *plan.negotiation_rules,
        *plan.help,
        *plan.verdicts.values(),
        *plan.warnings.values(),
        *plan.key_dates.values(),
    ]
    for item in cited:
        assert re.search(
            r"^PIP (guide §\d|news report)|\bAct\b|Japan employment facts \(", item.section
        ), item


def _law_text() -> str:
    """Everything the content says about law and help, as one text."""
    plan = load_plan_content()
    parts = [
        *(f"{i.title} {i.text} {i.section}" for i in (*plan.dismissal_law, *plan.after_leaving)),
        *(f"{h.name} {h.what} {h.section}" for h in plan.help),
        *(f"{w.title} {w.text}" for w in plan.warnings.values()),
        *(f"{o.visa} {o.section}" for o in plan.exit_options),
        *plan.negotiable,
    ]
    return " ".join(parts)


@pytest.mark.parametrize(
    "phrase",
    [
        "Labor Contract Act Art. 16",
        "it is void",
        "guidance, training and a real chance to improve",
        "transfer was considered",
        "Immigration Control Act Art. 19-16",
        "legal duty, not an option",
        "Immigration Control Act Art. 22-4",
        "may be revoked",
        "job is usually accepted as such a reason, so keep a record",
        "ruling it mentions was about a separate accusation",
        "had only been announced",
        "(退職勧奨) is a request, not a dismissal: you may say no",
        "can itself be unlawful",
        "総合労働相談コーナー",
        "free and confidential",
        "support in foreign languages",
        "あっせん",
        "Free legal consultation for people under its income limit",
        "multilingual information line",
        "離職票",
        "National Health Insurance and switch to the National Pension",
        "within 14 days of leaving",
        "退職所得の受給に関する申告書",
        "A demotion or pay cut can be challenged too",
        "gives up the protection the law gives against dismissal",
        "what counts is the reason written on your separation notice (離職票)",
        "check that it says the company started the departure (退職勧奨)",
        "do not sign a paper that calls it voluntary (自己都合) if it was not",
        "amounts vary widely",
        "an employee-side lawyer can say what is usual",
    ],
)
def test_the_law_is_stated_as_the_statutes_say(phrase: str) -> None:
    assert phrase in _law_text()


@pytest.mark.parametrize(
    "wrong",
    [
        "decided the dispute",
        "three-month window",
        "window to find new qualifying work",
        "treated as an abuse",
        "One to three months of base salary as severance",
        "makes the departure voluntary, which changes your unemployment benefits",
        "only if all four of these hold",
    ],
)
def test_the_old_mistakes_are_gone(wrong: str) -> None:
    assert wrong not in " ".join(BUILTIN.read_text(encoding="utf-8").split())


def test_the_four_requirements_sit_under_restructuring_as_business_dismissal() -> None:
    plan = load_plan_content()
    assert plan.business_dismissal.title == "Dismissal for business reasons (整理解雇)"
    assert "not one person's performance" in plan.business_dismissal.summary
    assert plan.sign(plan.business_dismissal.sign).id == "restructuring"
    assert "four elements together" in plan.business_dismissal.summary


def test_a_resignation_request_is_not_said_to_make_the_exit_voluntary_for_benefits() -> None:
    """Both texts on benefits agree with the reference: the 離職票 reason decides them."""
    plan = load_plan_content()
    request = next(i for i in plan.dismissal_law if i.id == "resignation_request")
    notice = next(i for i in plan.after_leaving if i.id == "separation_notice")
    assert "including one after a recommended resignation" in notice.text
    assert "voluntary" not in request.text.replace("voluntary (自己都合) if it was not", "")


def test_declining_a_resignation_request_cites_the_reference_not_the_dismissal_article() -> None:
    plan = load_plan_content()
    request = next(i for i in plan.dismissal_law if i.id == "resignation_request")
    for section in (request.section, plan.key_dates["decide_review"].section):
        assert "Japan employment facts (Recommended resignation)" in section
        assert "Art. 16" not in section


def test_the_foreign_worker_line_is_cited_to_the_reference_not_a_statute() -> None:
    line = next(h for h in load_plan_content().help if h.id == "foreign_worker_line")
    assert line.section == "Japan employment facts (Where to get help)"


def _immigration_texts() -> dict[str, tuple[str, str]]:
    """Every immigration duty the content states: where -> (text, section)."""
    plan = load_plan_content()
    after = {i.id: i for i in plan.after_leaving}
    helper = next(h for h in plan.help if h.id == "immigration")
    return {
        "after_leaving.immigration_notice": (
            after["immigration_notice"].text,
            after["immigration_notice"].section,
        ),
        "after_leaving.status_revocation": (
            after["status_revocation"].text,
            after["status_revocation"].section,
        ),
        "key_dates.immigration_notice": (
            plan.key_dates["immigration_notice"].text,
            plan.key_dates["immigration_notice"].section,
        ),
        "key_dates.status_review": (
            plan.key_dates["status_review"].text,
            plan.key_dates["status_review"].section,
        ),
        "help.immigration": (helper.what, helper.section),
    }


@pytest.mark.parametrize("where", list(_immigration_texts()))
def test_immigration_duties_are_scoped_to_statuses_tied_to_the_job(where: str) -> None:
    text, section = _immigration_texts()[where]
    assert text.startswith("If your status of residence is tied to your job, e.g. Engineer/")
    assert "Permanent residents and spouse visas differ." in text
    assert re.search(r"Immigration Control Act Art\. (19-16|22-4)", section)


def _seven_word_runs(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i : i + 7]) for i in range(len(words) - 6)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="source articles not available")
def test_content_is_in_our_own_words() -> None:
    seeds = " ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*pip*.txt"))
    ours = "\n".join(
        line for line in BUILTIN.read_text(encoding="utf-8").splitlines() if "#" not in line
    )
    copied = _seven_word_runs(ours) & _seven_word_runs(seeds)
    assert not copied, [" ".join(run) for run in sorted(copied)]


def test_unknown_sign_lookup_names_the_real_ones() -> None:
    with pytest.raises(ValidationError, match="unknown sign 'nope'.*goals_clear"):
        load_plan_content().sign("nope")


def _break(data: dict, change: str) -> None:
    """Apply one named mistake to a copy of the built-in content."""
    if change == "unknown_top_key":
        data["extra"] = 1
    elif change == "missing_notice":
        del data["notice"]
    elif change == "sign_bad_direction":
        data["signs"][0]["yes_means"] = "maybe"
    elif change == "sign_bad_fact":
        data["signs"][0]["inferred_from"] = "mood"
    elif change == "sign_bad_ruled_out":
        data["signs"][0]["ruled_out_by"] = "mood"
    elif change == "sign_unknown_key":
        data["signs"][0]["colour"] = "red"
    elif change == "sign_duplicate_id":
        data["signs"][1]["id"] = data["signs"][0]["id"]
    elif change == "sign_bad_id":
        data["signs"][0]["id"] = "Goals Clear"
    elif change == "question_not_text":
        data["signs"][0]["question"] = 5
    elif change == "three_requirements":
        data["business_dismissal"]["requirements"].pop()
    elif change == "business_dismissal_unknown_sign":
        data["business_dismissal"]["sign"] = "layoffs"
    elif change == "missing_warning":
        del data["warnings"]["vague_goals"]
    elif change == "timing_not_number":
        data["timing"]["review_days"] = "two"
    elif change == "pros_empty":
        data["exit_options"][0]["pros"] = []
    elif change == "only_fixable_signs":
        data["signs"] = [s for s in data["signs"] if s["yes_means"] == "fixable"]


@pytest.mark.parametrize(
    ("change", "where", "problem"),
    [
        ("unknown_top_key", "top level.extra", "unknown key"),
        ("missing_notice", "top level", "missing field 'notice'"),
        ("sign_bad_direction", "signs[0].yes_means", "not one of fixable, exit_risk"),
        ("sign_bad_fact", "signs[0].inferred_from", "'mood' is not one of"),
        ("sign_bad_ruled_out", "signs[0].ruled_out_by", "'mood' is not one of"),
        ("sign_unknown_key", "signs[0].colour", "unknown key"),
        ("sign_duplicate_id", "signs[1].id", "duplicate id"),
        ("sign_bad_id", "signs[0].id", "is not an id"),
        ("question_not_text", "signs[0].question", "expected text"),
        ("three_requirements", "business_dismissal.requirements", "expected 4 requirements"),
        ("business_dismissal_unknown_sign", "business_dismissal.sign", "'layoffs' is not one of"),
        ("missing_warning", "warnings", "missing field 'vague_goals'"),
        ("timing_not_number", "timing.review_days", "expected a whole number"),
        ("pros_empty", "exit_options[0].pros", "must not be empty"),
        ("only_fixable_signs", "signs", "yes_means is exit_risk"),
    ],
)
def test_broken_content_gives_one_message_naming_file_path_and_problem(
    tmp_path: Path, change: str, where: str, problem: str
) -> None:
    data = builtin_data()
    _break(data, change)
    path = write(tmp_path, data)
    with pytest.raises(ContentError) as caught:
        load_plan_content(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    assert where in message
    assert problem in message
    assert "\n" not in message


def test_yaml_aliases_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "improvement_plan.yaml"
    path.write_text("notice: &n hello\nother: *n\n", encoding="utf-8")
    with pytest.raises(ContentError, match="aliases"):
        load_plan_content(path)


def test_a_valid_copy_loads_the_same_as_the_builtin(tmp_path: Path) -> None:
    assert load_plan_content(write(tmp_path, builtin_data())) == load_plan_content()
