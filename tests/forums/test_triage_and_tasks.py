from datetime import timedelta

import pytest

from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from expertise.factories import UserFactory
from forums.gaps import decline_gap, raise_gap
from forums.models import Gap, GapSource, GapStatus, RevisionTask, TaskStatus
from forums.revision import cancel_task, complete_task, move_task
from forums.triage import MaterialTaskPlan, PageTaskPlan, triage_gap
from inbox.models import Notification
from wiki.factories import ArticlePageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def gap(org):
    return raise_gap(
        title="The proposal's blocked-vendor case is missing",
        source=GapSource.DIRECT,
        raised_by=org["jill"],
        related_page=org["article"],
    )


def page_plan(org, **kwargs):
    return PageTaskPlan(
        **{"assignee": org["jim"], "page": org["article"], "due_date": timezone.localdate() + timedelta(7), **kwargs}
    )


def test_triaging_a_closed_gap_is_refused_and_opens_nothing(org, gap):
    decline_gap(gap=gap, by=org["carrie"], reason="Covered by the new course.")
    with pytest.raises(ValidationError, match="a closed gap cannot be triaged"):
        triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))
    assert not RevisionTask.objects.exists()


def test_triaging_a_closed_gap_through_the_view_says_so(client, org, gap):
    decline_gap(gap=gap, by=org["carrie"], reason="Covered by the new course.")
    client.force_login(org["carrie"])
    response = client.post(
        reverse("forums:triage", args=[gap.pk]), {"page": org["article"].pk, "page_assignee": org["jim"].pk}
    )
    assert response.status_code == 400
    assert "a closed gap cannot be triaged" in response.content.decode()
    assert not RevisionTask.objects.exists()


def test_a_task_on_a_deleted_page_is_refused(org, gap):
    doomed = ArticlePageFactory(title="Old procedure", parent=org["process"], page_owner=org["jim"])
    plan = page_plan(org, page=doomed)
    doomed.delete()
    with pytest.raises(ValidationError) as error:
        triage_gap(
            gap=gap, by=org["carrie"], page_plan=plan, material_plan=MaterialTaskPlan(org["material"], org["carrie"])
        )
    assert "no longer exists" in error.value.message_dict["page"][0]
    assert not RevisionTask.objects.exists()  # the material task was not opened half-way
    gap.refresh_from_db()
    assert gap.status == GapStatus.NEW


@pytest.mark.parametrize("who", ["inactive", "no-access"])
def test_an_assignee_without_access_is_refused(org, gap, who):
    assignee = UserFactory(is_active=(who != "inactive"))
    with pytest.raises(ValidationError) as error:
        triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org, assignee=assignee))
    message = error.value.message_dict["page_assignee"][0]
    assert ("no longer active" if who == "inactive" else "cannot edit “Run the payment proposal”") in message
    with pytest.raises(ValidationError) as error:
        triage_gap(gap=gap, by=org["carrie"], material_plan=MaterialTaskPlan(org["material"], UserFactory()))
    assert "cannot revise “Payables course”" in error.value.message_dict["material_assignee"][0]
    assert not RevisionTask.objects.exists()


def test_the_view_ties_an_assignee_error_to_its_field(client, org, gap):
    client.force_login(org["carrie"])
    outsider = UserFactory(first_name="Olga", last_name="Outsider")
    response = client.post(
        reverse("forums:triage", args=[gap.pk]), {"page": org["article"].pk, "page_assignee": outsider.pk}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_page_assignee_error"' in html and "Olga Outsider cannot edit" in html


def test_a_past_due_date_and_an_empty_triage_are_refused(org, gap):
    with pytest.raises(ValidationError) as error:
        triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org, due_date=timezone.localdate() - timedelta(1)))
    assert "in the past" in error.value.message_dict["page_due_date"][0]
    with pytest.raises(ValidationError, match="at least one task"):
        triage_gap(gap=gap, by=org["carrie"])


def test_who_may_triage(client, org, gap):
    with pytest.raises(PermissionDenied):
        triage_gap(gap=gap, by=org["ben"], page_plan=page_plan(org))
    client.force_login(org["ben"])
    assert client.get(reverse("forums:triage", args=[gap.pk])).status_code == 403
    # The owner of the gap's page may triage it without being a trainer.
    client.force_login(org["jim"])
    form = client.get(reverse("forums:triage", args=[gap.pk])).context["form"]
    assert form.initial["page_assignee"] == org["jim"].pk  # the page's owner is suggested
    tasks = triage_gap(gap=gap, by=org["jim"], page_plan=page_plan(org))
    assert len(tasks) == 1


def test_a_second_page_task_for_the_same_gap_is_refused(org, gap):
    triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))
    with pytest.raises(ValidationError, match="already has a page task"):
        triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))


