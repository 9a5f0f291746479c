"""Every message to a person goes through the inbox, its subject and body rendered from templates (so they can
be translated or changed): the words in the templates are those in the inbox and in the email."""

from datetime import timedelta

import pytest

from django.core import mail
from django.utils import timezone

from forums.digests import overdue_digest, weekly_gap_digest
from forums.gaps import decline_gap, raise_gap
from forums.models import GapSource, RevisionTask
from forums.triage import PageTaskPlan, triage_gap
from tests.inbox.conftest import overridden_notification_templates  # noqa: F401
from tests.inbox.test_notification_templates import assert_from_templates

pytestmark = pytest.mark.django_db


def test_gap_notices_and_digests_render_from_their_templates(
    org,
    overridden_notification_templates,  # noqa: F811
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        gap = raise_gap(
            title="Where is the block list?", source=GapSource.DIRECT, raised_by=org["jill"], topics=[org["topic"]]
        )
    assert_from_templates("gap-new", "gap_new")

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        (task,) = triage_gap(
            gap=gap, by=org["carrie"], page_plan=PageTaskPlan(assignee=org["jim"], page=org["article"])
        )
    assert_from_templates("task-assigned", "task_assigned")

    mail.outbox.clear()
    RevisionTask.objects.filter(pk=task.pk).update(due_date=timezone.localdate() - timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert overdue_digest() == 1
        assert weekly_gap_digest() == 1
    assert_from_templates("overdue-digest", "overdue_digest")
    assert_from_templates("gap-digest", "gap_digest")

    mail.outbox.clear()
    declined = raise_gap(title="Who signs off?", source=GapSource.DIRECT, raised_by=org["ben"])
    with django_capture_on_commit_callbacks(execute=True):
        decline_gap(gap=declined, by=org["carrie"], reason="Covered by the course.")
    assert_from_templates("gap-declined", "gap_declined")
