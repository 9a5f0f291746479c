"""Ask's "People who know this" is cached per set of weighted topics and asker (search.people_cache): new
evidence or a new score changes it at once, and one asker's entry never serves another."""

import pytest

from expertise.factories import TopicFactory, make_person
from search.people import people_who_know
from tests.expertise.test_ranking import edits

pytestmark = pytest.mark.django_db


def names(suggestions) -> list[str]:
    return [s.person.username for s in suggestions]


def test_new_evidence_changes_the_cached_people_at_once(db):
    topic = TopicFactory(name="Payment runs")
    asker, sam, jim = make_person("asker"), make_person("sam.thornton"), make_person("jim.okafor")
    edits(sam, topic, 6, days_ago=1)
    assert names(people_who_know(weights={topic.pk: 1.0}, asker=asker, limit=5)) == ["sam.thornton"]

    edits(jim, topic, 6, days_ago=1)

    assert set(names(people_who_know(weights={topic.pk: 1.0}, asker=asker, limit=5))) == {
        "sam.thornton",
        "jim.okafor",
    }


def test_each_asker_gets_their_own_ranking_never_including_themselves(db, django_assert_num_queries):
    topic = TopicFactory(name="Payment runs")
    sam, jim = make_person("sam.thornton"), make_person("jim.okafor")
    edits(sam, topic, 6, days_ago=1)
    edits(jim, topic, 6, days_ago=1)

    assert names(people_who_know(weights={topic.pk: 1.0}, asker=sam, limit=5)) == ["jim.okafor"]
    assert names(people_who_know(weights={topic.pk: 1.0}, asker=jim, limit=5)) == ["sam.thornton"]
    with django_assert_num_queries(0):
        assert names(people_who_know(weights={topic.pk: 1.0}, asker=sam, limit=5)) == ["jim.okafor"]