def test_a_new_page_task_is_done_when_the_new_page_is_published(org, gap):
    (task,) = triage_gap(
        gap=gap,
        by=org["carrie"],
        page_plan=PageTaskPlan(assignee=org["jim"], new_page_title="Blocked vendors", new_page_parent=org["process"]),
    )
    with pytest.raises(ValidationError, match="Choose the page you wrote"):
        complete_task(task=task, by=org["jim"])
    with pytest.raises(ValidationError, match="published after this task opened"):
        complete_task(task=task, by=org["jim"], new_page=org["article"])
    new = ArticlePageFactory(title="Blocked vendors", parent=org["process"], page_owner=org["jim"])
    complete_task(task=task, by=org["jim"], new_page=new)
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE and task.page_id == new.pk
    gap.refresh_from_db()
    assert gap.status == GapStatus.RESOLVED


def test_a_task_whose_page_is_deleted_stays_with_a_clear_state(client, org, gap):
    doomed = ArticlePageFactory(title="Old procedure", parent=org["process"], page_owner=org["jim"])
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org, page=doomed))
    doomed.delete()
    task.refresh_from_db()
    assert task.subject_missing and task.subject_title == "Old procedure"
    with pytest.raises(ValidationError, match="was deleted after the task opened"):
        complete_task(task=task, by=org["jim"])
    client.force_login(org["jim"])
    html = client.get(reverse("forums:task", args=[task.pk])).content.decode()
    assert "was deleted after this task opened" in html
    cancel_task(task=task, by=org["carrie"])
    task.refresh_from_db()
    assert task.status == TaskStatus.CANCELLED
    # With its only task cancelled the gap stays open for another triage.
    gap.refresh_from_db()
    assert gap.is_open
    triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))


def test_only_the_assignee_or_a_trainer_moves_a_task(org, gap):
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))
    with pytest.raises(PermissionDenied):
        move_task(task=task, by=org["ben"], status="in-progress")
    with pytest.raises(ValidationError, match="confirmed separately"):
        move_task(task=task, by=org["jim"], status="done")
    move_task(task=task, by=org["jim"], status="in-review")
    task.refresh_from_db()
    assert task.status == TaskStatus.IN_REVIEW
    gap.refresh_from_db()
    assert gap.status == GapStatus.IN_REVISION


def test_assignees_hear_of_their_task_once(org, gap, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))
    from forums.tasks import notify_task_assigned

    assert notify_task_assigned(task.pk) is False  # a second run finds it already sent
    notices = Notification.objects.filter(recipient=org["jim"], kind="task-assigned")
    assert notices.count() == 1
    assert "Revise the page “Run the payment proposal”" in notices.get().subject


def test_my_tasks_lists_only_mine(client, org, gap):
    triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))
    client.force_login(org["jim"])
    assert "Run the payment proposal" in client.get(reverse("forums:my_tasks")).content.decode()
    client.force_login(org["ben"])
    html = client.get(reverse("forums:my_tasks")).content.decode()
    assert "Run the payment proposal" not in html and "No open tasks" in html


def test_a_gap_with_one_done_and_one_open_task_stays_open(org, gap):
    triage_gap(
        gap=gap,
        by=org["carrie"],
        page_plan=page_plan(org),
        material_plan=MaterialTaskPlan(org["material"], org["carrie"]),
    )
    material = org["material"]
    material.last_reviewed = timezone.localdate()
    material.save()
    assert Gap.objects.get(pk=gap.pk).status == GapStatus.TRIAGED


def test_someone_else_cannot_move_confirm_or_cancel_a_task_through_the_views(client, org, gap):
    (task,) = triage_gap(gap=gap, by=org["carrie"], page_plan=page_plan(org))
    client.force_login(org["ben"])
    html = client.get(reverse("forums:task", args=[task.pk])).content.decode()
    assert "It is done" not in html and "Cancel the task" not in html
    for name, data in (("move_task", {"status": "in-review"}), ("complete_task", {}), ("cancel_task", {})):
        assert client.post(reverse(f"forums:{name}", args=[task.pk]), data).status_code == 403
    task.refresh_from_db()
    assert task.status == TaskStatus.OPEN


def test_signed_out_visitors_are_sent_to_sign_in(client, gap):
    for url in (reverse("forums:gaps"), reverse("forums:gap", args=[gap.pk]), reverse("forums:dashboard")):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response.url


def test_a_gap_closed_by_a_material_alone_links_to_the_gap(org, gap, django_capture_on_commit_callbacks):
    triage_gap(gap=gap, by=org["carrie"], material_plan=MaterialTaskPlan(org["material"], org["carrie"]))
    material = org["material"]
    material.last_reviewed = timezone.localdate()
    with django_capture_on_commit_callbacks(execute=True):
        material.save()
    gap.refresh_from_db()
    assert gap.status == GapStatus.RESOLVED
    notice = Notification.objects.get(recipient=org["jill"], kind="gap-resolved")
    assert notice.url == reverse("forums:gap", args=[gap.pk])
