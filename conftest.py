import pytest

from django.db import connection, connections

from wagtail.models import Site

from expertise.factories import UserFactory

# Where the browser journeys' stack finds a freshly migrated copy of the test database (see django_db_setup).
MIGRATED_TEMPLATE = pytest.StashKey[str | None]()


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker, request):
    """pytest-django's test database; on PostgreSQL, when browser journeys are collected, also a copy of it taken
    right after its migrations, before any test writes to it. The journeys' stack is created from that copy
    (CREATE DATABASE ... TEMPLATE, a second or two) instead of migrating a database of its own (half a minute)."""
    template = None
    source = connection.settings_dict["NAME"]
    browser = any(item.get_closest_marker("browser") for item in request.session.items)
    # pytest-django makes the test database only when a collected test uses one; its name starts with test_.
    if connection.vendor == "postgresql" and browser and source.startswith("test_"):
        template = f"{source}_migrated"
        with django_db_blocker.unblock():
            connections.close_all()  # a template must have no open connection while it is copied
            with server_connection() as server:
                server.execute(f'DROP DATABASE IF EXISTS "{template}"')
                server.execute(f'CREATE DATABASE "{template}" TEMPLATE "{source}"')
    request.config.stash[MIGRATED_TEMPLATE] = template
    yield
    if template:
        with server_connection() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{template}" WITH (FORCE)')


def server_connection():
    """An autocommit connection to the test database's PostgreSQL server, outside any database of the tests."""
    import psycopg

    settings = connection.settings_dict
    return psycopg.connect(
        dbname="postgres",
        host=settings["HOST"] or None,
        port=settings["PORT"] or None,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        autocommit=True,
    )


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
