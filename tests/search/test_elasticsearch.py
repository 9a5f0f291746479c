"""The Elasticsearch backend: the documents and searches it sends (as JSON), the fallback to the
database when the cluster is unreachable, and, when ELASTICSEARCH_URL is set, a real cluster."""

import logging
import os

import pytest

from django.urls import reverse

from search.ask import ask
from search.backends import BackendUnavailable, ParsedQuery
from search.backends.elastic import ElasticsearchBackend
from search.documents import PageDocument, gap_search, index_name, page_search, person_search
from search.models import LoggedQuery

pytestmark = pytest.mark.django_db
CLOSED_PORT = "http://127.0.0.1:9"

QUERY = ParsedQuery(text="undo a JE", normalised="undo a je", words=["undo", "je"], extra_phrases=["journal entry"])


def test_the_page_document_carries_boostable_fields_and_an_english_analyzer(corpus):
    mapping = PageDocument._doc_type.mapping.to_dict()["properties"]
    assert mapping["title"] == {"type": "text", "analyzer": "english", "fields": {"exact": {"type": "keyword"}}}
    assert mapping["body"] == {"type": "text", "analyzer": "english"}
    assert mapping["headings"] == {"type": "text", "analyzer": "english"}
    assert mapping["topic_slugs"] == {"type": "keyword"}
    assert mapping["ancestor_ids"] == {"type": "keyword"}

    document = PageDocument.from_page(corpus["journal"]).to_dict(include_meta=True)
    source = document["_source"]
    assert document["_id"] == corpus["journal"].pk
    assert source["title"] == "Reversing a journal entry"
    assert source["headings"] == ["Before you reverse"]
    assert source["summary"] == "Undo a posting made in error."
    assert "Find the entry, choose reverse" in source["body"]
    assert source["kind"] == "procedure"
    assert str(corpus["finance"].pk) in source["ancestor_ids"]
    assert source["live"] is True


def test_the_page_search_boosts_titles_forgives_typos_expands_synonyms_and_highlights():
    body = page_search(QUERY, filters={"area": 4, "topic": "supplier-invoices", "kind": "faq"}, size=50).to_dict()
    assert body == {
        "query": {
            "bool": {
                "must": [
                    {
                        "bool": {
                            "should": [
                                {
                                    "multi_match": {
                                        "query": "undo je",
                                        "fields": ["title^6", "headings", "summary", "topics^4", "body"],
                                        "type": "best_fields",
                                        "fuzziness": "AUTO",
                                        "prefix_length": 1,
                                    }
                                },
                                {"match_phrase": {"title": {"query": "undo je", "slop": 2, "boost": 2}}},
                                {
                                    "multi_match": {
                                        "query": "journal entry",
                                        "fields": ["title^6", "headings", "summary", "topics^4", "body"],
                                        "type": "phrase",
                                        "boost": 0.8,
                                    }
                                },
                            ],
                            "minimum_should_match": 1,
                        }
                    }
                ],
                "filter": [
                    {"term": {"live": True}},
                    {"term": {"ancestor_ids": "4"}},
                    {"term": {"topic_slugs": "supplier-invoices"}},
                    {"term": {"kind": "faq"}},
                ],
            }
        },
        "highlight": {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "fragment_size": 220,
            "number_of_fragments": 1,
            "fields": {"summary": {}, "body": {}, "headings": {}},
        },
        "aggs": {
            "areas": {"terms": {"field": "ancestor_ids", "size": 50}},
            "topics": {"terms": {"field": "topic_slugs", "size": 20}},
        },
        "_source": False,
        "size": 50,
    }


def test_people_and_gap_searches():
    people = person_search(QUERY, size=20).to_dict()
    assert people["query"]["bool"]["filter"] == [{"term": {"active": True}}]
    assert people["query"]["bool"]["must"][0]["bool"]["should"][0]["multi_match"]["fields"] == [
        "name^2",
        "topics^3",
        "ask_me_about^3",
        "team",
        "role",
    ]
    gaps = gap_search(QUERY, open_statuses=["new", "triaged"], size=5).to_dict()
    assert gaps["query"]["bool"]["filter"] == [{"terms": {"status": ["new", "triaged"]}}]
    assert gaps["size"] == 5


