"""`careercoach score`: promotion readiness as a readable report or a JSON document."""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_heading, echo_json, echo_text
from careercoach.model import parse_date
from careercoach.plan import change
from careercoach.readiness import (
    Assessment,
    Returns,
    TrendPoint,
    assess,
    assess_with_trend,
    load_criteria,
)

pass_app = click.make_pass_decorator(AppContext)

BAR_WIDTH = 10
SPARKS = "▁▂▃▄▅▆▇█"
EVIDENCE_IDS_SHOWN = 8
EMPTY_HINT = (
    "Your journal has no entries yet, so every score starts from zero. Log your first one:\n"
    '  careercoach add invisible "Took the meeting notes" --type meeting_notes'
)


@click.command()
@click.option("--as-of", "as_of", help="Score as of this date (YYYY-MM-DD; default: today).")
@click.option("--json", "as_json", is_flag=True, help="Print the assessment as JSON.")
@click.option("--explain", is_flag=True, help="Show why each criterion matters and its evidence.")
@pass_app
def score(app: AppContext, as_of: str | None, as_json: bool, explain: bool) -> None:
    """Promotion readiness: score, reasons, next actions and timing."""
    day = parse_date(as_of, app.today) if as_of else app.today
    criteria = load_criteria()
    journal = app.journal()
    entries, profile = journal.unordered_entries(), journal.profile()  # scores need no order
    plan = change.timing_facts(journal, day)  # no promotion ask while a plan runs
    if as_json:
        echo_json(assess(entries, profile, criteria, day, **plan).to_dict())
        return
    assessment, points = assess_with_trend(entries, profile, criteria, day, **plan)
    whys = {c.id: c.why for c in criteria} if explain else {}
    lines = [EMPTY_HINT, ""] if not entries else []
    returns = criteria[0].rules.returns if criteria else None
    lines += render(
        assessment,
        points,
        whys,
        explain=explain,
        company_type=profile.company_type,
        returns=returns,
    )
    for line in lines:
        if line and not line.startswith(" "):
            echo_heading(line)
        else:
            echo_text(line)


def describe_returns(returns: Returns) -> str:
    """The diminishing-returns rule in one sentence, from the declared factors."""
    day = ", ".join(f"{f:g}" for f in returns.per_day)
    week = ", ".join(f"{f:g}" for f in returns.per_week)
    return (
        f"Diminishing returns ({returns.section}): on one day the entries count {day} "
        f"and any more count nothing; in one week (Monday to Sunday) the best count {week} "
        f"and any more count nothing. {returns.why}"
    )


def bar(score: int, width: int = BAR_WIDTH) -> str:
    """A text bar such as ██████░░░░ for 60."""
    filled = round(score * width / 100)
    return "█" * filled + "░" * (width - filled)


def sparkline(points: list[TrendPoint]) -> str:
    """The weekly overall scores, scaled between their own lowest and highest."""
    scores = [p.overall for p in points]
    low, span = min(scores), max(scores) - min(scores)
    if not span:
        return SPARKS[len(SPARKS) // 2] * len(scores)
    return "".join(SPARKS[(s - low) * (len(SPARKS) - 1) // span] for s in scores)


def render(
    assessment: Assessment,
    points: list[TrendPoint],
    whys: dict[str, str],
    *,
    explain: bool = False,
    company_type: str = "",
    returns: Returns | None = None,
) -> list[str]:
    """The report as plain lines (our own words and numbers only; no user text)."""
    a = assessment
    lines = [
        f"PROMOTION READINESS ON {a.as_of.isoformat()}: {a.overall}/100 ({a.band.name})",
        f"  {a.band.meaning}",
    ]
    if a.weighting is not None:
        source = (
            f"your profile's company_type is {company_type}"
            if company_type
            else "your profile has no company_type"
        )
        lines.append(f"  Weighting: {a.weighting.title}, as {source}.")
        if explain:
            lines.append(f"  Why: {a.weighting.why}")
    if explain and returns is not None:
        lines.append(f"  {describe_returns(returns)}")
    if len(points) > 1:
        first = points[0]
        lines.append(
            f"  Last {len(points)} weeks: {sparkline(points)}  "
            f"{first.overall} on {first.date.isoformat()} -> {a.overall} now"
        )
    lines += ["", "CRITERIA"]
    width = max((len(c.title) for c in a.criteria), default=0)
    for c in a.criteria:
        count = len(c.evidence_ids)
        noun = "entry" if count == 1 else "entries"
        lines.append(
            f"  {c.title.ljust(width)}  {bar(c.score)} {c.score:>3}  "
            f"{count} {noun}  ({c.section}, weight {c.weight:g})"
        )
        if explain:
            lines.append(f"      {c.explanation}")
            lines.append(f"      Why: {whys.get(c.id, '')}")
            if c.evidence_ids:
                shown = " ".join(c.evidence_ids[:EVIDENCE_IDS_SHOWN])
                more = count - EVIDENCE_IDS_SHOWN
                lines.append(f"      Evidence: {shown}" + (f" and {more} more" if more > 0 else ""))
    lines += ["", "NEXT ACTIONS"]
    if a.next_actions:
        lines += [f"  {i}. {text}" for i, text in enumerate(a.next_actions, 1)]
    else:
        lines.append("  Nothing missing: keep your weekly habits going.")
    lines += ["", f"TIMING: {a.timing.headline}"]
    lines += [f"  - {reason}" for reason in a.timing.reasons]
    if not explain:
        lines += ["", "Add --explain for the reasons and evidence behind each score."]
    return lines
