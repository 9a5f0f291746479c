"""Onramp's term index (the statistics BM25 ranks with): kept right by the search indexing path whatever
happens to a page, ranked the same way on SQLite and PostgreSQL, with one stemmer everywhere."""

import pytest

from django.db import connection
from django.db.models import Count

from expertise.ranking import stems
from onramp.stemming import stem
from onramp.wagtail_compat import indexing_paused
from search import term_index
from search.ask import ask
from search.backends.database import DatabaseBackend
from search.indexing import rebuild_database_index
from search.models import IndexedPage, PageTerm, TermStatistic
from tests.search.conftest import article
from wiki.factories import ProcessPageFactory
from wiki.models import ArticlePage

pytestmark = pytest.mark.django_db


def statistics() -> dict[str, int]:
    return dict(TermStatistic.objects.values_list("term", "page_count"))


def recounted() -> dict[str, int]:
    """The document frequencies counted afresh from the postings: what the kept statistics must equal."""
    return dict(PageTerm.objects.values("term").annotate(pages=Count("page_id")).values_list("term", "pages"))


def titles(results) -> list[str]:
    return [hit.page.title for hit in results.pages.object_list]


def test_a_published_page_is_indexed_by_stem_and_field(home):
    page = article(
        "Reimbursing travel", summary="Claims for trips.", body="Reimbursements are paid monthly.", parent=home
    )
    posting = PageTerm.objects.get(page_id=page.pk, term="reimburs")
    assert (posting.title, posting.summary, posting.body) == (1, 0, 1)
    lengths = IndexedPage.objects.get(page_id=page.pk)
    assert (lengths.title_length, lengths.summary_length) == (2, 2)  # "for" is a stop word
    assert statistics()["reimburs"] == 1
    assert statistics() == recounted()


def test_statistics_stay_right_through_unpublish_publish_move_edit_and_delete(home):
    finance = ProcessPageFactory(title="Finance", parent=home)
    people = ProcessPageFactory(title="People", parent=home)
    first = article("Quokka expenses", body="Quokka food is an expense.", parent=finance)
    second = article("Quokka care", body="Feed the quokka daily.", parent=finance)
    assert statistics()["quokka"] == 2

    first.unpublish()
    assert statistics()["quokka"] == 1
    assert not PageTerm.objects.filter(page_id=first.pk).exists()
    assert not IndexedPage.objects.filter(page_id=first.pk).exists()

    first.save_revision().publish()
    assert statistics()["quokka"] == 2
    assert statistics()["expens"] == 1

    second.move(people, pos="last-child")
    assert statistics()["quokka"] == 2
    assert IndexedPage.objects.filter(page_id=second.pk).exists()

    second = second.specific_class.objects.get(pk=second.pk)
    second.title = "Wombat care"
    second.body = [("text", "<p>Feed the wombat daily.</p>")]
    second.save_revision().publish()
    assert statistics()["quokka"] == 1
    assert statistics()["wombat"] == 1

    first.delete()
    assert "quokka" not in statistics()
    assert "expens" not in statistics()
    assert statistics() == recounted()

    people.delete()  # its article goes with it
    assert "wombat" not in statistics()
    assert set(IndexedPage.objects.values_list("page_id", flat=True)) == {finance.pk}
    assert statistics() == recounted()


def test_a_rebuild_gives_the_same_statistics_as_the_updates_along_the_way(home):
    for number in range(3):
        article(f"Invoice note {number}", summary="About an invoice.", body="Post invoices weekly.", parent=home)
    kept = (statistics(), sorted(PageTerm.objects.values_list("page_id", "term", "title", "summary", "body")))
    term_index.clear()
    assert term_index.collection().page_count == 0
    rebuild_database_index()
    rebuilt = (statistics(), sorted(PageTerm.objects.values_list("page_id", "term", "title", "summary", "body")))
    assert rebuilt == kept
    assert term_index.collection().page_count == 3


