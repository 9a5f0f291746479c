"""Wagtail's database search backend (SQLite FTS5 or PostgreSQL full text), which also keeps Onramp's term
index (`search.term_index`) in step: whatever adds a page to Wagtail's index or takes it out — a save, a
publish, an unpublish, a move, a delete, a bulk import, `search_reindex` — updates the term statistics the
Ask ranking reads along with it, and the section vectors of semantic recall (`search.semantic.store`, a
no-op unless its model is installed).

Settings name this module as the backend (`WAGTAILSEARCH_BACKENDS`); like Wagtail's own it picks the class
for the database in use."""

from __future__ import annotations

import functools

from django.db import connection

from wagtail.models import Page

from search import term_index
from search.semantic import store as section_vectors


class TermIndexMixin:
    def add(self, obj):
        super().add(obj)
        if isinstance(obj, Page):
            term_index.index_pages([obj])
            section_vectors.pages_changed([obj])

    def add_bulk(self, model, obj_list):
        super().add_bulk(model, obj_list)
        if issubclass(model, Page):
            term_index.index_pages(obj_list)
            section_vectors.pages_changed(obj_list)

    def delete(self, obj):
        super().delete(obj)
        if isinstance(obj, Page):
            term_index.remove_pages([obj.pk])
            section_vectors.pages_removed([obj.pk])

    def reset_indexes(self):
        super().reset_indexes()
        term_index.clear()
        section_vectors.clear()


@functools.cache
def with_term_index(backend_class: type) -> type:
    return type(f"TermIndexed{backend_class.__name__}", (TermIndexMixin, backend_class), {})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks for in a backend module)
    # Each database's module is imported only on that database: modelsearch's SQLite module needs models that
    # exist on SQLite only.
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend as backend_class
    else:
        from modelsearch.backends.database.fallback import DatabaseSearchBackend as backend_class

        if connection.vendor == "sqlite":
            from modelsearch.backends.database.sqlite.utils import fts5_available, fts_table_exists

            if fts5_available() and fts_table_exists():
                from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend as backend_class
    return with_term_index(backend_class)(params)
