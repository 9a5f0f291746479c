import pytest

from django.test import Client

from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return ArticlePageFactory(parent=ProcessPageFactory(title="Expenses"), title="Submit an expense claim")


def test_helpful_vote_is_stored_with_its_author(signed_in, person, article):
    response = signed_in.post(article.url, {"helpful": "yes"})
    assert response.status_code == 302
    assert response["Location"].endswith("?feedback=thanks#feedback")
    vote = PageFeedback.objects.get()
    assert vote.helpful is True and vote.user == person and vote.page_id == article.pk
    assert "Thank you for your feedback" in signed_in.get(response["Location"]).content.decode()


def test_not_helpful_with_a_reason_and_comment_is_stored(signed_in, article):
    signed_in.post(article.url, {"helpful": "no", "reason": "outdated", "comment": "The screen changed in May."})
    vote = PageFeedback.objects.get()
    assert (vote.helpful, vote.reason, vote.comment) == (False, "outdated", "The screen changed in May.")


def test_not_helpful_without_a_reason_is_stored_with_its_comment(signed_in, person, article):
    response = signed_in.post(article.url, {"helpful": "no", "comment": "meh"})
    assert response.status_code == 302 and response["Location"].endswith("?feedback=thanks#feedback")
    vote = PageFeedback.objects.get()
    assert (vote.helpful, vote.reason, vote.comment, vote.user) == (False, "", "meh", person)


def test_an_overlong_comment_is_refused(signed_in, article):
    response = signed_in.post(article.url, {"helpful": "no", "reason": "unclear", "comment": "x" * 1001})
    assert response.status_code == 400
    assert "Keep the comment to 1000 characters or fewer." in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_a_vote_without_yes_or_no_is_refused(signed_in, article):
    response = signed_in.post(article.url, {"helpful": "maybe"})
    assert response.status_code == 400
    assert not PageFeedback.objects.exists()


def test_a_form_without_csrf_token_is_refused_with_a_clear_message(person, article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)
    response = client.post(article.url, {"helpful": "no", "reason": "wrong"})
    assert response.status_code == 403
    assert "arrived without a valid security token, so nothing was saved" in response.content.decode()
    assert not PageFeedback.objects.exists()


def test_the_database_keeps_a_not_helpful_vote_without_a_reason(article):
    PageFeedback.objects.create(page=article, helpful=False, reason="")
    assert PageFeedback.objects.get().reason == ""


def test_a_helpful_vote_never_carries_a_reason(signed_in, article):
    signed_in.post(article.url, {"helpful": "yes", "reason": "outdated"})
    assert PageFeedback.objects.get().reason == ""
