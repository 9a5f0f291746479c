"""Every way onto the Ask page answers with a page: opened without a question, and as the place the
"did this answer your question?" and result-link views send people back to when something is wrong."""

import pytest

from django.urls import reverse

from search.models import LoggedQuery

pytestmark = pytest.mark.django_db


def ask(client, **params):
    return client.get(reverse("search:ask"), params)


def test_the_ask_page_without_a_question_invites_one(signed_in):
    response = signed_in.get(reverse("search:ask"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Type a question in your own words" in page and 'name="q"' in page
    assert not LoggedQuery.objects.exists()


@pytest.mark.parametrize(
    "params",
    [
        {"area": "1"},
        {"topic": "supplier-invoices"},
        {"kind": "procedure"},
        {"page": "2"},
        {"log": "1"},
        {"q": ""},
        {"q": "", "area": "99999999999999999999", "page": "99999999999999999999"},
    ],
    ids=["area", "topic", "kind", "page", "log", "empty-question", "empty-with-huge-numbers"],
)
def test_filters_without_a_question_show_the_empty_ask_page(signed_in, corpus, params):
    response = ask(signed_in, **params)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Type a question in your own words" in page or "Type a question or a few words to search for." in page
    assert not LoggedQuery.objects.exists()


def test_a_nul_byte_in_the_question_is_a_bad_request(signed_in, corpus):
    """No one can type one; PostgreSQL cannot compare text holding one. Every address with one is refused."""
    response = ask(signed_in, q="\x00invoice")
    assert response.status_code == 400
    assert "Onramp could not read that address" in response.content.decode()
    assert not LoggedQuery.objects.exists()


@pytest.mark.parametrize("log", ["99999999999999999999", "²", "١", "0"], ids=["huge", "superscript", "arabic", "zero"])
def test_coming_back_with_a_log_number_that_is_not_one_logs_a_new_search(signed_in, corpus, log):
    response = ask(signed_in, q="supplier invoice", log=log)
    assert response.status_code == 200 and "Posting a supplier invoice" in response.content.decode()
    assert LoggedQuery.objects.count() == 1


def test_answering_for_a_search_that_is_not_yours_says_so_on_the_ask_page(signed_in, corpus):
    response = signed_in.post(reverse("search:answered", args=[4242]), {"answered": "yes"}, follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == [(reverse("search:ask"), 302)]
    assert "That search is not one of yours, or it no longer exists." in response.content.decode()


def test_answering_for_a_huge_search_number_says_so_on_the_ask_page(signed_in, corpus):
    url = reverse("search:answered", args=[99999999999999999999])
    response = signed_in.post(url, {"answered": "yes"}, follow=True)
    assert response.status_code == 200
    assert "That search is not one of yours, or it no longer exists." in response.content.decode()


def test_an_answer_that_is_neither_yes_nor_no_goes_back_to_the_results(signed_in, corpus):
    ask(signed_in, q="supplier invoice")
    logged = LoggedQuery.objects.get()
    response = signed_in.post(reverse("search:answered", args=[logged.pk]), {}, follow=True)
    assert response.status_code == 200
    assert "Choose yes or no" in response.content.decode()
    assert "Posting a supplier invoice" in response.content.decode()


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://evil.example.com/", "page"),
        ("/\\evil.example.com/", "page"),
        ("/a\nLocation: https://evil.example.com/", "page"),
        ("/a\rb/", "page"),
        ("", ""),
    ],
    ids=["other-site", "backslash-host", "header-injection", "carriage-return", "nothing"],
)
def test_a_result_link_that_is_not_ours_lands_on_the_ask_page(signed_in, corpus, url, kind):
    ask(signed_in, q="supplier invoice")
    logged = LoggedQuery.objects.get()
    for query_id in (logged.pk, 4242, 99999999999999999999):
        response = signed_in.get(reverse("search:go", args=[query_id]), {"url": url, "kind": kind})
        assert response.status_code == 302 and response.url == reverse("search:ask"), query_id
        assert signed_in.get(response.url).status_code == 200
    logged.refresh_from_db()
    assert logged.clicked_url == ""


def test_a_local_link_from_another_person_s_search_is_followed_without_logging(signed_in, corpus):
    page = corpus["post_invoice"].url
    response = signed_in.get(reverse("search:go", args=[4242]), {"url": page, "kind": "page"})
    assert response.status_code == 302 and response.url == page
