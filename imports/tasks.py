import zipfile

from celery import shared_task

from django.core.cache import cache
from django.utils import timezone

from imports.markdown_tree import TreeImportError, import_markdown_tree
from imports.models import ImportRun
from imports.sources import ZipSource


def progress_key(run_id: int) -> str:
    return f"imports:progress:{run_id}"


@shared_task(acks_late=True)
def run_markdown_import(run_id: int) -> None:
    """Imports an uploaded zip; progress goes to the cache (the import itself is one transaction, so the
    database only shows the outcome)."""
    run = ImportRun.objects.select_related("started_by").get(pk=run_id)
    if run.status != ImportRun.Status.QUEUED:
        return  # already handled: a redelivered message must not import twice
    ImportRun.objects.filter(pk=run.pk).update(status=ImportRun.Status.RUNNING)
    options = run.summary.get("options", {})

    def progress(done: int, total: int, path: str) -> None:
        cache.set(progress_key(run.pk), {"done": done, "total": total, "path": path}, timeout=3600)

    try:
        from wagtail.models import Page

        under = Page.objects.get(pk=options["under"]).specific
        history_text = None
        if run.history:
            with run.history.open("rb") as history:
                history_text = history.read().decode("utf-8-sig")
        with run.upload.open("rb") as upload, zipfile.ZipFile(upload) as archive:
            report = import_markdown_tree(
                ZipSource(archive, name=run.source),
                under=under,
                owner=run.started_by,
                history_text=history_text,
                dry_run=run.dry_run,
                unpublish_missing=options.get("unpublish_missing", False),
                progress=progress,
            )
    except (TreeImportError, zipfile.BadZipFile, KeyError, Page.DoesNotExist, UnicodeDecodeError) as error:
        cache.delete(progress_key(run.pk))
        ImportRun.objects.filter(pk=run.pk).update(
            status=ImportRun.Status.FAILED, finished_at=timezone.now(), report=f"The import could not run: {error}"
        )
        return
    cache.delete(progress_key(run.pk))
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.DONE,
        finished_at=timezone.now(),
        total=report.files,
        done=report.files,
        summary={**report.summary(), "options": options},
        report=report.as_text(),
    )
