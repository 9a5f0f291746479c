"""Who knows reads the topics of a question's process area from a cache kept per set of topics
(expertise.ranking.cached_area_topics): a page published, unpublished or moved there counts at once."""

import pytest

from expertise.factories import TopicFactory, make_person
from expertise.ranking import cached_area_topics, rank_people_for
from tests.expertise.test_ranking import edits
from wiki.factories import ArticlePageFactory, ProcessPageFactory

pytestmark = pytest.mark.django_db


def worked_on_area(suggestions) -> list[str]:
    """Who was suggested for their work on the area (not as people at work elsewhere, who fill a small one)."""
    return [s.person.username for s in suggestions if s.signals["area_work"] > 0]


def test_a_page_published_in_the_area_brings_its_topic_s_people_at_once(db):
    payments, vendors = TopicFactory(name="Payment runs"), TopicFactory(name="Vendors")
    area = ProcessPageFactory(title="Accounts payable", topics=[payments])
    vera = make_person("vera.vendors")
    edits(vera, vendors, 3, days_ago=5)
    assert cached_area_topics([payments]) == {payments.pk: 1.0}
    assert "vera.vendors" not in worked_on_area(rank_people_for(topics=[payments]))

    page = ArticlePageFactory(parent=area, title="Vendor bank details", topics=[vendors])

    assert cached_area_topics([payments]) == {payments.pk: 1.0, vendors.pk: 0.5}
    assert "vera.vendors" in worked_on_area(rank_people_for(topics=[payments]))

    page.unpublish()
    page.move(ProcessPageFactory(title="Hiring"), pos="last-child")
    assert cached_area_topics([payments]) == {payments.pk: 1.0}


def test_the_area_topics_are_read_once_per_set_of_topics(db, django_assert_num_queries):
    payments, vendors = TopicFactory(name="Payment runs"), TopicFactory(name="Vendors")
    area = ProcessPageFactory(title="Accounts payable", topics=[payments])
    ArticlePageFactory(parent=area, title="Vendor bank details", topics=[vendors])
    with django_assert_num_queries(1):
        first = cached_area_topics([payments, vendors])
    with django_assert_num_queries(0):
        assert cached_area_topics([vendors, payments]) == first
