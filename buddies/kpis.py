"""Program signals: each onboarding's progress and risk, and the KPIs of each cohort. Query counts do not grow
with the number of onboardings."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Exists, F, IntegerField, Max, Min, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from buddies.access import survey_answers_readable_by
from buddies.models import BuddyProgramSettings, CheckIn, Cohort, Milestone, Onboarding, OnboardingStatus
from buddies.models.surveys import SURVEY_DAYS
from buddies.surveys import SurveySummary, summary_for, survey_summary


def count_of(queryset: QuerySet) -> Coalesce:
    counted = queryset.order_by().values("onboarding_id").annotate(n=Count("pk")).values("n")[:1]
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def low_surveys(*, viewer: AbstractBaseUser, program: BuddyProgramSettings) -> QuerySet:
    """The surveys of the outer onboarding that averaged below the program's low score, among those `viewer`
    may read: a low score is one person's answers, so only the hire is ever told."""
    return (
        survey_answers_readable_by(viewer)
        .filter(onboarding_id=OuterRef("pk"))
        .annotate(total=F("buddy_support") + F("plan_clarity") + F("confidence"))
        .filter(total__lt=3 * program.low_survey_score)
    )


def with_signals(
    onboardings: QuerySet[Onboarding], *, today: date, program: BuddyProgramSettings, viewer: AbstractBaseUser
) -> QuerySet:
    """Annotates progress and risk: milestones done/total/overdue, missed check-ins, the next check-in and
    whether a survey `viewer` may read came back low."""
    missed_before = today - timedelta(days=program.missed_after_days)
    milestones = Milestone.objects.filter(onboarding_id=OuterRef("pk"))
    check_ins = CheckIn.objects.not_cancelled().filter(onboarding_id=OuterRef("pk"))
    next_check_in = check_ins.filter(held_on__isnull=True, scheduled_for__gte=today).order_by("scheduled_for")
    return onboardings.annotate(
        milestones_total=count_of(milestones),
        milestones_done=count_of(milestones.filter(done_at__isnull=False)),
        overdue=count_of(milestones.filter(done_at__isnull=True, due_on__lt=today)),
        missed=count_of(check_ins.filter(held_on__isnull=True, scheduled_for__lt=missed_before)),
        low_survey=Exists(low_surveys(viewer=viewer, program=program)),
        next_check_in=Subquery(next_check_in.values("scheduled_for")[:1]),
    )


def at_risk(
    onboardings: QuerySet[Onboarding], *, today: date, program: BuddyProgramSettings, viewer: AbstractBaseUser
) -> QuerySet:
    """The active onboardings with something to act on: no buddy, an overdue milestone, a missed check-in or
    a low survey `viewer` may read. Existence tests only, so the whole program is filtered cheaply; annotate
    the page shown with `with_signals` for the numbers."""
    missed_before = today - timedelta(days=program.missed_after_days)
    overdue = Milestone.objects.filter(onboarding_id=OuterRef("pk"), done_at__isnull=True, due_on__lt=today)
    missed = CheckIn.objects.not_cancelled().filter(
        onboarding_id=OuterRef("pk"), held_on__isnull=True, scheduled_for__lt=missed_before
    )
    low = low_surveys(viewer=viewer, program=program)
    return onboardings.filter(status=OnboardingStatus.ACTIVE).filter(
        Q(buddy__isnull=True) | Exists(overdue) | Exists(missed) | Exists(low)
    )


def risk_reasons(onboarding) -> list[str]:
    reasons = []
    if onboarding.buddy_id is None and onboarding.status == OnboardingStatus.ACTIVE:
        reasons.append(gettext("no buddy yet"))
    if onboarding.overdue:
        reasons.append(
            ngettext("%(count)d overdue milestone", "%(count)d overdue milestones", onboarding.overdue)
            % {"count": onboarding.overdue}
        )
    if onboarding.missed:
        reasons.append(
            ngettext("%(count)d missed check-in", "%(count)d missed check-ins", onboarding.missed)
            % {"count": onboarding.missed}
        )
    if onboarding.low_survey:
        reasons.append(gettext("a low survey score"))
    return reasons


