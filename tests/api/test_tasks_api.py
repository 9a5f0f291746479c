"""Tasks over the API: plan milestones, ticked by the hire and the buddy only; revision tasks, listed for their
assignee and moved or confirmed done by the assignee or a trainer, with a page closed to the caller unnamed."""

from datetime import UTC, datetime

import pytest
import time_machine

from django.contrib.auth.models import Group

from wagtail.models import PageViewRestriction

from buddies.models import Milestone
from buddies.pairing import end_onboarding
from forums.gaps import raise_gap
from forums.models import GapSource, TaskStatus
from forums.triage import PageTaskPlan, triage_gap
from tests.api.onboarding_world import (  # noqa: F401
    NOW,
    ROLES,
    TODAY,
    as_role_fixture,
    frozen_today,
    world_fixture,
    world_once,
)
from tests.shared_worlds import built_once, for_this_test, fresh
from wiki.factories import ArticlePageFactory, ProcessPageFactory
from wiki.visibility import HIDDEN_PAGE

pytestmark = pytest.mark.django_db

SEES_JILLS = {"jill", "jim", "nadia", "admin"}


def expected_status(role, allowed: set[str]) -> int:
    if role is None:
        return 401
    if role not in SEES_JILLS:
        return 404
    return 200 if role in allowed else 403


def first_milestone(world) -> Milestone:
    return world["jills"].milestones.order_by("due_on", "pk").first()


@pytest.mark.parametrize("role", ROLES)
def test_who_reads_the_plan(as_role, world, role):
    response = as_role(role).get(f"/api/v1/onboardings/{world['jills'].pk}/milestones/")
    assert response.status_code == expected_status(role, SEES_JILLS)
    if response.status_code == 200:
        assert response.json()["count"] == 5
        assert response.json()["items"][0]["title"] == "Systems access"


@pytest.mark.parametrize("role", ROLES)
def test_who_ticks_a_milestone(as_role, world, role):
    milestone = first_milestone(world)
    response = as_role(role).patch(f"/api/v1/milestones/{milestone.pk}/", {"done": True})
    assert response.status_code == expected_status(role, {"jill", "jim"})
    milestone.refresh_from_db()
    if response.status_code == 200:
        assert response.json()["done"] is True and response.json()["overdue"] is False
        assert milestone.done_by == world[role] and milestone.done_day == (TODAY - world["jills"].start_date).days + 1
    else:
        assert milestone.done_at is None and milestone.done_by is None


def test_a_milestone_marked_not_done_after_all(as_role, world):
    milestone = first_milestone(world)
    as_role("jim").patch(f"/api/v1/milestones/{milestone.pk}/", {"done": True})
    response = as_role("jill").patch(f"/api/v1/milestones/{milestone.pk}/", {"done": False})
    assert response.status_code == 200 and response.json()["done"] is False
    milestone.refresh_from_db()
    assert milestone.done_at is None and milestone.done_by is None


@pytest.mark.parametrize("body", [{}, {"done": "perhaps"}, {"done": None}])
def test_a_tick_without_a_yes_or_no_is_refused_naming_the_field(as_role, world, body):
    milestone = first_milestone(world)
    response = as_role("jill").patch(f"/api/v1/milestones/{milestone.pk}/", body)
    assert response.status_code == 422
    assert any(error["loc"][-1] == "done" for error in response.json()["errors"])
    milestone.refresh_from_db()
    assert milestone.done_at is None


def test_the_plan_of_an_ended_onboarding_no_longer_changes(as_role, world):
    end_onboarding(onboarding=world["jills"], completed=True, on=TODAY)
    milestone = first_milestone(world)
    response = as_role("jill").patch(f"/api/v1/milestones/{milestone.pk}/", {"done": True})
    assert response.status_code == 422
    assert "can no longer change" in response.json()["errors"][0]["msg"]
    milestone.refresh_from_db()
    assert milestone.done_at is None
    assert as_role("jill").get("/api/v1/onboarding/me/").json()["can_tick"] is False


@pytest.fixture(scope="class")
def task_once(request, world_once, django_db_blocker):  # noqa: F811
    if world_once is None:  # the module shares no world: each test triages its own task
        yield None
        return
    yield from built_once(request, django_db_blocker, lambda: build_task(fresh(world_once)))


def build_task(world) -> dict:
    """A gap Jill hit on the payment-run article, triaged by the trainer to Jim (a moderator)."""
    with time_machine.travel(NOW, tick=False):
        world["jim"].groups.add(Group.objects.get(name="Moderators"))
        process = ProcessPageFactory(title="Payments", page_owner=world["jim"])
        article = ArticlePageFactory(title="Run the payment proposal", parent=process, page_owner=world["jim"])
        gap = raise_gap(
            title="The blocked-vendor case is missing",
            source=GapSource.DIRECT,
            raised_by=world["jill"],
            related_page=article,
        )
        (task,) = triage_gap(
            gap=gap,
            by=world["trainer"],
            page_plan=PageTaskPlan(assignee=world["jim"], page=article, instructions="Add the blocked-vendor case"),
        )
    return {"task": task, "article": article}


