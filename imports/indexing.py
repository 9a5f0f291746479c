"""Bulk imports save each page several times; search and reference indexes only need the final state.
Within `deferred_indexing()` those per-save updates are switched off and each touched page is indexed
once on the way out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db.models.signals import post_save

from modelsearch import index
from modelsearch.signal_handlers import post_save_signal_handler
from wagtail.models import Page, ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update


@contextmanager
def deferred_indexing(models: list[type]) -> Iterator[set[int]]:
    """Yields a set to which the caller adds the ids of pages it touched."""
    touched: set[int] = set()
    connected = [model for model in models if post_save.disconnect(post_save_signal_handler, sender=model)]
    try:
        with disable_reference_index_auto_update():
            yield touched
    finally:
        for model in connected:
            post_save.connect(post_save_signal_handler, sender=model)
    for page in Page.objects.filter(pk__in=touched).specific().iterator(chunk_size=200):
        index.insert_or_update_object(page)
        ReferenceIndex.create_or_update_for_object(page)
