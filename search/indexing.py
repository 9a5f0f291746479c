"""Keeping the search indexes whole: rebuilding them with progress, and updating Elasticsearch when a
page is published, unpublished or deleted, a gap changes or a profile changes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from django.conf import settings

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from expertise.models import Profile
from forums.models import Gap
from search import posting_weights, term_index
from search.backends.elastic import (
    bulk_index,
    client_for,
    create_indexes,
    delete_document,
    save_document,
)
from search.documents import GapDocument, PageDocument, PersonDocument
from wiki.models import ArticlePage, ProcessPage

CHUNK = 500
Progress = Callable[[int, int, str], None]


def searchable_page_models() -> list[type[Page]]:
    return [ProcessPage, ArticlePage]


def live_pages() -> Iterator[Page]:
    for model in searchable_page_models():
        queryset = model.objects.live().order_by("pk").prefetch_related("topics")
        yield from queryset.iterator(chunk_size=CHUNK)


def count_pages() -> int:
    return sum(model.objects.live().count() for model in searchable_page_models())


def rebuild_database_index(progress: Progress | None = None) -> int:
    """Re-adds every live page to Wagtail's search index and Onramp's term index (the ones the database backend
    reads), and takes out of the term index any page no longer live."""
    backend = get_search_backend()
    total, done = count_pages(), 0
    for model in searchable_page_models():
        chunk: list[Page] = []
        for page in model.objects.live().order_by("pk").prefetch_related("topics").iterator(chunk_size=CHUNK):
            chunk.append(page)
            if len(chunk) == CHUNK:
                backend.add_bulk(model, chunk)
                done += len(chunk)
                chunk = []
                if progress:
                    progress(done, total, model._meta.verbose_name_plural)
        if chunk:
            backend.add_bulk(model, chunk)
            done += len(chunk)
            if progress:
                progress(done, total, model._meta.verbose_name_plural)
    term_index.remove_stale()
    # Every weight with the averages of the whole wiki as rebuilt, whatever the chunks were weighed with.
    posting_weights.refresh()
    return done


def rebuild_elasticsearch(progress: Progress | None = None) -> dict[str, int]:
    """Recreates the page, people and gap indexes and fills them."""

    client = client_for(settings.ELASTICSEARCH_URL)
    create_indexes(client)
    counts = {}
    total = count_pages()
    counts["pages"] = bulk_index(
        client,
        "pages",
        (PageDocument.from_page(page) for page in live_pages()),
        lambda done: progress and progress(done, total, "pages"),
    )
    profiles = Profile.objects.select_related("user", "team").prefetch_related("ask_me_about").order_by("pk")
    total = profiles.count()
    counts["people"] = bulk_index(
        client,
        "people",
        (PersonDocument.from_profile(p) for p in profiles.iterator(chunk_size=CHUNK)),
        lambda done: progress and progress(done, total, "people"),
    )
    gaps = Gap.objects.prefetch_related("topics").order_by("pk")
    total = gaps.count()
    counts["gaps"] = bulk_index(
        client,
        "gaps",
        (GapDocument.from_gap(g) for g in gaps.iterator(chunk_size=CHUNK)),
        lambda done: progress and progress(done, total, "gaps"),
    )
    return counts


def update_page(page_id: int) -> str:
    page = Page.objects.filter(pk=page_id).first()
    page = page.specific if page is not None else None
    client = client_for(settings.ELASTICSEARCH_URL)
    if page is None or not page.live or type(page) not in searchable_page_models():
        delete_document(client, "pages", page_id)
        return "removed"
    save_document(client, "pages", PageDocument.from_page(page))
    return "indexed"


def remove_page(page_id: int) -> str:
    delete_document(client_for(settings.ELASTICSEARCH_URL), "pages", page_id)
    return "removed"


def update_gap(gap_id: int) -> str:
    gap = Gap.objects.filter(pk=gap_id).first()
    client = client_for(settings.ELASTICSEARCH_URL)
    if gap is None:
        delete_document(client, "gaps", gap_id)
        return "removed"
    save_document(client, "gaps", GapDocument.from_gap(gap))
    return "indexed"


def update_person(user_id: int) -> str:
    profile = Profile.objects.select_related("user", "team").filter(user_id=user_id).first()
    client = client_for(settings.ELASTICSEARCH_URL)
    if profile is None:
        delete_document(client, "people", user_id)
        return "removed"
    save_document(client, "people", PersonDocument.from_profile(profile))
    return "indexed"
