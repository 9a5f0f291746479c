"""Who may be assigned a revision task: one rule for triage and for an assignee changed later in the admin."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.base_user import AbstractBaseUser

from wagtail.models import Page

from forums.models import MATERIAL_TASK_KINDS, TaskKind
from wiki.models import TrainingMaterial


def why_cannot_assign(
    assignee: AbstractBaseUser,
    *,
    kind: str,
    page: Page | None = None,
    new_page_parent: Page | None = None,
    material: TrainingMaterial | None = None,
) -> str | None:
    """Why `assignee` cannot do a task of this kind on this page, parent page or material; None when they can.
    A subject that is gone (deleted since the task opened) is not held against the assignee."""
    name = assignee.get_full_name() or assignee.get_username()
    if not assignee.is_active:
        return f"{name} is no longer active in Onramp."
    if kind == TaskKind.PAGE and page is not None and not page.permissions_for_user(assignee).can_edit():
        return f"{name} cannot edit “{page.title}”."
    if (
        kind == TaskKind.NEW_PAGE
        and new_page_parent is not None
        and not new_page_parent.permissions_for_user(assignee).can_add_subpage()
    ):
        return f"{name} cannot add pages under “{new_page_parent.title}”."
    may_revise = material is None or (
        material.trainer_id == assignee.pk or assignee.has_perm("wiki.change_trainingmaterial")
    )
    if kind in MATERIAL_TASK_KINDS and not may_revise:
        return f"{name} cannot revise “{material}”."
    return None


def eligible_assignees(people: Iterable[AbstractBaseUser], **subject) -> list[AbstractBaseUser]:
    """Those of `people` who may do the task `subject` describes (the keywords of `why_cannot_assign`)."""
    return [person for person in people if why_cannot_assign(person, **subject) is None]
