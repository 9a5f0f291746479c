"""The tests of the demo organisation share one load of it per run.

Loading the demo takes seconds of computing, so the first xdist worker to run these tests loads it for real and
keeps a copy of the loaded database; another worker's test database is replaced by that copy while it runs them
(tests/migrated_databases.py, LoadedCopy). After the package's last test the worker's database is the migrated
copy again, so tests elsewhere never see the demo. Each test runs in a savepoint of its own (pytest-django's
`db`), so what one test changes is undone before the next. Without a migrated copy to come back to (a test
database in a file) the demo is loaded inside a transaction that is rolled back after the package instead.
Under `--dist loadgroup` (the PostgreSQL pass) these tests all go to one worker. test_load_demo.py loads it
once more, on top of the loaded database, to test that loading again changes nothing.

The demo is tested as `make run` serves it: with semantic recall on (the test settings switch it off elsewhere,
where embedding every test's pages would cost more than it tells), its sections embedded once with the load.
"""

from io import StringIO

import pytest

from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from tests.migrated_databases import LoadedCopy


def load_demo() -> None:
    with override_settings(ONRAMP_SEMANTIC=True):
        call_command("load_demo", stdout=StringIO())
        call_command("search_embed", "--no-progress", stdout=StringIO(), stderr=StringIO())


@pytest.fixture(autouse=True)
def semantic_recall(settings):
    settings.ONRAMP_SEMANTIC = True


@pytest.fixture(scope="package", autouse=True)
def demo(django_db_setup, django_db_blocker, migrated_copy, testrun_uid):
    # Caches filled from another database (the site's root paths, the glossary) must not be read with the demo's,
    # nor those filled from the demo after it.
    cache.clear()
    with django_db_blocker.unblock():
        copy = LoadedCopy.for_run(migrated_copy, testrun_uid)
        if copy is None:
            with transaction.atomic():
                load_demo()
                yield
                transaction.set_rollback(True)
        else:
            copy.take(load_demo)
            try:
                yield
            finally:
                copy.give_back()
    cache.clear()


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid.startswith("tests/demo/"):
            item.add_marker(pytest.mark.xdist_group("demo"))
