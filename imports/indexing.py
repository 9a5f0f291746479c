"""Bulk imports save each page several times; search and reference indexes only need the final state.
Within `deferred_indexing()` those per-save updates are switched off and the touched pages are indexed
once on the way out, a model at a time in bulk."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch.backends import get_search_backends
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

CHUNK = 200


@contextmanager
def deferred_indexing(models: list[type]) -> Iterator[set[int]]:
    """Yields a set to which the caller adds the ids of objects of `models` it touched."""
    touched: set[int] = set()
    connected = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    try:
        with disable_reference_index_auto_update():
            yield touched
    finally:
        for model in connected:
            post_save.connect(post_save_signal_handler, sender=model)
    backends = list(get_search_backends(with_auto_update=True))
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
