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

__all__ = [
    "Assessment",
    "Criterion",
    "CriterionScore",
    "TrendPoint",
    "assess",
    "assess_with_trend",
    "load_criteria",
    "trend",
]
