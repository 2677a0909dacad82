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
from careercoach.errors import CareerCoachError, JournalError, ValidationError
from careercoach.improvement_plan import KeyDate, assess_plan, evidence_timeline, key_dates
from careercoach.journal import Draft, Journal
from careercoach.model import TITLE_MAX, parse_date
from careercoach.plan_content import PlanContent, load_plan_content
from careercoach.plan_export import evidence_pack, goal_numbers
from careercoach.plan_record import (
    ANSWERS,
    Goal,
    PlanRecord,
    add_goal,
    add_meeting,
    answer_sign,
    edit_goal,
    mark_document,
    new_plan,
    set_goal_status,
    set_support,
    with_dates,
)
from careercoach.storage import describe_os_error, write_private_file

pass_app = click.make_pass_decorator(AppContext)
json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
NO_PLAN = "no improvement plan yet: start one with `careercoach plan start --start D --end D`"


# -- helpers ---------------------------------------------------------------------


def _load(app: AppContext) -> tuple[Journal, PlanRecord]:
    """The journal and its plan, or one line saying there is none / it is damaged."""
    journal = app.journal()
    stored = journal.plan()
    if stored is None:
        raise ValidationError(NO_PLAN)
    try:
        return journal, PlanRecord.from_dict(stored)
    except CareerCoachError as exc:
        raise JournalError(
            f"{journal.path}: {exc} (`careercoach doctor` can restore a backup, "
            "or `careercoach plan start --replace` starts over)"
        ) from None


def _save(journal: Journal, plan: PlanRecord) -> None:
    journal.save_plan(plan.to_dict())


def _date(text: str, app: AppContext) -> dt.date:
    return parse_date(text, app.today)


def _optional_date(text: str | None, app: AppContext) -> dt.date | None:
    """A date, or None when the user typed `none` (clearing it)."""
    if text is None or text.strip().lower() in ("", "none"):
        return None
    return _date(text, app)


def _log_evidence(journal: Journal, on: dt.date, subtype: str, title: str, notes: str = "") -> str:
    """Add a plan-evidence note to the journal (so it joins the timeline); return its id."""
    title = " ".join(title.split())
    if len(title) > TITLE_MAX:
        title = title[: TITLE_MAX - 1] + "…"
    entry = journal.add(
        Draft(
            date=on, kind="note", title=title, notes=notes, tags=("pip",), details={"type": subtype}
        )
    )
    return entry.id


def _flag_words(goal: Goal) -> str:
    words = [
        "specific" if goal.specific else "not specific",
        "measurable" if goal.measurable else "not measurable",
        "in my control" if goal.within_my_control else "depends on others",
        "agreed" if goal.agreed else "not agreed",
    ]
    return ", ".join(words)


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


@plan.command("start")
@click.option("--start", "start_text", required=True, help="First day of the plan.")
@click.option("--end", "end_text", required=True, help="Last day of the plan.")
@click.option("--replace", is_flag=True, help="Discard the current plan and start a new one.")
@pass_app
def start(app: AppContext, start_text: str, end_text: str, replace: bool) -> None:
    """Start recording an improvement plan."""
    record = new_plan(_date(start_text, app), _date(end_text, app))
    journal = app.journal()
    if journal.plan() is not None and not replace:
        raise ValidationError("a plan is already recorded: add --replace to start over")
    _save(journal, record)
    click.echo(f"plan recorded: {record.start} to {record.end} ({record.length_days} days)")


@plan.command("dates")
@click.option("--start", "start_text", help="Move the plan start.")
@click.option("--end", "end_text", help="Move the plan end (e.g. when it is extended).")
@click.option("--offer", "offer_text", help="Day a document to sign was handed over (none clears).")
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
    journal, record = _load(app)
    changes: dict = {}
    if start_text is not None:
        changes["start"] = _date(start_text, app)
    if end_text is not None:
        changes["end"] = _date(end_text, app)
    if offer_text is not None:
        changes["offer_date"] = _optional_date(offer_text, app)
    if employment_text is not None:
        changes["employment_end"] = _optional_date(employment_text, app)
    if changes:
        record = with_dates(record, **changes)
        _save(journal, record)
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
    _, record = _load(app)
    content = load_plan_content()
    today = app.today
    assessment = assess_plan(record, today, content)
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
        f"  {n}. [{_goal_status(g)}] {g.text}  ({_flag_words(g)})"
        for n, g in enumerate(record.goals, start=1)
    ] or ['  none yet: careercoach plan goal add "TEXT" --specific --measurable']
    lines += ["", f"Check-in meetings ({len(record.meetings)})"]
    lines += [
        f"  {m.date}  {m.note.splitlines()[0] if m.note else '(no note)'}" for m in record.meetings
    ]
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


# -- goals -----------------------------------------------------------------------


@plan.group("goal")
def goal() -> None:
    """Add goals and record their outcome."""


