"""The review as text: the self-evaluation drafts, the meeting question, the report.

The drafts follow a Japanese evaluation sheet: results (成果), how I worked
(取り組み姿勢), what I will develop next (今後の課題と目標). Entries are cited as the
scripts cite them: a complete sentence of ours first, then the entries as items
(「・」 in Japanese), the Japanese title where there is one, so no title ever
stands inside a sentence. A part with nothing on record is left out of the draft
and named under "Before you send it" instead: a draft never holds a placeholder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from careercoach.model import Entry
from careercoach.phrasing import citation_of, cite_items, missing_japanese
from careercoach.review.content import DEVELOP_NEXT, HOW_I_WORKED, ReviewContent
from careercoach.review.engine import MAX_HIGHLIGHTS, Group, Review, next_level

LANG_NAMES = {"en": "English", "ja": "Japanese"}
DRAFT_TITLES = {"en": "Self-evaluation draft (English)", "ja": "自己評価の下書き（日本語）"}
CITED_GROUPS = ("invisible_work", "bridge_role", "soft_assertiveness", "documentation")
DEVELOP_COUNT = 2


def counted(count: int, noun: str, plural: str = "") -> str:
    """ "1 entry", "2 entries": the report speaks of one thing in the singular."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def heading(text: str, lang: str) -> str:
    return f"【{text}】" if lang == "ja" else text.upper()


def exam_label(day: dt.date, lang: str) -> str:
    return f"{day.year}年{day.month}月" if lang == "ja" else day.strftime("%B %Y")


def _cited(lead: str, entries: Sequence[Entry], lang: str) -> list[str]:
    """Our sentence, then the entries as items (the scripts' rule, phrasing.cite_items)."""
    citations = [citation_of(e) for e in entries]
    return [lead, *cite_items(citations, lang, limit=MAX_HIGHLIGHTS)]


def results_part(review: Review, content: ReviewContent, lang: str) -> list[str]:
    if not review.results.count:
        return []
    return _cited(content.results.text(lang), review.results.highlights, lang)


def how_i_worked_part(review: Review, content: ReviewContent, lang: str) -> list[str]:
    groups = {g.id: g for g in review.groups}
    paragraphs: list[list[str]] = []
    for criterion in HOW_I_WORKED:
        group = groups.get(criterion)
        if group is None or not group.count:
            continue
        if criterion == "japanese":
            lead = japanese_lead(review, content, lang)
        else:
            lead = content.how_i_worked[criterion].text(lang, count=group.count)
        cited = group.highlights if criterion in CITED_GROUPS else ()
        paragraphs.append(_cited(lead, cited, lang))
    lines: list[str] = []
    for paragraph in paragraphs:
        lines += [*([""] if lines else []), *paragraph]
    return lines


def japanese_lead(review: Review, content: ReviewContent, lang: str) -> str:
    """The Japanese sentence for what was logged, counting only that: study, use at
    work, both, or an exam; other Japanese entries get the general sentence. A JLPT
    pass follows (on its own when nothing else is said)."""
    logged = review.japanese_practice
    study, work, exams = logged.get("study", 0), logged.get("at_work", 0), logged.get("jlpt", 0)
    other = sum(logged.values()) - study - work - exams
    variants = content.japanese_practice
    if study and work:
        lead = variants["study_and_work"].text(lang, study=study, work=work)
    elif study or work:
        lead = variants["study" if study else "at_work"].text(lang, count=study or work)
    elif other:
        lead = content.how_i_worked["japanese"].text(lang, count=other)
    elif not review.jlpt_passed:
        lead = variants["exam"].text(lang, count=exams)
    else:
        return content.jlpt_passed_alone.text(lang, level=review.jlpt_passed)
    if review.jlpt_passed:
        joiner = "" if lang == "ja" else " "
        lead += joiner + content.jlpt_passed.text(lang, level=review.jlpt_passed)
    return lead


def develop_ids(review: Review) -> list[str]:
    """The two weakest of the criteria a person can work on, at the end of the period."""
    return [c for c in review.weakest if c in DEVELOP_NEXT][:DEVELOP_COUNT]


def develop_next_part(
    review: Review, content: ReviewContent, lang: str, next_exam: dt.date
) -> list[str]:
    """The two weakest criteria, then the next JLPT level when a known level is below
    the target role's bar (a level nobody recorded gets no exam goal)."""
    lines = [content.develop_next[c].text(lang) for c in develop_ids(review)]
    aim = next_level(review.jlpt_level, review.jlpt_bar) if review.jlpt_level else ""
    if aim:
        lines.append(content.jlpt_goal.text(lang, level=aim, exam=exam_label(next_exam, lang)))
    return lines


def meeting_question(review: Review, content: ReviewContent, lang: str) -> str:
    """What to ask in the evaluation meeting, in the guide's framing (§8); while an
    improvement plan runs, the clarifying questions instead (PIP guide §2)."""
    if review.plan_running:
        return content.ask_during_plan.text(lang)
    question = content.ask.text(lang)
    weakest = develop_ids(review)
    if not weakest:
        return question
    area = content.ask_area.text(lang, area=content.areas[weakest[0]][lang])
    return question + ("" if lang == "ja" else " ") + area


