"""Ask's "People who know this": people who practise the topics the answer pages carry, best pages first.

The topics come from the question when it names some, and from the best answer pages, each topic weighing
as much as the pages carrying it rank high (1 for the first page, 1/4 for the second, 1/9 for the third...).
Expertise's own ranking (`expertise.ranking.rank_people_for`) finds the candidates and their reasons; they are
then ordered by their scores on those topics times the topics' weights, so an expert on a topic only a lower
page carries no longer comes before the people who know what the best page is about. People still *Learning*
every one of these topics are left out: Ask sends questions to practitioners and above."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.auth.base_user import AbstractBaseUser

from expertise.models import ExpertiseScore, Topic
from expertise.ranking import Suggestion, rank_people_for
from expertise.scoring import LEVEL_RANK
from search.people_cache import cached_ranking
from wiki.models import PageTopic

PAGES_FOR_TOPICS = 5
MOST_TOPICS = 8
CANDIDATES_PER_PLACE = 5
LOWEST_LEVEL = ExpertiseScore.Level.PRACTITIONER


def topic_weights(
    *, named: list[Topic], page_ids: list[int], known: dict[int, tuple[int, ...] | None] | None = None
) -> dict[int, float]:
    """Each topic's weight: the sum of 1/rank² over the best pages carrying it (the best page's topics are what
    the question is about); a topic the question names weighs more than any page could make it. `known`: the
    topic ids of pages already read (None for a page whose type has no topics), saving the query when it has
    every page needed."""
    ranked = page_ids[:PAGES_FOR_TOPICS]
    weights: dict[int, float] = defaultdict(float)
    for page_id, topic_id in page_topics(ranked, known or {}):
        weights[topic_id] += 1 / (1 + ranked.index(page_id)) ** 2
    top = max(weights.values(), default=0.0)
    for topic in named:
        weights[topic.pk] = top + 1.0
    best = sorted(weights.items(), key=lambda item: (-item[1], item[0]))[:MOST_TOPICS]
    return dict(best)


def page_topics(page_ids: list[int], known: dict[int, tuple[int, ...] | None]) -> list[tuple[int, int]]:
    """(page id, topic id) for each topic of each page."""
    if all(known.get(page_id) is not None for page_id in page_ids):
        return [(page_id, topic_id) for page_id in page_ids for topic_id in known[page_id]]
    return list(PageTopic.objects.filter(content_object_id__in=page_ids).values_list("content_object_id", "tag_id"))


def people_who_know(*, weights: dict[int, float], asker: AbstractBaseUser | None, limit: int) -> list[Suggestion]:
    """Practitioners and above on the weighted topics, ordered by weighted score; away or busy people last.
    Cached per set of weighted topics and asker until scores, evidence or pages change (search.people_cache)."""
    if not weights:
        return []
    asker_id = asker.pk if asker is not None and asker.is_authenticated else None
    return cached_ranking(weights, asker_id, limit, lambda: rank_for_ask(weights=weights, asker=asker, limit=limit))


def rank_for_ask(*, weights: dict[int, float], asker: AbstractBaseUser | None, limit: int) -> list[Suggestion]:
    topics = list(Topic.objects.filter(pk__in=weights))
    candidates = rank_people_for(topics=topics, asker=asker, limit=limit * CANDIDATES_PER_PLACE)
    candidates = [s for s in candidates if LEVEL_RANK[s.level] >= LEVEL_RANK[LOWEST_LEVEL]]
    if not candidates:
        return []
    weighted: dict[int, float] = defaultdict(float)
    for person_id, topic_id, score in ExpertiseScore.objects.filter(
        person_id__in=[s.person.pk for s in candidates], topic_id__in=weights
    ).values_list("person_id", "topic_id", "score"):
        weighted[person_id] += weights[topic_id] * score
    candidates.sort(key=lambda s: (s.unavailable is not None, -weighted[s.person.pk], s.person.pk))
    return candidates[:limit]
