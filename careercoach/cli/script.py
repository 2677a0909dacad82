"""`careercoach script` and `careercoach soften`: words to copy into a 1:1 or an email.

Both print plain text (no colour, no table) so the output pipes into other tools;
notes about what was chosen go to stderr, keeping stdout to the words themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

import click

from careercoach import clipboard, phrasing
from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text, terminal_stdout
from careercoach.journal import Journal
from careercoach.model import Entry, Profile, parse_date
from careercoach.textsafe import terminal_safe

pass_app = click.make_pass_decorator(AppContext)

LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}


@click.command()
@click.option(
    "--situation",
    type=click.Choice(tuple(phrasing.SITUATIONS)),
    help="Which moment to ask in (default: the best one from your readiness timing).",
)
@click.option(
    "--lang",
    type=click.Choice(("en", "ja", "both")),
    help="Language (default: script_language in your profile).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(phrasing.FORMATS),
    default="talk",
    show_default=True,
    help="talk: what to say in a 1:1; email: with a subject line; chat: a short message.",
)
@click.option("--copy", "copy_text", is_flag=True, help="Also copy the script to the clipboard.")
@click.option("--as-of", "as_of_text", default="today", help="Date to write for (YYYY-MM-DD).")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_app
def script(
    app: AppContext,
    situation: str | None,
    lang: str | None,
    fmt: str,
    copy_text: bool,
    as_of_text: str,
    as_json: bool,
) -> None:
    """A polite promotion-request script, backed by entries from your journal.

    Notes go to stderr: the situation, the entries cited, the timing verdict when it
    says to wait, and entries that still need a Japanese title (`edit ID --ja ...`).
    """
    as_of = parse_date(as_of_text, app.today)
    journal = app.journal()
    entries = journal.entries()
    profile = journal.profile()
    timing = _timing(journal, entries, profile, as_of)
    suggested = situation is None
    if situation is None:
        situation = timing.situation
    choice = lang or profile.script_language
    languages = phrasing.LANGUAGES if choice == "both" else (choice,)
    facts = phrasing.gather_facts(entries, profile, as_of)
    scripts = {code: phrasing.draft(situation, code, fmt, facts, profile) for code in languages}
    if len(scripts) == 1:
        text = next(iter(scripts.values())).text
    else:
        text = "\n\n".join(f"=== {LANGUAGE_NAMES[c]} ===\n{s.text}" for c, s in scripts.items())
    ja = scripts.get("ja")
    missing = phrasing.missing_japanese(ja.citations + ja.untitled) if ja else ()
    gaps = [gap for code in scripts for gap in phrasing.addressing_gaps(profile, code)]
    if fmt == "email":
        gaps += [gap for code in scripts for gap in phrasing.signature_gaps(profile, code)]

    copied = clipboard.copy(terminal_safe(text), terminal_stdout()) if copy_text else None
    if as_json:
        data = {
            "as_of": as_of.isoformat(),
            "situation": situation,
            "label": phrasing.SITUATIONS[situation],
            "section": phrasing.load_phrasing().sections[situation],
            "suggested": suggested,
            "format": fmt,
            "timing": {"good": timing.good, "headline": timing.headline},
            "scripts": [
                {"lang": code, "text": s.text, "cited_ids": list(s.cited_ids)}
                for code, s in scripts.items()
            ],
            "missing_japanese_titles": [{"id": c.entry_id, "title": c.title} for c in missing],
            "addressing": gaps,
        }
        if copied is not None:
            data["copied_with"] = list(copied.methods)
        echo_json(data)
    else:
        if timing.plan_active:  # said before any promotion request, as the app does
            click.echo(f"{timing.headline}. {timing.reasons[0]}", err=True)
        echo_text(text)
        how = "suggested by your readiness timing" if suggested else "chosen with --situation"
        notes = [f"Situation: {phrasing.SITUATIONS[situation]} ({how})."]
        if not timing.good:
            notes.append(f"Timing: {timing.headline}.")
        cited = list(dict.fromkeys(i for s in scripts.values() for i in s.cited_ids))
        if cited:
            notes.append(f"Cites entries: {', '.join(cited)} (see `careercoach show ID`).")
        if missing:
            notes.append(
                f"{len(missing)} cited "
                + ("entry has" if len(missing) == 1 else "entries have")
                + " no Japanese title, so the Japanese script "
                + ("leaves " if fmt == "talk" else "lists ")
                + ("it" if len(missing) == 1 else "them")
                + (" out (an English title is not read aloud)" if fmt == "talk" else " in English")
                + ". Add one with `careercoach edit ID --ja TEXT`:"
            )
            notes += [f"  {c.entry_id}  {c.title}" for c in missing]
        notes += gaps
        echo_text("\n".join(notes), err=True)
    if copied is not None:
        click.echo(copied.describe(), err=True)
        if not copied.ok:
            raise click.exceptions.Exit(1)


class _Timing(NamedTuple):
    situation: str
    good: bool
    headline: str
    plan_active: bool
    reasons: tuple[str, ...]


def _timing(journal: Journal, entries: list[Entry], profile: Profile, as_of: dt.date) -> _Timing:
    """The readiness timing verdict: the situation it suggests, and whether to wait (never
    the moment while an improvement plan runs)."""
    from careercoach.plan import change
    from careercoach.readiness import assess, load_criteria

    plan = change.timing_facts(journal, as_of)
    verdict = assess(entries, profile, load_criteria(), as_of, **plan)
    return _Timing(
        phrasing.suggest_situation(verdict),
        verdict.timing.good,
        verdict.timing.headline,
        verdict.timing.plan_active,
        verdict.timing.reasons,
    )


@click.command()
@click.argument("text")
@click.option(
    "--lang",
    type=click.Choice(("auto", "en", "ja")),
    default="auto",
    show_default=True,
    help="Language of the text; auto picks Japanese when it holds kana or kanji.",
)
@click.option("--explain", is_flag=True, help="Print the rules applied after the text.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
def soften(text: str, lang: str, explain: bool, as_json: bool) -> None:
    """Rewrite TEXT in the soft, options-first style ("-" reads standard input)."""
    if text == "-":
        with click.open_file("-") as stdin:  # "-": standard input, left open
            text = stdin.read().rstrip("\n")
    if lang == "auto":
        lang = "ja" if phrasing.has_japanese(text) else "en"
    result = phrasing.soften(text, lang)
    content = phrasing.load_phrasing()
    rules = [content.rule(lang, rule_id) for rule_id in result.rules]
    if as_json:
        echo_json(
            {
                "lang": lang,
                "original": text,
                "text": result.text,
                "changed": bool(rules),
                "rules": [{"title": r.title, "section": r.section, "why": r.why} for r in rules],
            }
        )
        return
    echo_text(result.text)
    lines = [f"- {r.title} ({r.section}): {r.why}" for r in rules]
    notes = ["Rules applied:", *lines] if rules else ["No rule matched: the text is unchanged."]
    if explain:
        click.echo()
    echo_text("\n".join(notes), err=not explain)
