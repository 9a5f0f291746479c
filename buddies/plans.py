"""Ramp-up plans: a role template copied into each onboarding with due dates; progress and overdue items."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buddies.models import Milestone, Onboarding


@transaction.atomic
def instantiate_plan(onboarding: Onboarding) -> list[Milestone]:
    """Copies the template's milestones into the onboarding once; a second call changes nothing."""
    if onboarding.plan_template_id is None or onboarding.milestones.exists():
        return list(onboarding.milestones.all())
    created = []
    for item in onboarding.plan_template.milestones.prefetch_related("pages", "topics"):
        milestone = Milestone.objects.create(
            onboarding=onboarding,
            title=item.title,
            day_offset=item.day_offset,
            due_on=due_date(onboarding.start_date, item.day_offset),
            goals=item.goals,
        )
        milestone.pages.set(item.pages.all())
        milestone.topics.set(item.topics.all())
        created.append(milestone)
    return created


def due_date(start: date, day_offset: int) -> date:
    """Day 1 is the start date itself; day 30 is thirty days after it."""
    return start + timedelta(days=max(day_offset - 1, 0))


def day_of(start: date, on: date) -> int:
    """Which day of the onboarding `on` is: the start date is day 1 (never below 1)."""
    return max((on - start).days + 1, 1)


def can_tick(user: AbstractBaseUser, onboarding: Onboarding) -> bool:
    return user.pk in {onboarding.hire_id, onboarding.buddy_id}


@transaction.atomic
def tick_milestone(*, milestone: Milestone, by: AbstractBaseUser, done: bool = True) -> Milestone:
    """The hire or their buddy marks a milestone done (or not done after all)."""
    milestone = Milestone.objects.select_for_update().select_related("onboarding").get(pk=milestone.pk)
    if not can_tick(by, milestone.onboarding):
        raise PermissionDenied(_("Only the new hire and their buddy tick milestones."))
    if not milestone.onboarding.is_open:
        raise ValidationError(_("This onboarding has ended: its plan can no longer change."))
    now = timezone.now()
    milestone.done_at = now if done else None
    milestone.done_day = day_of(milestone.onboarding.start_date, timezone.localdate(now)) if done else None
    milestone.done_by = by if done else None
    milestone.save(update_fields=["done_at", "done_day", "done_by"])
    return milestone


@dataclass
class Progress:
    done: int
    total: int
    overdue: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


def progress(milestones: list[Milestone], *, today: date | None = None) -> Progress:
    today = today or timezone.localdate()
    return Progress(
        done=sum(1 for m in milestones if m.done_at),
        total=len(milestones),
        overdue=sum(1 for m in milestones if not m.done_at and m.due_on < today),
    )


def is_overdue(milestone: Milestone, *, today: date | None = None) -> bool:
    return milestone.done_at is None and milestone.due_on < (today or timezone.localdate())
