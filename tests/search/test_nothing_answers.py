"""Ask knows when it does not know: a question no page answers says so on the Ask page (with the gap form
prefilled and the weaker matches below a divider), in `manage.py search --json`, over the API and in chat, all
from the one verdict (`search.answerability.judge`), whichever backend found the pages."""

import json

import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from wagtail.models import APIToken, PageViewRestriction

from chat.answers import answer_for, more_text, sections
from expertise.factories import UserFactory
from search.answerability import judge
from search.ask import ask
from search.backends import ParsedQuery
from search.backends.elastic import ElasticsearchBackend
from search.glossary import expansions
from search.normalise import normalise, search_words
from tests.search.conftest import article

pytestmark = pytest.mark.django_db

OFF_TOPIC = "how do I book annual leave"
ON_TOPIC = "how do I post a supplier invoice"


def ask_page(client, text: str) -> str:
    response = client.get(reverse("search:ask"), {"q": text})
    assert response.status_code == 200
    return response.content.decode()


def test_an_off_topic_question_says_nothing_answers_it_and_offers_the_gap_form(signed_in, corpus):
    html = ask_page(signed_in, OFF_TOPIC)
    assert "Nothing in the wiki answers this" in html
    assert f'value="{OFF_TOPIC}"' in html  # the gap form, prefilled
    assert reverse("search:raise_gap") in html
    # "Book accruals" shares a word: it is listed, but below the divider as a weaker match, not as an answer.
    assert "Weaker matches" in html
    assert html.index("Weaker matches") < html.index("Month-end checklist")
    assert "Answer pages" not in html


def test_an_answered_question_lists_answer_pages_without_the_verdict(signed_in, corpus):
    html = ask_page(signed_in, ON_TOPIC)
    assert "Nothing in the wiki answers this" not in html
    assert "Weaker matches" not in html
    assert "Answer pages" in html
    assert "Posting a supplier invoice" in html


def test_words_scattered_over_a_long_page_do_not_answer(signed_in, home):
    """Each word somewhere on the page is not enough: the question must be said in one place."""
    filler = " ".join(f"Step {n} of the close is routine work." for n in range(12))
    article(
        "Month-end close",
        body=f"Book the accruals first. {filler} Some people take annual stock of the office. {filler} "
        "Leave the period open until the controller signs.",
        parent=home,
    )
    html = ask_page(signed_in, OFF_TOPIC)
    assert "Nothing in the wiki answers this" in html
    article("Booking annual leave", body="Book annual leave in the HR portal two weeks ahead.", parent=home)
    html = ask_page(signed_in, OFF_TOPIC)
    assert "Nothing in the wiki answers this" not in html
    assert "Booking annual leave" in html


def test_rare_words_weigh_more_than_common_ones(home, person, request_for):
    """A page saying only the common words of the question does not answer it; one saying the rare word does."""
    for number in range(6):
        article(f"Vendor process {number}", body="Every vendor needs an approval before payment.", parent=home)
    question = "who approves a vendor's bank details change"
    results = ask(text=question, request=request_for(person))
    assert results.nothing_answers
    assert results.verdict.weights["bank"] > results.verdict.weights["vendor"]
    article("Changing bank details", body="A second person approves every bank details change.", parent=home)
    assert not ask(text=question, request=request_for(person)).nothing_answers


def test_a_glossary_term_counts_as_the_words_it_stands_for(signed_in, corpus):
    html = ask_page(signed_in, "how do I undo a JE")
    assert "Nothing in the wiki answers this" not in html
    assert "Reversing a journal entry" in html


def test_the_verdict_reads_pages_not_scores(corpus, person):
    """The same pages get the same verdict whatever order or score a backend gave them."""
    query = ParsedQuery(
        text=OFF_TOPIC,
        normalised=normalise(OFF_TOPIC),
        words=search_words(OFF_TOPIC),
        extra_phrases=expansions(OFF_TOPIC),
    )
    pages = [corpus["mentions_invoice"].specific, corpus["travel"].specific, corpus["post_invoice"].specific]
    assert not judge(query, pages).answered
    assert not judge(query, list(reversed(pages))).answered
    answered = ParsedQuery(text=ON_TOPIC, normalised=normalise(ON_TOPIC), words=search_words(ON_TOPIC))
    assert judge(answered, list(reversed(pages))).answered
    assert not judge(answered, []).answered


def test_the_database_fallback_gives_the_same_verdict(corpus, person, request_for, caplog):
    backend = ElasticsearchBackend(url="http://127.0.0.1:9")
    off_topic = ask(text=OFF_TOPIC, request=request_for(person), backend=backend)
    assert off_topic.notice  # Elasticsearch unreachable: the database answered
    assert off_topic.nothing_answers
    assert not ask(text=ON_TOPIC, request=request_for(person), backend=backend).nothing_answers


def test_a_question_nothing_matches_at_all_says_so_too(signed_in, corpus):
    html = ask_page(signed_in, "canteen menu")
    assert "Nothing in the wiki answers this" in html
    assert "Weaker matches" not in html


def test_the_search_command_gives_the_verdict(corpus, capsys):
    call_command("search", OFF_TOPIC, "--json")
    assert json.loads(capsys.readouterr().out)["nothing_answers"] is True
    call_command("search", ON_TOPIC, "--json")
    assert json.loads(capsys.readouterr().out)["nothing_answers"] is False
    call_command("search", OFF_TOPIC)
    assert "Nothing in the wiki answers this. Weaker matches:" in capsys.readouterr().out


def test_the_api_gives_the_verdict(client, corpus, person):
    _, token = APIToken.create_token(user=person, name="tests")
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    off_topic = client.get("/api/v1/ask/", {"q": OFF_TOPIC}, **headers)
    assert off_topic.status_code == 200
    assert off_topic.json()["nothing_answers"] is True
    assert "Month-end checklist" in [page["title"] for page in off_topic.json()["pages"]]
    assert client.get("/api/v1/ask/", {"q": ON_TOPIC}, **headers).json()["nothing_answers"] is False


def test_a_chat_answer_gives_the_verdict(corpus, person):
    incoming = RequestFactory().post("/chat/slack/ask/")
    answer = answer_for(question=OFF_TOPIC, person=person, incoming=incoming)
    assert answer.nothing_answers
    heading, links, _ = sections(answer)[0]
    assert heading.startswith("Nothing in the wiki answers this")
    assert "raise a gap" in more_text(answer)
    answered = answer_for(question=ON_TOPIC, person=person, incoming=incoming)
    assert not answered.nothing_answers
    assert sections(answered)[0][0] == "Pages"


def test_a_page_the_asker_may_not_open_never_answers_for_them(client, signed_in, home, person):
    hr = Group.objects.create(name="HR")
    private = article("Booking annual leave", body="Book annual leave in the HR portal.", parent=home)
    restriction = PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(hr)
    html = ask_page(signed_in, OFF_TOPIC)
    assert "Nothing in the wiki answers this" in html
    assert "Booking annual leave" not in html
    member = UserFactory()
    member.groups.add(hr)
    client.force_login(member)
    html = ask_page(client, OFF_TOPIC)
    assert "Nothing in the wiki answers this" not in html
    assert "Booking annual leave" in html
