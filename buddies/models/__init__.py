from .program import (
    BuddyAssignment,
    BuddyProfile,
    BuddyProgramSettings,
    Cohort,
    Onboarding,
    OnboardingStatus,
)

from .plans import Milestone, PlanTemplate, PlanTemplateMilestone  # isort: skip
from .checkins import CheckIn, CheckInQuestion, CheckInReminder, PrivateNote
from .network import GoToPerson, Introduction
from .surveys import SurveyResponse

__all__ = [
    "BuddyAssignment",
    "BuddyProfile",
    "BuddyProgramSettings",
    "CheckIn",
    "CheckInQuestion",
    "CheckInReminder",
    "Cohort",
    "GoToPerson",
    "Introduction",
    "Milestone",
    "Onboarding",
    "OnboardingStatus",
    "PlanTemplate",
    "PlanTemplateMilestone",
    "PrivateNote",
    "SurveyResponse",
]
