"""The inbox over the API: each caller lists, counts and marks read their own notifications only."""

import pytest

import inbox
from inbox.models import Notification
from tests.api.onboarding_world import (  # noqa: F401
    ROLES,
    as_role_fixture,
    frozen_today,
    world_fixture,
    world_once,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def mail(world):
    """Two notifications for Jill (one read), one for Jim."""
    first = inbox.notify(world["jill"], kind="gap-resolved", subject="Your gap is resolved", url="/forums/", key="a")
    inbox.notify(world["jill"], kind="check-in-upcoming", subject="Check-in tomorrow", body="With Jim", key="b")
    inbox.notify(world["jim"], kind="check-in-upcoming", subject="Check-in with Jill tomorrow", key="b")
    inbox.notifications.mark_read(notification=first, user=world["jill"])
    return {n.recipient.username + ":" + n.key: n for n in Notification.objects.select_related("recipient")}


SUBJECTS = {
    "jill": ["Check-in tomorrow", "Your gap is resolved"],
    "jim": ["Check-in with Jill tomorrow"],
}


@pytest.mark.parametrize("role", ROLES)
def test_each_caller_lists_their_own_notifications_only(as_role, mail, role):
    response = as_role(role).get("/api/v1/notifications/")
    if role is None:
        assert response.status_code == 401
        return
    body = response.json()
    assert sorted(item["subject"] for item in body["items"]) == sorted(SUBJECTS.get(role, []))
    assert body["count"] == len(SUBJECTS.get(role, []))


def test_the_unread_filter_and_a_filter_that_does_not_exist(as_role, mail):
    unread = as_role("jill").get("/api/v1/notifications/", {"show": "unread"}).json()
    assert [item["subject"] for item in unread["items"]] == ["Check-in tomorrow"]
    assert unread["items"][0]["read"] is False and unread["items"][0]["body"] == "With Jim"
    response = as_role("jill").get("/api/v1/notifications/", {"show": "starred"})
    assert response.status_code == 422
    assert any(error["loc"][-1] == "show" for error in response.json()["errors"])


@pytest.mark.parametrize(("role", "unread"), [("jill", 1), ("jim", 1), ("nadia", 0), ("trainer", 0), (None, None)])
def test_the_unread_count_is_the_callers(as_role, mail, role, unread):
    response = as_role(role).get("/api/v1/notifications/unread-count/")
    if role is None:
        assert response.status_code == 401
    else:
        assert response.json() == {"unread": unread}


@pytest.mark.parametrize("role", ROLES)
def test_only_the_recipient_marks_a_notification_read(as_role, mail, role):
    notification = mail["jill.hartmann:b"]
    response = as_role(role).post(f"/api/v1/notifications/{notification.pk}/read/")
    assert response.status_code == (401 if role is None else 200 if role == "jill" else 404)
    notification.refresh_from_db()
    assert notification.is_read == (role == "jill")
    if role == "jill":
        assert response.json()["read"] is True
        assert as_role("jill").get("/api/v1/notifications/unread-count/").json() == {"unread": 0}


def test_marking_all_read_touches_the_callers_only(as_role, mail):
    assert as_role("jill").post("/api/v1/notifications/read-all/").json() == {"marked": 1}
    assert not Notification.objects.filter(recipient=mail["jill.hartmann:b"].recipient, read_at__isnull=True).exists()
    assert Notification.objects.get(pk=mail["jim.okafor:b"].pk).read_at is None
    assert as_role("jim").get("/api/v1/notifications/unread-count/").json() == {"unread": 1}
    assert as_role("jill").post("/api/v1/notifications/read-all/").json() == {"marked": 0}
    assert as_role(None).post("/api/v1/notifications/read-all/").status_code == 401
