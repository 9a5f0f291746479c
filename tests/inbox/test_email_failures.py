"""Email subjects are one line whatever they were built from, and an email that cannot be sent is logged, never
raised into the request that caused it (Celery runs inline when no broker is configured)."""

import logging

import pytest

from django.core import mail
from django.urls import reverse

import inbox
from expertise.factories import UserFactory
from inbox.models import Notification
from inbox.tasks import send_notification_email
from questions.models import Question

pytestmark = pytest.mark.django_db


def test_a_subject_with_line_breaks_is_stored_and_sent_on_one_line(django_capture_on_commit_callbacks):
    person = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        notification = inbox.notify(person, kind="test", subject="New gap:\r\nline1\nline2", key="k1")
    assert notification.subject == "New gap: line1 line2"
    assert mail.outbox[0].subject == "New gap: line1 line2"


def test_a_stored_subject_with_a_line_break_is_sent_on_one_line():
    """Notifications made before subjects were kept on one line: made one line when they are sent."""
    person = UserFactory()
    notification = inbox.notify(person, kind="test", subject="Hello", key="k1")
    Notification.objects.filter(pk=notification.pk).update(subject="Hello\r\nBcc: everyone@example.com")
    assert send_notification_email.delay(notification.pk).get() is True
    assert mail.outbox[0].subject == "Hello Bcc: everyone@example.com" and mail.outbox[0].bcc == []


def test_run_inline_a_failed_email_is_logged_and_can_be_sent_later(unreachable_mail_server, caplog, settings):
    person = UserFactory()
    notification = inbox.notify(person, kind="test", subject="Hello", key="k1")
    with caplog.at_level(logging.ERROR):
        assert send_notification_email.delay(notification.pk).get() is False
    assert f"Could not email notification {notification.pk}" in caplog.text
    notification.refresh_from_db()
    assert notification.emailed_at is None

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert send_notification_email.delay(notification.pk).get() is True
    assert len(mail.outbox) == 1


def test_on_a_worker_a_failed_email_is_raised_so_that_it_is_retried(unreachable_mail_server):
    notification = inbox.notify(UserFactory(), kind="test", subject="Hello", key="k1")
    with pytest.raises(OSError):
        send_notification_email(notification.pk)  # called as a worker calls it: not inline in a request


def test_a_question_to_an_expert_is_sent_even_if_the_asker_s_name_has_a_line_break(
    client, django_capture_on_commit_callbacks
):
    asker, expert = UserFactory(), UserFactory(first_name="Jim", last_name="Okafor")
    asker.profile.display_name = "Jill\nHartmann"  # saved before names were kept on one line
    asker.profile.save()
    client.force_login(asker)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("questions:ask_person", args=[expert.username]), {"text": "Who releases the file?"}
        )
    assert response.status_code == 302
    assert Question.objects.filter(asker=asker, expert=expert).exists()
    assert mail.outbox[0].subject == "Jill Hartmann has a question"


def test_a_question_is_kept_when_its_email_cannot_be_sent(
    client, unreachable_mail_server, caplog, django_capture_on_commit_callbacks
):
    asker, expert = UserFactory(), UserFactory()
    client.force_login(asker)
    with caplog.at_level(logging.ERROR), django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("questions:ask_person", args=[expert.username]), {"text": "Who releases the file?"}
        )
    assert response.status_code == 302
    assert Question.objects.filter(asker=asker, expert=expert).exists()
    assert "Could not send the email" in caplog.text
    notification = Notification.objects.get(recipient=expert, kind="question")
    assert notification.emailed_at is None, "in the inbox, its email left for the task to send again"


def test_a_display_name_is_saved_on_one_line(client):
    person = UserFactory()
    client.force_login(person)
    data = {"display_name": "Jill\r\nHartmann", "time_zone": "Europe/London", "question_capacity": 5}
    response = client.post(reverse("expertise:edit_profile"), data)
    assert response.status_code == 302, response.content.decode()
    person.profile.refresh_from_db()
    assert person.profile.display_name == "Jill Hartmann"
