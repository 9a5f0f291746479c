"""Starting onboardings and pairing buddies: every change is checked first and saved whole, with its history."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from buddies.eligibility import candidate_for, hire_facts, load_candidates, why_ineligible
from buddies.matching import BuddySuggestion, score_table
from buddies.models import BuddyAssignment, BuddyProfile, BuddyProgramSettings, Cohort, Onboarding, OnboardingStatus
from buddies.models.program import OPEN_STATUSES
from expertise.people import profile_for
from wiki.models import ProcessPage

REASON_MAX = 500
AREA_DEPTH = 3  # root, home page, process areas


@transaction.atomic
def start_onboarding(
    *,
    hire: AbstractBaseUser,
    start_date: date,
    role: str = "",
    cohort: Cohort | None = None,
    plan_template=None,
    manager: AbstractBaseUser | None = None,
    team=None,
    process_areas=(),
    end_date: date | None = None,
) -> Onboarding:
    """A new onboarding with its plan and check-in schedule; team and manager default to the hire's profile."""
    profile = profile_for(hire)
    if Onboarding.objects.filter(hire=hire, status__in=OPEN_STATUSES).exists():
        raise ValidationError({"hire": _("%(name)s already has an onboarding under way.") % {"name": profile.name}})
    program = BuddyProgramSettings.load()
    if end_date is None:
        end_date = start_date + timezone.timedelta(days=program.program_length_days)
    onboarding = Onboarding(
        hire=hire,
        start_date=start_date,
        end_date=end_date,
        role=role or profile.title,
        cohort=cohort,
        plan_template=plan_template,
        manager=manager or profile.manager,
        team=team or profile.team,
        status=OnboardingStatus.ACTIVE if start_date <= timezone.localdate() else OnboardingStatus.PLANNED,
    )
    onboarding.full_clean()
    onboarding.save()
    set_up_onboarding(onboarding, process_areas=process_areas)
    return onboarding


def set_up_onboarding(onboarding: Onboarding, *, process_areas=()) -> None:
    """Gives a saved onboarding its plan, process areas and check-in schedule."""
    from buddies.checkins import schedule_check_ins
    from buddies.plans import instantiate_plan

    instantiate_plan(onboarding)
    onboarding.process_areas.set(process_areas or plan_process_areas(onboarding))
    schedule_check_ins(onboarding)


def plan_process_areas(onboarding: Onboarding) -> list:
    """The process areas (top-level process pages) that the plan's wiki pages belong to."""
    pages = Page.objects.filter(pk__in=onboarding.milestones.values("pages"))
    areas = set()
    for page in pages:
        areas.update(
            Page.objects.ancestor_of(page, inclusive=True).filter(depth=AREA_DEPTH).values_list("pk", flat=True)
        )
    return list(ProcessPage.objects.filter(pk__in=areas))


def score_pair(onboarding: Onboarding, buddy: AbstractBaseUser) -> tuple[BuddySuggestion, str | None]:
    """How one person scores as this hire's buddy, and why they cannot be it (None when they can)."""
    hire = hire_facts([onboarding])[0]
    found = load_candidates(user_ids=[buddy.pk], topic_ids=hire.topic_ids)
    candidate = found[0] if found else candidate_for(buddy)
    program = BuddyProgramSettings.load()
    table = score_table([hire], [candidate], program)
    suggestion = BuddySuggestion(candidate=candidate, score=float(table.scores[0, 0]), breakdown=table.breakdown(0, 0))
    return suggestion, why_ineligible(candidate, hire, minimum_tenure_months=program.minimum_tenure_months)