def test_a_rebuild_takes_out_a_page_the_updates_missed(home):
    kept = article("Quokka care", body="Feed the quokka.", parent=home)
    missed = article("Quokka travel", body="Quokkas do not fly.", parent=home)
    with indexing_paused([ArticlePage]):
        missed.unpublish()
    assert statistics()["quokka"] == 2  # the updates were paused
    rebuild_database_index()
    assert statistics()["quokka"] == 1
    assert set(IndexedPage.objects.values_list("page_id", flat=True)) == {kept.pk}


def test_a_rare_word_outranks_a_common_one(home, person, request_for):
    """BM25's inverse document frequency: "sabbatical" is on one page, "policy" on many, so the page that says
    "sabbatical" once beats the one that says "policy" three times (ts_rank, which PostgreSQL ranked with
    before, put it the other way round)."""
    for number in range(8):
        article(f"Note {number}", body="This policy applies to everyone.", parent=home)
    rare = article("Time away", body="A sabbatical needs a plan agreed in advance.", parent=home)
    common = article("Time off", body="The policy, the whole policy and nothing but the policy.", parent=home)
    found = titles(ask(text="sabbatical policy", request=request_for(person)))
    assert found.index(rare.title) < found.index(common.title)
    assert found[0] == rare.title


def test_titles_weigh_more_than_bodies(home, person, request_for):
    article("Ordering a laptop", body="Ask the service desk.", parent=home)
    article("Service desk", body="Open a ticket to order a laptop or anything else.", parent=home)
    assert titles(ask(text="laptop", request=request_for(person)))[0] == "Ordering a laptop"


def test_a_glossary_expansion_counts_less_than_the_askers_own_words():
    from search.backends import ParsedQuery

    query = ParsedQuery(text="undo a JE", normalised="undo a je", words=["undo", "je"], extra_phrases=["journal entry"])
    assert DatabaseBackend().query_terms(query) == {"undo": 1.0, "je": 1.0, "journal": 0.8, "entri": 0.8}


def test_one_stemmer_everywhere():
    assert stem("reimbursement") == stem("reimbursed") == stem("reimburse") == "reimburs"
    assert stem("policies") == stem("policy")
    assert stem("p2p") == "p2p"
    assert term_index.terms_of("Travelling abroad, travels") == ["travel", "abroad", "travel"]
    # "Who knows X" reads a question with the same stemmer.
    assert stems("expense policies") >= {stem("expenses"), stem("policy")}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="compares with PostgreSQL's own stemming")
def test_the_stems_are_postgresqls_english_stems():
    words = ["reimbursement", "policies", "travelling", "onboarding", "vacation", "holidays", "generously"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT word, to_tsvector('english', word)::text FROM unnest(%s::text[]) AS word", [words])
        theirs = {word: vector.split(":")[0].strip("'") for word, vector in cursor.fetchall()}
    assert {word: stem(word) for word in words} == theirs


def test_ranking_the_pages_takes_four_queries_however_many_pages_match(
    home, person, request_for, django_assert_num_queries
):
    """Once a page was indexed: the question's term counts (looked up once, for the inverse document
    frequencies and BM25 alike), the BM25 query, and the candidates' topics and paths (the facets' page facts,
    kept for the next question): the same four queries for two matching pages as for twelve."""
    from search.ask import AskFilters, parse_query, searchable_pages

    backend = DatabaseBackend()
    query = parse_query("quokka food")[0]
    for total in (2, 12):
        for number in range(ArticlePage.objects.filter(title__startswith="Quokka").count(), total):
            article(f"Quokka note {number}", body="Quokka food, kept dry.", parent=home)
        pages = searchable_pages(request_for(person), AskFilters())
        term_index.collection()  # the collection's statistics are cached between questions
        with django_assert_num_queries(4):
            matches = backend.match_pages(query, pages=pages)
        assert len(matches) == total
