"""The softener: direct phrasing rewritten in the options-first style (promotion guide §5)."""

from __future__ import annotations

import time

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careercoach.content.loader import Checker
from careercoach.errors import ContentError, ValidationError
from careercoach.phrasing.scripts import load_phrasing, soften
from careercoach.phrasing.softener import MAX_SOFTEN_CHARS, apply_rules, parse_rules

# What the flat-rejection rule says instead of "X doesn't work".
OTHER_WAY = "might not suit us here, so perhaps we could look at another approach that fits the"
OTHER_WAY += " situation better"
IF_AGREED = "if everyone agrees, could we perhaps look into whether to"
ANOTHER_VIEW = "I wonder if there might be another way to look at"
SEE, DIFFERENTLY = "may see", "a little differently"
RISKS = "may carry some risks worth talking through"


@pytest.mark.parametrize(
    ("before", "after", "rules"),
    [
        # The guide's own two examples.
        ("This method doesn't work.", f"This method {OTHER_WAY}.", ("flat_rejection",)),
        ("Why don't we change this?", f"{IF_AGREED.capitalize()} change this?", ("why_dont_we",)),
        # The rest of the rules, mid-sentence and at the start of one.
        ("The tool really doesn’t work!", f"The tool {OTHER_WAY}!", ("flat_rejection",)),
        ("Thanks.\nThis doesn't work.", f"Thanks.\nThis {OTHER_WAY}.", ("flat_rejection",)),
        ("I think it doesn’t really work", f"I think it {OTHER_WAY}", ("flat_rejection",)),
        ("So why don't we ask the vendor?", f"So {IF_AGREED} ask the vendor?", ("why_dont_we",)),
        ("You're wrong about it, sorry.", f"I {SEE} it {DIFFERENTLY}, sorry.", ("wrong_about",)),
        ("I think you are wrong.", f"I think I {SEE} this {DIFFERENTLY}.", ("you_are_wrong",)),
        ("I disagree with the schedule.", f"{ANOTHER_VIEW} the schedule.", ("disagree_with",)),
        ("I strongly disagree with you.", f"{ANOTHER_VIEW} this with you.", ("disagree",)),
        ("That's a bad idea!", f"That {RISKS}!", ("bad_idea",)),
        ("I think this is pointless.", f"I think this {RISKS}.", ("bad_idea",)),
        ("You must update the docs.", "It might help to update the docs.", ("you_must",)),
        ("We need to fix this first.", "Perhaps we could fix this first.", ("we_must",)),
        ("Obviously, we should ship it.", "Perhaps we could ship it.", ("we_must", "obviously")),
        ("Clearly, frankly it is fine.", "It is fine.", ("obviously",)),
    ],
)  # fmt: skip
def test_english_rules_rewrite_as_written(before: str, after: str, rules: tuple) -> None:
    result = soften(before)
    assert result.text == after
    assert result.rules == rules


JA_OTHER = "状況に合う別の方法があるかもしれません"
JA_IF_AGREED = "皆さんがよろしければ、"
JA_HOW_ABOUT = "してみるのはいかがでしょうか"


@pytest.mark.parametrize(
    ("before", "after", "rules"),
    [
        ("この方法はうまくいきません。", f"この方法よりも、{JA_OTHER}。", ("ja_flat_rejection",)),
        ("なぜ変更しないのですか？", f"{JA_IF_AGREED}変更{JA_HOW_ABOUT}？", ("ja_why_not",)),
        ("それは間違っています。", "別の見方もあるかもしれません。", ("ja_wrong",)),
        ("この案はダメです。", "この案は少し難しいかもしれません。", ("ja_no_good",)),
        ("資料を確認してください。", "資料を確認していただけますでしょうか。", ("ja_request",)),
    ],
)  # fmt: skip
def test_japanese_rules_rewrite_as_written(before: str, after: str, rules: tuple) -> None:
    result = soften(before, "ja")
    assert result.text == after
    assert result.rules == rules


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Perhaps we could consider another approach.", "en"),
        ("If everyone agrees, maybe we could explore an alternative.", "en"),
        ("Thank you for the review; I learned a lot.", "en"),
        ("Could we look at the numbers together?", "en"),
        ("The network works again.", "en"),
        ("", "en"),
        ("この件について、ご意見をいただけますでしょうか。", "ja"),
        ("別の方法もあるかもしれません。", "ja"),
    ],
)
def test_already_soft_text_is_left_alone(text: str, lang: str) -> None:
    assert soften(text, lang).text == text
    assert soften(text, lang).rules == ()


