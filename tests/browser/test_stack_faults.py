"""Faults seen from the running stack (gunicorn with persistent database connections)."""

import urllib.request

import pytest

from tests.browser.conftest import database_command

pytestmark = pytest.mark.browser


def get(url: str) -> int:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own server
        return response.status


def test_after_the_database_drops_every_connection_the_next_request_succeeds(stack):
    """What a PostgreSQL restart does to the web processes: every connection they hold is cut. Without
    connection health checks the next request on a persistent connection would fail."""
    for _ in range(6):  # warm every worker's persistent connection
        assert get(f"{stack.url}/health/") == 200
    name = stack.env["DATABASE_URL"].rsplit("/", 1)[1]
    database_command(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()", [name]
    )
    assert [get(f"{stack.url}/health/") for _ in range(6)] == [200] * 6
    assert get(f"{stack.url}/accounts/login/") == 200
