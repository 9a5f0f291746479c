"""Sending email. Every email of Onramp goes through here, so each subject is on one line (a line break in a
header makes Django raise BadHeaderError) and a failure to send is the sender's to handle, never a surprise."""

from __future__ import annotations

import logging

from django.core.mail import EmailMessage

from onramp.text import single_line

logger = logging.getLogger(__name__)


def send_email(*, subject: str, body: str, to: list[str], reply_to: list[str] | None = None) -> None:
    """Sends one email from DEFAULT_FROM_EMAIL; raises what the mail server or library raised, so a worker can
    retry. Callers that must not fail (a request, one reminder among many) use `try_to_send_email`."""
    EmailMessage(subject=single_line(subject), body=body, to=to, reply_to=reply_to).send()


def try_to_send_email(*, subject: str, body: str, to: list[str], reply_to: list[str] | None = None) -> bool:
    """Sends one email and says whether it went out: a failure is logged, not raised."""
    try:
        send_email(subject=subject, body=body, to=to, reply_to=reply_to)
    except Exception:
        logger.exception("Could not send the email “%s” to %s recipient(s)", single_line(subject), len(to))
        return False
    return True
