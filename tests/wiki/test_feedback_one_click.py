""" "Was this helpful?" takes one click: "Yes", "No", or "No" by clicking what was wrong; the reason and a comment
are optional."""

import re

import pytest

from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.models import PageFeedback

pytestmark = pytest.mark.django_db


@pytest.fixture
def article(db):
    return ArticlePageFactory(parent=ProcessPageFactory(title="Expenses"), title="Submit an expense claim")


def test_the_page_offers_yes_and_each_reason_as_its_own_button(signed_in, article):
    html = signed_in.get(article.url).content.decode()
    form = html[html.index('class="form feedback-form"') :]
    form = form[: form.index("</form>")]
    assert '<button type="submit" class="button" name="helpful" value="yes">' in form
    assert '<button type="submit" class="button button--secondary" name="helpful" value="no">No</button>' in form
    for value, _label in PageFeedback.Reason.choices:
        assert f'name="reason" value="{value}"' in form
    assert 'name="comment"' in form and "Add a comment (optional)" in form
    assert not re.search(r'type="radio"', form)  # nothing to pick before sending


def test_one_click_on_a_reason_records_a_not_helpful_vote(signed_in, person, article):
    response = signed_in.post(article.url, {"reason": "steps-missing", "comment": ""})
    assert response.status_code == 302 and response["Location"].endswith("?feedback=thanks#feedback")
    vote = PageFeedback.objects.get()
    assert (vote.helpful, vote.reason, vote.user) == (False, "steps-missing", person)


def test_one_click_on_no_records_a_not_helpful_vote_without_a_reason(signed_in, person, article):
    response = signed_in.post(article.url, {"helpful": "no", "comment": ""})
    assert response.status_code == 302 and response["Location"].endswith("?feedback=thanks#feedback")
    vote = PageFeedback.objects.get()
    assert (vote.helpful, vote.reason, vote.user) == (False, "", person)
    assert "Thank you for your feedback" in signed_in.get(response["Location"]).content.decode()


def test_one_click_on_yes_records_a_helpful_vote_and_an_optional_comment_goes_with_it(signed_in, article):
    signed_in.post(article.url, {"helpful": "yes", "comment": "Saved me a call."})
    vote = PageFeedback.objects.get()
    assert (vote.helpful, vote.reason, vote.comment) == (True, "", "Saved me a call.")


def test_a_post_with_neither_yes_nor_a_reason_is_refused_with_a_message(signed_in, article):
    response = signed_in.post(article.url, {"comment": "hm"})
    assert response.status_code == 400
    html = response.content.decode()
    assert html.count("Choose yes or no.") == 1 and "nothing was saved" in html
    assert "hm</textarea>" in html  # the comment typed is kept
    assert html.count('id="id_helpful_error"') == 1
    assert not PageFeedback.objects.exists()
