"""Who sees which onboardings: the hire their own, a buddy their hires, a manager their team, program admins
all; and whose survey answers: the hire's own only. The views, the CSV export, the KPIs, check-ins and the
admin screens (through the VIEW_ALL permission) ask here."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Q, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from buddies.models import CheckIn, GoToPerson, Milestone, Onboarding, OnboardingStatus, SurveyResponse
from buddies.models.program import OPEN_STATUSES
from expertise.models import Profile

VIEW_ALL = "buddies.view_all_onboardings"


def is_program_admin(user: AbstractBaseUser) -> bool:
    return user.is_authenticated and user.has_perm(VIEW_ALL)


def onboardings_visible_to(
    user: AbstractBaseUser, queryset: QuerySet[Onboarding] | None = None
) -> QuerySet[Onboarding]:
    """The one rule for seeing an onboarding: the hire, the buddy, the manager it names, the hire's manager, and
    program admins; a draft only the managers and program admins. `can_view` asks it of a single onboarding."""
    queryset = Onboarding.objects.all() if queryset is None else queryset
    if not user.is_authenticated:
        return queryset.none()
    if is_program_admin(user):
        return queryset
    managing = Q(manager_id=user.pk) | Q(hire__profile__manager_id=user.pk)
    # A draft is not the hire's or anyone's buddy business until a program admin confirms it.
    return queryset.filter(((Q(hire_id=user.pk) | Q(buddy_id=user.pk)) & ~Q(status=OnboardingStatus.DRAFT)) | managing)


def own_onboarding(user: AbstractBaseUser, *, related: tuple[str, ...] = ()) -> Onboarding | None:
    """The onboarding "My onboarding" shows a new hire: their open one, else their latest; never a draft, which
    is not the hire's business until a program admin confirms it."""
    mine = Onboarding.objects.filter(hire=user).exclude(status=OnboardingStatus.DRAFT).select_related(*related)
    return mine.filter(status__in=OPEN_STATUSES).first() or mine.order_by("-start_date").first()


def can_view(user: AbstractBaseUser, onboarding: Onboarding) -> bool:
    return onboardings_visible_to(user, Onboarding.objects.filter(pk=onboarding.pk)).exists()


def can_manage(user: AbstractBaseUser, onboarding: Onboarding) -> bool:
    """Choose or change the buddy, end the onboarding: the hire's manager and program admins."""
    if not user.is_authenticated:
        return False
    if is_program_admin(user) or onboarding.manager_id == user.pk:
        return True
    profile = getattr(onboarding.hire, "profile", None)
    return profile is not None and profile.manager_id == user.pk


def manages_anyone(user: AbstractBaseUser) -> bool:
    return (
        is_program_admin(user)
        or Onboarding.objects.filter(manager_id=user.pk).exists()
        or (Profile.objects.filter(manager_id=user.pk).exists())
    )


def hires_buddied_by(viewer: AbstractBaseUser) -> QuerySet:
    """The rule registered with the expertise app: a buddy may read the self-assessments of the hires of
    their open onboardings."""
    return Onboarding.objects.filter(buddy_id=viewer.pk, status__in=OPEN_STATUSES).values_list("hire_id", flat=True)


def survey_answers_readable_by(viewer: AbstractBaseUser) -> QuerySet[SurveyResponse]:
    """The survey answers `viewer` may read: their own. Not their buddy's, manager's or a program admin's, who
    see averages over enough answers only (buddies.surveys.survey_summary). Anything drawn from one person's
    answers (their answers themselves, a "low survey score" flag) is read through here."""
    if not viewer.is_authenticated:
        return SurveyResponse.objects.none()
    return SurveyResponse.objects.filter(onboarding__hire_id=viewer.pk)


# Looking up what a request may see: 404 for anyone else, so existence is not confirmed either.

LIST_RELATED = ("hire__profile", "buddy__profile", "cohort", "team")


def visible_onboarding(request, pk: int) -> Onboarding:
    """The onboarding, or 404 for anyone who may not see it (its existence is not confirmed either)."""
    onboarding = get_object_or_404(Onboarding.objects.select_related(*LIST_RELATED, "manager__profile"), pk=pk)
    if not can_view(request.user, onboarding):
        raise Http404(_("No such onboarding."))
    return onboarding


def visible_milestone(request, pk: int) -> Milestone:
    milestone = get_object_or_404(Milestone.objects.select_related("onboarding"), pk=pk)
    visible_onboarding(request, milestone.onboarding_id)
    return milestone


def visible_go_to(request, pk: int) -> GoToPerson:
    go_to = get_object_or_404(GoToPerson.objects.select_related("onboarding", "person"), pk=pk)
    visible_onboarding(request, go_to.onboarding_id)
    return go_to


def visible_check_in(request, pk: int) -> CheckIn:
    check_in = get_object_or_404(CheckIn.objects.select_related("onboarding"), pk=pk)
    check_in.onboarding = visible_onboarding(request, check_in.onboarding_id)
    return check_in
