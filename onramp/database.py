"""Two database faults Onramp answers on its own rather than with a bare 500.

*Busy*: SQLite has one writer at a time. While an import holds the write lock, pages can still be read
(WAL mode, see `SQLITE_OPTIONS` in the settings), but a request that writes waits `SQLITE_BUSY_TIMEOUT`
seconds and then fails with "database is locked": the visitor is asked to try again shortly (503).

*Dropped*: a PostgreSQL connection closed under a request (a server restart, a killed backend) fails the
query in flight; a read can simply run again on a new connection (`onramp.middleware`).
"""

from django.db import DatabaseError, OperationalError, connection
from django.http import HttpResponse
from django.template import loader

# What a busy database's 503 asks clients to wait before trying again (the Retry-After header).
BUSY_RETRY_AFTER_SECONDS = 30

# SQLITE_BUSY ("database is locked") and SQLITE_LOCKED ("database table is locked", shared-cache connections).
BUSY_MESSAGES = ("database is locked", "database table is locked")


def is_busy(error: BaseException | None) -> bool:
    """Whether `error` says another connection holds the database's write lock."""
    return isinstance(error, OperationalError) and any(message in str(error) for message in BUSY_MESSAGES)


def busy_response() -> HttpResponse:
    """The 503 that asks to try again shortly. Rendered without a request context: the context processors may
    need the database."""
    response = HttpResponse(loader.get_template("503.html").render(), status=503)
    response["Retry-After"] = str(BUSY_RETRY_AFTER_SECONDS)
    return response


def connection_was_dropped(error: BaseException) -> bool:
    """Whether `error` came from a connection that no longer works (rather than from the query itself).

    Inside a transaction nothing is retried: the work before the error would be lost without a word."""
    if not isinstance(error, DatabaseError) or connection.in_atomic_block:
        return False
    return connection.connection is None or not connection.is_usable()
