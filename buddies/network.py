"""Go-to people: for each plan topic, a few people who know it (never the hire or the buddy), spread so that
one expert is not handed a whole cohort, each with the reasons "who knows X" gives."""

from __future__ import annotations

from collections import Counter

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from buddies.eligibility import plan_topic_ids
from buddies.models import GoToPerson, Onboarding
from buddies.models.program import OPEN_STATUSES
from expertise.models import Topic
from expertise.ranking import rank_people_for

PER_TOPIC = 3
LOOK_AT = 10  # how many "who knows" suggestions per topic to choose from


def current_go_to_load(person_ids: list[int] | None = None) -> Counter:
    """How many open onboardings each person is already a go-to person for."""
    rows = GoToPerson.objects.filter(onboarding__status__in=OPEN_STATUSES)
    if person_ids is not None:
        rows = rows.filter(person_id__in=person_ids)
    return Counter(rows.values_list("person_id", flat=True))


@transaction.atomic
def build_network(onboarding: Onboarding, *, load: Counter | None = None) -> list[GoToPerson]:
    """Chooses go-to people for the plan topics that have none yet; `load` is shared across a cohort so the
    spread holds as each hire is given their network."""
    load = load if load is not None else current_go_to_load()
    topic_ids = plan_topic_ids([onboarding])[onboarding.pk]
    excluded = {onboarding.hire_id, onboarding.buddy_id}
    # After a change of buddy, the new buddy is no go-to person of their own hire (introductions made stay).
    onboarding.go_to_people.filter(person_id__in=excluded, introduced_at__isnull=True).delete()
    covered = set(onboarding.go_to_people.values_list("topic_id", flat=True))
    created = []
    for topic in Topic.objects.filter(pk__in=topic_ids - covered).order_by("name"):
        suggestions = [
            s
            for s in rank_people_for(topics=[topic], asker=onboarding.hire, limit=LOOK_AT)
            if s.person.pk not in excluded and s.unavailable is None
        ]
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
def mark_introduced(*, go_to: GoToPerson, by: AbstractBaseUser, introduced: bool = True) -> GoToPerson:
    """The buddy records that they introduced the hire to this person."""
    go_to = GoToPerson.objects.select_for_update().select_related("onboarding").get(pk=go_to.pk)
    if by.pk != go_to.onboarding.buddy_id:
        raise PermissionDenied(_("Only the new hire's buddy marks introductions."))
    if not go_to.onboarding.is_open:
        raise ValidationError(_("This onboarding has ended."))
    go_to.introduced_at = timezone.now() if introduced else None
    go_to.introduced_by = by if introduced else None
    go_to.save(update_fields=["introduced_at", "introduced_by"])
    return go_to
