"""The Celery app. Settings come from Django's, under the CELERY_ namespace; every task is a DurableTask,
so a broker that is down never fails a request (see onramp/durable_tasks.py)."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "onramp.settings.dev")

app = Celery("onramp", task_cls="onramp.durable_tasks:DurableTask")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
