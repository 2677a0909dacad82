"""`careercoach script` and `careercoach soften`: words to copy into a 1:1 or an email.

Both print plain text (no colour, no table) so the output pipes into other tools;
notes about what was chosen go to stderr, keeping stdout to the words themselves.
"""

from __future__ import annotations

import datetime as dt
import re

import click

from careercoach import clipboard, phrasing
from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text, terminal_stdout
from careercoach.model import Entry, Profile, parse_date
from careercoach.textsafe import terminal_safe

pass_app = click.make_pass_decorator(AppContext)

LANGUAGE_NAMES = {"en": "English", "ja": "日本語"}
_JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f]")


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
    help="talk: what to say in a 1:1; message: a short email or chat message.",
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
    """A polite promotion-request script, backed by entries from your journal."""
    as_of = parse_date(as_of_text, app.today)
    journal = app.journal()
    entries = journal.entries()
    profile = journal.profile()
    suggested = situation is None
    if situation is None:
        situation = _suggested_situation(entries, profile, as_of)
    choice = lang or profile.script_language
    languages = phrasing.LANGUAGES if choice == "both" else (choice,)
    facts = phrasing.gather_facts(entries, profile, as_of)
    scripts = {code: phrasing.draft(situation, code, fmt, facts, profile) for code in languages}
    if len(scripts) == 1:
        text = next(iter(scripts.values())).text
    else:
        text = "\n\n".join(f"=== {LANGUAGE_NAMES[c]} ===\n{s.text}" for c, s in scripts.items())

    copied = clipboard.copy(terminal_safe(text), terminal_stdout()) if copy_text else None
    if as_json:
        data = {
            "as_of": as_of.isoformat(),
            "situation": situation,
            "label": phrasing.SITUATIONS[situation],
            "section": phrasing.load_phrasing().sections[situation],
            "suggested": suggested,
            "format": fmt,
            "scripts": [
                {"lang": code, "text": s.text, "cited_ids": list(s.cited_ids)}
                for code, s in scripts.items()
            ],
        }
        if copied is not None:
            data["copied_with"] = list(copied.methods)
        echo_json(data)
    else:
        echo_text(text)
        how = "suggested by your readiness timing" if suggested else "chosen with --situation"
        click.echo(f"Situation: {phrasing.SITUATIONS[situation]} ({how}).", err=True)
        cited = list(dict.fromkeys(i for s in scripts.values() for i in s.cited_ids))
        if cited:
            click.echo(f"Cites entries: {', '.join(cited)} (see `careercoach show ID`).", err=True)
    if copied is not None:
        click.echo(copied.describe(), err=True)
        if not copied.ok:
            raise click.exceptions.Exit(1)


def _suggested_situation(entries: list[Entry], profile: Profile, as_of: dt.date) -> str:
    from careercoach.readiness import assess, load_criteria

    assessment = assess(entries, profile, load_criteria(), as_of)
    return phrasing.suggest_situation(assessment)


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
        text = click.get_text_stream("stdin").read().rstrip("\n")
    if lang == "auto":
        lang = "ja" if _JAPANESE_SCRIPT.search(text) else "en"
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
                "rules": [{"id": r.id, "section": r.section, "why": r.why} for r in rules],
            }
        )
        return
    echo_text(result.text)
    lines = [f"- {r.id} ({r.section}): {r.why}" for r in rules]
    notes = ["Rules applied:", *lines] if rules else ["Already soft: no rule changed it."]
    if explain:
        click.echo()
    click.echo("\n".join(notes), err=not explain)
