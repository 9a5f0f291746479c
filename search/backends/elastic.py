"""The Elasticsearch backend: searches the page, people and gap documents of `search.documents`, and
keeps them up to date. Any failure to reach the cluster raises `BackendUnavailable`, so Ask falls back to
the database instead of showing an error.

With semantic recall on (`search.semantic`), each page document carries its sections' vectors (a nested
`dense_vector`) and the page search fuses BM25 and a kNN search with Elasticsearch's own `rrf` retriever
(`search.documents.hybrid_retriever`): the hits come back already fused, read here like any others."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from elasticsearch import ApiError, Elasticsearch, TransportError
from elasticsearch.helpers import BulkIndexError, bulk

from django.db.models import QuerySet
from django.utils.safestring import mark_safe

from wagtail.query import PageQuerySet

from forums.models import OPEN_GAP_STATUSES
from search.backends import BackendUnavailable, PageMatch, ParsedQuery
from search.documents import GapDocument, PageDocument, PersonDocument, gap_search, index_name, page_search

REQUEST_TIMEOUT = 3
FAILURES = (ApiError, TransportError, BulkIndexError, ConnectionError, OSError)
DOCUMENTS = {"pages": PageDocument, "people": PersonDocument, "gaps": GapDocument}


def client_for(url: str) -> Elasticsearch:
    return Elasticsearch(url, request_timeout=REQUEST_TIMEOUT, max_retries=0, retry_on_timeout=False)


class ElasticsearchBackend:
    name = "elasticsearch"

    def __init__(self, *, url: str, client: Elasticsearch | None = None):
        self.url = url
        self.client = client or client_for(url)

    def run(self, search):
        try:
            return search.using(self.client).execute()
        except FAILURES as error:
            raise BackendUnavailable(str(error)) from error

    def match_pages(
        self,
        query: ParsedQuery,
        *,
        pages: PageQuerySet,
        limit: int = 100,
        filters: dict | None = None,
        pages_key: str | None = None,
    ) -> list[PageMatch]:
        # Nothing is kept here (`pages_key` unused): the cluster changes with no generation of ours moving on.
        response = self.run(page_search(query, filters=filters, size=limit))
        found = [(int(hit.meta.id), hit.meta.score, getattr(hit.meta, "highlight", None)) for hit in response]
        # The cluster knows nothing of view restrictions: keep only pages the asker may see.
        allowed = set(pages.filter(pk__in=[page_id for page_id, _, _ in found]).values_list("pk", flat=True))
        matches = []
        for page_id, score, highlight in found:
            if page_id not in allowed:
                continue
            fragment = None
            if highlight is not None:
                for field in ("summary", "body", "headings"):
                    if field in highlight:
                        fragment = mark_safe(highlight[field][0])  # noqa: S308 (escaped by the cluster's html encoder)
                        break
            matches.append(PageMatch(page_id=page_id, score=float(score or 0), highlight=fragment))
        return matches

    def match_gaps(self, query: ParsedQuery, *, gaps: QuerySet, limit: int) -> list[int]:
        response = self.run(gap_search(query, open_statuses=[str(s) for s in OPEN_GAP_STATUSES], size=limit * 2))
        ids = [int(hit.meta.id) for hit in response]
        allowed = set(gaps.filter(pk__in=ids).values_list("pk", flat=True))
        return [gap_id for gap_id in ids if gap_id in allowed][:limit]


def create_indexes(client: Elasticsearch) -> None:
    """(Re)creates the three indexes with their mappings; existing documents are dropped."""
    for kind, document in DOCUMENTS.items():
        name = index_name(kind)
        try:
            if client.indices.exists(index=name):
                client.indices.delete(index=name)
            client.indices.create(index=name, mappings=document._doc_type.mapping.to_dict())
        except FAILURES as error:
            raise BackendUnavailable(str(error)) from error


def bulk_index(
    client: Elasticsearch, kind: str, documents: Iterable, progress: Callable[[int], None] | None = None
) -> int:
    done = 0

    def actions():
        nonlocal done
        for document in documents:
            action = document.to_dict(include_meta=True)
            action["_index"] = index_name(kind)
            yield action
            done += 1
            if progress:
                progress(done)

    try:
        bulk(client, actions(), chunk_size=500)
    except FAILURES as error:
        raise BackendUnavailable(str(error)) from error
    return done


def save_document(client: Elasticsearch, kind: str, document) -> None:
    try:
        document.save(using=client, index=index_name(kind))
    except FAILURES as error:
        raise BackendUnavailable(str(error)) from error


def delete_document(client: Elasticsearch, kind: str, object_id: int) -> None:
    try:
        client.delete(index=index_name(kind), id=str(object_id))
    except ApiError as error:
        if getattr(error, "status_code", None) == 404 or getattr(error.meta, "status", None) == 404:
            return
        raise BackendUnavailable(str(error)) from error
    except FAILURES as error:
        raise BackendUnavailable(str(error)) from error
