"""The tests of the demo organisation share one load of it.

Loading the demo takes seconds, so this package loads it once, inside a transaction that stays open while
its tests run and is rolled back after the last one. Each test runs in a savepoint of its own (pytest-django's
`db`), so what one test changes is undone before the next, and tests elsewhere never see the demo. Each xdist
worker that runs some of them loads it once; under `--dist loadgroup` (the PostgreSQL pass) they all go to one
worker.
"""

from io import StringIO

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=StringIO())
        yield
        transaction.set_rollback(True)
    # Caches filled from the demo (the site's root paths, the glossary) must not outlive it.
    cache.clear()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.startswith("tests/demo/"):
            item.add_marker(pytest.mark.xdist_group("demo"))
