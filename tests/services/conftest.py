"""Tests that need the machine's PostgreSQL, Redis and a real Celery worker.

On CI (CI=true) they must run: a missing service is a failure, not a skip. Elsewhere they are skipped when
the database is not PostgreSQL or Redis does not answer."""

import os
import socket
import subprocess
import sys
import uuid
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
def services(transactional_db):
    if connection.vendor != "postgresql":
        service_missing("services tests run on PostgreSQL (make test-postgres)")
    if not redis_answers():
        service_missing("Redis does not answer on 127.0.0.1:6379")


@pytest.fixture
def celery_worker(services):
    """A real Celery worker process on Redis, reading the test database; tasks sent from the test reach it."""
    from onramp.celery import app

    settings = connection.settings_dict
    database_url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    queue = f"test-{uuid.uuid4().hex[:8]}"
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "onramp.settings.test",
        "DATABASE_URL": database_url,
        "CELERY_BROKER_URL": REDIS_URL,
        "CELERY_RESULT_BACKEND": REDIS_URL,
    }
    worker = subprocess.Popen(  # noqa: S603 - the venv's own celery, fixed arguments
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
    saved = {key: app.conf[key] for key in ("task_always_eager", "broker_url", "result_backend")}
    app.conf.update(task_always_eager=False, broker_url=REDIS_URL, result_backend=REDIS_URL)
    try:
        yield queue
    finally:
        app.conf.update(saved)
        worker.terminate()
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            worker.kill()
        output = worker.stdout.read() if worker.stdout else ""
        if worker.returncode not in (0, -15) and output:
            print(output)
