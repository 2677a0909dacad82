"""How a script names the manager, in each language.

A Japanese title (課長, 部長, 係長, …) is itself an honorific: 佐藤課長, never
佐藤課長さん. Without a title it is 佐藤さん; a romanised name never takes さん
in Japanese text (「Satoさん」 reads as a foreigner's draft). In English the usual
form in a Japanese workplace is "Sato-san"; "Hi Sato," is curt. The user may pick
さん for everyone (offices that drop titles) or the bare name in English (offices on
first names). See the business-writing reference, "Names" and "Doubled honorifics".

-san and a title go after the family name alone: "Mr. Sato" and "Kenji Sato" are
Sato-san (an English courtesy title before a name is itself an honorific), 佐藤 健二
is 佐藤課長. A Latin name is taken as written given name first, so its last word is
the family name; a Japanese name with a space is written family name first.
"""

from __future__ import annotations

import re

import msgspec

from careercoach.model import Profile

# Longest first, so 課長代理 is not read as 課長 and 本部長 not as 部長.
TITLES = tuple(
    sorted(
        (
            "社長",
            "副社長",
            "専務",
            "常務",
            "取締役",
            "本部長",
            "部長",
            "部長代理",
            "副部長",
            "次長",
            "課長",
            "課長代理",
            "係長",
            "主任",
            "室長",
            "所長",
            "支店長",
            "店長",
            "工場長",
            "センター長",
            "グループ長",
            "チーム長",
            "マネージャー",
            "リーダー",
        ),
        key=len,
        reverse=True,
    )
)
_JA_HONORIFICS = ("さん", "様", "さま", "殿", "氏", "君", "くん")
_EN_COURTESY = re.compile(r"^(?:mr|mrs|ms|miss|mx|dr|prof|sir|madam)\.?\s+", re.I)
_EN_HONORIFIC = re.compile(r"(?:[-\s]+(?:san|sama|sensei)|\s+(?:kacho|bucho|shacho))\.?$", re.I)
_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\uff66-\uff9f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


class ManagerName(msgspec.Struct, frozen=True):
    """The manager's name split into what each language needs (any part may be empty)."""

    latin: str = ""  # as the user wrote it in Latin letters, honorific removed
    japanese: str = ""  # in Japanese script, honorific and title removed
    title: str = ""  # 課長, 部長, …
    addressing: str = "title"


def has_japanese(text: str) -> bool:
    """True when the text holds kana or kanji."""
    return bool(_JAPANESE.search(text))


def has_latin(text: str) -> bool:
    """True when the text holds a Latin letter (a title that cannot sit in a Japanese sentence)."""
    return bool(_LATIN.search(text))


def split_title(name: str) -> tuple[str, str]:
    """("佐藤", "課長") from "佐藤課長" or "佐藤 課長さん"; ("佐藤", "") when there is no title."""
    name = strip_honorific(name)
    for title in TITLES:
        if name.endswith(title) and len(name) > len(title):
            return name[: -len(title)].rstrip(" \u3000"), title
    return name, ""


def strip_honorific(name: str) -> str:
    """Remove a trailing さん/様/-san: the scripts add the right form themselves."""
    name = name.strip(" \u3000")
    for suffix in _JA_HONORIFICS:
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)].rstrip(" \u3000")
            break
    return _EN_HONORIFIC.sub("", name).strip(" \u3000")


def family_name(name: str) -> str:
    """The name an honorific follows: 佐藤 from 佐藤 健二, Sato from "Mr. Kenji Sato"."""
    if has_japanese(name):
        return name.split()[0] if name.split() else ""
    words = _EN_COURTESY.sub("", name).split()
    if not words:
        return ""
    last = words[-1]
    return last[0].upper() + last[1:] if last.islower() else last


def manager_name(profile: Profile) -> ManagerName:
    """Read the profile's manager fields, tolerating a title, さん, "Mr." or a full name
    typed into the name."""
    typed, typed_title = split_title(profile.manager_name)
    japanese, ja_title = split_title(profile.manager_name_ja)
    if not japanese and has_japanese(typed):
        japanese = typed
    japanese = family_name(japanese)
    latin = typed if typed and not has_japanese(typed) else ""
    if latin and (profile.manager_addressing or "title") != "name":
        latin = family_name(latin)
    elif latin:  # first names: the given name, the first word
        latin = (_EN_COURTESY.sub("", latin).split() or [latin])[0]
    title = strip_honorific(profile.manager_title) or ja_title or typed_title
    return ManagerName(
        latin=latin,
        japanese=japanese,
        title=title,
        addressing=profile.manager_addressing or "title",
    )


def address_manager(profile: Profile, lang: str) -> str:
    """The manager as the script names them: 佐藤課長 / 佐藤さん, "Sato-san"; "" if unknown.

    Japanese without a Japanese name falls back to the title alone (課長), and to
    nothing without one; English without a Latin name names nobody.
    """
    name = manager_name(profile)
    if lang == "ja":
        if name.japanese:
            if name.title and name.addressing != "san":
                return f"{name.japanese}{name.title}"
            return f"{name.japanese}さん"
        return name.title if name.addressing != "san" else ""
    if not name.latin:
        return ""
    return name.latin if name.addressing == "name" else f"{name.latin}-san"


def addressing_gaps(profile: Profile, lang: str) -> tuple[str, ...]:
    """What the user could add so the script can name the manager properly in `lang`."""
    name = manager_name(profile)
    if not (name.latin or name.japanese):
        return ("Add your manager's name (profile: manager_name) so the script can greet them.",)
    if lang == "ja" and not name.japanese:
        return (
            "Add your manager's name in Japanese (profile: manager_name_ja, e.g. 佐藤) so the "
            "Japanese script can address them by name.",
        )
    if lang == "en" and not name.latin:
        return (
            "Add your manager's name in Latin letters (profile: manager_name, e.g. Sato) so "
            "the English script can address them as Sato-san.",
        )
    return ()


def signature_gaps(profile: Profile, lang: str) -> tuple[str, ...]:
    """What the user could add so an email introduces and signs itself properly in `lang`.

    A Japanese email's 名乗り with a Latin name reads 「お疲れさまです。Alex Morganです。」;
    an English email without a name ends on a bare "Best regards,".
    """
    if lang == "ja" and not profile.name_ja:
        return (
            "Add your name in Japanese (profile: name_ja, e.g. モーガン) so the Japanese "
            "email introduces you as 「お疲れさまです。モーガンです。」.",
        )
    if lang == "en" and not profile.name:
        return ("Add your name (profile: name, e.g. Alex Morgan) so the English email is signed.",)
    return ()
