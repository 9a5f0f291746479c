"""Data migrations are tested by migrating the test database back to before them, writing rows as they were, and
migrating forward again."""

from django.apps.registry import Apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate_to(targets: list[tuple[str, str]] | None = None) -> Apps:
    """Migrates the test database to `targets` (app, migration), or to the latest migrations when None, and
    returns the models as they are there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    targets = targets if targets is not None else executor.loader.graph.leaf_nodes()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps
