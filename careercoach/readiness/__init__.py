"""Promotion readiness: the criteria, the score and the timing verdict (pure functions)."""

from __future__ import annotations

from careercoach.readiness.criteria import Criterion, load_criteria
from careercoach.readiness.score import (
    Assessment,
    CriterionScore,
    TrendPoint,
    assess,
    assess_with_trend,
    trend,
)
from careercoach.readiness.timing import PLAN_HEADLINE, PLAN_REASON

__all__ = [
    "PLAN_HEADLINE",
    "PLAN_REASON",
    "Assessment",
    "Criterion",
    "CriterionScore",
    "TrendPoint",
    "assess",
    "assess_with_trend",
    "load_criteria",
    "trend",
]
