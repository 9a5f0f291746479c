from celery import shared_task

from expertise.scoring import recompute_all_scores


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=60, max_retries=3)
def recompute_expertise_scores() -> int:
    """Nightly at 02:00: let decay move every score, even where no new evidence arrived."""
    return recompute_all_scores()
