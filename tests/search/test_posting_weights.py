"""BM25F's per-page weights kept in the term index (search.posting_weights): computed with the field-length
averages they were stored with, all computed again when the averages move or the formula changes, and the
narrowing of the wiki's best pages to what the asker may see."""

import json

import pytest

from search import posting_weights, term_index
from search.ask import AskFilters, searchable_pages
from search.backends import bm25
from search.indexing import rebuild_database_index
from search.models import IndexedPage, PageTerm, TermIndexState
from tests.search.conftest import article, quokka_wiki_with

pytestmark = pytest.mark.django_db


def expected_weight(posting: PageTerm, averages: dict[str, float]) -> float:
    lengths = IndexedPage.objects.get(page_id=posting.page_id)
    return posting_weights.weight(
        {name: getattr(posting, name) for name in posting_weights.FIELDS},
        {name: getattr(lengths, f"{name}_length") for name in posting_weights.FIELDS},
        averages,
    )


def test_every_weight_is_bm25f_with_the_averages_of_the_whole_wiki_after_a_rebuild(home):
    for number in range(3):
        article(f"Quokka note {number}", summary="Quokka care.", body="Feed the quokka " * (number + 1), parent=home)
    rebuild_database_index()
    averages = posting_weights.true_averages()
    assert posting_weights.stored_averages() == averages
    postings = list(PageTerm.objects.all())
    assert postings
    for posting in postings:
        assert posting.weight == pytest.approx(expected_weight(posting, averages), rel=1e-9)
        assert 0 < posting.weight < 1  # saturated


def test_weights_are_computed_again_when_the_averages_move_and_not_before(home):
    first = article("Short", body="Quokka.", parent=home)
    stored = posting_weights.stored_averages()
    assert stored == posting_weights.true_averages()
    kept = PageTerm.objects.get(page_id=first.pk, term="quokka").weight

    # A page with a far longer body moves the body's average well past the drift allowed: every weight again.
    article("Long", body="Quokka " + "wombat " * 60, parent=home)
    moved = posting_weights.stored_averages()
    assert moved == posting_weights.true_averages() != stored
    first_weight = PageTerm.objects.get(page_id=first.pk, term="quokka")
    assert first_weight.weight != kept
    assert first_weight.weight == pytest.approx(expected_weight(first_weight, moved), rel=1e-9)


def test_a_small_change_keeps_the_stored_averages(home):
    for number in range(60):
        article(f"Note {number}", body="Post the invoice and file the receipt today.", parent=home)
    stored = posting_weights.stored_averages()
    article("One more note", body="Post the invoice and file the receipt now.", parent=home)
    assert posting_weights.stored_averages() == stored
    assert posting_weights.true_averages() != stored  # moved, but by less than the drift allowed


def test_changed_constants_compute_every_weight_again(home):
    first = article("Quokka care", body="Feed the quokka daily.", parent=home)
    TermIndexState.objects.update(formula=json.dumps({"k1": 2.0}))
    assert posting_weights.stored_averages() is None  # computed with other constants
    PageTerm.objects.filter(page_id=first.pk).update(weight=0.0)
    article("Wombat care", body="Feed the wombat.", parent=home)
    assert posting_weights.stored_averages() == posting_weights.true_averages()
    assert PageTerm.objects.get(page_id=first.pk, term="quokka").weight > 0


def test_a_removed_page_moves_the_averages_too(home):
    short = article("Short", body="Quokka.", parent=home)
    long = article("Long", body="Quokka " + "wombat " * 60, parent=home)
    long.unpublish()
    assert posting_weights.stored_averages() == posting_weights.true_averages()
    posting = PageTerm.objects.get(page_id=short.pk, term="quokka")
    assert posting.weight == pytest.approx(expected_weight(posting, posting_weights.true_averages()), rel=1e-9)


def test_clearing_the_index_forgets_the_averages(home):
    article("Quokka care", body="Feed the quokka.", parent=home)
    term_index.clear()
    assert not TermIndexState.objects.exists()


@pytest.fixture
def mostly_closed_wiki(home):
    """Eight pages about quokkas in a section closed to most people, two weaker ones open to all."""
    return quokka_wiki_with(home, board_papers=8)


def test_the_best_pages_the_asker_may_see_when_the_wikis_best_are_closed_to_them(
    mostly_closed_wiki, person, request_for
):
    """Two pages wanted, so six of the wiki's best are looked at first: all closed to this asker. The pages
    they may see are found all the same, in score order."""
    pages = searchable_pages(request_for(person), AskFilters())
    found = bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=2)
    assert [title for _, title, _ in found] == ["Quokka feeding", "Animal care"]
    assert found[0][2] > found[1][2]


def test_the_same_ranking_whether_the_best_pages_are_narrowed_first_or_not(mostly_closed_wiki, admin_user, request_for):
    """For someone who may see everything, the best three come from the wiki's nine best, and are the first
    three of all the matching pages ranked."""
    pages = searchable_pages(request_for(admin_user), AskFilters())
    few = bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=3)
    everything = bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=100)
    assert len(everything) == 10
    assert few == everything[:3]


def test_a_filter_narrows_to_an_area_whose_pages_are_not_the_wikis_best(mostly_closed_wiki, admin_user, request_for):
    area = mostly_closed_wiki["open_area"]
    pages = searchable_pages(request_for(admin_user), AskFilters(area=area.pk))
    found = bm25.ranked_pages(terms={"quokka": 1.0}, pages=pages, limit=1)
    assert [title for _, title, _ in found] == ["Quokka feeding"]
