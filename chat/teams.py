"""Microsoft Teams' outgoing webhook: the request's HMAC, who sent it, and the answer as a markdown message.

Teams signs the raw body with HMAC-SHA256 under the webhook's security token (shown base64-encoded when the
webhook is created) and sends `Authorization: HMAC <base64 digest>`. The signature carries no time, so the
activity's own `timestamp` (inside the signed body) must be within five minutes, and the same signed body is
refused a second time while the cache remembers it.

Who asks: an outgoing webhook's `from` holds the person's Teams id, their display name and `aadObjectId`
(their Microsoft Entra ID object id), but no email. Onramp takes an email when the payload has one, else it
matches `aadObjectId` to a profile's external id: set the profile's external id to the Entra object id, or sign
people in with Entra ID and OIDC_EXTERNAL_ID_CLAIM=oid so single sign-on records it."""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import html
import json
import re
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from chat.answers import ChatAnswer, left_out_text, more_text, person_by_email, person_by_external_id, sections

WINDOW = timedelta(minutes=5)
MENTION = re.compile(r"<at>.*?</at>", re.IGNORECASE | re.DOTALL)
TAG = re.compile(r"<[^>]+>")
MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]])")


class Refused(Exception):
    """The request is not the webhook's: the message says why, and nothing is computed."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message, self.status = message, status


def security_key() -> bytes:
    try:
        return base64.b64decode(settings.TEAMS_WEBHOOK_SECRET, validate=True)
    except (binascii.Error, ValueError) as error:
        raise Refused(_("TEAMS_WEBHOOK_SECRET is not the base64 security token Teams gave."), 503) from error


def verify(request: HttpRequest) -> dict:
    """The activity Teams sent; raises Refused unless its HMAC is valid and it is fresh and first seen."""
    scheme, _space, given = request.headers.get("Authorization", "").partition(" ")
    if scheme != "HMAC" or not given.strip():
        raise Refused(_("Missing the Teams signature (an Authorization: HMAC … header)."), 401)
    expected = base64.b64encode(hmac.new(security_key(), request.body, hashlib.sha256).digest())
    if not hmac.compare_digest(expected, given.strip().encode()):
        raise Refused(_("The Teams signature does not match this request."), 403)
    try:
        activity = json.loads(request.body)
    except (ValueError, UnicodeDecodeError) as error:
        raise Refused(_("The Teams request body is not JSON."), 400) from error
    if not isinstance(activity, dict):
        raise Refused(_("The Teams request body is not a message activity."), 400)
    sent = parse_datetime(str(activity.get("timestamp") or ""))
    if sent is None or sent.tzinfo is None or abs(timezone.now() - sent) > WINDOW:
        raise Refused(_("The Teams message timestamp is missing or more than five minutes away from now."), 403)
    if not cache.add(f"chat:teams:seen:{given.strip()}", True, timeout=int(2 * WINDOW.total_seconds())):
        raise Refused(_("This Teams message was already answered once; a repeat is refused."), 403)
    return activity


def question_of(activity: dict) -> str:
    """The text after the webhook's @mention, as plain words."""
    text = MENTION.sub(" ", str(activity.get("text") or ""))
    return " ".join(html.unescape(TAG.sub(" ", text)).split())


def asker(activity: dict) -> AbstractBaseUser | None:
    sender = activity.get("from") if isinstance(activity.get("from"), dict) else {}
    email = str(sender.get("email") or "")
    if email:
        return person_by_email(email)
    return person_by_external_id(str(sender.get("aadObjectId") or ""))


def escape(text: str) -> str:
    return MARKDOWN_SPECIALS.sub(r"\\\1", html.escape(text, quote=False))


def text_message(text: str) -> dict:
    return {"type": "message", "text": text}


def usage_message() -> dict:
    return text_message(_("Mention Onramp and type your question, for example: how do I post a supplier invoice?"))


def answer_message(answer: ChatAnswer) -> dict:
    if answer.message:
        return text_message(escape(answer.message))
    parts = [f"**{escape(_('Onramp’s answer to “%(question)s”') % {'question': answer.question})}**"]
    notes = [
        answer.notice,
        answer.definition,
        _("Did you mean: %(words)s") % {"words": answer.did_you_mean} if answer.did_you_mean else "",
    ]
    if answer.left_out:
        notes.append(left_out_text(answer))
    parts.extend(f"_{escape(note)}_" for note in notes if note)
    for heading, links, empty in sections(answer):
        lines = [
            f"- [{escape(link.title)}]({link.url})" + (f" — {escape(link.detail)}" if link.detail else "")
            for link in links
        ]
        parts.append(f"**{escape(heading)}**\n\n" + ("\n".join(lines) if lines else escape(empty)))
    parts.append(f"[{escape(more_text(answer))}]({answer.ask_url})")
    return text_message("\n\n".join(parts))
