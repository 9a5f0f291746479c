"""Surveys at day 30, 60 and 90: the hire answers; program managers see aggregates, never one person's answers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Avg, Count, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from buddies.models import Onboarding, SurveyResponse
from buddies.models.surveys import SURVEY_DAYS

# Fewer answers than this and an average would give away one person's answers.
MIN_RESPONSES_FOR_AVERAGES = 3


def surveys_due(onboarding: Onboarding, answered: set[int], *, today: date | None = None) -> list[int]:
    today = today or timezone.localdate()
    return [
        day for day in SURVEY_DAYS if day not in answered and onboarding.start_date + timedelta(days=day - 1) <= today
    ]


@transaction.atomic
def submit_survey(
    *,
    onboarding: Onboarding,
    by: AbstractBaseUser,
    day: int,
    buddy_support: int,
    plan_clarity: int,
    confidence: int,
    comment: str = "",
) -> SurveyResponse:
    if by.pk != onboarding.hire_id:
        raise PermissionDenied(_("Only the new hire answers their survey."))
    answered = set(onboarding.survey_responses.values_list("day", flat=True))
    if day not in SURVEY_DAYS:
        raise ValidationError({"day": _("Surveys are at day 30, 60 and 90.")})
    if day in answered:
        raise ValidationError({"day": _("The day %(day)d survey is already answered.") % {"day": day}})
    if day not in surveys_due(onboarding, answered):
        raise ValidationError(
            {"day": _("The day %(day)d survey opens on day %(day)d of the onboarding.") % {"day": day}}
        )
    response = SurveyResponse(
        onboarding=onboarding,
        day=day,
        buddy_support=buddy_support,
        plan_clarity=plan_clarity,
        confidence=confidence,
        comment=comment.strip(),
    )
    response.full_clean()
    try:
        with transaction.atomic():
            response.save()
    except IntegrityError as error:
        raise ValidationError({"day": _("The day %(day)d survey is already answered.") % {"day": day}}) from error
    return response


@dataclass
class SurveySummary:
    day: int
    responses: int
    buddy_support: float | None
    plan_clarity: float | None
    confidence: float | None
    low: bool = False

    @property
    def shown(self) -> bool:
        return self.responses >= MIN_RESPONSES_FOR_AVERAGES

    def below(self, score: float) -> bool:
        """Whether the shown averages, taken together, fall below `score` (never for withheld ones)."""
        if not self.shown:
            return False
        return (self.buddy_support + self.plan_clarity + self.confidence) / 3 < score


def survey_summary(onboardings: QuerySet[Onboarding], *, by: str | None = None) -> dict[object, list[SurveySummary]]:
    """Averages per survey day over the given onboardings, grouped by an onboarding field (`by`, e.g.
    "cohort_id") or all together under the key None; one query. Averages are withheld below
    MIN_RESPONSES_FOR_AVERAGES answers, and free text is never part of a summary."""
    group = f"onboarding__{by}" if by else None
    rows: dict[object, dict[int, dict]] = {}
    fields = ["day", group] if group else ["day"]
    for row in (
        SurveyResponse.objects.filter(onboarding__in=onboardings)
        .values(*fields)
        .annotate(n=Count("pk"), support=Avg("buddy_support"), clarity=Avg("plan_clarity"), sure=Avg("confidence"))
        .order_by()
    ):
        rows.setdefault(row[group] if group else None, {})[row["day"]] = row
    if not by:
        rows.setdefault(None, {})
    return {key: [summary_for(day, days.get(day)) for day in SURVEY_DAYS] for key, days in rows.items()}


def summary_for(day: int, row: dict | None) -> SurveySummary:
    row = row or {"n": 0, "support": None, "clarity": None, "sure": None}
    enough = row["n"] >= MIN_RESPONSES_FOR_AVERAGES
    return SurveySummary(
        day=day,
        responses=row["n"],
        buddy_support=round(row["support"], 2) if enough else None,
        plan_clarity=round(row["clarity"], 2) if enough else None,
        confidence=round(row["sure"], 2) if enough else None,
    )
