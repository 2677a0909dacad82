"""The improvement-plan navigator: the plan record, its content, assessment,
key dates, evidence notes and the evidence pack (pure, apart from `evidence`).
"""

from __future__ import annotations

from careercoach.plan.content import FIXABLE, PlanContent, load_plan_content
from careercoach.plan.evidence import evidence_note, meeting_note, save_with_evidence
from careercoach.plan.export import evidence_pack, goal_numbers
from careercoach.plan.navigator import (
    KeyDate,
    PlanAssessment,
    SignFinding,
    TimelineItem,
    assess_plan,
    evidence_timeline,
    key_dates,
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
    "SUPPORT_KINDS",
    "SUPPORT_LABELS",
    "Goal",
    "KeyDate",
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
    "check_meeting_date",
    "check_meeting_note",
    "edit_goal",
    "evidence_note",
    "evidence_pack",
    "evidence_timeline",
    "goal_numbers",
    "key_dates",
    "load_plan_content",
    "mark_document",
    "meeting_note",
    "new_plan",
    "plan_warnings",
    "save_with_evidence",
    "set_goal_status",
    "set_support",
    "with_dates",
]
