"""The Ask page: three groups, bad input never an error, private and unpublished pages never shown."""

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import PageViewRestriction

from expertise.factories import ExpertiseScoreFactory
from expertise.models import Topic
from forums.factories import GapFactory
from forums.models import Gap, GapStatus
from search.models import LoggedQuery
from tests.search.conftest import article

pytestmark = pytest.mark.django_db


def ask_html(client, **params) -> str:
    response = client.get(reverse("search:ask"), params)
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    return response.content.decode()


def test_the_ask_page_shows_pages_people_and_open_gaps(signed_in, corpus, person, editor):
    expert = corpus["post_invoice"].page_owner
    topic = Topic.objects.get(slug="supplier-invoices")
    ExpertiseScoreFactory(person=expert, topic=topic, score=9)
    GapFactory(title="Invoice without a purchase order", raised_by=editor)
    GapFactory(title="Invoice stamp missing", raised_by=editor, status=GapStatus.RESOLVED)

    html = ask_html(signed_in, q="supplier invoice")

    assert "Posting a supplier invoice" in html
    assert "<mark>invoice</mark>" in html
    assert "Procure to pay" in html  # breadcrumb
    assert "badge--unverified" in html  # freshness: nobody has confirmed these pages since they were published
    assert expert.profile.name in html
    assert "Invoice without a purchase order" in html
    assert "Invoice stamp missing" not in html  # closed gaps are not offered
    assert reverse("forums:me_too", args=[Gap.objects.get(title__startswith="Invoice without").pk]) in html


def test_the_header_has_a_labelled_search_box(signed_in, corpus):
    html = signed_in.get("/").content.decode()
    assert 'action="/ask/"' in html
    assert '<label for="header-search-q"' in html


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "invoice " * 300,
        '"invoice',
        "invoice*",
        "title:invoice",
        "(invoice OR",
        "NEAR(invoice)",
        "'; DROP TABLE wagtailcore_page; --",
        "請求書の処理",
        "счёт-фактура",
        "*:()\"'^-+~",
    ],
)
def test_bad_input_never_errors(signed_in, corpus, text):
    html = ask_html(signed_in, q=text)
    assert "Ask" in html


def test_long_questions_are_cut_and_say_so(signed_in, corpus):
    html = ask_html(signed_in, q="supplier invoice " + "x" * 2000)
    assert "only its first 300 characters were searched" in html
    assert "Posting a supplier invoice" in html


def test_symbols_only_get_a_clear_message(signed_in, corpus):
    assert "made only of symbols" in ask_html(signed_in, q="*:()")
    assert "Type a question" in ask_html(signed_in, q="")


def test_unknown_filter_values_are_ignored(signed_in, corpus):
    html = ask_html(signed_in, q="invoice", area="999999", kind="nonsense", page="x")
    assert "Posting a supplier invoice" in html


def test_unpublished_pages_never_appear(signed_in, corpus):
    corpus["post_invoice"].unpublish()
    html = ask_html(signed_in, q="supplier invoice purchase order")
    assert "Posting a supplier invoice" not in html


def test_a_draft_change_is_not_searched_until_published(signed_in, corpus):
    page = corpus["travel"]
    page.title = "Claiming travel expenses (secret draft wording)"
    page.save_revision()
    assert "Claiming travel expenses (secret" not in ask_html(signed_in, q="secret draft wording")


def test_private_sections_are_shown_only_to_their_groups(client, corpus, person, editor):
    restriction = PageViewRestriction.objects.create(page=corpus["p2p"], restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(person)
    html = ask_html(client, q="supplier invoice")
    assert "Posting a supplier invoice" not in html
    assert "Procure to pay" not in html
    client.force_login(editor)
    assert "Posting a supplier invoice" in ask_html(client, q="supplier invoice")


def test_a_page_with_its_own_login_restriction_is_hidden_from_the_command_but_not_from_people(corpus, person):
    from django.core.management import call_command

    PageViewRestriction.objects.create(page=corpus["travel"], restriction_type=PageViewRestriction.LOGIN)
    import io

    out = io.StringIO()
    call_command("search", "travel expenses", "--json", stdout=out)
    assert "Claiming travel expenses" not in out.getvalue()
    out = io.StringIO()
    call_command("search", "travel expenses", "--json", "--user", person.username, stdout=out)
    assert "Claiming travel expenses" in out.getvalue()


def test_signed_out_visitors_are_sent_to_sign_in(client, corpus):
    response = client.get(reverse("search:ask"), {"q": "invoice"})
    assert response.status_code == 302
    assert "/accounts/login/" in response.url
    assert not LoggedQuery.objects.exists()


def test_filters_and_pagination_keep_the_question(signed_in, corpus, home):
    for number in range(12):
        article(f"Invoice note {number}", summary="About an invoice.", parent=home)
    html = ask_html(signed_in, q="invoice")
    assert "Page 1 of 2" in html
    assert "page=2" in html and "q=invoice" in html
    second = ask_html(signed_in, q="invoice", page=2)
    assert "Page 2 of 2" in second
    assert LoggedQuery.objects.count() == 1  # turning a page is not a new search


def test_results_list_query_count_does_not_grow_with_results(signed_in, corpus, home, django_assert_max_num_queries):
    ask_html(signed_in, q="invoice")  # warm the caches
    # What Ask keeps between requests (the shown pages with their ancestors and topics, the matched pages' paths
    # and topics for the facets, which pages have known issues, the areas, the topics' names, the site, the
    # term counts and the question's ranking) costs no query.
    with django_assert_max_num_queries(8) as few:
        ask_html(signed_in, q="invoice")
    counted = len(few.captured_queries)  # read now: the next request clears the connection's query log
    for number in range(15):
        article(f"Invoice note {number}", summary="About an invoice.", parent=home)
    ask_html(signed_in, q="invoice")  # the new pages made the cached navigation and area topics stale
    with django_assert_max_num_queries(counted + 2):
        ask_html(signed_in, q="invoice")
