"""The reminder task on a real Celery worker over Redis, against PostgreSQL (skipped elsewhere, required on CI)."""

from datetime import timedelta

import pytest

from django.utils import timezone

from buddies.models import CheckIn, CheckInReminder
from buddies.pairing import assign_buddy, start_onboarding
from buddies.tasks import send_check_in_reminders
from tests.services.conftest import wait_for

pytestmark = pytest.mark.services


def test_a_real_worker_sends_each_reminder_once(celery_worker, org):
    # The worker runs on the real clock, so the check-in is planned for tomorrow by that clock.
    tomorrow = timezone.localdate() + timedelta(days=1)
    onboarding = start_onboarding(hire=org["jill"], start_date=timezone.localdate() - timedelta(days=3))
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    CheckIn.objects.get_or_create(onboarding=onboarding, scheduled_for=tomorrow)

    celery_worker.send(send_check_in_reminders)
    assert wait_for(lambda: CheckInReminder.objects.count() == 2, timeout=60)

    celery_worker.send(send_check_in_reminders)
    marker = CheckIn.objects.create(onboarding=onboarding, scheduled_for=timezone.localdate())
    celery_worker.send(send_check_in_reminders)
    # The third run reminds of today's new check-in; the repeat before it added nothing.
    assert wait_for(lambda: CheckInReminder.objects.filter(check_in=marker).count() == 2, timeout=60)
    assert CheckInReminder.objects.count() == 4
