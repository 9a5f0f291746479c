"""Building blocks for tests, benchmarks and the demo: buddies, plans and onboardings."""

from __future__ import annotations

from datetime import date

from buddies.models import BuddyProfile, Onboarding, PlanTemplate, PlanTemplateMilestone
from buddies.pairing import assign_buddy, start_onboarding


def make_buddy(user, *, capacity: int | None = None, trained_on: date | None = None, areas=(), opted_in=True):
    buddy, _ = BuddyProfile.objects.update_or_create(
        user=user, defaults={"capacity": capacity, "coaching_trained_on": trained_on, "opted_in": opted_in}
    )
    if areas:
        buddy.process_areas.set(areas)
    return buddy


def make_plan(name: str, *, role: str = "", milestones: list[tuple] = ()) -> PlanTemplate:
    """`milestones` are (title, day offset, topics[, pages]) tuples. Built as a cluster and saved once, the way
    the admin saves it: the milestones' topics and pages are written with the template."""
    template = PlanTemplate(name=name, role=role or name)
    items = []
    for order, item in enumerate(milestones):
        title, day, topics, *rest = item
        milestone = PlanTemplateMilestone(title=title, day_offset=day, goals=f"Can do: {title}", sort_order=order)
        milestone.topics.set(topics)
        if rest:
            milestone.pages.set(rest[0])
        items.append(milestone)
    template.milestones = items
    template.save()
    return template


def make_onboarding(hire, *, start_date: date, buddy=None, by=None, **details) -> Onboarding:
    """An onboarding started the way the program starts one (`details` as `start_onboarding` takes them), with
    `buddy` paired by `by` when given."""
    onboarding = start_onboarding(hire=hire, start_date=start_date, **details)
    if buddy is not None:
        assign_buddy(onboarding=onboarding, buddy=buddy, by=by)
        onboarding.refresh_from_db()
    return onboarding
