"""Where each role lands: a new hire's summary of their own onboarding (for the home page), and where
"Onboarding" takes a buddy or a manager who has no open onboarding of their own."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from buddies import access, plans
from buddies.models import CheckIn, Milestone, Onboarding
from buddies.models.program import OPEN_STATUSES
from wiki.models import ArticlePage
from wiki.visibility import viewable

NEXT_MILESTONES = 3


def upcoming_check_in(check_ins: Iterable[CheckIn], *, today: date) -> CheckIn | None:
    """The next check-in still to hold: planned for today or later, neither held nor cancelled."""
    return next((c for c in check_ins if c.held_on is None and not c.is_cancelled and c.scheduled_for >= today), None)


@dataclass
class OnboardingSummary:
    onboarding: Onboarding
    next_check_in: CheckIn | None
    next_milestones: list[Milestone]
    progress: plans.Progress
    pages: list[ArticlePage] = field(default_factory=list)


def home_summary(request: HttpRequest, *, today: date | None = None) -> OnboardingSummary | None:
    """The signed-in person's own open onboarding, as their home page shows it; None when they have none."""
    if not request.user.is_authenticated:
        return None
    today = today or timezone.localdate()
    onboarding = access.own_onboarding(request.user, related=access.LIST_RELATED)
    if onboarding is None or not onboarding.is_open:
        return None
    pages_to_read = Prefetch("pages", queryset=viewable(ArticlePage.objects.all(), request))
    milestones = list(onboarding.milestones.prefetch_related(pages_to_read))
    ahead = [m for m in milestones if m.done_at is None][:NEXT_MILESTONES]
    for milestone in ahead:
        milestone.overdue = plans.is_overdue(milestone, today=today)
    pages: dict[int, ArticlePage] = {}
    for milestone in ahead:
        for page in milestone.pages.all():
            pages.setdefault(page.pk, page)
    return OnboardingSummary(
        onboarding=onboarding,
        next_check_in=upcoming_check_in(onboarding.check_ins.all(), today=today),
        next_milestones=ahead,
        progress=plans.progress(milestones, today=today),
        pages=list(pages.values()),
    )


def onboarding_landing(user: AbstractBaseUser) -> str | None:
    """Where "Onboarding" sends someone with no open onboarding of their own: a buddy to their new hires, a
    manager or program admin to the program dashboard; None to stay on "My onboarding"."""
    own = access.own_onboarding(user)
    if own is not None and own.is_open:
        return None
    if Onboarding.objects.filter(buddy_id=user.pk, status__in=OPEN_STATUSES).exists():
        return reverse("buddies:new_hires")
    if access.manages_anyone(user):
        return reverse("buddies:program")
    return None
