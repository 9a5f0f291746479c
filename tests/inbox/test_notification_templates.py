"""Every message to a person goes through the inbox, its subject and body rendered from templates (so they can
be translated or changed): the words in the templates are those in the inbox and in the email."""

import pytest

from django.core import mail
from django.urls import reverse

from expertise.factories import UserFactory
from inbox.models import Notification
from questions.models import Question

pytestmark = pytest.mark.django_db


def assert_from_templates(kind: str, template: str) -> None:
    """Every notification of `kind` has the overridden words of `template`, in the inbox and in its email."""
    notifications = Notification.objects.filter(kind=kind)
    assert notifications.exists()
    for notification in notifications:
        assert notification.subject == f"Overridden subject {template}"
        assert notification.body == f"Overridden body {template}"
        assert notification.emailed_at is not None
        sent_to = [message for message in mail.outbox if message.to == [notification.recipient.email]]
        (email,) = [message for message in sent_to if message.subject == f"Overridden subject {template}"]
        assert email.body.startswith(f"Overridden body {template}")


def test_a_question_renders_from_its_template(
    client, overridden_notification_templates, django_capture_on_commit_callbacks
):
    asker, expert = UserFactory(), UserFactory()
    client.force_login(asker)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("questions:ask_person", args=[expert.username]), {"text": "Who releases the file?"})
    assert_from_templates("question", "question")


def test_asking_a_question_notifies_the_expert_and_the_task_emails_it_after_the_request(
    client, django_capture_on_commit_callbacks
):
    asker = UserFactory(first_name="Jill", last_name="Hartmann")
    expert = UserFactory()
    client.force_login(asker)
    with django_capture_on_commit_callbacks() as queued:
        response = client.post(
            reverse("questions:ask_person", args=[expert.username]), {"text": "Who releases the file?"}
        )
    assert response.status_code == 302
    assert mail.outbox == [], "nothing sent during the request"
    notification = Notification.objects.get(recipient=expert, kind="question")
    assert notification.subject == "Jill Hartmann has a question"
    assert "Who releases the file?" in notification.body and notification.emailed_at is None

    for callback in queued:  # after the commit: the inbox's task
        callback()
    notification.refresh_from_db()
    assert notification.emailed_at is not None
    (email,) = mail.outbox
    # Answered in Onramp, where the answer is kept: a reply by email would leave the product again.
    assert email.to == [expert.email] and email.reply_to == []
    assert "Answer Jill Hartmann in Onramp" in email.body
    question = Question.objects.get()
    assert email.body.endswith(reverse("questions:question", args=[question.pk]))
