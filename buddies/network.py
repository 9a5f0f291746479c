"""Go-to people: for each plan topic, a few practitioners or better on it (never the hire, the buddy or another
new hire), spread so that one expert is not handed a whole cohort, each with the reasons "who knows X" gives.
The buddy records introductions per person: someone go-to for two topics is introduced once."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from buddies.eligibility import PRACTITIONER_RANK, plan_topic_ids
from buddies.models import GoToPerson, Introduction, Onboarding
from buddies.models.program import OPEN_STATUSES
from expertise.models import ExpertiseScore, Topic
from expertise.ranking import rank_people_for

PER_TOPIC = 3
LOOK_AT = 10  # how many "who knows" suggestions per topic to choose from


def current_go_to_load(person_ids: list[int] | None = None) -> Counter:
    """How many open onboardings each person is already a go-to person for."""
    rows = GoToPerson.objects.filter(onboarding__status__in=OPEN_STATUSES)
    if person_ids is not None:
        rows = rows.filter(person_id__in=person_ids)
    return Counter(rows.values_list("person_id", flat=True))


def new_hire_ids() -> set[int]:
    """Everyone whose own onboarding is under way: they are learning, not yet someone to go to."""
    return set(Onboarding.objects.filter(status__in=OPEN_STATUSES).values_list("hire_id", flat=True))


def practitioners_on(topic: Topic, person_ids: list[int]) -> set[int]:
    """Those of `person_ids` at practitioner level or above on `topic` itself."""
    return set(
        ExpertiseScore.objects.filter(topic=topic, person_id__in=person_ids, rank__gte=PRACTITIONER_RANK).values_list(
            "person_id", flat=True
        )
    )


def drop_no_longer_go_to(onboarding: Onboarding, *, new_hires: set[int]) -> int:
    """Takes out go-to people chosen under older rules (a new hire, someone still learning the topic), unless
    the buddy already introduced them; their topics are then chosen again."""
    practising = ExpertiseScore.objects.filter(
        person_id=OuterRef("person_id"), topic_id=OuterRef("topic_id"), rank__gte=PRACTITIONER_RANK
    )
    introduced = onboarding.introductions.values("person_id")
    stale = onboarding.go_to_people.exclude(person_id__in=introduced).filter(
        Q(person_id__in=new_hires) | ~Exists(practising)
    )
    return stale.delete()[0]


@transaction.atomic
def build_network(onboarding: Onboarding, *, load: Counter | None = None) -> list[GoToPerson]:
    """Chooses go-to people for the plan topics that have none yet; `load` is shared across a cohort so the
    spread holds as each hire is given their network. After a change of buddy the new buddy leaves the
    network (an introduction made stays on record)."""
    load = load if load is not None else current_go_to_load()
    topic_ids = plan_topic_ids([onboarding])[onboarding.pk]
    excluded = {onboarding.hire_id, onboarding.buddy_id} | new_hire_ids()
    onboarding.go_to_people.filter(person_id__in={onboarding.hire_id, onboarding.buddy_id}).delete()
    drop_no_longer_go_to(onboarding, new_hires=excluded)
    covered = set(onboarding.go_to_people.values_list("topic_id", flat=True))
    created = []
    for topic in Topic.objects.filter(pk__in=topic_ids - covered).order_by("name"):
        suggestions = [
            s
            for s in rank_people_for(topics=[topic], asker=onboarding.hire, limit=LOOK_AT)
            if s.person.pk not in excluded and s.unavailable is None
        ]
        knows = practitioners_on(topic, [s.person.pk for s in suggestions])
        suggestions = [s for s in suggestions if s.person.pk in knows]
        # Spread: someone already go-to for many new hires counts for less than an equally good colleague.
        suggestions.sort(key=lambda s: (-s.score / (1 + load[s.person.pk]), s.person.pk))
        for suggestion in suggestions[:PER_TOPIC]:
            created.append(
                GoToPerson.objects.create(
                    onboarding=onboarding,
                    topic=topic,
                    person=suggestion.person,
                    score=round(suggestion.score, 3),
                    reasons=suggestion.reasons or [f"{suggestion.level_label} on {topic.name}"],
                )
            )
            load[suggestion.person.pk] += 1
    return created


def build_cohort_network(onboardings: list[Onboarding]) -> int:
    load = current_go_to_load()
    return sum(len(build_network(onboarding, load=load)) for onboarding in onboardings)


@transaction.atomic
def mark_introduced(*, go_to: GoToPerson, by: AbstractBaseUser, introduced: bool = True) -> Introduction | None:
    """The buddy records that they introduced the hire to this person (or takes it back): it holds for the
    person, under every topic they are go-to for."""
    go_to = GoToPerson.objects.select_related("onboarding").get(pk=go_to.pk)
    onboarding = Onboarding.objects.select_for_update().get(pk=go_to.onboarding_id)
    if by.pk != onboarding.buddy_id:
        raise PermissionDenied(_("Only the new hire's buddy marks introductions."))
    if not onboarding.is_open:
        raise ValidationError(_("This onboarding has ended."))
    if not introduced:
        Introduction.objects.filter(onboarding=onboarding, person_id=go_to.person_id).delete()
        return None
    introduction, _created = Introduction.objects.get_or_create(
        onboarding=onboarding,
        person_id=go_to.person_id,
        defaults={"introduced_at": timezone.now(), "introduced_by": by},
    )
    return introduction


@dataclass
class Network:
    """What an onboarding page shows of the hire's go-to people: by topic, each marked introduced or not, and
    why the buddy is not among them."""

    by_topic: list[tuple[Topic, list[GoToPerson]]]
    buddy_note: str


def network_for(onboarding: Onboarding, *, viewer: AbstractBaseUser) -> Network:
    """The hire's go-to people by plan topic, each with `.introduced` (the person's introduction, or None)."""
    introductions = {i.person_id: i for i in onboarding.introductions.all()}
    rows = onboarding.go_to_people.select_related("topic", "person__profile").order_by("topic__name", "-score")
    by_topic: dict[int, tuple[Topic, list[GoToPerson]]] = {}
    for row in rows:
        row.introduced = introductions.get(row.person_id)
        by_topic.setdefault(row.topic_id, (row.topic, []))[1].append(row)
    return Network(by_topic=list(by_topic.values()), buddy_note=buddy_note(onboarding, viewer=viewer))


def buddy_note(onboarding: Onboarding, *, viewer: AbstractBaseUser) -> str:
    """Why the buddy is not among the go-to people, said to whoever reads the page."""
    if onboarding.buddy_id is None:
        return ""
    buddy = onboarding.buddy
    name = buddy.profile.name if hasattr(buddy, "profile") else buddy.get_full_name() or buddy.get_username()
    if viewer.pk == onboarding.hire_id:
        return _("Your buddy, %(name)s, is not listed: ask them anything.") % {"name": name}
    if viewer.pk == onboarding.buddy_id:
        return _("You are not listed: as the buddy, you are the first person to ask about anything.")
    return _("The buddy, %(name)s, is not listed: the new hire asks them anything.") % {"name": name}
