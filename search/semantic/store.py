"""The stored section vectors (`search.models.PageSection`), kept in step with the pages.

The search backend (`search.backends.indexed`) calls `pages_changed` and `pages_removed` wherever it updates
the term index: a save, publish, unpublish, move, delete, bulk import or `search_reindex`. Taking a page
out is a delete, done at once; embedding is slow (tens of milliseconds a section), so it runs in a Celery
task queued once the change is committed (run at once where no broker is set). Only sections whose text
changed are embedded again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable

import numpy as np

from django.db import transaction

from wagtail.models import Page

from search.models import PageSection
from search.semantic import model, retrieval
from search.semantic.sections import sections_of
from wiki.models import ArticlePage, ProcessPage

# Page ids per task: a bulk import queues one task per this many pages.
TASK_PAGES = 100


def searchable(page: Page) -> bool:
    return isinstance(page, ArticlePage | ProcessPage) and page.live


def text_hash(text: str) -> str:
    """A section's hash also names the model, so another model's vectors are never taken for this one's."""
    return hashlib.sha256(f"{model.package_name()}\n{text}".encode()).hexdigest()


def pages_changed(pages: Iterable[Page]) -> None:
    """Called with pages just indexed: those no longer live wiki pages lose their vectors now, the others
    are embedded by a task after the commit."""
    if not model.is_available():
        return
    pages = list(pages)
    out = [page.pk for page in pages if not searchable(page)]
    if out:
        pages_removed(out)
    ids = [page.pk for page in pages if searchable(page)]
    if not ids:
        return
    from search.tasks import embed_page_sections

    for start in range(0, len(ids), TASK_PAGES):
        chunk = ids[start : start + TASK_PAGES]
        transaction.on_commit(lambda chunk=chunk: embed_page_sections.delay(chunk))


def pages_removed(page_ids: Iterable[int]) -> None:
    if PageSection.objects.filter(page_id__in=list(page_ids)).delete()[0]:
        retrieval.vectors_changed()


def clear() -> None:
    PageSection.objects.all().delete()
    retrieval.vectors_changed()


def live_pages(page_ids: list[int]) -> list[Page]:
    found: list[Page] = []
    for page_model in (ProcessPage, ArticlePage):
        found += list(page_model.objects.live().filter(pk__in=page_ids))
    return found


@transaction.atomic
def embed_pages(pages: list[Page], *, known: dict[str, bytes] | None = None) -> int:
    """Brings the vectors of `pages` (specific, live wiki pages) up to date and returns how many sections
    were embedded; a section whose text is unchanged keeps its vector, and so does one whose hash is in
    `known` (vectors computed elsewhere for the same text and model)."""
    if not pages:
        return 0
    stored = {(row.page_id, row.position): row for row in PageSection.objects.filter(page_id__in=[p.pk for p in pages])}
    known = dict(known or {})
    known.update({row.text_hash: bytes(row.vector) for row in stored.values()})
    wanted: list[PageSection] = []
    texts: dict[str, str] = {}
    for page in pages:
        for section in sections_of(page):
            digest = text_hash(section.text)
            current = stored.get((page.pk, section.position))
            if current is not None and current.text_hash == digest and current.heading == section.heading[:255]:
                continue
            wanted.append(
                PageSection(page_id=page.pk, position=section.position, heading=section.heading[:255], text_hash=digest)
            )
            if digest not in known:
                texts[digest] = section.text
    keep = {(p.pk, s.position) for p in pages for s in sections_of(p)}
    surplus = [row.pk for key, row in stored.items() if key not in keep]
    if texts:
        vectors = model.embed(list(texts.values()))
        known.update({digest: vector.tobytes() for digest, vector in zip(texts, vectors, strict=True)})
    for row in wanted:
        row.vector = known[row.text_hash]
    replaced = [stored[(row.page_id, row.position)].pk for row in wanted if (row.page_id, row.position) in stored]
    PageSection.objects.filter(pk__in=[*surplus, *replaced]).delete()
    PageSection.objects.bulk_create(wanted)
    if surplus or wanted:
        retrieval.vectors_changed()
    return len(texts)


def embed_page_ids(page_ids: list[int]) -> int:
    """The task's work: re-fetches the pages, embeds those still live, drops the others' vectors."""
    if not model.is_available():
        return 0
    pages = live_pages(page_ids)
    gone = set(page_ids) - {page.pk for page in pages}
    if gone:
        pages_removed(gone)
    return embed_pages(pages)


def embed_all(
    progress: Callable[[int, int, str], None] | None = None, *, known: dict[str, bytes] | None = None, chunk: int = 50
) -> tuple[int, int]:
    """Embeds every live wiki page's sections that need it (after installing the model, or switching it on),
    drops the vectors of pages no longer live; returns (pages, sections embedded)."""
    ids = [
        *ProcessPage.objects.live().order_by("pk").values_list("pk", flat=True),
        *ArticlePage.objects.live().order_by("pk").values_list("pk", flat=True),
    ]
    live = Page.objects.live().type(ArticlePage, ProcessPage).values("pk")
    if PageSection.objects.exclude(page_id__in=live).delete()[0]:
        retrieval.vectors_changed()
    embedded = 0
    for start in range(0, len(ids), chunk):
        embedded += embed_pages(live_pages(ids[start : start + chunk]), known=known)
        if progress:
            progress(min(start + chunk, len(ids)), len(ids), "pages embedded")
    if progress and not ids:
        progress(0, 0, "pages embedded")
    return len(ids), embedded


def vector_of(row: PageSection) -> np.ndarray:
    return np.frombuffer(bytes(row.vector), dtype=np.float32)


def section_vectors(page: Page) -> list[tuple[str, np.ndarray]]:
    """(heading, vector) of each section of `page` (a live wiki page), embedding first what changed."""
    embed_pages([page])
    return [(row.heading, vector_of(row)) for row in PageSection.objects.filter(page_id=page.pk).order_by("position")]
