"""Background work: thin tasks that take ids, re-read the rows and call the rules. Each is safe to run twice."""

from celery import shared_task

from forums import digests, notices, propagation
from forums.models import Gap, RevisionTask

RETRY = {"acks_late": True, "autoretry_for": (Exception,), "retry_backoff": 30, "max_retries": 5}


@shared_task(**RETRY)
def notify_experts_of_gap(gap_id: int) -> int:
    gap = Gap.objects.filter(pk=gap_id).first()
    return notices.notify_experts(gap) if gap else 0


@shared_task(**RETRY)
def notify_task_assigned(task_id: int) -> bool:
    task = RevisionTask.objects.select_related("assignee", "gap", "new_page_parent").filter(pk=task_id).first()
    return notices.notify_assignee(task) if task else False


@shared_task(**RETRY)
def notify_gap_closed(gap_id: int) -> int:
    gap = Gap.objects.filter(pk=gap_id).first()
    return notices.notify_closed(gap) if gap else 0


@shared_task(**RETRY)
def review_materials_after_publish(page_id: int, revision_id: int) -> int:
    """Change propagation for one publication; the unique (material, revision) constraint makes reruns no-ops."""
    from wagtail.models import Page, Revision

    page = Page.objects.filter(pk=page_id).first()
    revision = Revision.objects.filter(pk=revision_id).first()
    if page is None or revision is None:
        return 0
    return len(propagation.propagate_page_change(page=page.specific, revision=revision))


@shared_task(**RETRY)
def send_overdue_digest() -> int:
    """Daily at 07:00: each assignee with overdue tasks hears about them once that day."""
    return digests.overdue_digest()


@shared_task(**RETRY)
def send_weekly_gap_digest() -> int:
    """Mondays at 07:00: trainers get the open gap queue in one message."""
    return digests.weekly_gap_digest()
