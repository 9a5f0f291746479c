"""The admin's history of imports: one ImportRun per import, with its summary and its report.

An uploaded tree's run is queued by the upload, claimed by exactly one worker and always ends done or
failed: any error fails it with the reason, and a run still "running" after the task time limit (which
stops any task that runs longer) lost its worker and is failed when the history is next shown."""

import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from celery.exceptions import SoftTimeLimitExceeded

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from imports.markdown_tree import ImportReport, TreeImportError, import_markdown_tree
from imports.models import ImportRun
from imports.sources import ArchiveRefused, ZipSource

WORKER_STOPPED = (
    "The worker running this import stopped before it finished (it was shut down, or ran past the time "
    "limit): nothing it had not finished was saved. Upload the archive again."
)


def record_run(*, kind: str, source: str, report, dry_run: bool, user=None) -> ImportRun:
    summary = (
        report.summary()
        if hasattr(report, "summary")
        else {
            "created": report.created,
            "updated": report.updated,
            "errors": len(report.errors),
        }
    )
    return ImportRun.objects.create(
        kind=kind,
        source=source[:500],
        dry_run=dry_run,
        status=ImportRun.Status.DONE,
        started_by=user,
        finished_at=timezone.now(),
        summary={**summary, **links_of(report)},
        report=report.as_text(),
    )


def links_of(report) -> dict:
    """The pages and lists the run's page links to (a tree import's; a people import has none)."""
    return report.links() if hasattr(report, "links") else {}


def record_failed_run(*, kind: str, source: str, reason: str) -> ImportRun:
    now = timezone.now()
    return ImportRun.objects.create(
        kind=kind, source=source[:500], status=ImportRun.Status.FAILED, started_at=now, finished_at=now, report=reason
    )


def claim_run(run_id: int) -> bool:
    """Marks a queued run as running. One UPDATE decides, so of two workers handed the same run (a message
    delivered twice) only the one that gets True may run it."""
    claimed = ImportRun.objects.filter(pk=run_id, status=ImportRun.Status.QUEUED).update(
        status=ImportRun.Status.RUNNING, started_at=timezone.now()
    )
    return claimed == 1


def import_upload(run: ImportRun, *, progress: Callable[[int, int, str], None]) -> ImportReport:
    """Imports a run's uploaded zip (and history) under the page its options name."""
    options = run.summary.get("options", {})
    under = Page.objects.filter(pk=options.get("under")).first()
    if under is None:
        raise TreeImportError(f"the page to import under (id {options.get('under')}) no longer exists")
    history_text = None
    if run.history:
        with run.history.open("rb") as history:
            history_text = history.read().decode("utf-8-sig")
    with run.upload.open("rb") as upload, zipfile.ZipFile(upload) as archive:
        return import_markdown_tree(
            ZipSource(archive, name=run.source),
            under=under.specific,
            owner=run.started_by,
            history_text=history_text,
            dry_run=run.dry_run,
            unpublish_missing=options.get("unpublish_missing", False),
            progress=progress,
        )


def finish_run(run: ImportRun, report: ImportReport) -> None:
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.DONE,
        finished_at=timezone.now(),
        total=report.files,
        done=report.files,
        summary={**report.summary(), **links_of(report), "options": run.summary.get("options", {})},
        report=report.as_text(),
    )


def fail_run(run: ImportRun, *, reason: str) -> None:
    ImportRun.objects.filter(pk=run.pk).update(
        status=ImportRun.Status.FAILED, finished_at=timezone.now(), report=reason
    )


def failure_reason(error: Exception) -> str:
    """What the run page says about an import that stopped; the import is one transaction, so an error
    leaves nothing of it behind."""
    if isinstance(error, TreeImportError | ArchiveRefused | zipfile.BadZipFile | UnicodeDecodeError):
        return f"The import could not run: {error}"
    if isinstance(error, SoftTimeLimitExceeded):
        return (
            f"The import took longer than the {settings.CELERY_TASK_SOFT_TIME_LIMIT} seconds a task may run, "
            "so it was stopped and nothing was saved. Split the tree, or import it with the import_markdown "
            "command."
        )
    return f"The import stopped on an unexpected error and nothing was saved: {type(error).__name__}: {error}"


def fail_stalled_runs() -> int:
    """Fails the runs whose worker stopped. Read before written, so that showing the history writes
    nothing (and waits for no database lock) while no run has stalled."""
    cutoff = timezone.now() - timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT)
    stalled = ImportRun.objects.filter(status=ImportRun.Status.RUNNING, started_at__lt=cutoff)
    if not stalled.exists():
        return 0
    return stalled.update(status=ImportRun.Status.FAILED, finished_at=timezone.now(), report=WORKER_STOPPED)


@dataclass(frozen=True)
class ReportLine:
    """One line of a run's report: the file it is about, what is said of it, and the page the file became
    (None when the file became none, or the page is gone since)."""

    path: str | None
    detail: str = ""
    page: Page | None = None
    outcome: str = ""


@dataclass(frozen=True)
class LinkedReport:
    headline: str
    written: list[ReportLine]  # the pages created, then those updated
    sections: list[tuple[str, list[ReportLine]]]  # the report's lists that have something in them


def linked_report(run: ImportRun) -> LinkedReport | None:
    """A finished tree import's report with each file's page, read in one query; None for a run whose report
    has no lists (a people import, a failed run, or one from before reports kept them)."""
    if "sections" not in run.summary:
        return None
    ids = run.summary.get("pages", {})
    pages = Page.objects.in_bulk(set(ids.values()))

    def line(path: str | None, detail: str = "", outcome: str = "") -> ReportLine:
        return ReportLine(path=path, detail=detail, page=pages.get(ids.get(path)) if path else None, outcome=outcome)

    written = [line(path, outcome=_("created")) for path in run.summary.get("created_pages", [])]
    written += [line(path, outcome=_("updated")) for path in run.summary.get("updated_pages", [])]
    sections = [
        (heading, [line(path, detail) for path, detail in items]) for heading, items in run.summary["sections"] if items
    ]
    return LinkedReport(headline=run.report.split("\n", 1)[0], written=written, sections=sections)
