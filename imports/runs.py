"""The admin's history of imports: one ImportRun per import, with its summary and its report."""

from django.utils import timezone

from imports.models import ImportRun


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
        summary=summary,
        report=report.as_text(),
    )
