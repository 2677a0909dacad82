"""`careercoach plan support|signs|sign|docs|doc`: the checklists you fill in as the plan runs."""

from __future__ import annotations

import click

from careercoach.cli.context import AppContext
from careercoach.cli.output import echo_json, echo_text
from careercoach.cli.plan_shared import given, json_option, load_plan, pass_app
from careercoach.errors import ValidationError
from careercoach.plan import (
    ANSWERS,
    SUPPORT_LABELS,
    PlanContent,
    assess_plan,
    change,
    load_plan_content,
)


@click.command("support")
@click.option("--training/--no-training", default=None, help=SUPPORT_LABELS["training"])
@click.option("--coaching/--no-coaching", default=None, help=SUPPORT_LABELS["coaching"])
@click.option(
    "--language-support/--no-language-support",
    default=None,
    help=SUPPORT_LABELS["language_support"],
)
@click.option(
    "--transfer-discussed/--no-transfer-discussed",
    default=None,
    help=SUPPORT_LABELS["transfer_discussed"],
)
@pass_app
def support(app: AppContext, **flags: bool | None) -> None:
    """Record what support the company has offered."""
    changes = given(**flags)
    if not changes:
        raise ValidationError("nothing to change: give a flag such as --training")
    journal, _ = load_plan(app)
    record = change.support(**changes).save(journal).plan
    offered = [k.replace("_", " ") for k in record.support.offered()]
    click.echo("support offered: " + (", ".join(offered) if offered else "none"))


@click.command("signs")
@json_option
@pass_app
def signs(app: AppContext, as_json: bool) -> None:
    """The fixable signs and red flags, with your answers."""
    _, record = load_plan(app)
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
            note = content.sign(f.id).note
            if note:
                lines.append(f"  {'':<22} {'':<18} {note}")
            if f.id == content.business_dismissal.sign:
                lines += _business_dismissal_lines(content, indent=f"  {'':<22} {'':<18} ")
        lines.append("")
    lines.append("Answer with: careercoach plan sign SIGN_ID yes|no|unsure")
    echo_text("\n".join([*lines, "", content.notice]))


def _business_dismissal_lines(content: PlanContent, indent: str) -> list[str]:
    """The four elements a dismissal for business reasons is judged by, under the sign
    that brings it into play."""
    business = content.business_dismissal
    return [
        f"{indent}{business.title} ({business.section}): {business.summary}",
        *(
            f"{indent}  {n}. {p.title}: {p.explanation}"
            for n, p in enumerate(business.requirements, start=1)
        ),
    ]


@click.command("sign")
@click.argument("sign_id")
@click.argument("answer", type=click.Choice([*ANSWERS, "clear"], case_sensitive=False))
@pass_app
def sign(app: AppContext, sign_id: str, answer: str) -> None:
    """Answer one sign: yes, no, unsure (or clear to forget the answer)."""
    journal, _ = load_plan(app)
    content = load_plan_content()
    value = None if answer.lower() == "clear" else answer.lower()
    change.answer(sign_id, value, content).save(journal)
    chosen = content.sign(sign_id)
    click.echo(f"{chosen.id}: {value or 'cleared'}")


@click.command("docs")
@json_option
@pass_app
def docs(app: AppContext, as_json: bool) -> None:
    """The documentation checklist and what you have secured."""
    _, record = load_plan(app)
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


@click.command("doc")
@click.argument("item_id")
@click.option("--undo", is_flag=True, help="Untick the item.")
@pass_app
def doc(app: AppContext, item_id: str, undo: bool) -> None:
    """Tick a documentation checklist item as secured."""
    journal, _ = load_plan(app)
    content = load_plan_content()
    change.document(item_id, not undo, content).save(journal)
    item = content.document(item_id)
    click.echo(f"{item.id}: {'to do' if undo else 'done'}")
