"""The improvement-plan evidence pack: everything a lawyer or HR needs, on one page.

`evidence_pack(plan, entries, as_of, fmt)` renders Markdown or plain text. User text
is data: control characters and escape sequences are removed, and in Markdown the
characters that would turn it into formatting are backslash-escaped, so a goal named
`**[urgent]**` prints exactly like that. Pure: writing the file is the caller's job.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

from careercoach.model import Entry
from careercoach.plan.content import PlanContent, load_plan_content
from careercoach.plan.evidence import NOTE_GONE, meetings_without_note
from careercoach.plan.navigator import assess_plan, evidence_timeline, key_dates
from careercoach.plan.record import Goal, PlanRecord
from careercoach.textsafe import terminal_safe

FORMATS = ("md", "txt")

_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~{}!])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def md_escape(text: str) -> str:
    """Make user text literal in Markdown (inline and at the start of lines)."""
    escaped = _MD_SPECIAL.sub(r"\\\1", terminal_safe(text))
    return _MD_LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


class _Writer:
    """Headings, paragraphs and bullets in Markdown or plain text."""

    def __init__(self, fmt: str) -> None:
        self.markdown = fmt == "md"
        self.lines: list[str] = []

    def user(self, text: str) -> str:
        return md_escape(text) if self.markdown else terminal_safe(text)

    def title(self, text: str) -> None:
        self.lines += [f"# {text}" if self.markdown else f"{text}\n{'=' * len(text)}", ""]

    def heading(self, text: str) -> None:
        self.lines += [f"## {text}" if self.markdown else f"{text}\n{'-' * len(text)}", ""]

    def para(self, text: str) -> None:
        self.lines += [text, ""]

    def notice(self, text: str) -> None:
        self.lines += [f"> **{text}**" if self.markdown else f"NOTICE: {text}", ""]

    def bullets(self, items: Iterable[str], *, empty: str) -> None:
        rendered = [f"- {item}" for item in items]
        self.lines += [*(rendered or [empty]), ""]

    def detail(self, text: str) -> str:
        """Multi-line user text indented under a bullet."""
        return "\n".join("    " + line for line in self.user(text).strip().splitlines())

    def text(self) -> str:
        return "\n".join(self.lines).rstrip() + "\n"


def goal_numbers(numbers: Iterable[int]) -> str:
    """ "goal 2" or "goals 1, 3"."""
    found = [str(n) for n in numbers]
    return ("goal " if len(found) == 1 else "goals ") + ", ".join(found)


def _yes_no(value: bool | None) -> str:
    return {True: "yes", False: "no", None: "not confirmed"}[value]


def _goal_line(number: int, goal: Goal, writer: _Writer) -> str:
    status = {"open": "open", "met": "MET", "not_met": "NOT MET"}[goal.status]
    if goal.status == "met" and goal.met_on:
        status += f" on {goal.met_on.isoformat()}, recognised: {_yes_no(goal.recognised)}"
    flags = (
        f"specific: {_yes_no(goal.specific)}, measurable: {_yes_no(goal.measurable)}, "
        f"within my control: {_yes_no(goal.within_my_control)}, agreed: {_yes_no(goal.agreed)}"
    )
    return f"Goal {number}: {writer.user(goal.text)} [{status}] ({flags})"


def evidence_pack(
    plan: PlanRecord,
    entries: Iterable[Entry],
    as_of: dt.date,
    fmt: str = "md",
    *,
    content: PlanContent | None = None,
) -> str:
    """The evidence pack: plan, goals and status, meetings, timeline, checklist, dates."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}")
    content = content or load_plan_content()
    out = _Writer(fmt)
    entries = tuple(entries)
    assessment = assess_plan(plan, as_of, content)
    out.title("Improvement plan: evidence pack")
    out.para(f"Prepared on {as_of.isoformat()} with careercoach from my own journal.")
    out.notice(content.notice)

    out.heading("The plan")
    period = [
        f"Period: {plan.start.isoformat()} to {plan.end.isoformat()} ({plan.length_days} days)",
        f"Status on {as_of.isoformat()}: {assessment.phase.replace('_', ' ')}",
    ]
    if plan.offer_date:
        period.append(f"Document to decide on handed over on: {plan.offer_date.isoformat()}")
    if plan.employment_end:
        period.append(f"Employment ends: {plan.employment_end.isoformat()}")
    offered = [k.replace("_", " ") for k in plan.support.offered()]
    period.append("Support offered: " + (", ".join(offered) if offered else "none recorded"))
    out.bullets(period, empty="")

    out.heading("Goals and their status")
    out.bullets(
        (_goal_line(n, g, out) for n, g in enumerate(plan.goals, start=1)),
        empty="No goals recorded.",
    )

    out.heading("Check-in meetings")
    gone = meetings_without_note(entries, plan.meetings)
    out.bullets(
        (
            f"{m.date.isoformat()}: "
            + (out.user(m.note) if m.note else "(no note)")
            + (f" ({NOTE_GONE})" if m in gone else "")
            for m in plan.meetings
        ),
        empty="No meetings recorded.",
    )

    out.heading("Timeline of evidence")
    timeline = evidence_timeline(entries, plan, content=content)
    out.bullets(
        (
            f"{item.date.isoformat()} [{item.label}] {out.user(item.title)} (entry {item.entry_id})"
            + (f"\n{out.detail(item.notes)}" if item.notes.strip() else "")
            for item in timeline
        ),
        empty="No plan evidence in the journal yet.",
    )

    out.heading("Documents secured")
    done = set(plan.documents_done)
    mark = ("[x]", "[ ]") if out.markdown else ("(done)", "(to do)")
    out.bullets(
        (f"{mark[0] if d.id in done else mark[1]} {d.label}" for d in content.documents),
        empty="",
    )

    out.heading("Key dates")
    out.bullets(
        (
            f"{k.date.isoformat()}: {k.title}. {k.detail} ({k.section})"
            for k in key_dates(plan, as_of, content=content)
        ),
        empty="",
    )

    out.heading("Points the record raises")
    out.bullets(
        (
            f"{w.title}"
            + (f" ({goal_numbers(w.goals)})" if w.goals else "")
            + f": {w.advice} ({w.section})"
            for w in assessment.warnings
        ),
        empty="None.",
    )

    out.heading("My answers on the signs")
    out.bullets(
        (
            f"{s.label}: {s.answer}"
            + (" (from the record)" if s.inferred else "")
            + (" - points to a fixable plan" if s.yes_means == "fixable" else " - a red flag")
            for s in assessment.signs
            if s.answer is not None
        ),
        empty="No signs answered.",
    )
    out.notice(content.notice)
    return out.text()
