"""Who may be a buddy for whom: the rules, written once, read by matching, assignment, admin and commands."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.db.models import Count, F
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from buddies.models import BuddyAssignment, BuddyProfile, BuddyProgramSettings, Onboarding
from buddies.models.program import OPEN_STATUSES
from expertise.models import ExpertiseScore, Profile

PRACTITIONER_RANK = 1  # expertise ranks: 0 learning, 1 practitioner, 2 expert, 3 go-to person


def months_before(day: date, months: int) -> date:
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@dataclass
class Candidate:
    """A person who opted in as a buddy, with the facts matching reads."""

    user: object
    profile: Profile
    capacity: int
    load: int
    experience: int
    trained: bool
    opted_in: bool = True
    area_ids: set[int] = field(default_factory=set)
    topic_ids: set[int] = field(default_factory=set)

    @property
    def user_id(self) -> int:
        return self.user.pk

    @property
    def name(self) -> str:
        return self.profile.name

    @property
    def places_left(self) -> int:
        return max(self.capacity - self.load, 0)


@dataclass
class HireFacts:
    onboarding: Onboarding
    profile: Profile | None
    team_id: int | None
    time_zone: str
    area_ids: set[int]
    topic_ids: set[int]
    above: set[int]  # the manager, their manager, and so on up

    @property
    def hire_id(self) -> int:
        return self.onboarding.hire_id


def load_candidates(*, user_ids: list[int] | None = None, topic_ids: set[int] | None = None) -> list[Candidate]:
    """Everyone who opted in as a buddy (or the named people, opted in or not), in a fixed number of queries."""
    program = BuddyProgramSettings.load()
    buddies = BuddyProfile.objects.select_related("user__profile__team")
    buddies = buddies.filter(user_id__in=user_ids) if user_ids is not None else buddies.filter(opted_in=True)
    buddies = list(buddies.filter(user__profile__isnull=False).order_by("user_id"))
    ids = [buddy.user_id for buddy in buddies]
    loads = dict(
        Onboarding.objects.filter(buddy_id__in=ids, status__in=OPEN_STATUSES)
        .values("buddy_id")
        .annotate(n=Count("pk"))
        .values_list("buddy_id", "n")
    )
    experience = hires_coached_before(ids)
    areas: dict[int, set[int]] = {}
    for user_id, area_id in BuddyProfile.process_areas.through.objects.filter(
        buddyprofile__user_id__in=ids
    ).values_list("buddyprofile__user_id", "processpage_id"):
        areas.setdefault(user_id, set()).add(area_id)
    known: dict[int, set[int]] = {}
    if topic_ids:
        for user_id, topic_id in ExpertiseScore.objects.filter(
            person_id__in=ids, topic_id__in=topic_ids, rank__gte=PRACTITIONER_RANK
        ).values_list("person_id", "topic_id"):
            known.setdefault(user_id, set()).add(topic_id)
    return [
        Candidate(
            user=buddy.user,
            profile=buddy.user.profile,
            capacity=buddy.capacity or program.default_capacity,
            load=loads.get(buddy.user_id, 0),
            experience=experience.get(buddy.user_id, 0),
            trained=buddy.coaching_trained_on is not None,
            opted_in=buddy.opted_in,
            area_ids=areas.get(buddy.user_id, set()),
            topic_ids=known.get(buddy.user_id, set()),
        )
        for buddy in buddies
    ]


def hires_coached_before(person_ids: list[int]) -> dict[int, int]:
    """How many new hires each person was the buddy of before: onboardings that ended, and pairings handed
    over to another buddy; the new hires they are buddy to now are their load, not their experience."""
    rows = BuddyAssignment.objects.filter(buddy_id__in=person_ids).exclude(
        onboarding__status__in=OPEN_STATUSES, onboarding__buddy_id=F("buddy_id")
    )
    return dict(rows.values("buddy_id").annotate(n=Count("onboarding_id", distinct=True)).values_list("buddy_id", "n"))


def chains_above(person_ids: list[int]) -> dict[int, set[int]]:
    """For each person, everyone above them in the reporting chain (one query for any number of people)."""
    managers = dict(Profile.objects.values_list("user_id", "manager_id"))
    chains = {}
    for person_id in person_ids:
        chain, current = set(), managers.get(person_id)
        while current is not None and current not in chain and current != person_id:
            chain.add(current)
            current = managers.get(current)
        chains[person_id] = chain
    return chains


def plan_topic_ids(onboardings: list[Onboarding]) -> dict[int, set[int]]:
    """The topics of each onboarding's plan: its own milestones once instantiated, else its template's."""
    from buddies.models import Milestone, PlanTemplateMilestone

    topics: dict[int, set[int]] = {onboarding.pk: set() for onboarding in onboardings}
    for onboarding_id, topic_id in Milestone.topics.through.objects.filter(
        milestone__onboarding_id__in=topics
    ).values_list("milestone__onboarding_id", "topic_id"):
        topics[onboarding_id].add(topic_id)
    by_template: dict[int, set[int]] = {}
    template_ids = {o.plan_template_id for o in onboardings if o.plan_template_id and not topics[o.pk]}
    for template_id, topic_id in PlanTemplateMilestone.topics.through.objects.filter(
        plantemplatemilestone__template_id__in=template_ids
    ).values_list("plantemplatemilestone__template_id", "topic_id"):
        by_template.setdefault(template_id, set()).add(topic_id)
    for onboarding in onboardings:
        if not topics[onboarding.pk] and onboarding.plan_template_id:
            topics[onboarding.pk] = by_template.get(onboarding.plan_template_id, set())
    return topics


def hire_facts(onboardings: list[Onboarding]) -> list[HireFacts]:
    profiles = {p.user_id: p for p in Profile.objects.filter(user_id__in=[o.hire_id for o in onboardings])}
    chains = chains_above([o.hire_id for o in onboardings])
    topics = plan_topic_ids(onboardings)
    areas: dict[int, set[int]] = {o.pk: set() for o in onboardings}
    for onboarding_id, area_id in Onboarding.process_areas.through.objects.filter(onboarding_id__in=areas).values_list(
        "onboarding_id", "processpage_id"
    ):
        areas[onboarding_id].add(area_id)
    facts = []
    for onboarding in onboardings:
        profile = profiles.get(onboarding.hire_id)
        above = set(chains.get(onboarding.hire_id, set()))
        if onboarding.manager_id:
            above.add(onboarding.manager_id)
        facts.append(
            HireFacts(
                onboarding=onboarding,
                profile=profile,
                team_id=onboarding.team_id or (profile.team_id if profile else None),
                time_zone=profile.time_zone if profile else "UTC",
                area_ids=areas[onboarding.pk],
                topic_ids=topics[onboarding.pk],
                above=above,
            )
        )
    return facts


def ineligibility(candidate: Candidate, hire: HireFacts, *, minimum_tenure_months: int) -> tuple[str, str] | None:
    """Why this person cannot be this hire's buddy: a short kind (for counting) and a sentence a manager can
    act on; None when they can."""
    start, name = hire.onboarding.start_date, candidate.name
    if candidate.user_id == hire.hire_id:
        return _("the new hire"), _("a new hire cannot be their own buddy")
    if not candidate.opted_in:
        return _("not opted in"), _("%(name)s has not opted in as a buddy") % {"name": name}
    if not candidate.user.is_active or not candidate.profile.active:
        return _("no longer active"), _("%(name)s is no longer active") % {"name": name}
    if candidate.user_id in hire.above:
        return (
            _("the manager or above in the reporting chain"),
            _("%(name)s is the new hire's manager or above them in the reporting chain") % {"name": name},
        )
    if candidate.profile.start_date is None:
        return (
            _("tenure unknown"),
            _("%(name)s has no start date on their profile, so their tenure is unknown") % {"name": name},
        )
    if candidate.profile.start_date > months_before(start, minimum_tenure_months):
        months = {"name": name, "count": minimum_tenure_months}
        return (
            ngettext("here less than %(count)d month", "here less than %(count)d months", minimum_tenure_months)
            % months,
            ngettext(
                "%(name)s has worked here less than %(count)d month at the start date",
                "%(name)s has worked here less than %(count)d months at the start date",
                minimum_tenure_months,
            )
            % months,
        )
    if candidate.profile.out_of_office_until and candidate.profile.out_of_office_until >= start:
        until = date_format(candidate.profile.out_of_office_until, "j M Y")
        return (
            _("out of office on the start date"),
            _("%(name)s is out of office on the start date (until %(until)s)") % {"name": name, "until": until},
        )
    if candidate.places_left <= 0:
        return (
            _("at capacity"),
            ngettext(
                "%(name)s already coaches %(count)d new hire, their limit of %(capacity)d",
                "%(name)s already coaches %(count)d new hires, their limit of %(capacity)d",
                candidate.load,
            )
            % {"name": name, "count": candidate.load, "capacity": candidate.capacity},
        )
    return None


def why_ineligible(candidate: Candidate, hire: HireFacts, *, minimum_tenure_months: int) -> str | None:
    found = ineligibility(candidate, hire, minimum_tenure_months=minimum_tenure_months)
    return found[1] if found else None


def candidate_for(user) -> Candidate:
    """The facts about one named person, whether or not they opted in."""
    found = load_candidates(user_ids=[user.pk])
    if found:
        return found[0]
    profile = Profile.objects.get_or_create(user=user)[0]
    return Candidate(
        user=get_user_model().objects.get(pk=user.pk),
        profile=profile,
        capacity=BuddyProgramSettings.load().default_capacity,
        load=Onboarding.objects.filter(buddy=user, status__in=OPEN_STATUSES).count(),
        experience=hires_coached_before([user.pk]).get(user.pk, 0),
        trained=False,
        opted_in=False,
    )
