"""The improvement-plan navigator: the plan record, its content, assessment,
key dates, evidence notes and the evidence pack (pure, apart from `change`).

`change` holds every change to the plan as a step (`change.add_meeting(day, note)`,
`change.delete_goal(2)`, ...) that `step.save(journal)` writes with its journal notes;
the app and the command line build the same steps.
"""

from __future__ import annotations

from careercoach.plan import steps as change
from careercoach.plan.content import (
    FIXABLE,
    ExitOption,
    LawItem,
    PlanContent,
    load_plan_content,
)
from careercoach.plan.evidence import (
    NOTE_GONE,
    evidence_note,
    find_meeting_note,
    goal_met_note,
    meeting_note,
    meetings_without_note,
)
from careercoach.plan.export import evidence_pack, goal_numbers
from careercoach.plan.navigator import (
    KeyDate,
    PlanAssessment,
    SignFinding,
    TimelineItem,
    assess_plan,
    evidence_timeline,
    key_dates,
    next_key_date,
    plan_is_active,
    plan_warnings,
)
from careercoach.plan.record import (
    ANSWERS,
    SUPPORT_KINDS,
    SUPPORT_LABELS,
    Goal,
    Meeting,
    PlanRecord,
    add_goal,
    add_meeting,
    answer_sign,
    check_meeting_date,
    check_meeting_note,
    edit_goal,
    mark_document,
    new_plan,
    set_goal_status,
    set_support,
    with_dates,
)

__all__ = [
    "ANSWERS",
    "FIXABLE",
    "NOTE_GONE",
    "SUPPORT_KINDS",
    "SUPPORT_LABELS",
    "ExitOption",
    "Goal",
    "KeyDate",
    "LawItem",
    "Meeting",
    "PlanAssessment",
    "PlanContent",
    "PlanRecord",
    "SignFinding",
    "TimelineItem",
    "add_goal",
    "add_meeting",
    "answer_sign",
    "assess_plan",
    "change",
    "check_meeting_date",
    "check_meeting_note",
    "edit_goal",
    "evidence_note",
    "evidence_pack",
    "evidence_timeline",
    "find_meeting_note",
    "goal_met_note",
    "goal_numbers",
    "key_dates",
    "load_plan_content",
    "mark_document",
    "meeting_note",
    "meetings_without_note",
    "new_plan",
    "next_key_date",
    "plan_is_active",
    "plan_warnings",
    "set_goal_status",
    "set_support",
    "with_dates",
]
