"""Ranking on a constructed corpus: title beats body, synonyms from the glossary, typos."""

import pytest

from search.ask import AskFilters, ask

pytestmark = pytest.mark.django_db


def titles(results) -> list[str]:
    return [hit.page.title for hit in results.pages.object_list]


def test_a_page_titled_with_the_words_beats_a_page_that_only_mentions_them(corpus, person, request_for):
    results = ask(text="supplier invoice", request=request_for(person))
    found = titles(results)
    assert found.index("Posting a supplier invoice") < found.index("Month-end checklist")
    assert found[0] == "Posting a supplier invoice"


def test_plural_and_singular_find_the_same_page(corpus, person, request_for):
    assert titles(ask(text="supplier invoices", request=request_for(person)))[0] == "Posting a supplier invoice"


def test_an_acronym_finds_pages_written_with_its_expansion(corpus, person, request_for):
    results = ask(text="how do I undo a JE", request=request_for(person))
    assert titles(results)[0] == "Reversing a journal entry"


def test_a_query_that_is_a_glossary_term_shows_its_definition(corpus, person, request_for):
    results = ask(text="what is P2P?", request=request_for(person))
    assert results.definition is not None
    assert results.definition.expansion == "procure to pay"
    assert "Procure to pay" in titles(results)


def test_a_misspelt_word_still_finds_the_page_and_suggests_the_spelling(corpus, person, request_for):
    results = ask(text="reimbursment travle", request=request_for(person))
    assert "Claiming travel expenses" in titles(results)
    results = ask(text="jornal", request=request_for(person))
    assert titles(results)[0] == "Reversing a journal entry"
    assert results.did_you_mean == "journal"


def test_snippets_mark_the_matching_words(corpus, person, request_for):
    hit = ask(text="purchase order", request=request_for(person)).pages.object_list[0]
    assert "<mark>purchase</mark> <mark>order</mark>" in hit.snippet


def test_breadcrumbs_are_the_processes_above_the_page(corpus, person, request_for):
    hit = ask(text="supplier invoice", request=request_for(person)).pages.object_list[0]
    assert [crumb.title for crumb in hit.breadcrumbs] == ["Finance", "Procure to pay"]


def test_filters_narrow_to_an_area_a_topic_or_a_kind(corpus, person, request_for):
    request = request_for(person)
    by_area = ask(text="invoice expenses", request=request, filters=AskFilters(area=corpus["people"].pk))
    assert titles(by_area) == ["Claiming travel expenses"]
    by_topic = ask(text="invoice", request=request, filters=AskFilters(topic="supplier-invoices"))
    assert titles(by_topic) == ["Posting a supplier invoice"]
    by_kind = ask(text="invoice", request=request, filters=AskFilters(kind="reference"))
    assert titles(by_kind) == ["Month-end checklist"]
    processes = ask(text="procure pay", request=request, filters=AskFilters(kind="process"))
    assert titles(processes) == ["Procure to pay"]


def test_facets_count_results_by_area_and_topic(corpus, person, request_for):
    results = ask(text="invoice", request=request_for(person))
    assert {facet.label: facet.count for facet in results.area_facets} == {"Finance": 2}
    assert ("supplier-invoices", 1) in [(facet.value, facet.count) for facet in results.topic_facets]


def test_results_are_paginated(corpus, person, request_for, home):
    from tests.search.conftest import article

    for number in range(12):
        article(f"Invoice note {number}", summary="About an invoice.", parent=home)
    first = ask(text="invoice", request=request_for(person), per_page=5)
    third = ask(text="invoice", request=request_for(person), per_page=5, page_number=3)
    assert first.page_count == 14
    assert len(first.pages.object_list) == 5
    assert len(third.pages.object_list) == 4
    assert not {h.page.pk for h in first.pages.object_list} & {h.page.pk for h in third.pages.object_list}
