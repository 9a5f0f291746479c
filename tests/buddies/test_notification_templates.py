"""Every message to a person goes through the inbox, its subject and body rendered from templates (so they can
be translated or changed): the words in the templates are those in the inbox and in the email."""

from datetime import timedelta

import pytest

from buddies.models import CheckIn
from buddies.pairing import assign_buddy, start_onboarding
from buddies.tasks import send_check_in_reminders
from tests.buddies.conftest import START, TODAY
from tests.inbox.conftest import overridden_notification_templates  # noqa: F401
from tests.inbox.test_notification_templates import assert_from_templates

pytestmark = pytest.mark.django_db


def test_check_in_reminders_render_from_their_templates(
    org,
    overridden_notification_templates,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    onboarding = start_onboarding(hire=org["jill"], start_date=START, plan_template=org["plan"])
    assign_buddy(onboarding=onboarding, buddy=org["jim"], by=org["nadia"])
    CheckIn.objects.create(onboarding=onboarding, scheduled_for=TODAY + timedelta(days=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert send_check_in_reminders.delay().get() == 4
    assert_from_templates("check-in-upcoming", "check_in_upcoming")
    assert_from_templates("check-in-missed", "check_in_missed")