def self_evaluation(review: Review, content: ReviewContent, lang: str, next_exam: dt.date) -> str:
    """The draft in one language: the sheet's three parts, then the meeting question."""
    names = content.headings[lang]
    parts = [
        ("results", results_part(review, content, lang)),
        ("how_i_worked", how_i_worked_part(review, content, lang)),
        ("develop_next", develop_next_part(review, content, lang, next_exam)),
        ("ask", [meeting_question(review, content, lang)]),
    ]
    blocks = ["\n".join([heading(names[key], lang), *lines]) for key, lines in parts if lines]
    return "\n\n".join(blocks) + "\n"


def cited_entries(review: Review) -> list[Entry]:
    """The entries the drafts cite, in the order they appear."""
    groups = {g.id: g for g in review.groups}
    cited = list(review.results.highlights)
    for criterion in CITED_GROUPS:
        group = groups.get(criterion)
        if group is not None:
            cited += group.highlights
    return cited


def gaps(review: Review, langs: Sequence[str] = ()) -> list[str]:
    """What the drafts could not say from the record, for the user to add."""
    notes = []
    if not review.results.count:
        notes.append(
            "No achievement is logged in this period, so the drafts have no results part: "
            "log them (careercoach add achievement ...) or write that part yourself."
        )
    if not any(g.count for g in review.groups if g.id in HOW_I_WORKED):
        notes.append(
            "Nothing in this period shows how you worked (invisible work, bridge role, "
            "proposals, documents, team events, Japanese): add what you did before the meeting."
        )
    if "ja" in langs:
        untitled = missing_japanese(citation_of(e) for e in cited_entries(review))
        if untitled:
            ids = " ".join(c.entry_id for c in untitled)
            notes.append(
                f"{counted(len(untitled), 'cited entry has', 'cited entries have')} no Japanese "
                "title, so the Japanese draft shows the English one: add one with careercoach "
                f"edit ID --ja TEXT ({ids})."
            )
    return notes


def plan_note(review: Review) -> str:
    """How much plan evidence was left out, for the user's eyes only: never part of the
    report or a draft, which may be shown to the very people the plan involves."""
    count = review.plan_evidence_left_out
    if not count:
        return ""
    return (
        f"{counted(count, 'improvement-plan entry is', 'improvement-plan entries are')} "
        f"left out of this review (--include-plan counts {'it' if count == 1 else 'them'}); "
        "the review says nothing about a plan."
    )


def _entry_line(entry: Entry) -> str:
    star = "★ " if entry.starred else ""
    return f"    {star}{entry.date.isoformat()}  {entry.title}  ({entry.id})"


def _group_lines(group: Group) -> list[str]:
    return [
        f"  {group.title} ({group.section}): {group.count}",
        *map(_entry_line, group.highlights),
    ]


def _signed(change: int) -> str:
    return f"+{change}" if change > 0 else str(change)


def report(review: Review, drafts: dict[str, str]) -> str:
    """The whole review as plain text for the terminal or a file."""
    period = review.period
    start, end = review.start, review.end
    change = end.overall - start.overall
    direction = (
        "no change"
        if not change
        else f"{'up' if change > 0 else 'down'} {counted(abs(change), 'point')}"
    )
    lines = [
        f"Review: {period.since} to {period.until} ({period.basis})",
        f"{counted(review.entries, 'entry', 'entries')} in the period.",
        "",
        f"Readiness: {start.overall} ({start.band.name}) before {period.since} -> "
        f"{end.overall} ({end.band.name}) on {period.until}, {direction}",
    ]
    if review.moved:
        lines.append("What moved it:")
        for move in review.moved:
            lines.append(
                f"  {move.title}: {move.start} -> {move.end} ({_signed(move.change)}). "
                f"{move.explanation}"
            )
    lines += ["", "The record by the guide's criteria", *_group_lines(review.results)]
    lines.append(
        f"  Stability and team harmony (promotion guide §1): an entry in "
        f"{review.weeks_logged} of {counted(review.weeks, 'week')}"
    )
    for group in review.groups:
        lines += _group_lines(group)
    for lang, text in drafts.items():
        lines += ["", DRAFT_TITLES[lang], "", text.rstrip("\n")]
    notes = gaps(review, list(drafts))
    if notes:
        lines += ["", "Before you send it", *(f"  - {note}" for note in notes)]
    return "\n".join(lines) + "\n"


def _entry_dict(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "date": entry.date.isoformat(),
        "title": entry.title,
        "starred": entry.starred,
    }


def _group_dict(group: Group) -> dict[str, Any]:
    return {
        "id": group.id,
        "title": group.title,
        "section": group.section,
        "count": group.count,
        "highlights": [_entry_dict(e) for e in group.highlights],
    }


def review_dict(review: Review, drafts: dict[str, str]) -> dict[str, Any]:
    """The stable JSON shape of `careercoach review --json`."""
    return {
        "period": {
            "since": review.period.since.isoformat(),
            "until": review.period.until.isoformat(),
            "basis": review.period.basis,
        },
        "entries": review.entries,
        "plan_evidence_left_out": review.plan_evidence_left_out,
        "readiness": {
            "start": {
                "date": review.period.day_before.isoformat(),
                "overall": review.start.overall,
            },
            "end": {"date": review.period.until.isoformat(), "overall": review.end.overall},
            "moved": [
                {
                    "id": m.id,
                    "title": m.title,
                    "start": m.start,
                    "end": m.end,
                    "change": m.change,
                    "explanation": m.explanation,
                }
                for m in review.moved
            ],
        },
        "results": _group_dict(review.results),
        "weeks": {"total": review.weeks, "with_entries": review.weeks_logged},
        "criteria": [_group_dict(g) for g in review.groups],
        "drafts": drafts,
        "before_you_send": gaps(review, list(drafts)),
    }
