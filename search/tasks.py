"""Elasticsearch index updates, queued after the change that needs them is committed."""

from celery import shared_task

from search import indexing
from search.backends import BackendUnavailable

RETRY = {"acks_late": True, "autoretry_for": (BackendUnavailable,), "retry_backoff": 30, "max_retries": 5}


@shared_task(**RETRY)
def update_page_in_index(page_id: int) -> str:
    return indexing.update_page(page_id)


@shared_task(**RETRY)
def remove_page_from_index(page_id: int) -> str:
    return indexing.remove_page(page_id)


@shared_task(**RETRY)
def update_gap_in_index(gap_id: int) -> str:
    return indexing.update_gap(gap_id)


@shared_task(**RETRY)
def update_person_in_index(user_id: int) -> str:
    return indexing.update_person(user_id)
