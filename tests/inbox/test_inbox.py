import pytest

from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.urls import reverse

import inbox
from expertise.factories import UserFactory
from inbox.models import Notification
from inbox.notifications import email_notification
from inbox.tasks import send_notification_email

pytestmark = pytest.mark.django_db


def test_the_same_key_notifies_once_and_emails_once(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = inbox.notify(person, kind="test", subject="Hello", body="Body", url="/forums/gaps/", key="k1")
        second = inbox.notify(person, kind="test", subject="Hello again", key="k1")
    assert first is not None and second is None
    assert Notification.objects.count() == 1
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [person.email]
    assert "http://testserver/forums/gaps/" in mail.outbox[0].body
    # The email task running again (a retry, a second worker) sends nothing more.
    assert send_notification_email(first.pk) is False
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert first.emailed_at is not None


def test_another_key_or_another_person_is_a_new_notification():
    person, other = UserFactory(), UserFactory()
    inbox.notify(person, kind="test", subject="A", key="k1")
    inbox.notify(person, kind="test", subject="B", key="k2")
    inbox.notify(other, kind="test", subject="A", key="k1")
    assert Notification.objects.count() == 3


def test_inactive_people_and_missing_keys():
    gone = UserFactory(is_active=False)
    assert inbox.notify(gone, kind="test", subject="A", key="k1") is None
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        inbox.notify(UserFactory(), kind="test", subject="A", key="")


def test_a_person_without_an_address_is_marked_without_mail():
    person = UserFactory(email="")
    notification = inbox.notify(person, kind="test", subject="A", key="k1")
    assert email_notification(notification.pk) is False
    assert not mail.outbox
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_the_header_shows_the_unread_count_and_reading_lowers_it(client):
    person = UserFactory()
    for number in range(3):
        inbox.notify(person, kind="test", subject=f"Notice {number}", url="/forums/gaps/", key=f"k{number}")
    client.force_login(person)
    html = client.get(reverse("inbox:inbox")).content.decode()
    assert 'aria-label="3 unread"' in html
    notification = Notification.objects.filter(recipient=person).first()
    response = client.post(reverse("inbox:open", args=[notification.pk]))
    assert response.url == "/forums/gaps/"
    assert 'aria-label="2 unread"' in client.get(reverse("inbox:inbox")).content.decode()
    client.post(reverse("inbox:read_all"))
    html = client.get(reverse("inbox:inbox")).content.decode()
    assert "unread" not in html.split("<main")[0]
    assert "Nothing unread." in client.get(reverse("inbox:inbox"), {"show": "unread"}).content.decode()


def test_nobody_reads_or_opens_another_persons_notifications(client):
    owner, snoop = UserFactory(), UserFactory()
    notification = inbox.notify(owner, kind="test", subject="Private matter", key="k1")
    client.force_login(snoop)
    assert "Private matter" not in client.get(reverse("inbox:inbox")).content.decode()
    assert client.post(reverse("inbox:open", args=[notification.pk])).status_code == 404
    client.post(reverse("inbox:read_all"))
    notification.refresh_from_db()
    assert notification.read_at is None
    client.logout()
    assert client.get(reverse("inbox:inbox")).status_code == 302


def test_an_outside_link_is_not_followed(client):
    person = UserFactory()
    notification = inbox.notify(person, kind="test", subject="A", url="https://elsewhere.example/", key="k1")
    client.force_login(person)
    assert client.post(reverse("inbox:open", args=[notification.pk])).url == reverse("inbox:inbox")


def test_the_inbox_is_paginated_with_flat_queries(client, django_assert_max_num_queries):
    person = UserFactory()
    for number in range(30):
        inbox.notify(person, kind="test", subject=f"Notice {number}", key=f"k{number}")
    client.force_login(person)
    with django_assert_max_num_queries(12):
        html = client.get(reverse("inbox:inbox")).content.decode()
    assert "Page 1 of 2" in html


class UnreachableMailServer(BaseEmailBackend):
    """Stands in for an SMTP server that is down."""

    def send_messages(self, email_messages):
        raise ConnectionRefusedError("mail server down")


def test_a_failed_email_stays_unsent_so_the_retry_sends_it(settings):
    person = UserFactory()
    notification = inbox.notify(person, kind="test", subject="Hello", key="k1")
    settings.EMAIL_BACKEND = f"{__name__}.UnreachableMailServer"
    with pytest.raises(ConnectionRefusedError):
        email_notification(notification.pk)
    notification.refresh_from_db()
    assert notification.emailed_at is None
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert email_notification(notification.pk) is True
    assert len(mail.outbox) == 1
    assert send_notification_email.max_retries == 5 and send_notification_email.acks_late
