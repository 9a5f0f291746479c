import os

import pytest

from django.db import connection

from wagtail.models import Site

from expertise.factories import UserFactory
from tests.migrated_databases import MigratedCopy, migrations_digest

# The migrated copy this run's workers share (tests/migrated_databases.py); the browser journeys' stack is made
# from it on PostgreSQL.
MIGRATED_COPY = pytest.StashKey[MigratedCopy | None]()


@pytest.fixture(scope="session")
def migrated_copy(django_db_modify_db_settings, django_db_blocker) -> MigratedCopy:
    """This worker's test database filled from the run's migrated copy when one is there; otherwise this worker
    migrates it (pytest-django's django_db_setup) and saves the copy for the others."""
    copy = MigratedCopy(migrations_digest())
    settings = connection.settings_dict
    with django_db_blocker.unblock():
        if connection.vendor == "sqlite":
            name = connection.creation._get_test_db_name()
            if connection.creation.is_in_memory_db(name):
                copy.restore_sqlite(name)
        elif connection.vendor == "postgresql":
            copy.restore_postgres(
                f"test_{settings['NAME']}", settings["TEST"].get("NAME") or f"test_{settings['NAME']}"
            )
    return copy


@pytest.fixture(scope="session")
def django_db_keepdb(django_db_keepdb, migrated_copy):
    """A database restored from the copy is kept as it is: Django only checks it has nothing left to migrate."""
    return django_db_keepdb or migrated_copy.restored


@pytest.fixture(scope="session")
def django_db_createdb(django_db_createdb, migrated_copy):
    return django_db_createdb and not migrated_copy.restored


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, migrated_copy, request):
    """pytest-django's test database, migrated once per run (see migrated_copy)."""
    with django_db_blocker.unblock():
        migrated_copy.save()
    request.config.stash[MIGRATED_COPY] = migrated_copy if connection.vendor == "postgresql" else None
    # `make test` under CI=true lowers the SQLite pass's priority once its database is migrated (see test-both).
    if niceness := os.environ.get("ONRAMP_TEST_NICENESS"):
        os.nice(int(niceness))
    yield
    with django_db_blocker.unblock():
        migrated_copy.drop_restored()


@pytest.fixture(autouse=True)
def new_page_generation():
    """Caches of what pages show (onramp.page_generation) outlive each test's database in the local-memory
    cache and in each process's memory: each test starts every generation (the pages', access, problems, the
    term index's) anew, so none reads another's navigation tree, page counts or best pages."""
    from django.core.cache import cache

    from onramp.page_generation import GENERATIONS

    cache.delete_many([generation.key for generation in GENERATIONS])


@pytest.fixture
def home(db):
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def person(db):
    return UserFactory(first_name="Jill", last_name="Hartmann")


@pytest.fixture
def signed_in(client, person):
    client.force_login(person)
    return client


@pytest.fixture
def editor(db):
    from django.contrib.auth.models import Group

    user = UserFactory(first_name="Carrie", last_name="Trainer")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def admin_user(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


@pytest.fixture
def unreachable_mail_server(settings):
    """Email goes over SMTP to a port nobody listens on: every send fails as it would with the server down."""
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 2
    return port


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Makes `--dist loadgroup` group again: xdist 3.8 sends a test marked `xdist_group(name)` to the worker of
    its group by appending `@name` to the test's id, but writes the id where pytest 9 no longer reads it. This
    writes it where pytest 9 does; a pytest or xdist that no longer needs it is left alone."""
    if not getattr(config.option, "loadgroup", False):  # set on xdist's workers under --dist loadgroup
        return
    try:
        from _pytest.nodeid import coerce_node_id
    except ImportError:  # an older pytest, where xdist's own suffix works
        return
    for item in items:
        groups = sorted(
            {
                str(mark.args[0] if mark.args else mark.kwargs.get("name", "default"))
                for mark in item.iter_markers("xdist_group")
            }
        )
        if groups and "@" not in item.nodeid and hasattr(item, "_id"):
            item._id = coerce_node_id(f"{item.nodeid}@{'_'.join(groups)}")