def test_index_names_follow_the_configured_prefix(settings):
    settings.ELASTICSEARCH_INDEX = "staging"
    assert index_name("pages") == "staging-ask-pages"


def test_an_unreachable_cluster_raises_backend_unavailable(corpus):
    from wagtail.models import Page

    with pytest.raises(BackendUnavailable):
        ElasticsearchBackend(url=CLOSED_PORT).match_pages(QUERY, pages=Page.objects.all(), limit=10)


def test_search_falls_back_to_the_database_with_a_notice_and_a_warning(corpus, person, request_for, caplog):
    with caplog.at_level(logging.WARNING, logger="search"):
        results = ask(
            text="supplier invoice", request=request_for(person), backend=ElasticsearchBackend(url=CLOSED_PORT)
        )
    assert results.backend == "database"
    assert "unreachable" in results.notice
    assert results.pages.object_list[0].page.title == "Posting a supplier invoice"
    assert any("unreachable" in record.getMessage() for record in caplog.records)


def test_the_ask_page_with_elasticsearch_down_shows_the_notice_not_an_error(signed_in, corpus, settings):
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    response = signed_in.get(reverse("search:ask"), {"q": "supplier invoice"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "main search service is unreachable" in html
    assert "Posting a supplier invoice" in html
    assert LoggedQuery.objects.get().backend == "database"


def test_reindex_reports_an_unreachable_cluster_clearly(corpus, settings):
    from django.core.management import CommandError, call_command

    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with pytest.raises(CommandError, match="Elasticsearch is unreachable"):
        call_command("search_reindex", "--no-progress")


needs_cluster = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set: no Elasticsearch cluster to test"
)


@needs_cluster
def test_a_real_cluster_finds_pages_through_synonyms_and_typos(corpus, person, request_for, settings):
    from django.core.management import call_command

    settings.ELASTICSEARCH_INDEX = "onramp-test"
    call_command("search_reindex", "--no-progress")
    from search.backends.elastic import client_for

    client_for(settings.ELASTICSEARCH_URL).indices.refresh(index="onramp-test-ask-*")
    backend = ElasticsearchBackend(url=settings.ELASTICSEARCH_URL)
    results = ask(text="how do I undo a JE", request=request_for(person), backend=backend)
    assert results.backend == "elasticsearch"
    assert results.pages.object_list[0].page.title == "Reversing a journal entry"
    results = ask(text="suplier invoce", request=request_for(person), backend=backend)
    assert results.pages.object_list[0].page.title == "Posting a supplier invoice"
    assert "<mark>" in results.pages.object_list[0].snippet


@needs_cluster
def test_a_real_cluster_drops_unpublished_pages_through_the_task(
    corpus, person, request_for, settings, django_capture_on_commit_callbacks
):
    from django.core.management import call_command

    from search.backends.elastic import client_for

    settings.ELASTICSEARCH_INDEX = "onramp-test"
    call_command("search_reindex", "--no-progress")
    with django_capture_on_commit_callbacks(execute=True):
        corpus["post_invoice"].unpublish()
    client_for(settings.ELASTICSEARCH_URL).indices.refresh(index="onramp-test-ask-*")
    results = ask(
        text="supplier invoice",
        request=request_for(person),
        backend=ElasticsearchBackend(url=settings.ELASTICSEARCH_URL),
    )
    assert "Posting a supplier invoice" not in [hit.page.title for hit in results.pages.object_list]


def test_publishing_queues_an_index_update_only_when_elasticsearch_is_in_use(
    corpus, settings, django_capture_on_commit_callbacks
):
    page = corpus["travel"]
    with django_capture_on_commit_callbacks() as without:
        page.save_revision().publish()
    settings.ELASTICSEARCH_URL = CLOSED_PORT
    with django_capture_on_commit_callbacks() as with_elasticsearch:
        page.save_revision().publish()
    # Only the Elasticsearch updates (search.signals) count: other on-commit work (the caches' generations
    # moving on) depends on more than the search backend.
    assert [c for c in without if c.__module__ == "search.signals"] == []
    assert len([c for c in with_elasticsearch if c.__module__ == "search.signals"]) == 1
    with django_capture_on_commit_callbacks() as on_unpublish:
        page.unpublish()
    assert [c for c in on_unpublish if c.__module__ == "search.signals"]