def _goal_flags(func):
    """The four goal qualities as --x/--not-x switches (None when not given)."""
    options = [
        ("--specific/--vague", "specific", "Is it concrete about what must be done?"),
        ("--measurable/--unmeasurable", "measurable", "Is there a number or clear finish line?"),
        (
            "--in-my-control/--depends-on-others",
            "within_my_control",
            "Can you reach it by your own work?",
        ),
        ("--agreed/--not-agreed", "agreed", "Did you and your manager agree on it?"),
    ]
    for flag, name, text in reversed(options):
        func = click.option(flag, name, default=None, help=text)(func)
    return func


def _given(**flags: bool | None) -> dict[str, bool]:
    return {k: v for k, v in flags.items() if v is not None}


@goal.command("add")
@click.argument("text")
@_goal_flags
@pass_app
def goal_add(app: AppContext, text: str, **flags: bool | None) -> None:
    """Add a goal. It counts as specific, measurable or agreed only when you say so."""
    journal, record = _load(app)
    record = add_goal(record, text, **_given(**flags))
    _save(journal, record)
    number = len(record.goals)
    click.echo(f"goal {number} added ({_flag_words(record.goal(number))})")


@goal.command("edit")
@click.argument("number", type=int)
@click.option("--text", help="New wording of the goal.")
@_goal_flags
@pass_app
def goal_edit(app: AppContext, number: int, text: str | None, **flags: bool | None) -> None:
    """Change a goal's wording or qualities."""
    changes = _given(**flags)
    if text is not None:
        changes["text"] = text
    if not changes:
        raise ValidationError("nothing to change: give --text or a flag such as --specific")
    journal, record = _load(app)
    record = edit_goal(record, number, **changes)
    _save(journal, record)
    click.echo(f"goal {number} updated ({_flag_words(record.goal(number))})")


@goal.command("met")
@click.argument("number", type=int)
@click.option("--date", "date_text", default="today", show_default=True, help="When it was met.")
@click.option(
    "--recognised/--not-recognised",
    default=None,
    help="Whether the company acknowledged it (leave out if not yet confirmed).",
)
@pass_app
def goal_met(app: AppContext, number: int, date_text: str, recognised: bool | None) -> None:
    """Mark a goal met; also logs a dated plan_goal_met note in the journal."""
    journal, record = _load(app)
    on = _date(date_text, app)
    record = set_goal_status(record, number, "met", on=on, recognised=recognised)
    _save(journal, record)
    acknowledged = {True: "yes", False: "no", None: "not confirmed yet"}[recognised]
    entry_id = _log_evidence(
        journal,
        on,
        "plan_goal_met",
        f"Plan goal {number} met: {record.goal(number).text}",
        f"Recognised by the company: {acknowledged}.",
    )
    click.echo(f"goal {number} marked met on {on} (journal entry {entry_id})")
    if recognised is not True:
        click.echo("Tip: ask for the result to be acknowledged in writing, and keep a copy.")


@goal.command("missed")
@click.argument("number", type=int)
@pass_app
def goal_missed(app: AppContext, number: int) -> None:
    """Mark a goal not met."""
    journal, record = _load(app)
    _save(journal, set_goal_status(record, number, "not_met"))
    click.echo(f"goal {number} marked not met")


@goal.command("reopen")
@click.argument("number", type=int)
@pass_app
def goal_reopen(app: AppContext, number: int) -> None:
    """Mark a goal open again."""
    journal, record = _load(app)
    _save(journal, set_goal_status(record, number, "open"))
    click.echo(f"goal {number} is open again")


# -- meetings, support, signs, documents ------------------------------------------


@plan.command("meeting")
@click.argument("note")
@click.option("--date", "date_text", default="today", show_default=True, help="Day of the meeting.")
@pass_app
def meeting(app: AppContext, note: str, date_text: str) -> None:
    """Record a check-in meeting; also logs a dated plan_meeting note in the journal."""
    if not note.strip():
        raise ValidationError("the note is empty: say what was discussed or agreed")
    journal, record = _load(app)
    on = _date(date_text, app)
    record = add_meeting(record, on, note)
    _save(journal, record)
    title = f"Plan check-in: {note.strip()}"
    notes = "" if "\n" not in title and len(title) <= TITLE_MAX else note
    entry_id = _log_evidence(journal, on, "plan_meeting", title.splitlines()[0], notes)
    click.echo(f"meeting on {on} recorded (journal entry {entry_id})")


