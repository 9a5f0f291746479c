"""One migration per test run: the first pytest worker to set up its test database migrates it and keeps a copy;
every other worker (and the browser journeys' stack) starts from that copy instead of migrating again.

On SQLite the copy is a file under `.test-databases/` (ignored by git), named by a digest of every migration
file, so a later run on the same checkout starts from it too until a migration changes. On PostgreSQL it is a
template database `<test database>_migrated`, remade whenever the digest (kept as the database's comment)
changes. Workers take turns through a file lock while one of them migrates.

The demo organisation (tests/demo) is kept the same way, once per run (LoadedCopy): the first worker to need it
loads it for real and saves the loaded database; another worker's database is replaced by that copy for the
demo's tests, then by the migrated copy again. The demo is dated from the moment it is loaded, so its copy is
named by the run as well as by a digest of the migrations and of Onramp's code and content.
"""

from __future__ import annotations

import fcntl
import hashlib
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.db import connection, connections
from django.db.migrations.loader import MigrationLoader

ROOT = Path(__file__).resolve().parent.parent
COPIES = ROOT / ".test-databases"


def migrations_digest() -> str:
    """A digest of every migration Django would apply (ours and the installed packages'), and Django's version."""
    digest = hashlib.sha256(django.get_version().encode())
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in sorted(loader.disk_migrations):
        module = sys.modules[type(loader.disk_migrations[key]).__module__]
        digest.update("/".join(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class MigratedCopy:
    """The copy this run's workers share. `restored` tells whether this worker's database came from it (so
    Django must keep, not recreate, the database); otherwise this worker holds the lock until it has saved one."""

    digest: str
    restored: bool = False
    template: str | None = None
    test_name: str | None = None  # the test database this worker's Django is expected to set up
    _lock: object = None
    _memory: sqlite3.Connection | None = field(default=None, repr=False)

    def lock(self, name: str) -> None:
        COPIES.mkdir(exist_ok=True)
        self._lock = (COPIES / f"{name}.lock").open("w")
        fcntl.flock(self._lock, fcntl.LOCK_EX)

    def unlock(self) -> None:
        if self._lock is not None:
            fcntl.flock(self._lock, fcntl.LOCK_UN)
            self._lock.close()
            self._lock = None

    # SQLite: the test database is in memory ("file:memorydb_default?mode=memory&cache=shared"); it lives while a
    # connection to it is open, so filling it before Django's setup leaves Django's migrate nothing to apply.
    def sqlite_file(self) -> Path:
        return COPIES / f"sqlite-{self.digest}.sqlite3"

    def restore_sqlite(self, memory_name: str) -> None:
        self.test_name = memory_name
        self.lock("sqlite")
        if not self.sqlite_file().exists():
            return  # this worker migrates and saves (save_sqlite); the others wait on the lock
        self._memory = sqlite3.connect(memory_name, uri=True, check_same_thread=False)
        with sqlite3.connect(self.sqlite_file()) as saved:
            saved.backup(self._memory)
        self.restored = True
        self.unlock()

    def save(self) -> None:
        """Saves the copy when this worker is the one that migrated (it holds the lock), then lets the others on."""
        if self._lock is None:
            return
        if connection.settings_dict["NAME"] != self.test_name:
            # No collected test needed a database, so Django set none up: there is nothing migrated to keep.
            self.template = None
            self.unlock()
            return
        if connection.vendor == "sqlite":
            self.save_sqlite()
        else:
            self.save_postgres()
        self.unlock()

    def save_sqlite(self) -> None:
        connection.ensure_connection()
        partial = self.sqlite_file().with_suffix(".partial")
        with sqlite3.connect(partial) as saved:
            connection.connection.backup(saved)
        partial.replace(self.sqlite_file())
        for stale in COPIES.glob("sqlite-*.sqlite3"):
            if stale != self.sqlite_file():
                stale.unlink()

    # PostgreSQL: CREATE DATABASE ... TEMPLATE copies a migrated database in a second or two.
    def restore_postgres(self, base: str, name: str) -> None:
        self.template = f"{base}_migrated"
        self.test_name = name
        self.lock(self.template)
        with server_connection() as server:
            found = server.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [self.template]
            ).fetchone()
            if found is None or found[0] != self.digest:
                server.execute(f'DROP DATABASE IF EXISTS "{self.template}"')
                return  # this worker migrates and saves (save_postgres); the others wait on the lock
            server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        self.restored = True
        self.unlock()

    def save_postgres(self) -> None:
        connections.close_all()  # a template must have no open connection while it is copied
        with server_connection() as server:
            server.execute(f'CREATE DATABASE "{self.template}" TEMPLATE "{connection.settings_dict["NAME"]}"')
            server.execute(f"COMMENT ON DATABASE \"{self.template}\" IS '{self.digest}'")

    def clone(self, name: str) -> None:
        """A database of the given name copied from the template (the browser journeys' stack)."""
        self.lock(self.template)
        try:
            with server_connection() as server:
                server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{self.template}"')
        finally:
            self.unlock()

    def drop_restored(self) -> None:
        """Django keeps a database it was told to keep: the copy this worker restored is dropped here."""
        if self.restored and connection.vendor == "postgresql":
            connections.close_all()
            with server_connection() as server:
                server.execute(f'DROP DATABASE IF EXISTS "{self.test_name}" WITH (FORCE)')


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


def source_digest(*parts: str) -> str:
    """A digest of `parts` and of every file in the checkout's Python packages but the tests (Onramp's code,
    templates and the demo's content)."""
    digest = hashlib.sha256("\0".join(parts).encode())
    for package in sorted(ROOT.iterdir()):
        if package.name == "tests" or not (package / "__init__.py").is_file():
            continue
        for path in sorted(package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                digest.update(str(path.relative_to(ROOT)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@contextmanager
def file_lock(name: str) -> Iterator[None]:
    COPIES.mkdir(exist_ok=True)
    with (COPIES / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


STALE_AFTER = 6 * 3600  # seconds: a demo copy left by an earlier run (each run names its own)


@dataclass
class LoadedCopy:
    """This run's copy of the test database with the demo loaded, made from the migrated copy's database."""

    migrated: MigratedCopy
    digest: str

    @classmethod
    def for_run(cls, migrated: MigratedCopy, run: str) -> LoadedCopy | None:
        """None when there is no migrated copy to come back to after the demo (a database in a file)."""
        if connection.vendor == "sqlite":
            usable = migrated.test_name is not None and migrated.sqlite_file().exists()
        else:
            usable = connection.vendor == "postgresql" and migrated.template is not None
        return cls(migrated, source_digest(migrated.digest, run)) if usable else None

    def sqlite_file(self) -> Path:
        return COPIES / f"demo-sqlite-{self.digest}.sqlite3"

    def template(self) -> str:
        return self.migrated.template.removesuffix("_migrated") + "_demo"

    def take(self, load: Callable[[], None]) -> None:
        """Replaces this worker's test database by the copy; the first worker to get here calls `load`, which
        commits the demo in it, and saves the copy for the others (who wait on the lock meanwhile)."""
        assert not connection.in_atomic_block, "the demo's database is replaced outside any transaction"
        if connection.vendor == "sqlite":
            with file_lock("demo-sqlite"):
                if self.sqlite_file().exists():
                    replace_sqlite(self.sqlite_file())
                else:
                    load()
                    self.save_sqlite()
        else:
            with file_lock(self.template()):
                if self.saved_postgres():
                    replace_postgres(self.template())
                else:
                    load()
                    self.save_postgres()

    def give_back(self) -> None:
        """This worker's test database is the migrated copy again, as the tests outside tests/demo expect."""
        if connection.vendor == "sqlite":
            replace_sqlite(self.migrated.sqlite_file())
        else:
            with file_lock(self.migrated.template):
                replace_postgres(self.migrated.template)

    def save_sqlite(self) -> None:
        partial = self.sqlite_file().with_suffix(".partial")
        with closing(sqlite3.connect(partial)) as saved:
            connection.connection.backup(saved)
        partial.replace(self.sqlite_file())
        for stale in COPIES.glob("demo-sqlite-*.sqlite3"):
            if time.time() - stale.stat().st_mtime > STALE_AFTER:
                stale.unlink(missing_ok=True)

    def saved_postgres(self) -> bool:
        with server_connection() as server:
            found = server.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [self.template()]
            ).fetchone()
        return found is not None and found[0] == self.digest

    def save_postgres(self) -> None:
        connections.close_all()
        with server_connection() as server:
            server.execute(f'DROP DATABASE IF EXISTS "{self.template()}"')
            server.execute(f'CREATE DATABASE "{self.template()}" TEMPLATE "{connection.settings_dict["NAME"]}"')
            server.execute(f"COMMENT ON DATABASE \"{self.template()}\" IS '{self.digest}'")


def replace_sqlite(saved: Path) -> None:
    """Overwrites the in-memory test database, through Django's own connection, with a saved one."""
    connection.ensure_connection()
    with closing(sqlite3.connect(saved)) as source:
        source.backup(connection.connection)


def replace_postgres(template: str) -> None:
    name = connection.settings_dict["NAME"]
    connections.close_all()
    with server_connection() as server:
        server.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        server.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
