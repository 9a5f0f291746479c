"""Sending Celery tasks so that an unreachable broker never fails a request or loses the work.

Every task of the project is a `DurableTask` (set as the Celery app's task class). When the broker does not
answer, `apply_async` stores the call as a `PendingTask` row instead of raising; `send_pending_tasks` (run
by beat every minute and when a worker starts) hands the stored calls to the broker once it is back. The
tasks themselves are idempotent, so a call that reaches the broker twice does no harm."""

from __future__ import annotations

import logging

from celery import Task
from kombu.exceptions import OperationalError

from django.db import transaction

logger = logging.getLogger(__name__)
# Fail fast: a request should not hang for long on a broker that is down.
QUICK_RETRY = {"max_retries": 2, "interval_start": 0, "interval_step": 0.2, "interval_max": 0.5}
BATCH = 500


class DurableTask(Task):
    def apply_async(self, args=None, kwargs=None, **options):
        if self.app.conf.task_always_eager or options.get("connection") is not None:
            return super().apply_async(args, kwargs, **options)
        options.setdefault("retry_policy", QUICK_RETRY)
        try:
            return super().apply_async(args, kwargs, **options)
        except OperationalError as error:
            from onramp.models import PendingTask

            logger.warning("The broker is unreachable; %s is kept to be sent later: %s", self.name, error)
            PendingTask.objects.create(
                name=self.name,
                args=list(args or ()),
                kwargs=dict(kwargs or {}),
                queue=options.get("queue") or "",
                error=str(error)[:1000],
            )
            return None


def send_pending_tasks() -> int:
    """Hands stored calls to the broker, oldest first; stops at the first that still cannot be sent.
    Returns how many were sent."""
    from onramp.celery import app
    from onramp.models import PendingTask

    sent = 0
    with transaction.atomic():
        pending = list(PendingTask.objects.select_for_update(skip_locked=True)[:BATCH])
        for call in pending:
            options = {"retry_policy": QUICK_RETRY}
            if call.queue:
                options["queue"] = call.queue
            try:
                app.send_task(call.name, args=call.args, kwargs=call.kwargs, **options)
            except OperationalError as error:
                PendingTask.objects.filter(pk=call.pk).update(attempts=call.attempts + 1, error=str(error)[:1000])
                break
            call.delete()
            sent += 1
    if sent:
        logger.info("Sent %s task(s) kept while the broker was unreachable.", sent)
    return sent
