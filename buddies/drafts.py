"""Draft onboardings: made for a new starter by the HR import, with the best buddy suggestion, and started
only when a program admin confirms them. A draft has no plan, check-ins or buddy yet, so neither the new
hire nor the suggested buddy sees it; their manager and program admins do."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from buddies.access import is_program_admin
from buddies.matching import suggest_buddies
from buddies.models import BuddyAssignment, BuddyProgramSettings, Onboarding, OnboardingStatus
from buddies.models.program import OPEN_STATUSES
from buddies.pairing import assign_buddy, set_up_onboarding
from expertise.people import profile_for


def draft_onboarding(*, hire: AbstractBaseUser, start_date: date) -> Onboarding | None:
    """A draft onboarding for a new starter with the top buddy suggestion, or None when the hire already has
    a draft, an onboarding under way or one from this start date (so importing the same file again drafts
    nothing, nor redrafts one a program admin ended)."""
    mine = Onboarding.objects.filter(hire=hire)
    if mine.filter(Q(status__in=[OnboardingStatus.DRAFT, *OPEN_STATUSES]) | Q(start_date=start_date)).exists():
        return None
    profile = profile_for(hire)
    program = BuddyProgramSettings.load()
    onboarding = Onboarding(
        hire=hire,
        start_date=start_date,
        end_date=start_date + timezone.timedelta(days=program.program_length_days),
        role=profile.title,
        team=profile.team,
        manager=profile.manager,
        status=OnboardingStatus.DRAFT,
    )
    onboarding.full_clean()
    onboarding.save()
    suggestions, _left_out = suggest_buddies(onboarding, limit=1)
    if suggestions:
        onboarding.suggested_buddy = suggestions[0].candidate.user
        onboarding.save(update_fields=["suggested_buddy"])
    return onboarding


def draft_for_new_starter(profile) -> bool:
    """The rule the HR import calls for each person whose start date is still ahead."""
    return draft_onboarding(hire=profile.user, start_date=profile.start_date) is not None


def drafts_to_confirm() -> QuerySet[Onboarding]:
    return Onboarding.objects.filter(status=OnboardingStatus.DRAFT).order_by("start_date", "pk")


def can_confirm(user: AbstractBaseUser) -> bool:
    return is_program_admin(user)


@transaction.atomic
def confirm_draft(
    *,
    onboarding: Onboarding,
    by: AbstractBaseUser,
    buddy: AbstractBaseUser | None,
    reason: str = "",
    best_score: float | None = None,
) -> BuddyAssignment | None:
    """Starts a draft onboarding (plan, process areas, check-ins) and pairs the buddy through the same rule as
    choosing one; all of it or, when the pairing is refused, none of it."""
    if not can_confirm(by):
        raise PermissionDenied(_("Only a program admin confirms a drafted onboarding."))
    onboarding = Onboarding.objects.select_for_update().get(pk=onboarding.pk)
    if not onboarding.is_draft:
        raise ValidationError(
            _("This onboarding is %(status)s, not a draft.") % {"status": onboarding.get_status_display().lower()}
        )
    if Onboarding.objects.filter(hire_id=onboarding.hire_id, status__in=OPEN_STATUSES).exists():
        name = profile_for(onboarding.hire).name
        raise ValidationError(_("%(name)s already has an onboarding under way.") % {"name": name})
    today = timezone.localdate()
    onboarding.status = OnboardingStatus.ACTIVE if onboarding.start_date <= today else OnboardingStatus.PLANNED
    onboarding.save(update_fields=["status"])
    set_up_onboarding(onboarding)
    if buddy is None:
        return None
    return assign_buddy(onboarding=onboarding, buddy=buddy, by=by, reason=reason, best_score=best_score)
