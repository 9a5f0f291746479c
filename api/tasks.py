"""Tasks over the API: the milestones of an onboarding plan, which the hire and their buddy mark done or not done
(buddies.plans), and revision tasks, listed for their assignee and moved or confirmed done by the assignee or a
trainer (forums.revision) — each as its page allows. A page in a section closed to the caller is not named."""

from datetime import date, datetime
from typing import Literal

from ninja import Field, Router, Schema
from ninja.pagination import paginate
from pydantic import StrictBool

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from api.bodies import RequestBody
from api.onboarding import MilestoneOut, NamedPerson, milestones_for, named
from api.pagination import LimitOffsetPages
from api.refusals import ObjectId, refusal
from api.shown import Shown
from buddies import plans
from buddies.access import visible_milestone, visible_onboarding
from forums import gaps, revision
from forums.filters import TaskListFilter
from forums.forms import CompleteTaskForm, TaskStatusForm
from forums.models import RevisionTask
from forums.templatetags.forums_tags import subject_for
from onramp.params import LARGEST_ID
from wiki.visibility import may_view, request_of

router = Router(tags=["Tasks"])


class MilestoneChange(RequestBody):
    done: StrictBool = Field(description="true marks the milestone done, false not done after all.")


@router.get("/onboardings/{onboarding_id}/milestones/", response=list[MilestoneOut], summary="An onboarding's plan")
@paginate(LimitOffsetPages)
def milestone_list(request: HttpRequest, onboarding_id: ObjectId):
    """The milestones of the plan of an onboarding the caller may see, by due date."""
    return milestones_for(request, visible_onboarding(request, onboarding_id))


@router.patch("/milestones/{milestone_id}/", response=MilestoneOut, summary="Mark a milestone done or not done")
def tick_milestone(request: HttpRequest, milestone_id: ObjectId, payload: MilestoneChange):
    """The hire or their buddy ticks a milestone of an open onboarding (403 for others who see it)."""
    milestone = visible_milestone(request, milestone_id)
    try:
        plans.tick_milestone(milestone=milestone, by=request.user, done=payload.done)
    except ValidationError as error:
        raise refusal(None, error) from error
    return next(m for m in milestones_for(request, milestone.onboarding) if m.pk == milestone.pk)


TaskState = Literal["open", "in-progress", "in-review", "done", "cancelled"]


class TaskPage(Schema):
    id: int
    title: str
    url: str | None


class TaskGap(Schema):
    id: int
    title: str
    status: str


class RevisionTaskOut(Schema):
    id: int
    kind: str
    subject: str
    status: TaskState
    gap: TaskGap | None
    page: TaskPage | None
    material: str | None
    instructions: str
    assignee: NamedPerson | None
    due_date: date | None
    overdue: bool
    opened_at: datetime
    done_at: datetime | None
    may_work: bool
    may_cancel: bool


def task_as_seen_by(user, task: RevisionTask, seen_as: HttpRequest | None = None) -> RevisionTaskOut:
    """The task as its page shows it to `user`: a page closed to them unnamed, its instructions left out.
    `seen_as` (request_of(user)) is read once for a list of tasks."""
    seen_as = seen_as or request_of(user)
    page_visible = task.page_id is not None and may_view(task.page, seen_as)
    page = task.page if page_visible and task.page.live else None
    return RevisionTaskOut(
        id=task.pk,
        kind=task.kind,
        subject=subject_for(task, seen_as),
        status=task.status,
        gap=TaskGap(id=task.gap.pk, title=task.gap.title, status=task.gap.status) if task.gap else None,
        page=TaskPage(id=page.pk, title=page.title, url=page.url) if page else None,
        material=task.material.title if task.material else None,
        instructions=task.instructions if (task.page_id is None or page_visible) else "",
        assignee=named(task.assignee),
        due_date=task.due_date,
        overdue=task.is_overdue(),
        opened_at=task.opened_at,
        done_at=task.done_at,
        may_work=revision.can_work_on(user, task) and task.is_open,
        may_cancel=gaps.can_triage(user, task.gap) and task.is_open,
    )


TASK_RELATED = ("gap", "page", "material", "assignee__profile")


@router.get("/revision-tasks/", response=list[RevisionTaskOut], summary="My revision tasks")
@paginate(LimitOffsetPages)
def revision_task_list(request: HttpRequest, show: Literal["open", "closed"] = "open"):
    """The revision tasks assigned to the caller: open ones, or the done and cancelled; by due date."""
    mine = RevisionTask.objects.filter(assignee=request.user).select_related(*TASK_RELATED)
    chosen = TaskListFilter({"show": show}, queryset=mine, request=request).qs.order_by("due_date", "pk")
    seen_as = request_of(request.user)
    return Shown(chosen, lambda tasks: [task_as_seen_by(request.user, task, seen_as) for task in tasks])


def task_of(task_id: int) -> RevisionTask:
    return get_object_or_404(RevisionTask.objects.select_related(*TASK_RELATED), pk=task_id)


@router.get("/revision-tasks/{task_id}/", response=RevisionTaskOut, summary="One revision task")
def revision_task_detail(request: HttpRequest, task_id: ObjectId):
    return task_as_seen_by(request.user, task_of(task_id))


class TaskStatusChange(RequestBody):
    status: str = Field(description="open, in-progress or in-review; done is confirmed with …/done/.")


class TaskDone(RequestBody):
    new_page: int | None = Field(
        None, ge=1, le=LARGEST_ID, description="For a new-page task: the id of the page written."
    )


def require_worker(user, task: RevisionTask) -> None:
    if not revision.can_work_on(user, task):
        raise PermissionDenied(_("Only the assignee or a trainer may update this task."))


@router.post("/revision-tasks/{task_id}/status/", response=RevisionTaskOut, summary="Move a revision task")
def move_revision_task(request: HttpRequest, task_id: ObjectId, payload: TaskStatusChange):
    task = task_of(task_id)
    require_worker(request.user, task)
    form = TaskStatusForm(payload.model_dump())
    if not form.is_valid():
        raise refusal(form)
    try:
        revision.move_task(task=task, by=request.user, status=form.cleaned_data["status"])
    except ValidationError as error:
        raise refusal(form, error) from error
    return task_as_seen_by(request.user, task_of(task_id))


@router.post("/revision-tasks/{task_id}/done/", response=RevisionTaskOut, summary="Confirm a revision task done")
def complete_revision_task(request: HttpRequest, task_id: ObjectId, payload: TaskDone):
    """Done once the page was published (or, for a new page, the page written is given) or the material's
    review date moved since the task opened."""
    task = task_of(task_id)
    require_worker(request.user, task)
    form = CompleteTaskForm(payload.model_dump(exclude_none=True), request=request_of(request.user))
    new_page = form.cleaned_data.get("new_page") if form.is_valid() else None
    try:
        revision.complete_task(task=task, by=request.user, new_page=new_page)
    except ValidationError as error:
        raise refusal(form, error) from error
    return task_as_seen_by(request.user, task_of(task_id))
