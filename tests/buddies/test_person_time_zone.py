"""Each person's "today" is their own: the onboarding page and the check-in reminders follow the time zone on
their profile, not the server's (UTC here)."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from django.urls import reverse

from buddies.checkins import send_due_reminders
from buddies.models import CheckIn, CheckInReminder
from expertise.models import Profile

pytestmark = pytest.mark.django_db

# 12:00 UTC on 20 November: already 21 November (01:00) in Auckland, still 20 November (04:00) in Los Angeles.
NOON_UTC = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
DUE = '<span class="badge badge--due">Due</span>'


@pytest.fixture
def far_apart(org, jills):
    """Jill, the hire, lives in Auckland; Jim, her buddy, in Los Angeles."""
    Profile.objects.filter(user=org["jill"]).update(time_zone="Pacific/Auckland")
    Profile.objects.filter(user=org["jim"]).update(time_zone="America/Los_Angeles")
    return CheckIn.objects.create(onboarding=jills, scheduled_for=date(2026, 11, 20))


def onboarding_page_for(client, person, onboarding):
    client.force_login(person)
    with time_machine.travel(NOON_UTC, tick=False):
        return client.get(reverse("buddies:onboarding", args=[onboarding.pk]))


def test_a_check_in_planned_for_today_in_los_angeles_is_already_due_in_auckland(client, org, jills, far_apart):
    in_auckland = onboarding_page_for(client, org["jill"], jills)
    assert in_auckland.context["today"] == date(2026, 11, 21)
    assert DUE in in_auckland.content.decode()
    assert in_auckland.context["next_check_in"].scheduled_for == date(2026, 11, 23)

    in_los_angeles = onboarding_page_for(client, org["jim"], jills)
    assert in_los_angeles.context["today"] == date(2026, 11, 20)
    assert DUE not in in_los_angeles.content.decode()
    assert in_los_angeles.context["next_check_in"] == far_apart


def test_the_day_before_reminder_follows_each_persons_day(org, jills, far_apart):
    saturday = CheckIn.objects.create(onboarding=jills, scheduled_for=date(2026, 11, 22))
    # 21 November in Auckland (the day before), 20 November in Los Angeles (two days before).
    send_due_reminders(now=NOON_UTC)
    assert list(CheckInReminder.objects.filter(check_in=saturday).values_list("recipient__username", "kind")) == [
        ("jill.hartmann", "upcoming")
    ]
    # The one on the 20th: Jim's day, already past for Jill (and not missed yet: two days' grace).
    assert list(CheckInReminder.objects.filter(check_in=far_apart).values_list("recipient__username", flat=True)) == [
        "jim.okafor"
    ]
