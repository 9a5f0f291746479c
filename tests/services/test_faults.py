"""Faults a production Onramp meets: a worker killed in the middle of a task, a broker that goes away."""

import os
import shutil
import signal
import socket
import subprocess
import uuid

import kombu.pools
import psycopg
import pytest
import redis

from django.db import connection
from django.urls import reverse

from expertise.factories import UserFactory
from forums.gaps import me_too, raise_gap
from forums.models import Gap, GapSource, GapStatus
from forums.tasks import notify_gap_closed
from inbox.models import Notification
from onramp.celery import app
from onramp.durable_tasks import send_pending_tasks
from onramp.models import PendingTask
from tests.services.conftest import REDIS_URL, database_url, service_missing, start_worker, stop, wait_for

pytestmark = pytest.mark.services


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


def waiting_on_a_lock(database: str) -> bool:
    with psycopg.connect(database_url().rsplit("/", 1)[0] + "/postgres", autocommit=True) as admin:
        row = admin.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'", [database]
        ).fetchone()
    return row[0] > 0


def test_a_worker_killed_mid_task_runs_it_again_and_notifies_each_person_once(services):
    ada, bo = UserFactory(username="ada"), UserFactory(username="bo")
    gap = raise_gap(title="No guide to blocked invoices", source=GapSource.DIRECT, raised_by=ada)
    me_too(gap=gap, person=bo)
    Gap.objects.filter(pk=gap.pk).update(status=GapStatus.RESOLVED)
    key = f"gap-closed:{gap.pk}"
    queue = f"test-{uuid.uuid4().hex[:8]}"
    # Another transaction holds Bo's notification key: the task commits Ada's, then waits on Bo's.
    holder = psycopg.connect(database_url())
    holder.execute(
        "INSERT INTO inbox_notification (recipient_id, kind, subject, body, url, key, created_at)"
        " VALUES (%s, 'held', 'held', '', '', %s, now())",
        [bo.pk, key],
    )
    worker = start_worker(queue, CELERY_VISIBILITY_TIMEOUT="3")
    eager, app.conf.task_always_eager = app.conf.task_always_eager, False
    try:
        with app.connection_for_write(REDIS_URL) as broker:
            notify_gap_closed.apply_async(args=[gap.pk], queue=queue, connection=broker)
        assert wait_for(lambda: Notification.objects.filter(recipient=ada, key=key).exists(), timeout=60)
        assert wait_for(lambda: waiting_on_a_lock(connection.settings_dict["NAME"]), timeout=30)
        worker.send_signal(signal.SIGKILL)  # mid-task: the message was taken but never acknowledged
        worker.wait(timeout=10)
    finally:
        app.conf.task_always_eager = eager
        stop(worker)
        holder.rollback()
        holder.close()

    again = start_worker(queue, CELERY_VISIBILITY_TIMEOUT="3")
    try:
        assert wait_for(lambda: Notification.objects.filter(recipient=bo, key=key).exists(), timeout=90)
    finally:
        stop(again)
    assert Notification.objects.filter(recipient=ada, key=key).count() == 1
    assert Notification.objects.filter(recipient=bo, key=key).count() == 1


def reset_broker_connections() -> None:
    """Drops the Celery app's pooled broker connections so the next send dials the current broker_url."""
    app.pool.force_close_all()
    app._pool = None
    app.amqp._producer_pool = None
    kombu.pools.reset()


@pytest.fixture
def own_broker(services):
    """A Redis server of the test's own, which the test can stop and start again."""
    binary = shutil.which("redis-server")
    if binary is None:
        service_missing("redis-server is not installed")
    port = free_port()
    command = [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]

    class Broker:
        url = f"redis://127.0.0.1:{port}/0"
        process: subprocess.Popen | None = None

        def start(self):
            self.process = subprocess.Popen(command, stdout=subprocess.DEVNULL)  # noqa: S603 - fixed arguments
            assert wait_for(lambda: answers(port), timeout=10)

        def stop(self):
            self.process.terminate()
            self.process.wait(timeout=10)

    broker = Broker()
    broker.start()
    previous = (app.conf.broker_url, app.conf.task_always_eager)
    app.conf.broker_url, app.conf.task_always_eager = broker.url, False
    reset_broker_connections()
    try:
        yield broker
    finally:
        app.conf.broker_url, app.conf.task_always_eager = previous
        reset_broker_connections()
        if broker.process.poll() is None:
            broker.stop()


def test_with_the_broker_down_requests_succeed_and_the_work_is_sent_once_it_is_back(client, own_broker):
    person = UserFactory(username="cara")
    client.force_login(person)
    own_broker.stop()

    response = client.post(
        reverse("forums:flag_gap"), {"title": "Where do I find the cut-off calendar?", "description": "Asked twice"}
    )

    assert response.status_code == 302, response.content.decode()[:500]
    gap = Gap.objects.get(title="Where do I find the cut-off calendar?")
    pending = PendingTask.objects.get()
    assert pending.name == "forums.tasks.notify_experts_of_gap" and pending.args == [gap.pk]
    assert send_pending_tasks() == 0 and PendingTask.objects.count() == 1  # still down: kept, not lost

    own_broker.start()
    reset_broker_connections()
    assert send_pending_tasks() == 1
    assert not PendingTask.objects.exists()
    queued = redis.Redis.from_url(own_broker.url).llen(os.environ.get("CELERY_TASK_DEFAULT_QUEUE", "celery"))
    assert queued == 1
