"""Loading the demo without flooding the terminal: the notifications the demo raises keep their emails (the
demo's people have fictional addresses, and the console backend would print each email whole), and the
INFO log lines of every page saved and task run are left out; warnings and errors still show."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.conf import settings
from django.core import mail
from django.test.utils import override_settings

HOLDING_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@dataclass
class HeldEmails:
    count: int = 0


@contextmanager
def held_emails() -> Iterator[HeldEmails]:
    """Emails sent in this process meanwhile are kept in memory, not sent, and counted. (A Celery worker, when
    there is one, sends the emails it is given with its own settings: those are not counted.)"""
    held = HeldEmails()
    had_outbox = hasattr(mail, "outbox")
    before = len(mail.outbox) if had_outbox else 0
    try:
        with override_settings(EMAIL_BACKEND=HOLDING_BACKEND):
            yield held
    finally:
        outbox = getattr(mail, "outbox", [])
        held.count = len(outbox) - before
        if had_outbox:
            del outbox[before:]
        elif hasattr(mail, "outbox"):
            del mail.outbox


@contextmanager
def info_logs_off() -> Iterator[None]:
    previous = logging.root.manager.disable
    logging.disable(logging.INFO)
    # Without a broker the tasks run inline, and kombu warns that no broker host was given: that is the point.
    kombu = logging.getLogger("kombu.connection")
    kombu_level = kombu.level
    if settings.CELERY_TASK_ALWAYS_EAGER:
        kombu.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logging.disable(previous)
        kombu.setLevel(kombu_level)
