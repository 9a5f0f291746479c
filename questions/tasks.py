"""Background work for questions: thin tasks that call the rules. Each is safe to run twice."""

from celery import shared_task

from questions import overdue

RETRY = {"acks_late": True, "autoretry_for": (Exception,), "retry_backoff": 30, "max_retries": 5}


@shared_task(**RETRY)
def raise_gaps_for_unanswered_questions() -> int:
    return overdue.raise_gaps_for_unanswered()
