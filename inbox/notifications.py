"""Creating, reading and emailing notifications."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from inbox.models import Notification
from onramp.mail import send_email
from onramp.text import single_line


def notify(
    recipient: AbstractBaseUser,
    *,
    kind: str,
    subject: str,
    body: str = "",
    url: str = "",
    key: str,
    reply_to: str = "",
) -> Notification | None:
    """Creates the notification for `key` unless `recipient` already has it, and queues its email (with
    `reply_to`, when given, as the address a reply goes to).

    Returns the new notification, or None when it existed already (the unique constraint decides, so two
    concurrent calls still create one)."""
    if not key:
        raise ValidationError({"key": _("A notification needs a deduplication key.")})
    if not recipient.is_active:
        return None
    notification = Notification(
        recipient=recipient,
        kind=kind,
        subject=single_line(subject)[:200],
        body=body,
        url=url,
        key=key,
        reply_to=reply_to,
    )
    notification.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            notification.save()
    except IntegrityError:
        return None
    from inbox.tasks import send_notification_email

    notification_id, recipient_id = notification.pk, recipient.pk
    transaction.on_commit(lambda: forget_unread_count(recipient_id))
    transaction.on_commit(lambda: send_notification_email.delay(notification_id))
    return notification


def notify_from_templates(
    recipient: AbstractBaseUser,
    *,
    template: str,
    context: dict,
    kind: str,
    url: str = "",
    key: str,
    reply_to: str = "",
) -> Notification | None:
    """`notify` with the subject and body rendered from `<template>_subject.txt` and `<template>_body.txt`
    (e.g. template="forums/notifications/gap_new"), so every message's words live in a template that can be
    translated or changed without touching code. The recipient is in the context as `recipient`."""
    context = {"recipient": recipient, **context}
    return notify(
        recipient,
        kind=kind,
        subject=render_to_string(f"{template}_subject.txt", context),
        body=render_to_string(f"{template}_body.txt", context).strip(),
        url=url,
        key=key,
        reply_to=reply_to,
    )


UNREAD_TTL = 300


def unread_key(user_id: int) -> str:
    return f"inbox:unread:{user_id}"


def count_unread(user: AbstractBaseUser) -> int:
    """Counts from the database and remembers the answer for the header."""
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).count()
    cache.set(unread_key(user.pk), count, UNREAD_TTL)
    return count


def unread_count(user: AbstractBaseUser) -> int:
    """The number in the header on every page: from the cache, which every change to the inbox clears and
    signing in fills, so most pages cost no query for it."""
    if not user.is_authenticated:
        return 0
    cached = cache.get(unread_key(user.pk))
    return cached if cached is not None else count_unread(user)


def forget_unread_count(user_id: int) -> None:
    cache.delete(unread_key(user_id))


def mark_read(*, notification: Notification, user: AbstractBaseUser) -> None:
    if notification.recipient_id != user.pk:
        raise ValidationError(_("That notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        forget_unread_count(user.pk)


def mark_all_read(*, user: AbstractBaseUser) -> int:
    count = Notification.objects.filter(recipient=user, read_at__isnull=True).update(read_at=timezone.now())
    forget_unread_count(user.pk)
    return count


def absolute(url: str) -> str:
    if url.startswith("/"):
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url
    return url


@transaction.atomic
def email_notification(notification_id: int) -> bool:
    """Emails one notification once: the row is locked while sending and marked as emailed after.

    Returns whether an email went out (False when it had been emailed already, or the person has no address)."""
    notification = (
        Notification.objects.select_for_update().select_related("recipient").filter(pk=notification_id).first()
    )
    if notification is None or notification.emailed_at is not None:
        return False
    if notification.recipient.email:
        body = notification.body
        if notification.url:
            body = f"{body}\n\n{absolute(notification.url)}".strip()
        reply_to = [notification.reply_to] if notification.reply_to else None
        send_email(subject=notification.subject, body=body, to=[notification.recipient.email], reply_to=reply_to)
    notification.emailed_at = timezone.now()
    notification.save(update_fields=["emailed_at"])
    return bool(notification.recipient.email)
