"""Change propagation: a published page change asks the trainers of linked materials to review them.

"Linked" means the training materials attached to the page's process: the page itself when it is a
process page, otherwise the nearest process above it. Materials that only share a topic are left out on
purpose: topics are broad (one topic spans several processes), and a review request nobody needs teaches
trainers to ignore them.

"With changes" means the text of the published revision (title, summary, body) differs from the revision
that was live before; a re-publish of the same content asks for nothing. A material that already has an
open review task gets no second one."""

from __future__ import annotations

import contextlib
import json
from datetime import timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone

from wagtail.models import Page, Revision

from forums.models import OPEN_TASK_STATUSES, RevisionTask, TaskKind
from forums.processes import process_of_page
from wiki.models import TrainingMaterial
from wiki.revisions import previously_published
from wiki.visibility import may_view, request_of

REVIEW_DUE_DAYS = 14


def linked_materials(page: Page) -> list[TrainingMaterial]:
    process = process_of_page(page)
    if process is None:
        return []
    return list(TrainingMaterial.objects.filter(processes=process).select_related("trainer").order_by("title"))


CONTENT_FIELDS = ("title", "summary", "body", "kind", "intro")


def content_of(revision: Revision) -> str:
    """What readers see of a revision, in a form that does not depend on how the database orders JSON keys."""
    content = revision.content
    fields = {}
    for name in CONTENT_FIELDS:
        value = content.get(name)
        if isinstance(value, str) and value[:1] in "[{":
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        fields[name] = value
    return json.dumps(fields, sort_keys=True, default=str)


def has_changes(page: Page, revision: Revision) -> bool:
    previous = previously_published(page, revision)
    if previous is None:
        return False  # a first publication changes no material that was written before the page existed
    return content_of(previous) != content_of(revision)


def review_instructions(page: Page, material: TrainingMaterial) -> str:
    """Names the changed page only to a trainer who may open it (the instructions reach their inbox)."""
    changed = f"“{page.title}”" if may_view(page, request_of(material.trainer)) else "A page you cannot open"
    return f"{changed} was changed and published; check that “{material.title}” still matches it."


def propagate_page_change(*, page: Page, revision: Revision) -> list[RevisionTask]:
    """Opens a "review this material" task for each linked material's trainer; returns the new tasks."""
    if revision is None or not has_changes(page, revision):
        return []
    opened = []
    for material in linked_materials(page):
        if material.trainer is None or not material.trainer.is_active:
            continue
        pending = RevisionTask.objects.filter(
            material=material,
            kind=TaskKind.MATERIAL_REVIEW,
            status__in=OPEN_TASK_STATUSES,
        )
        if pending.exists():
            continue
        task = RevisionTask(
            kind=TaskKind.MATERIAL_REVIEW,
            material=material,
            page=page,
            subject_title=material.title[:255],
            instructions=review_instructions(page, material),
            assignee=material.trainer,
            due_date=timezone.localdate() + timedelta(days=REVIEW_DUE_DAYS),
            trigger_revision=revision,
            material_reviewed_when_opened=material.last_reviewed,
        )
        try:
            with transaction.atomic():
                task.save()
        except IntegrityError:
            continue  # the same publication handled twice
        from forums.tasks import notify_task_assigned

        transaction.on_commit(lambda task_id=task.pk: notify_task_assigned.delay(task_id))
        opened.append(task)
    return opened