@dataclass
class CohortKpis:
    cohort: Cohort
    hires: int = 0
    days_to_first_check_in: float | None = None
    check_ins_due: int = 0
    check_ins_held: int = 0
    milestones_by_day: dict[int, float | None] = field(default_factory=dict)
    median_days_to_finish: float | None = None
    finished: int = 0
    surveys: list[SurveySummary] = field(default_factory=list)

    @property
    def adherence(self) -> float | None:
        return self.check_ins_held / self.check_ins_due if self.check_ins_due else None


def cohort_kpis(cohorts: list[Cohort], *, today: date | None = None) -> list[CohortKpis]:
    """KPIs for each cohort, in a handful of queries whatever the number of hires:
    days to the first check-in (median), check-in adherence (held of those due), the share of milestones
    due by day 30/60/90 that were done by then, survey averages, and the median days to finish the plan."""
    today = today or timezone.localdate()
    program = BuddyProgramSettings.load()
    kpis = {cohort.pk: CohortKpis(cohort=cohort) for cohort in cohorts}
    counted = Onboarding.objects.filter(cohort__in=cohorts)
    for cohort_id, hires in counted.values("cohort_id").annotate(n=Count("pk")).values_list("cohort_id", "n"):
        kpis[cohort_id].hires = hires

    firsts: dict[int, list[int]] = {}
    for cohort_id, start, first in (
        CheckIn.objects.filter(onboarding__cohort__in=cohorts, held_on__isnull=False)
        .values("onboarding_id")
        .annotate(first=Min("held_on"))
        .values_list("onboarding__cohort_id", "onboarding__start_date", "first")
    ):
        firsts.setdefault(cohort_id, []).append((first - start).days)
    due_before = today - timedelta(days=program.missed_after_days)
    for row in (
        CheckIn.objects.not_cancelled()
        .filter(onboarding__cohort__in=cohorts)
        .filter(Q(held_on__isnull=False) | Q(scheduled_for__lt=due_before))
        .values("onboarding__cohort_id")
        .annotate(due=Count("pk"), held=Count("pk", filter=Q(held_on__isnull=False)))
    ):
        kpis[row["onboarding__cohort_id"]].check_ins_due = row["due"]
        kpis[row["onboarding__cohort_id"]].check_ins_held = row["held"]

    # Milestones due by day N (their day offset is at most N) and done by then (the day they were done on is
    # at most N), over the onboardings that have reached day N: counted in the database.
    shares = {}
    for day in SURVEY_DAYS:
        reached = Q(onboarding__start_date__lte=today - timedelta(days=day - 1), day_offset__lte=day)
        shares[f"due_{day}"] = Count("pk", filter=reached)
        shares[f"done_{day}"] = Count("pk", filter=reached & Q(done_day__lte=day))
    by_day = {
        row["onboarding__cohort_id"]: row
        for row in Milestone.objects.filter(onboarding__cohort__in=cohorts)
        .values("onboarding__cohort_id")
        .annotate(**shares)
        .order_by()
    }
    finish_days: dict[int, list[int]] = {}
    for cohort_id, last_day in (
        Milestone.objects.filter(onboarding__cohort__in=cohorts)
        .values("onboarding_id", "onboarding__cohort_id")
        .annotate(still_open=Count("pk", filter=Q(done_day__isnull=True)), last_day=Max("done_day"))
        .filter(still_open=0)
        .values_list("onboarding__cohort_id", "last_day")
        .order_by()
    ):
        finish_days.setdefault(cohort_id, []).append(last_day - 1)

    for cohort_id, item in kpis.items():
        item.days_to_first_check_in = statistics.median(firsts[cohort_id]) if firsts.get(cohort_id) else None
        row = by_day.get(cohort_id, {})
        item.milestones_by_day = {
            day: row[f"done_{day}"] / row[f"due_{day}"] if row.get(f"due_{day}") else None for day in SURVEY_DAYS
        }
        item.finished = len(finish_days.get(cohort_id, []))
        item.median_days_to_finish = statistics.median(finish_days[cohort_id]) if finish_days.get(cohort_id) else None
    summaries = survey_summary(Onboarding.objects.filter(cohort__in=cohorts), by="cohort_id")
    for cohort_id, item in kpis.items():
        item.surveys = summaries.get(cohort_id) or [summary_for(day, None) for day in SURVEY_DAYS]
        for summary in item.surveys:
            summary.low = summary.below(program.low_survey_score)
    return [kpis[cohort.pk] for cohort in cohorts]
