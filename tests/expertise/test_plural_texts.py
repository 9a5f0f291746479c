"""The reasons "who knows X" gives read right at one and at many (ngettext, not a hand-made "s")."""

from datetime import UTC, datetime, timedelta

import pytest

from django.utils import timezone

from expertise.factories import TopicFactory, make_person
from expertise.models import Evidence, EvidenceKind
from expertise.ranking import rank_people_for
from expertise.scoring import update_score

pytestmark = pytest.mark.django_db


def record(person, topic, kind: str, count: int) -> None:
    when = timezone.now() - timedelta(days=10)
    for number in range(count):
        Evidence.objects.create(person=person, topic=topic, kind=kind, occurred_at=when, source_id=number)
    update_score(person_id=person.pk, topic_id=topic.pk)


def reasons_of(suggestions, username: str) -> list[str]:
    return next(s.reasons for s in suggestions if s.person.username == username)


def test_evidence_counts_and_hours_read_right_at_one_and_many():
    topic = TopicFactory(name="Payment runs")
    asker = make_person("jill.hartmann", time_zone="Europe/London")
    one = make_person("olu.adeyemi", time_zone="Europe/London")
    many = make_person("maya.ortiz", time_zone="America/New_York")  # 5 hours behind London in winter
    record(one, topic, EvidenceKind.PAGE_EDITED, 1)
    record(one, topic, EvidenceKind.GAP_RESOLVED, 1)
    record(many, topic, EvidenceKind.PAGE_EDITED, 3)
    record(many, topic, EvidenceKind.GAP_RESOLVED, 2)

    suggestions = rank_people_for(topics=[topic], asker=asker, now=datetime(2026, 1, 15, 12, tzinfo=UTC))

    first, lately = reasons_of(suggestions, "olu.adeyemi")
    assert "edited 1 page in the last year" in first and "resolved 1 gap" in first
    assert lately == "worked on it in the last three months"
    first, _lately, time_zone = reasons_of(suggestions, "maya.ortiz")
    assert "edited 3 pages in the last year" in first and "resolved 2 gaps" in first
    assert time_zone == "works 5 hours from your time zone"
