import logging

from celery import shared_task

from django.core.cache import cache

from imports.models import ImportRun
from imports.runs import claim_run, fail_run, failure_reason, finish_run, import_upload

logger = logging.getLogger(__name__)


def progress_key(run_id: int) -> str:
    return f"imports:progress:{run_id}"


@shared_task(acks_late=True)
def run_markdown_import(run_id: int) -> None:
    """Imports an uploaded zip; progress goes to the cache (the import itself is one transaction, so the
    database only shows the outcome). Whatever goes wrong, the run ends failed with the reason."""
    if not claim_run(run_id):
        return  # another worker has it or had it: a message delivered twice must not import twice
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)

    def progress(done: int, total: int, path: str) -> None:
        cache.set(progress_key(run.pk), {"done": done, "total": total, "path": path}, timeout=3600)

    try:
        report = import_upload(run, progress=progress)
    except Exception as error:  # noqa: BLE001 - every failure is the run's outcome, shown on its page
        logger.exception("Import run %s failed", run.pk)
        fail_run(run, reason=failure_reason(error))
    else:
        finish_run(run, report)
    finally:
        cache.delete(progress_key(run.pk))
