"""Deployment checks for imports."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.core.checks import Tags, Warning, register


def cache_is_process_local() -> bool:
    return isinstance(caches["default"], LocMemCache)


@register(Tags.caches, deploy=True)
def progress_needs_a_shared_cache(app_configs, **kwargs):
    if settings.CELERY_BROKER_URL and cache_is_process_local():
        return [
            Warning(
                "Imports run in Celery workers, but the cache is local to each process, so the admin cannot show "
                "an import's progress while it runs.",
                hint="Set REDIS_URL so that web and worker processes share a cache.",
                id="imports.W001",
            )
        ]
    return []
