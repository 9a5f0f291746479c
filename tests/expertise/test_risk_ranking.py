"""The expertise map ranks topics at risk and names the worst few with why, instead of flagging every thin
topic."""

from datetime import timedelta

import pytest

from django.urls import reverse
from django.utils import timezone

from expertise.coverage import RISKS_SHOWN, coverage_map
from expertise.factories import ExpertiseScoreFactory, TopicFactory, make_person
from expertise.models import ExpertiseScore
from wiki.factories import ArticlePageFactory
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db


@pytest.fixture
def thin_topics(db):
    """Eight topics with one expert each, one topic with no expert and a page overdue for review, and one
    topic well covered."""
    people = [make_person(f"clerk.{n}") for n in range(3)]
    for n in range(8):
        ExpertiseScoreFactory(person=people[0], topic=TopicFactory(name=f"Thin topic {n}"))
    orphan = TopicFactory(name="Withholding tax")
    ExpertiseScoreFactory(person=people[1], topic=orphan, level=ExpertiseScore.Level.LEARNING, score=1.0)
    page = ArticlePageFactory(title="Withholding tax rates", topics=[orphan])
    ArticlePage.objects.filter(pk=page.pk).update(verification_due_at=timezone.now() - timedelta(days=30))
    covered = TopicFactory(name="Payment runs")
    for person in people:
        ExpertiseScoreFactory(person=person, topic=covered)
    return {"orphan": orphan, "covered": covered}


def test_only_the_worst_few_topics_are_ranked_worst_first_with_reasons(thin_topics):
    the_map = coverage_map()
    risks = the_map.risks
    assert len(risks) == RISKS_SHOWN < sum(1 for c in the_map.topics if c.at_risk)
    worst = risks[0]
    assert worst.topic == thin_topics["orphan"] and worst.risk_rank == 1
    assert worst.risk_reasons[0] == "no expert" and "1 page overdue for review" in worst.risk_reasons
    assert all("only one expert" in c.risk_reasons for c in risks[1:])
    assert thin_topics["covered"] not in [c.topic for c in risks]


def test_the_map_page_names_the_ranked_risks_and_flags_no_other_topic(signed_in, thin_topics):
    html = signed_in.get(reverse("expertise:map")).content.decode()
    assert "Most at risk" in html
    assert 'Withholding tax</a> <span class="muted">· no expert, ' in html and "1 page overdue for review" in html
    assert html.count('class="risk-flag"') == RISKS_SHOWN
    assert "risk #1" in html and f"risk #{RISKS_SHOWN + 1}" not in html


def test_the_map_counts_as_open_the_gap_statuses_forums_counts_as_open():
    # expertise sits below forums, so the map spells the statuses out; this keeps the two lists one.
    from expertise.coverage import OPEN_GAP_STATUSES as counted_by_the_map
    from forums.models import OPEN_GAP_STATUSES

    assert set(counted_by_the_map) == {status.value for status in OPEN_GAP_STATUSES}
