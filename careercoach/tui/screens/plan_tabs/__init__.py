"""The tabs of the improvement-plan screen, one widget each."""

from __future__ import annotations

from careercoach.tui.screens.plan_tabs.base import FormSave, PlanTab, PlanView
from careercoach.tui.screens.plan_tabs.dates import DatesTab, dates_hint
from careercoach.tui.screens.plan_tabs.documents import DocumentsTab
from careercoach.tui.screens.plan_tabs.exit_options import ExitOptionsTab
from careercoach.tui.screens.plan_tabs.goals import GoalsTab
from careercoach.tui.screens.plan_tabs.signs import SignsTab
from careercoach.tui.screens.plan_tabs.verdict import VerdictTab

__all__ = [
    "DatesTab",
    "DocumentsTab",
    "ExitOptionsTab",
    "FormSave",
    "GoalsTab",
    "PlanTab",
    "PlanView",
    "SignsTab",
    "VerdictTab",
    "dates_hint",
]
