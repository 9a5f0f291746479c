"""Ask's two backends behind one interface: the database (always there) and Elasticsearch (at scale).

A backend finds candidate pages and gaps for a parsed question among the ones the asker may see; `ask`
does the rest (permissions, people, grouping) the same way whichever backend answered."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Protocol

from django.conf import settings
from django.db.models import QuerySet
from django.utils.safestring import SafeString

from wagtail.query import PageQuerySet

logger = logging.getLogger("search")


@dataclass(frozen=True)
class ParsedQuery:
    text: str
    normalised: str
    words: list[str]
    extra_phrases: list[str] = field(default_factory=list)  # glossary expansions and typo corrections

    @property
    def all_words(self) -> list[str]:
        more = [word for phrase in self.extra_phrases for word in phrase.split()]
        return list(dict.fromkeys([*self.words, *more]))


@dataclass
class PageMatch:
    page_id: int
    score: float
    highlight: SafeString | None = None


class BackendUnavailable(Exception):
    """The backend cannot answer now (Elasticsearch down); the caller falls back to the database."""


class AskBackend(Protocol):
    name: str

    def match_pages(
        self,
        query: ParsedQuery,
        *,
        pages: PageQuerySet,
        limit: int,
        filters: dict | None = None,
        pages_key: str | None = None,
    ) -> list[PageMatch]:
        """The best `limit` of `pages` (already narrowed to the filters and to what the asker may see) for the
        question. `pages_key`, when given, names `pages` (see `search.ask.searchable_pages_key`): a backend may
        then keep the matches for the next asker with the same key, as long as they stay right."""
        ...

    def match_gaps(self, query: ParsedQuery, *, gaps: QuerySet, limit: int) -> list[int]: ...


def elasticsearch_enabled() -> bool:
    return bool(getattr(settings, "ELASTICSEARCH_URL", None))


def configured_backend() -> AskBackend:
    # Imported here: each backend module imports this one, and Elasticsearch's client (about half a second to
    # import) is loaded only by the installs that use it.
    from search.backends.database import DatabaseBackend

    if elasticsearch_enabled():
        from search.backends.elastic import ElasticsearchBackend

        return ElasticsearchBackend(url=settings.ELASTICSEARCH_URL)
    return DatabaseBackend()
