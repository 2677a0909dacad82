"""The softener: direct phrasing rewritten in the options-first style (promotion guide §5).

The table holds what each sentence becomes, or the property it must keep: a question,
a conditional and a plain statement of fact come back unchanged, and a negation stays
a negation. The issue that reshaped the rules listed its failures; each is a row here.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from careercoach.content.loader import Checker
from careercoach.errors import ContentError, ValidationError
from careercoach.phrasing import load_phrasing, soften
from careercoach.phrasing.softener import (
    MAX_SOFTEN_CHARS,
    apply_rules,
    parse_rules,
    split_sentences,
)

CONTRIBUTE = (
    "I would like to contribute at a higher level. "
    "Which skills should I develop to move toward a promotion?"
)
JA_CONTRIBUTE = (
    "より大きな役割で貢献したいと考えております。"
    "昇進に向けて伸ばすべきスキルについて、ご助言いただけますでしょうか。"
)
OTHER_APPROACH = "an approach other than {} that may fit the situation better"
RISKS = "may carry some risks worth talking through"
UNCHANGED = None  # the sentence must come back exactly as typed


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # The core case: a promotion demand becomes the guide's framing (§8).
        ("I deserve a promotion.", CONTRIBUTE),
        ("I want a promotion.", CONTRIBUTE),
        ("I want a promotion now!", CONTRIBUTE),
        ("Honestly, I deserve a promotion.", CONTRIBUTE),
        ("I should be promoted.", CONTRIBUTE),
        ("I think I deserve a promotion.", CONTRIBUTE),
        ("Promote me.", CONTRIBUTE),
        ("Give me a promotion this year.", CONTRIBUTE),
        (
            "I need a promotion because I led the launch.",
            f"Since I led the launch, {CONTRIBUTE}",
        ),
        # Flat judgements.
        ("This is wrong.", "I may see this a little differently."),
        ("That's wrong!", "I may see that a little differently!"),
        # A named thing keeps the correction ("the date is incorrect"), only softer:
        # "I may see the date a little differently" would turn a fact into an opinion.
        ("The schedule is wrong.", "I wonder if the schedule might not be quite right."),
        ("The date is wrong.", "I wonder if the date might not be quite right."),
        ("Your plan is bad.", f"The plan {RISKS}."),
        ("That is a terrible idea.", f"That {RISKS}."),
        ("I think this is pointless.", f"I think this {RISKS}."),
        ("This makes no sense.", "I may be missing something about this."),
        ("You're wrong.", "I may see this a little differently."),
        ("You are wrong about the budget.", "I may see the budget a little differently."),
        ("I disagree.", "I wonder if there might be another way to look at this."),
        (
            "I disagree with the schedule.",
            "I wonder if there might be another way to look at the schedule.",
        ),
        ("I strongly disagree with you.", "I may see things a little differently."),
        # Proposals rejected only at the end of a clause about a proposal.
        (
            "This method doesn't work.",
            f"Perhaps we could consider {OTHER_APPROACH.format('this method')}.",
        ),
        (
            "Your plan won't work.",
            f"Perhaps we could consider {OTHER_APPROACH.format('your plan')}.",
        ),
        (
            "I think the new approach doesn't really work.",
            f"I think perhaps we could consider {OTHER_APPROACH.format('the new approach')}.",
        ),
        ("It doesn't work on my machine.", UNCHANGED),
        ("The printer doesn't work.", UNCHANGED),
        ("The plan doesn't work for the Osaka team", UNCHANGED),
        # Commands become requests.
        ("Send me the report.", "Could you send me the report, please?"),
        ("Please review this by Friday.", "Could you review this by Friday, please?"),
        ("Let me know by Monday!", "Could you let me know by Monday, please?"),
        ("Don't merge the branch yet.", "Could you please not merge the branch yet?"),
        ("You must update the docs.", "It might help to update the docs."),
        ("You should not deploy on Fridays.", "It may be better not to deploy on Fridays."),
        ("We must change the deadline.", "Perhaps we could change the deadline."),
        ("We need to fix this first.", "Perhaps we could fix this first."),
        # Negations after modals stay negations.
        ("We should not ship this.", "It may be better for us not to ship this."),
        ("We shouldn't rush the release.", "It may be better for us not to rush the release."),
        ("Obviously, we should ship it.", "Perhaps we could ship it."),
        ("Clearly, frankly it is fine.", "It is fine."),
        # Every sentence of a longer text is handled.
        (
            "We must change the deadline. Your plan is bad.",
            f"Perhaps we could change the deadline. The plan {RISKS}.",
        ),
        (
            "Thanks.\nThis method doesn't work.",
            f"Thanks.\nPerhaps we could consider {OTHER_APPROACH.format('this method')}.",
        ),
        # Questions and conditionals are left alone; "why don't we" is the one question rule.
        ("Why don't we change this?", "If everyone agrees, maybe we could change this?"),
        (
            "So why don't we ask the vendor?",
            "So if everyone agrees, maybe we could ask the vendor?",
        ),
        ("If you are wrong, tell me.", UNCHANGED),
        ("When you are wrong, admit it.", UNCHANGED),
        ("Whenever we must, we ship late.", UNCHANGED),
        ("Why don't we ever finish on time?", UNCHANGED),
        ("Why don't we never stop?", UNCHANGED),
        # A sentence that opens with a noun is not a command; a well-wish is not a request.
        ("Change is hard.", UNCHANGED),
        ("Email is the best channel.", UNCHANGED),
        ("Review comments are due Friday.", UNCHANGED),
        ("Book club is tomorrow.", UNCHANGED),
        ("Check-in is at 3pm.", UNCHANGED),
        ("Get well soon!", UNCHANGED),
        ("Change the deadline.", "Could you change the deadline, please?"),
        ("Send it when you can.", "Could you send it when you can, please?"),
        # Reassurance is not a request.
        ("Don't worry.", UNCHANGED),
        ("Don't worry, I'll handle it.", UNCHANGED),
        ("Don't hesitate to ask.", UNCHANGED),
        ("Don't mind me.", UNCHANGED),
        # "You're wrong" only as the whole sentence: inside another one it is reported
        # speech, the speaker's own view or a different sense of "wrong".
        ("They said you are wrong.", UNCHANGED),
        ("I know you are wrong.", UNCHANGED),
        ("You're wrong to worry.", UNCHANGED),
        ("They said you are wrong about the budget.", UNCHANGED),
        # must/should of likelihood or hindsight are not instructions.
        ("You must be tired.", UNCHANGED),
        ("You must have seen it.", UNCHANGED),
        ("You should have told me.", UNCHANGED),
        ("We shouldn't have shipped this.", UNCHANGED),
        ("You should be careful with prod.", "It might help to be careful with prod."),
        ("You must have a backup.", "It might help to have a backup."),
        # "bad" only as the verdict that ends a clause about a proposal.
        ("It's bad that you were sick.", UNCHANGED),
        ("It's useless to argue.", UNCHANGED),
        ("That's a bad idea, I think.", f"That {RISKS}, I think."),
        # Abbreviations do not end a sentence.
        (
            "Send the report to Dr. Sato. This is wrong.",
            "Could you send the report to Dr. Sato, please? I may see this a little differently.",
        ),
        ("Please send it by 5 p.m. today.", "Could you send it by 5 p.m. today, please?"),
        (
            "Fix the tests, e.g. the login ones.",
            "Could you fix the tests, e.g. the login ones, please?",
        ),
        ("Ask Mr. Tanaka.", UNCHANGED),
        ("Should we ship this?", UNCHANGED),
        ("Do you think this is wrong?", UNCHANGED),
        ("Unless we must, let's not change the deadline.", UNCHANGED),
        ("Thank you for the review.", UNCHANGED),
        # Japanese.
        ("昇進させてください。", JA_CONTRIBUTE),
        ("私は昇進に値します。", JA_CONTRIBUTE),
        ("早く昇進したいです！", JA_CONTRIBUTE),
        ("N2に合格したので、昇進させてください。", f"N2に合格したので、{JA_CONTRIBUTE}"),
        ("締め切りを変えてください", "締め切りを変えていただけますでしょうか"),
        ("資料を送ってください。", "資料を送っていただけますでしょうか。"),
        ("ここで待たないでください。", "ここで待たないでいただけますでしょうか。"),
        ("ご確認してください。", "ご確認いただけますでしょうか。"),
        ("ご確認ください。", UNCHANGED),
        ("締め切りを変えるべきです。", "締め切りを変えるほうがよいかもしれません。"),
        ("仕様を変更すべきです。", "仕様を変更するほうがよいかもしれません。"),
        (
            "今週は出荷するべきではありません。",
            "今週は出荷するのは避けたほうがよいかもしれません。",
        ),
        ("テストを追加しなければなりません。", "テストを追加したほうがよいかもしれません。"),
        ("あなたは間違っています。", "私は少し違う見方をしているかもしれません。"),
        ("それは間違っています。", "その点については、別の見方もあるかもしれません。"),
        (
            "この見積もりは間違っています。",
            "この見積もりについては、別の見方もあるかもしれません。",
        ),
        ("これはおかしいです。", "この点について、少し気になるところがございます。"),
        (
            "この方法はうまくいきません。",
            "この方法よりも、状況に合う別の方法があるかもしれません。",
        ),
        ("その案はダメです。", "その案よりも、状況に合う別の方法があるかもしれません。"),
        ("来週は私は使えません。", UNCHANGED),
        ("このツールは使えません。", UNCHANGED),
        (
            "なぜテストを自動化しないのですか？",
            "皆さんがよろしければ、テストを自動化してみるのはいかがでしょうか？",
        ),
        ("もし間違っていたら、教えてください。", UNCHANGED),
        # Kind wishes are not requests: 〜いただけますでしょうか would make them demands.
        ("気にしないでください。", UNCHANGED),
        ("心配しないでください。", UNCHANGED),
        ("遠慮しないでください。", UNCHANGED),
        ("無理しないでください。", UNCHANGED),
        ("お大事にしてください。", UNCHANGED),
        ("ゆっくり休んでください。", UNCHANGED),
        ("頑張ってください。", UNCHANGED),
        # A person is never made the holder of "another view"; my own mistake stays mine.
        ("田中さんは間違っています。", "田中さんとは、私は少し違う見方をしているかもしれません。"),
        ("部長は間違っています。", "部長とは、私は少し違う見方をしているかもしれません。"),
        ("彼は間違っています。", "彼とは、私は少し違う見方をしているかもしれません。"),
        ("彼女は間違っています。", "彼女とは、私は少し違う見方をしているかもしれません。"),
        ("私は間違っています。", UNCHANGED),
        (
            "このやり方は間違っています。",
            "このやり方については、別の見方もあるかもしれません。",
        ),
        ("締め切りを変えるべきですか？", UNCHANGED),
        (
            "締め切りを変えるべきです。あなたは間違っています。",
            "締め切りを変えるほうがよいかもしれません。私は少し違う見方をしているかもしれません。",
        ),
    ],
)
def test_softener_table(before: str, after: str | None) -> None:
    lang = "ja" if re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", before) else "en"
    result = soften(before, lang)
    assert result.text == (before if after is UNCHANGED else after)
    assert bool(result.rules) == (after is not UNCHANGED)
    assert soften(result.text, lang).text == result.text, "softening twice changes nothing"


@pytest.mark.parametrize(
    ("before", "kept"),
    [
        ("We should not ship this.", "not"),
        ("You mustn't deploy today.", "not"),
        ("Don't merge the branch yet.", "not"),
        ("今週は出荷するべきではありません。", "避けた"),
        ("ここで待たないでください。", "ない"),
    ],
)  # fmt: skip
def test_negations_stay_negations(before: str, kept: str) -> None:
    lang = "ja" if not before.isascii() else "en"
    result = soften(before, lang)
    assert result.rules and kept in result.text


def test_users_see_titles_never_ids() -> None:
    content = load_phrasing()
    for lang in ("en", "ja"):
        titles = [rule.title for rule in content.soften_rules[lang]]
        assert len(set(titles)) >= len(titles) - 3
        for rule in content.soften_rules[lang]:
            assert rule.title != rule.id and "_" not in rule.title


@pytest.mark.parametrize("empty", ["", "   ", "\n\t"])
def test_empty_text_is_refused(empty: str) -> None:
    with pytest.raises(ValidationError, match="nothing to soften"):
        soften(empty)


def test_sentences_are_split_after_their_end() -> None:
    assert split_sentences("One. Two!  Three?\nFour") == ["One. ", "Two!  ", "Three?\n", "Four"]
    assert split_sentences("一つ。二つ！三つ") == ["一つ。", "二つ！", "三つ"]
    assert split_sentences("Version 1.5 is out.") == ["Version 1.5 is out."]
    assert split_sentences("Ask Dr. Sato. Then e.g. me.") == ["Ask Dr. Sato. ", "Then e.g. me."]
    assert split_sentences("Pens, paper, etc. Then go.") == ["Pens, paper, etc. ", "Then go."]
    assert split_sentences("Meet at 5 p.m. today.") == ["Meet at 5 p.m. today."]


@given(st.text(max_size=300).filter(str.strip))
@example("This [bold]method[/] $x doesn't work.")
@example("なぜ{x}しないのですか？")
@settings(max_examples=150, deadline=None)
def test_user_text_is_copied_literally_and_softening_settles(text: str) -> None:
    for lang in ("en", "ja"):
        once = soften(text, lang)
        assert soften(once.text, lang).text == once.text
        if not once.rules:
            assert once.text == text


def test_user_markup_is_kept_as_typed() -> None:
    result = soften("This [b]$x {y} \\g<0> method doesn't work.")
    assert result.rules == ("flat_rejection",)
    assert "other than this [b]$x {y} \\g<0> method that" in result.text


def test_oversized_text_is_refused() -> None:
    with pytest.raises(ValidationError, match="at most"):
        soften("a" * (MAX_SOFTEN_CHARS + 1))


def test_a_long_text_is_softened_sentence_by_sentence() -> None:
    """Every sentence of a text near the size limit is handled (its speed is a benchmark)."""
    pair = "We must change the deadline. Your plan is bad. "
    count = MAX_SOFTEN_CHARS // len(pair)
    result = soften(pair * count)
    assert result.text.count("Perhaps we could change the deadline.") == count
    assert "must" not in result.text and "is bad" not in result.text


@pytest.mark.parametrize(
    ("rule", "message"),
    [
        ({"pattern": "("}, "not a valid regular expression"),
        ({"pattern": "x*"}, "matches empty text"),
        ({"replacement": "\\g<nope>"}, "names no group"),
        ({"replacement": "\\1"}, "may follow a backslash"),
        ({"questions": "yes"}, "true or false"),
    ],
)  # fmt: skip
def test_bad_rules_are_content_errors(tmp_path, rule: dict, message: str) -> None:
    base = {
        "id": "x",
        "title": "X",
        "section": "§5",
        "why": "w",
        "pattern": "x",
        "replacement": "y",
    }
    base.update(rule)
    with pytest.raises(ContentError, match=message):
        parse_rules(Checker(tmp_path / "phrasing.yaml"), [base], "softener.en")


def test_apply_rules_reports_each_rule_once() -> None:
    rules = load_phrasing().soften_rules["en"]
    result = apply_rules("We must go. We must stay.", rules)
    assert result.rules == ("we_must",)
