from celery import shared_task
from celery.signals import worker_ready

from onramp.durable_tasks import send_pending_tasks


@shared_task(name="onramp.tasks.send_pending_tasks")
def send_pending_tasks_task() -> int:
    return send_pending_tasks()


@worker_ready.connect
def send_pending_tasks_on_start(**kwargs) -> None:
    send_pending_tasks()
