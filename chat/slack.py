"""Slack's `/ask` slash command: the request's signature, who sent it, and the answer as Block Kit.

Slack signs each request with the app's signing secret over `v0:<timestamp>:<body>`; one whose timestamp is
more than five minutes away is refused, and so is the same signed request a second time (a replay inside the
window), while the cache remembers it."""

from __future__ import annotations

import logging
import time

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError
from slack_sdk.signature import SignatureVerifier

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _

from chat.answers import ChatAnswer, more_text, person_by_email, sections

logger = logging.getLogger(__name__)

WINDOW_SECONDS = 5 * 60
# Slack waits three seconds for the answer: looking the asker up must leave time to search.
LOOKUP_TIMEOUT_SECONDS = 2
TIMESTAMP_HEADER = "X-Slack-Request-Timestamp"
SIGNATURE_HEADER = "X-Slack-Signature"
SECTION_TEXT_LIMIT = 3000  # Slack refuses a whole message with a longer section


class Refused(Exception):
    """The request is not Slack's: the message says why, and nothing is computed."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


class LookupFailed(Exception):
    """Slack could not tell Onramp the asker's email: the message says what to fix."""


def verify(request: HttpRequest) -> None:
    """Raises Refused unless `request` carries a valid, fresh, first-seen Slack signature."""
    timestamp = request.headers.get(TIMESTAMP_HEADER, "")
    signature = request.headers.get(SIGNATURE_HEADER, "")
    if not timestamp or not signature:
        raise Refused(
            _("Missing the Slack signature headers (%(headers)s).")
            % {"headers": f"{TIMESTAMP_HEADER}, {SIGNATURE_HEADER}"},
            401,
        )
    if not timestamp.isdigit() or abs(time.time() - int(timestamp)) > WINDOW_SECONDS:
        raise Refused(_("The Slack request timestamp is more than five minutes away from now."), 403)
    verifier = SignatureVerifier(signing_secret=settings.SLACK_SIGNING_SECRET)
    if not verifier.is_valid_request(request.body, dict(request.headers)):
        raise Refused(_("The Slack signature does not match this request."), 403)
    if not cache.add(f"chat:slack:seen:{signature}", True, timeout=2 * WINDOW_SECONDS):
        raise Refused(_("This Slack request was already answered once; a repeat is refused."), 403)


def email_of(user_id: str) -> str:
    """The Slack user's email, read with the bot token (scope users:read.email). Raises LookupFailed."""
    if not settings.SLACK_BOT_TOKEN:
        raise LookupFailed(_("Onramp cannot tell who you are on Slack: its Slack bot token is not set."))
    client = WebClient(token=settings.SLACK_BOT_TOKEN, base_url=settings.SLACK_API_URL, timeout=LOOKUP_TIMEOUT_SECONDS)
    try:
        user = client.users_info(user=user_id)["user"]
    except (SlackClientError, OSError, KeyError) as error:
        logger.warning("Slack users.info for %s failed: %s", user_id, error)
        raise LookupFailed(_("Onramp could not look you up on Slack just now. Please try again later.")) from error
    if user.get("deleted") or user.get("is_bot"):
        return ""
    email = (user.get("profile") or {}).get("email") or ""
    if not email:
        logger.warning("Slack users.info for %s gave no email: does the bot token have users:read.email?", user_id)
    return email


def asker(user_id: str) -> AbstractBaseUser | None:
    return person_by_email(email_of(user_id)) if user_id else None


def escape(text: str) -> str:
    """Text as Slack's mrkdwn shows it literally: only &, < and > are special."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def text_message(text: str) -> dict:
    return {"response_type": "ephemeral", "text": text}


def usage_message() -> dict:
    return text_message(
        _("Type your question after the command, for example: `/ask how do I post a supplier invoice`.")
    )


def answer_message(answer: ChatAnswer) -> dict:
    """The answer as Block Kit, seen only by the asker (ephemeral)."""
    if answer.message:
        return text_message(answer.message)
    intro = _("Onramp’s answer to “%(question)s”") % {"question": escape(answer.question)}
    blocks = [{"type": "section", "text": {"type": "mrkdwn", "text": f"*{intro}*"}}]
    notes = [
        escape(note)
        for note in (
            answer.notice,
            answer.definition,
            _("Did you mean: %(words)s") % {"words": answer.did_you_mean} if answer.did_you_mean else "",
        )
        if note
    ]
    if notes:
        blocks.append({"type": "context", "elements": [{"type": "mrkdwn", "text": note} for note in notes]})
    for heading, links, empty in sections(answer):
        lines = [
            f"• <{link.url}|{escape(link.title)}>" + (f" — {escape(link.detail)}" if link.detail else "")
            for link in links
        ]
        text = "\n".join(lines) if lines else f"_{escape(empty)}_"
        text = f"*{escape(heading)}*\n{text}"[:SECTION_TEXT_LIMIT]
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": text}})
    blocks.append(
        {"type": "context", "elements": [{"type": "mrkdwn", "text": f"<{answer.ask_url}|{escape(more_text(answer))}>"}]}
    )
    return {"response_type": "ephemeral", "text": intro, "blocks": blocks}
