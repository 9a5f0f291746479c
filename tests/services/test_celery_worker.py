import pytest

from expertise.factories import TopicFactory, UserFactory
from expertise.models import Evidence, EvidenceKind, ExpertiseScore
from expertise.tasks import recompute_expertise_scores
from tests.services.conftest import wait_for

pytestmark = pytest.mark.services


def test_a_real_worker_runs_the_nightly_recompute(celery_worker):
    person, topic = UserFactory(), TopicFactory(name="Payment runs")
    for number in range(3):
        Evidence.objects.create(person=person, topic=topic, kind=EvidenceKind.PAGE_EDITED, source_id=number)
    assert not ExpertiseScore.objects.exists()

    celery_worker.send(recompute_expertise_scores)

    assert wait_for(lambda: ExpertiseScore.objects.filter(person=person, topic=topic).exists(), timeout=60)
    assert ExpertiseScore.objects.get(person=person, topic=topic).score == pytest.approx(3.0, abs=0.01)