@plan.command("support")
@click.option("--training/--no-training", default=None, help="Training or reskilling offered.")
@click.option("--coaching/--no-coaching", default=None, help="Coaching offered.")
@click.option(
    "--language-support/--no-language-support", default=None, help="Language support offered."
)
@click.option(
    "--transfer-discussed/--no-transfer-discussed",
    default=None,
    help="A transfer or role change was discussed.",
)
@pass_app
def support(app: AppContext, **flags: bool | None) -> None:
    """Record what support the company has offered."""
    changes = _given(**flags)
    if not changes:
        raise ValidationError("nothing to change: give a flag such as --training")
    journal, record = _load(app)
    record = set_support(record, **changes)
    _save(journal, record)
    offered = [k.replace("_", " ") for k in record.support.offered()]
    click.echo("support offered: " + (", ".join(offered) if offered else "none"))


@plan.command("signs")
@json_option
@pass_app
def signs(app: AppContext, as_json: bool) -> None:
    """The fixable signs and red flags, with your answers."""
    _, record = _load(app)
    content = load_plan_content()
    findings = assess_plan(record, app.today, content).signs
    if as_json:
        echo_json({"signs": [f.to_dict() for f in findings], "notice": content.notice})
        return
    lines = []
    for heading, direction in (("Fixable signs", "fixable"), ("Red flags", "exit_risk")):
        lines.append(heading)
        for f in (f for f in findings if f.yes_means == direction):
            answer = (f.answer or "-") + (" (from record)" if f.inferred else "")
            lines.append(f"  {f.id:<22} {answer:<18} {f.question} [{f.section}]")
        lines.append("")
    lines.append("Answer with: careercoach plan sign SIGN_ID yes|no|unsure")
    echo_text("\n".join(lines))


@plan.command("sign")
@click.argument("sign_id")
@click.argument("answer", type=click.Choice([*ANSWERS, "clear"], case_sensitive=False))
@pass_app
def sign(app: AppContext, sign_id: str, answer: str) -> None:
    """Answer one sign: yes, no, unsure (or clear to forget the answer)."""
    journal, record = _load(app)
    content = load_plan_content()
    value = None if answer.lower() == "clear" else answer.lower()
    record = answer_sign(record, sign_id, value, content)
    _save(journal, record)
    chosen = content.sign(sign_id)
    click.echo(f"{chosen.id}: {value or 'cleared'}")


@plan.command("docs")
@json_option
@pass_app
def docs(app: AppContext, as_json: bool) -> None:
    """The documentation checklist and what you have secured."""
    _, record = _load(app)
    content = load_plan_content()
    done = set(record.documents_done)
    if as_json:
        echo_json(
            {
                "documents": [
                    {
                        "id": d.id,
                        "label": d.label,
                        "hint": d.hint,
                        "section": d.section,
                        "done": d.id in done,
                    }
                    for d in content.documents
                ],
                "caveat": content.document_caveat,
                "notice": content.notice,
            }
        )
        return
    lines = ["Documents to secure while you still have access"]
    for d in content.documents:
        lines.append(f"  [{'x' if d.id in done else ' '}] {d.id:<20} {d.label}: {d.hint}")
    lines += ["", content.document_caveat, "Tick with: careercoach plan doc ITEM_ID", ""]
    echo_text("\n".join([*lines, content.notice]))


@plan.command("doc")
@click.argument("item_id")
@click.option("--undo", is_flag=True, help="Untick the item.")
@pass_app
def doc(app: AppContext, item_id: str, undo: bool) -> None:
    """Tick a documentation checklist item as secured."""
    journal, record = _load(app)
    content = load_plan_content()
    record = mark_document(record, item_id, not undo, content)
    _save(journal, record)
    item = content.document(item_id)
    click.echo(f"{item.id}: {'to do' if undo else 'done'}")


# -- advice and evidence ----------------------------------------------------------


@plan.command("assess")
@json_option
@pass_app
def assess(app: AppContext, as_json: bool) -> None:
    """Stay, mixed or exit: the verdict, the signs behind it, and warnings."""
    _, record = _load(app)
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
    journal, record = _load(app)
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
    """Exit options, negotiation rules, dismissal principles and where to get help."""
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
    lines += ["", "What a dismissal in Japan commonly has to show"]
    lines += [
        f"  {n}. {p.title}: {p.explanation} ({p.section})"
        for n, p in enumerate(content.dismissal_principles, start=1)
    ]
    lines += [f"  {content.dismissal_note} ({content.dismissal_note_section})"]
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

    journal, record = _load(app)
    if fmt is None:
        fmt = "txt" if output.lower().endswith(".txt") else "md"
    text = evidence_pack(record, journal.entries(), app.today, fmt)
    if output == "-":
        click.echo(text, nl=False)
        return
    path = Path(output).expanduser()
    if (path.exists() or path.is_symlink()) and not force:
        raise ValidationError(f"{path} already exists: add --force to overwrite it")
    try:
        write_private_file(path, text.encode("utf-8"))
    except OSError as exc:
        raise CareerCoachError(f"cannot write {path}: {describe_os_error(exc)}") from None
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
    journal.save_plan(None)
    click.echo("plan deleted")
