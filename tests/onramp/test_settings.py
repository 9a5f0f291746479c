import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def settings_value(module: str, expression: str, *, setup: bool = False, **env: str) -> subprocess.CompletedProcess:
    """Prints `expression` from a fresh process with these settings and environment. Reading settings only
    imports the settings module; `setup` loads every app too (seconds), for what needs them."""
    start = "import django; django.setup(); " if setup else ""
    code = f"{start}from django.conf import settings; print({expression})"
    unset = {"DATABASE_URL", "CELERY_BROKER_URL", "SECRET_KEY", "WAGTAILADMIN_BASE_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(DJANGO_SETTINGS_MODULE=module, **env)
    return subprocess.run(  # noqa: S603 - the test's own Python with fixed code
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_with_nothing_set_onramp_uses_sqlite_database_search_and_eager_celery():
    result = settings_value(
        "onramp.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.WAGTAILSEARCH_BACKENDS['default']['BACKEND'],"
        " settings.CELERY_TASK_ALWAYS_EAGER, settings.DEBUG",
    )
    # Wagtail's database search, wrapped so that it keeps Onramp's term statistics (search/backends/indexed.py).
    assert result.stdout.strip() == "django.db.backends.sqlite3 search.backends.indexed True True"


def test_without_redis_each_process_caches_in_memory_with_room_for_the_wikis_pages():
    result = settings_value(
        "onramp.settings.dev",
        "__import__('django.core.cache').core.cache.cache._max_entries, type(__import__('django.core.cache')"
        ".core.cache.caches['default']).__name__",
        setup=True,
    )
    assert result.stdout.strip() == "5000 LocMemCache", result.stderr


def test_the_environment_chooses_postgresql_a_broker_and_elasticsearch():
    result = settings_value(
        "onramp.settings.dev",
        "settings.DATABASES['default']['ENGINE'], settings.CELERY_TASK_ALWAYS_EAGER,"
        " settings.WAGTAILSEARCH_BACKENDS['default']['URLS']",
        DATABASE_URL="postgres://onramp@db.internal:5432/onramp",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        ELASTICSEARCH_URL="http://search.internal:9200",
    )
    assert result.stdout.strip() == "django.db.backends.postgresql False ['http://search.internal:9200']"


def test_postgresql_connections_compile_no_query_just_in_time_and_keep_options_from_the_url():
    result = settings_value(
        "onramp.settings.dev",
        "settings.DATABASES['default']['OPTIONS']",
        DATABASE_URL="postgres://onramp@db.internal:5432/onramp?options=-c%20statement_timeout%3D5000",
    )
    assert result.stdout.strip() == "{'options': '-c statement_timeout=5000 -c jit=off'}", result.stderr


@pytest.mark.postgres
@pytest.mark.django_db
def test_a_postgresql_connection_compiles_no_query_just_in_time():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("SQLite compiles no query just in time")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_value("onramp.settings.production", "settings.DEBUG")
    assert result.returncode != 0
    assert "Set SECRET_KEY in the environment" in result.stderr


def test_production_refuses_to_start_without_the_address_links_in_emails_start_with():
    for missing_or_relative in ("", "onramp.example.com"):
        result = settings_value(
            "onramp.settings.production",
            "settings.WAGTAILADMIN_BASE_URL",
            SECRET_KEY="x" * 50,
            WAGTAILADMIN_BASE_URL=missing_or_relative,
        )
        assert result.returncode != 0
        assert "Set WAGTAILADMIN_BASE_URL in the environment" in result.stderr


def test_production_is_not_in_debug_and_uses_secure_cookies():
    result = settings_value(
        "onramp.settings.production",
        "settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS > 0,"
        " settings.WAGTAILADMIN_BASE_URL",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="onramp.example.com",
        WAGTAILADMIN_BASE_URL="https://onramp.example.com",
    )
    assert result.stdout.strip() == "False True True https://onramp.example.com"


def test_make_run_s_sqlite_database_reads_while_another_process_writes(tmp_path):
    result = settings_value(
        "onramp.settings.dev",
        "__import__('django.db').db.connection.cursor().execute('PRAGMA journal_mode').fetchone()[0],"
        " __import__('django.db').db.connection.cursor().execute('PRAGMA synchronous').fetchone()[0],"
        " settings.DATABASES['default']['OPTIONS']['transaction_mode']",
        DATABASE_URL=f"sqlite:///{tmp_path / 'onramp.sqlite3'}",
    )
    assert result.stdout.strip() == "wal 1 IMMEDIATE", result.stderr  # synchronous 1 is NORMAL


def test_a_malformed_boolean_names_the_variable():
    result = settings_value("onramp.settings.dev", "settings.EMAIL_USE_TLS", EMAIL_USE_TLS="perhaps")
    assert "EMAIL_USE_TLS must be true or false" in result.stderr


def test_the_celery_app_reads_its_configuration_from_django_settings():
    result = settings_value(
        "onramp.settings.dev",
        "__import__('onramp').celery_app.conf.task_serializer, __import__('onramp').celery_app.conf.task_acks_late",
    )
    assert result.stdout.strip() == "json True"


def test_the_production_settings_pass_django_s_deployment_checks():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "onramp.settings.production",
        "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
        "ALLOWED_HOSTS": "onramp.example.com",
        "WAGTAILADMIN_BASE_URL": "https://onramp.example.com",
        "REDIS_URL": "redis://127.0.0.1:6379/3",
    }
    result = subprocess.run(  # noqa: S603 - the test's own Python with fixed arguments
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert "no issues" in result.stdout


def test_beat_runs_each_task_at_its_time_of_day_not_every_n_hours_from_its_start():
    from celery.schedules import crontab

    from django.conf import settings

    def when(name: str) -> tuple:
        schedule = settings.CELERY_BEAT_SCHEDULE[name]["schedule"]
        assert isinstance(schedule, crontab), name
        return sorted(schedule.day_of_week), sorted(schedule.hour), sorted(schedule.minute)

    every_day, every_hour = list(range(7)), list(range(24))
    assert when("send-overdue-task-digest") == (every_day, [7], [0])
    assert when("send-weekly-gap-digest") == ([1], [7], [0])
    assert when("recompute-expertise-scores") == (every_day, [2], [0])
    assert when("send-check-in-reminders") == (every_day, every_hour, [0])
    assert settings.CELERY_BEAT_SCHEDULE["send-pending-tasks"]["schedule"] == 60


def test_the_readme_s_configuration_table_lists_every_variable_the_settings_read():
    import re

    read = set()
    for module in (ROOT / "onramp" / "settings").glob("*.py"):
        read |= set(re.findall(r'\benv(?:_bool|_list|_pairs)?\(\s*"([A-Z][A-Z0-9_]+)"', module.read_text()))
    table = "\n".join(line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith("| `"))
    listed = set(re.findall(r"`([A-Z][A-Z0-9_]+)`", table))
    assert len(read) > 40, "the settings were not read"
    assert read - listed == set()


def test_sessions_are_read_from_the_cache_only_when_it_is_shared():
    engine = "settings.SESSION_ENGINE"
    assert settings_value("onramp.settings.dev", engine).stdout.strip() == "django.contrib.sessions.backends.db"
    shared = settings_value("onramp.settings.dev", engine, REDIS_URL="redis://127.0.0.1:6379/1")
    assert shared.stdout.strip() == "django.contrib.sessions.backends.cached_db", shared.stderr
