"""Digests sent by Celery beat: overdue tasks daily to their assignees, the open gap queue weekly to trainers.

Each digest's key names its day or week, so a beat that fires twice, or a retried task, sends it once."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Count, Min, Q
from django.urls import reverse
from django.utils import timezone

import inbox
from expertise.time_zones import today_for
from forums.dashboard import process_name_for, queue_by_process
from forums.models import OPEN_GAP_STATUSES, OPEN_TASK_STATUSES, Gap, RevisionTask
from wiki.visibility import request_of


def overdue_digest(*, today: date | None = None, now: datetime | None = None) -> int:
    """Each active assignee with tasks due before their own today (in their time zone, unless `today` fixes one
    day for everyone) hears about them once that day."""
    now = now or timezone.now()
    # Every zone's date is within a day of UTC's: the query takes the widest window, each person their own day.
    latest = today or now.astimezone(UTC).date() + timedelta(days=1)
    overdue = (
        RevisionTask.objects.filter(status__in=OPEN_TASK_STATUSES, due_date__lt=latest, assignee__is_active=True)
        .select_related("assignee__profile")
        .order_by("assignee_id", "due_date")
    )
    by_person = defaultdict(list)
    for task in overdue:
        by_person[task.assignee].append(task)
    sent = 0
    for person, tasks in by_person.items():
        their_today = today or today_for(person, now=now)
        overdue_tasks = [
            {"task": task, "days_late": (their_today - task.due_date).days}
            for task in tasks
            if task.due_date < their_today
        ]
        if not overdue_tasks:
            continue
        sent += (
            inbox.notify_from_templates(
                person,
                template="forums/notifications/overdue_digest",
                context={"overdue": overdue_tasks},
                kind="overdue-digest",
                url=reverse("forums:my_tasks"),
                key=f"overdue-digest:{their_today.isoformat()}",
            )
            is not None
        )
    return sent


def trainers():
    permission = Permission.objects.get(content_type__app_label="forums", codename="triage_gap")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(groups__permissions=permission) | Q(user_permissions=permission))
        .distinct()
    )


def weekly_gap_digest(*, today=None) -> int:
    today = today or timezone.localdate()
    year, week, _ = today.isocalendar()
    open_gaps = Gap.objects.filter(status__in=OPEN_GAP_STATUSES)
    summary = open_gaps.aggregate(total=Count("pk"), new=Count("pk", filter=Q(status="new")), oldest=Min("created_at"))
    if not summary["total"]:
        return 0
    week_ago = timezone.now() - timedelta(days=7)
    raised = Gap.objects.filter(created_at__gte=week_ago).count()
    closed = Gap.objects.filter(closed_at__gte=week_ago).count()
    by_process = queue_by_process()[:10]
    counts = {"week": week, "total": summary["total"], "new": summary["new"], "raised": raised, "closed": closed}
    sent = 0
    for trainer in trainers():
        reader = request_of(trainer)
        processes = [{"name": process_name_for(group, reader), "count": group.count} for group in by_process]
        sent += (
            inbox.notify_from_templates(
                trainer,
                template="forums/notifications/gap_digest",
                context={**counts, "processes": processes},
                kind="gap-digest",
                url=reverse("forums:dashboard"),
                key=f"gap-digest:{year}-W{week:02d}",
            )
            is not None
        )
    return sent
