"""Bulk imports save each page several times; search and reference indexes only need the final state.
Within `deferred_indexing()` those per-save updates are switched off, in the importing thread only, and the
touched pages are indexed once on the way out, a model at a time in bulk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from modelsearch.backends import get_search_backends
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from onramp.bulk_indexing import bulk_indexing
from onramp.wagtail_compat import indexing_paused

CHUNK = 200


@contextmanager
def deferred_indexing(models: list[type]) -> Iterator[set[int]]:
    """Yields a set to which the caller adds the ids of objects of `models` it touched."""
    touched: set[int] = set()
    with indexing_paused(models), disable_reference_index_auto_update():
        yield touched
    backends = list(get_search_backends(with_auto_update=True))
    with bulk_indexing():
        for model in models:
            objects = model.get_indexed_objects().filter(pk__in=touched).order_by("pk")
            chunk: list = []
            for instance in objects.iterator(chunk_size=CHUNK):
                chunk.append(instance)
                ReferenceIndex.create_or_update_for_object(instance)
                if len(chunk) == CHUNK:
                    index_chunk(backends, model, chunk)
            index_chunk(backends, model, chunk)


def index_chunk(backends: list, model: type, chunk: list) -> None:
    for backend in backends:
        backend.add_bulk(model, chunk)
    chunk.clear()
