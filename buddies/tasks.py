from celery import shared_task

from buddies.checkins import send_due_reminders


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=3)
def send_check_in_reminders() -> int:
    """Hourly, on the hour: reminds new hires and buddies of check-ins coming up or missed (each reminder once)."""
    return send_due_reminders()
