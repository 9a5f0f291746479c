"""Revision tasks move open → in progress → in review → done; a gap whose tasks are all done is resolved.

A page task is done when the page was published after the task opened and the assignee confirms it; a
material task is done as soon as the material's review date moves past the date it had when the task
opened (the trainer saving the material is the confirmation)."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from expertise.models import EvidenceKind
from expertise.recording import record_from_source
from forums.gaps import can_triage
from forums.models import (
    OPEN_GAP_STATUSES,
    Gap,
    GapStatus,
    RevisionTask,
    TaskKind,
    TaskStatus,
)
from wiki.models import TrainingMaterial

STEPS = [TaskStatus.OPEN, TaskStatus.IN_PROGRESS, TaskStatus.IN_REVIEW]


def can_work_on(user: AbstractBaseUser, task: RevisionTask) -> bool:
    return user.is_authenticated and (task.assignee_id == user.pk or can_triage(user, task.gap))


@transaction.atomic
def move_task(*, task: RevisionTask, by: AbstractBaseUser, status: str) -> RevisionTask:
    """Moves a task between open, in progress and in review (done has its own rules: see complete_task)."""
    if not can_work_on(by, task):
        raise PermissionDenied(_("Only the assignee or a trainer may update this task."))
    task = RevisionTask.objects.select_for_update().get(pk=task.pk)
    if status not in STEPS:
        raise ValidationError({"status": _("Choose open, in progress or in review; “done” is confirmed separately.")})
    if not task.is_open:
        raise ValidationError(_("This task is already %(status)s.") % {"status": task.get_status_display().lower()})
    task.status = status
    task.save(update_fields=["status"])
    if task.gap_id and status != TaskStatus.OPEN:
        Gap.objects.filter(pk=task.gap_id, status=GapStatus.TRIAGED).update(status=GapStatus.IN_REVISION)
    return task


def published_since(page: Page, moment) -> bool:
    return page.live and page.last_published_at is not None and page.last_published_at > moment


def material_reviewed_since_opening(task: RevisionTask, material: TrainingMaterial) -> bool:
    if material.last_reviewed is None:
        return False
    before = task.material_reviewed_when_opened
    return before is None or material.last_reviewed > before


@transaction.atomic
def complete_task(*, task: RevisionTask, by: AbstractBaseUser, new_page: Page | None = None) -> RevisionTask:
    """Confirms a task done when its page or material really changed since it opened."""
    if not can_work_on(by, task):
        raise PermissionDenied(_("Only the assignee or a trainer may confirm this task."))
    task = RevisionTask.objects.select_for_update().get(pk=task.pk)
    if not task.is_open:
        raise ValidationError(_("This task is already %(status)s.") % {"status": task.get_status_display().lower()})
    if task.kind == TaskKind.PAGE:
        if task.page_id is None:
            raise ValidationError(
                _(
                    "“%(title)s” was deleted after the task opened: a trainer can cancel this task "
                    "or open a new one on another page."
                )
                % {"title": task.subject_title}
            )
        page = task.page.specific
        if not published_since(page, task.opened_at):
            raise ValidationError(
                _("“%(title)s” has no published revision since this task opened: publish your changes first.")
                % {"title": page.title}
            )
    elif task.kind == TaskKind.NEW_PAGE:
        if new_page is None:
            raise ValidationError({"new_page": _("Choose the page you wrote.")})
        page = Page.objects.filter(pk=new_page.pk).first()
        if page is None or not page.live or not page.first_published_at or page.first_published_at <= task.opened_at:
            raise ValidationError({"new_page": _("Choose a page published after this task opened.")})
        task.page = page
    else:
        material = TrainingMaterial.objects.filter(pk=task.material_id).first()
        if material is None:
            raise ValidationError(_("“%(title)s” was deleted after the task opened.") % {"title": task.subject_title})
        if not material_reviewed_since_opening(task, material):
            raise ValidationError(
                _("Update the review date of “%(title)s” when you have revised it; the task closes with it.")
                % {"title": material.title}
            )
    return finish(task, by=by)


def finish(task: RevisionTask, *, by: AbstractBaseUser | None) -> RevisionTask:
    task.status = TaskStatus.DONE
    task.done_at = timezone.now()
    task.done_by = by
    task.save(update_fields=["status", "done_at", "done_by", "page"])
    topics = task_topics(task)
    if task.assignee is not None and topics:
        record_from_source(person=task.assignee, topics=topics, kind=EvidenceKind.TASK_COMPLETED, source=task)
    if task.gap_id:
        resolve_if_done(task.gap)
    return task


def task_topics(task: RevisionTask) -> list:
    if task.gap_id:
        topics = list(task.gap.topics.all())
        if topics:
            return topics
    if task.page_id and hasattr(task.page.specific_deferred, "topics"):
        return list(task.page.specific_deferred.topics.all())
    if task.material_id:
        return list(task.material.topics.all())
    return []


@transaction.atomic
def resolve_if_done(gap: Gap) -> bool:
    """Resolves an open gap once every one of its (not cancelled) tasks is done; credits the assignees."""
    gap = Gap.objects.select_for_update().get(pk=gap.pk)
    if gap.status not in OPEN_GAP_STATUSES:
        return False
    tasks = list(gap.tasks.exclude(status=TaskStatus.CANCELLED).select_related("assignee"))
    if not tasks or any(task.status != TaskStatus.DONE for task in tasks):
        return False
    gap.status = GapStatus.RESOLVED
    gap.closed_at = timezone.now()
    gap.save(update_fields=["status", "closed_at"])
    topics = list(gap.topics.all())
    if topics:
        for assignee in {task.assignee for task in tasks if task.assignee is not None}:
            record_from_source(person=assignee, topics=topics, kind=EvidenceKind.GAP_RESOLVED, source=gap)
    from forums.tasks import notify_gap_closed

    transaction.on_commit(lambda: notify_gap_closed.delay(gap.pk))
    return True


@transaction.atomic
def material_reviewed(material: TrainingMaterial) -> list[RevisionTask]:
    """Closes the open material tasks whose material now has a newer review date."""
    done = []
    open_tasks = RevisionTask.objects.select_for_update().filter(
        material=material, kind__in=[TaskKind.MATERIAL, TaskKind.MATERIAL_REVIEW], status__in=STEPS
    )
    for task in open_tasks:
        if material_reviewed_since_opening(task, material):
            done.append(finish(task, by=task.assignee))
    return done


@transaction.atomic
def cancel_task(*, task: RevisionTask, by: AbstractBaseUser) -> RevisionTask:
    """Trainers cancel a task that cannot be done (its page was deleted, say); the task stays as history."""
    if not can_triage(by, task.gap):
        raise PermissionDenied(_("Only trainers may cancel tasks."))
    task = RevisionTask.objects.select_for_update().get(pk=task.pk)
    if not task.is_open:
        raise ValidationError(_("This task is already %(status)s.") % {"status": task.get_status_display().lower()})
    task.status = TaskStatus.CANCELLED
    task.save(update_fields=["status"])
    if task.gap_id:
        resolve_if_done(task.gap)
    return task
