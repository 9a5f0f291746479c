"""Answered questions are Ask's fourth result group, on the page and in its JSON over the API, and a private
question shows up only for the people in it."""

import pytest

from django.urls import reverse

from wagtail.models import APIToken

from questions import asking

pytestmark = pytest.mark.django_db


def answered(*, asker, answerer, text, answer, expert=None, topic=None, private=False):
    question = asking.ask(asker=asker, expert=expert, topic=topic, text=text, private=private)
    post = asking.answer(question=question, author=answerer, text=answer)
    asking.accept(answer=post, by=asker)
    return question


@pytest.fixture
def asked(people):
    jill, jim, topic = people["jill"], people["jim"], people["topic"]
    shared = answered(
        asker=jill,
        answerer=jim,
        topic=topic,
        text="How do I reverse a duplicate vendor payment?",
        answer="Recall it from the bank file, then post the reversal.",
    )
    private = answered(
        asker=jill,
        answerer=jim,
        expert=jim,
        private=True,
        text="My duplicate vendor payment went to my own account, what now?",
        answer="Tell me privately and we fix it quietly.",
    )
    asking.ask(asker=jill, topic=topic, text="Why is a duplicate vendor payment not blocked?")  # unanswered
    return {"shared": shared, "private": private}


def test_the_ask_page_lists_answered_questions_the_reader_may_see(client, people, asked):
    client.force_login(people["ben"])
    page = client.get(reverse("search:ask"), {"q": "duplicate vendor payment"}).content.decode()
    assert "Answered questions" in page
    assert asked["shared"].get_absolute_url() in page and "Recall it from the bank file" in page
    assert "went to my own account" not in page and "privately" not in page
    assert "not blocked" not in page, "only answered questions"

    client.force_login(people["jill"])
    page = client.get(reverse("search:ask"), {"q": "duplicate vendor payment"}).content.decode()
    assert asked["private"].get_absolute_url() in page
    nothing = client.get(reverse("search:ask"), {"q": "annual leave booking"}).content.decode()
    assert "Nobody has asked this in Onramp yet." in nothing


def test_the_ask_api_returns_them_with_the_same_privacy(client, people, asked):
    def ask_as(user):
        _, token = APIToken.create_token(user=user, name="tests")
        response = client.get(
            "/api/v1/ask/", {"q": "duplicate vendor payment"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert response.status_code == 200, response.content
        return response.json()["questions"]

    seen_by_ben = ask_as(people["ben"])
    assert [hit["id"] for hit in seen_by_ben] == [asked["shared"].pk]
    assert seen_by_ben[0]["answer"].startswith("Recall it") and seen_by_ben[0]["answered_by"] == "Jim Okafor"
    assert {hit["id"] for hit in ask_as(people["jim"])} == {asked["shared"].pk, asked["private"].pk}
