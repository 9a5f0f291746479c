from celery import shared_task

from inbox.notifications import email_notification


@shared_task(acks_late=True, autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def send_notification_email(notification_id: int) -> bool:
    """Sends the email for one notification; running it again sends nothing more."""
    return email_notification(notification_id)
