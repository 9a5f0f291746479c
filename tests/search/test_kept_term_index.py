"""What is kept of the term index between questions (search.index_generation): each term's page count, the
collection's statistics and the wiki's best pages for a question's terms. Kept for every asker alike, never
out of date once the index changes, and always narrowed to what the asker may see."""

import pytest

from django.contrib.auth.models import Group

from expertise.factories import UserFactory
from search import term_index
from search.ask import AskFilters, searchable_pages
from search.backends import bm25
from tests.search.conftest import article, quokka_wiki_with

pytestmark = pytest.mark.django_db


def titles(found) -> list[str]:
    return [title for _, title, _ in found]


@pytest.fixture
def quokka_wiki(home):
    """Three pages about quokkas in a section closed to all but board members, two open to everyone."""
    return quokka_wiki_with(home, board_papers=3)


def test_best_pages_ranked_for_one_asker_are_narrowed_again_for_the_next(
    quokka_wiki, admin_user, person, request_for, django_assert_num_queries
):
    everything = bm25.ranked_pages(
        terms={"quokka": 1.0}, pages=searchable_pages(request_for(admin_user), AskFilters()), limit=10
    )
    assert len(everything) == 5

    pages = searchable_pages(request_for(person), AskFilters())
    # The best pages are kept: only which of them this asker may see is asked.
    with django_assert_num_queries(1):
        found = bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=10)

    assert titles(found) == ["Quokka feeding", "Animal care"]
    assert found == [row for row in everything if row[1] in {"Quokka feeding", "Animal care"}]


def test_a_filter_narrows_the_kept_best_pages(quokka_wiki, admin_user, request_for):
    bm25.ranked_pages(terms={"quokka": 1.0}, pages=searchable_pages(request_for(admin_user), AskFilters()), limit=10)
    in_area = searchable_pages(request_for(admin_user), AskFilters(area=quokka_wiki["open_area"].pk))
    assert titles(bm25.ranked_pages(terms={"quokka": 1.0}, pages=in_area, limit=10)) == [
        "Quokka feeding",
        "Animal care",
    ]


def test_a_page_published_after_a_question_was_ranked_is_ranked_at_once(quokka_wiki, person, request_for):
    pages = searchable_pages(request_for(person), AskFilters())
    assert "Quokka quarters" not in titles(bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=10))

    article("Quokka quarters", summary="Quokka homes.", body="Quokka quokka quokka.", parent=quokka_wiki["open_area"])

    assert titles(bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=10))[0] == "Quokka quarters"


def test_a_page_unpublished_after_a_question_was_ranked_is_left_out_at_once(quokka_wiki, person, request_for):
    pages = searchable_pages(request_for(person), AskFilters())
    assert titles(bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=10))[0] == "Quokka feeding"

    quokka_wiki["open_area"].get_children().get(title="Quokka feeding").specific.unpublish()

    assert titles(bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=10)) == ["Animal care"]


def test_page_counts_are_kept_until_the_index_changes(quokka_wiki, django_assert_num_queries):
    assert term_index.page_counts(["quokka", "wombat", "platypus"]) == {"quokka": 5, "wombat": 1}
    assert term_index.collection().page_count == 7  # the five articles and the two process pages
    with django_assert_num_queries(0):
        assert term_index.page_counts(["quokka", "platypus"]) == {"quokka": 5}
        assert term_index.collection().page_count == 7

    article("Platypus and quokka", body="A platypus.", parent=quokka_wiki["open_area"])

    assert term_index.page_counts(["quokka", "wombat", "platypus"]) == {"quokka": 6, "wombat": 1, "platypus": 1}
    assert term_index.collection().page_count == 8


def ranking_sql(queries) -> list[str]:
    """The queries that rank (the term index) or narrow the ranked pages to what the asker may see."""
    return [
        q["sql"] for q in queries if "search_pageterm" in q["sql"] or 'AS "title" FROM "wagtailcore_page"' in q["sql"]
    ]


def test_a_question_asked_again_by_someone_who_may_see_the_same_pages_is_not_ranked_again(
    quokka_wiki, person, request_for
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from search.ask import ask

    colleague = UserFactory()  # made first: a new account moves the wiki's generation on (its owner cards)
    with CaptureQueriesContext(connection) as first_time:
        first = ask(text="quokka care", request=request_for(person))
    with CaptureQueriesContext(connection) as again:
        second = ask(text="quokka care", request=request_for(colleague))

    assert ranking_sql(first_time.captured_queries)

    assert ranking_sql(again.captured_queries) == []
    assert [hit.page.title for hit in second.pages] == [hit.page.title for hit in first.pages]
    assert {hit.page.title for hit in second.pages} == {"Animal care", "Quokka feeding"}


def test_matches_kept_for_one_asker_or_filter_are_not_another_s(quokka_wiki, person, request_for):
    from search.ask import ask

    board_member = UserFactory()
    board_member.groups.add(Group.objects.get(name="Board members"))
    assert len(ask(text="quokka", request=request_for(board_member)).pages) == 5

    assert {hit.page.title for hit in ask(text="quokka", request=request_for(person)).pages} == {
        "Quokka feeding",
        "Animal care",
    }
    in_board = ask(text="quokka", request=request_for(board_member), filters=AskFilters(area=quokka_wiki["closed"].pk))
    assert {hit.page.title for hit in in_board.pages} == {f"Quokka board paper {n}" for n in range(3)}


def test_kept_matches_follow_a_page_retitled(quokka_wiki, person, request_for):
    from search.ask import ask

    assert ask(text="wombat", request=request_for(person)).pages[0].page.title == "Animal care"
    page = quokka_wiki["open_area"].get_children().get(title="Animal care").specific
    page.title = "Wombat and quokka care"
    page.save_revision().publish()

    assert ask(text="wombat", request=request_for(person)).pages[0].page.title == "Wombat and quokka care"
