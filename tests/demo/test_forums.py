import pytest

from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone

from forums.models import ForumSession, Gap, GapStatus, RevisionTask, TaskStatus, UserGroup

pytestmark = pytest.mark.django_db


def test_the_demo_has_groups_sessions_gaps_and_tasks_in_every_state(client):
    assert UserGroup.objects.count() == 2
    assert all(group.sessions.filter(date__lt=timezone.localdate()).count() >= 3 for group in UserGroup.objects.all())
    statuses = set(Gap.objects.values_list("status", flat=True))
    assert {GapStatus.NEW, GapStatus.TRIAGED, GapStatus.IN_REVISION, GapStatus.RESOLVED} <= statuses
    assert {GapStatus.DECLINED, GapStatus.DUPLICATE} <= statuses
    assert set(RevisionTask.objects.values_list("status", flat=True)) == set(TaskStatus.values)
    assert any(task.is_overdue() for task in RevisionTask.objects.all())
    # The demo's published password, through authenticate() with a request as sign-in throttling needs.
    client.login(request=HttpRequest(), username="carrie.lindqvist", password="onramp-demo")  # noqa: S106
    html = client.get(reverse("forums:dashboard")).content.decode()
    assert "Payments" in html and "Candidate gaps" in html
    session = ForumSession.objects.filter(group__slug="payables-user-group").order_by("-date").first()
    assert "What became of earlier gaps" in client.get(reverse("forums:session", args=[session.pk])).content.decode()
