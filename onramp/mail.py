"""Sending email. Every email of Onramp goes through here (called by the inbox's task: people are told things
through `inbox.notify`), so each subject is on one line (a line break in a header makes Django raise
BadHeaderError) and every failure to send is logged."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage

from onramp.text import single_line

logger = logging.getLogger(__name__)


def send_email(*, subject: str, body: str, to: list[str], reply_to: list[str] | None = None) -> None:
    """Sends one email from DEFAULT_FROM_EMAIL. A failure is logged, naming the subject, and raised, so a
    worker can retry; the inbox's task decides what a failure means (retried on a worker, kept unsent inline)."""
    try:
        EmailMessage(subject=single_line(subject), body=body, to=to, reply_to=reply_to).send()
    except Exception:
        logger.exception("Could not send the email “%s” to %s recipient(s)", single_line(subject), len(to))
        raise
