"""`careercoach review`: the period's record, readiness then and now, and the drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.model import parse_date

pass_app = click.make_pass_decorator(AppContext)
LANG_CHOICES = ("en", "ja", "both")


@click.command()
@click.option("--since", help="Start of the period (YYYY-MM-DD, today, yesterday).")
@click.option(
    "--since-last-evaluation",
    "last_evaluation",
    is_flag=True,
    help="Start the day after the last logged evaluation (else the profile's date).",
)
@click.option("--until", help="End of the period (default: today).")
@click.option(
    "--lang",
    type=click.Choice(LANG_CHOICES),
    help="Which drafts (default: your profile's script language).",
)
@click.option("--include-plan", is_flag=True, help="Count improvement-plan evidence too.")
@click.option(
    "--output", "-o", help="Write the review (or its JSON) to this file (0600), or - for stdout."
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@pass_app
def review(
    app: AppContext,
    since: str | None,
    last_evaluation: bool,
    until: str | None,
    lang: str | None,
    include_plan: bool,
    output: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Review a period for your evaluation: the record by the guide's criteria,
    readiness at the start and the end and what moved it, and a self-evaluation
    draft in English and Japanese with what to ask in the meeting.

    Without --since the period starts after your last evaluation (logged, or from
    your profile), else it is the last twelve months.
    """
    from careercoach.journal import write_user_file
    from careercoach.review import languages, review_journal

    today = app.today
    journal = app.journal()
    result = review_journal(
        journal,
        today=today,
        since=parse_date(since, today) if since else None,
        until=parse_date(until, today) if until else None,
        since_last_evaluation=last_evaluation,
        langs=languages(lang or journal.profile().script_language),
        include_plan=include_plan,
    )
    note = result.plan_note()
    if output and output != "-":  # "-": standard output, as for export
        text = json_text(result.to_dict()) if as_json else result.text()
        path = Path(output).expanduser()
        write_user_file(path, text.encode("utf-8"), force=force, protect=(journal.path,))
        echo_text(
            f"wrote the review of {result.review.period.since} to "
            f"{result.review.period.until} to {path}"
        )
    elif as_json:
        echo_json(result.to_dict())
    else:
        echo_text(result.text().rstrip("\n"))
    if note:  # never in the file: a reader of the review must not learn a plan exists
        echo_text(note, err=True)


def json_text(data: dict[str, Any]) -> str:
    """The review as a JSON file: the shape `--json` prints."""
    import json

    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