@pytest.fixture
def task(world, task_once):
    """The revision task as this test gets it, with its article as `task.article`."""
    shared = for_this_test(task_once, lambda: build_task(world))
    shared["task"].article = shared["article"]
    return shared["task"]


class TestRevisionTasks:
    """The tests that share one revision task (built once for the class, see task_once)."""

    @pytest.mark.parametrize("role", ROLES)
    def test_my_revision_tasks_are_the_callers_own(self, as_role, world, task, role):
        response = as_role(role).get("/api/v1/revision-tasks/")
        if role is None:
            assert response.status_code == 401
            return
        assert [item["id"] for item in response.json()["items"]] == ([task.pk] if role == "jim" else [])

    def test_open_and_closed_revision_tasks(self, as_role, world, task):
        assert as_role("jim").get("/api/v1/revision-tasks/", {"show": "closed"}).json() == {"count": 0, "items": []}
        response = as_role("jim").get("/api/v1/revision-tasks/", {"show": "everything"})
        assert response.status_code == 422
        assert any(error["loc"][-1] == "show" for error in response.json()["errors"])

    @pytest.mark.parametrize("role", ROLES)
    def test_a_revision_task_reads_as_its_page_for_everyone_signed_in(self, as_role, world, task, role):
        response = as_role(role).get(f"/api/v1/revision-tasks/{task.pk}/")
        if role is None:
            assert response.status_code == 401
            return
        body = response.json()
        assert body["subject"] == "Run the payment proposal"
        assert body["instructions"] == "Add the blocked-vendor case"
        assert body["assignee"]["username"] == "jim.okafor"
        assert body["may_work"] == (role in {"jim", "trainer"})
        assert body["may_cancel"] == (role in {"jim", "trainer"}), "Jim owns the gap's page, so he may triage it"

    def test_a_page_closed_to_the_caller_is_not_named(self, as_role, world, task):
        restriction = PageViewRestriction.objects.create(
            page=task.article.get_parent(), restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.set([Group.objects.get(name="Moderators")])
        outsider = as_role("jill").get(f"/api/v1/revision-tasks/{task.pk}/").json()
        assert outsider["subject"] == HIDDEN_PAGE and outsider["page"] is None and outsider["instructions"] == ""
        assert "Run the payment proposal" not in str(outsider)
        insider = as_role("jim").get("/api/v1/revision-tasks/").json()["items"][0]
        assert insider["subject"] == "Run the payment proposal" and insider["page"]["id"] == task.article.pk

    @pytest.mark.parametrize("role", ROLES)
    def test_who_moves_a_revision_task(self, as_role, world, task, role):
        response = as_role(role).post(f"/api/v1/revision-tasks/{task.pk}/status/", {"status": "in-progress"})
        allowed = role in {"jim", "trainer"}
        assert response.status_code == (401 if role is None else 200 if allowed else 403)
        task.refresh_from_db()
        assert task.status == (TaskStatus.IN_PROGRESS if allowed else TaskStatus.OPEN)

    @pytest.mark.parametrize("status", ["done", "cancelled", ""])
    def test_a_status_the_form_does_not_offer_is_refused_naming_the_field(self, as_role, world, task, status):
        response = as_role("jim").post(f"/api/v1/revision-tasks/{task.pk}/status/", {"status": status})
        assert response.status_code == 422
        assert response.json()["errors"][0]["loc"] == ["status"]
        task.refresh_from_db()
        assert task.status == TaskStatus.OPEN

    def test_a_page_task_is_done_once_the_page_is_published(self, as_role, world, task):
        response = as_role("jim").post(f"/api/v1/revision-tasks/{task.pk}/done/", {})
        assert response.status_code == 422
        assert "publish your changes first" in response.json()["errors"][0]["msg"]
        task.refresh_from_db()
        assert task.status == TaskStatus.OPEN
        assert as_role("jill").post(f"/api/v1/revision-tasks/{task.pk}/done/", {}).status_code == 403
        with time_machine.travel(datetime(2026, 11, 20, 12, 0, tzinfo=UTC), tick=False):
            task.article.save_revision().publish()
            response = as_role("jim").post(f"/api/v1/revision-tasks/{task.pk}/done/", {})
        assert response.status_code == 200
        assert response.json()["status"] == "done" and response.json()["may_work"] is False
        task.refresh_from_db()
        assert task.status == TaskStatus.DONE and task.done_by == world["jim"]