@transaction.atomic
def assign_buddy(
    *,
    onboarding: Onboarding,
    buddy: AbstractBaseUser,
    by: AbstractBaseUser | None,
    reason: str = "",
    best_score: float | None = None,
) -> BuddyAssignment:
    """Pairs `buddy` with the hire. Re-pairing ends the current pairing (kept as history) and needs a reason,
    as does choosing someone who is not the best match (`best_score` is the best suggestion's score)."""
    # Lock the buddy's row so two managers cannot both give them their last place.
    BuddyProfile.objects.select_for_update().filter(user=buddy).first()
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    reason = reason.strip()
    if len(reason) > REASON_MAX:
        raise ValidationError(
            {"reason": _("Keep the reason to %(count)d characters or fewer.") % {"count": REASON_MAX}}
        )
    if not onboarding.is_open:
        raise ValidationError(
            _("This onboarding is %(status)s: it takes no new buddy.")
            % {"status": onboarding.get_status_display().lower()}
        )
    if onboarding.buddy_id == buddy.pk:
        raise ValidationError({"buddy": _("That person is already this hire's buddy.")})
    suggestion, problem = score_pair(onboarding, buddy)
    if problem:
        raise ValidationError({"buddy": _("Cannot pair: %(problem)s.") % {"problem": problem}})
    overridden = best_score is not None and suggestion.score < best_score - 1e-9
    if onboarding.buddy_id and not reason:
        raise ValidationError({"reason": _("Say why the new hire changes buddy: the reason is kept with the history.")})
    if overridden and not reason:
        raise ValidationError({"reason": _("Say why you chose someone other than the best match.")})
    now = timezone.now()
    BuddyAssignment.objects.filter(onboarding=onboarding, ended_at__isnull=True).update(ended_at=now)
    assignment = BuddyAssignment(
        onboarding=onboarding,
        buddy=buddy,
        assigned_by=by,
        assigned_at=now,
        score=round(suggestion.score, 3),
        breakdown=[criterion.as_dict() for criterion in suggestion.breakdown],
        overridden=overridden,
        reason=reason,
    )
    assignment.full_clean()
    assignment.save()
    onboarding.buddy = buddy
    onboarding.save(update_fields=["buddy"])
    return assignment


@transaction.atomic
def save_cohort_match(*, cohort: Cohort, pairs: list[tuple[int, int]], by: AbstractBaseUser | None) -> int:
    """Saves a previewed cohort assignment ((onboarding id, buddy id) pairs): all of it, or, when any pair
    is no longer possible, none of it."""
    from django.contrib.auth import get_user_model

    onboardings = {o.pk: o for o in cohort.onboardings.filter(pk__in=[o for o, _ in pairs])}
    buddies = get_user_model().objects.in_bulk([b for _, b in pairs])
    for onboarding_id, buddy_id in pairs:
        onboarding, buddy = onboardings.get(onboarding_id), buddies.get(buddy_id)
        if onboarding is None or buddy is None:
            raise ValidationError(_("The preview no longer matches the cohort: run the match again."))
        try:
            assign_buddy(onboarding=onboarding, buddy=buddy, by=by, reason="Cohort match")
        except ValidationError as error:
            name = onboarding.hire.get_full_name() or onboarding.hire.get_username()
            raise ValidationError(
                _("Nothing was saved. %(name)s: %(problem)s Run the match again.")
                % {"name": name, "problem": " ".join(error.messages)}
            ) from error
    return len(pairs)


@transaction.atomic
def end_onboarding(*, onboarding: Onboarding, completed: bool, on: date | None = None) -> Onboarding:
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if not onboarding.is_open:
        raise ValidationError(
            _("This onboarding is already %(status)s.") % {"status": onboarding.get_status_display().lower()}
        )
    on = on or timezone.localdate()
    if on < onboarding.start_date:
        raise ValidationError({"end_date": _("The end date must be on or after the start date.")})
    onboarding.status = OnboardingStatus.COMPLETED if completed else OnboardingStatus.ENDED_EARLY
    onboarding.end_date = on
    onboarding.save(update_fields=["status", "end_date"])
    BuddyAssignment.objects.filter(onboarding=onboarding, ended_at__isnull=True).update(ended_at=timezone.now())
    return onboarding
