"""Naming the manager and citing entries: the helpers every script and draft shares."""

from __future__ import annotations

import datetime as dt

import pytest

from careercoach.errors import ValidationError
from careercoach.model import Entry, Profile, make_entry, set_profile_fields
from careercoach.phrasing import (
    Citation,
    address_manager,
    addressing_gaps,
    citation_of,
    cite_after,
    missing_japanese,
    signature_gaps,
)

TODAY = dt.date(2026, 11, 20)


@pytest.mark.parametrize(
    ("fields", "ja", "en"),
    [
        ({"manager_name": "Sato"}, "", "Sato-san"),
        ({"manager_name": "Sato-san"}, "", "Sato-san"),
        ({"manager_name": "Sato san"}, "", "Sato-san"),
        ({"manager_name": "佐藤課長"}, "佐藤課長", ""),
        ({"manager_name": "佐藤課長さん"}, "佐藤課長", ""),
        ({"manager_name": "佐藤さん"}, "佐藤さん", ""),
        ({"manager_name": "佐藤 部長様"}, "佐藤部長", ""),
        ({"manager_name": "Sato", "manager_name_ja": "佐藤"}, "佐藤さん", "Sato-san"),
        (
            {"manager_name": "Sato", "manager_name_ja": "佐藤", "manager_title": "課長"},
            "佐藤課長",
            "Sato-san",
        ),
        ({"manager_name": "Sato", "manager_name_ja": "佐藤課長"}, "佐藤課長", "Sato-san"),
        (
            {"manager_name": "Sato", "manager_name_ja": "佐藤", "manager_title": "課長代理"},
            "佐藤課長代理",
            "Sato-san",
        ),
        (
            {
                "manager_name": "Sato",
                "manager_name_ja": "佐藤",
                "manager_title": "課長",
                "manager_addressing": "san",
            },
            "佐藤さん",
            "Sato-san",
        ),
        (
            {
                "manager_name": "Ken",
                "manager_name_ja": "佐藤",
                "manager_title": "係長",
                "manager_addressing": "name",
            },
            "佐藤係長",
            "Ken",
        ),
        ({"manager_name": "Sato", "manager_title": "部長"}, "部長", "Sato-san"),
        # -san follows the family name alone, never an English courtesy title.
        ({"manager_name": "Mr. Sato"}, "", "Sato-san"),
        ({"manager_name": "Dr. Kenji Sato"}, "", "Sato-san"),
        ({"manager_name": "Kenji Sato"}, "", "Sato-san"),
        ({"manager_name": "sato"}, "", "Sato-san"),
        ({"manager_name": "Ms Smith", "manager_addressing": "name"}, "", "Smith"),
        ({"manager_name": "Kenji Sato", "manager_addressing": "name"}, "", "Kenji"),
        ({"manager_name_ja": "佐藤 健二", "manager_title": "課長"}, "佐藤課長", ""),
        ({"manager_name_ja": "佐藤\u3000健二"}, "佐藤さん", ""),
        ({"manager_name": "佐藤 健二 課長"}, "佐藤課長", ""),
        ({"manager_name": "Smith", "manager_name_ja": "スミス"}, "スミスさん", "Smith-san"),
        ({}, "", ""),
    ],
)
def test_manager_is_addressed_once_and_in_the_right_script(fields, ja: str, en: str) -> None:
    profile = Profile(**fields)
    assert address_manager(profile, "ja") == ja
    assert address_manager(profile, "en") == en


@pytest.mark.parametrize("doubled", ["課長さん", "部長様", "さんさん", "Satoさん", "-san-san"])
def test_no_addressing_doubles_an_honorific(doubled: str) -> None:
    for name in ("Sato", "Sato-san", "佐藤課長さん", "佐藤様", "佐藤 課長"):
        for title in ("", "課長", "部長さん"):
            profile = Profile(manager_name=name, manager_name_ja="", manager_title=title)
            for lang in ("en", "ja"):
                assert doubled not in address_manager(profile, lang)


def test_gaps_say_which_name_to_add() -> None:
    assert "manager_name_ja" in addressing_gaps(Profile(manager_name="Sato"), "ja")[0]
    assert "manager_name" in addressing_gaps(Profile(), "en")[0]
    assert addressing_gaps(Profile(manager_name="Sato", manager_name_ja="佐藤"), "ja") == ()


def test_email_name_gaps_say_which_name_to_add() -> None:
    """A Latin name in a Japanese 名乗り and an unsigned English email both get a hint."""
    assert "name_ja" in signature_gaps(Profile(name="Alex Morgan"), "ja")[0]
    assert signature_gaps(Profile(name="Alex Morgan", name_ja="モーガン"), "ja") == ()
    assert "profile: name," in signature_gaps(Profile(), "en")[0]
    assert signature_gaps(Profile(name="Alex Morgan"), "en") == ()


def test_profile_refuses_a_latin_title() -> None:
    with pytest.raises(ValidationError, match="in Japanese"):
        set_profile_fields(Profile(), {"manager_title": "Manager"}, TODAY)
    with pytest.raises(ValidationError, match="manager_addressing"):
        set_profile_fields(Profile(), {"manager_addressing": "sama"}, TODAY)
    profile = set_profile_fields(
        Profile(),
        {"manager_name_ja": "佐藤", "manager_title": "課長", "name_ja": "モーガン"},
        TODAY,
    )
    assert Profile.from_dict(profile.to_dict()) == profile


def entry(title: str, title_ja: str = "") -> Entry:
    return make_entry(entry_id="abc234", date=TODAY, kind="bridge", title=title, title_ja=title_ja)


def test_citations_follow_a_complete_sentence_one_item_per_line() -> None:
    cites = [Citation("a1b", "Led the launch"), Citation("c2d", "Docs", "手順書の整備")]
    text = cite_after("この半年は、主に次の取り組みを行ってまいりました。", cites, "ja")
    assert text.splitlines() == [
        "この半年は、主に次の取り組みを行ってまいりました。",
        "・Led the launch",
        "・手順書の整備",
    ]
    assert cite_after("Two examples:", cites, "en", limit=1).splitlines() == [
        "Two examples:",
        "- Led the launch",
    ]
    assert missing_japanese(cites) == (cites[0],)


def test_title_ja_round_trips_and_is_checked() -> None:
    made = entry("Led the launch", " 決済基盤リリースの取りまとめ [b]$x ")
    assert made.title_ja == "決済基盤リリースの取りまとめ [b]$x"
    assert Entry.from_dict(made.to_dict()) == made
    assert citation_of(made).text("ja") == made.title_ja
    assert citation_of(made).text("en") == "Led the launch"
    with pytest.raises(ValidationError, match="one line"):
        entry("x", "二行\n目")
