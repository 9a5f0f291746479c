"""What the forums know is wrong with a wiki page: its open gaps and the open revision tasks on it.

The wiki asks through its hooks (wiki/problems.py), answered in forums/wagtail_hooks.py: the owner reviews
these before verifying the page, and readers see a *known issue* linking the gaps they may see. Whether a page
has any is cached (`has_open_problems`); what they are, as each reader may read them, is not."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db.models import QuerySet
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from forums.models import OPEN_GAP_STATUSES, OPEN_TASK_STATUSES, Gap, RevisionTask, TaskKind
from onramp import page_generation
from onramp.page_generation import PROBLEMS
from wiki.problems import OpenProblem, ProblemKind
from wiki.visibility import may_view

if TYPE_CHECKING:
    from collections.abc import Iterable

    from django.http import HttpRequest

    from wagtail.models import Page


def may_see_gap(gap: Gap, request: HttpRequest) -> bool:
    """Whether a gap may be named and linked to whoever made `request`: a signed-in, active person, and,
    when the gap is about a page, one who may open that page (a gap's title describes its page)."""
    user = request.user
    if not user.is_authenticated or not user.is_active:
        return False
    return gap.related_page_id is None or may_view(gap.related_page, request)


def open_gaps_on(page_ids: Iterable[int]) -> QuerySet:
    return Gap.objects.filter(related_page_id__in=list(page_ids), status__in=OPEN_GAP_STATUSES)


def open_tasks_on(page_ids: Iterable[int]) -> QuerySet:
    return RevisionTask.objects.filter(page_id__in=list(page_ids), kind=TaskKind.PAGE, status__in=OPEN_TASK_STATUSES)


def pages_with_open_problems(page_ids: list[int]) -> set[int]:
    """Those of `page_ids` with an open gap or an open revision task, in one query."""
    gaps = open_gaps_on(page_ids).values_list("related_page_id", flat=True).order_by()
    tasks = open_tasks_on(page_ids).values_list("page_id", flat=True).order_by()
    return set(gaps.union(tasks))


def has_open_problems(page_id: int) -> bool:
    """Whether the page has an open gap or revision task, cached on the problems generation
    (`onramp.page_generation.PROBLEMS`, which any gap or revision task saved or deleted moves on): most pages have
    none, and their readers then wait for no query."""
    return page_generation.cached(
        f"forums:has-open-problems:{page_id}:problems={PROBLEMS.current()}",
        lambda: bool(pages_with_open_problems([page_id])),
    )


def gap_problem(gap: Gap) -> OpenProblem:
    return OpenProblem(
        kind=ProblemKind.GAP,
        title=gap.title,
        opened_at=gap.created_at,
        url=gap.get_absolute_url(),
        status=gap.get_status_display(),
        detail=gap.description,
        gap_title=gap.title,
        gap_url=gap.get_absolute_url(),
    )


def task_problem(task: RevisionTask, request: HttpRequest) -> OpenProblem:
    gap = task.gap if task.gap_id and task.gap.is_open and may_see_gap(task.gap, request) else None
    assignee = (task.assignee.get_full_name() or task.assignee.get_username()) if task.assignee else _("nobody")
    if task.due_date:
        detail = _("Assigned to %(person)s, due %(date)s.") % {
            "person": assignee,
            "date": date_format(task.due_date, "j M Y"),
        }
    else:
        detail = _("Assigned to %(person)s.") % {"person": assignee}
    return OpenProblem(
        kind=ProblemKind.TASK,
        title=gap.title if gap else task.get_kind_display(),
        opened_at=task.opened_at,
        url=task.get_absolute_url(),
        status=task.get_status_display(),
        detail=detail,
        gap_title=gap.title if gap else "",
        gap_url=gap.get_absolute_url() if gap else "",
    )


def open_problems_on(page: Page, request: HttpRequest) -> list[OpenProblem]:
    """The page's open gaps (oldest first), each named only to those who may see it, then its open revision
    tasks. A gap the reader may not see still counts: the page has a known issue all the same."""
    if not has_open_problems(page.pk):
        return []
    gaps = open_gaps_on([page.pk]).select_related("related_page").order_by("created_at", "pk")
    tasks = open_tasks_on([page.pk]).select_related("gap__related_page", "assignee").order_by("opened_at", "pk")
    problems = []
    for gap in gaps:
        if may_see_gap(gap, request):
            problems.append(gap_problem(gap))
        else:
            problems.append(
                OpenProblem(
                    kind=ProblemKind.GAP,
                    title=_("A gap you cannot open"),
                    opened_at=gap.created_at,
                    status=gap.get_status_display(),
                )
            )
    problems += [task_problem(task, request) for task in tasks]
    return problems
