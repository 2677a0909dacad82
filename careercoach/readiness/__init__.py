"""Promotion readiness: the criteria, the score and the timing verdict (pure functions)."""

from __future__ import annotations

from careercoach.readiness.criteria import (
    Criterion,
    JlptFacts,
    Returns,
    Weighting,
    load_criteria,
)
from careercoach.readiness.exams import results_date
from careercoach.readiness.measure import years_and_months
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
    "JlptFacts",
    "Returns",
    "TrendPoint",
    "Weighting",
    "assess",
    "assess_with_trend",
    "load_criteria",
    "results_date",
    "trend",
    "years_and_months",
]