@pytest.mark.parametrize(
    "before",
    [
        "This method doesn't work.",
        "Why don't we change this?",
        "Obviously, you must fix it.",
        "なぜ変更しないのですか？",
    ],
)
def test_softened_text_is_already_soft(before: str) -> None:
    once = soften(before, "ja" if before.startswith("な") else "en")
    again = soften(once.text, "ja" if before.startswith("な") else "en")
    assert once.rules
    assert again.rules == () and again.text == once.text


def test_user_text_inside_a_match_is_inserted_literally() -> None:
    before = r"Why don't we use $x, {y}, %s, [b] and \g<0> here?"
    result = soften(before)
    assert result.text.startswith("If everyone agrees, could we perhaps look into whether to use ")
    assert result.text.endswith(r"use $x, {y}, %s, [b] and \g<0> here?")


WORDS = [
    "this", "This", "method", "doesn't", "work", "why", "Why", "don't", "we", "We", "you",
    "You're", "are", "wrong", "about", "I", "disagree", "with", "that's", "a", "bad", "idea",
    "must", "should", "need", "to", "obviously,", "Clearly", "it", "is", "change", ".", "?",
    "!", ",", "\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
@example("I obviously, disagree")
def test_softening_twice_changes_nothing_more(text: str) -> None:
    """Found by hypothesis: "I obviously, disagree" used to need two passes."""
    once = soften(text)
    again = soften(once.text)
    assert again.text == once.text
    assert again.rules == ()
    assert (once.text == text) == (once.rules == ())


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("this " * (MAX_SOFTEN_CHARS // 5), "en"),
        ("why don't we " * (MAX_SOFTEN_CHARS // 13), "en"),
        ("I disagree with " * (MAX_SOFTEN_CHARS // 16), "en"),
        ("この方法" * (MAX_SOFTEN_CHARS // 4), "ja"),
        ("なぜ" * (MAX_SOFTEN_CHARS // 2), "ja"),
    ],
)
def test_long_adversarial_input_stays_fast(text: str, lang: str) -> None:
    started = time.perf_counter()
    soften(text, lang)
    assert time.perf_counter() - started < 1.0


def test_oversized_text_is_refused_in_one_line() -> None:
    with pytest.raises(ValidationError, match="at most 20000"):
        soften("a" * (MAX_SOFTEN_CHARS + 1))


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValidationError, match="unknown language 'fr'"):
        soften("C'est nul.", "fr")


def test_every_rule_cites_a_section_and_explains_itself() -> None:
    content = load_phrasing()
    for lang, rules in content.soften_rules.items():
        for rule in rules:
            assert rule.section.startswith("promotion guide §")
            assert rule.why and content.rule(lang, rule.id) is rule


def test_rules_can_be_defined_elsewhere() -> None:
    check = Checker("extra.yaml")
    rules = parse_rules(
        check,
        [
            {
                "id": "never",
                "section": "promotion guide §5",
                "why": "Absolutes close a discussion.",
                "pattern": r"\bnever\b (?P<verb>\w+)",
                "replacement": r"rarely \g<verb>",
            }
        ],
        "softener.en",
    )
    assert apply_rules("Never works. It never ends.", rules).text == "Rarely works. It rarely ends."


@pytest.mark.parametrize(
    ("field", "value", "problem"),
    [
        ("pattern", "(?P<verb>", "pattern: not a valid regular expression"),
        ("pattern", "a|", "pattern: matches empty text"),
        ("replacement", r"\g<noun>", r"replacement: \g<noun> names no group"),
        ("id", "", "id: must not be empty"),
    ],
)  # fmt: skip
def test_bad_rules_name_the_file_and_key(field: str, value: str, problem: str) -> None:
    rule = {
        "id": "never",
        "section": "promotion guide §5",
        "why": "Absolutes close a discussion.",
        "pattern": r"\bnever\b (?P<verb>\w+)",
        "replacement": r"rarely \g<verb>",
        field: value,
    }
    with pytest.raises(ContentError) as raised:
        parse_rules(Checker("extra.yaml"), [rule], "softener.en")
    assert str(raised.value).startswith(f"extra.yaml: softener.en[0].{problem}")
