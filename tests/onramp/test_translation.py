"""The words people read are marked for translation: rendered in a pseudo-language whose catalog a test writes,
pages and notifications come out in it, and a counted phrase takes the plural form the count calls for."""

import pytest

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from expertise.factories import UserFactory
from inbox.models import Notification
from tests.catalogs import install_pseudo_language

pytestmark = pytest.mark.django_db

PSEUDO = "xx"
MARKED = [
    "My tasks",  # the header's navigation
    "Inbox",
    "No notifications yet. You will hear here when a gap you raised is closed or a task is assigned to you.",
    "Sign in to Onramp",  # the sign-in form
    "Sign in",
    "%(asker)s has a question",  # a notification's subject and body
    "Answer %(asker)s in Onramp: the answer is kept for the next person who asks.",
]


def pseudo(text: str) -> str:
    return f"[xx] {text}"


@pytest.fixture
def in_pseudo_language(settings, tmp_path):
    """A catalog for PSEUDO that prefixes every marked message with "[xx]", active for the test's duration.
    Onramp has no LocaleMiddleware (English only), so the language is activated around the requests."""
    install_pseudo_language(
        settings,
        tmp_path,
        language=PSEUDO,
        messages={message: pseudo(message) for message in MARKED},
        plurals={
            ("%(tasks)s overdue revision task", "%(tasks)s overdue revision tasks"): (
                "%(tasks)s [xx] task, one",
                "%(tasks)s [xx] tasks, several",
            )
        },
    )
    with translation.override(PSEUDO):
        yield


def test_the_navigation_and_an_empty_inbox_come_out_translated(client, in_pseudo_language):
    client.force_login(UserFactory())
    response = client.get(reverse("inbox:inbox"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f">{pseudo('My tasks')}</a>" in page
    assert f"<h1>{pseudo('Inbox')}</h1>" in page
    assert pseudo(MARKED[2]) in page


def test_the_sign_in_form_comes_out_translated(client, in_pseudo_language):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"<h1>{pseudo('Sign in to Onramp')}</h1>" in page
    assert f'<button type="submit" class="button">{pseudo("Sign in")}</button>' in page


def test_a_notification_is_written_in_the_language_it_was_rendered_in(client, in_pseudo_language):
    asker = UserFactory(first_name="Jill", last_name="Hartmann")
    expert = UserFactory()
    client.force_login(asker)
    response = client.post(reverse("questions:ask_person", args=[expert.username]), {"text": "Who releases the file?"})
    assert response.status_code == 302
    notification = Notification.objects.get(recipient=expert, kind="question")
    assert notification.subject == "[xx] Jill Hartmann has a question"
    assert notification.body.startswith("Who releases the file?")
    assert "[xx] Answer Jill Hartmann in Onramp: the answer is kept for the next person who asks." in notification.body


@pytest.mark.parametrize(
    ("overdue", "subject"),
    [(1, "1 [xx] task, one"), (3, "3 [xx] tasks, several")],
)
def test_a_counted_subject_takes_the_plural_form_of_its_count(in_pseudo_language, overdue, subject):
    rendered = render_to_string("forums/notifications/overdue_digest_subject.txt", {"overdue": [object()] * overdue})
    assert rendered.strip() == subject
