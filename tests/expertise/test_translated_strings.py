"""Strings written in Python (a form label, the reasons of "who knows X", a time-zone distance) are marked for
translation: under a pseudo-language whose catalog the test writes, they come out in it, plurals included."""

from datetime import UTC, datetime, timedelta

import pytest

from django.utils import timezone, translation

from expertise.factories import TopicFactory, make_person
from expertise.forms import QuestionForm
from expertise.models import Evidence, EvidenceKind
from expertise.ranking import rank_people_for
from expertise.scoring import update_score
from tests.catalogs import install_pseudo_language

pytestmark = pytest.mark.django_db

PSEUDO = "xx"


@pytest.fixture
def in_pseudo_language(settings, tmp_path):
    install_pseudo_language(
        settings,
        tmp_path,
        language=PSEUDO,
        messages={
            "Your question": "[xx] Your question",
            "%(level)s on %(topic)s: %(facts)s": "[xx] %(topic)s: %(facts)s",
            "worked on it in the last three months": "[xx] lately",
        },
        plurals={
            ("edited %(count)d page in the last year", "edited %(count)d pages in the last year"): (
                "[xx] one page: %(count)d",
                "[xx] pages: %(count)d",
            ),
            ("works %(hours)s hour from your time zone", "works %(hours)s hours from your time zone"): (
                "[xx] %(hours)s hour away",
                "[xx] %(hours)s hours away",
            ),
        },
    )
    with translation.override(PSEUDO):
        yield


def test_a_form_label_and_the_reasons_come_out_translated(in_pseudo_language):
    assert "[xx] Your question" in QuestionForm()["text"].label_tag()

    topic = TopicFactory(name="Payment runs")
    asker = make_person("jill.hartmann", time_zone="Europe/London")
    for username, count in (("olu.adeyemi", 1), ("maya.ortiz", 3)):
        person = make_person(username, time_zone="America/New_York")
        for number in range(count):
            Evidence.objects.create(
                person=person,
                topic=topic,
                kind=EvidenceKind.PAGE_EDITED,
                occurred_at=timezone.now() - timedelta(days=10),
                source_id=number,
            )
        update_score(person_id=person.pk, topic_id=topic.pk)

    suggestions = rank_people_for(topics=[topic], asker=asker, now=datetime(2026, 1, 15, 12, tzinfo=UTC))
    reasons = {s.person.username: s.reasons for s in suggestions}
    assert reasons["olu.adeyemi"] == ["[xx] Payment runs: [xx] one page: 1", "[xx] lately", "[xx] 5 hours away"]
    assert reasons["maya.ortiz"] == ["[xx] Payment runs: [xx] pages: 3", "[xx] lately", "[xx] 5 hours away"]
