"""A task's "overdue" is the reader's: the task page and the overdue digest follow the time zone on each
person's profile; a zone Onramp does not know falls back to the site's (UTC here)."""

from datetime import UTC, date, datetime

import pytest
import time_machine

from django.urls import reverse

from expertise.models import Profile
from forums.digests import overdue_digest
from forums.gaps import raise_gap
from forums.models import GapSource, RevisionTask
from forums.triage import PageTaskPlan, triage_gap
from inbox.models import Notification

pytestmark = pytest.mark.django_db

# 12:00 UTC on 20 November: already 21 November (01:00) in Auckland, still 20 November (04:00) in Los Angeles.
NOON_UTC = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
OVERDUE = '<strong class="overdue">overdue</strong>'


@pytest.fixture
def task_due_on_the_20th(org):
    gap = raise_gap(
        title="Blocked vendors", source=GapSource.DIRECT, raised_by=org["jill"], related_page=org["article"]
    )
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"]))
    RevisionTask.objects.filter(pk=task.pk).update(due_date=date(2026, 11, 20))
    return task


def lives_in(person, zone: str) -> None:
    Profile.objects.filter(user=person).update(time_zone=zone)


def task_page_for(client, person, task) -> str:
    client.force_login(person)
    with time_machine.travel(NOON_UTC, tick=False):
        return client.get(reverse("forums:task", args=[task.pk])).content.decode()


def test_a_task_due_today_in_los_angeles_is_overdue_in_auckland(client, org, task_due_on_the_20th):
    lives_in(org["jim"], "Pacific/Auckland")
    lives_in(org["carrie"], "America/Los_Angeles")
    assert OVERDUE in task_page_for(client, org["jim"], task_due_on_the_20th)
    assert OVERDUE not in task_page_for(client, org["carrie"], task_due_on_the_20th)


def test_an_unknown_or_blank_zone_reads_the_sites_day(client, org, task_due_on_the_20th):
    lives_in(org["jim"], "Pacific/Auckland")
    assert OVERDUE in task_page_for(client, org["jim"], task_due_on_the_20th)
    for zone in ("Mars/Olympus_Mons", ""):
        lives_in(org["jim"], zone)  # saved before zones were checked: bypasses the validator
        assert OVERDUE not in task_page_for(client, org["jim"], task_due_on_the_20th), zone


def test_the_overdue_digest_waits_for_the_assignees_own_day(org, task_due_on_the_20th):
    lives_in(org["jim"], "America/Los_Angeles")
    assert overdue_digest(now=NOON_UTC) == 0, "still the 20th in Los Angeles: due today, not overdue"
    lives_in(org["jim"], "Pacific/Auckland")
    assert overdue_digest(now=NOON_UTC) == 1
    digest = Notification.objects.get(kind="overdue-digest")
    assert digest.key == "overdue-digest:2026-11-21" and "1 day late" in digest.body
