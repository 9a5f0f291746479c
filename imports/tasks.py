import logging

from celery import shared_task

from django.conf import settings
from django.core.cache import cache

from imports.models import ImportRun
from imports.people import PeopleFormatError, import_people
from imports.people_sources import PeopleSourceError, read_people_source, shown_source
from imports.runs import claim_run, fail_run, failure_reason, finish_run, import_upload, record_failed_run, record_run

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


@shared_task
def import_people_from_source() -> int | None:
    """The scheduled HR import: reads PEOPLE_IMPORT_SOURCE and imports it as `import_people` does, recording
    the run either way. The import is one transaction, so a failure leaves nothing of it behind."""
    source = settings.PEOPLE_IMPORT_SOURCE
    if not source:
        return None
    shown = shown_source(source)
    try:
        report = import_people(read_people_source(source))
    except (PeopleSourceError, PeopleFormatError) as error:
        run = record_failed_run(kind=ImportRun.Kind.PEOPLE, source=shown, reason=f"The import could not run: {error}")
    except Exception as error:  # noqa: BLE001 - every failure is the run's outcome, shown in the history
        logger.exception("The scheduled people import from %s failed", shown)
        run = record_failed_run(kind=ImportRun.Kind.PEOPLE, source=shown, reason=failure_reason(error))
    else:
        run = record_run(kind=ImportRun.Kind.PEOPLE, source=shown, report=report, dry_run=False)
    return run.pk
