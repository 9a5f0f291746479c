"""What Onramp tells people about gaps and tasks, through the inbox. Every notice has a key naming its
event, so sending it again (a retried task, two workers) never reaches anyone twice."""

from __future__ import annotations

from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import QuerySet
from django.utils.translation import gettext as _

import inbox
from expertise.models import ExpertiseScore
from forums.models import Gap, GapStatus, RevisionTask, TaskKind

EXPERT_LEVELS = [ExpertiseScore.Level.EXPERT, ExpertiseScore.Level.GO_TO]


def experts_on(gap: Gap) -> QuerySet:
    """Active people at expert or go-to level on any of the gap's topics, other than whoever raised it."""
    topic_ids = list(gap.topics.values_list("pk", flat=True))
    return (
        get_user_model()
        .objects.filter(
            is_active=True, expertise_scores__topic_id__in=topic_ids, expertise_scores__level__in=EXPERT_LEVELS
        )
        .exclude(pk=gap.raised_by_id)
        .distinct()
        .order_by("pk")
    )


def experts_topics(gap: Gap) -> dict[int, list[str]]:
    """For each expert on the gap, the names of the gap's topics they know (one query)."""
    rows = ExpertiseScore.objects.filter(
        topic__in=gap.topics.all(), level__in=EXPERT_LEVELS, person__in=experts_on(gap)
    ).values_list("person_id", "topic__name")
    known: dict[int, list[str]] = {}
    for person_id, name in rows.order_by("topic__name"):
        known.setdefault(person_id, []).append(name)
    return known


def notify_experts(gap: Gap) -> int:
    """One short message to each expert on the gap's topics, naming the topics of theirs it touches; the key
    is the gap's, so an expert on several of its topics, or a task that runs twice, still makes one message."""
    known = experts_topics(gap)
    sent = 0
    for expert in experts_on(gap):
        sent += (
            inbox.notify_from_templates(
                expert,
                template="forums/notifications/gap_new",
                context={"gap": gap, "topics": ", ".join(known.get(expert.pk, []))},
                kind="gap-new",
                url=gap.get_absolute_url(),
                key=f"gap-new:{gap.pk}",
            )
            is not None
        )
    return sent


def where(task: RevisionTask) -> str:
    if task.kind == TaskKind.NEW_PAGE:
        if task.new_page_parent_id:
            return _("Write a new page “%(title)s” under “%(parent)s”") % {
                "title": task.subject_title,
                "parent": task.new_page_parent.title,
            }
        return _("Write a new page “%(title)s”") % {"title": task.subject_title}
    if task.kind == TaskKind.PAGE:
        return _("Revise the page “%(title)s”") % {"title": task.subject_title}
    if task.kind == TaskKind.MATERIAL_REVIEW:
        return _("Review the training material “%(title)s”") % {"title": task.subject_title}
    return _("Revise the training material “%(title)s”") % {"title": task.subject_title}


def notify_assignee(task: RevisionTask) -> bool:
    if task.assignee is None:
        return False
    due_date = task.due_date if isinstance(task.due_date, date) else None
    return (
        inbox.notify_from_templates(
            task.assignee,
            template="forums/notifications/task_assigned",
            context={"task": task, "what_to_do": where(task), "due_date": due_date},
            kind="task-assigned",
            url=task.get_absolute_url(),
            key=f"task-assigned:{task.pk}:{task.assignee_id}",
        )
        is not None
    )


def improved_link(gap: Gap) -> str:
    """Where people see what changed: the revised or new page, else the gap (which names the material)."""
    for task in gap.tasks.filter(status="done", page__isnull=False).select_related("page").order_by("pk"):
        if task.page.live and task.page.url:
            return task.page.url
    return gap.get_absolute_url()


def notify_closed(gap: Gap) -> int:
    """Tells everyone who raised, "me too"-ed or raised a duplicate of the gap how it ended."""
    if gap.status == GapStatus.RESOLVED:
        url = improved_link(gap)
    elif gap.status == GapStatus.DECLINED:
        url = gap.get_absolute_url()
    else:
        return 0
    sent = 0
    for person in people_who_hit(gap):
        sent += (
            inbox.notify_from_templates(
                person,
                template=f"forums/notifications/gap_{gap.status}",
                context={"gap": gap},
                kind=f"gap-{gap.status}",
                url=url,
                key=f"gap-closed:{gap.pk}",
            )
            is not None
        )
    return sent


def people_who_hit(gap: Gap) -> list[AbstractBaseUser]:
    return [raiser.person for raiser in gap.raisers.select_related("person").order_by("pk")]
