"""Search index updates, queued after the change that needs them is committed: Elasticsearch's documents, and
the section vectors of semantic recall."""

from importlib import import_module

from celery import shared_task

from search.backends import BackendUnavailable


def indexing():
    """search.indexing, imported when a task first runs: it loads Elasticsearch's client (about half a second),
    which installs on the database backend never queue these tasks for."""
    return import_module("search.indexing")


RETRY = {"acks_late": True, "autoretry_for": (BackendUnavailable,), "retry_backoff": 30, "max_retries": 5}


@shared_task(**RETRY)
def update_page_in_index(page_id: int) -> str:
    return indexing().update_page(page_id)


@shared_task(**RETRY)
def remove_page_from_index(page_id: int) -> str:
    return indexing().remove_page(page_id)


@shared_task(**RETRY)
def update_gap_in_index(gap_id: int) -> str:
    return indexing().update_gap(gap_id)


@shared_task(**RETRY)
def update_person_in_index(user_id: int) -> str:
    return indexing().update_person(user_id)


@shared_task(acks_late=True)
def embed_page_sections(page_ids: list[int]) -> int:
    """Embeds the sections of these pages that changed (semantic recall); see search.semantic.store."""
    from search.semantic.store import embed_page_ids

    return embed_page_ids(page_ids)
