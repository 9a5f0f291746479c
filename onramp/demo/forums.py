"""Loads the demo's user groups, sessions, gaps and revision tasks, through the same rules the product uses.

Everything happens in load_demo's transaction; if the first demo group exists the forums are loaded already
and nothing is touched, so loading twice changes nothing."""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from expertise.models import Topic
from forums.gaps import decline_gap, me_too, merge_gaps, raise_gap
from forums.models import ForumSession, Gap, GapSource, Raiser, RevisionTask, TaskStatus, UserGroup
from forums.revision import cancel_task, complete_task, move_task
from forums.triage import MaterialTaskPlan, PageTaskPlan, triage_gap
from wiki.models import TrainingMaterial


def load_forums(data, *, users: dict, pages: dict, now, report) -> None:
    trainers = Group.objects.get_or_create(name="Trainers")[0]
    trainers.permissions.add(Permission.objects.get(content_type__app_label="forums", codename="triage_gap"))
    if UserGroup.objects.filter(slug=data.GROUPS[0]["slug"]).exists():
        return
    sessions = {}
    for spec in data.GROUPS:
        group = UserGroup.objects.create(
            name=spec["name"],
            slug=spec["slug"],
            description=spec["description"],
            facilitator=users[spec["facilitator"]],
        )
        group.members.set([users[name] for name in spec["members"]])
        group.topics.set(list(Topic.objects.filter(name__in=spec["topics"])))
        report.count("user group")
        for number, session_spec in enumerate(spec["sessions"]):
            session = ForumSession.objects.create(
                group=group,
                date=(now - timedelta(days=session_spec["days_ago"])).date(),
                agenda=session_spec["agenda"],
                minutes=session_spec["minutes"],
            )
            session.attendees.set([users[name] for name in session_spec["attendees"]])
            sessions[(spec["slug"], number)] = (session, session_spec["days_ago"])
            report.count("forum session")
    for spec in data.GAPS:
        load_gap(spec, users=users, pages=pages, sessions=sessions, now=now)
        report.count("gap")


def load_gap(spec: dict, *, users, pages, sessions, now) -> Gap:
    session, days_ago = (None, spec.get("days_ago", 3))
    if "group" in spec:
        session, days_ago = sessions[(spec["group"], spec["session"])]
    page_key = spec.get("page", "")
    related_page = pages.get(page_key) if not page_key.startswith("new:") else pages.get(spec["new_page_parent"])
    material = TrainingMaterial.objects.get(title=spec["material"]) if spec.get("material") else None
    gap = raise_gap(
        title=spec["title"],
        description=spec.get("description", ""),
        source=GapSource.FORUM if session else GapSource.DIRECT,
        session=session,
        raised_by=users[spec["raised_by"]],
        related_page=related_page,
        related_material=material,
    )
    for name in spec.get("me_too", []):
        me_too(gap=gap, person=users[name])
    carrie = users["carrie.lindqvist"]
    state = spec["state"]
    if state == "declined":
        decline_gap(gap=gap, by=carrie, reason=spec["reason"])
    elif state == "duplicate":
        merge_gaps(duplicate=gap, into=Gap.objects.get(title=spec["duplicate_of"]), by=carrie)
    elif state != "new":
        triage_demo_gap(gap, spec, pages=pages, material=material, by=carrie)
    backdate(gap, created=now - timedelta(days=days_ago), closed_days_ago=spec.get("closed_days_ago"), now=now)
    return gap


def triage_demo_gap(gap: Gap, spec: dict, *, pages, material, by) -> None:
    today = timezone.localdate()
    page_plan = material_plan = None
    if "page_task" in spec:
        page_key = spec["page"]
        if page_key.startswith("new:"):
            parent = pages[spec["new_page_parent"]]
            page_plan = PageTaskPlan(
                assignee=parent.page_owner, new_page_title=page_key[4:], new_page_parent=parent, due_date=today
            )
        else:
            page = pages[page_key]
            page_plan = PageTaskPlan(assignee=page.page_owner, page=page, due_date=today)
    if "material_task" in spec:
        material_plan = MaterialTaskPlan(material=material, assignee=material.trainer, due_date=today)
    tasks = triage_gap(gap=gap, by=by, page_plan=page_plan, material_plan=material_plan)
    for task in tasks:
        status, due_in = spec["page_task"] if task.page_id or task.new_page_parent_id else spec["material_task"]
        RevisionTask.objects.filter(pk=task.pk).update(due_date=today + timedelta(days=due_in))
        if status in (TaskStatus.IN_PROGRESS, TaskStatus.IN_REVIEW):
            move_task(task=task, by=task.assignee, status=status)
        elif status == TaskStatus.CANCELLED:
            cancel_task(task=task, by=by)
        elif status == TaskStatus.DONE:
            finish_demo_task(task)


def finish_demo_task(task: RevisionTask) -> None:
    if task.material_id:
        material = task.material
        material.last_reviewed = timezone.localdate()
        material.save()  # closes the task, as a trainer's save in the admin does
        return
    page = task.page.specific
    page.summary = f"{page.summary} Updated after a question from the user group.".strip()
    page.save_revision(user=task.assignee).publish(user=task.assignee, skip_permission_checks=True)
    complete_task(task=task, by=task.assignee)


def backdate(gap: Gap, *, created, closed_days_ago: int | None, now) -> None:
    """The rules stamp everything "now"; the demo spreads it over the months it pretends to have run."""
    Gap.objects.filter(pk=gap.pk).update(created_at=created)
    Raiser.objects.filter(gap=gap).update(created_at=created)
    gap.refresh_from_db()
    if gap.triaged_at:
        Gap.objects.filter(pk=gap.pk).update(triaged_at=created + timedelta(days=2))
        RevisionTask.objects.filter(gap=gap).update(opened_at=created + timedelta(days=2))
    if gap.closed_at:
        closed = now - timedelta(days=closed_days_ago) if closed_days_ago is not None else gap.closed_at
        Gap.objects.filter(pk=gap.pk).update(closed_at=max(closed, created))
        RevisionTask.objects.filter(gap=gap, done_at__isnull=False).update(done_at=max(closed, created))
