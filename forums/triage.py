"""Triage: a trainer or page owner turns a gap into a page task and/or a training-material task."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.models import Page

from forums.assignees import why_cannot_assign
from forums.gaps import can_triage
from forums.models import CLOSED_GAP_STATUSES, Gap, GapStatus, RevisionTask, TaskKind
from wiki.models import TrainingMaterial


@dataclass
class PageTaskPlan:
    """Revise `page`, or write a new page called `new_page_title` under `new_page_parent`."""

    assignee: AbstractBaseUser
    due_date: date | None = None
    page: Page | None = None
    new_page_title: str = ""
    new_page_parent: Page | None = None
    instructions: str = ""


@dataclass
class MaterialTaskPlan:
    material: TrainingMaterial
    assignee: AbstractBaseUser
    due_date: date | None = None
    instructions: str = ""


def live_page(page: Page | None, field: str) -> Page:
    """The page as it is now, or a clear error when it was deleted since the form was shown."""
    current = Page.objects.filter(pk=page.pk).first() if page is not None else None
    if current is None:
        raise ValidationError({field: _("That page no longer exists (it was deleted). Choose another page.")})
    return current.specific


def require_assignee(assignee: AbstractBaseUser | None, field: str) -> None:
    if assignee is None:
        raise ValidationError({field: _("Choose who will do this task.")})


def check_assignee(assignee: AbstractBaseUser, field: str, **subject) -> None:
    """`subject` is the task's kind and its page, parent page or material, as `why_cannot_assign` takes them."""
    reason = why_cannot_assign(assignee, **subject)
    if reason:
        raise ValidationError({field: reason})


def check_due_date(due_date: date | None, field: str) -> None:
    if due_date is not None and due_date < timezone.localdate():
        raise ValidationError({field: _("The due date is in the past; choose today or a later day.")})


def page_task(gap: Gap, plan: PageTaskPlan, *, by: AbstractBaseUser) -> RevisionTask:
    require_assignee(plan.assignee, "page_assignee")
    check_due_date(plan.due_date, "page_due_date")
    if plan.page is not None:
        page = live_page(plan.page, "page")
        check_assignee(plan.assignee, "page_assignee", kind=TaskKind.PAGE, page=page)
        kind, title, parent = TaskKind.PAGE, page.title, None
    else:
        title = plan.new_page_title.strip()
        if not title:
            raise ValidationError({"page": _("Choose a page to revise, or give the title of a new page to write.")})
        parent = live_page(plan.new_page_parent, "new_page_parent")
        check_assignee(plan.assignee, "page_assignee", kind=TaskKind.NEW_PAGE, new_page_parent=parent)
        kind, page = TaskKind.NEW_PAGE, None
    task = RevisionTask(
        gap=gap,
        kind=kind,
        page=page,
        new_page_parent=parent,
        subject_title=title[:255],
        instructions=plan.instructions.strip(),
        assignee=plan.assignee,
        due_date=plan.due_date,
        opened_by=by,
    )
    task.full_clean(validate_constraints=False)
    task.save()
    return task


def material_task(gap: Gap, plan: MaterialTaskPlan, *, by: AbstractBaseUser) -> RevisionTask:
    require_assignee(plan.assignee, "material_assignee")
    check_due_date(plan.due_date, "material_due_date")
    material = TrainingMaterial.objects.filter(pk=plan.material.pk).first() if plan.material else None
    if material is None:
        raise ValidationError({"material": _("That training material no longer exists. Choose another.")})
    check_assignee(plan.assignee, "material_assignee", kind=TaskKind.MATERIAL, material=material)
    task = RevisionTask(
        gap=gap,
        kind=TaskKind.MATERIAL,
        material=material,
        subject_title=material.title[:255],
        instructions=plan.instructions.strip(),
        assignee=plan.assignee,
        due_date=plan.due_date,
        opened_by=by,
        material_reviewed_when_opened=material.last_reviewed,
    )
    task.full_clean(validate_constraints=False)
    task.save()
    return task


@transaction.atomic
def triage_gap(
    *,
    gap: Gap,
    by: AbstractBaseUser,
    page_plan: PageTaskPlan | None = None,
    material_plan: MaterialTaskPlan | None = None,
) -> list[RevisionTask]:
    """Opens one or two revision tasks for an open gap and tells their assignees. All or nothing."""
    if not can_triage(by, gap):
        raise PermissionDenied(_("Only trainers and the owner of the gap's page may triage it."))
    gap = Gap.objects.select_for_update().get(pk=gap.pk)
    if gap.status in CLOSED_GAP_STATUSES:
        raise ValidationError(
            _("This gap is already %(status)s; a closed gap cannot be triaged.")
            % {"status": gap.get_status_display().lower()}
        )
    if page_plan is None and material_plan is None:
        raise ValidationError(_("Choose at least one task: a page to revise or write, or a training material."))
    live_kinds = set(gap.tasks.exclude(status="cancelled").values_list("kind", flat=True))
    if page_plan is not None and live_kinds & {TaskKind.PAGE, TaskKind.NEW_PAGE}:
        raise ValidationError({"page": _("This gap already has a page task.")})
    if material_plan is not None and TaskKind.MATERIAL in live_kinds:
        raise ValidationError({"material": _("This gap already has a training-material task.")})
    tasks = []
    if page_plan is not None:
        tasks.append(page_task(gap, page_plan, by=by))
    if material_plan is not None:
        tasks.append(material_task(gap, material_plan, by=by))
    if gap.status == GapStatus.NEW:
        gap.status = GapStatus.TRIAGED
    gap.triaged_at = gap.triaged_at or timezone.now()
    gap.triaged_by = gap.triaged_by or by
    gap.save(update_fields=["status", "triaged_at", "triaged_by"])
    from forums.tasks import notify_task_assigned

    for task in tasks:
        task_id = task.pk
        transaction.on_commit(lambda task_id=task_id: notify_task_assigned.delay(task_id))
    return tasks
