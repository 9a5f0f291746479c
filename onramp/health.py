"""What `/health/` reports: whether each service Onramp depends on answers, and how fast.

Anyone may call it, so a failure is reported as "unavailable" (or "busy") and its error text goes to the log.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache, caches
from django.db import connection

from modelsearch.backends import get_search_backend

from onramp.database import is_busy

logger = logging.getLogger(__name__)

TIMEOUT_SECONDS = 2
# How long the database check waits for SQLite's write lock before calling the database busy.
WRITE_LOCK_WAIT_MILLISECONDS = 1000


@dataclass
class Check:
    name: str
    ok: bool
    detail: str
    milliseconds: float
    required: bool = True

    def as_dict(self) -> dict:
        return {"ok": self.ok, "detail": self.detail, "ms": round(self.milliseconds, 1), "required": self.required}


def timed(name: str, probe: Callable[[], str], *, required: bool = True) -> Check:
    started = time.perf_counter()
    try:
        detail, ok = probe(), True
    except Exception as error:  # noqa: BLE001 - any failure of a service is what this reports
        logger.warning("Health check %s failed: %s: %s", name, type(error).__name__, error)
        detail, ok = "busy" if is_busy(error) else "unavailable", False
    return Check(name, ok, detail, (time.perf_counter() - started) * 1000, required)


def database() -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
        # BEGIN cannot nest: inside a transaction (only ever a test's) the lock is not tried.
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            take_sqlite_write_lock(cursor)
    return connection.vendor


def take_sqlite_write_lock(cursor) -> None:
    """Takes SQLite's one write lock and lets it go at once. While another process (an import) holds it,
    every sign-in and every save waits and then fails: the database is busy, not healthy."""
    cursor.execute("PRAGMA busy_timeout")
    (configured,) = cursor.fetchone()
    cursor.execute(f"PRAGMA busy_timeout = {WRITE_LOCK_WAIT_MILLISECONDS}")
    try:
        cursor.execute("BEGIN IMMEDIATE")
        cursor.execute("ROLLBACK")
    finally:
        cursor.execute(f"PRAGMA busy_timeout = {int(configured)}")


def cache_round_trip() -> str:
    key, value = f"health:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise RuntimeError("a value written to the cache could not be read back")
    cache.delete(key)
    return type(caches["default"]).__name__


def broker() -> str:
    if not settings.CELERY_BROKER_URL:
        return "none: tasks run in the web process (eager)"
    from onramp.celery import app

    with app.connection_for_write() as connection_:
        connection_.ensure_connection(max_retries=1, timeout=TIMEOUT_SECONDS)
        return connection_.transport_cls


def search() -> str:
    backend = get_search_backend()
    client = getattr(backend, "es", None) or getattr(backend, "client", None)
    if client is not None:
        if not client.ping():
            raise ConnectionError("Elasticsearch does not answer")
        return "elasticsearch"
    return "database"


def run_checks() -> list[Check]:
    return [
        timed("database", database),
        timed("cache", cache_round_trip),
        timed("broker", broker),
        # Search falls back to the database when Elasticsearch is down: a degraded service, not a dead one.
        timed("search", search, required=False),
    ]
