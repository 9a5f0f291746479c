"""Ask's "People who know this", cached per set of weighted topics and asker: the ranking reads the people's
scores, evidence, profiles and question load, which change far less often than the same topics are asked
about.

Entries are keyed on the asker (the ranking leaves them out, orders by closeness to them, and shows raw
self-assessments only to those allowed to see them), the day (availability), the wiki's generation (the
topics of a process area come from its pages) and the people generation here, which any change to scores,
evidence, self-assessments, profiles, teams, accounts or questions asked makes new at once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from onramp import page_generation

KEY = "search:people-generation"
MAX_AGE = 600
# What the ranking reads, by model label: a change to any of them makes every cached ranking stale.
READ_BY_RANKING = frozenset(
    {
        "expertise.expertisescore",
        "expertise.evidence",
        "expertise.selfassessment",
        "expertise.profile",
        "expertise.team",
        "questions.question",
        settings.AUTH_USER_MODEL.lower(),
    }
)
T = TypeVar("T")


PEOPLE = page_generation.Generation(KEY)


def cached_ranking(weights: dict[int, float], asker_id: int | None, limit: int, compute: Callable[[], T]) -> T:
    topics = ",".join(f"{topic_id}:{weight:.6g}" for topic_id, weight in sorted(weights.items()))
    # Keyed on the wiki's generation too (page_generation.cached): the topics of a process area come from its pages.
    name = (
        f"search:people:{PEOPLE.current()}:{timezone.localdate().isoformat()}:"
        f"asker={asker_id or 0}:limit={limit}:{topics}"
    )
    return page_generation.cached(name, compute, timeout=MAX_AGE)


def people_changed(sender, **kwargs) -> None:
    meta = getattr(sender, "_meta", None)
    if meta is not None and meta.label_lower in READ_BY_RANKING:
        PEOPLE.bump()


post_save.connect(people_changed, dispatch_uid="search.people_cache.saved")
post_delete.connect(people_changed, dispatch_uid="search.people_cache.deleted")
