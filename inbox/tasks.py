import logging

from celery import shared_task

from inbox.notifications import email_notification

logger = logging.getLogger(__name__)


@shared_task(bind=True, acks_late=True, autoretry_for=(Exception,), retry_backoff=30, max_retries=5)
def send_notification_email(self, notification_id: int) -> bool:
    """Sends the email for one notification; running it again sends nothing more.

    A worker retries a failure (the mail server may be down a while). Run inline, without a broker, the
    failure is logged instead: it must not fail the request that notified, and the notification is in the
    inbox either way (not marked as emailed)."""
    try:
        return email_notification(notification_id)
    except Exception:
        if not self.request.is_eager:
            raise
        logger.exception("Could not email notification %s", notification_id)
        return False
