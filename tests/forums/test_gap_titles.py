"""A gap's title is one line wherever the gap is raised, because it becomes the subject of the experts' emails;
and an email that cannot be sent never fails the request that raised the gap."""

import datetime
import logging

import pytest

from django.core import mail
from django.urls import reverse

from forums.gaps import raise_gap
from forums.models import ForumSession, Gap, GapSource, UserGroup
from inbox.models import Notification
from search.models import LoggedQuery

pytestmark = pytest.mark.django_db


def flag_gap(client, person, title, *topics):
    client.force_login(person)
    return client.post(reverse("forums:flag_gap"), {"title": title, "topics": [topic.pk for topic in topics]})


def test_a_line_break_in_a_gap_title_is_made_one_line_and_the_expert_is_emailed(
    client, org, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = flag_gap(client, org["jill"], "line1\r\nline2", org["topic"])
    assert response.status_code == 302
    gap = Gap.objects.get()
    assert gap.title == "line1 line2"
    assert [message.to for message in mail.outbox] == [[org["jim"].email]]
    assert mail.outbox[0].subject == "New gap on Payment runs: line1 line2"
    assert Notification.objects.get(recipient=org["jim"]).emailed_at is not None


def test_gaps_recorded_at_a_session_get_one_line_titles(client, org):
    group = UserGroup.objects.create(name="Payables user group", slug="payables", facilitator=org["carrie"])
    group.members.set([org["jill"], org["ben"]])
    session = ForumSession.objects.create(group=group, date=datetime.date(2026, 10, 6))
    client.force_login(org["ben"])
    data = {"gaps-TOTAL_FORMS": "1", "gaps-INITIAL_FORMS": "0", "gaps-0-title": "Blocked\nvendors\t list"}
    assert client.post(reverse("forums:session", args=[session.pk]), data).status_code == 302
    assert Gap.objects.get().title == "Blocked vendors list"


def test_a_gap_raised_from_a_search_gets_a_one_line_title(client, org):
    client.force_login(org["jill"])
    client.get(reverse("search:ask"), {"q": "blocked vendor list"})
    assert LoggedQuery.objects.exists()
    response = client.post(reverse("search:raise_gap"), {"title": "Blocked\r\nvendors", "q": "blocked vendor list"})
    assert response.status_code == 302
    assert Gap.objects.get().title == "Blocked vendors"


def test_raising_a_gap_from_code_collapses_whitespace_in_the_title(org):
    gap = raise_gap(title="  Payment\nblock\r\n\r\nreasons  ", source=GapSource.DIRECT, raised_by=org["jill"])
    assert gap.title == "Payment block reasons"


def test_a_title_of_only_line_breaks_is_refused(client, org):
    response = flag_gap(client, org["jill"], "\r\n\r\n")
    assert response.status_code == 400
    assert "Say in a few words what is missing or wrong." in response.content.decode()
    assert not Gap.objects.exists()


def test_a_gap_whose_experts_cannot_be_emailed_is_still_raised(
    client, org, django_capture_on_commit_callbacks, unreachable_mail_server, caplog
):
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = flag_gap(client, org["jill"], "Payment block reasons", org["topic"])
    assert response.status_code == 302
    gap = Gap.objects.get()
    notification = Notification.objects.get(recipient=org["jim"])
    assert notification.emailed_at is None, "not marked as emailed: it was not"
    assert f"Could not email notification {notification.pk}" in caplog.text
    assert client.get(response.url).status_code == 200
    assert gap.title == "Payment block reasons"
