"""A check-in reminder that cannot be emailed is logged and stays in the inbox, its email left for the inbox's
task to send again (a worker retries it), and it never stops the others."""

import logging
from datetime import timedelta

import pytest

from django.core import mail

from buddies.models import CheckIn, CheckInReminder
from buddies.pairing import assign_buddy, start_onboarding
from buddies.tasks import send_check_in_reminders
from inbox.models import Notification
from inbox.tasks import send_notification_email
from tests.buddies.conftest import START, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def jills(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    CheckIn.objects.create(onboarding=onboarding, scheduled_for=TODAY + timedelta(days=1))
    return onboarding


def test_reminders_that_cannot_be_sent_are_logged_and_sent_later_once(
    jills, unreachable_mail_server, caplog, settings, django_capture_on_commit_callbacks
):
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        assert send_check_in_reminders.delay().get() == 4
    assert "Could not send the email “Check-in with Jim Okafor on Saturday 21 November”" in caplog.text
    assert CheckInReminder.objects.count() == 4, "recorded, so the next run does not remind again"
    unsent = list(Notification.objects.filter(emailed_at__isnull=True).values_list("pk", flat=True))
    assert len(unsent) == 4 and not mail.outbox

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        assert send_check_in_reminders.delay().get() == 0
    for notification_id in unsent:  # as the worker's retry does
        assert send_notification_email.delay(notification_id).get() is True
    assert len(mail.outbox) == 4 and CheckInReminder.objects.count() == 4


def test_a_reminder_subject_is_one_line_whatever_the_names_hold(jills, org, django_capture_on_commit_callbacks):
    org["jim"].profile.display_name = "Jim\r\nOkafor"
    org["jim"].profile.save()
    org["jim"].first_name = "Jim\r\n"
    org["jim"].save()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_check_in_reminders.delay().get() == 4
    assert len(mail.outbox) == 4
    assert all("\n" not in message.subject and "\r" not in message.subject for message in mail.outbox)
