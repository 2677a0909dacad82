"""`careercoach plan ...`: the Performance Improvement Plan navigator on the command line.

Write commands print one confirmation line; read commands print text for people or,
with --json, stable JSON. Anything that gives advice also prints the "not legal
advice" notice from the content file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.cli.plan_checklists import doc, docs, sign, signs, support
from careercoach.cli.plan_goals import goal, meeting
from careercoach.cli.plan_shared import (
    NO_PLAN,
    flag_words,
    json_option,
    load_plan,
    pass_app,
    user_date,
)
from careercoach.errors import ValidationError
from careercoach.journal import write_user_file
from careercoach.plan import (
    NOTE_GONE,
    Goal,
    KeyDate,
    PlanContent,
    assess_plan,
    change,
    evidence_pack,
    evidence_timeline,
    goal_numbers,
    key_dates,
    load_plan_content,
    meetings_without_note,
    new_plan,
)

# -- helpers ---------------------------------------------------------------------


def _optional_date(text: str | None, app: AppContext) -> dt.date | None:
    """A date, or None when the user typed `none` (clearing it)."""
    if text is None or text.strip().lower() in ("", "none"):
        return None
    return user_date(text, app)


def _goal_status(goal: Goal) -> str:
    if goal.status != "met":
        return goal.status.replace("_", " ")
    recognised = {True: "recognised", False: "NOT recognised", None: "recognition not confirmed"}
    return f"met {goal.met_on.isoformat()}, {recognised[goal.recognised]}"


def _days(n: int) -> str:
    if n == 0:
        return "today"
    unit = "day" if abs(n) == 1 else "days"
    return f"in {n} {unit}" if n > 0 else f"{-n} {unit} ago"


def _key_date_lines(items: Iterable[KeyDate]) -> list[str]:
    return [f"  {k.date.isoformat()}  {k.title} ({_days(k.days_away)})" for k in items]


# -- the group -------------------------------------------------------------------


@click.group()
def plan() -> None:
    """Performance Improvement Plan navigator: signs, evidence trail, exit options, dates.

    General information, not legal advice.
    """


# Goals, meetings and the checklists live in their own modules; all join this one group.
for command in (goal, meeting, support, signs, sign, docs, doc):
    plan.add_command(command)


@plan.command("start")
@click.option("--start", "start_text", required=True, help="First day of the plan.")
@click.option("--end", "end_text", required=True, help="Last day of the plan.")
@click.option("--replace", is_flag=True, help="Discard the current plan and start a new one.")
@pass_app
def start(app: AppContext, start_text: str, end_text: str, replace: bool) -> None:
    """Start recording an improvement plan."""
    record = new_plan(user_date(start_text, app), user_date(end_text, app))
    change.start_plan(app.journal(), record, replace=replace)
    click.echo(f"plan recorded: {record.start} to {record.end} ({record.length_days} days)")


@plan.command("dates")
@click.option("--start", "start_text", help="Move the plan start.")
@click.option("--end", "end_text", help="Move the plan end (e.g. when it is extended).")
@click.option(
    "--offer",
    "offer_text",
    help="Day you were handed a document to decide on, e.g. a resignation (none clears).",
)
@click.option("--employment-end", "employment_text", help="Last day of employment (none clears).")
@json_option
@pass_app
def dates(
    app: AppContext,
    start_text: str | None,
    end_text: str | None,
    offer_text: str | None,
    employment_text: str | None,
    as_json: bool,
) -> None:
    """Set plan dates and show the key dates that follow from them."""
    journal, record = load_plan(app)
    changes: dict = {}
    if start_text is not None:
        changes["start"] = user_date(start_text, app)
    if end_text is not None:
        changes["end"] = user_date(end_text, app)
    if offer_text is not None:
        changes["offer_date"] = _optional_date(offer_text, app)
    if employment_text is not None:
        changes["employment_end"] = _optional_date(employment_text, app)
    if changes:
        record = change.dates(**changes).save(journal).plan
    content = load_plan_content()
    items = key_dates(record, app.today, content=content)
    if as_json:
        echo_json({"key_dates": [k.to_dict() for k in items], "notice": content.notice})
        return
    lines = ["Key dates", *_key_date_lines(items), ""]
    for item in items:
        lines.append(f"{item.title}: {item.detail} ({item.section})")
    echo_text("\n".join([*lines, "", content.notice]))


@plan.command("show")
@json_option
@pass_app
def show(app: AppContext, as_json: bool) -> None:
    """The plan at a glance: goals, meetings, support, verdict, key dates."""
    journal, record = load_plan(app)
    content = load_plan_content()
    today = app.today
    assessment = assess_plan(record, today, content)
    entries = journal.entries() if record.meetings else []
    items = key_dates(record, today, content=content)
    if as_json:
        echo_json(
            {
                "plan": record.to_dict(),
                "assessment": assessment.to_dict(),
                "key_dates": [k.to_dict() for k in items],
                "notice": content.notice,
            }
        )
        return
    phase = {
        "not_started": f"starts {_days((record.start - today).days)}",
        "running": f"running, ends {_days(assessment.days_left)}",
        "ended": f"ended {_days(assessment.days_left)}",
    }[assessment.phase]
    lines = [
        f"Improvement plan {record.start} to {record.end} ({record.length_days} days): {phase}",
        f"Verdict: {assessment.headline} (details: careercoach plan assess)",
        "",
        "Goals",
    ]
    lines += [
        f"  {n}. [{_goal_status(g)}] {g.text}  ({flag_words(g)})"
        for n, g in enumerate(record.goals, start=1)
    ] or ['  none yet: careercoach plan goal add "TEXT" --specific --measurable']
    lines += ["", f"Check-in meetings ({len(record.meetings)})"]
    gone = meetings_without_note(entries, record.meetings)
    for n, m in enumerate(record.meetings, start=1):
        lines.append(f"  {n}. {m.date}  {m.note.splitlines()[0] if m.note else '(no note)'}")
        if m in gone:
            lines.append(
                f"     {NOTE_GONE}: `careercoach plan meeting delete {n}` removes the meeting too"
            )
    offered = [k.replace("_", " ") for k in record.support.offered()]
    lines += [
        "",
        "Support offered: " + (", ".join(offered) if offered else "none recorded"),
        f"Signs answered: {assessment.answered_count} of {len(content.signs)}"
        " (careercoach plan signs)",
        f"Documents secured: {len(set(record.documents_done) & {d.id for d in content.documents})}"
        f" of {len(content.documents)} (careercoach plan docs)",
        "",
        "Key dates",
        *_key_date_lines(items),
    ]
    if assessment.warnings:
        lines += ["", "Warnings", *(f"  ! {w.title}" for w in assessment.warnings)]
    echo_text("\n".join([*lines, "", content.notice]))


# -- advice and evidence ----------------------------------------------------------


@plan.command("assess")
@json_option
@pass_app
def assess(app: AppContext, as_json: bool) -> None:
    """Stay, mixed or exit: the verdict, the signs behind it, and warnings."""
    _, record = load_plan(app)
    content = load_plan_content()
    result = assess_plan(record, app.today, content)
    if as_json:
        echo_json(result.to_dict())
        return
    lines = [f"Verdict: {result.headline}", result.advice + f" ({result.section})", ""]
    lines += ["Why", *(f"  - {r}" for r in result.reasons)]
    if result.open_questions:
        lines += ["", "Find out", *(f"  ? {q.question}" for q in result.open_questions)]
    if result.warnings:
        lines += ["", "Warnings"]
        for w in result.warnings:
            goals = f" ({goal_numbers(w.goals)})" if w.goals else ""
            lines += [f"  ! {w.title}{goals}", f"    {w.advice} ({w.section})"]
    echo_text("\n".join([*lines, "", content.notice]))


@plan.command("evidence")
@json_option
@pass_app
def evidence(app: AppContext, as_json: bool) -> None:
    """The dated evidence trail: plan notes and entries tagged pip."""
    journal, record = load_plan(app)
    items = evidence_timeline(journal.entries(), record)
    if as_json:
        echo_json({"timeline": [i.to_dict() for i in items]})
        return
    if not items:
        echo_text(
            "No plan evidence yet. Log some, e.g.\n"
            '  careercoach add note "Manager asked for the weekly report by Friday" '
            "--type plan_instruction"
        )
        return
    echo_text("\n".join(f"{i.date}  {i.entry_id}  {i.label:<11} {i.title}" for i in items))


@plan.command("guide")
@json_option
def guide(as_json: bool) -> None:
    """Exit options, negotiation rules, the law on dismissal, what to do when employment
    ends, and where to get help."""
    content = load_plan_content()
    if as_json:
        echo_json(content.guide_dict())
        return
    echo_text(_guide_text(content))


def _guide_text(content: PlanContent) -> str:
    lines = ["Exit options"]
    for option in content.exit_options:
        lines += [f"  {option.name}: {option.summary} ({option.section})"]
        lines += [f"    + {p}" for p in option.pros]
        lines += [f"    - {c}" for c in option.cons]
        lines += [f"    Visa: {option.visa}"]
    lines += ["", f"Often negotiable ({content.negotiable_section})"]
    lines += [f"  - {item}" for item in content.negotiable]
    lines += ["", "Before you sign anything"]
    lines += [f"  - {r.rule} ({r.section})" for r in content.negotiation_rules]
    lines += ["", "If it comes to dismissal"]
    lines += [f"  - {item.title}: {item.text} ({item.section})" for item in content.dismissal_law]
    business = content.business_dismissal
    lines += ["", f"{business.title} ({business.section})", f"  {business.summary}"]
    lines += [
        f"  {n}. {p.title}: {p.explanation}" for n, p in enumerate(business.requirements, start=1)
    ]
    lines += ["", "If your employment ends"]
    lines += [f"  - {item.title}: {item.text} ({item.section})" for item in content.after_leaving]
    lines += ["", "Where to get help"]
    lines += [f"  - {h.name}: {h.what} ({h.section})" for h in content.help]
    return "\n".join([*lines, "", content.notice])


@plan.command("export")
@click.option("--output", "-o", required=True, help="File to write, or - for standard output.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["md", "txt"]),
    help="Markdown or plain text (default: from the file name, else md).",
)
@click.option("--force", is_flag=True, help="Overwrite an existing file.")
@pass_app
def export(app: AppContext, output: str, fmt: str | None, force: bool) -> None:
    """Write the evidence pack (private 0600 file) for a lawyer, HR or your own records."""

    journal, record = load_plan(app)
    if fmt is None:
        fmt = "txt" if output.lower().endswith(".txt") else "md"
    text = evidence_pack(record, journal.entries(), app.today, fmt)
    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output).expanduser()
    write_user_file(path, text.encode("utf-8"), force=force, protect=(journal.path,))
    click.echo(f"evidence pack written to {path}")


@plan.command("clear")
@click.option("--yes", "-y", is_flag=True, help="Do not ask for confirmation.")
@pass_app
def clear(app: AppContext, yes: bool) -> None:
    """Delete the plan record (journal entries stay; a backup of the journal is kept)."""
    journal = app.journal()
    if journal.plan() is None:
        raise ValidationError(NO_PLAN)
    if not yes:
        raise ValidationError("not deleting the plan without confirmation: add --yes")
    change.clear_plan(journal)
    click.echo("plan deleted")
