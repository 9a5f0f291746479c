import pytest

from django.db import transaction

import inbox
from expertise.factories import TopicFactory, UserFactory
from forums.gaps import raise_gap
from forums.models import GapSource
from forums.tasks import notify_experts_of_gap
from inbox.models import Notification
from inbox.tasks import send_notification_email
from tests.services.conftest import wait_for

pytestmark = pytest.mark.services


def test_a_real_worker_emails_a_notification_once(celery_worker):
    person = UserFactory()
    with transaction.atomic():
        notification = inbox.notify(person, kind="test", subject="Over Redis", key="worker-1")
    # The eager on-commit send may already have run in this process; reset so the worker does the sending.
    Notification.objects.filter(pk=notification.pk).update(emailed_at=None)

    celery_worker.send(send_notification_email, notification.pk)
    celery_worker.send(send_notification_email, notification.pk)
    after_both(celery_worker)

    emailed = Notification.objects.get(pk=notification.pk)
    assert emailed.emailed_at is not None


def after_both(worker) -> None:
    """Waits for a sentinel queued last: the solo worker runs its queue in order, so everything before it ran."""
    sentinel = inbox.notify(UserFactory(), kind="test", subject="Sentinel", key="sentinel")
    Notification.objects.filter(pk=sentinel.pk).update(emailed_at=None)
    worker.send(send_notification_email, sentinel.pk)
    assert wait_for(lambda: Notification.objects.filter(pk=sentinel.pk, emailed_at__isnull=False).exists(), timeout=60)


def test_a_real_worker_notifies_experts_of_a_new_gap_exactly_once(celery_worker):
    from expertise.models import ExpertiseScore

    topic, expert, raiser = TopicFactory(name="Dunning"), UserFactory(), UserFactory()
    ExpertiseScore.objects.create(person=expert, topic=topic, score=9, level="expert", rank=2)
    gap = raise_gap(title="Dunning levels", source=GapSource.DIRECT, raised_by=raiser, topics=[topic])
    Notification.objects.all().delete()

    celery_worker.send(notify_experts_of_gap, gap.pk)
    celery_worker.send(notify_experts_of_gap, gap.pk)
    after_both(celery_worker)

    assert Notification.objects.filter(recipient=expert, kind="gap-new").count() == 1
    assert not Notification.objects.filter(recipient=raiser).exists()
