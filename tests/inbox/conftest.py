from tests.services.conftest import celery_worker, services  # noqa: F401
