"""Tests that need the machine's PostgreSQL, Redis and a real Celery worker.

On CI (CI=true) they must run: a missing service is a failure, not a skip. Elsewhere they are skipped when
the database is not PostgreSQL or Redis does not answer."""

import os
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import pytest

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")


def service_missing(reason: str):
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: services tests must run)")
    pytest.skip(reason)


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1):
            return True
    except OSError:
        return False


@pytest.fixture
def services(django_db_serialized_rollback, transactional_db):
    # Every test with real transactions restores the migrations' data (content types, the site) when it
    # starts; one flushing without it would leave content types that the next one's restore collides with.
    if connection.vendor != "postgresql":
        service_missing("services tests run on PostgreSQL (make test-postgres)")
    if not redis_answers():
        service_missing("Redis does not answer on 127.0.0.1:6379")


@dataclass
class Worker:
    queue: str

    def send(self, task, *args, **kwargs) -> None:
        """Queues `task` for this worker over Redis (an explicit connection: the app's own may point elsewhere)."""
        from onramp.celery import app

        with app.connection_for_write(REDIS_URL) as connection_:
            task.apply_async(args=args, kwargs=kwargs, queue=self.queue, connection=connection_)


def database_url() -> str:
    settings = connection.settings_dict
    return f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"


def start_worker(queue: str, *, broker: str = REDIS_URL, **extra_env: str) -> subprocess.Popen:
    """A Celery worker process reading the test database and `queue` on `broker`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "onramp.settings.test",
        "DATABASE_URL": database_url(),
        "CELERY_BROKER_URL": broker,
        **extra_env,
    }
    return subprocess.Popen(  # noqa: S603 - the venv's own celery, fixed arguments
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "onramp",
            "worker",
            "--pool=solo",
            "-Q",
            queue,
            "-l",
            "warning",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def stop(worker: subprocess.Popen) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=20)
    except subprocess.TimeoutExpired:
        worker.kill()
    # Shown by pytest when the test fails: what the worker said.
    print(worker.stdout.read() if worker.stdout else "")


@pytest.fixture
def celery_worker(services):
    """A real Celery worker process on Redis, reading the test database."""
    from onramp.celery import app

    queue = f"test-{uuid.uuid4().hex[:8]}"
    worker = start_worker(queue)
    eager = app.conf.task_always_eager
    app.conf.task_always_eager = False
    try:
        yield Worker(queue=queue)
    finally:
        app.conf.task_always_eager = eager
        stop(worker)


def wait_for(predicate, *, timeout: float = 30.0) -> bool:
    """Polls until `predicate()` is true: what a test can see of work done in another process."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False
