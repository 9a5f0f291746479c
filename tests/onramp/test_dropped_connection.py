"""A PostgreSQL connection killed while a request reads through it: the read runs again on a new connection."""

import threading
import time

import psycopg
import pytest

from django.conf import settings
from django.db import connection, connections

from expertise.factories import UserFactory

pytestmark = [
    pytest.mark.postgres,
    # Decided before the database is set up: serialized_rollback cannot restore an SQLite test database.
    pytest.mark.skipif(
        "postgresql" not in settings.DATABASES["default"]["ENGINE"],
        reason="kills a PostgreSQL backend; the PostgreSQL pass runs this",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def connect(**options) -> psycopg.Connection:
    """A connection of the test's own to the test database, beside Django's."""
    settings = connection.settings_dict
    return psycopg.connect(
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        **options,
    )


def backend_waiting_for_a_lock(monitor: psycopg.Connection) -> int:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        waiting = monitor.execute(
            "SELECT pid FROM pg_stat_activity"
            " WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        ).fetchone()
        if waiting:
            return waiting[0]
        time.sleep(0.05)
    raise AssertionError("the request never waited for the locked table")


def test_a_page_read_when_its_connection_is_killed_is_read_again_on_a_new_one(client):
    client.force_login(UserFactory())
    outcome = {}

    def read_the_home_page():
        try:
            outcome["response"] = client.get("/")
        except Exception as error:  # noqa: BLE001 - the failure is what the test reports
            outcome["error"] = error
        finally:
            connections.close_all()

    reader = threading.Thread(target=read_the_home_page)
    with connect() as locker, connect(autocommit=True) as monitor:
        # The page table is locked so that the request is sure to be reading when its connection is killed.
        with locker.transaction():
            locker.execute("LOCK TABLE wagtailcore_page IN ACCESS EXCLUSIVE MODE")
            reader.start()
            monitor.execute("SELECT pg_terminate_backend(%s)", [backend_waiting_for_a_lock(monitor)])
        reader.join()
    assert "error" not in outcome, outcome.get("error")
    assert outcome["response"].status_code == 200
