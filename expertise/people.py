"""Rules about people: profiles, reporting lines, availability."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from expertise.models import Profile


def profile_for(user: AbstractBaseUser) -> Profile:
    """The user's profile, created on first use."""
    profile = getattr(user, "profile", None)
    if profile is None:
        profile, _created = Profile.objects.get_or_create(user=user)
    return profile


def manager_chain_loops(*, person_id: int, manager_id: int | None) -> bool:
    """Whether making `manager_id` the manager of `person_id` would put the person above themselves."""
    managers = dict(Profile.objects.values_list("user_id", "manager_id"))
    managers[person_id] = manager_id
    return chain_loops(person_id, managers)


def chain_loops(person_id: int, managers: dict[int, int | None]) -> bool:
    """Whether following `managers` (person → manager) up from `person_id` ever comes back round."""
    seen, current = {person_id}, managers.get(person_id)
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = managers.get(current)
    return False


def questions_this_week(user_ids: list[int]) -> dict[int, int]:
    """How many questions each person received through Onramp in the last seven days (one query).

    `questions_received` is the questions app's `Question.expert`: read through the user, not imported."""
    since = timezone.now() - timedelta(days=7)
    rows = (
        get_user_model()
        .objects.filter(pk__in=user_ids)
        .annotate(load=Count("questions_received", filter=Q(questions_received__asked_at__gte=since)))
        .values_list("pk", "load")
    )
    return dict(rows)


def availability(profile: Profile | None, *, load: int, on=None) -> str | None:
    """Why a person cannot take questions now, or None when they can."""
    if profile is None:
        return None
    if not profile.active:
        return _("no longer active")
    if profile.is_out_of_office(on):
        return _("out of office until %(day)s") % {"day": date_format(profile.out_of_office_until, "j M")}
    if load >= profile.question_capacity:
        return _("at their question capacity this week")
    return None


def has_left(user: AbstractBaseUser) -> bool:
    """Whether the person has left (their account or HR record is inactive): shown as "left", asked nothing,
    and suggested as nobody's expert, buddy or assignee."""
    profile = getattr(user, "profile", None)
    return not user.is_active or (profile is not None and not profile.active)
