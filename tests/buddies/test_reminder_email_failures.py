"""A check-in reminder that cannot be emailed is logged and left for the next run, and never stops the others."""

import logging
from datetime import timedelta

import pytest

from django.core import mail

from buddies.models import CheckIn, CheckInReminder
from buddies.pairing import assign_buddy, start_onboarding
from buddies.tasks import send_check_in_reminders
from tests.buddies.conftest import START, TODAY

pytestmark = pytest.mark.django_db


@pytest.fixture
def jills(org):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    CheckIn.objects.create(onboarding=onboarding, scheduled_for=TODAY + timedelta(days=1))
    return onboarding


def test_reminders_that_cannot_be_sent_are_logged_and_sent_by_the_next_run(
    jills, unreachable_mail_server, caplog, settings
):
    with caplog.at_level(logging.ERROR):
        assert send_check_in_reminders.delay().get() == 0
    assert "Could not send the email “Check-in with Jim Okafor on Saturday 21 November”" in caplog.text
    assert not CheckInReminder.objects.exists(), "not recorded as sent"

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_check_in_reminders.delay().get() == 4
    assert len(mail.outbox) == 4 and CheckInReminder.objects.count() == 4


def test_a_reminder_subject_is_one_line_whatever_the_names_hold(jills, org):
    org["jim"].profile.display_name = "Jim\r\nOkafor"
    org["jim"].profile.save()
    org["jim"].first_name = "Jim\r\n"
    org["jim"].save()
    assert send_check_in_reminders.delay().get() == 4
    assert all("\n" not in message.subject and "\r" not in message.subject for message in mail.outbox)
