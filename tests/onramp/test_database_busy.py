"""SQLite while another process (a running import) holds its write lock: pages are still read, a sign-in
answers a clear 503 rather than a 500, and /health/ says the database is busy."""

import sqlite3
from contextlib import contextmanager

import pytest

from django.db import DEFAULT_DB_ALIAS, connections

from expertise.factories import UserFactory

pytestmark = pytest.mark.django_db

# How long a request waits for the lock here: the settings' SQLITE_BUSY_TIMEOUT, shortened.
BUSY_TIMEOUT_SECONDS = 0.1


@pytest.fixture
def database_file(db, tmp_path):
    """The test database copied to a file, which this test's requests use with the configured SQLite options
    (tests otherwise run on an in-memory database, which no other connection can lock)."""
    in_memory = connections[DEFAULT_DB_ALIAS]
    if in_memory.vendor != "sqlite":
        pytest.skip("SQLite's write lock")
    path = tmp_path / "onramp.sqlite3"
    # From a connection of its own: the test's own connection is in a write transaction.
    source = sqlite3.connect(in_memory.get_connection_params()["database"], uri=True)
    source.execute("VACUUM INTO ?", [str(path)])
    source.close()
    options = {**in_memory.settings_dict["OPTIONS"], "timeout": BUSY_TIMEOUT_SECONDS}
    on_file = in_memory.__class__({**in_memory.settings_dict, "NAME": str(path), "OPTIONS": options}, DEFAULT_DB_ALIAS)
    on_file.ensure_connection()
    connections[DEFAULT_DB_ALIAS] = on_file
    yield path
    on_file.close()
    connections[DEFAULT_DB_ALIAS] = in_memory


@contextmanager
def write_lock_held(path):
    """What a running import does to the database: holds the write lock, here without writing anything."""
    importer = sqlite3.connect(path, isolation_level=None)
    importer.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        importer.execute("ROLLBACK")
        importer.close()


def test_pages_are_read_while_an_import_holds_the_write_lock(client, database_file):
    client.force_login(UserFactory())
    with write_lock_held(database_file):
        response = client.get("/")
    assert response.status_code == 200


def test_signing_in_while_an_import_holds_the_write_lock_answers_503_busy_and_works_after(client, database_file):
    UserFactory(username="jill", password="a-good-long-password")  # noqa: S106
    credentials = {"username": "jill", "password": "a-good-long-password"}
    client.raise_request_exception = False
    with write_lock_held(database_file):
        response = client.post("/accounts/login/", credentials)
    assert response.status_code == 503 and response["Retry-After"] == "30"
    assert "Onramp is busy for a moment" in response.content.decode()
    assert client.post("/accounts/login/", credentials).status_code == 302


def test_with_debug_on_a_busy_database_still_answers_the_503_page(client, database_file, settings):
    settings.DEBUG = True  # as under `make run`, where Django would otherwise show a traceback
    UserFactory(username="jill", password="a-good-long-password")  # noqa: S106
    client.raise_request_exception = False
    with write_lock_held(database_file):
        response = client.post("/accounts/login/", {"username": "jill", "password": "a-good-long-password"})
    assert response.status_code == 503
    assert "Onramp is busy for a moment" in response.content.decode()


def test_health_says_the_database_is_busy_while_an_import_holds_the_write_lock(client, database_file):
    with write_lock_held(database_file):
        response = client.get("/health/")
    assert response.status_code == 503
    assert response.json()["status"] == "failing"
    assert response.json()["checks"]["database"] == response.json()["checks"]["database"] | {
        "ok": False,
        "detail": "busy",
    }
    assert client.get("/health/").json()["checks"]["database"]["ok"] is True
